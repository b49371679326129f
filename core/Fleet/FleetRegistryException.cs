namespace Telemetry.Core.Fleet;

/// <summary>The fleet registry file could not be read or broke a rule; the message names every key at fault.</summary>
public sealed class FleetRegistryException : Exception
{
    public FleetRegistryException(string source, IReadOnlyList<FleetValidationError> errors)
        : base(Describe(source, errors))
    {
        Errors = errors;
    }

    public FleetRegistryException(string source, IReadOnlyList<FleetValidationError> errors, Exception inner)
        : base(Describe(source, errors), inner)
    {
        Errors = errors;
    }

    public IReadOnlyList<FleetValidationError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<FleetValidationError> errors)
    {
        const int Shown = 20;
        var lines = errors.Take(Shown).Select(e => "  " + e);
        var more = errors.Count > Shown ? $"{Environment.NewLine}  … and {errors.Count - Shown} more" : "";
        return $"Fleet registry '{source}' is invalid ({errors.Count} problem(s)):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + more;
    }
}
