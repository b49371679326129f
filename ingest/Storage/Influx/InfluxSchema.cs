namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// Measurements, tags and fields (DESIGN §5). Measurement per device kind; the id and low-cardinality dimensions are tags;
/// values are fields under their wire-contract names, as floats, integers (<c>i</c>) or strings — types every version accepts.
/// </summary>
internal static class InfluxSchema
{
    public const string Pv = "pv";
    public const string Barn = "barn";

    /// <summary>Daily meter rollup per station, kept in the long-term retention policy / bucket; time = local (UTC+8) midnight.</summary>
    public const string PvDaily = "pv_daily";

    public const string StationTag = "station";
    public const string BarnTag = "barn";
    public const string ClassTag = "class";
    public const string CountyTag = "county";
    public const string VillageTag = "village";
    public const string SpeciesTag = "species";
    public const string StageTag = "stage";

    public const string FirstKwh = "first_kwh";
    public const string LastKwh = "last_kwh";
    public const string Readings = "readings";
    public const string FirstAt = "first_at";
    public const string LastAt = "last_at";
    public const string MinKwh = "min_kwh";
    public const string RiseKwh = "rise_kwh";
    public const string StepsDown = "steps_down";
}
