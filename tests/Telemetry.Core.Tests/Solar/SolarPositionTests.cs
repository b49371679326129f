using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Core.Tests.Solar;

public sealed class SolarPositionTests
{
    private const double Lat = 35.5;
    private const double Lon = 112.85;

    [Fact]
    public void Compute_NrelSpaReferenceInstant_MatchesPublishedZenithAndAzimuth()
    {
        // NREL SPA report (Reda & Andreas 2008), Table A4.1: Golden, CO, 2003-10-17 12:30:30 at UTC−7:
        // topocentric zenith 50.11162°, azimuth 194.34024° (with refraction). NOAA's algorithm is good to ~0.02°.
        var instant = new DateTimeOffset(2003, 10, 17, 12, 30, 30, TimeSpan.FromHours(-7));

        var sun = SolarPosition.Compute(39.742476, -105.1786, instant);

        Assert.InRange(sun.ApparentZenithDegrees, 50.11162 - 0.05, 50.11162 + 0.05);
        Assert.InRange(sun.AzimuthDegrees, 194.34024 - 0.05, 194.34024 + 0.05);
    }

    [Theory]
    [InlineData(2026, 6, 21, 77.94)] // 90 − 35.5 + 23.44
    [InlineData(2026, 12, 21, 31.06)] // 90 − 35.5 − 23.44
    [InlineData(2026, 3, 20, 54.5)] // equinox: 90 − 35.5
    public void Compute_SolarNoonAtJincheng_ElevationIsNinetyMinusLatitudePlusDeclination(int y, int m, int d, double expected)
    {
        var noon = SolarDay.Compute(Lat, Lon, new DateOnly(y, m, d), ChinaTime.Offset).SolarNoon;

        var sun = SolarPosition.Compute(Lat, Lon, noon);

        // Refraction adds < 0.03° at these elevations; the equinox instant is a few hours off noon (declination moves 0.1°).
        Assert.InRange(sun.ElevationDegrees, expected - 0.3, expected + 0.3);
        Assert.InRange(sun.AzimuthDegrees, 179.5, 180.5);
    }

    [Fact]
    public void Compute_MorningAndAfternoon_SunIsEastThenWest()
    {
        var morning = SolarPosition.Compute(Lat, Lon, new DateTimeOffset(2026, 6, 21, 8, 0, 0, ChinaTime.Offset));
        var afternoon = SolarPosition.Compute(Lat, Lon, new DateTimeOffset(2026, 6, 21, 17, 0, 0, ChinaTime.Offset));

        Assert.InRange(morning.AzimuthDegrees, 45, 135);
        Assert.InRange(afternoon.AzimuthDegrees, 225, 315);
    }

    [Fact]
    public void Compute_LocalMidnight_SunIsBelowHorizon()
    {
        var sun = SolarPosition.Compute(Lat, Lon, new DateTimeOffset(2026, 6, 21, 0, 30, 0, ChinaTime.Offset));

        Assert.False(sun.IsDaylight);
        Assert.True(sun.ElevationDegrees < -20);
        Assert.False(SolarPosition.IsSunUp(Lat, Lon, new DateTimeOffset(2026, 6, 21, 0, 30, 0, ChinaTime.Offset)));
        Assert.True(SolarPosition.IsSunUp(Lat, Lon, new DateTimeOffset(2026, 6, 21, 12, 30, 0, ChinaTime.Offset), minElevationDegrees: 70));
        Assert.False(SolarPosition.IsSunUp(Lat, Lon, new DateTimeOffset(2026, 6, 21, 6, 0, 0, ChinaTime.Offset), minElevationDegrees: 10));
    }

    [Fact]
    public void SolarDay_JunSolsticeAtJincheng_SunriseAbout0513SunsetAbout1947()
    {
        // Jincheng lies 7.15° west of the UTC+8 meridian: solar noon ≈ 12:30 Beijing time; the solstice day at 35.5°N
        // lasts 14 h 34 min (cos H = −tan φ tan δ with the 0.833° horizon correction).
        var day = SolarDay.Compute(Lat, Lon, new DateOnly(2026, 6, 21), ChinaTime.Offset);

        AssertLocalTime(day.Sunrise!.Value, new TimeOnly(5, 8), new TimeOnly(5, 18));
        AssertLocalTime(day.SolarNoon, new TimeOnly(12, 27), new TimeOnly(12, 34));
        AssertLocalTime(day.Sunset!.Value, new TimeOnly(19, 42), new TimeOnly(19, 52));
        Assert.InRange(day.DayLength.TotalHours, 14.4, 14.7);
    }

    [Fact]
    public void SolarDay_DecSolsticeAtJincheng_SunriseAbout0734SunsetAbout1719()
    {
        var day = SolarDay.Compute(Lat, Lon, new DateOnly(2026, 12, 21), ChinaTime.Offset);

        AssertLocalTime(day.Sunrise!.Value, new TimeOnly(7, 29), new TimeOnly(7, 39));
        AssertLocalTime(day.Sunset!.Value, new TimeOnly(17, 14), new TimeOnly(17, 24));
        Assert.InRange(day.DayLength.TotalHours, 9.6, 9.9);
    }

    [Fact]
    public void SolarDay_SunriseInstant_ElevationIsAtTheHorizonCorrection()
    {
        var day = SolarDay.Compute(Lat, Lon, new DateOnly(2026, 9, 1), ChinaTime.Offset);

        var atSunrise = SolarPosition.Compute(Lat, Lon, day.Sunrise!.Value);

        Assert.InRange(atSunrise.ZenithDegrees, SolarDay.HorizonZenithDegrees - 0.1, SolarDay.HorizonZenithDegrees + 0.1);
    }

    [Fact]
    public void SolarDay_PolarNight_HasNoSunrise()
    {
        var day = SolarDay.Compute(80, 15, new DateOnly(2026, 12, 21), TimeSpan.FromHours(1));

        Assert.Null(day.Sunrise);
        Assert.Equal(TimeSpan.Zero, day.DayLength);
    }

    private static void AssertLocalTime(DateTimeOffset instant, TimeOnly earliest, TimeOnly latest)
    {
        var local = TimeOnly.FromTimeSpan(instant.ToOffset(ChinaTime.Offset).TimeOfDay);
        Assert.True(local >= earliest && local <= latest, $"{local} is outside {earliest}–{latest}");
    }
}
