using System.Globalization;
using Microsoft.Data.Sqlite;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Binds readings to the upsert commands and reads rows back into readings.</summary>
internal static class SqliteReadingMapper
{
    public static SqliteCommand PreparePv(SqliteConnection connection) =>
        Prepare(connection, SqliteSchema.UpsertPv, "device_id", "ts", "seq", "p_ac_kw", "e_total_kwh", "e_day_kwh", "v_dc", "i_dc", "v_ac", "f_hz", "t_inv_c", "irr_wm2", "t_mod_c", "state", "faults");

    public static SqliteCommand PrepareBarn(SqliteConnection connection) =>
        Prepare(connection, SqliteSchema.UpsertBarn, "device_id", "ts", "seq", "t_c", "rh_pct", "nh3_ppm", "co2_ppm", "h2s_ppm", "fan_stage", "fan_rpm", "water_l", "feed_kg", "power");

    public static void Bind(SqliteCommand c, PvReading r)
    {
        var p = c.Parameters;
        p[0].Value = r.Device.Id;
        p[1].Value = r.TimestampMs;
        p[2].Value = Db(r.Seq);
        p[3].Value = r.PowerKw;
        p[4].Value = r.EnergyTotalKwh;
        p[5].Value = Db(r.EnergyDayKwh);
        p[6].Value = Db(r.DcVoltage);
        p[7].Value = Db(r.DcCurrent);
        p[8].Value = Db(r.AcVoltage);
        p[9].Value = Db(r.FrequencyHz);
        p[10].Value = Db(r.InverterTempC);
        p[11].Value = Db(r.IrradianceWm2);
        p[12].Value = Db(r.ModuleTempC);
        p[13].Value = r.State is { } s ? (int)s : DBNull.Value;
        p[14].Value = r.Faults.Length == 0 ? DBNull.Value : string.Join(',', r.Faults);
    }

    public static void Bind(SqliteCommand c, BarnReading r)
    {
        var p = c.Parameters;
        p[0].Value = r.Device.Id;
        p[1].Value = r.TimestampMs;
        p[2].Value = Db(r.Seq);
        p[3].Value = r.TempC;
        p[4].Value = r.HumidityPct;
        p[5].Value = Db(r.Nh3Ppm);
        p[6].Value = Db(r.Co2Ppm);
        p[7].Value = Db(r.H2sPpm);
        p[8].Value = r.FanStage is { } f ? f : DBNull.Value;
        p[9].Value = r.FanRpm.Length == 0 ? DBNull.Value : string.Join(',', r.FanRpm);
        p[10].Value = Db(r.WaterL);
        p[11].Value = Db(r.FeedKg);
        p[12].Value = r.Power is { } w ? (int)w : DBNull.Value;
    }

    public static PvReading ReadPv(SqliteDataReader r, Station station) => new()
    {
        Device = station,
        TimestampMs = r.GetInt64(1),
        Seq = Long(r, 2),
        PowerKw = r.GetDouble(3),
        EnergyTotalKwh = r.GetDouble(4),
        EnergyDayKwh = Double(r, 5),
        DcVoltage = Double(r, 6),
        DcCurrent = Double(r, 7),
        AcVoltage = Double(r, 8),
        FrequencyHz = Double(r, 9),
        InverterTempC = Double(r, 10),
        IrradianceWm2 = Double(r, 11),
        ModuleTempC = Double(r, 12),
        State = r.IsDBNull(13) ? null : (InverterState)r.GetInt32(13),
        Faults = Ints(r, 14),
    };

    public static BarnReading ReadBarn(SqliteDataReader r, Barn barn) => new()
    {
        Device = barn,
        TimestampMs = r.GetInt64(1),
        Seq = Long(r, 2),
        TempC = r.GetDouble(3),
        HumidityPct = r.GetDouble(4),
        Nh3Ppm = Double(r, 5),
        Co2Ppm = Double(r, 6),
        H2sPpm = Double(r, 7),
        FanStage = r.IsDBNull(8) ? null : r.GetInt32(8),
        FanRpm = Ints(r, 9),
        WaterL = Double(r, 10),
        FeedKg = Double(r, 11),
        Power = r.IsDBNull(12) ? null : (PowerSource)r.GetInt32(12),
    };

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        return command;
    }

    private static object Db(double? value) => value is { } v ? v : DBNull.Value;

    private static object Db(long? value) => value is { } v ? v : DBNull.Value;

    private static double? Double(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static int[] Ints(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? [] : [.. r.GetString(i).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
