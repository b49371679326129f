namespace Telemetry.Core.Fleet.Document;

public sealed class OwnerDocument
{
    public string? Village { get; set; }

    public decimal? Share { get; set; }
}
