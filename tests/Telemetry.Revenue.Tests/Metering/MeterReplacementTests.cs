using Telemetry.Core.Fleet;
using Telemetry.Revenue.Metering;
using Telemetry.Revenue.Tests.Support;

namespace Telemetry.Revenue.Tests.Metering;

public sealed class MeterReplacementTests
{
    private static readonly DateOnly Day = new(2026, 4, 15);

    [Fact]
    public void Compute_ReplacementAtNoon_BridgesWithTheRecordedRegisters()
    {
        // Old meter: 55,600 (06:00), 55,700 (09:00), last stored 55,790 (11:50); the crew read 55,800 when it came out at 12:00.
        // New meter: installed reading 12.5 (factory test), stored 40 (12:30), 212.5 (19:00).
        // Energy = (55,790 − 55,600) + (55,800 − 55,790) + (40 − 12.5) + (212.5 − 40) = 190 + 10 + 27.5 + 172.5 = 400 kWh.
        var swap = new MeterReplacement(MeterScript.At(Day, 12), 55_800m, 12.5m, "YW-1");
        MeterPoint[] points =
        [
            P(6, 0, 55_600m), P(9, 0, 55_700m), P(11, 50, 55_790m), P(12, 30, 40m), P(19, 0, 212.5m),
        ];

        var energy = MeterEnergyCalculator.Compute(points, [swap], Day, Day, DaylightWindow.Jincheng);

        Assert.Equal(400.000m, energy.TotalKwh);
        Assert.Equal(EnergyQuality.Measured, energy.Quality);
        Assert.Equal([MeterEventKind.Replacement], energy.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Compute_ResetSeenOnlyFromFirstAndLast_IsFlaggedEstimated()
    {
        // Only the day's first (06:00, 55,600) and last (19:00, 200) survive: the counter restarted from zero, 200 kWh after
        // the reset are counted, what came before it is unknown → estimated (ResetFromZero).
        var series = new MeterSeries(null, [new MeterDay(Day, 55_600m, 200m, 80)], null);

        var energy = MeterEnergyCalculator.Compute(series, [], Day, Day, DaylightWindow.Jincheng);

        Assert.Equal(200.000m, energy.TotalKwh);
        Assert.Equal((EnergyQuality.Estimated, EstimationMethod.ResetFromZero), (energy.Days[0].Quality, energy.Days[0].Method));
    }

    [Fact]
    public void Compute_SpikeAndDip_AreIgnoredAsGlitches()
    {
        // 100 → 99,999 (spike) → 110 → 3 (dip) → 120: steps 10 and 10 → 20 kWh; two glitches reported.
        MeterPoint[] points = [P(8, 0, 100m), P(9, 0, 99_999m), P(10, 0, 110m), P(11, 0, 3m), P(12, 0, 120m)];

        var energy = MeterEnergyCalculator.Compute(points, [], Day, Day, DaylightWindow.Jincheng);

        Assert.Equal(20.000m, energy.TotalKwh);
        Assert.Equal(2, energy.Events.Count(e => e.Kind == MeterEventKind.Glitch));
    }

    [Fact]
    public void Compute_SilentSinceTheTenth_LaterDaysAreMissing()
    {
        MeterPoint[] points = [P(6, 0, 100m, Day.AddDays(-5)), P(19, 0, 500m, Day.AddDays(-5))];

        var energy = MeterEnergyCalculator.Compute(points, [], Day.AddDays(-5), Day, DaylightWindow.Jincheng);

        Assert.Equal(400.000m, energy.Days[0].Kwh);
        Assert.All(energy.Days.Skip(1), d => Assert.Equal((0m, EnergyQuality.Missing), (d.Kwh, d.Quality)));
    }

    private static MeterPoint P(int hour, int minute, decimal kwh, DateOnly? date = null) =>
        new(MeterScript.At(date ?? Day, hour, minute).ToUnixTimeMilliseconds(), kwh);
}
