using System.Text.Json;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Core.Wire;

/// <summary>Parses one PV reading object (the reader is on its <c>StartObject</c>) and checks it against the station.</summary>
internal static class PvReadingParser
{
    public static PvReading? Parse(ref Utf8JsonReader r, Station station, in DecodeContext ctx, ref ReadingError? error)
    {
        var header = default(ReadingHeader);
        double? power = null, energy = null, energyDay = null, vdc = null, idc = null, vac = null, hz = null, tinv = null, irr = null, tmod = null;
        InverterState? state = null;
        int[]? faults = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (header.TryRead(ref r, station, ref error))
            {
                continue;
            }

            if (r.ValueTextEquals("p_ac_kw"u8)) { r.Read(); power = JsonFields.Number(ref r, "p_ac_kw", ref error); }
            else if (r.ValueTextEquals("e_total_kwh"u8)) { r.Read(); energy = JsonFields.Number(ref r, "e_total_kwh", ref error); }
            else if (r.ValueTextEquals("e_day_kwh"u8)) { r.Read(); energyDay = JsonFields.Number(ref r, "e_day_kwh", ref error); }
            else if (r.ValueTextEquals("v_dc"u8)) { r.Read(); vdc = JsonFields.Number(ref r, "v_dc", ref error); }
            else if (r.ValueTextEquals("i_dc"u8)) { r.Read(); idc = JsonFields.Number(ref r, "i_dc", ref error); }
            else if (r.ValueTextEquals("v_ac"u8)) { r.Read(); vac = JsonFields.Number(ref r, "v_ac", ref error); }
            else if (r.ValueTextEquals("f_hz"u8)) { r.Read(); hz = JsonFields.Number(ref r, "f_hz", ref error); }
            else if (r.ValueTextEquals("t_inv_c"u8)) { r.Read(); tinv = JsonFields.Number(ref r, "t_inv_c", ref error); }
            else if (r.ValueTextEquals("irr_wm2"u8)) { r.Read(); irr = JsonFields.Number(ref r, "irr_wm2", ref error); }
            else if (r.ValueTextEquals("t_mod_c"u8)) { r.Read(); tmod = JsonFields.Number(ref r, "t_mod_c", ref error); }
            else if (r.ValueTextEquals("state"u8)) { r.Read(); state = ReadState(ref r, ref error); }
            else if (r.ValueTextEquals("faults"u8)) { r.Read(); faults = JsonFields.IntArray(ref r, "faults", 65_535, ref error); }
            else
            {
                // Unknown fields are ignored so that loggers can send vendor extras and later contract additions.
                r.Read();
                JsonFields.SkipComposite(ref r);
            }
        }

        if (!header.Check(ctx, ref error))
        {
            return null;
        }

        PhysicalRange.Required(power, "p_ac_kw", ref error);
        PhysicalRange.Required(energy, "e_total_kwh", ref error);
        var peak = Math.Max(station.CapacityKwp, station.AcRatingKw);
        PhysicalRange.Check(power, "p_ac_kw", -Math.Max(0.5, 0.02 * peak), 1.5 * peak, "kW", ref error);
        PhysicalRange.Check(energy, "e_total_kwh", 0, 1e10, "kWh", ref error);
        PhysicalRange.Check(energyDay, "e_day_kwh", 0, 24 * peak, "kWh", ref error);
        PhysicalRange.Check(vdc, "v_dc", 0, 1_500, "V", ref error);
        PhysicalRange.Check(idc, "i_dc", -1, Math.Max(50, 3 * station.CapacityKwp), "A", ref error);
        PhysicalRange.Check(vac, "v_ac", 0, 1_000, "V", ref error);
        PhysicalRange.Check(hz, "f_hz", 0, 70, "Hz", ref error);
        PhysicalRange.Check(tinv, "t_inv_c", -50, 150, "°C", ref error);
        PhysicalRange.Check(irr, "irr_wm2", 0, 1_800, "W/m²", ref error);
        PhysicalRange.Check(tmod, "t_mod_c", -50, 110, "°C", ref error);
        if (error is not null)
        {
            return null;
        }

        return new PvReading
        {
            Device = station,
            TimestampMs = header.TimestampMs!.Value,
            Seq = header.Seq,
            PowerKw = power!.Value,
            EnergyTotalKwh = energy!.Value,
            EnergyDayKwh = energyDay,
            DcVoltage = vdc,
            DcCurrent = idc,
            AcVoltage = vac,
            FrequencyHz = hz,
            InverterTempC = tinv,
            IrradianceWm2 = irr,
            ModuleTempC = tmod,
            State = state,
            Faults = faults ?? [],
        };
    }

    private static InverterState? ReadState(ref Utf8JsonReader r, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType == JsonTokenType.String)
        {
            if (r.ValueTextEquals("running"u8)) { return InverterState.Running; }
            if (r.ValueTextEquals("standby"u8)) { return InverterState.Standby; }
            if (r.ValueTextEquals("fault"u8)) { return InverterState.Fault; }
            if (r.ValueTextEquals("off"u8)) { return InverterState.Off; }
            error ??= new(RejectReason.WrongType, $"state '{r.GetString()}' is not one of running, standby, fault, off");
            return null;
        }

        error ??= new(RejectReason.WrongType, $"state must be a string, not {JsonFields.Describe(r.TokenType)}");
        JsonFields.SkipComposite(ref r);
        return null;
    }
}
