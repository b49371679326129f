namespace Telemetry.Core.Fleet;

/// <summary>The two kinds of device the service monitors; also the first topic segment (<c>pv</c>, <c>barn</c>).</summary>
public enum DeviceKind
{
    /// <summary>A PV assistance station (its inverter or data logger).</summary>
    Pv,

    /// <summary>A sensor-equipped livestock barn (its climate controller).</summary>
    Barn,
}
