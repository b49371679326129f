using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Pipeline;

/// <summary>Source-generated validation of <see cref="IngestOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;
