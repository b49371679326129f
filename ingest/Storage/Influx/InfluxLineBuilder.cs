using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// Turns readings into line protocol (ms precision). The escaped measurement-and-tags prefix of each device is built once from
/// the fleet registry, so the hot path only formats fields.
/// </summary>
internal sealed class InfluxLineBuilder
{
    private readonly string[] _prefixes;

    public InfluxLineBuilder(FleetRegistry fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _prefixes = [.. fleet.Devices.Select(Prefix)];
    }

    public static string Prefix(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var writer = new LineProtocolWriter();
        if (device is Station station)
        {
            writer.Measurement(InfluxSchema.Pv)
                .Tag(InfluxSchema.ClassTag, Lower(station.Class.ToString()))
                .Tag(InfluxSchema.CountyTag, station.Village.County.Id)
                .Tag(InfluxSchema.StationTag, station.Id)
                .Tag(InfluxSchema.VillageTag, station.Village.Id);
        }
        else
        {
            var barn = (Barn)device;
            writer.Measurement(InfluxSchema.Barn)
                .Tag(InfluxSchema.BarnTag, barn.Id)
                .Tag(InfluxSchema.CountyTag, barn.Village.County.Id)
                .Tag(InfluxSchema.SpeciesTag, Lower(barn.Species.ToString()))
                .Tag(InfluxSchema.StageTag, barn.Stage)
                .Tag(InfluxSchema.VillageTag, barn.Village.Id);
        }

        return writer.Builder.ToString();
    }

    public void Append(LineProtocolWriter writer, Reading reading)
    {
        var start = writer.Builder.Length;
        var prefix = reading.Device.Index < _prefixes.Length ? _prefixes[reading.Device.Index] : Prefix(reading.Device);
        writer.Raw(prefix);
        switch (reading)
        {
            case PvReading p:
                writer.Field("p_ac_kw", p.PowerKw)
                    .Field("e_total_kwh", p.EnergyTotalKwh)
                    .Field("e_day_kwh", p.EnergyDayKwh)
                    .Field("v_dc", p.DcVoltage)
                    .Field("i_dc", p.DcCurrent)
                    .Field("v_ac", p.AcVoltage)
                    .Field("f_hz", p.FrequencyHz)
                    .Field("t_inv_c", p.InverterTempC)
                    .Field("irr_wm2", p.IrradianceWm2)
                    .Field("t_mod_c", p.ModuleTempC)
                    .Field("state", p.State is { } s ? StateName(s) : null)
                    .Field("faults", p.Faults)
                    .Field("seq", p.Seq);
                break;
            case BarnReading b:
                writer.Field("t_c", b.TempC)
                    .Field("rh_pct", b.HumidityPct)
                    .Field("nh3_ppm", b.Nh3Ppm)
                    .Field("co2_ppm", b.Co2Ppm)
                    .Field("h2s_ppm", b.H2sPpm)
                    .Field("fan_stage", b.FanStage)
                    .Field("fan_rpm", b.FanRpm)
                    .Field("water_l", b.WaterL)
                    .Field("feed_kg", b.FeedKg)
                    .Field("power", b.Power is { } w ? (w == PowerSource.Mains ? "mains" : "battery") : null)
                    .Field("seq", b.Seq);
                break;
            default:
                throw new ArgumentException($"Unsupported reading type {reading.GetType().Name}", nameof(reading));
        }

        writer.End(reading.TimestampMs, start);
    }

    public static string StateName(InverterState state) => state switch
    {
        InverterState.Running => "running",
        InverterState.Standby => "standby",
        InverterState.Fault => "fault",
        _ => "off",
    };

    private static string Lower(string text) => text.ToLowerInvariant();
}
