using System.ComponentModel.DataAnnotations;

namespace Telemetry.Ingest.Broker;

/// <summary>A non-device login on the embedded broker (dashboards, other service roles): may subscribe to everything.</summary>
public sealed class BrokerAccount
{
    [Required]
    public string Username { get; set; } = "";

    /// <summary>PBKDF2 hash as produced by <c>CredentialHasher.Hash</c>; never a plain password.</summary>
    [Required]
    public string PasswordHash { get; set; } = "";
}
