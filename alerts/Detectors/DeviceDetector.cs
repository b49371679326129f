namespace Telemetry.Alerts.Detectors;

/// <summary>
/// The detector state of one device, fed by <see cref="DeviceDetectors"/> in device-time order; signals go to
/// <see cref="DeviceDetectors.Emit"/>. Only state lives here: configuration is shared by all devices.
/// </summary>
internal abstract class DeviceDetector : IDisposable
{
    /// <summary>Applies one reading or status message; throws if a rule fails (the pipeline then errors).</summary>
    public abstract void OnInput(in DeviceInput input);

    /// <summary>The input has completed: stop timers.</summary>
    public abstract void Complete();

    public abstract void Dispose();
}
