using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Solar;

public sealed class SiteClimateTests
{
    private readonly SiteClimate _climate = SiteClimate.Jincheng;

    [Fact]
    public void DailyMeanTemperatureC_MidJanuaryAndMidJuly_MatchJinchengNormals()
    {
        Assert.InRange(_climate.DailyMeanTemperatureC(new DateOnly(2026, 1, 15)), -4, -2);
        Assert.InRange(_climate.DailyMeanTemperatureC(new DateOnly(2026, 7, 16)), 23, 25);
    }

    [Fact]
    public void AmbientTemperatureC_OverADay_MinimumNearSunriseMaximumNearThreePm()
    {
        var date = new DateOnly(2026, 4, 15);
        var start = ChinaTime.StartOfDay(date);
        var samples = Enumerable.Range(0, 24 * 6)
            .Select(i => (Time: start.AddMinutes(10 * i), T: _climate.AmbientTemperatureC(35.5, 112.85, start.AddMinutes(10 * i))))
            .ToList();

        var min = samples.MinBy(s => s.T);
        var max = samples.MaxBy(s => s.T);
        var sunrise = SolarDay.Compute(35.5, 112.85, date, ChinaTime.Offset).Sunrise!.Value;

        Assert.InRange((min.Time - sunrise).Duration().TotalMinutes, 0, 15);
        Assert.InRange(ChinaTime.ToLocal(max.Time).TimeOfDay.TotalHours, 14.8, 15.2);
        Assert.InRange(max.T - min.T, 11.5, 12.5);
        Assert.InRange(samples.Average(s => s.T), _climate.DailyMeanTemperatureC(date) - 0.5, _climate.DailyMeanTemperatureC(date) + 0.5);
    }

    [Fact]
    public void AmbientTemperatureC_AcrossMidnight_IsContinuous()
    {
        var midnight = ChinaTime.StartOfDay(new DateOnly(2026, 10, 3));

        var before = _climate.AmbientTemperatureC(35.5, 112.85, midnight.AddMinutes(-1));
        var after = _climate.AmbientTemperatureC(35.5, 112.85, midnight.AddMinutes(1));

        Assert.InRange(after - before, -0.5, 0.5);
    }
}
