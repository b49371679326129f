using System.Buffers;
using System.Text.Json;

namespace Telemetry.Simulators.Load;

/// <summary>
/// Writes a load device's next message: <c>count</c> readings stamped with the wall clock (the newest = now, the others
/// 1 ms apart before it, never at or before the device's previous reading), as one object or an array.
/// A PV reading is about 200 bytes, like a real inverter's. The lifetime meter is a function of the device time (60 kW
/// since 2026-01-01), so it never goes backwards — not even across load runs on the same devices, which would raise a
/// <c>pv.meter.backwards</c> alert per device and per run.
/// </summary>
internal sealed class LoadPayload(bool station, int seed)
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };
    private static readonly long MeterEpochMs = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private long _lastTs;
    private long _seq;
    private readonly double _energyBase = 10_000 + (seed % 1000);

    /// <summary>Timestamp (epoch ms) of the newest reading written so far.</summary>
    public long LastTimestampMs => _lastTs;

    /// <param name="count">Readings in the message.</param>
    /// <param name="nowMs">Wall clock, epoch ms.</param>
    /// <param name="fault">Mark the newest reading as an inverter fault (code 2064, 设备故障).</param>
    public ReadOnlyMemory<byte> Next(int count, long nowMs, bool fault)
    {
        _buffer.ResetWrittenCount();
        using var w = new Utf8JsonWriter(_buffer, Options);
        var first = Math.Max(nowMs - (count - 1), _lastTs + 1);
        if (count > 1)
        {
            w.WriteStartArray();
        }

        for (var i = 0; i < count; i++)
        {
            var ts = first + i;
            if (station)
            {
                WritePv(w, ts, fault && i == count - 1);
            }
            else
            {
                WriteBarn(w, ts);
            }
        }

        if (count > 1)
        {
            w.WriteEndArray();
        }

        w.Flush();
        _lastTs = first + count - 1;
        return _buffer.WrittenMemory;
    }

    private void WritePv(Utf8JsonWriter w, long ts, bool fault)
    {
        var wiggle = (_seq % 17) * 0.1;
        var power = 60 + wiggle;
        w.WriteStartObject();
        w.WriteNumber("v"u8, 1);
        w.WriteNumber("ts"u8, ts);
        w.WriteNumber("seq"u8, ++_seq);
        w.WriteNumber("p_ac_kw"u8, power);
        w.WriteNumber("e_total_kwh"u8, Math.Round(_energyBase + ((ts - MeterEpochMs) * 60 / 3_600_000.0), 3));
        w.WriteNumber("e_day_kwh"u8, 123.4);
        w.WriteNumber("v_dc"u8, 620.5 + wiggle);
        w.WriteNumber("i_dc"u8, 98.3);
        w.WriteNumber("v_ac"u8, 231.2);
        w.WriteNumber("f_hz"u8, 50.01);
        w.WriteNumber("t_inv_c"u8, 41.5);
        w.WriteString("state"u8, fault ? "fault"u8 : "running"u8);
        if (fault)
        {
            w.WriteStartArray("faults"u8);
            w.WriteNumberValue(2064);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private void WriteBarn(Utf8JsonWriter w, long ts)
    {
        var wiggle = (_seq % 13) * 0.1;
        w.WriteStartObject();
        w.WriteNumber("v"u8, 1);
        w.WriteNumber("ts"u8, ts);
        w.WriteNumber("seq"u8, ++_seq);
        w.WriteNumber("t_c"u8, 20.5 + wiggle);
        w.WriteNumber("rh_pct"u8, 60.2 + wiggle);
        w.WriteNumber("nh3_ppm"u8, 5.1 + wiggle);
        w.WriteNumber("co2_ppm"u8, 1200 + wiggle);
        w.WriteNumber("h2s_ppm"u8, 0.5);
        w.WriteString("power"u8, "mains"u8);
        w.WriteEndObject();
    }
}
