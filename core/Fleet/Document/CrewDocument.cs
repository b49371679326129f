namespace Telemetry.Core.Fleet.Document;

public sealed class CrewDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    /// <summary>Counties the crew covers entirely.</summary>
    public List<string>? Counties { get; set; }

    /// <summary>Single villages the crew covers; they take precedence over a county-wide crew.</summary>
    public List<string>? Villages { get; set; }
}
