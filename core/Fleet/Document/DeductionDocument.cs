namespace Telemetry.Core.Fleet.Document;

public sealed class DeductionDocument
{
    /// <summary><c>operationAndMaintenance</c>, <c>insurance</c> or <c>landRent</c>.</summary>
    public string? Kind { get; set; }

    public decimal? YuanPerYear { get; set; }

    public decimal? YuanPerKwh { get; set; }
}
