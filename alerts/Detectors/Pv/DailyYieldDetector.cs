using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// <c>pv.underperformance.peers</c> and <c>pv.underperformance.clearsky</c>, judged once per local day for all stations
/// of one county. A day closes when the county's readings reach local midnight plus a grace (device time, so a replay
/// closes days as they happened; a station's data for a closed day that arrives later is not counted).
/// <list type="bullet">
/// <item>Peers: the station's specific yield (kWh/kWp from its lifetime meter), relative to the clear-sky yield of its
/// own tilt and azimuth, over the median of the same for the other valid stations of its village. Clouds shade the
/// whole village, so a cloudy day moves the median too and does not alert. A station with fewer than
/// <see cref="UnderperformanceOptions.MinPeers"/> village peers is compared with the other stations of its county.</item>
/// <item>Clear sky: on days the county saw clear sky (its stations' median best-hour clear-sky index is high), the
/// station's own best hour against the clear-sky model for its coordinates, tilt and azimuth — this catches a whole
/// village or a station without peers.</item>
/// </list>
/// Both use the UNSW day counts (<see cref="ConsecutiveDays"/>).
/// </summary>
internal static class DailyYieldDetector
{
    public static IObservable<AlertSignal> Detect(IObservable<PvReading> countyReadings, UnderperformanceOptions o, double minClearSkyFraction) =>
        Observable.Create<AlertSignal>(observer =>
        {
            var state = new CountyDays(o, minClearSkyFraction);
            return countyReadings.Subscribe(
                r =>
                {
                    foreach (var signal in state.Add(r))
                    {
                        observer.OnNext(signal);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });

    /// <summary>Per-subscription state of one county.</summary>
    private sealed class CountyDays(UnderperformanceOptions o, double minClearSkyFraction)
    {
        private readonly SortedDictionary<DateOnly, Dictionary<Station, StationDay>> _open = [];
        private readonly Dictionary<Station, ConsecutiveDays> _peers = [];
        private readonly Dictionary<Station, ConsecutiveDays> _clearSky = [];
        private readonly Dictionary<Station, string> _shown = [];
        private readonly TimeSpan _grace = TimeSpan.FromMinutes(o.DayCloseGraceMinutes);
        private DateOnly _closedThrough = DateOnly.MinValue;
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
            foreach (var result in results)
            {
                var station = result.Station;
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
                    var rule = Rule(_peers, station);
                    if (rule.Judge(ratio) is { } change)
                    {
                        Show(signals, station, new AlertSignal(station.Id, AlertRules.PvUnderperformancePeers, change.Severity, change.Active, at, change.Active
                            ? $"发电量低于{group}电站：{date:MM-dd} 等效利用 {AlertText.N(result.YieldKwhPerKwp, 2)} kWh/kWp，{group} {peers.Count} 座电站中位数 {AlertText.N(median, 2)} kWh/kWp（按朝向折算后为 {AlertText.N(ratio * 100, 0)}%），已连续 {(change.Severity == AlertSeverity.Major ? rule.BelowMajor : rule.BelowMinor)} 个评估日偏低"
                            : $"发电量已恢复到{group}水平（{date:MM-dd} 为中位数的 {AlertText.N(ratio * 100, 0)}%）"));
                    }
                }

                if (countyClear && !double.IsNaN(result.BestHourIndex))
                {
                    var rule = Rule(_clearSky, station);
                    if (rule.Judge(result.BestHourIndex) is { } change)
                    {
                        Show(signals, station, new AlertSignal(station.Id, AlertRules.PvUnderperformanceClearSky, change.Severity, change.Active, at, change.Active
                            ? $"晴天发电低于理论值：{date:MM-dd} 最佳一小时仅为晴空模型的 {AlertText.N(result.BestHourIndex * 100, 0)}%，已连续 {(change.Severity == AlertSeverity.Major ? rule.BelowMajor : rule.BelowMinor)} 个晴天偏低（可能积灰、组串故障或遮挡）"
                            : $"晴天发电已恢复（{date:MM-dd} 为晴空模型的 {AlertText.N(result.BestHourIndex * 100, 0)}%）"));
                    }
                }
            }
        }

        /// <summary>
        /// One underperformance alert per station: whichever rule raises first is shown; the other's transitions are
        /// kept internally but not emitted while the first is open.
        /// </summary>
        private void Show(List<AlertSignal> signals, Station station, AlertSignal signal)
        {
            var shown = _shown.GetValueOrDefault(station);
            if (signal.Active && shown is null)
            {
                _shown[station] = signal.Rule;
                signals.Add(signal);
            }
            else if (shown == signal.Rule)
            {
                if (!signal.Active)
                {
                    _shown.Remove(station);
                }

                signals.Add(signal);
            }
        }

        private ConsecutiveDays Rule(Dictionary<Station, ConsecutiveDays> rules, Station station)
        {
            if (!rules.TryGetValue(station, out var rule))
            {
                rules[station] = rule = new ConsecutiveDays(o.MajorRatio, o.MajorDays, o.MinorRatio, o.MinorDays, o.ClearRatio);
            }

            return rule;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            var n = values.Count;
            return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        }
    }
}
