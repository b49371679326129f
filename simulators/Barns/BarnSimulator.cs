using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Simulators.Barns;

/// <summary>
/// A barn's climate controller: indoor temperature from the outdoor weather through ventilation, evaporative cooling
/// and heating, kept by the climate system inside the profile's design band; fan stage from the ventilation demand;
/// gases that build up when the barn is closed (cold weather, night); water and feed since the previous reading by
/// head count, species and time of day. Every value is a function of the timestamp, so readings are reproducible.
/// </summary>
internal sealed class BarnSimulator : IDeviceSimulator
{
    private const int MaxStage = 4;

    private readonly Barn _barn;
    private readonly SpeciesProfile _profile;
    private readonly WeatherModel _weather;
    private readonly IFaultInjector _faults;
    private readonly TimeSpan _cadence;
    private readonly ulong _key;
    private DateTimeOffset _last;

    public BarnSimulator(Barn barn, WeatherModel weather, IFaultInjector faults, TimeSpan cadence, int seed)
    {
        _barn = barn;
        _profile = SpeciesProfiles.For(barn);
        _weather = weather;
        _faults = faults;
        _cadence = cadence;
        _key = Noise.Hash(Noise.Key(barn.Id), (ulong)seed);
    }

    public Device Device => _barn;

    public SpeciesProfile Profile => _profile;

    public void Start(DateTimeOffset firstTimestamp) => _last = firstTimestamp - _cadence;

    public Reading Next(DateTimeOffset timestamp)
    {
        if (timestamp <= _last)
        {
            throw new InvalidOperationException($"Readings of {_barn.Id} must advance in time ({timestamp:O} after {_last:O}).");
        }

        var c = _profile.IsHive ? Hive(timestamp) : Climate(timestamp);
        Intake(timestamp, ref c);
        _faults.Apply(_barn, timestamp, ref c);
        _last = timestamp;
        return new BarnReading
        {
            Device = _barn,
            TimestampMs = timestamp.ToUnixTimeMilliseconds(),
            Seq = timestamp.ToUnixTimeMilliseconds() / (long)_cadence.TotalMilliseconds,
            TempC = Reported.Round(c.TempC, 1),
            HumidityPct = Reported.Round(c.HumidityPct, 1),
            Nh3Ppm = c.Nh3Ppm is { } nh3 ? Reported.Round(nh3, 1) : null,
            Co2Ppm = c.Co2Ppm is { } co2 ? Reported.Round(co2) : null,
            H2sPpm = c.H2sPpm is { } h2s ? Reported.Round(h2s, 2) : null,
            FanStage = c.FanStage,
            FanRpm = c.FanRpm,
            WaterL = c.WaterL is { } w ? Reported.Round(w, 1) : null,
            FeedKg = c.FeedKg is { } f ? Reported.Round(f, 2) : null,
            Power = c.OnBattery ? PowerSource.Battery : PowerSource.Mains,
        };
    }

    private BarnConditions Climate(DateTimeOffset t)
    {
        var p = _profile;
        var outdoor = _weather.At(_barn, t);
        var seconds = t.ToUnixTimeMilliseconds() / 1000.0;
        var hour = ChinaTime.ToLocal(t).TimeOfDay.TotalHours;

        // Evaporative pads / sprinklers come in above 24 °C and take up to 70% of the wet-bulb depression.
        var padShare = Math.Clamp((outdoor.AmbientC - 24) / 4, 0, 1);
        var intake = outdoor.AmbientC - (padShare * 0.7 * (outdoor.AmbientC - WetBulbC(outdoor.AmbientC, outdoor.RelativeHumidityPct)));
        var vent = Math.Clamp((intake - (p.SetpointC - 12)) / 16, 0.12, 1);
        var raw = intake + p.ClosedBarnRiseC + ((1.5 - p.ClosedBarnRiseC) * vent);
        if (p.Heated)
        {
            raw = SoftMax(raw, p.SetpointC + (0.4 * Math.Sin(2 * Math.PI * (hour - 9) / 24)), 0.4);
        }

        var temp = SoftMin(SoftMax(raw, p.DesignMinC + 0.3, 0.6), p.DesignMaxC - 0.3, 0.6) + (0.15 * Noise.Smooth(_key ^ 1, seconds, 600));
        var closed = 1 - vent;
        var night = Math.Cos(2 * Math.PI * (hour - 5) / 24); // +1 before dawn, −1 in the afternoon
        var rh = p.RhMeanPct + (8 * closed) + (4 * night) + (0.25 * (outdoor.RelativeHumidityPct - 60)) + (1.5 * Noise.Smooth(_key ^ 2, seconds, 900));
        rh = SoftMin(SoftMax(rh, 42, 2), p.RhMaxPct - 0.5, 1.5);

        var stage = _barn.FanCount > 0 ? Math.Clamp((int)Math.Ceiling(vent * MaxStage), 1, MaxStage) : (int?)null;
        var rpm = new int[_barn.FanCount];
        for (var i = 0; i < rpm.Length; i++)
        {
            var jitter = 1 + (0.015 * Noise.Smooth(_key ^ (0x100UL + (ulong)i), seconds, 120));
            rpm[i] = (int)Math.Round(p.FanRatedRpm * (stage ?? 0) / (double)MaxStage * jitter);
        }

        var gasShape = Math.Pow(closed, 1.2) * (1 + (0.12 * night)) / 1.12;
        return new BarnConditions
        {
            TempC = temp,
            HumidityPct = rh,
            Nh3Ppm = _barn.HasGasSensors ? Gas(p.Nh3LowPpm, p.Nh3HighPpm, gasShape, seconds, 3) : null,
            Co2Ppm = _barn.HasGasSensors ? Gas(p.Co2LowPpm, p.Co2HighPpm, gasShape, seconds, 4) : null,
            H2sPpm = _barn.HasGasSensors ? Gas(p.H2sLowPpm, p.H2sHighPpm, gasShape, seconds, 5) : null,
            FanStage = stage,
            FanRpm = rpm,
        };
    }

