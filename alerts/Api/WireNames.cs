using System.Text.Json;

namespace Telemetry.Alerts.Api;

/// <summary>Enum values as the API writes and reads them: camelCase (<c>critical</c>, <c>acknowledged</c>).</summary>
internal static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string Of<T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v) : "";

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum => Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static string Choices<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
