using System.Globalization;
using System.Text;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>Quoting for InfluxQL text: identifiers in double quotes, strings in single quotes, times as RFC 3339 literals.</summary>
internal static class InfluxQl
{
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string String(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static string Time(DateTimeOffset instant) => "'" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "'";

    public static string Time(long unixMs) => Time(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary><c>time &gt;= from AND time &lt; to</c>.</summary>
    public static string Range(DateTimeOffset from, DateTimeOffset to) => $"time >= {Time(from)} AND time < {Time(to)}";

    /// <summary>A duration literal in milliseconds, e.g. <c>900000ms</c>.</summary>
    public static string Duration(long ms) => ms.ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary><c>("tag" = 'a' OR "tag" = 'b')</c>.</summary>
    public static string AnyOf(string tag, IEnumerable<string> values)
    {
        var text = new StringBuilder("(");
        foreach (var value in values)
        {
            if (text.Length > 1)
            {
                text.Append(" OR ");
            }

            text.Append(Identifier(tag)).Append(" = ").Append(String(value));
        }

        return text.Append(')').ToString();
    }
}
