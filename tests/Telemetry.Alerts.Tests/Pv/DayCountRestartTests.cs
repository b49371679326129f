using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Tests.Pv;

/// <summary>
/// Multi-day underperformance runs survive a restart that replays only 24 h: the detectors continue from the verdicts
/// recorded when each day closed (<c>IDayResultStore</c>), and a day already judged is not judged again by the replay.
/// </summary>
public sealed class DayCountRestartTests
{
    private static readonly DateOnly First = DateOnly.FromDateTime(Read.Day.DateTime);

    public static TheoryData<string, int, int, string> Runs => new()
    {
        // pattern (PV-2 per day), restart on day (0-based) at hour, expected signals "<severity><+|-><day closed>"
        { "BBB", 2, 5, "Major+2" },        // restart right after day 1 closed: the replay covers day 1 whole, judged already
        { "BBB", 2, 14, "Major+2" },       // restart mid-day
        { "BBB", 1, 14, "Major+2" },       // restart before the run is half way
        { "BBOB", 3, 5, "Major+3" },       // an overcast day (not judged) keeps the run
        { "BGBB", 3, 5, "" },              // a good day breaks it
        { "BBBG", 3, 5, "Major+2 Major-3" }, // the raised alert still clears after the restart
        { "MMMMMMM", 6, 5, "Minor+6" },    // the 7-day Minor run
        { "MMMMMMM", 4, 20, "Minor+6" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_restart_replaying_24_hours_alerts_exactly_as_an_uninterrupted_run(string pattern, int restartDay, int restartHour, string expected)
    {
        var readings = PvDays.Of(First, pattern);
        var restart = ChinaTime.StartOfDay(First.AddDays(restartDay)).AddHours(restartHour);

        var uninterrupted = Underperformance(Lives.Run(readings, new MemoryDayResults(), []));
        var restarted = Underperformance(Lives.Run(readings, new MemoryDayResults(), [restart]));

        Assert.Equal(Expected(expected), uninterrupted);
        Assert.Equal(uninterrupted, restarted);
    }

    [Fact]
    public void Several_restarts_a_day_apart_keep_the_run()
    {
        var readings = PvDays.Of(First, "BBB");
        var restarts = Enumerable.Range(1, 3).Select(d => ChinaTime.StartOfDay(First.AddDays(d)).AddHours(3)).ToList();

        Assert.Equal(Expected("Major+2"), Underperformance(Lives.Run(readings, new MemoryDayResults(), restarts)));
    }

    [Fact]
    public void Without_the_recorded_days_a_restart_loses_the_run()
    {
        // The control: with only the 24 h replay, day 1 is judged again from the replay and day 0 is forgotten.
        var readings = PvDays.Of(First, "BBB");
        var restart = ChinaTime.StartOfDay(First.AddDays(2)).AddHours(5);

        Assert.Empty(Underperformance(Lives.Run(readings, null, [restart])));
    }

    [Fact]
    public void Each_closed_day_is_recorded_once_with_the_counts_after_it()
    {
        var store = new MemoryDayResults();

        Lives.Run(PvDays.Of(First, "BBOB"), store, []);

        Assert.Equal([First, First.AddDays(1), First.AddDays(2), First.AddDays(3)], store.Saved.Select(d => d.Day));
        Assert.All(store.Saved, d => Assert.Equal("zezhou", d.CountyId));
        Assert.Empty(store.Saved[2].Verdicts); // overcast: nothing judged, but the day is closed
        var faulty = store.Saved[3].Verdicts.Single(v => v.StationId == PvDays.Faulty && v.Rule == AlertRules.PvUnderperformancePeers);
        Assert.Equal((3, 3, AlertSeverity.Major, true), (faulty.BelowMajor, faulty.BelowMinor, faulty.Active, faulty.Shown));
        Assert.InRange(faulty.Ratio, 0.4, 0.55);
        var clearSky = store.Saved[3].Verdicts.Single(v => v.StationId == PvDays.Faulty && v.Rule == AlertRules.PvUnderperformanceClearSky);
        Assert.Equal((AlertSeverity.Major, false), (clearSky.Active, clearSky.Shown)); // raised too, but not shown: one alert per station
        Assert.All(store.Saved[3].Verdicts.Where(v => v.StationId != PvDays.Faulty), v => Assert.Equal((0, (AlertSeverity?)null), (v.BelowMajor, v.Active)));
    }

    private static List<(AlertSeverity, bool, DateTimeOffset)> Underperformance(List<AlertSignal> signals) =>
        [.. signals.Where(s => s.Rule.StartsWith("pv.underperformance", StringComparison.Ordinal)).Select(s => (s.Severity, s.Active, s.At))];

    private static List<(AlertSeverity, bool, DateTimeOffset)> Expected(string expected) =>
        [.. expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var sign = e.IndexOfAny(['+', '-']);
            return (Enum.Parse<AlertSeverity>(e[..sign]), e[sign] == '+', PvDays.ClosesAt(First, int.Parse(e[(sign + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        })];
}
