using Telemetry.Core.Readings;
using Telemetry.Simulators.Mqtt;

namespace Telemetry.Core.Tests.Simulators;

public sealed class OutboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 21, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryPeek_ThenAcknowledge_RemovesOnlyWhatWasAcknowledged()
    {
        var outbox = new Outbox(100);
        Fill(outbox, 5);
        var batch = new List<Reading>();

        Assert.True(outbox.TryPeek(3, batch, out var lastId));
        Assert.Equal(3, batch.Count);
        Assert.Equal(5, outbox.Count); // peeking does not remove
        Fill(outbox, 2, from: 5);

        outbox.Acknowledge(lastId);

        Assert.Equal(4, outbox.Count);
        Assert.True(outbox.TryPeek(10, batch, out _));
        Assert.Equal(Start.AddMinutes(3), batch[0].Timestamp);
    }

    [Fact]
    public void Add_BeyondCapacity_DropsOldestAndCountsThem()
    {
        var outbox = new Outbox(10);

        Fill(outbox, 15);

        var batch = new List<Reading>();
        Assert.Equal(10, outbox.Count);
        Assert.Equal(5, outbox.Dropped);
        Assert.True(outbox.TryPeek(1, batch, out _));
        Assert.Equal(Start.AddMinutes(5), batch[0].Timestamp);
    }

    [Fact]
    public async Task WaitForReadingsAsync_EmptyThenAdded_Completes()
    {
        var outbox = new Outbox(10);
        var wait = outbox.WaitForReadingsAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        Fill(outbox, 1);

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static void Fill(Outbox outbox, int count, int from = 0)
    {
        var station = TestFleet.Station();
        for (var i = from; i < from + count; i++)
        {
            outbox.Add(new PvReading { Device = station, TimestampMs = Start.AddMinutes(i).ToUnixTimeMilliseconds(), PowerKw = 1, EnergyTotalKwh = i });
        }
    }
}
