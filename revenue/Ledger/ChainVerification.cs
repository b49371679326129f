namespace Telemetry.Revenue.Ledger;

/// <summary>The result of checking a village's chain of published statements.</summary>
/// <param name="VillageId">The village.</param>
/// <param name="Statements">How many statements the chain has.</param>
/// <param name="Valid">Whether every link holds.</param>
/// <param name="BrokenAt">The sequence number of the first statement whose link does not hold, or null.</param>
/// <param name="Problem">What is wrong with it, or null.</param>
/// <param name="HeadHash">The hash of the newest statement (publish it elsewhere to anchor the chain), or null when empty.</param>
public sealed record ChainVerification(string VillageId, int Statements, bool Valid, int? BrokenAt, string? Problem, string? HeadHash);
