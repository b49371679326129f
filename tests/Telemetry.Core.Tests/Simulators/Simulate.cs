using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;
using Telemetry.Simulators.Devices;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Weather;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>Runs device simulators over a span of time without any MQTT.</summary>
internal static class Simulate
{
    public static List<T> Readings<T>(Device device, DateTimeOffset from, DateTimeOffset to, TimeSpan? cadence = null, int seed = 2026)
        where T : Reading
    {
        var step = cadence ?? TimeSpan.FromSeconds(device.CadenceSeconds);
        var simulator = DeviceSimulatorFactory.Create(device, new WeatherModel(seed, SiteClimate.Jincheng), NoFaults.Instance, step, seed);
        var first = DeviceRunner.AlignUp(from, step);
        simulator.Start(first);
        var readings = new List<T>();
        for (var t = first; t < to; t += step)
        {
            readings.Add((T)simulator.Next(t));
        }

        return readings;
    }
}
