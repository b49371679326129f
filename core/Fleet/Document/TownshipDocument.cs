namespace Telemetry.Core.Fleet.Document;

public sealed class TownshipDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<VillageDocument>? Villages { get; set; }
}
