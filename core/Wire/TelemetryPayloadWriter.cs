using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Readings;

namespace Telemetry.Core.Wire;

/// <summary>
/// Writes readings as wire-contract v1 payloads (DESIGN §3): one reading as a JSON object
/// <c>{"v":1,"ts":…,"seq":n,…fields}</c>, or several as an array (a logger replaying its buffer). Optional fields
/// are written only when they have a value. Everything written here is accepted by <see cref="TelemetryDecoder"/>.
/// </summary>
public static class TelemetryPayloadWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>Serializes one reading to a UTF-8 JSON object.</summary>
    /// <param name="reading">The reading.</param>
    /// <param name="format">How to encode <c>ts</c>.</param>
    public static byte[] ToUtf8(Reading reading, TimestampFormat format = TimestampFormat.Rfc3339)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, reading, format);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes readings: a single object when there is one, otherwise an array.</summary>
    /// <param name="readings">One or more readings of the same device, oldest first.</param>
    /// <param name="format">How to encode <c>ts</c>.</param>
    public static byte[] ToUtf8(IReadOnlyList<Reading> readings, TimestampFormat format = TimestampFormat.Rfc3339)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            throw new ArgumentException("There must be at least one reading to write.", nameof(readings));
        }

        if (readings.Count == 1)
        {
            return ToUtf8(readings[0], format);
        }

        var buffer = new ArrayBufferWriter<byte>(200 * readings.Count);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteArray(writer, readings, format);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes readings as a JSON array.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="readings">The readings, oldest first.</param>
    /// <param name="format">How to encode <c>ts</c>.</param>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<Reading> readings, TimestampFormat format = TimestampFormat.Rfc3339)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(readings);
        writer.WriteStartArray();
        foreach (var reading in readings)
        {
            Write(writer, reading, format);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one reading as a JSON object.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="reading">The reading (a <see cref="PvReading"/> or a <see cref="BarnReading"/>).</param>
    /// <param name="format">How to encode <c>ts</c>.</param>
    public static void Write(Utf8JsonWriter writer, Reading reading, TimestampFormat format = TimestampFormat.Rfc3339)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reading);
        writer.WriteStartObject();
        writer.WriteNumber("v"u8, 1);
        WriteTimestamp(writer, reading.TimestampMs, format);
        if (reading.Seq is { } seq)
        {
            writer.WriteNumber("seq"u8, seq);
        }

        switch (reading)
        {
            case PvReading pv:
                WritePvFields(writer, pv);
                break;
            case BarnReading barn:
                WriteBarnFields(writer, barn);
                break;
            default:
                throw new ArgumentException($"Unknown reading type {reading.GetType().Name}.", nameof(reading));
        }

        writer.WriteEndObject();
    }

    private static void WritePvFields(Utf8JsonWriter w, PvReading r)
    {
        w.WriteNumber("p_ac_kw"u8, r.PowerKw);
        w.WriteNumber("e_total_kwh"u8, r.EnergyTotalKwh);
        Optional(w, "e_day_kwh"u8, r.EnergyDayKwh);
        Optional(w, "v_dc"u8, r.DcVoltage);
        Optional(w, "i_dc"u8, r.DcCurrent);
        Optional(w, "v_ac"u8, r.AcVoltage);
        Optional(w, "f_hz"u8, r.FrequencyHz);
        Optional(w, "t_inv_c"u8, r.InverterTempC);
        Optional(w, "irr_wm2"u8, r.IrradianceWm2);
        Optional(w, "t_mod_c"u8, r.ModuleTempC);
        if (r.State is { } state)
        {
            w.WriteString("state"u8, state switch
            {
                InverterState.Running => "running"u8,
                InverterState.Standby => "standby"u8,
                InverterState.Fault => "fault"u8,
                InverterState.Off => "off"u8,
                _ => throw new ArgumentOutOfRangeException(nameof(r), state, "unknown inverter state"),
            });
        }

        if (r.Faults.Length > 0)
        {
            WriteIntArray(w, "faults"u8, r.Faults);
        }
    }

    private static void WriteBarnFields(Utf8JsonWriter w, BarnReading r)
    {
        w.WriteNumber("t_c"u8, r.TempC);
        w.WriteNumber("rh_pct"u8, r.HumidityPct);
        Optional(w, "nh3_ppm"u8, r.Nh3Ppm);
        Optional(w, "co2_ppm"u8, r.Co2Ppm);
        Optional(w, "h2s_ppm"u8, r.H2sPpm);
        if (r.FanStage is { } stage)
        {
            w.WriteNumber("fan_stage"u8, stage);
        }

        if (r.FanRpm.Length > 0)
        {
            WriteIntArray(w, "fan_rpm"u8, r.FanRpm);
        }

        Optional(w, "water_l"u8, r.WaterL);
        Optional(w, "feed_kg"u8, r.FeedKg);
        if (r.Power is { } power)
        {
            w.WriteString("power"u8, power == PowerSource.Mains ? "mains"u8 : "battery"u8);
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter w, long unixMs, TimestampFormat format)
    {
        if (format == TimestampFormat.EpochMilliseconds)
        {
            w.WriteNumber("ts"u8, unixMs);
            return;
        }

        Span<byte> text = stackalloc byte[32];
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        if (!instant.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A timestamp did not fit its buffer.");
        }

        w.WriteString("ts"u8, text[..written]);
    }

    private static void Optional(Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Field {System.Text.Encoding.UTF8.GetString(name)} is {v}; the contract allows finite numbers only.");
            }

            w.WriteNumber(name, v);
        }
    }

    private static void WriteIntArray(Utf8JsonWriter w, ReadOnlySpan<byte> name, int[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }
}
