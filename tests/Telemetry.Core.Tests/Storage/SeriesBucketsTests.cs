using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Storage;

public sealed class SeriesBucketsTests
{
    [Fact]
    public void Day_BucketsStartAtChinaMidnight()
    {
        var justBefore = new DateTimeOffset(2026, 10, 30, 23, 59, 59, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var midnight = ChinaTime.StartOfDay(new DateOnly(2026, 10, 31)).ToUnixTimeMilliseconds();

        Assert.Equal(ChinaTime.StartOfDay(new DateOnly(2026, 10, 30)).ToUnixTimeMilliseconds(), SeriesBuckets.BucketStart(justBefore, SeriesResolution.Day));
        Assert.Equal(midnight, SeriesBuckets.BucketStart(midnight, SeriesResolution.Day));
        Assert.Equal(midnight, SeriesBuckets.BucketStart(midnight + 3_600_000, SeriesResolution.Day));
    }

    [Theory]
    [InlineData(SeriesResolution.Minute, 60_000)]
    [InlineData(SeriesResolution.FifteenMinutes, 900_000)]
    public void SubDaily_BucketsAreUtcAligned(SeriesResolution resolution, long width)
    {
        var t = new DateTimeOffset(2026, 10, 30, 10, 7, 31, TimeSpan.Zero).ToUnixTimeMilliseconds();

        Assert.Equal(t - (t % width), SeriesBuckets.BucketStart(t, resolution));
        Assert.Equal(t, SeriesBuckets.BucketStart(t, SeriesResolution.Raw));
    }

    [Fact]
    public void BeforeTheEpoch_RoundsDown()
    {
        Assert.Equal(-60_000, SeriesBuckets.BucketStart(-1, SeriesResolution.Minute));
    }

    [Theory]
    [InlineData("raw", SeriesResolution.Raw)]
    [InlineData("1m", SeriesResolution.Minute)]
    [InlineData("15m", SeriesResolution.FifteenMinutes)]
    [InlineData("1d", SeriesResolution.Day)]
    public void TryParse_KnowsTheApiSpellings(string text, SeriesResolution expected)
    {
        Assert.True(SeriesBuckets.TryParse(text, out var resolution));
        Assert.Equal(expected, resolution);
        Assert.False(SeriesBuckets.TryParse("5m", out _));
    }
}
