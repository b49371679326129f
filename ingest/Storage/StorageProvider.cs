namespace Telemetry.Ingest.Storage;

/// <summary>Which time-series store adapter runs (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file (the default; nothing to install).</summary>
    Sqlite,

    /// <summary>InfluxDB 1.x/2.x/3.x (production).</summary>
    InfluxDB,
}
