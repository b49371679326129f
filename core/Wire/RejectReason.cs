namespace Telemetry.Core.Wire;

/// <summary>Why a payload or one reading in it was not accepted. Each reason is counted and dead-lettered.</summary>
public enum RejectReason
{
    /// <summary>The payload is larger than the configured limit.</summary>
    PayloadTooLarge,

    /// <summary>The topic is not <c>{prefix}pv|barn/{id}/telemetry</c>.</summary>
    UnknownTopic,

    /// <summary>No device with the topic's id is registered.</summary>
    UnknownDevice,

    /// <summary>The topic's kind or id does not match the device (or the device that sent it).</summary>
    TopicMismatch,

    /// <summary>The payload is not valid UTF-8 JSON, or its top level is not an object or an array of objects.</summary>
    MalformedJson,

    /// <summary>The <c>v</c> field names a contract version this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>A required field (<c>ts</c>, <c>p_ac_kw</c>, <c>e_total_kwh</c>, <c>t_c</c>, <c>rh_pct</c>) is missing.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type or an unknown enumeration value.</summary>
    WrongType,

    /// <summary>A numeric field is NaN or infinite.</summary>
    NotFinite,

    /// <summary>A value is outside its physical range.</summary>
    OutOfRange,

    /// <summary>The device timestamp is further in the future than the allowed clock skew.</summary>
    FutureTimestamp,

    /// <summary>The device timestamp is older than the allowed replay window.</summary>
    StaleTimestamp,
}
