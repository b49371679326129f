namespace Telemetry.Revenue.Ledger;

/// <summary>A publication or record that the ledger's rules refuse (e.g. publishing a month twice without a correction).</summary>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerConflictException()
    {
    }

    /// <summary>Creates the exception with a message that says what to do instead.</summary>
    public LedgerConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LedgerConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
