using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Live;

/// <summary>A station's energy and revenue so far today (China time), from the stream of stored readings.</summary>
/// <param name="StationId">The station.</param>
/// <param name="Date">Today's local date.</param>
/// <param name="EnergyKwh">Energy since the last reading before today, kWh.</param>
/// <param name="GridYuan">Grid revenue so far.</param>
/// <param name="SubsidyYuan">Subsidy earned so far (receivable).</param>
/// <param name="Quality">How the energy is known.</param>
/// <param name="Readings">Readings seen today.</param>
/// <param name="LastReadingAt">Device time of the newest reading today.</param>
public sealed record LiveStationRevenue(
    string StationId, DateOnly Date, decimal EnergyKwh, decimal GridYuan, decimal SubsidyYuan, EnergyQuality Quality, long Readings, DateTimeOffset LastReadingAt);
