namespace Telemetry.Revenue.Metering;

/// <summary>How a day's energy is known.</summary>
public enum EnergyQuality
{
    /// <summary>From meter readings on the day itself (and the overnight step from the previous day's last reading).</summary>
    Measured,

    /// <summary>
    /// Part of the day's energy comes from a step between readings that spans the day, split by an estimation method
    /// (<see cref="EstimationMethod"/>): the total of the step is exact, only its split between days is estimated.
    /// </summary>
    Estimated,

    /// <summary>No reading yet brackets the day (the station has been silent since); counted as 0 until data arrives.</summary>
    Missing,
}
