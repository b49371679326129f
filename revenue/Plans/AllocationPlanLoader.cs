using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Revenue.Plans.Document;

namespace Telemetry.Revenue.Plans;

/// <summary>Reads the revenue plans file (JSON, same conventions as the fleet registry) and validates it against the registry.</summary>
public static class AllocationPlanLoader
{
    /// <summary>Loads and validates <paramref name="path"/>; any problem throws <see cref="AllocationPlanException"/>.</summary>
    public static AllocationPlanBook LoadFile(string path, FleetRegistry fleet)
    {
        if (!File.Exists(path))
        {
            throw new AllocationPlanException(path, [new PlanValidationError("$", PlanRule.Invalid, $"file not found (full path: {Path.GetFullPath(path)})")]);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path, fleet);
    }

    /// <summary>Loads and validates plans from <paramref name="json"/>.</summary>
    public static AllocationPlanBook Load(Stream json, string source, FleetRegistry fleet)
    {
        PlansFileDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<PlansFileDocument>(json, FleetRegistryLoader.JsonOptions);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw new AllocationPlanException(source, [new PlanValidationError(e.Path ?? "$", PlanRule.Invalid, Clean(e.Message) + line)], e);
        }

        return FromDocument(doc ?? throw new AllocationPlanException(source, [new PlanValidationError("$", PlanRule.Invalid, "the file is empty (null)")]), fleet, source);
    }

    /// <summary>Validates a plans document.</summary>
    public static AllocationPlanBook FromDocument(PlansFileDocument document, FleetRegistry fleet, string source = "(in memory)")
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(fleet);
        var validator = new AllocationPlanValidator(fleet);
        var plans = validator.Validate(document);
        return validator.Errors.Count == 0 ? new AllocationPlanBook(plans) : throw new AllocationPlanException(source, validator.Errors);
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
