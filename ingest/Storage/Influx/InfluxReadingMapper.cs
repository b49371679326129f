using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>Reads rows of <c>SELECT *</c> back into readings, by column name.</summary>
internal static class InfluxReadingMapper
{
    public static PvReading Pv(InfluxSeries series, JsonElement[] row, Station station)
    {
        var c = series.Column;
        return new PvReading
        {
            Device = station,
            TimestampMs = InfluxSeries.Time(row),
            Seq = InfluxSeries.Long(row, c("seq")),
            PowerKw = InfluxSeries.Double(row, c("p_ac_kw")) ?? 0,
            EnergyTotalKwh = InfluxSeries.Double(row, c("e_total_kwh")) ?? 0,
            EnergyDayKwh = InfluxSeries.Double(row, c("e_day_kwh")),
            DcVoltage = InfluxSeries.Double(row, c("v_dc")),
            DcCurrent = InfluxSeries.Double(row, c("i_dc")),
            AcVoltage = InfluxSeries.Double(row, c("v_ac")),
            FrequencyHz = InfluxSeries.Double(row, c("f_hz")),
            InverterTempC = InfluxSeries.Double(row, c("t_inv_c")),
            IrradianceWm2 = InfluxSeries.Double(row, c("irr_wm2")),
            ModuleTempC = InfluxSeries.Double(row, c("t_mod_c")),
            State = InfluxSeries.String(row, c("state")) switch
            {
                "running" => InverterState.Running,
                "standby" => InverterState.Standby,
                "fault" => InverterState.Fault,
                "off" => InverterState.Off,
                _ => null,
            },
            Faults = Ints(InfluxSeries.String(row, c("faults"))),
        };
    }

    public static BarnReading Barn(InfluxSeries series, JsonElement[] row, Barn barn)
    {
        var c = series.Column;
        return new BarnReading
        {
            Device = barn,
            TimestampMs = InfluxSeries.Time(row),
            Seq = InfluxSeries.Long(row, c("seq")),
            TempC = InfluxSeries.Double(row, c("t_c")) ?? 0,
            HumidityPct = InfluxSeries.Double(row, c("rh_pct")) ?? 0,
            Nh3Ppm = InfluxSeries.Double(row, c("nh3_ppm")),
            Co2Ppm = InfluxSeries.Double(row, c("co2_ppm")),
            H2sPpm = InfluxSeries.Double(row, c("h2s_ppm")),
            FanStage = InfluxSeries.Long(row, c("fan_stage")) is { } f ? (int)f : null,
            FanRpm = Ints(InfluxSeries.String(row, c("fan_rpm"))),
            WaterL = InfluxSeries.Double(row, c("water_l")),
            FeedKg = InfluxSeries.Double(row, c("feed_kg")),
            Power = InfluxSeries.String(row, c("power")) switch
            {
                "mains" => PowerSource.Mains,
                "battery" => PowerSource.Battery,
                _ => null,
            },
        };
    }

    /// <summary>The device a row belongs to: from the GROUP BY tags, else from the tag column.</summary>
    public static string? DeviceId(InfluxSeries series, JsonElement[] row, string tag) =>
        series.Tags.TryGetValue(tag, out var id) ? id : InfluxSeries.String(row, series.Column(tag));

    private static int[] Ints(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
