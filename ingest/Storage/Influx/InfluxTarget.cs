namespace Telemetry.Ingest.Storage.Influx;

/// <summary>Where points go: the raw readings (limited retention) or the daily rollups (kept forever).</summary>
internal enum InfluxTarget
{
    Raw,
    Rollup,
}
