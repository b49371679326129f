using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Solar;

public sealed class ClearSkyTests
{
    [Fact]
    public void Ineichen_SunBelowHorizon_IsDark()
    {
        var sun = SolarPosition.Compute(35.5, 112.85, new DateTimeOffset(2026, 6, 21, 23, 0, 0, ChinaTime.Offset));

        Assert.Equal(IrradianceComponents.Dark, ClearSky.Ineichen(sun, 4, 800));
    }

    [Fact]
    public void Ineichen_JuneNoonAt800m_GhiNear1000AndComponentsConsistent()
    {
        // Clear summer noon in hazy continental air at 800 m: GHI 900–1,050 W/m², DNI 750–950, diffuse 80–200.
        var noon = SolarDay.Compute(35.5, 112.85, new DateOnly(2026, 6, 21), ChinaTime.Offset).SolarNoon;
        var sun = SolarPosition.Compute(35.5, 112.85, noon);

        var sky = ClearSky.Ineichen(sun, 4.8, 800);

        Assert.InRange(sky.GhiWm2, 900, 1050);
        Assert.InRange(sky.DniWm2, 750, 950);
        Assert.InRange(sky.DhiWm2, 80, 200);
        Assert.Equal(sky.GhiWm2, sky.DhiWm2 + (sky.DniWm2 * Math.Cos(sun.ApparentZenithDegrees * Math.PI / 180)), 6);
    }

    [Fact]
    public void Ineichen_MoreTurbidAir_LessBeamMoreDiffuse()
    {
        var sun = SolarPosition.Compute(35.5, 112.85, new DateTimeOffset(2026, 4, 10, 11, 0, 0, ChinaTime.Offset));

        var clean = ClearSky.Ineichen(sun, 2.5, 800);
        var hazy = ClearSky.Ineichen(sun, 6, 800);

        Assert.True(hazy.DniWm2 < clean.DniWm2 * 0.85);
        Assert.True(hazy.DhiWm2 > clean.DhiWm2);
        Assert.True(hazy.GhiWm2 < clean.GhiWm2);
    }

    [Fact]
    public void HaurwitzGhi_OverheadSun_AboutOneThousandWattsAndIneichenAgreesWithin15Percent()
    {
        Assert.InRange(ClearSky.HaurwitzGhi(0), 1000, 1050);
        Assert.Equal(0, ClearSky.HaurwitzGhi(95));

        var sun = SolarPosition.Compute(35.5, 112.85, new DateTimeOffset(2026, 5, 1, 12, 30, 0, ChinaTime.Offset));
        var ineichen = ClearSky.Ineichen(sun, 4.0, 800).GhiWm2;
        Assert.InRange(ineichen / ClearSky.HaurwitzGhi(sun.ApparentZenithDegrees), 0.85, 1.15);
    }

    [Fact]
    public void UnderClouds_Overcast_NoBeamAndGlobalScaled()
    {
        var sun = SolarPosition.Compute(35.5, 112.85, new DateTimeOffset(2026, 6, 21, 12, 30, 0, ChinaTime.Offset));
        var clear = ClearSky.Ineichen(sun, 4.8, 800);

        var overcast = ClearSky.UnderClouds(clear, sun, 0.25);
        var broken = ClearSky.UnderClouds(clear, sun, 0.7);

        Assert.Equal(0, overcast.DniWm2);
        Assert.Equal(clear.GhiWm2 * 0.25, overcast.GhiWm2, 6);
        Assert.True(broken.DniWm2 > 0 && broken.DniWm2 < clear.DniWm2);
        Assert.True(broken.DhiWm2 > clear.DhiWm2, "broken clouds scatter beam into diffuse");
    }

    [Fact]
    public void AirMass_ZenithZeroIsOneAndHorizonAboutThirtyEight()
    {
        Assert.Equal(1.0, ClearSky.RelativeAirMass(0), 2);
        Assert.InRange(ClearSky.RelativeAirMass(90 - 1e-9), 37, 39);
        Assert.True(double.IsPositiveInfinity(ClearSky.RelativeAirMass(91)));
    }
}
