namespace Telemetry.Core.Wire;

/// <summary>Per-payload constants: the accepted timestamp window.</summary>
internal readonly record struct DecodeContext(long NowMs, long LatestMs, long EarliestMs);
