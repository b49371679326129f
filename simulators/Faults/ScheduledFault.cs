namespace Telemetry.Simulators.Faults;

/// <summary>A fault to inject, and its ground-truth label: which device, what, from when to when (device time).</summary>
/// <param name="DeviceId">Registry id of the device.</param>
/// <param name="Type">One of <see cref="FaultTypes"/>.</param>
/// <param name="Start">First instant the fault is present.</param>
/// <param name="End">First instant it is gone (a meter reset stays reset; its label window still ends here).</param>
/// <param name="Magnitude">Type-specific strength (e.g. the gas level in ppm, the degrees of a temperature change);
/// 0 means the type's default.</param>
/// <param name="LastWill">Comms loss: whether the broker publishes the device's Last Will.</param>
/// <param name="Buffered">Comms loss: whether the logger replays the readings it buffered when it comes back.</param>
public sealed record ScheduledFault(
    string DeviceId, string Type, DateTimeOffset Start, DateTimeOffset End, double Magnitude = 0, bool LastWill = true, bool Buffered = true)
{
    /// <summary>Whether the fault is present at <paramref name="t"/>.</summary>
    public bool IsActive(DateTimeOffset t) => t >= Start && t < End;
}
