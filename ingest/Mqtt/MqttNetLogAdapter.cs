using System.Globalization;
using Microsoft.Extensions.Logging;
using MQTTnet.Diagnostics.Logger;

namespace Telemetry.Ingest.Mqtt;

/// <summary>Forwards MQTTnet's warnings and errors to <see cref="ILogger"/>; its verbose chatter stays out.</summary>
internal sealed class MqttNetLogAdapter(ILogger logger) : IMqttNetLogger
{
    public bool IsEnabled => logger.IsEnabled(LogLevel.Warning);

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[]? parameters, Exception? exception)
    {
        var level = logLevel switch
        {
            MqttNetLogLevel.Error => LogLevel.Error,
            MqttNetLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || !logger.IsEnabled(level))
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, parameters) : message;
#pragma warning disable CA1848, CA2254 // MQTTnet hands us pre-formatted text from many call sites; a LoggerMessage per site is not possible.
        logger.Log(level, exception, "MQTT {Source}: {Message}", source, text);
#pragma warning restore CA1848, CA2254
    }
}
