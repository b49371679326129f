using Microsoft.Extensions.Options;

namespace Telemetry.Ingest.Storage;

/// <summary>The cross-key rules of <c>Storage:InfluxDB</c> that attributes cannot say; checked only when InfluxDB is the provider.</summary>
internal sealed class InfluxDbOptionsCheck : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.InfluxDB)
        {
            return ValidateOptionsResult.Success;
        }

        var influx = options.InfluxDB;
        var failures = new List<string>();
        if (influx.Version >= 2)
        {
            Require(influx.Token, "Token");
            Require(influx.Org, "Org");
            Require(influx.Bucket, "Bucket");
            Require(influx.RollupBucket, "RollupBucket");
        }
        else
        {
            Require(influx.Database, "Database");
            Require(influx.RetentionPolicy, "RetentionPolicy");
            Require(influx.RollupRetentionPolicy, "RollupRetentionPolicy");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Storage:InfluxDB:{key} is required for InfluxDB version {influx.Version}");
            }
        }
    }
}
