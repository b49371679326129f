using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Fleet;

/// <summary>Where the fleet registry file is (configuration section <c>Fleet</c>).</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>
    /// Path of the registry JSON. Relative paths are tried against the content root, then the working directory, then
    /// the application's own folder (where the sample fleet is copied).
    /// </summary>
    [Required]
    public string Path { get; set; } = "fleet/jincheng.fleet.json";
}
