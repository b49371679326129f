using Telemetry.Core.Storage;

namespace Telemetry.Core.Tests.Storage;

public sealed class EnergyCalculatorTests
{
    private static readonly DateOnly D = new(2026, 10, 30);

    [Fact]
    public void Daily_FirstDayCountsFromItsOwnFirstReading_LaterDaysFromThePreviousLast()
    {
        var days = EnergyCalculator.Daily([new DailyMeter(D, 100, 110, 5), new DailyMeter(D.AddDays(1), 112, 130, 5)], baseline: null);

        Assert.Equal([10.0, 20.0], days.Select(d => d.EnergyKwh));
        Assert.Equal([null, D], days.Select(d => d.BaselineDate));
    }

    [Fact]
    public void Daily_WithABaselineBeforeTheRange_CountsTheFirstDayFromIt()
    {
        var days = EnergyCalculator.Daily([new DailyMeter(D, 100, 110, 5)], new MeterBaseline(D.AddDays(-3), 90));

        Assert.Equal((20.0, 90.0, D.AddDays(-3)), (days[0].EnergyKwh, days[0].BaselineKwh, days[0].BaselineDate!.Value));
    }

    [Fact]
    public void Daily_UnorderedInput_IsChainedInDateOrder()
    {
        var days = EnergyCalculator.Daily([new DailyMeter(D.AddDays(1), 112, 130, 5), new DailyMeter(D, 100, 110, 5)], baseline: null);

        Assert.Equal([D, D.AddDays(1)], days.Select(d => d.Date));
        Assert.Equal([10.0, 20.0], days.Select(d => d.EnergyKwh));
    }

    [Fact]
    public void Monthly_SumsDaysAndTelescopesToLastMinusBaseline()
    {
        var daily = EnergyCalculator.Daily(
            [new DailyMeter(D, 100, 110, 1), new DailyMeter(D.AddDays(1), 110, 125, 1), new DailyMeter(D.AddDays(2), 125, 127, 1), new DailyMeter(D.AddDays(3), 127, 140, 1)],
            new MeterBaseline(D.AddDays(-1), 95));

        var months = EnergyCalculator.Monthly(daily);

        Assert.Equal([(10, 30.0, 2), (11, 15.0, 2)], months.Select(m => (m.Month, m.EnergyKwh, m.DaysWithData)));
        Assert.Equal(140.0 - 95.0, months.Sum(m => m.EnergyKwh));
    }
}
