namespace Telemetry.Core.Fleet;

/// <summary>One problem found in a fleet registry file.</summary>
/// <param name="Path">Where in the file, as a JSON path such as <c>stations[3].kwp</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record FleetValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
