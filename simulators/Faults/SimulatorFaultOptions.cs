using System.ComponentModel.DataAnnotations;

namespace Telemetry.Simulators.Faults;

/// <summary>
/// One entry of <c>Simulators:Faults</c>: a fault to inject into the live simulators, relative to the simulated start,
/// e.g. <c>{ "DeviceId": "BARN-001", "Type": "nh3_buildup", "StartAfterMinutes": 10, "DurationMinutes": 120 }</c>.
/// </summary>
public sealed class SimulatorFaultOptions
{
    /// <summary>Registry id of the device.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DeviceId { get; set; } = "";

    /// <summary>One of <see cref="FaultTypes"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Type { get; set; } = "";

    /// <summary>Simulated minutes after the simulated start at which the fault begins.</summary>
    [Range(0.0, 365.0 * 24 * 60)]
    public double StartAfterMinutes { get; set; }

    /// <summary>Simulated minutes the fault lasts.</summary>
    [Range(0.0, 365.0 * 24 * 60)]
    public double DurationMinutes { get; set; } = 60;

    /// <summary>Type-specific strength (see <see cref="ScheduledFault.Magnitude"/>); 0 = the type's default.</summary>
    public double Magnitude { get; set; }

    /// <summary>Comms loss: the device's connection is cut (the broker then publishes its Last Will); it reconnects
    /// after the duration and replays its outbox.</summary>
    public bool LastWill { get; set; } = true;

    /// <summary>Converts to a scheduled fault for a simulated start.</summary>
    public ScheduledFault ToScheduled(DateTimeOffset simulatedStart)
    {
        var start = simulatedStart + TimeSpan.FromMinutes(StartAfterMinutes);
        return new ScheduledFault(DeviceId, Type, start, start + TimeSpan.FromMinutes(DurationMinutes), Magnitude, LastWill, Buffered: true);
    }
}
