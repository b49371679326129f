namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Tables of the embedded store: one per device kind, keyed by (device, device time) so replays are idempotent.</summary>
internal static class SqliteSchema
{
    public const int Version = 3;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS pv_readings (
            device_id   TEXT    NOT NULL,
            ts          INTEGER NOT NULL,
            seq         INTEGER,
            p_ac_kw     REAL    NOT NULL,
            e_total_kwh REAL    NOT NULL,
            e_day_kwh   REAL,
            v_dc        REAL,
            i_dc        REAL,
            v_ac        REAL,
            f_hz        REAL,
            t_inv_c     REAL,
            irr_wm2     REAL,
            t_mod_c     REAL,
            state       INTEGER,
            faults      TEXT,
            PRIMARY KEY (device_id, ts)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS barn_readings (
            device_id   TEXT    NOT NULL,
            ts          INTEGER NOT NULL,
            seq         INTEGER,
            t_c         REAL    NOT NULL,
            rh_pct      REAL    NOT NULL,
            nh3_ppm     REAL,
            co2_ppm     REAL,
            h2s_ppm     REAL,
            fan_stage   INTEGER,
            fan_rpm     TEXT,
            water_l     REAL,
            feed_kg     REAL,
            power       INTEGER,
            PRIMARY KEY (device_id, ts)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pv_daily (
            device_id   TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            first_kwh   REAL    NOT NULL,
            last_kwh    REAL    NOT NULL,
            readings    INTEGER NOT NULL,
            first_ts    INTEGER,
            last_ts     INTEGER,
            min_kwh     REAL,
            rise_kwh    REAL,
            steps_down  INTEGER,
            PRIMARY KEY (device_id, day)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Columns <c>pv_daily</c> gained in version 3 (the richer <see cref="Core.Storage.DailyMeter"/>); a version-2 table gets them
    /// added, NULL in its old rows, which then read as days known only by their first and last register.
    /// </summary>
    public static readonly (string Name, string Type)[] DailyColumnsSinceVersion3 =
        [("first_ts", "INTEGER"), ("last_ts", "INTEGER"), ("min_kwh", "REAL"), ("rise_kwh", "REAL"), ("steps_down", "INTEGER")];

    /// <summary>Keeps the rollup with more readings: raw data that has begun to be pruned must not shrink a day made while it was whole.</summary>
    public const string UpsertDaily = """
        INSERT INTO pv_daily (device_id, day, first_kwh, last_kwh, readings, first_ts, last_ts, min_kwh, rise_kwh, steps_down)
        VALUES ($device_id, $day, $first_kwh, $last_kwh, $readings, $first_ts, $last_ts, $min_kwh, $rise_kwh, $steps_down)
        ON CONFLICT (device_id, day) DO UPDATE SET first_kwh = excluded.first_kwh, last_kwh = excluded.last_kwh, readings = excluded.readings,
            first_ts = excluded.first_ts, last_ts = excluded.last_ts, min_kwh = excluded.min_kwh, rise_kwh = excluded.rise_kwh,
            steps_down = excluded.steps_down
        WHERE excluded.readings >= pv_daily.readings
        """;

    public const string UpsertPv = """
        INSERT INTO pv_readings (device_id, ts, seq, p_ac_kw, e_total_kwh, e_day_kwh, v_dc, i_dc, v_ac, f_hz, t_inv_c, irr_wm2, t_mod_c, state, faults)
        VALUES ($device_id, $ts, $seq, $p_ac_kw, $e_total_kwh, $e_day_kwh, $v_dc, $i_dc, $v_ac, $f_hz, $t_inv_c, $irr_wm2, $t_mod_c, $state, $faults)
        ON CONFLICT (device_id, ts) DO UPDATE SET
            seq = excluded.seq, p_ac_kw = excluded.p_ac_kw, e_total_kwh = excluded.e_total_kwh, e_day_kwh = excluded.e_day_kwh,
            v_dc = excluded.v_dc, i_dc = excluded.i_dc, v_ac = excluded.v_ac, f_hz = excluded.f_hz, t_inv_c = excluded.t_inv_c,
            irr_wm2 = excluded.irr_wm2, t_mod_c = excluded.t_mod_c, state = excluded.state, faults = excluded.faults
        """;

    public const string UpsertBarn = """
        INSERT INTO barn_readings (device_id, ts, seq, t_c, rh_pct, nh3_ppm, co2_ppm, h2s_ppm, fan_stage, fan_rpm, water_l, feed_kg, power)
        VALUES ($device_id, $ts, $seq, $t_c, $rh_pct, $nh3_ppm, $co2_ppm, $h2s_ppm, $fan_stage, $fan_rpm, $water_l, $feed_kg, $power)
        ON CONFLICT (device_id, ts) DO UPDATE SET
            seq = excluded.seq, t_c = excluded.t_c, rh_pct = excluded.rh_pct, nh3_ppm = excluded.nh3_ppm, co2_ppm = excluded.co2_ppm,
            h2s_ppm = excluded.h2s_ppm, fan_stage = excluded.fan_stage, fan_rpm = excluded.fan_rpm, water_l = excluded.water_l,
            feed_kg = excluded.feed_kg, power = excluded.power
        """;

    public const string PvColumns = "device_id, ts, seq, p_ac_kw, e_total_kwh, e_day_kwh, v_dc, i_dc, v_ac, f_hz, t_inv_c, irr_wm2, t_mod_c, state, faults";

    public const string BarnColumns = "device_id, ts, seq, t_c, rh_pct, nh3_ppm, co2_ppm, h2s_ppm, fan_stage, fan_rpm, water_l, feed_kg, power";
}
