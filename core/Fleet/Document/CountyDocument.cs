namespace Telemetry.Core.Fleet.Document;

public sealed class CountyDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public List<TownshipDocument>? Townships { get; set; }
}
