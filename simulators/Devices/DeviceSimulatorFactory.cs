using Telemetry.Core.Fleet;
using Telemetry.Core.Solar;
using Telemetry.Simulators.Barns;
using Telemetry.Simulators.Faults;
using Telemetry.Simulators.Pv;
using Telemetry.Simulators.Weather;

namespace Telemetry.Simulators.Devices;

/// <summary>Creates the right simulator for a registered device.</summary>
internal static class DeviceSimulatorFactory
{
    public static IDeviceSimulator Create(Device device, WeatherModel weather, IFaultInjector faults, TimeSpan cadence, int seed) => device switch
    {
        Station station => new PvSimulator(station, new PvOutputModel(weather.Climate, PvSystemParameters.Default), weather, faults, cadence, seed),
        Barn barn => new BarnSimulator(barn, weather, faults, cadence, seed),
        _ => throw new ArgumentException($"No simulator for {device.GetType().Name}.", nameof(device)),
    };
}
