using Telemetry.Core.Solar;
using Telemetry.Core.Tests.Simulators;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Solar;

public sealed class PvOutputModelTests
{
    private readonly PvOutputModel _model = PvOutputModel.Jincheng;

    [Theory]
    [InlineData(2026, 6, 21)]
    [InlineData(2026, 12, 21)]
    public void ClearSkyPowerKw_AtLocalMidnight_IsZero(int y, int m, int d)
    {
        var station = TestFleet.Station();
        var midnight = ChinaTime.StartOfDay(new DateOnly(y, m, d));

        Assert.Equal(0, _model.ClearSkyPowerKw(station, midnight));
        Assert.Equal(0, _model.ClearSkyPowerKw(station, midnight.AddHours(3)));
        Assert.Equal(0, _model.ClearSkyPowerKw(station, midnight.AddHours(22.5)));
    }

    [Fact]
    public void ClearSkyPowerKw_JuneNoon100Kwp_Between60And82Kw()
    {
        // June noon: POA ≈ 900–950 W/m² (sun 78° high, 18° off the module normal); cells ≈ 50–55 °C → −10…−12% (γ −0.4%/°C);
        // −9% DC losses; inverter ≈ 97%. 100 × 0.93 × 0.89 × 0.91 × 0.97 ≈ 73 kW. Anything from 60 to 82 kW is plausible.
        var station = TestFleet.Station(kwp: 100);
        var noon = SolarDay.Compute(station.Latitude, station.Longitude, new DateOnly(2026, 6, 21), ChinaTime.Offset).SolarNoon;

        var point = _model.ClearSky(PvArray.Of(station), noon);

        Assert.InRange(point.Poa.GlobalWm2, 850, 1050);
        Assert.InRange(point.CellC, 40, 65);
        Assert.InRange(point.AcKw, 60, 82);
    }

    [Fact]
    public void ClearSkyPowerKw_DecemberNoon100Kwp_Between55And85Kw()
    {
        // December noon: the sun is only 31° high, but a 30° tilt faces it (AOI ≈ 29°), the clean winter air gives
        // DNI ≈ 750–850 W/m², POA ≈ 750–900; cells near 20–30 °C barely derate. ≈ 100 × 0.82 × 0.99 × 0.91 × 0.97 ≈ 72 kW.
        var station = TestFleet.Station(kwp: 100);
        var noon = SolarDay.Compute(station.Latitude, station.Longitude, new DateOnly(2026, 12, 21), ChinaTime.Offset).SolarNoon;

        var point = _model.ClearSky(PvArray.Of(station), noon);

        Assert.InRange(point.Poa.GlobalWm2, 700, 950);
        Assert.InRange(point.CellC, 5, 35);
        Assert.InRange(point.AcKw, 55, 85);
    }

    [Fact]
    public void ExpectedPowerKw_Overcast_MuchLowerThanClear()
    {
        var station = TestFleet.Station(kwp: 100);
        var instant = new DateTimeOffset(2026, 7, 10, 12, 30, 0, ChinaTime.Offset);

        var clear = _model.ExpectedPowerKw(station, instant, 1.0, 28);
        var overcast = _model.ExpectedPowerKw(station, instant, 0.25, 24);

        Assert.True(clear > 50);
        Assert.True(overcast < 0.35 * clear, $"overcast {overcast:F1} kW vs clear {clear:F1} kW");
        Assert.True(overcast > 0, "diffuse light still produces");
    }

    [Fact]
    public void ExpectedPowerKw_OversizedArrayInColdBrightSpring_NeverAboveAcRating()
    {
        // DC/AC 1.5 in cold, clear air with cloud-edge enhancement: the inverter must clip, never exceed its rating.
        var station = TestFleet.Station(kwp: 150, acKw: 100);
        var clipped = 0;
        for (var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, ChinaTime.Offset); t.Year == 2026; t = t.AddMinutes(20))
        {
            var point = _model.Evaluate(PvArray.Of(station), t, 1.15, -5);
            Assert.True(point.AcKw <= station.AcRatingKw + 1e-9, $"{point.AcKw} kW at {t}");
            clipped += point.Clipped ? 1 : 0;
        }

        Assert.True(clipped > 100, "such an oversized array clips on many bright hours");
    }

    [Fact]
    public void ExpectedPowerKw_HotterCells_LessPowerByAboutPointFourPercentPerDegree()
    {
        var station = TestFleet.Station(kwp: 100, acKw: 200); // no clipping
        var instant = new DateTimeOffset(2026, 5, 1, 12, 30, 0, ChinaTime.Offset);

        var cool = _model.Evaluate(PvArray.Of(station), instant, 1, 10);
        var hot = _model.Evaluate(PvArray.Of(station), instant, 1, 30);

        var relative = (hot.DcKw / cool.DcKw) - 1;
        var expected = -0.004 * (hot.CellC - cool.CellC) / (1 + (-0.004 * (cool.CellC - 25)));
        Assert.Equal(expected, relative, 3);
    }

    [Fact]
    public void ExpectedPowerKw_NorthFacingArray_ProducesLessThanSouthFacing()
    {
        var south = TestFleet.Station(azimuth: 180);
        var north = TestFleet.Station(azimuth: 0);
        var instant = new DateTimeOffset(2026, 12, 1, 12, 30, 0, ChinaTime.Offset);

        Assert.True(_model.ExpectedPowerKw(north, instant, 1, 0) < 0.5 * _model.ExpectedPowerKw(south, instant, 1, 0));
    }

    [Fact]
    public void ClearSkyPowerKw_ClearDayEnergy100Kwp_JuneAndDecemberBetween380And800Kwh()
    {
        // Clear-day irradiation on a 30° south plane at 35°N in hazy air: ~7 kWh/m² in June, ~4.5–5.5 in December;
        // times a performance ratio of 0.8–0.9 gives 3.8–8 kWh/kWp.
        var station = TestFleet.Station(kwp: 100);
        foreach (var date in new[] { new DateOnly(2026, 6, 21), new DateOnly(2026, 12, 21) })
        {
            var start = ChinaTime.StartOfDay(date);
            var kwh = 0.0;
            for (var i = 0; i < 24 * 12; i++)
            {
                kwh += _model.ClearSkyPowerKw(station, start.AddMinutes(5 * i)) / 12;
            }

            Assert.InRange(kwh, 380, 800);
        }
    }
}
