namespace Telemetry.Core.Wire;

/// <summary>The first problem found in one reading; allocated only on the error path.</summary>
internal sealed record ReadingError(RejectReason Reason, string Detail);
