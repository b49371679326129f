namespace Telemetry.Revenue.Statements;

/// <summary>Where a statement stands.</summary>
public enum StatementStatus
{
    /// <summary>The month is not over: figures so far, computed on request, will change (临时).</summary>
    Provisional,

    /// <summary>The month is over but the statement has not been published: computed on request from the store (未公示).</summary>
    Unpublished,

    /// <summary>Published to the ledger: immutable and hash-chained; changed only by a correcting statement (已公示).</summary>
    Published,
}
