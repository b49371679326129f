namespace Telemetry.Core.Fleet.Document;

public sealed class TariffDocument
{
    /// <summary>Grid (coal benchmark) part, yuan/kWh.</summary>
    public decimal? Grid { get; set; }

    /// <summary>National subsidy part, yuan/kWh.</summary>
    public decimal? Subsidy { get; set; }
}
