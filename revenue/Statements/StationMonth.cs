using Telemetry.Core.Fleet;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Statements;

/// <summary>What the statement of a month needs to know about one station.</summary>
/// <param name="Station">The station (collective-owned by the village, or a household station in it).</param>
/// <param name="Energy">Its energy per day over the month (<see cref="MeterEnergyCalculator"/>).</param>
/// <param name="Batches">Subsidy batches for the station received up to the end of the month.</param>
/// <param name="BookedAccruals">The village's subsidy accruals for the station booked in statements of earlier months.</param>
public sealed record StationMonth(Station Station, MeterEnergy Energy, IReadOnlyList<SubsidyBatch> Batches, IReadOnlyList<SubsidyAccrual> BookedAccruals);
