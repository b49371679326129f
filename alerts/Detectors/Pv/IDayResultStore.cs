namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// Where the daily underperformance rules keep their judged days, so a restart carries their 3- and 7-day counts on
/// without replaying a week of readings.
/// </summary>
/// <remarks>
/// <see cref="Load"/> is called once per subscription of the detectors, before the first reading; <see cref="Save"/>
/// synchronously on the detection thread each time a county's day closes (once a day per county). Saving a day again
/// must leave the same state (replays are idempotent), and a failure to save must not throw: detection goes on with its
/// state in memory.
/// </remarks>
public interface IDayResultStore
{
    /// <summary>The last closed day per county and the latest verdict per station and rule.</summary>
    DayResults Load();

    /// <summary>Records a closed day: its verdicts, and that the county's days up to it are closed.</summary>
    void Save(ClosedDay day);
}
