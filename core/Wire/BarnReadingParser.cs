using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Core.Wire;

/// <summary>Parses one barn reading object (the reader is on its <c>StartObject</c>) and checks it.</summary>
internal static class BarnReadingParser
{
    public static BarnReading? Parse(ref Utf8JsonReader r, Barn barn, in DecodeContext ctx, ref ReadingError? error)
    {
        var header = default(ReadingHeader);
        double? t = null, rh = null, nh3 = null, co2 = null, h2s = null, water = null, feed = null;
        long? stage = null;
        int[]? rpm = null;
        PowerSource? power = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (header.TryRead(ref r, barn, ref error))
            {
                continue;
            }

            if (r.ValueTextEquals("t_c"u8)) { r.Read(); t = JsonFields.Number(ref r, "t_c", ref error); }
            else if (r.ValueTextEquals("rh_pct"u8)) { r.Read(); rh = JsonFields.Number(ref r, "rh_pct", ref error); }
            else if (r.ValueTextEquals("nh3_ppm"u8)) { r.Read(); nh3 = JsonFields.Number(ref r, "nh3_ppm", ref error); }
            else if (r.ValueTextEquals("co2_ppm"u8)) { r.Read(); co2 = JsonFields.Number(ref r, "co2_ppm", ref error); }
            else if (r.ValueTextEquals("h2s_ppm"u8)) { r.Read(); h2s = JsonFields.Number(ref r, "h2s_ppm", ref error); }
            else if (r.ValueTextEquals("water_l"u8)) { r.Read(); water = JsonFields.Number(ref r, "water_l", ref error); }
            else if (r.ValueTextEquals("feed_kg"u8)) { r.Read(); feed = JsonFields.Number(ref r, "feed_kg", ref error); }
            else if (r.ValueTextEquals("fan_stage"u8)) { r.Read(); stage = JsonFields.Integer(ref r, "fan_stage", ref error); }
            else if (r.ValueTextEquals("fan_rpm"u8)) { r.Read(); rpm = JsonFields.IntArray(ref r, "fan_rpm", 10_000, ref error); }
            else if (r.ValueTextEquals("power"u8)) { r.Read(); power = ReadPower(ref r, ref error); }
            else
            {
                r.Read();
                JsonFields.SkipComposite(ref r);
            }
        }

        if (!header.Check(ctx, ref error))
        {
            return null;
        }

        PhysicalRange.Required(t, "t_c", ref error);
        PhysicalRange.Required(rh, "rh_pct", ref error);
        PhysicalRange.Check(t, "t_c", -50, 70, "°C", ref error);
        PhysicalRange.Check(rh, "rh_pct", 0, 100, "%", ref error);
        PhysicalRange.Check(nh3, "nh3_ppm", 0, 1_000, "ppm", ref error);
        PhysicalRange.Check(co2, "co2_ppm", 0, 50_000, "ppm", ref error);
        PhysicalRange.Check(h2s, "h2s_ppm", 0, 1_000, "ppm", ref error);
        PhysicalRange.Check(water, "water_l", 0, 1e6, "L", ref error);
        PhysicalRange.Check(feed, "feed_kg", 0, 1e5, "kg", ref error);
        PhysicalRange.Check(stage, "fan_stage", 0, 20, "", ref error);
        if (error is not null)
        {
            return null;
        }

        return new BarnReading
        {
            Device = barn,
            TimestampMs = header.TimestampMs!.Value,
            Seq = header.Seq,
            TempC = t!.Value,
            HumidityPct = rh!.Value,
            Nh3Ppm = nh3,
            Co2Ppm = co2,
            H2sPpm = h2s,
            WaterL = water,
            FeedKg = feed,
            FanStage = (int?)stage,
            FanRpm = rpm ?? [],
            Power = power,
        };
    }

    private static PowerSource? ReadPower(ref Utf8JsonReader r, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType == JsonTokenType.String)
        {
            if (r.ValueTextEquals("mains"u8)) { return PowerSource.Mains; }
            if (r.ValueTextEquals("battery"u8)) { return PowerSource.Battery; }
            error ??= new(RejectReason.WrongType, $"power '{r.GetString()}' is not one of mains, battery");
            return null;
        }

        error ??= new(RejectReason.WrongType, $"power must be a string, not {JsonFields.Describe(r.TokenType)}");
        JsonFields.SkipComposite(ref r);
        return null;
    }
}
