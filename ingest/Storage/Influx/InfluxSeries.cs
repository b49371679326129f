using System.Text.Json;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// One series of an InfluxQL answer: its tags (for GROUP BY), column names and rows (epoch-ms time first), and which statement of
/// the query (0-based, for queries of several statements separated by <c>;</c>) it answers.
/// </summary>
internal sealed class InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, string[] columns, IReadOnlyList<JsonElement[]> rows, int statement = 0)
{
    public int Statement { get; } = statement;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Tags { get; } = tags;

    public string[] Columns { get; } = columns;

    public IReadOnlyList<JsonElement[]> Rows { get; } = rows;

    public int Column(string name) => Array.IndexOf(Columns, name);

    public static long Time(JsonElement[] row) => row[0].GetInt64();

    public static double? Double(JsonElement[] row, int column) =>
        column < 0 || row[column].ValueKind != JsonValueKind.Number ? null : row[column].GetDouble();

    public static long? Long(JsonElement[] row, int column) =>
        column < 0 || row[column].ValueKind != JsonValueKind.Number ? null : row[column].TryGetInt64(out var v) ? v : (long)row[column].GetDouble();

    public static string? String(JsonElement[] row, int column) =>
        column < 0 || row[column].ValueKind != JsonValueKind.String ? null : row[column].GetString();
}
