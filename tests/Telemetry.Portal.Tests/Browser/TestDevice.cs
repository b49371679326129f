using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Core.Security;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>A PV logger of the demo fleet, logging in with its derived password and publishing wire-contract v1 readings.</summary>
internal sealed class TestDevice : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private TestDevice(string id, IMqttClient client)
    {
        Id = id;
        _client = client;
    }

    public string Id { get; }

    public static async Task<TestDevice> ConnectAsync(int brokerPort, string id, CancellationToken cancellationToken = default)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(IPAddress.Loopback.ToString(), brokerPort)
            .WithTcpServer(o =>
            {
                o.RemoteEndpoint = new IPEndPoint(IPAddress.Loopback, brokerPort);
                o.BufferSize = 256 * 1024; // the 8 KiB default pins the TCP window (tried-mqtt-rx.md)
                o.LingerState = new LingerOption(false, 0); // the default resets the connection on close
            })
            .WithClientId(id)
            .WithCredentials(id, CredentialHasher.DeriveDevicePassword(PortalHost.CredentialSeed, id))
            .WithCleanStart(true)
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"{id} could not log in: {result.ResultCode} {result.ReasonString}");
        }

        return new TestDevice(id, client);
    }

    public async Task PublishPvAsync(double powerKw, double energyTotalKwh, double energyDayKwh)
    {
        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var payload = string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"ts":"{{ts}}","p_ac_kw":{{powerKw}},"e_total_kwh":{{energyTotalKwh:0.0}},"e_day_kwh":{{energyDayKwh:0.0}}}""");
        var result = await _client.PublishStringAsync($"pv/{Id}/telemetry", payload, MqttQualityOfServiceLevel.AtLeastOnce);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{Id} publish refused: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
