using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.IntegrationTests.Lifecycle;

/// <summary>The daily underperformance rules' memory in the alert database, through a restart of the service.</summary>
public sealed class DayResultStoreTests : IAsyncLifetime
{
    private const string County = "zezhou";
    private const string Peers = AlertRules.PvUnderperformancePeers;
    private const string ClearSky = AlertRules.PvUnderperformanceClearSky;
    private static readonly DateOnly Day1 = new(2025, 7, 9);
    private static readonly DateOnly Day2 = Day1.AddDays(1);
    private AlertsHost _host = null!;

    private IDayResultStore Store => _host.Services.GetRequiredService<IDayResultStore>();

    public async Task InitializeAsync() => _host = await AlertsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ClosedDays_SurviveARestart_AsTheLastClosedDayAndTheLatestVerdictPerStationAndRule()
    {
        Assert.IsType<SqliteDayResultStore>(Store); // what AddTelemetryAlerts registers
        Store.Save(new ClosedDay(County, Day1, [Verdict("PV-V001", Peers, Day1, 0.5, 1), Verdict("PV-V001", ClearSky, Day1, double.NaN, 1)]));
        Store.Save(new ClosedDay(County, Day2, [Verdict("PV-V001", Peers, Day2, 0.45, 2)])); // not a clear day: no clear-sky verdict
        Store.Save(new ClosedDay("gaoping", Day2, [])); // nothing judged, but closed

        _host = await _host.RestartAsync();
        var loaded = Store.Load();

        Assert.Equal(new Dictionary<string, DateOnly> { [County] = Day2, ["gaoping"] = Day2 }, loaded.ClosedThrough);
        Assert.Equal(
            [Verdict("PV-V001", ClearSky, Day1, double.NaN, 1), Verdict("PV-V001", Peers, Day2, 0.45, 2)],
            loaded.Latest.OrderBy(v => v.Day));
    }

    [Fact]
    public void SavingADayAgain_LeavesTheSameState_AndNeverReopensLaterDays()
    {
        var day1 = new ClosedDay(County, Day1, [Verdict("PV-V001", Peers, Day1, 0.5, 1), Verdict("PV-V002", Peers, Day1, 1.02, 0)]);
        var day2 = new ClosedDay(County, Day2, [Verdict("PV-V001", Peers, Day2, 0.4, 2, AlertSeverity.Major, shown: true)]);
        Store.Save(day1);
        Store.Save(day2);
        var before = Store.Load();

        Store.Save(day2);
        Store.Save(day1);
        var after = Store.Load();

        Assert.Equal(before.ClosedThrough, after.ClosedThrough);
        Assert.Equal(Day2, after.ClosedThrough[County]);
        Assert.Equal(before.Latest.OrderBy(v => v.StationId), after.Latest.OrderBy(v => v.StationId));
        Assert.Contains(Verdict("PV-V001", Peers, Day2, 0.4, 2, AlertSeverity.Major, shown: true), after.Latest);
        Assert.Equal(3, Rows());
    }

    [Fact]
    public void OldVerdicts_ArePruned_ButAStationsLatestIsKeptHoweverOld()
    {
        var later = Day1.AddDays(SqliteDayResultStore.KeepDays + 1);
        Store.Save(new ClosedDay(County, Day1, [Verdict("PV-V001", Peers, Day1, 0.5, 1), Verdict("PV-V002", Peers, Day1, 0.5, 1)]));
        Store.Save(new ClosedDay(County, Day2, [Verdict("PV-V001", Peers, Day2, 0.5, 2)]));

        Store.Save(new ClosedDay(County, later, [Verdict("PV-V001", Peers, later, 0.5, 3, AlertSeverity.Major, shown: true)]));

        Assert.Equal(2, Rows("PV-V001")); // Day1 is more than KeepDays older than the new verdict, Day2 exactly KeepDays
        Assert.Equal(1, Rows("PV-V002")); // its only verdict: still what it continues from
        Assert.Equal(later, Store.Load().Latest.Single(v => v.StationId == "PV-V001").Day);
    }

    private static DayVerdict Verdict(string station, string rule, DateOnly day, double ratio, int below, AlertSeverity? active = null, bool shown = false) =>
        new(station, rule, day, ratio, below, below, active, shown);

    private long Rows(string? station = null)
    {
        using var connection = _host.Services.GetRequiredService<AlertDatabase>().OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pv_day_results WHERE $station IS NULL OR station_id = $station";
        command.Parameters.AddWithValue("$station", (object?)station ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }
}
