using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Simulators;

public sealed class BarnSimulatorTests
{
    private static readonly DateTimeOffset WinterWeek = ChinaTime.StartOfDay(new DateOnly(2026, 1, 12));
    private static readonly DateTimeOffset SummerWeek = ChinaTime.StartOfDay(new DateOnly(2025, 7, 20));

    public static TheoryData<string> BarnIds => [.. TestFleet.SampleFleet.Barns.Select(b => b.Id)];

    [Theory]
    [MemberData(nameof(BarnIds))]
    public void Next_WinterAndSummerWeek_StaysWithinHealthySpeciesLimits(string barnId)
    {
        var barn = (Barn)TestFleet.SampleFleet.Devices.Single(d => d.Id == barnId);
        var limits = HealthyLimits.For(barn);

        foreach (var from in new[] { WinterWeek, SummerWeek })
        {
            var isWinterHive = barn.Species == Species.Bee && from == WinterWeek;
            foreach (var r in Simulate.Readings<BarnReading>(barn, from, from.AddDays(7), TimeSpan.FromMinutes(5)))
            {
                var at = $"{barn.Id} {barn.Species}/{barn.Stage} at {ChinaTime.ToLocal(r.Timestamp):yyyy-MM-dd HH:mm}";
                Assert.True(isWinterHive ? r.TempC is > 10 and < 36.5 : r.TempC >= limits.TMin && r.TempC <= limits.TMax, $"{at}: t_c {r.TempC}");
                Assert.True(r.HumidityPct is > 30 && r.HumidityPct <= limits.RhMax, $"{at}: rh_pct {r.HumidityPct}");
                Assert.True(r.Nh3Ppm.GetValueOrDefault() <= limits.Nh3Max, $"{at}: nh3 {r.Nh3Ppm}");
                Assert.True(r.Co2Ppm.GetValueOrDefault() <= limits.Co2Max, $"{at}: co2 {r.Co2Ppm}");
                Assert.True(r.H2sPpm.GetValueOrDefault() <= limits.H2sMax, $"{at}: h2s {r.H2sPpm}");
                Assert.Equal(PowerSource.Mains, r.Power);
                if (barn.Species == Species.Cattle)
                {
                    // Cattle THI (research §6.4): stay below the "Danger" band (79).
                    var thi = (0.8 * r.TempC) + (r.HumidityPct / 100 * (r.TempC - 14.4)) + 46.4;
                    Assert.True(thi < 79, $"{at}: THI {thi:F1}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(BarnIds))]
    public void Next_AnyReading_ReportsExactlyTheSensorsTheBarnHas(string barnId)
    {
        var barn = (Barn)TestFleet.SampleFleet.Devices.Single(d => d.Id == barnId);

        var readings = Simulate.Readings<BarnReading>(barn, SummerWeek, SummerWeek.AddDays(1));

        Assert.All(readings, r =>
        {
            Assert.Equal(barn.HasGasSensors, r.Nh3Ppm is not null);
            Assert.Equal(barn.HasGasSensors, r.Co2Ppm is not null);
            Assert.Equal(barn.HasGasSensors, r.H2sPpm is not null);
            Assert.Equal(barn.FanCount, r.FanRpm.Length);
            Assert.Equal(barn.FanCount > 0, r.FanStage is not null);
            if (r.FanStage > 0)
            {
                Assert.All(r.FanRpm, rpm => Assert.InRange(rpm, 1, 2_000));
            }
        });
    }

    [Fact]
    public void Next_PigGrowerBarn_MoreVentilationAndLessAmmoniaInSummerThanWinter()
    {
        var barn = TestFleet.SampleFleet.Barns.First(b => b.Species == Species.Pig && b.Stage == "grower");

        var winter = Simulate.Readings<BarnReading>(barn, WinterWeek, WinterWeek.AddDays(7), TimeSpan.FromMinutes(10));
        var summer = Simulate.Readings<BarnReading>(barn, SummerWeek, SummerWeek.AddDays(7), TimeSpan.FromMinutes(10));

        Assert.True(summer.Average(r => r.FanStage!.Value) > winter.Average(r => r.FanStage!.Value) + 1);
        Assert.True(summer.Average(r => r.FanRpm.Average()) > winter.Average(r => r.FanRpm.Average()));
        Assert.True(winter.Average(r => r.Nh3Ppm!.Value) > 1.5 * summer.Average(r => r.Nh3Ppm!.Value));
        Assert.True(winter.Average(r => r.Co2Ppm!.Value) > summer.Average(r => r.Co2Ppm!.Value));
    }

    [Theory]
    [InlineData(Species.Pig, "grower", 1.5, 3.5, 4, 12)] // grower-finisher pigs: ~2–3 kg feed, 5–10 L water a day
    [InlineData(Species.Cattle, "beef", 6, 14, 25, 70)] // beef cattle: 8–12 kg feed, 30–60 L water
    [InlineData(Species.Sheep, "fattening", 0.8, 2.5, 2, 8)] // fattening lambs: 1–2 kg, 3–6 L
    [InlineData(Species.Poultry, "broiler", 0.05, 0.2, 0.1, 0.4)] // broilers: ~0.1 kg, ~0.2 L
    public void Next_OneDay_WaterAndFeedPerHeadArePlausible(Species species, string stage, double feedMin, double feedMax, double waterMin, double waterMax)
    {
        var barn = TestFleet.SampleFleet.Barns.First(b => b.Species == species && b.Stage == stage);
        var day = ChinaTime.StartOfDay(new DateOnly(2025, 10, 8));

        var readings = Simulate.Readings<BarnReading>(barn, day.AddSeconds(1), day.AddDays(1).AddSeconds(1));

        Assert.InRange(readings.Sum(r => r.FeedKg!.Value) / barn.HeadCount, feedMin, feedMax);
        Assert.InRange(readings.Sum(r => r.WaterL!.Value) / barn.HeadCount, waterMin, waterMax);
        Assert.All(readings, r => Assert.True(r.FeedKg >= 0 && r.WaterL >= 0));
    }

    [Fact]
    public void Next_LayerHouse_AlmostNoFeedInTheDarkHours()
    {
        var barn = TestFleet.SampleFleet.Barns.First(b => b.Species == Species.Poultry && b.Stage == "layer");
        var day = ChinaTime.StartOfDay(new DateOnly(2025, 10, 8));

        var readings = Simulate.Readings<BarnReading>(barn, day, day.AddDays(1));

        var dark = readings.Where(r => ChinaTime.ToLocal(r.Timestamp).Hour is >= 22 or < 4).Sum(r => r.FeedKg!.Value);
        var light = readings.Where(r => ChinaTime.ToLocal(r.Timestamp).Hour is >= 6 and < 20).Sum(r => r.FeedKg!.Value);
        Assert.True(dark < 0.05 * light, $"dark {dark:F1} kg vs light {light:F1} kg");
    }
}
