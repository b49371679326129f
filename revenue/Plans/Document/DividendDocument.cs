namespace Telemetry.Revenue.Plans.Document;

/// <summary>Household dividends by equity share.</summary>
public sealed class DividendDocument
{
    /// <summary>Weight on monitored households' shares (≥ 1, default 1.5).</summary>
    public decimal? MonitoredWeight { get; set; }

    /// <summary>Largest fraction of the month's distributable paid as dividends (default 1: all that is left).</summary>
    public decimal? MaxShareOfDistributable { get; set; }

    /// <summary>Households and their shares.</summary>
    public List<EquityDocument>? Equity { get; set; }
}
