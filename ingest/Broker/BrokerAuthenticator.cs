using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Security;

namespace Telemetry.Ingest.Broker;

/// <summary>
/// Checks MQTT logins against the registry's device credentials and the configured accounts. A successful check is
/// remembered (by a hash of the password) so that reconnect storms do not cost a PBKDF2 derivation each.
/// </summary>
internal sealed class BrokerAuthenticator(FleetRegistry fleet, IOptions<BrokerOptions> options)
{
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);

    public BrokerPrincipal? Authenticate(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (fleet.TryGetDevice(username, out var device))
        {
            return Check(username, password, device.CredentialHash) ? BrokerPrincipal.ForDevice(device) : null;
        }

        var account = options.Value.Accounts.FirstOrDefault(a => a.Username == username);
        return account is not null && Check(username, password, account.PasswordHash) ? BrokerPrincipal.ForAccount(username) : null;
    }

    private bool Check(string username, string password, string hash)
    {
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        if (_verified.TryGetValue(username, out var known) && CryptographicOperations.FixedTimeEquals(known, fingerprint))
        {
            return true;
        }

        if (!CredentialHasher.Verify(password, hash))
        {
            return false;
        }

        _verified[username] = fingerprint;
        return true;
    }
}
