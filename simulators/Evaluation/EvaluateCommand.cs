using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Evaluation;

/// <summary>
/// <c>dotnet run --project simulators -- evaluate [--fleet path] [--out artifacts/alert-quality.json] [--Alerts:… overrides]</c>:
/// measures detection quality on labelled scenarios and writes the report.
/// </summary>
internal static class EvaluateCommand
{
    public const string DefaultOutput = "artifacts/alert-quality.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(FleetRegistry fleet, string? output, string[] args)
    {
        var options = new AlertsOptions();
        new ConfigurationBuilder().AddCommandLine(args).Build().GetSection(AlertsOptions.SectionName).Bind(options);
        var watch = Stopwatch.StartNew();
        var report = AlertQualityEvaluation.Run(fleet, options);
        var path = Path.GetFullPath(output ?? DefaultOutput);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Alert detection quality: {fleet.Stations.Count} stations and {fleet.Barns.Count} barns, {report.Runs.Count} labelled runs ({string.Join("; ", report.Runs)}), in {watch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(report.Table()).ConfigureAwait(false);
        foreach (var example in report.FalsePositiveExamples.Take(10))
        {
            await Console.Out.WriteLineAsync("  false positive: " + example).ConfigureAwait(false);
        }

        foreach (var example in report.MissedExamples.Take(10))
        {
            await Console.Out.WriteLineAsync("  missed: " + example).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"Written to {path}").ConfigureAwait(false);
        return 0;
    }
}
