using System.Globalization;
using Microsoft.Data.Sqlite;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Sqlite;

/// <summary>Reads rows back into readings (writes go through <see cref="SqliteUpserts"/>).</summary>
internal static class SqliteReadingMapper
{
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

    private static double? Double(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static int[] Ints(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? [] : [.. r.GetString(i).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
