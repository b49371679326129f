namespace Telemetry.Revenue.Metering;

/// <summary>Something the meter algorithm noticed and corrected for.</summary>
public enum MeterEventKind
{
    /// <summary>The register went backwards: the counter is taken to have restarted from zero.</summary>
    Reset,

    /// <summary>A meter replacement from the registry was bridged with the recorded old and new registers.</summary>
    Replacement,

    /// <summary>An isolated reading out of line with both neighbours (a spike or dip) was ignored.</summary>
    Glitch,

    /// <summary>A recorded replacement does not fit the readings (old meter's final register below a stored reading).</summary>
    ReplacementMismatch,
}
