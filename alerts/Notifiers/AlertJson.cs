using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Telemetry.Alerts.Notifiers;

/// <summary>JSON of notifications: camelCase names, enums as camelCase strings, Chinese as UTF-8 (not escaped).</summary>
public static class AlertJson
{
    /// <summary>The options notifiers serialize <see cref="AlertNotification"/> with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
