using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Broker;

/// <summary>Source-generated validation of <see cref="BrokerOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class BrokerOptionsValidator : IValidateOptions<BrokerOptions>;
