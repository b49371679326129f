namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Which temperature-humidity index a species is judged by (research/domain.md §6.4).</summary>
public enum ThiFormula
{
    /// <summary>No THI rule (temperature limits only).</summary>
    None,

    /// <summary>THI = 0.8·T + RH·(T − 14.4) + 46.4 (T in °C, RH as a fraction): cattle, the LWSI bands.</summary>
    Cattle,

    /// <summary>THI = T − (0.31 − 0.31·RH)·(T − 14.4) (Marai et al.): sheep.</summary>
    Sheep,
}
