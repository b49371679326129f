namespace Telemetry.Core.Fleet.Document;

public sealed class VillageDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }
}
