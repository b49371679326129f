using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Storage;

namespace Telemetry.Alerts.Detection;

/// <summary>
/// Reads the stored readings of every device over a span, in chunks of time, each chunk one read across the fleet
/// (<see cref="ITimeSeriesStore.ReadAllAsync"/>) sorted by device time, so cross-device detectors (the daily peer
/// comparison) see the fleet's time advance together.
/// </summary>
internal static class StoreReplay
{
    /// <summary>The longest chunk: a small fleet is read in few queries.</summary>
    public static readonly TimeSpan MaxChunk = TimeSpan.FromHours(2);

    /// <summary>About this many readings per chunk at the fleet's cadences, so a large fleet's chunk stays small in memory.</summary>
    public const double ReadingsPerChunk = 250_000;

    public static async IAsyncEnumerable<IReadOnlyList<Reading>> ReadAsync(
        ITimeSeriesStore store, FleetRegistry fleet, DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = Chunk(fleet);
        for (var start = from; start < to; start += chunk)
        {
            var end = start + chunk < to ? start + chunk : to;
            yield return await store.ReadAllAsync(start, end, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The chunk length for a fleet: <see cref="ReadingsPerChunk"/> at its devices' cadences, one minute to <see cref="MaxChunk"/>.</summary>
    public static TimeSpan Chunk(FleetRegistry fleet)
    {
        var perMinute = fleet.Devices.Sum(d => 60.0 / Math.Max(1, d.CadenceSeconds));
        var minutes = perMinute > 0 ? ReadingsPerChunk / perMinute : MaxChunk.TotalMinutes;
        return TimeSpan.FromMinutes(Math.Clamp(Math.Floor(minutes), 1, MaxChunk.TotalMinutes));
    }
}
