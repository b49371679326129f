using System.Text.Json;
using System.Text.Json.Serialization;
using Telemetry.Core.Fleet.Document;

namespace Telemetry.Core.Fleet;

/// <summary>Reads a fleet registry file (JSON) and validates it; any problem throws <see cref="FleetRegistryException"/>.</summary>
public static class FleetRegistryLoader
{
    /// <summary>Options used to read and write registry files: camelCase keys, comments allowed, unknown keys rejected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FleetRegistry LoadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FleetRegistryException(path, [new FleetValidationError("$", $"file not found (full path: {Path.GetFullPath(path)})")]);
        }

        using var stream = System.IO.File.OpenRead(path);
        return Load(stream, path);
    }

    public static FleetRegistry Load(Stream json, string source)
    {
        FleetDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<FleetDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw new FleetRegistryException(source, [new FleetValidationError(where, Clean(e.Message) + line)], e);
        }

        return FromDocument(doc ?? throw new FleetRegistryException(source, [new FleetValidationError("$", "the file is empty (null)")]), source);
    }

    public static FleetRegistry FromDocument(FleetDocument document, string source = "(in memory)")
    {
        var builder = new FleetRegistryBuilder();
        return builder.Build(document) ?? throw new FleetRegistryException(source, builder.Errors);
    }

    private static string Clean(string message)
    {
        // System.Text.Json appends "Path: … | LineNumber: …"; we report those ourselves.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
