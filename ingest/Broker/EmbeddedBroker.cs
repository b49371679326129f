using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Telemetry.Core.Wire;
using Telemetry.Ingest.Mqtt;
using Telemetry.Ingest.Pipeline;

namespace Telemetry.Ingest.Broker;

/// <summary>
/// MQTTnet's server in this process. Devices log in with their registry credentials and may publish only on their own
/// topics. Telemetry is ingested inside the publish interception: the device's PUBACK is sent only after its readings
/// are durable, so a crash before that makes the device send again (DESIGN §5).
/// </summary>
internal sealed partial class EmbeddedBroker : IHostedService, IDeadLetterPublisher, IBrokerPublisher, IAsyncDisposable
{
    private readonly BrokerOptions _options;
    private readonly BrokerAuthenticator _authenticator;
    private readonly IngestPipeline _pipeline;
    private readonly ILogger<EmbeddedBroker> _logger;
    private MqttServer? _server;

    public EmbeddedBroker(IOptions<BrokerOptions> options, BrokerAuthenticator authenticator, IngestPipeline pipeline, ILogger<EmbeddedBroker> logger)
    {
        _options = options.Value;
        _authenticator = authenticator;
        _pipeline = pipeline;
        _logger = logger;
    }

    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode != BrokerMode.Embedded)
        {
            return;
        }

        var factory = new MqttServerFactory(new MqttNetLogAdapter(_logger));
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync().ConfigureAwait(false);
        LogStarted(_options.BindAddress, _options.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            try
            {
                await _server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                // MQTTnet 5.2 sometimes throws "Collection was modified" from MqttTcpServerAdapter.Cleanup while its
                // listeners stop (about one stop in twenty here). The server is stopping anyway; nothing is lost.
                LogStopRace(e.Message);
            }
        }
    }

    public void Publish(string topic, ReadOnlyMemory<byte> payload)
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
        _ = server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)).ContinueWith(
            t => LogInjectFailed(t.Exception!, topic), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        if (_server is not { IsStarted: true } server)
        {
            throw new InvalidOperationException("the embedded MQTT broker is not running");
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToArray()).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message), cancellationToken).ConfigureAwait(false);
    }

    private void Route(MqttApplicationMessage message)
    {
        var copy = new MqttApplicationMessageBuilder().WithTopic(message.Topic).WithPayload(System.Buffers.BuffersExtensions.ToArray(message.Payload))
            .WithQualityOfServiceLevel(message.QualityOfServiceLevel).WithRetainFlag(message.Retain).Build();
        _ = _server!.InjectApplicationMessage(new InjectedMqttApplicationMessage(copy)).ContinueWith(
            t => LogInjectFailed(t.Exception!, message.Topic), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _server?.Dispose();
        }
        catch (InvalidOperationException e)
        {
            LogStopRace(e.Message);
        }

        return ValueTask.CompletedTask;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var principal = _authenticator.Authenticate(e.UserName, e.Password);
        if (principal is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefused(e.ClientId, e.UserName, "bad user name or password");
        }
        else if (principal.Device is not null && e.ClientId != principal.Device.Id)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            LogRefused(e.ClientId, e.UserName, "a device's client id must be its device id");
        }
        else
        {
            e.SessionItems[BrokerPrincipal.SessionKey] = principal;
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (!e.SessionItems.Contains(BrokerPrincipal.SessionKey))
        {
            return; // injected by this service (dead letters, alerts)
        }

        var principal = (BrokerPrincipal)e.SessionItems[BrokerPrincipal.SessionKey]!;
        var topic = e.ApplicationMessage.Topic;
        var isDeviceTopic = _pipeline.Topics.TryParse(topic, out _, out var id, out var channel);
        if (principal.Device is null)
        {
            if (isDeviceTopic)
            {
                Refuse(e, "only devices publish on device topics");
            }

            return;
        }

        if (!isDeviceTopic || !id.SequenceEqual(principal.Device.Id))
        {
            Refuse(e, $"device '{principal.Device.Id}' may publish only on its own topics");
            return;
        }

        try
        {
            var outcome = await _pipeline.SubmitAsync(topic, e.ApplicationMessage.Payload, principal.Device.Id, e.CancellationToken).ConfigureAwait(false);
            if (outcome.Stored == 0 && outcome.Rejected > 0)
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
                e.Response.ReasonString = "rejected; see the dead-letter topic for the reason";
            }
            else
            {
                // Not routed in place: MQTTnet would then answer "no matching subscribers" to a device whose reading
                // was stored. Copies are injected instead — status always (retained), telemetry when configured.
                e.ProcessPublish = false;
                if (channel == TopicChannel.Status || _options.RouteTelemetry)
                {
                    Route(e.ApplicationMessage);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the readings were stored: no PUBACK, so the device sends them again.
            e.ProcessPublish = false;
            e.CloseConnection = true;
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[BrokerPrincipal.SessionKey] is BrokerPrincipal { Device: not null })
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private void Refuse(InterceptingPublishEventArgs e, string why)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        e.Response.ReasonString = why;
        LogPublishRefused(e.ClientId, e.ApplicationMessage.Topic, why);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    private partial void LogStarted(string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT login refused for client {ClientId} (user {User}): {Why}")]
    private partial void LogRefused(string clientId, string? user, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish by {ClientId} on {Topic} refused: {Why}")]
    private partial void LogPublishRefused(string clientId, string topic, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTTnet raised while stopping its listeners (known 5.2 race, harmless): {Error}")]
    private partial void LogStopRace(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish on {Topic}")]
    private partial void LogInjectFailed(Exception exception, string topic);
}
