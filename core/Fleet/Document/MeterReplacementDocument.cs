namespace Telemetry.Core.Fleet.Document;

public sealed class MeterReplacementDocument
{
    /// <summary>RFC 3339 time of the swap, e.g. <c>2025-04-18T10:30:00+08:00</c>.</summary>
    public string? At { get; set; }

    public decimal? OldMeterFinalKwh { get; set; }

    public decimal? NewMeterInitialKwh { get; set; }

    public string? Note { get; set; }
}
