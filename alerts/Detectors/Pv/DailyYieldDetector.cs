using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Core.Readings;

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
/// Both use the UNSW day counts (<see cref="ConsecutiveDays"/>). Each closed day's verdicts are recorded in an
/// <see cref="IDayResultStore"/> (through <see cref="DayMemory"/>) and a new subscription continues the counts from it,
/// so a restart needs to replay only the current day's readings, not the 3 or 7 days of a run.
/// </summary>
internal static class DailyYieldDetector
{
    /// <summary>The daily rules for the PV readings of one county.</summary>
    /// <param name="countyId">The county (the key its closed days are stored under).</param>
    /// <param name="countyReadings">Its stations' readings, each station in device-time order.</param>
    /// <param name="o">Thresholds.</param>
    /// <param name="minClearSkyFraction">Hours whose clear-sky output is below this fraction of the rating are not a "best hour".</param>
    /// <param name="memory">The day counts to continue from, and where each closed day is recorded.</param>
    public static IObservable<AlertSignal> Detect(
        string countyId, IObservable<PvReading> countyReadings, UnderperformanceOptions o, double minClearSkyFraction, DayMemory memory) =>
        Observable.Create<AlertSignal>(observer =>
        {
            var state = new CountyDays(countyId, o, minClearSkyFraction, memory);
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
}
