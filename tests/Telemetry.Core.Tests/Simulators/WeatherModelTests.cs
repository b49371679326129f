using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Simulators.Weather;

namespace Telemetry.Core.Tests.Simulators;

public sealed class WeatherModelTests
{
    [Fact]
    public void At_SameSeedInTwoInstances_SameWeather()
    {
        var station = TestFleet.SampleFleet.Stations[5];
        var a = new WeatherModel(11, SiteClimate.Jincheng);
        var b = new WeatherModel(11, SiteClimate.Jincheng);
        var other = new WeatherModel(12, SiteClimate.Jincheng);
        var start = ChinaTime.StartOfDay(new DateOnly(2026, 3, 1));

        var differs = 0;
        for (var t = start; t < start.AddDays(20); t = t.AddMinutes(37))
        {
            Assert.Equal(a.At(station, t), b.At(station, t));
            differs += a.At(station, t) == other.At(station, t) ? 0 : 1;
        }

        Assert.True(differs > 100, "another seed gives other weather");
    }

    [Fact]
    public void DayTypeOf_TenYears_RainySummerIsCloudierThanDryWinter()
    {
        var weather = new WeatherModel(3, SiteClimate.Jincheng);
        var dates = Enumerable.Range(0, 3653).Select(i => new DateOnly(2015, 1, 1).AddDays(i)).ToList();

        double Share(int month, DayType type)
        {
            var inMonth = dates.Where(d => d.Month == month).ToList();
            return inMonth.Count(d => weather.DayTypeOf("zezhou", d) == type) / (double)inMonth.Count;
        }

        Assert.True(Share(7, DayType.Overcast) > Share(1, DayType.Overcast) + 0.1);
        Assert.True(Share(1, DayType.Clear) > Share(7, DayType.Clear) + 0.15);
        Assert.InRange(Share(1, DayType.Clear), 0.4, 0.7);
    }

    [Fact]
    public void DayTypeOf_CountiesOfOneCity_AgreeOnMostDays()
    {
        var weather = new WeatherModel(3, SiteClimate.Jincheng);
        var dates = Enumerable.Range(0, 730).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToList();

        var agree = dates.Count(d => weather.DayTypeOf("zezhou", d) == weather.DayTypeOf("qinshui", d)) / (double)dates.Count;

        // Independent counties would agree on ~35% of days; one synoptic regime makes it most days.
        Assert.InRange(agree, 0.55, 0.95);
    }

    [Fact]
    public void CloudTransmission_PartlyCloudyDays_VillagesOfOneCountyMoreAlikeThanOtherCounties()
    {
        var weather = new WeatherModel(5, SiteClimate.Jincheng);
        var sameCounty = new List<double>();
        var otherCounty = new List<double>();
        var days = Enumerable.Range(0, 200).Select(i => new DateOnly(2026, 4, 1).AddDays(i))
            .Where(d => weather.DayTypeOf("zezhou", d) == DayType.PartlyCloudy && weather.DayTypeOf("lingchuan", d) == DayType.PartlyCloudy)
            .Take(15).ToList();
        Assert.NotEmpty(days);

        foreach (var day in days)
        {
            for (var t = ChinaTime.StartOfDay(day).AddHours(8); t < ChinaTime.StartOfDay(day).AddHours(16); t = t.AddMinutes(5))
            {
                var a = weather.CloudTransmission("zezhou", "zezhou-bagong-01", t);
                sameCounty.Add(Math.Abs(a - weather.CloudTransmission("zezhou", "zezhou-gaodu-02", t)));
                otherCounty.Add(Math.Abs(a - weather.CloudTransmission("lingchuan", "lingchuan-x-01", t)));
            }
        }

        Assert.True(sameCounty.Average() < 0.5 * otherCounty.Average(), $"same county {sameCounty.Average():F3}, other county {otherCounty.Average():F3}");
    }

    [Fact]
    public void CloudTransmission_AnyTime_StaysPhysical()
    {
        var weather = new WeatherModel(9, SiteClimate.Jincheng);
        var start = ChinaTime.StartOfDay(new DateOnly(2026, 1, 1));
        for (var t = start; t < start.AddDays(365); t = t.AddMinutes(53))
        {
            Assert.InRange(weather.CloudTransmission("gaoping", "gaoping-a-01", t), 0.05, 1.05);
        }
    }
}
