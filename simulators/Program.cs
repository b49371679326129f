using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telemetry.Core.Fleet;
using Telemetry.Simulators.Evaluation;

namespace Telemetry.Simulators;

/// <summary>
/// <c>dotnet run --project simulators -- [run] [--config path] [--fleet path] [--Simulators:Speed=60 …]</c>: runs the
/// simulated fleet against a broker. <c>evaluate [--out path]</c> measures alert detection quality on labelled
/// fault scenarios in virtual time (docs/alerts.md). <c>load</c> is the benchmark's load generator
/// (docs/benchmarks.md).
/// </summary>
internal static class Program
{
    private const string DefaultFleetPath = "fleet/jincheng.fleet.json";

    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (command)
        {
            case "run":
                return await RunAsync(rest).ConfigureAwait(false);
            case "evaluate":
                return await EvaluateAsync(rest).ConfigureAwait(false);
            case "load":
                return await Load.LoadCommand.RunAsync(rest).ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Usage: simulators [run|evaluate|load] [--config path] [--fleet path] [--out path] [--Section:Key=value …]").ConfigureAwait(false);
                return 2;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var configPath = TakeOption(ref args, "--config");
        var fleetOption = TakeOption(ref args, "--fleet");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (configPath is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false);
            builder.Configuration.AddCommandLine(args);
        }

        var fleetPath = ResolveFleetPath(fleetOption ?? builder.Configuration["Fleet:Path"]);
        FleetRegistry fleet;
        try
        {
            fleet = FleetRegistryLoader.LoadFile(fleetPath);
        }
        catch (FleetRegistryException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        builder.Services.AddSingleton(fleet);
        builder.AddTelemetrySimulators();
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> EvaluateAsync(string[] args)
    {
        var fleetOption = TakeOption(ref args, "--fleet");
        var output = TakeOption(ref args, "--out");
        FleetRegistry fleet;
        try
        {
            fleet = FleetRegistryLoader.LoadFile(ResolveFleetPath(fleetOption));
        }
        catch (FleetRegistryException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        return await EvaluateCommand.RunAsync(fleet, output, args).ConfigureAwait(false);
    }

    private static string ResolveFleetPath(string? configured)
    {
        if (configured is not null)
        {
            return configured;
        }

        // Relative to where the command runs (the repository root), else the copy shipped next to the binary.
        return File.Exists(DefaultFleetPath) ? DefaultFleetPath : Path.Combine(AppContext.BaseDirectory, DefaultFleetPath);
    }

    private static string? TakeOption(ref string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.Ordinal));
        if (i < 0)
        {
            var prefixed = Array.FindIndex(args, a => a.StartsWith(name + "=", StringComparison.Ordinal));
            if (prefixed < 0)
            {
                return null;
            }

            var inline = args[prefixed][(name.Length + 1)..];
            args = [.. args[..prefixed], .. args[(prefixed + 1)..]];
            return inline;
        }

        if (i + 1 >= args.Length)
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        var value = args[i + 1];
        args = [.. args[..i], .. args[(i + 2)..]];
        return value;
    }
}
