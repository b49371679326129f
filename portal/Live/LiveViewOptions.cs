using System.ComponentModel.DataAnnotations;

namespace Telemetry.Portal.Live;

/// <summary>How live pages follow the fleet (configuration section <c>Portal:Live</c>).</summary>
public sealed class LiveViewOptions
{
    public const string SectionName = "Portal:Live";

    /// <summary>A page re-renders at most this often however many devices report; also the longest delay of a change.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pages also refresh this often without changes, so "last seen" times and silence stay current.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(15);
}
