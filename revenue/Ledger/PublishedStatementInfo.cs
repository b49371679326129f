namespace Telemetry.Revenue.Ledger;

/// <summary>One entry of a village's chain, without its body.</summary>
/// <param name="Sequence">Position in the chain, from 1.</param>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="Corrects">The sequence number it corrects, if it is a correction.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PreviousHash">The previous statement's hash.</param>
/// <param name="Hash">Its hash.</param>
public sealed record PublishedStatementInfo(int Sequence, string Month, int? Corrects, DateTimeOffset PublishedAt, string PreviousHash, string Hash);
