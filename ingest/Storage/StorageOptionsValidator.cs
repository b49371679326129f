using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Storage;

/// <summary>Source-generated validation of <see cref="StorageOptions"/>; failures name the key (e.g. <c>Storage:Sqlite:Path</c>).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
