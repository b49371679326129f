using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// Per-subscription state of <see cref="DailyYieldDetector"/> for one county: the open days' station accumulators and
/// the stations' day counts. Each closed day is recorded in the <see cref="DayMemory"/>; days the memory says were
/// closed before (a replay after a restart) are not judged again.
/// </summary>
internal sealed class CountyDays(string countyId, UnderperformanceOptions o, double minClearSkyFraction, DayMemory memory)
{
    private readonly SortedDictionary<DateOnly, Dictionary<Station, StationDay>> _open = [];
    private readonly Dictionary<string, StationCounts> _stations = new(StringComparer.Ordinal);
    private readonly TimeSpan _grace = TimeSpan.FromMinutes(o.DayCloseGraceMinutes);
    private DateOnly _closedThrough = memory.ClosedThrough(countyId);
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;

    public IEnumerable<AlertSignal> Add(PvReading r)
    {
        var station = (Station)r.Device;
        var date = ChinaTime.LocalDate(r.Timestamp);
        if (date > _closedThrough)
        {
            if (!_open.TryGetValue(date, out var day))
            {
                _open[date] = day = [];
            }

            if (!day.TryGetValue(station, out var sd))
            {
                day[station] = sd = new StationDay(station, date);
            }

            sd.Add(r);
        }

        if (r.Timestamp <= _watermark)
        {
            return [];
        }

        _watermark = r.Timestamp;
        List<AlertSignal>? signals = null;
        while (_open.Count > 0)
        {
            var first = _open.Keys.First();
            var closeAt = ChinaTime.StartOfDay(first.AddDays(1)) + _grace;
            if (_watermark < closeAt)
            {
                break;
            }

            signals ??= [];
            Close(first, _open[first], closeAt, signals);
            _open.Remove(first);
            _closedThrough = first;
        }

        return signals ?? [];
    }

    private void Close(DateOnly date, Dictionary<Station, StationDay> days, DateTimeOffset at, List<AlertSignal> signals)
    {
        var results = days.Values.Select(d => d.Result(o.LatestFirstReadingHour, o.EarliestLastReadingHour, minClearSkyFraction)).Where(r => r.Valid).ToList();
        var indices = results.Where(r => !double.IsNaN(r.BestHourIndex)).Select(r => r.BestHourIndex).ToList();
        var countyClear = indices.Count >= o.MinCountyStations && Median(indices) >= o.ClearDayIndex;
        var judged = new List<(StationCounts Counts, string StationId, string Rule, double Ratio)>();
        foreach (var result in results)
        {
            var station = result.Station;
            var counts = Counts(station);
            // Village peers; a station without enough of them is compared with the rest of its county, which
            // shares most of the cloud field (research/domain.md §5.3: small systems against their region).
            var village = results.Where(p => p.Station != station && p.Station.Village == station.Village && !double.IsNaN(p.Index)).ToList();
            var peers = village.Count >= o.MinPeers
                ? village
                : results.Where(p => p.Station != station && !double.IsNaN(p.Index)).ToList();
            var group = village.Count >= o.MinPeers ? "同村" : "同县";
            var median = peers.Count == 0 ? 0 : Median([.. peers.Select(p => p.YieldKwhPerKwp)]);
            if (peers.Count >= o.MinPeers && median >= o.MinPeerYieldKwhPerKwp && !double.IsNaN(result.Index))
            {
                // Compare performance indices (yield over the clear-sky yield of each station's own geometry), so a
                // west-facing roof is not "underperforming" next to a south-facing field.
                var ratio = result.Index / Median([.. peers.Select(p => p.Index)]);
                var rule = counts.Peers;
                judged.Add((counts, station.Id, AlertRules.PvUnderperformancePeers, ratio));
                if (rule.Judge(ratio) is { } change)
                {
                    Show(signals, counts, new AlertSignal(station.Id, AlertRules.PvUnderperformancePeers, change.Severity, change.Active, at, change.Active
                        ? $"发电量低于{group}电站：{date:MM-dd} 等效利用 {AlertText.N(result.YieldKwhPerKwp, 2)} kWh/kWp，{group} {peers.Count} 座电站中位数 {AlertText.N(median, 2)} kWh/kWp（按朝向折算后为 {AlertText.N(ratio * 100, 0)}%），已连续 {(change.Severity == AlertSeverity.Major ? rule.BelowMajor : rule.BelowMinor)} 个评估日偏低"
                        : $"发电量已恢复到{group}水平（{date:MM-dd} 为中位数的 {AlertText.N(ratio * 100, 0)}%）"));
                }
            }

            if (countyClear && !double.IsNaN(result.BestHourIndex))
            {
                var rule = counts.ClearSky;
                judged.Add((counts, station.Id, AlertRules.PvUnderperformanceClearSky, result.BestHourIndex));
                if (rule.Judge(result.BestHourIndex) is { } change)
                {
                    Show(signals, counts, new AlertSignal(station.Id, AlertRules.PvUnderperformanceClearSky, change.Severity, change.Active, at, change.Active
                        ? $"晴天发电低于理论值：{date:MM-dd} 最佳一小时仅为晴空模型的 {AlertText.N(result.BestHourIndex * 100, 0)}%，已连续 {(change.Severity == AlertSeverity.Major ? rule.BelowMajor : rule.BelowMinor)} 个晴天偏低（可能积灰、组串故障或遮挡）"
                        : $"晴天发电已恢复（{date:MM-dd} 为晴空模型的 {AlertText.N(result.BestHourIndex * 100, 0)}%）"));
                }
            }
        }

        // Recorded after the signals are out: a crash in between leaves the day open, so a replay that covers it judges
        // it again (a repeated raise, which the lifecycle de-duplicates).
        memory.Save(new ClosedDay(countyId, date, [.. judged.Select(j =>
        {
            var rule = j.Rule == AlertRules.PvUnderperformancePeers ? j.Counts.Peers : j.Counts.ClearSky;
            return new DayVerdict(j.StationId, j.Rule, date, j.Ratio, rule.BelowMajor, rule.BelowMinor, rule.Active, j.Counts.Shown == j.Rule);
        })]));
    }

    /// <summary>
    /// One underperformance alert per station: whichever rule raises first is shown; the other's transitions are
    /// kept internally but not emitted while the first is open.
    /// </summary>
    private static void Show(List<AlertSignal> signals, StationCounts counts, AlertSignal signal)
    {
        if (signal.Active && counts.Shown is null)
        {
            counts.Shown = signal.Rule;
            signals.Add(signal);
        }
        else if (counts.Shown == signal.Rule)
        {
            if (!signal.Active)
            {
                counts.Shown = null;
            }

            signals.Add(signal);
        }
    }

    private StationCounts Counts(Station station)
    {
        if (!_stations.TryGetValue(station.Id, out var counts))
        {
            _stations[station.Id] = counts = new StationCounts(station.Id, o, memory);
        }

        return counts;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
