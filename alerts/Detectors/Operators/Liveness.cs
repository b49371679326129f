namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>What a device's connection just showed, the input of <see cref="LivenessOperators.WhenOffline"/>.</summary>
public enum Liveness
{
    /// <summary>A reading arrived.</summary>
    Reading,

    /// <summary>An <c>online</c> status message arrived (the device connected).</summary>
    Online,

    /// <summary>An <c>offline</c> status message arrived: the broker published the device's Last Will.</summary>
    Offline,
}
