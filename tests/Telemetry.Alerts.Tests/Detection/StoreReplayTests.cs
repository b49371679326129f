using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Tests.Detection;

public sealed class StoreReplayTests
{
    private static readonly DateTimeOffset To = Read.Day.AddHours(24);
    private static readonly DateTimeOffset From = To.AddHours(-24);

    [Fact]
    public async Task The_replay_returns_every_stored_reading_of_the_span_in_device_time_order()
    {
        var store = new MemoryStore();
        var pig = TestFleet.Barn("PIG");
        var station = TestFleet.Registry.Stations[0];
        await store.WriteAsync([.. Read.Every(From.AddHours(3), 90, (t, _) => (Reading)Read.Barn(pig, t))], CancellationToken.None);
        await store.WriteAsync([.. Read.Every(From.AddHours(4), 90, (t, _) => (Reading)Read.Pv(station, t))], CancellationToken.None);
        await store.WriteAsync([Read.Pv(station, From.AddHours(-1)), Read.Pv(station, To)], CancellationToken.None); // outside [from, to)

        var replayed = await ReplayAsync(store);

        Assert.Equal(180, replayed.Count);
        Assert.Equal(replayed.Select(r => r.TimestampMs).Order(), replayed.Select(r => r.TimestampMs));
        Assert.Equal([pig.Id, station.Id], replayed.Select(r => r.Device.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_chunk_is_one_read_across_the_fleet_never_one_per_device()
    {
        // One barn reported between 03:00 and 04:30 of the span; nothing else in the registry has data.
        var store = new MemoryStore();
        await store.WriteAsync([.. Read.Every(From.AddHours(3), 90, (t, _) => (Reading)Read.Barn(TestFleet.Barn("PIG"), t))], CancellationToken.None);

        var replayed = await ReplayAsync(store);

        Assert.Equal(90, replayed.Count);

        // 24 h in 2-hour chunks (the small test fleet's chunk): 12 fleet reads, where asking every device for every chunk
        // would have been TestFleet.Registry.Devices.Count × 12 reads.
        Assert.Equal((12, 0), (store.FleetReads, store.DeviceReads));
    }

    private static async Task<List<Reading>> ReplayAsync(MemoryStore store)
    {
        var replayed = new List<Reading>();
        await foreach (var chunk in StoreReplay.ReadAsync(store, TestFleet.Registry, From, To, CancellationToken.None))
        {
            replayed.AddRange(chunk);
        }

        return replayed;
    }
}
