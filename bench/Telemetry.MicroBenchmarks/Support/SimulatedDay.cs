using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Core.Time;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.MicroBenchmarks.Support;

/// <summary>
/// Realistic readings from the project's own device simulators (sun position, county weather, meters, barn climate), without
/// faults: what the hot paths see on an ordinary day.
/// </summary>
internal static class SimulatedDay
{
    /// <summary>A midsummer day in China time: long daylight, so PV readings cover every power level.</summary>
    public static readonly DateOnly Day = new(2026, 6, 21);

    public static DateTimeOffset Start => ChinaTime.StartOfDay(Day);

    /// <summary>The readings of <paramref name="devices"/> every minute from <paramref name="from"/> for <paramref name="span"/>, in time order across devices (as they arrive live).</summary>
    public static List<Reading> Readings(IEnumerable<Device> devices, DateTimeOffset from, TimeSpan span)
    {
        var weather = new WeatherModel(7, SiteClimate.Jincheng);
        var cadence = TimeSpan.FromMinutes(1);
        var simulators = devices.Select(d => DeviceSimulatorFactory.Create(d, weather, NoFaults.Instance, cadence, 7)).ToList();
        foreach (var simulator in simulators)
        {
            simulator.Start(from);
        }

        var readings = new List<Reading>(simulators.Count * (int)(span / cadence));
        for (var t = from; t < from + span; t += cadence)
        {
            foreach (var simulator in simulators)
            {
                readings.Add(simulator.Next(t));
            }
        }

        return readings;
    }

    /// <summary>One device's readings at noon (PV at high output), one minute apart.</summary>
    public static List<Reading> AtNoon(Device device, int count) =>
        Readings([device], Start + TimeSpan.FromHours(12), TimeSpan.FromMinutes(count));
}
