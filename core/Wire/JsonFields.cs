using System.Globalization;
using System.Text.Json;

namespace Telemetry.Core.Wire;

/// <summary>Reads typed field values from a <see cref="Utf8JsonReader"/> positioned on the value, recording the first error.</summary>
internal static class JsonFields
{
    public const int MaxArrayItems = 64;

    public static double? Number(ref Utf8JsonReader r, string field, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType == JsonTokenType.String)
        {
            // Some firmwares write NaN/Infinity as strings; name them for what they are.
            if (r.ValueTextEquals("NaN"u8) || r.ValueTextEquals("Infinity"u8) || r.ValueTextEquals("-Infinity"u8))
            {
                error ??= new(RejectReason.NotFinite, $"{field} is {r.GetString()}; only finite numbers are accepted");
            }
            else
            {
                error ??= new(RejectReason.WrongType, $"{field} must be a number, not a string");
            }

            return null;
        }

        if (r.TokenType != JsonTokenType.Number)
        {
            error ??= new(RejectReason.WrongType, $"{field} must be a number, not {Describe(r.TokenType)}");
            SkipComposite(ref r);
            return null;
        }

        if (!r.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            error ??= new(RejectReason.NotFinite, $"{field} overflows a double; only finite numbers are accepted");
            return null;
        }

        return value;
    }

    public static long? Integer(ref Utf8JsonReader r, string field, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out var value))
        {
            error ??= new(RejectReason.WrongType, $"{field} must be an integer, not {Describe(r.TokenType)}");
            SkipComposite(ref r);
            return null;
        }

        return value;
    }

    /// <summary>Reads an array of small non-negative integers (fault codes, fan rpm) into a right-sized array.</summary>
    public static int[]? IntArray(ref Utf8JsonReader r, string field, int max, ref ReadingError? error)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            error ??= new(RejectReason.WrongType, $"{field} must be an array of integers, not {Describe(r.TokenType)}");
            SkipComposite(ref r);
            return null;
        }

        Span<int> buffer = stackalloc int[MaxArrayItems];
        var count = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var item))
            {
                error ??= new(RejectReason.WrongType, $"{field}[{count}] must be an integer, not {Describe(r.TokenType)}");
                SkipComposite(ref r);
            }
            else if (item < 0 || item > max)
            {
                error ??= new(RejectReason.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"{field}[{count}] = {item} is outside 0…{max}"));
            }
            else if (count < MaxArrayItems)
            {
                buffer[count] = item;
            }

            count++;
        }

        if (count > MaxArrayItems)
        {
            error ??= new(RejectReason.OutOfRange, $"{field} has {count} items; at most {MaxArrayItems} are accepted");
            return null;
        }

        return count == 0 ? [] : buffer[..count].ToArray();
    }

    public static void SkipComposite(ref Utf8JsonReader r)
    {
        if (r.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            r.Skip();
        }
    }

    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