    private BarnConditions Hive(DateTimeOffset t)
    {
        // Bees hold the brood nest at 34–36 °C from spring to autumn; in winter the cluster sits cooler and follows
        // the outside air. The season switches over two weeks around 10 March and 1 November.
        var outdoor = _weather.At(_barn, t);
        var seconds = t.ToUnixTimeMilliseconds() / 1000.0;
        var local = ChinaTime.ToLocal(t);
        var day = local.DayOfYear + (local.TimeOfDay.TotalHours / 24);
        var brood = Math.Clamp((day - 62) / 14, 0, 1) * Math.Clamp((312 - day) / 14, 0, 1);
        var broodTemp = _profile.SetpointC + (0.3 * Math.Sin(2 * Math.PI * (local.TimeOfDay.TotalHours - 9) / 24)) + (0.2 * Noise.Smooth(_key ^ 1, seconds, 900));
        var cluster = 22 + (0.3 * outdoor.AmbientC) + (1.5 * Noise.Smooth(_key ^ 1, seconds, 3 * 3600));
        var temp = brood * broodTemp + ((1 - brood) * cluster);
        var rh = _profile.RhMeanPct + (4 * Math.Cos(2 * Math.PI * (local.TimeOfDay.TotalHours - 5) / 24)) + (2 * Noise.Smooth(_key ^ 2, seconds, 1800));
        return new BarnConditions { TempC = temp, HumidityPct = Math.Min(rh, _profile.RhMaxPct), FanRpm = [] };
    }

    private void Intake(DateTimeOffset t, ref BarnConditions c)
    {
        if (_profile.Intake == IntakePattern.None)
        {
            return;
        }

        var start = t - _cadence;
        var fromHour = ChinaTime.ToLocal(start).TimeOfDay.TotalHours;
        var share = DailyIntake.Fraction(_profile.Intake, fromHour, fromHour + _cadence.TotalHours);
        var seconds = t.ToUnixTimeMilliseconds() / 1000.0;
        var heat = 1 + (0.03 * Math.Max(0, c.TempC - 20));
        c.WaterL = _profile.WaterLPerHeadDay * _barn.HeadCount * share * heat * (1 + (0.08 * Noise.Smooth(_key ^ 6, seconds, 1800)));
        c.FeedKg = _profile.FeedKgPerHeadDay * _barn.HeadCount * share * (1 + (0.08 * Noise.Smooth(_key ^ 7, seconds, 1800)));
    }

    private double Gas(double low, double high, double shape, double seconds, ulong salt) =>
        Math.Max(0, (low + ((high - low) * shape)) * (1 + (0.06 * Noise.Smooth(_key ^ salt, seconds, 1200))));

    /// <summary>Stull (2011) wet-bulb temperature from air temperature and RH.</summary>
    private static double WetBulbC(double t, double rh) =>
        (t * Math.Atan(0.151977 * Math.Sqrt(rh + 8.313659))) + Math.Atan(t + rh) - Math.Atan(rh - 1.676331)
        + (0.00391838 * Math.Pow(rh, 1.5) * Math.Atan(0.023101 * rh)) - 4.686035;

    private static double SoftMax(double a, double b, double w) => Math.Max(a, b) + (w * Math.Log(1 + Math.Exp(-Math.Abs(a - b) / w)));

    private static double SoftMin(double a, double b, double w) => Math.Min(a, b) - (w * Math.Log(1 + Math.Exp(-Math.Abs(a - b) / w)));
}
