namespace Telemetry.Revenue.Tariffs;

/// <summary>Subsidy earned by a station for one month, as booked in a village's published statement (the village's part).</summary>
/// <param name="StationId">The station.</param>
/// <param name="Month">The month of generation (first day).</param>
/// <param name="AccruedYuan">The village's part of the subsidy earned that month.</param>
public sealed record SubsidyAccrual(string StationId, DateOnly Month, decimal AccruedYuan);
