using System.Numerics;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Ingest.Storage.Spool;

/// <summary>
/// The spool's record format: <c>[int32 length][uint32 CRC-32C][payload]</c>, payload = format version, reading count, then
/// each reading (kind, device id, device time, seq, values with presence flags). A torn or corrupt tail fails the length or
/// checksum test and is cut off on open; such a record was never acknowledged, because the spool syncs before the ack.
/// </summary>
internal static class SpoolCodec
{
    public const int HeaderBytes = 8;
    private const byte FormatVersion = 1;

    public static byte[] Encode(IReadOnlyList<Reading> readings)
    {
        using var payload = new MemoryStream(64 + (readings.Count * 96));
        payload.Position = HeaderBytes;
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write(readings.Count);
            foreach (var reading in readings)
            {
                Write(w, reading);
            }
        }

        var bytes = payload.ToArray();
        var length = bytes.Length - HeaderBytes;
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), length);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), Crc(bytes.AsSpan(HeaderBytes)));
        return bytes;
    }

    /// <summary>Checks a record header against what follows it; returns the payload length, or -1 when the record is torn or corrupt.</summary>
    public static int Validate(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var length = BitConverter.ToInt32(header[..4]);
        return length > 0 && length == payload.Length && BitConverter.ToUInt32(header[4..8]) == Crc(payload) ? length : -1;
    }

    public static int PayloadLength(ReadOnlySpan<byte> header) => BitConverter.ToInt32(header[..4]);

    /// <summary>Decodes a payload; readings of devices no longer in the registry are skipped and counted.</summary>
    public static List<Reading> Decode(byte[] payload, FleetRegistry fleet, out int unknown)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        if (r.ReadByte() != FormatVersion)
        {
            throw new InvalidDataException("unknown spool record version");
        }

        var count = r.ReadInt32();
        var result = new List<Reading>(count);
        unknown = 0;
        for (var i = 0; i < count; i++)
        {
            var kind = r.ReadByte();
            var id = r.ReadString();
            var ts = r.ReadInt64();
            var seq = r.ReadBoolean() ? r.ReadInt64() : (long?)null;
            fleet.TryGetDevice(id, out var device);
            Reading reading = kind == 0 ? ReadPv(r, device as Station, ts, seq) : ReadBarn(r, device as Barn, ts, seq);
            if (reading.Device is null)
            {
                unknown++;
                continue;
            }

            result.Add(reading);
        }

        return result;
    }

    public static int Count(byte[] payload) => BitConverter.ToInt32(payload.AsSpan(1, 4));

    private static void Write(BinaryWriter w, Reading reading)
    {
        w.Write(reading is PvReading ? (byte)0 : (byte)1);
        w.Write(reading.Device.Id);
        w.Write(reading.TimestampMs);
        Long(w, reading.Seq);
        switch (reading)
        {
            case PvReading p:
                w.Write(p.PowerKw);
                w.Write(p.EnergyTotalKwh);
                Double(w, p.EnergyDayKwh);
                Double(w, p.DcVoltage);
                Double(w, p.DcCurrent);
                Double(w, p.AcVoltage);
                Double(w, p.FrequencyHz);
                Double(w, p.InverterTempC);
                Double(w, p.IrradianceWm2);
                Double(w, p.ModuleTempC);
                w.Write(p.State is { } s ? (sbyte)s : (sbyte)-1);
                Ints(w, p.Faults);
                break;
            case BarnReading b:
                w.Write(b.TempC);
                w.Write(b.HumidityPct);
                Double(w, b.Nh3Ppm);
                Double(w, b.Co2Ppm);
                Double(w, b.H2sPpm);
                Long(w, b.FanStage);
                Ints(w, b.FanRpm);
                Double(w, b.WaterL);
                Double(w, b.FeedKg);
                w.Write(b.Power is { } power ? (sbyte)power : (sbyte)-1);
                break;
            default:
                throw new ArgumentException($"Unsupported reading type {reading.GetType().Name}", nameof(reading));
        }
    }

    private static PvReading ReadPv(BinaryReader r, Station? station, long ts, long? seq) => new()
    {
        Device = station!,
        TimestampMs = ts,
        Seq = seq,
        PowerKw = r.ReadDouble(),
        EnergyTotalKwh = r.ReadDouble(),
        EnergyDayKwh = Double(r),
        DcVoltage = Double(r),
        DcCurrent = Double(r),
        AcVoltage = Double(r),
        FrequencyHz = Double(r),
        InverterTempC = Double(r),
        IrradianceWm2 = Double(r),
        ModuleTempC = Double(r),
        State = r.ReadSByte() is var s and >= 0 ? (InverterState)s : null,
        Faults = Ints(r),
    };

    private static BarnReading ReadBarn(BinaryReader r, Barn? barn, long ts, long? seq) => new()
    {
        Device = barn!,
        TimestampMs = ts,
        Seq = seq,
        TempC = r.ReadDouble(),
        HumidityPct = r.ReadDouble(),
        Nh3Ppm = Double(r),
        Co2Ppm = Double(r),
        H2sPpm = Double(r),
        FanStage = r.ReadBoolean() ? (int)r.ReadInt64() : null,
        FanRpm = Ints(r),
        WaterL = Double(r),
        FeedKg = Double(r),
        Power = r.ReadSByte() is var p and >= 0 ? (PowerSource)p : null,
    };

    private static void Double(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static double? Double(BinaryReader r) => r.ReadBoolean() ? r.ReadDouble() : null;

    private static void Long(BinaryWriter w, long? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void Ints(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static int[] Ints(BinaryReader r)
    {
        var result = new int[r.ReadInt32()];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = r.ReadInt32();
        }

        return result;
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.ToUInt64(data[..8]));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
