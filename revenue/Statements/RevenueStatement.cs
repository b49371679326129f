namespace Telemetry.Revenue.Statements;

/// <summary>
/// A village's monthly revenue statement (收益分配月报): energy, revenue in its two parts, deductions, what is distributable,
/// and every allocation line, which add up exactly to the distributable amount. Published statements are immutable and
/// carry a SHA-256 hash chained to the village's previous statement.
/// </summary>
/// <param name="SchemaVersion">Format version of this record (1).</param>
/// <param name="VillageId">Registry id of the village.</param>
/// <param name="VillageName">Chinese name.</param>
/// <param name="TownshipName">Township (乡镇).</param>
/// <param name="CountyName">County (县/市/区).</param>
/// <param name="Month">The month, <c>yyyy-MM</c> (China time).</param>
/// <param name="Status">Provisional, unpublished or published.</param>
/// <param name="Sequence">Position in the village's chain of published statements, from 1; null until published.</param>
/// <param name="Corrects">The sequence number of the statement this one corrects, if it is a correction.</param>
/// <param name="CorrectionReason">Why the correction was made.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="ComputedAt">When the figures were computed from the store.</param>
/// <param name="PlanYear">The year of the allocation plan applied, or null when the village has none for the year.</param>
/// <param name="Stations">The stations whose revenue the statement covers.</param>
/// <param name="Totals">Totals.</param>
/// <param name="Lines">Allocation lines.</param>
/// <param name="Notes">Plain-language notes: estimated or missing days, corrections made to meter data, uncovered commitments.</param>
/// <param name="PreviousHash">Hash of the village's previous published statement (64 zeros for the first); null until published.</param>
/// <param name="Hash">SHA-256 of this statement's canonical form (which includes <see cref="PreviousHash"/>); null until published.</param>
public sealed record RevenueStatement(
    int SchemaVersion,
    string VillageId,
    string VillageName,
    string TownshipName,
    string CountyName,
    string Month,
    StatementStatus Status,
    int? Sequence,
    int? Corrects,
    string? CorrectionReason,
    DateTimeOffset? PublishedAt,
    DateTimeOffset ComputedAt,
    int? PlanYear,
    IReadOnlyList<StationRevenue> Stations,
    StatementTotals Totals,
    IReadOnlyList<AllocationLine> Lines,
    IReadOnlyList<string> Notes,
    string? PreviousHash,
    string? Hash);
