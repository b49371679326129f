using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>One station's day, as the daily rules see it.</summary>
/// <param name="Station">The station.</param>
/// <param name="Valid">The readings cover the productive day and the meter behaved.</param>
/// <param name="YieldKwhPerKwp">Final (specific) yield from the lifetime meter, kWh/kWp.</param>
/// <param name="ClearSkyYieldKwhPerKwp">What the clear-sky model gives for the station's geometry over the same span.</param>
/// <param name="BestHourIndex">Best hour's energy over its clear-sky energy (NaN when no hour had the sun high enough).</param>
internal readonly record struct StationDayResult(Station Station, bool Valid, double YieldKwhPerKwp, double ClearSkyYieldKwhPerKwp, double BestHourIndex)
{
    /// <summary>Yield relative to the clear-sky yield: removes the differences of tilt, azimuth and clipping between peers.</summary>
    public double Index => ClearSkyYieldKwhPerKwp > 0 ? YieldKwhPerKwp / ClearSkyYieldKwhPerKwp : double.NaN;
}
