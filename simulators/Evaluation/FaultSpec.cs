using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Evaluation;

/// <summary>How one fault type is scheduled and scored.</summary>
internal sealed record FaultSpec
{
    public required string Type { get; init; }

    /// <summary>Rules whose raise on the labelled device within the window counts as detecting it.</summary>
    public required IReadOnlySet<string> Accepted { get; init; }

    /// <summary>Rules that may also fire as a true consequence of the fault (not scored either way).</summary>
    public IReadOnlySet<string> Collateral { get; init; } = new HashSet<string>();

    /// <summary>Which devices can have it (sensors, heating, fans …).</summary>
    public required Func<Device, bool> AppliesTo { get; init; }

    /// <summary>Shortest and longest duration, minutes (ignored for multi-day faults).</summary>
    public (double Min, double Max) DurationMinutes { get; init; } = (120, 240);

    /// <summary>Earliest and latest local start hour.</summary>
    public (double Min, double Max) StartHour { get; init; } = (0, 20);

    /// <summary>Lasts from the second day of the campaign to its end.</summary>
    public bool MultiDay { get; init; }

    /// <summary>Only in the summer (true), winter (false) or any (null) campaign.</summary>
    public bool? Summer { get; init; }

    /// <summary>How long after the fault's end a detection still counts (a daily rule judges after midnight).</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(30);
}
