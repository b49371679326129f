using Telemetry.Core.Fleet;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;

namespace Telemetry.Simulators.Weather;

/// <summary>
/// Deterministic, seeded weather for the fleet. Day types come from a city-wide Markov chain that each county follows
/// on most days; within a day, cloud transmission is smooth noise that is mostly shared by the county (so villages in
/// one county see similar clouds, which the alerts' peer comparison relies on) plus a small village-level part.
/// Temperature is the site climatology with a day-type-dependent daily range and a slowly varying anomaly.
/// Thread-safe.
/// </summary>
internal sealed class WeatherModel
{
    private const double CountyFollowsCity = 0.75;

    // Outdoor relative humidity by month, % (dry winters and spring, humid rainy season).
    private static readonly double[] MonthlyRh = [55, 55, 52, 52, 55, 60, 75, 78, 72, 65, 60, 55];

    private readonly ulong _seed;
    private readonly DayTypeChain _city;

    // Memos (same values, computed once): string keys and the day type per county and day are asked for on every reading.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ulong> _keys = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string County, int Day), DayType> _dayTypes = new();

    public WeatherModel(int seed, SiteClimate climate)
    {
        _seed = Noise.Key("weather:" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _city = new DayTypeChain(Noise.Hash(_seed, 1));
        Climate = climate;
    }

    public SiteClimate Climate { get; }

    public WeatherSample At(Device device, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(device);
        var county = device.Village.County.Id;
        var date = ChinaTime.LocalDate(instant);
        var dayType = DayTypeOf(county, date);
        var transmission = CloudTransmission(county, device.Village.Id, instant);
        var ambient = AmbientC(county, device.Latitude, device.Longitude, instant);
        var mean = Climate.DailyMeanTemperatureC(date);
        var rh = MonthlyRh[date.Month - 1] + DayTypeRh(dayType) - (2.2 * (ambient - mean));
        return new WeatherSample(dayType, transmission, ambient, Math.Clamp(rh, 15, 98));
    }

    public DayType DayTypeOf(string countyId, DateOnly localDate) =>
        _dayTypes.GetOrAdd((countyId, localDate.DayNumber), static (k, self) => self.ComputeDayType(k.County, DateOnly.FromDayNumber(k.Day)), this);

    private DayType ComputeDayType(string countyId, DateOnly localDate)
    {
        var city = _city.On(localDate);
        var h = Noise.Hash(_seed, Key(countyId), (ulong)localDate.DayNumber);
        var u = Noise.Unit(h);
        return u < CountyFollowsCity
            ? city
            : DayTypeChain.Draw(DayTypeChain.Stationary(localDate.Month), (u - CountyFollowsCity) / (1 - CountyFollowsCity));
    }

    /// <summary>Global irradiance relative to clear sky for a village at an instant (0.05–1.05).</summary>
    public double CloudTransmission(string countyId, string villageId, DateTimeOffset instant)
    {
        var date = ChinaTime.LocalDate(instant);
        var countyKey = Noise.Hash(_seed, Key(countyId));
        var villageKey = Noise.Hash(_seed, Key(villageId));
        var dayHash = Noise.Hash(countyKey, (ulong)date.DayNumber);
        var t = instant.ToUnixTimeMilliseconds() / 1000.0;
        switch (DayTypeOf(countyId, date))
        {
            case DayType.Clear:
                {
                    var haze = 0.93 + (0.06 * Noise.Unit(dayHash));
                    return Math.Min(1.0, haze + (0.015 * Noise.Smooth(countyKey ^ 0x11, t, 7200)));
                }

            case DayType.PartlyCloudy:
                {
                    // Cloud field: county-wide large and small cells, plus local detail; a cell shades where the field is
                    // above a threshold chosen from the day's cloud cover.
                    var cover = 0.2 + (0.4 * Noise.Unit(Noise.Hash(dayHash, 2)));
                    var county = (0.65 * Noise.Smooth(countyKey ^ 0x21, t, 2400)) + (0.35 * Noise.Smooth(countyKey ^ 0x22, t, 480));
                    var local = Noise.Smooth(villageKey ^ 0x23, t, 480);
                    var field = (0.8 * county) + (0.2 * local);
                    var threshold = 0.55 * (1 - (2 * cover));
                    var shade = SmoothStep(threshold - 0.08, threshold + 0.08, field);
                    var shadeLevel = 0.25 + (0.15 * Noise.Unit(Noise.Hash(dayHash, 3)));
                    return 1.03 - (shade * (1.03 - shadeLevel));
                }

            default:
                {
                    var level = 0.18 + (0.25 * Noise.Unit(Noise.Hash(dayHash, 4)));
                    var value = level + (0.05 * Noise.Smooth(countyKey ^ 0x31, t, 3600)) + (0.02 * Noise.Smooth(villageKey ^ 0x32, t, 900));
                    return Math.Clamp(value, 0.05, 0.6);
                }
        }
    }

    /// <summary>Air temperature, °C: climatology, the day type's daily range, and a slow anomaly shared by the county.</summary>
    public double AmbientC(string countyId, double latitude, double longitude, DateTimeOffset instant)
    {
        var local = ChinaTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var days = instant.ToUnixTimeMilliseconds() / 86_400_000.0;
        var anomaly = 2.5 * ((0.7 * Noise.Smooth(Noise.Hash(_seed, 0x41), days, 4)) + (0.3 * Noise.Smooth(Noise.Hash(_seed, Key(countyId)), days, 2)));

        // The daily range changes with the day type; blend from yesterday's during the night so there is no jump at midnight.
        var today = SwingScale(DayTypeOf(countyId, date));
        var yesterday = SwingScale(DayTypeOf(countyId, date.AddDays(-1)));
        var blend = Math.Clamp(local.TimeOfDay.TotalHours / 6.0, 0, 1);
        var swing = yesterday + ((today - yesterday) * blend);
        return Climate.AmbientTemperatureC(latitude, longitude, instant, swing, anomaly);
    }

    private ulong Key(string id) => _keys.GetOrAdd(id, Noise.Key);

    private static double SwingScale(DayType type) => type switch
    {
        DayType.Clear => 1.15,
        DayType.PartlyCloudy => 0.9,
        _ => 0.5,
    };

    private static double DayTypeRh(DayType type) => type switch
    {
        DayType.Clear => -8,
        DayType.PartlyCloudy => 0,
        _ => 15,
    };

    private static double SmoothStep(double edge0, double edge1, double x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - (2 * t));
    }
}
