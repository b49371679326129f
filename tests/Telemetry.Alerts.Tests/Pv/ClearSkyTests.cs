using System.Text.Json;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Time;
using Telemetry.Simulators.Evaluation;
using Telemetry.Simulators.Faults;

namespace Telemetry.Alerts.Tests.Pv;

/// <summary>The clear-sky rule on the real simulators: a whole village degraded, which its peers cannot see.</summary>
public sealed class ClearSkyTests
{
    [Fact]
    public void A_whole_village_at_half_output_is_caught_against_clear_sky_while_its_peers_see_nothing()
    {
        var fleet = Chengqu();
        var december = new EvaluationCampaign("winter", new DateOnly(2025, 12, 6), 7, 3, false);
        var village = fleet.Stations.Where(s => s.Village.Id == "chengqu-xss-01").ToList();
        var from = ChinaTime.StartOfDay(december.FirstDay.AddDays(1));
        var faults = village.Select(s => new ScheduledFault(s.Id, FaultTypes.StringLoss, from, from.AddDays(december.Days))).ToList();

        var signals = VirtualFleetRun.Run(fleet, december, faults, new AlertsOptions()).Select(d => d.Signal).Where(s => s.Rule.StartsWith("pv.", StringComparison.Ordinal)).ToList();

        Assert.Equal(village.Select(s => s.Id).Order(), signals.Select(s => s.DeviceId).Order());
        Assert.All(signals, s => Assert.Equal((AlertRules.PvUnderperformanceClearSky, AlertSeverity.Major, true), (s.Rule, s.Severity, s.Active)));
        Assert.All(signals, s => Assert.InRange(s.At, from.AddDays(3), from.AddDays(december.Days)));
    }

    /// <summary>The sample registry cut down to the stations of Chengqu (城区), so the run stays short.</summary>
    private static FleetRegistry Chengqu()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json");
        var document = JsonSerializer.Deserialize<FleetDocument>(File.ReadAllText(path), FleetRegistryLoader.JsonOptions)!;
        var villages = document.Counties!.Single(c => c.Id == "chengqu").Townships!.SelectMany(t => t.Villages!).Select(v => v.Id).ToHashSet();
        document.Stations = [.. document.Stations!.Where(s => villages.Contains(s.Village!))];
        document.Barns = [];
        return FleetRegistryLoader.FromDocument(document);
    }
}
