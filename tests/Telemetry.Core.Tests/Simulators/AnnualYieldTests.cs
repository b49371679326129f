using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Simulators.Weather;
using Xunit.Abstractions;

namespace Telemetry.Core.Tests.Simulators;

public sealed class AnnualYieldTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2026)]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(99)]
    public void PvOutputModel_YearOfSimulatedWeatherAtJincheng_SpecificYield1300To1500KwhPerKwp(int seed)
    {
        // research/domain.md §1.4: Linfen's 100 kW village stations produce 130,000–150,000 kWh a year, i.e.
        // 1,300–1,500 kWh/kWp, for a south-facing ~30° array in the same climate as Jincheng.
        var weather = new WeatherModel(seed, SiteClimate.Jincheng);
        var model = new PvOutputModel(SiteClimate.Jincheng, PvSystemParameters.Default);
        var station = TestFleet.Station(kwp: 100, tilt: 30, azimuth: 180, commissioned: new DateOnly(2025, 1, 1));
        var array = PvArray.Of(station);
        var step = TimeSpan.FromMinutes(10);
        var energyKwh = 0.0;
        var ghiKwhM2 = 0.0;
        var clearGhiKwhM2 = 0.0;
        var days = new Dictionary<DayType, int>();
        var start = ChinaTime.StartOfDay(new DateOnly(2025, 1, 1));
        var end = ChinaTime.StartOfDay(new DateOnly(2026, 1, 1));
        for (var t = start; t < end; t += step)
        {
            var w = weather.At(station, t);
            var point = model.Evaluate(array, t, w.CloudTransmission, w.AmbientC);
            energyKwh += point.AcKw * step.TotalHours;
            ghiKwhM2 += point.Horizontal.GhiWm2 * step.TotalHours / 1000;
            clearGhiKwhM2 += model.Evaluate(array, t, 1, w.AmbientC).Horizontal.GhiWm2 * step.TotalHours / 1000;
            if (ChinaTime.ToLocal(t).TimeOfDay == TimeSpan.Zero)
            {
                days[w.DayType] = days.GetValueOrDefault(w.DayType) + 1;
            }
        }

        var specificYield = energyKwh / station.CapacityKwp;
        output.WriteLine($"seed {seed}: {specificYield:F0} kWh/kWp, GHI {ghiKwhM2:F0} kWh/m² (clear sky {clearGhiKwhM2:F0}), days {string.Join(", ", days.Select(d => $"{d.Key} {d.Value}"))}");
        Assert.InRange(specificYield, 1300, 1500);

        // Southern Shanxi receives ~1,350–1,550 kWh/m² a year on the horizontal (≈ 4,900–5,600 MJ/m²).
        Assert.InRange(ghiKwhM2, 1300, 1600);
    }
}
