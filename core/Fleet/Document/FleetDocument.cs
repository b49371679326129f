namespace Telemetry.Core.Fleet.Document;

/// <summary>The fleet registry file as written by an operator (JSON); validated into a <see cref="FleetRegistry"/>.</summary>
public sealed class FleetDocument
{
    /// <summary>Format version of the file; this build reads version 1.</summary>
    public int? Version { get; set; }

    public string? Name { get; set; }

    public List<CountyDocument>? Counties { get; set; }

    public List<CrewDocument>? Crews { get; set; }

    public List<HouseholdDocument>? Households { get; set; }

    public List<StationDocument>? Stations { get; set; }

    public List<BarnDocument>? Barns { get; set; }
}
