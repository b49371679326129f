using System.Reactive.Concurrency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Live;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Revenue.Extensions;

/// <summary>Composition of the revenue module.</summary>
public static class RevenueExtensions
{
    /// <summary>
    /// Registers the revenue module (section <c>Revenue</c>): allocation plans (validated at start against the registry),
    /// the ledger, statements computed from the time-series store, and the live tracker fed by the stored-readings stream.
    /// Call after <c>AddFleetRegistry</c>, <c>AddTimeSeriesStorage</c> and <c>AddTelemetryIngest</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetryRevenue(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RevenueOptions>().BindConfiguration(RevenueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RevenueOptions>>().Value;
            var fleet = sp.GetRequiredService<FleetRegistry>();
            if (string.IsNullOrWhiteSpace(options.PlansPath))
            {
                return AllocationPlanBook.Empty;
            }

            var path = ResolveExisting(options.PlansPath, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var book = AllocationPlanLoader.LoadFile(path, fleet);
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Telemetry.Revenue")
                .LogInformation("Revenue plans loaded from {Path}: {Plans} village-year plans", path, book.All.Count);
            return book;
        });
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<RevenueOptions>>().Value.LedgerPath;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new RevenueLedger(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        });
        services.AddSingleton<IMeterSource, StoreMeterSource>();
        services.AddSingleton(sp => new RevenueService(
            sp.GetRequiredService<FleetRegistry>(),
            sp.GetRequiredService<IMeterSource>(),
            sp.GetRequiredService<RevenueLedger>(),
            sp.GetRequiredService<AllocationPlanBook>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<RevenueOptions>>().Value.ReadParallelism));
        services.AddSingleton<IRevenueStatements>(sp => sp.GetRequiredService<RevenueService>());
        services.AddSingleton(sp => new LiveRevenueTracker(sp.GetRequiredService<FleetRegistry>(), TaskPoolScheduler.Default));
        services.AddHostedService<RevenueStartupCheck>();
        if (builder.Configuration.GetValue($"{RevenueOptions.SectionName}:{nameof(RevenueOptions.Live)}", defaultValue: true))
        {
            services.AddHostedService<LiveRevenueService>();
        }

        return builder;
    }

    internal static string ResolveExisting(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        string[] candidates = [Path.Combine(contentRoot, path), Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path)];
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}
