using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemetry.Revenue.Statements;

/// <summary>
/// The canonical JSON form of a statement, which is what is hashed and stored: camelCase, no whitespace, properties in
/// declaration order, null members left out, enums by name, Chinese unescaped, and every decimal written in its shortest
/// form (<c>100.50</c> and <c>100.5</c> are both written <c>100.5</c>), so parsing and writing again gives the same text.
/// </summary>
public static class StatementJson
{
    /// <summary>The hash before a village's first statement: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Serializer options of the canonical form (also fine for the API).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(), new ShortestDecimalConverter() },
    };

    /// <summary>The canonical text of <paramref name="statement"/> without its own <see cref="RevenueStatement.Hash"/>.</summary>
    public static string Canonical(RevenueStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return JsonSerializer.Serialize(statement with { Hash = null }, Options);
    }

    /// <summary>Reads a statement back from its canonical text.</summary>
    public static RevenueStatement Parse(string json) =>
        JsonSerializer.Deserialize<RevenueStatement>(json, Options) ?? throw new JsonException("the statement is null");

    /// <summary>SHA-256 of the canonical text (UTF-8), lower-case hex. The text contains the previous hash: that is the chain.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private sealed class ShortestDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Normalize(value).ToString(CultureInfo.InvariantCulture), skipInputValidation: true);

        // Dividing by 1.000…0 (scale 28) strips trailing zeros: 100.50m → 100.5m, 332.000m → 332m.
        private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
    }
}
