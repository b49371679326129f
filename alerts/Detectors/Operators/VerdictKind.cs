namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>What one sample says about a condition, before any duration or hysteresis is applied.</summary>
public enum VerdictKind
{
    /// <summary>The sample is in the clear zone: an active condition starts (or keeps) counting towards its clear.</summary>
    Clear,

    /// <summary>The sample is between the clear and raise thresholds, or cannot be judged (e.g. night): nothing changes,
    /// but pending raise and clear timers restart.</summary>
    Hold,

    /// <summary>The sample is in the raise zone at a severity: a raise starts (or keeps) counting towards its duration.</summary>
    Raise,
}
