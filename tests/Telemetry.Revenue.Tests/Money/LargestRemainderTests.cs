using CsCheck;
using Telemetry.Revenue.Money;

namespace Telemetry.Revenue.Tests.Money;

public sealed class LargestRemainderTests
{
    private static readonly Gen<(long Fen, decimal[] Weights)> Splits =
        Gen.Select(Gen.Long[0, 100_000_000_000], Gen.Int[0, 10_000].Array[1, 30].Where(w => w.Any(x => x > 0)))
            .Select((fen, w) => (fen, w.Select(x => (decimal)x).ToArray()));

    [Fact]
    public void Allocate_ThreeEqualWeights_SpareFenGoToTheEarliestLines()
    {
        // 100.00 / 3 = 33.333…: 10,000 fen → floors 3 × 3,333 = 9,999, 1 spare fen, equal remainders → first line.
        Assert.Equal([33.34m, 33.33m, 33.33m], LargestRemainder.Allocate(100.00m, [1m, 1m, 1m]));
    }

    [Fact]
    public void Allocate_FortyThirtyFiveTwentyFive_GivesTheSpareFenToTheLargestRemainder()
    {
        // 0.03 yuan = 3 fen: quotas 1.2, 1.05, 0.75 → floors 1, 1, 0 → 1 spare → largest remainder 0.75 (third line).
        Assert.Equal([0.01m, 0.01m, 0.01m], LargestRemainder.Allocate(0.03m, [0.4m, 0.35m, 0.25m]));
        // 10.01 yuan: quotas 400.4, 350.35, 250.25 → floors 1,000 → 1 spare → first line (.4).
        Assert.Equal([4.01m, 3.50m, 2.50m], LargestRemainder.Allocate(10.01m, [0.4m, 0.35m, 0.25m]));
    }

    [Fact]
    public void Allocate_AmountNotInWholeFen_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(1.005m, [1m]));

    [Fact]
    public void Allocate_PositiveAmountWithNoPositiveWeight_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(1m, [0m, 0m]));

    [Fact]
    public void AllocateUnits_AnySplit_SumsExactlyAndNoPartIsNegative() =>
        Splits.Sample(x =>
        {
            var parts = LargestRemainder.AllocateUnits(x.Fen, x.Weights);
            Assert.Equal(x.Fen, parts.Sum());
            Assert.All(parts, p => Assert.True(p >= 0));
        });

    [Fact]
    public void AllocateUnits_AnySplit_EveryPartIsWithinOneFenOfItsQuotaAndZeroWeightGetsNothing() =>
        Splits.Sample(x =>
        {
            var parts = LargestRemainder.AllocateUnits(x.Fen, x.Weights);
            var sum = x.Weights.Sum();
            for (var i = 0; i < parts.Length; i++)
            {
                var quota = x.Fen * x.Weights[i] / sum;
                Assert.True(Math.Abs(parts[i] - quota) < 1m, $"part {parts[i]} vs quota {quota}");
                Assert.True(x.Weights[i] > 0m || parts[i] == 0);
            }
        });

    [Fact]
    public void AllocateUnits_AnySplit_ALargerWeightNeverGetsLess() =>
        Splits.Sample(x =>
        {
            var parts = LargestRemainder.AllocateUnits(x.Fen, x.Weights);
            for (var i = 0; i < parts.Length; i++)
            {
                for (var j = 0; j < parts.Length; j++)
                {
                    Assert.True(x.Weights[i] <= x.Weights[j] || parts[i] >= parts[j]);
                }
            }
        });
}
