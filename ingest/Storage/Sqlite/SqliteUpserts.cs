using Microsoft.Data.Sqlite;
using SQLitePCL;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>
/// The two upserts, prepared once on the writer connection and bound through SQLitePCL's raw API: no boxing, no
/// parameter objects and no data reader per row. Microsoft.Data.Sqlite's <c>ExecuteNonQuery</c> per reading cost about
/// as much CPU as SQLite's own insert (docs/benchmarks.md, "End to end").
/// </summary>
internal sealed class SqliteUpserts : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _pv;
    private readonly sqlite3_stmt _barn;

    public SqliteUpserts(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _pv = Prepare(SqliteSchema.UpsertPv);
        try
        {
            _barn = Prepare(SqliteSchema.UpsertBarn);
        }
        catch
        {
            _pv.Dispose();
            throw;
        }
    }

    /// <summary>Upserts one reading inside the caller's transaction.</summary>
    public void Write(Reading reading)
    {
        switch (reading)
        {
            case PvReading p:
                Bind(p);
                Step(_pv);
                break;
            case BarnReading b:
                Bind(b);
                Step(_barn);
                break;
            default:
                throw new ArgumentException($"Unsupported reading type {reading.GetType().Name}", nameof(reading));
        }
    }

    public void Dispose()
    {
        _pv.Dispose();
        _barn.Dispose();
    }

    // Parameter numbers follow their order in the VALUES list of SqliteSchema.UpsertPv / UpsertBarn (checked by the store tests).
    private void Bind(PvReading r)
    {
        var s = _pv;
        Check(raw.sqlite3_bind_text(s, 1, r.Device.Id));
        Check(raw.sqlite3_bind_int64(s, 2, r.TimestampMs));
        Bind(s, 3, r.Seq);
        Check(raw.sqlite3_bind_double(s, 4, r.PowerKw));
        Check(raw.sqlite3_bind_double(s, 5, r.EnergyTotalKwh));
        Bind(s, 6, r.EnergyDayKwh);
        Bind(s, 7, r.DcVoltage);
        Bind(s, 8, r.DcCurrent);
        Bind(s, 9, r.AcVoltage);
        Bind(s, 10, r.FrequencyHz);
        Bind(s, 11, r.InverterTempC);
        Bind(s, 12, r.IrradianceWm2);
        Bind(s, 13, r.ModuleTempC);
        Bind(s, 14, r.State is { } state ? (int)state : null);
        Bind(s, 15, r.Faults.Length == 0 ? null : string.Join(',', r.Faults));
    }

    private void Bind(BarnReading r)
    {
        var s = _barn;
        Check(raw.sqlite3_bind_text(s, 1, r.Device.Id));
        Check(raw.sqlite3_bind_int64(s, 2, r.TimestampMs));
        Bind(s, 3, r.Seq);
        Check(raw.sqlite3_bind_double(s, 4, r.TempC));
        Check(raw.sqlite3_bind_double(s, 5, r.HumidityPct));
        Bind(s, 6, r.Nh3Ppm);
        Bind(s, 7, r.Co2Ppm);
        Bind(s, 8, r.H2sPpm);
        Bind(s, 9, r.FanStage);
        Bind(s, 10, r.FanRpm.Length == 0 ? null : string.Join(',', r.FanRpm));
        Bind(s, 11, r.WaterL);
        Bind(s, 12, r.FeedKg);
        Bind(s, 13, r.Power is { } power ? (int)power : null);
    }

    private void Bind(sqlite3_stmt s, int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(s, index, v) : raw.sqlite3_bind_null(s, index));

    private void Bind(sqlite3_stmt s, int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(s, index, v) : raw.sqlite3_bind_null(s, index));

    private void Bind(sqlite3_stmt s, int index, string? value) =>
        Check(value is not null ? raw.sqlite3_bind_text(s, index, value) : raw.sqlite3_bind_null(s, index));

    private void Step(sqlite3_stmt s)
    {
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
