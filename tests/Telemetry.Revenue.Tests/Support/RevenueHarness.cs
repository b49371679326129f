using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;
using Telemetry.Ingest.Extensions;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Plans;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Revenue.Tests.Support;

/// <summary>A real SQLite time-series store (the ingest module's), a real ledger file and the revenue service, in a temp folder.</summary>
internal sealed class RevenueHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private RevenueHarness(string folder, IHost host, FleetRegistry fleet, ITimeSeriesStore store, RevenueLedger ledger, FixedTimeProvider time, AllocationPlanBook plans)
    {
        Folder = folder;
        _host = host;
        Fleet = fleet;
        Store = store;
        Ledger = ledger;
        Time = time;
        Service = new RevenueService(fleet, new StoreMeterSource(store), ledger, plans, time);
    }

    public string Folder { get; }

    public FleetRegistry Fleet { get; }

    public ITimeSeriesStore Store { get; }

    public RevenueLedger Ledger { get; }

    public FixedTimeProvider Time { get; }

    public RevenueService Service { get; }

    /// <summary>"Now" is 2026-05-10 10:00 China time unless told otherwise: April is over, May is the current month.</summary>
    public static async Task<RevenueHarness> CreateAsync(FleetRegistry fleet, AllocationPlanBook? plans = null, DateTimeOffset? now = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "telemetry-revenue-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, DisableDefaults = true });
        builder.Configuration["Storage:Sqlite:Path"] = Path.Combine(folder, "telemetry.db");
        builder.Configuration["Storage:Sqlite:Synchronous"] = "Normal";
        builder.Services.AddSingleton(fleet);
        builder.AddTimeSeriesStorage();
        var host = builder.Build();
        var store = host.Services.GetRequiredService<ITimeSeriesStore>();
        await store.InitializeAsync(CancellationToken.None);
        var time = new FixedTimeProvider(now ?? MeterScript.At(new DateOnly(2026, 5, 10), 10));
        return new RevenueHarness(folder, host, fleet, store, new RevenueLedger(Path.Combine(folder, "revenue.db")), time, plans ?? AllocationPlanBook.Empty);
    }

    public Task WriteAsync(string stationId, IEnumerable<(DateTimeOffset At, double Kwh)> readings)
    {
        var station = (Station)(Fleet.TryGetDevice(stationId, out var d) ? d : throw new ArgumentException(stationId));
        return Store.WriteAsync([.. readings.Select(r => (Reading)Pv(station, r.At, r.Kwh))], CancellationToken.None);
    }

    public static PvReading Pv(Station station, DateTimeOffset at, double kwh) =>
        new() { Device = station, TimestampMs = at.ToUnixTimeMilliseconds(), PowerKw = 0, EnergyTotalKwh = kwh };

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some systems; the temp folder is harmless.
        }
    }
}
