using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Simulators.Pv;

/// <summary>
/// A station's inverter and logger: power from the output model under the county's weather, a lifetime meter that
/// integrates the reported power, the inverter's energy-today counter (reset at local midnight), DC and AC electrics,
/// temperatures, and the irradiance sensor where the station has one.
/// </summary>
/// <remarks>
/// The lifetime meter starts at <see cref="InitialYieldKwhPerKwpDay"/> × kWp × days since commissioning at the local
/// midnight before the first reading, then integrates the day so far; restarting within a day reproduces the same
/// values, restarting on a later day restarts from the estimate (a known step in the meter).
/// </remarks>
internal sealed class PvSimulator : IDeviceSimulator
{
    /// <summary>Average final yield assumed for the meter's history, kWh/kWp/day (≈1,350 kWh/kWp/year).</summary>
    public const double InitialYieldKwhPerKwpDay = 3.7;

    private readonly Station _station;
    private readonly PvArray _array;
    private readonly PvOutputModel _model;
    private readonly WeatherModel _weather;
    private readonly IFaultInjector _faults;
    private readonly ElectricalDesign _design;
    private readonly TimeSpan _cadence;
    private readonly ulong _gridKey;
    private readonly ulong _localKey;

    private double _meterKwh;
    private double _dayStartKwh;
    private double _lastAcKw;
    private DateTimeOffset _last;
    private DateOnly _day;
    private double? _resetOffsetKwh;
    private double? _frozenKwh;

    public PvSimulator(Station station, PvOutputModel model, WeatherModel weather, IFaultInjector faults, TimeSpan cadence, int seed)
    {
        _station = station;
        _array = PvArray.Of(station);
        _model = model;
        _weather = weather;
        _faults = faults;
        _cadence = cadence;
        _design = ElectricalDesign.For(station.Class);
        _gridKey = Noise.Hash(Noise.Key("grid"), (ulong)seed);
        _localKey = Noise.Hash(Noise.Key(station.Id), (ulong)seed);
    }

    public Device Device => _station;

    public double MeterKwh => _meterKwh;

    public static double InitialMeterKwh(Station station, DateOnly localDate) =>
        Math.Round(station.CapacityKwp * InitialYieldKwhPerKwpDay * Math.Max(0, localDate.DayNumber - station.Commissioned.DayNumber), 2);

    public void Start(DateTimeOffset firstTimestamp)
    {
        _day = ChinaTime.LocalDate(firstTimestamp);
        var midnight = ChinaTime.StartOfDay(_day);
        _meterKwh = InitialMeterKwh(_station, _day);
        _dayStartKwh = _meterKwh;
        _last = midnight - _cadence; // night: no energy before midnight to account for
        _lastAcKw = 0;
        var step = _cadence < TimeSpan.FromMinutes(5) ? _cadence : TimeSpan.FromMinutes(5);
        for (var t = midnight + step; t < firstTimestamp; t += step)
        {
            var c = Conditions(t);
            _faults.Apply(_station, t, ref c);
            Advance(t, c.AcKw);
        }
    }

    public Reading Next(DateTimeOffset timestamp)
    {
        var c = Conditions(timestamp);
        _faults.Apply(_station, timestamp, ref c);
        Advance(timestamp, c.AcKw);
        var reported = ReportedMeter(c);
        var withSensor = _station.HasIrradianceSensor;
        return new PvReading
        {
            Device = _station,
            TimestampMs = timestamp.ToUnixTimeMilliseconds(),
            Seq = (timestamp - ChinaTime.StartOfDay(_station.Commissioned)).Ticks / _cadence.Ticks,
            PowerKw = Reported.Round(c.AcKw, 3),
            EnergyTotalKwh = Reported.Round(reported, 2),
            EnergyDayKwh = Reported.Round(_meterKwh - _dayStartKwh, 2),
            DcVoltage = Reported.Round(c.DcVoltage, 1),
            DcCurrent = Reported.Round(c.DcVoltage > 0 ? c.DcKw * 1000 / c.DcVoltage : 0, 2),
            AcVoltage = Reported.Round(c.AcVoltage, 1),
            FrequencyHz = Reported.Round(c.FrequencyHz, 2),
            InverterTempC = Reported.Round(c.InverterTempC, 1),
            IrradianceWm2 = withSensor ? Reported.Round(c.IrradianceWm2) : null,
            ModuleTempC = withSensor ? Reported.Round(c.ModuleTempC, 1) : null,
            State = c.State,
            Faults = c.Faults,
        };
    }

    /// <summary>The lifetime meter as the logger reports it, after injected meter faults.</summary>
    private double ReportedMeter(in PvConditions c)
    {
        _resetOffsetKwh = c.MeterReset ? _resetOffsetKwh ?? -_meterKwh : null;
        var value = _meterKwh + (_resetOffsetKwh ?? 0);
        _frozenKwh = c.MeterFrozen ? _frozenKwh ?? value : null;
        return _frozenKwh ?? value;
    }

    private void Advance(DateTimeOffset timestamp, double acKw)
    {
        if (timestamp <= _last)
        {
            throw new InvalidOperationException($"Readings of {_station.Id} must advance in time ({timestamp:O} after {_last:O}).");
        }

        _meterKwh += (_lastAcKw + acKw) / 2 * (timestamp - _last).TotalHours;
        var day = ChinaTime.LocalDate(timestamp);
        if (day != _day)
        {
            // An interval that crosses midnight is night-time: its (zero) energy belongs to the day before.
            _day = day;
            _dayStartKwh = _meterKwh;
        }

        _lastAcKw = acKw;
        _last = timestamp;
    }

    private PvConditions Conditions(DateTimeOffset t)
    {
        var weather = _weather.At(_station, t);
        var point = _model.Evaluate(_array, t, weather.CloudTransmission, weather.AmbientC);
        var seconds = t.ToUnixTimeMilliseconds() / 1000.0;
        var running = point.AcKw > 0;
        var load = _station.AcRatingKw > 0 ? point.AcKw / _station.AcRatingKw : 0;
        var poa = point.Poa.GlobalWm2;
        return new PvConditions
        {
            AcKw = point.AcKw,
            DcKw = running ? point.DcKw : 0,
            DcVoltage = running
                ? _design.DcMppVoltageStc * (1 - (0.0029 * (point.CellC - 25))) * (1 + (0.03 * Math.Log(Math.Max(poa, 20) / 1000)))
                : 0,

            // Injection raises the voltage on weak rural feeders; the grid itself wanders a little.
            AcVoltage = _design.AcPhaseVoltage * (1 + (0.02 * load) + (0.006 * Noise.Smooth(_gridKey, seconds, 1800)) + (0.002 * Noise.Smooth(_localKey, seconds, 300))),
            FrequencyHz = 50 + (0.025 * Noise.Smooth(_gridKey ^ 0xF, seconds, 300)) + (0.008 * Noise.Smooth(_gridKey ^ 0xF0, seconds, 37)),
            InverterTempC = weather.AmbientC + (running ? 4 + (18 * load) : 1.5),
            IrradianceWm2 = poa,
            ModuleTempC = poa > 0 ? point.ModuleBackC : weather.AmbientC - (weather.DayType == DayType.Clear ? 2.5 : 0.8),
            State = running ? InverterState.Running : InverterState.Standby,
            Faults = [],
        };
    }
}
