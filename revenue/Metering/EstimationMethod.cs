namespace Telemetry.Revenue.Metering;

/// <summary>How energy that could not be tied to a single day was attributed.</summary>
public enum EstimationMethod
{
    /// <summary>Nothing was estimated.</summary>
    None,

    /// <summary>
    /// A step between two readings spans daylight on several days (the station was silent through a gap): the step's energy
    /// is split between those days in proportion to the daylight hours of each that the gap covers (按日照时长比例分摊).
    /// </summary>
    DaylightProRata,

    /// <summary>
    /// The register went backwards within a day and only the day's first and last readings are available: the counter is
    /// assumed to have restarted from zero, and energy between the first reading and the reset is not known (计数器归零).
    /// </summary>
    ResetFromZero,
}
