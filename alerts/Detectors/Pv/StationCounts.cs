using Telemetry.Alerts.Detectors.Configuration;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// One station's two day counts (peers, clear sky) and which of their alerts it shows, continued from the stored
/// verdicts when there are any.
/// </summary>
internal sealed class StationCounts
{
    public StationCounts(string stationId, UnderperformanceOptions o, DayMemory memory)
    {
        Peers = Counts(AlertRules.PvUnderperformancePeers);
        ClearSky = Counts(AlertRules.PvUnderperformanceClearSky);

        ConsecutiveDays Counts(string rule)
        {
            var days = new ConsecutiveDays(o.MajorRatio, o.MajorDays, o.MinorRatio, o.MinorDays, o.ClearRatio);
            if (memory.Latest(stationId, rule) is { } verdict)
            {
                days.Restore(verdict);
                if (verdict.Shown)
                {
                    Shown = rule;
                }
            }

            return days;
        }
    }

    public ConsecutiveDays Peers { get; }

    public ConsecutiveDays ClearSky { get; }

    /// <summary>The rule whose alert the station shows, or null: one underperformance alert per station.</summary>
    public string? Shown { get; set; }
}
