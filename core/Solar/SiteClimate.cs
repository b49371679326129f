using Telemetry.Core.Time;

namespace Telemetry.Core.Solar;

/// <summary>
/// A site's climatology for expected-output models: altitude, monthly Linke turbidity, monthly mean air temperature
/// with a diurnal cycle (minimum near sunrise, maximum mid-afternoon), and ground albedo. Monthly values are taken as
/// mid-month and interpolated linearly between months.
/// </summary>
public sealed class SiteClimate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double Lat, double Lon, int Day), double> SunriseCache = new();

    private readonly double[] _meanTemperatureC;
    private readonly double[] _linkeTurbidity;

    /// <summary>Creates a climatology from twelve monthly values (January first).</summary>
    /// <param name="altitudeMetres">Typical altitude of the area's sites, metres.</param>
    /// <param name="monthlyMeanTemperatureC">Monthly mean air temperature, °C.</param>
    /// <param name="diurnalHalfRangeC">Half the typical daily temperature range, °C (max = mean + this, min = mean − this).</param>
    /// <param name="monthlyLinkeTurbidity">Monthly Linke turbidity factor.</param>
    /// <param name="albedo">Ground reflectance.</param>
    /// <param name="afternoonMaxLocalHour">Local (UTC+8) hour of the daily maximum temperature.</param>
    public SiteClimate(
        double altitudeMetres,
        IReadOnlyList<double> monthlyMeanTemperatureC,
        double diurnalHalfRangeC,
        IReadOnlyList<double> monthlyLinkeTurbidity,
        double albedo = 0.2,
        double afternoonMaxLocalHour = 15.0)
    {
        ArgumentNullException.ThrowIfNull(monthlyMeanTemperatureC);
        ArgumentNullException.ThrowIfNull(monthlyLinkeTurbidity);
        if (monthlyMeanTemperatureC.Count != 12 || monthlyLinkeTurbidity.Count != 12)
        {
            throw new ArgumentException("Monthly climatologies need exactly twelve values, January first.");
        }

        AltitudeMetres = altitudeMetres;
        _meanTemperatureC = [.. monthlyMeanTemperatureC];
        DiurnalHalfRangeC = diurnalHalfRangeC;
        _linkeTurbidity = [.. monthlyLinkeTurbidity];
        Albedo = albedo;
        AfternoonMaxLocalHour = afternoonMaxLocalHour;
    }

    /// <summary>
    /// Jincheng, Shanxi (≈35.5°N, 112.85°E, 700–1000 m): monthly means from −3 °C in January to 24 °C in July, a daily
    /// range of about 12 °C, and a hazy continental atmosphere (Linke turbidity 3.3 in winter to 5 in the rainy summer).
    /// </summary>
    /// <remarks>
    /// Temperatures are rounded values of the area's climate normals; the turbidity values are an estimate for the
    /// loess-plateau/North China haze, not measured data. Both are good enough for expectations, not for bankable yield.
    /// </remarks>
    public static SiteClimate Jincheng { get; } = new(
        altitudeMetres: 800,
        monthlyMeanTemperatureC: [-3.0, 0.5, 6.5, 13.5, 19.0, 23.0, 24.0, 22.5, 17.5, 11.5, 4.5, -1.5],
        diurnalHalfRangeC: 6.0,
        monthlyLinkeTurbidity: [3.4, 3.7, 4.2, 4.5, 4.6, 4.8, 5.0, 4.8, 4.2, 3.8, 3.5, 3.3]);

    /// <summary>Typical altitude of the area's sites, metres.</summary>
    public double AltitudeMetres { get; }

    /// <summary>Half the typical daily temperature range, °C.</summary>
    public double DiurnalHalfRangeC { get; }

    /// <summary>Ground reflectance.</summary>
    public double Albedo { get; }

    /// <summary>Local (UTC+8) hour of the daily maximum temperature.</summary>
    public double AfternoonMaxLocalHour { get; }

    /// <summary>Linke turbidity on a local date (interpolated between mid-month values).</summary>
    /// <param name="localDate">The local (UTC+8) date.</param>
    public double LinkeTurbidity(DateOnly localDate) => Interpolate(_linkeTurbidity, localDate);

    /// <summary>Daily mean air temperature on a local date, °C (interpolated between mid-month values).</summary>
    /// <param name="localDate">The local (UTC+8) date.</param>
    public double DailyMeanTemperatureC(DateOnly localDate) => Interpolate(_meanTemperatureC, localDate);

    /// <summary>
    /// Climatological air temperature at an instant: the day's mean plus a diurnal cycle whose minimum falls at sunrise
    /// and whose maximum falls at <see cref="AfternoonMaxLocalHour"/>; the cycle averages to the day's mean.
    /// </summary>
    /// <param name="latitudeDegrees">Latitude (for sunrise), degrees north.</param>
    /// <param name="longitudeDegrees">Longitude (for sunrise), degrees east.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="swingScale">Multiplies the diurnal range (larger on clear days, smaller under overcast).</param>
    /// <param name="anomalyC">Added to the mean (day-to-day weather), °C.</param>
    public double AmbientTemperatureC(double latitudeDegrees, double longitudeDegrees, DateTimeOffset instant, double swingScale = 1.0, double anomalyC = 0.0)
    {
        var local = ChinaTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var hour = local.TimeOfDay.TotalHours;
        var amplitude = DiurnalHalfRangeC * swingScale;
        var sunriseToday = SunriseHour(latitudeDegrees, longitudeDegrees, date);
        double cycle;
        if (hour >= sunriseToday && hour <= AfternoonMaxLocalHour)
        {
            cycle = -Math.Cos(Math.PI * (hour - sunriseToday) / (AfternoonMaxLocalHour - sunriseToday));
        }
        else if (hour > AfternoonMaxLocalHour)
        {
            var next = SunriseHour(latitudeDegrees, longitudeDegrees, date.AddDays(1)) + 24;
            cycle = Math.Cos(Math.PI * (hour - AfternoonMaxLocalHour) / (next - AfternoonMaxLocalHour));
        }
        else
        {
            var start = AfternoonMaxLocalHour - 24;
            cycle = Math.Cos(Math.PI * (hour - start) / (sunriseToday - start));
        }

        return DailyMeanTemperatureC(date) + anomalyC + (amplitude * cycle);
    }

    private static double SunriseHour(double lat, double lon, DateOnly date)
    {
        // Memoised: the simulators ask for every reading of every device; bounded by clearing when large.
        var key = (lat, lon, date.DayNumber);
        if (SunriseCache.TryGetValue(key, out var hour))
        {
            return hour;
        }

        var day = SolarDay.Compute(lat, lon, date, ChinaTime.Offset);
        hour = day.Sunrise is { } r ? r.ToOffset(ChinaTime.Offset).TimeOfDay.TotalHours : 6.0;
        if (SunriseCache.Count > 100_000)
        {
            SunriseCache.Clear();
        }

        SunriseCache[key] = hour;
        return hour;
    }

    private static double Interpolate(double[] monthly, DateOnly date)
    {
        // Values are for mid-month; position is in "months" measured from mid-January.
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        var position = (date.Month - 1) + ((date.Day - 0.5) / daysInMonth) - 0.5;
        var lower = (int)Math.Floor(position);
        var fraction = position - lower;
        var a = monthly[((lower % 12) + 12) % 12];
        var b = monthly[(((lower + 1) % 12) + 12) % 12];
        return a + ((b - a) * fraction);
    }
}
