namespace Telemetry.Core.Wire;

/// <summary>The JSON Schema of wire contract v1 (<c>schemas/telemetry-v1.schema.json</c>), embedded for serving and tests.</summary>
public static class TelemetrySchema
{
    public static string Read()
    {
        using var stream = typeof(TelemetrySchema).Assembly.GetManifestResourceStream("Telemetry.Core.telemetry-v1.schema.json")
            ?? throw new InvalidOperationException("The wire-contract schema is not embedded in Telemetry.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
