namespace Telemetry.Core.Fleet;

/// <summary>Anything that publishes telemetry: a PV station's logger or a barn controller.</summary>
public abstract class Device
{
    /// <summary>Registry id; also the MQTT username and the id segment of the device's topics.</summary>
    public required string Id { get; init; }

    /// <summary>Chinese display name.</summary>
    public required string Name { get; init; }

    public abstract DeviceKind Kind { get; }

    /// <summary>The village where the device stands; its crew receives the device's alerts.</summary>
    public required Village Village { get; init; }

    /// <summary>WGS-84 latitude, degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>WGS-84 longitude, degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>How often the device reports, in seconds (1–15 minutes is typical for loggers).</summary>
    public required int CadenceSeconds { get; init; }

    /// <summary>Hash of the device's MQTT password (see <see cref="Security.CredentialHasher"/>).</summary>
    public required string CredentialHash { get; init; }

    /// <summary>Position of the device in the registry's list; dense per kind, used for array-indexed state.</summary>
    public int Index { get; internal set; }
}
