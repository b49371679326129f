namespace Telemetry.Revenue.Plans.Document;

/// <summary>A household's equity shares.</summary>
public sealed class EquityDocument
{
    /// <summary>Household id.</summary>
    public string? Household { get; set; }

    /// <summary>Positive number of shares.</summary>
    public decimal? Shares { get; set; }
}
