namespace Telemetry.Core.Fleet.Document;

public sealed class BarnDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary><c>pig</c>, <c>sheep</c>, <c>poultry</c>, <c>cattle</c> or <c>bee</c>.</summary>
    public string? Species { get; set; }

    public string? Stage { get; set; }

    public string? Village { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public int? HeadCount { get; set; }

    public int? Fans { get; set; }

    public bool? GasSensors { get; set; }

    public int? CadenceSeconds { get; set; }

    public Dictionary<string, double>? Thresholds { get; set; }

    public string? Credential { get; set; }
}
