namespace Telemetry.Alerts.Lifecycle;

/// <summary>Which alerts a query returns by state.</summary>
public enum AlertStateFilter
{
    /// <summary>Every alert.</summary>
    All,

    /// <summary>Open or acknowledged (the condition still holds).</summary>
    Active,

    /// <summary>Open and not acknowledged.</summary>
    Open,

    /// <summary>Acknowledged and not cleared.</summary>
    Acknowledged,

    /// <summary>Cleared.</summary>
    Cleared,
}
