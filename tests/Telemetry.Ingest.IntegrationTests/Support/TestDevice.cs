using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Core.Security;
using Telemetry.Ingest.Mqtt;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>An MQTT client that logs in as a registered device of the Jincheng sample fleet.</summary>
internal sealed class TestDevice : IAsyncDisposable
{
    public const string Seed = "jincheng-demo-2026";

    private TestDevice(IMqttClient client, string id)
    {
        Client = client;
        Id = id;
    }

    public IMqttClient Client { get; }

    public string Id { get; }

    public static async Task<TestDevice> ConnectAsync(int port, string id, string? password = null, string? clientId = null, bool lastWill = false)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTelemetryTcp("127.0.0.1", port)
            .WithClientId(clientId ?? id)
            .WithCredentials(id, password ?? CredentialHasher.DeriveDevicePassword(Seed, id))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (lastWill)
        {
            var kind = id.StartsWith("PV", StringComparison.Ordinal) ? "pv" : "barn";
            builder = builder.WithWillTopic($"{kind}/{id}/status").WithWillPayload("offline").WithWillRetain()
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await client.ConnectAsync(builder.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"Device {id} could not connect: {result.ResultCode}");
        }

        return new TestDevice(client, id);
    }

    public Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain = false) =>
        Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync();
        }

        Client.Dispose();
    }
}
