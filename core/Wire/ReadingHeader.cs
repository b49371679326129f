using System.Globalization;
using System.Text.Json;
using Telemetry.Core.Fleet;

namespace Telemetry.Core.Wire;

/// <summary>The fields every reading shares: <c>v</c>, <c>ts</c>, <c>seq</c> and the optional <c>id</c>.</summary>
internal struct ReadingHeader
{
    public long? TimestampMs;
    public long? Seq;

    /// <summary>Consumes the value if the current property is a common field; false for any other property.</summary>
    public bool TryRead(ref Utf8JsonReader r, Device device, ref ReadingError? error)
    {
        if (r.ValueTextEquals("ts"u8))
        {
            r.Read();
            TimestampMs = ReadTimestamp(ref r, ref error);
            return true;
        }

        if (r.ValueTextEquals("seq"u8))
        {
            r.Read();
            Seq = JsonFields.Integer(ref r, "seq", ref error);
            return true;
        }

        if (r.ValueTextEquals("v"u8))
        {
            r.Read();
            var version = JsonFields.Integer(ref r, "v", ref error);
            if (version is not null and not 1)
            {
                error ??= new(RejectReason.UnsupportedVersion, $"contract version v={version} is not supported; this service reads v=1");
            }

            return true;
        }

        if (r.ValueTextEquals("id"u8))
        {
            r.Read();
            if (r.TokenType != JsonTokenType.String)
            {
                error ??= new(RejectReason.WrongType, $"id must be a string, not {JsonFields.Describe(r.TokenType)}");
                JsonFields.SkipComposite(ref r);
            }
            else if (!r.ValueTextEquals(device.Id))
            {
                error ??= new(RejectReason.TopicMismatch, $"payload id '{r.GetString()}' does not match the topic's device '{device.Id}'");
            }

            return true;
        }

        return false;
    }

    public readonly bool Check(in DecodeContext ctx, ref ReadingError? error)
    {
        if (error is not null)
        {
            return false;
        }

        if (TimestampMs is not { } ts)
        {
            error = new(RejectReason.MissingField, "ts (device time, RFC 3339 UTC or epoch ms) is required");
            return false;
        }

        if (ts > ctx.LatestMs)
        {
            error = new(RejectReason.FutureTimestamp, string.Create(CultureInfo.InvariantCulture,
                $"ts {Format(ts)} is {TimeSpan.FromMilliseconds(ts - ctx.NowMs):g} ahead of the server clock {Format(ctx.NowMs)}; check the device clock"));
            return false;
        }

        if (ts < ctx.EarliestMs)
        {
            error = new(RejectReason.StaleTimestamp, string.Create(CultureInfo.InvariantCulture,
                $"ts {Format(ts)} is older than the accepted replay window (from {Format(ctx.EarliestMs)})"));
            return false;
        }

        return true;
    }

    private static long? ReadTimestamp(ref Utf8JsonReader r, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Number)
        {
            if (!r.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                error ??= new(RejectReason.NotFinite, "ts is not a finite number");
                return null;
            }

            if (number is >= 1e8 and < 1e11)
            {
                error ??= new(RejectReason.WrongType, string.Create(CultureInfo.InvariantCulture,
                    $"ts {number} looks like epoch seconds; send epoch milliseconds or RFC 3339"));
                return null;
            }

            return (long)Math.Round(number);
        }

        if (r.TokenType != JsonTokenType.String)
        {
            error ??= new(RejectReason.WrongType, $"ts must be an RFC 3339 string or epoch milliseconds, not {JsonFields.Describe(r.TokenType)}");
            JsonFields.SkipComposite(ref r);
            return null;
        }

        Span<byte> text = stackalloc byte[48];
        var length = r.HasValueSequence ? r.ValueSequence.Length : r.ValueSpan.Length;
        if (length > text.Length)
        {
            error ??= new(RejectReason.WrongType, "ts is too long for an RFC 3339 timestamp");
            return null;
        }

        text = text[..r.CopyString(text)];
        if (!HasZoneDesignator(text) || !r.TryGetDateTimeOffset(out var value))
        {
            error ??= new(RejectReason.WrongType, $"ts '{r.GetString()}' is not an RFC 3339 timestamp with 'Z' or an offset");
            return null;
        }

        return value.ToUnixTimeMilliseconds();
    }

    private static bool HasZoneDesignator(ReadOnlySpan<byte> s) =>
        s.Length > 10 && (s[^1] is (byte)'Z' or (byte)'z' || (s.Length > 16 && s[^6] is (byte)'+' or (byte)'-' && s[^3] == (byte)':'));

    private static string Format(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
