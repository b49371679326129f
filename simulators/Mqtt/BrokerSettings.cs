using Telemetry.Core.Wire;

namespace Telemetry.Simulators.Mqtt;

/// <summary>Where and how the simulated devices connect.</summary>
/// <param name="Host">Broker host name or address.</param>
/// <param name="Port">Broker TCP port.</param>
/// <param name="Topics">Device topics under the configured prefix.</param>
/// <param name="CredentialSeed">Seed of the demo fleet's device passwords.</param>
/// <param name="RequireSubscribers">Treat a v5 PUBACK "no matching subscribers" as not delivered and retry it.</param>
internal sealed record BrokerSettings(string Host, int Port, TelemetryTopics Topics, string CredentialSeed, bool RequireSubscribers);
