using CsCheck;
using Telemetry.Core.Time;
using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Tests.Metering;

/// <summary>
/// Random meter series: 1–10 days of readings between 07:00 and 17:00, each adding 0–20 kWh except the day's first (nothing
/// is produced overnight, so which day a night's step belongs to never matters), at most one counter reset (the register
/// restarts from 0, so the reading after it is the energy since the reset). The true energy of a day is the sum of what its
/// readings added.
/// </summary>
public sealed class MeterEnergyPropertyTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    private static readonly Gen<Series> RandomSeries =
        from days in Gen.Int[1, 10]
        from perDay in Gen.Int[1, 6].Array[days]
        from minutes in Gen.Int[0, 599].Array[perDay.Sum()]
        from increments in Gen.Int[0, 20_000].Array[perDay.Sum()]
        from reset in Gen.Int[-1, perDay.Sum() - 1]
        select Build(perDay, minutes, increments, reset);

    [Fact]
    public void Compute_AllReadings_EachDayIsWhatItsReadingsAdded() =>
        RandomSeries.Sample(s =>
        {
            var energy = MeterEnergyCalculator.Compute(s.Points, [], s.From, s.To, DaylightWindow.Jincheng);
            Assert.Equal(s.TrueKwh, energy.Days.Select(d => d.Kwh));
            Assert.All(energy.Days, d => Assert.True(d.Kwh >= 0m));
        });

    [Fact]
    public void Compute_DailyFirstAndLastWithDetailWhereNeeded_AgreesWithAllReadings() =>
        RandomSeries.Sample(s =>
        {
            var all = MeterEnergyCalculator.Compute(s.Points, [], s.From, s.To, DaylightWindow.Jincheng);
            var series = MeterSeries.FromReadings([.. s.Points.Skip(1)], Day(s.Points[0]), null, []);
            var summarised = MeterEnergyCalculator.Compute(series, [], s.From, s.To, DaylightWindow.Jincheng);
            Assert.Equal(all.Days.Select(d => d.Kwh), summarised.Days.Select(d => d.Kwh));
        });

    /// <summary>
    /// Irregular series: silent days (gaps), readings from 04:00 to 20:00 (so gaps cross dawn and dusk), resets, spikes and dips,
    /// and replays. Whatever the readings, the daily aggregates with every reading of the days that need them (what the store
    /// gives revenue) give exactly what every reading gives: energy, quality and estimation method of each day.
    /// </summary>
    [Fact]
    public void Compute_DailyAggregatesWithDetailWhereNeeded_AgreeWithEveryReadingThroughGapsGlitchesAndResets() =>
        Gen.Select(IrregularSeries, Gen.Int).Sample((points, seed) =>
        {
            var random = new Random(seed);
            var replayed = points.Concat(points.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
            var (from, to) = (Start, ChinaTime.LocalDate(points[^1].TimestampMs).AddDays(-1));
            var all = MeterEnergyCalculator.Compute(replayed, [], from, to, DaylightWindow.Jincheng);
            var series = MeterSeries.FromReadings([.. replayed.Where(p => p.TimestampMs != points[0].TimestampMs)], MeterDay.Single(points[0]), null, []);
            var summarised = MeterEnergyCalculator.Compute(series, [], from, to, DaylightWindow.Jincheng);
            Assert.Equal(all.Days, summarised.Days);
        });

    [Fact]
    public void Compute_ShuffledAndReplayedReadings_GiveTheSameEnergy() =>
        Gen.Select(RandomSeries, Gen.Int).Sample((s, seed) =>
        {
            var random = new Random(seed);
            var replayed = s.Points.Concat(s.Points.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
            var once = MeterEnergyCalculator.Compute(s.Points, [], s.From, s.To, DaylightWindow.Jincheng);
            var again = MeterEnergyCalculator.Compute(replayed, [], s.From, s.To, DaylightWindow.Jincheng);
            Assert.Equal(once.Days, again.Days);
        });

    private static readonly Gen<List<MeterPoint>> IrregularSeries =
        from days in Gen.Int[1, 8]
        from perDay in Gen.Int[0, 6].Array[days]
        from minutes in Gen.Int[0, (16 * 60) - 1].Array[Math.Max(perDay.Sum(), 1)]
        from increments in Gen.Int[0, 20_000].Array[Math.Max(perDay.Sum(), 1)]
        from kinds in Gen.Int[0, 19].Array[Math.Max(perDay.Sum(), 1)]
        select BuildIrregular(perDay, minutes, increments, kinds);

    private static MeterDay Day(MeterPoint p) => new(ChinaTime.LocalDate(p.TimestampMs), p.Kwh, p.Kwh, 1);

    private static Series Build(int[] perDay, int[] minutes, int[] incrementsWh, int reset)
    {
        // A baseline reading the evening before, then the days' readings in time order.
        var points = new List<MeterPoint> { new(At(Start.AddDays(-1), 16 * 60), 10_000m) };
        var trueKwh = new decimal[perDay.Length];
        var register = 10_000m;
        var k = 0;
        for (var day = 0; day < perDay.Length; day++)
        {
            var times = minutes.Skip(k).Take(perDay[day]).Select(m => 7 * 60 + m).Distinct().Order().ToList();
            foreach (var minute in times)
            {
                var added = minute == times[0] ? 0m : incrementsWh[k] / 1000m;
                register = k == reset ? added : register + added;
                points.Add(new MeterPoint(At(Start.AddDays(day), minute), register));
                trueKwh[day] += added;
                k++;
            }

            k += perDay[day] - times.Count; // duplicate minutes were dropped with their increments
        }

        return new Series(points, Start, Start.AddDays(perDay.Length - 1), trueKwh);
    }

    /// <summary>
    /// A baseline the evening before, then per day its readings (none on a silent day) between 04:00 and 20:00; a reading of
    /// kind 0 follows a counter reset, 1 is a dip (half the register), 2 a spike (double it); the register itself goes on.
    /// </summary>
    private static List<MeterPoint> BuildIrregular(int[] perDay, int[] minutes, int[] incrementsWh, int[] kinds)
    {
        var points = new List<MeterPoint> { new(At(Start.AddDays(-1), 18 * 60), 10_000m) };
        var register = 10_000m;
        var k = 0;
        for (var day = 0; day < perDay.Length; day++)
        {
            foreach (var minute in minutes.Skip(k).Take(perDay[day]).Select(m => (4 * 60) + m).Distinct().Order().ToList())
            {
                var added = incrementsWh[k] / 1000m;
                register = kinds[k] == 0 ? added : register + added;
                var shown = kinds[k] switch { 1 => Math.Round(register / 2, 3), 2 => (register * 2) + 1, _ => register };
                points.Add(new MeterPoint(At(Start.AddDays(day), minute), shown));
                k++;
            }

            k = perDay.Take(day + 1).Sum();
        }

        points.Add(new MeterPoint(At(Start.AddDays(perDay.Length), 12 * 60), register + 5m)); // a reading after the last day closes any gap
        return points;
    }

    private static long At(DateOnly date, int minuteOfDay) => ChinaTime.StartOfDay(date).AddMinutes(minuteOfDay).ToUnixTimeMilliseconds();

    internal sealed record Series(List<MeterPoint> Points, DateOnly From, DateOnly To, decimal[] TrueKwh)
    {
        public override string ToString() => string.Join(" ", Points.Select(p => $"{p.TimestampMs}:{p.Kwh}"));
    }
}
