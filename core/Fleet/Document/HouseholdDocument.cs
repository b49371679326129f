namespace Telemetry.Core.Fleet.Document;

public sealed class HouseholdDocument
{
    public string? Id { get; set; }

    public string? Village { get; set; }

    public string? Head { get; set; }

    public int? Members { get; set; }

    public bool? Monitored { get; set; }
}
