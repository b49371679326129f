using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Simulators.Evaluation;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Alerts.Tests.Pv;

/// <summary>The daily peer comparison on the real simulators: July in Zezhou, with overcast days (seed 1).</summary>
public sealed class PeerComparisonTests
{
    private static readonly EvaluationCampaign July = new("summer", new DateOnly(2025, 7, 8), 5, 1, true);

    private static List<AlertSignal> PvSignals(params ScheduledFault[] faults) =>
        [.. VirtualFleetRun.Run(TestFleet.Registry, July, faults, new AlertsOptions()).Select(d => d.Signal).Where(s => s.Rule.StartsWith("pv.", StringComparison.Ordinal))];

    private static ScheduledFault FromSecondDay(string device, string type) =>
        new(device, type, ChinaTime.StartOfDay(July.FirstDay.AddDays(1)), ChinaTime.StartOfDay(July.FirstDay.AddDays(July.Days)));

    [Fact]
    public void Healthy_stations_through_cloudy_and_overcast_days_and_nights_raise_nothing()
    {
        var weather = new WeatherModel(July.Seed, SiteClimate.Jincheng);
        var days = Enumerable.Range(0, July.Days).Select(d => weather.DayTypeOf("zezhou", July.FirstDay.AddDays(d))).ToList();
        Assert.Contains(DayType.Overcast, days); // the premise: this week has overcast days

        Assert.Empty(PvSignals());
    }

    [Fact]
    public void A_station_at_half_its_peers_raises_major_after_three_judged_days()
    {
        var signal = Assert.Single(PvSignals(FromSecondDay("PV-2", FaultTypes.StringLoss)));

        Assert.Equal(("PV-2", AlertRules.PvUnderperformancePeers, AlertSeverity.Major, true), (signal.DeviceId, signal.Rule, signal.Severity, signal.Active));
        Assert.Equal(ChinaTime.StartOfDay(new DateOnly(2025, 7, 12)).AddHours(1), signal.At); // 09, 10, 11 July judged; closes 01:00
        Assert.Contains("同村", signal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_station_without_village_peers_is_compared_with_its_county()
    {
        var signal = Assert.Single(PvSignals(FromSecondDay("PV-H", FaultTypes.StringLoss)));

        Assert.Equal(("PV-H", AlertRules.PvUnderperformancePeers, AlertSeverity.Major), (signal.DeviceId, signal.Rule, signal.Severity));
        Assert.Contains("同县", signal.Message, StringComparison.Ordinal);
    }
}
