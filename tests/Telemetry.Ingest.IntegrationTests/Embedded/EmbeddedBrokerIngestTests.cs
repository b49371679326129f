using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Telemetry.Core.Readings;
using Telemetry.Core.Security;
using Telemetry.Ingest.IntegrationTests.Support;

namespace Telemetry.Ingest.IntegrationTests.Embedded;

/// <summary>Devices publish to the real embedded MQTTnet broker; readings land in a real SQLite file.</summary>
public sealed class EmbeddedBrokerIngestTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly int _port = FreePort.Next();
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Broker:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broker:Accounts:0:Username"] = "ops",
        ["Broker:Accounts:0:PasswordHash"] = CredentialHasher.Hash("ops-password", 1_000),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Publish_ReadingsOfEveryKind_AreStoredWithTheirValues()
    {
        var ts = Payloads.RecentSecond(120);
        var expectedPower = new Dictionary<string, double> { ["PV-V001"] = 61.5, ["PV-N001"] = 210.25, ["PV-H001"] = 2.25 };
        foreach (var (id, power) in expectedPower)
        {
            await using var device = await TestDevice.ConnectAsync(_port, id);
            var result = await device.PublishAsync($"pv/{id}/telemetry", Payloads.Array([Payloads.Pv(ts, power, 1000), Payloads.Pv(ts.AddSeconds(60), power + 1, 1001)]));
            Assert.True(result.IsSuccess, $"{id}: {result.ReasonCode} {result.ReasonString}");
        }

        await using (var barn = await TestDevice.ConnectAsync(_port, "BARN-001"))
        {
            Assert.True((await barn.PublishAsync("barn/BARN-001/telemetry", Payloads.Barn(ts, 19.5, 62, 8.5))).IsSuccess);
        }

        foreach (var (id, power) in expectedPower)
        {
            var stored = await _host.Store.ReadPvAsync(id, ts, ts.AddMinutes(2), default);
            Assert.Equal([power, power + 1], stored.Select(r => r.PowerKw));
            Assert.Equal([1000.0, 1001.0], stored.Select(r => r.EnergyTotalKwh));
            Assert.Equal(ts, stored[0].Timestamp);
        }

        var barnReading = Assert.Single(await _host.Store.ReadBarnAsync("BARN-001", ts, ts.AddSeconds(1), default));
        Assert.Equal((19.5, 62.0, 8.5, PowerSource.Mains), (barnReading.TempC, barnReading.HumidityPct, barnReading.Nh3Ppm, barnReading.Power));
        Assert.All(_host.Statistics.ReadingsStoredByKind.Values, n => Assert.True(n > 0));
    }

    [Fact]
    public async Task Publish_PubAckArrives_OnlyAfterTheReadingIsStored()
    {
        await using var device = await TestDevice.ConnectAsync(_port, "PV-V002");
        for (var i = 0; i < 20; i++)
        {
            var ts = Payloads.RecentSecond(600 - i);
            var result = await device.PublishAsync("pv/PV-V002/telemetry", Payloads.Pv(ts, i, 500 + i));

            Assert.True(result.IsSuccess);
            // No waiting: the PUBACK itself is the promise that the reading is durable.
            var stored = await _host.Store.ReadPvAsync("PV-V002", ts, ts.AddMilliseconds(1), default);
            Assert.Equal(i, Assert.Single(stored).PowerKw);
        }
    }

    [Fact]
    public async Task Publish_SameReadingTwice_IsStoredOnce()
    {
        var ts = Payloads.RecentSecond(900);
        await using var device = await TestDevice.ConnectAsync(_port, "PV-V003");
        await device.PublishAsync("pv/PV-V003/telemetry", Payloads.Pv(ts, 10, 100));
        await device.PublishAsync("pv/PV-V003/telemetry", Payloads.Array([Payloads.Pv(ts, 10, 100), Payloads.Pv(ts.AddSeconds(60), 11, 101)]));

        var stored = await _host.Store.ReadPvAsync("PV-V003", ts.AddSeconds(-1), ts.AddMinutes(5), default);

        Assert.Equal([ts, ts.AddSeconds(60)], stored.Select(r => r.Timestamp));
    }

    [Fact]
    public async Task Publish_MalformedPayload_IsRefusedDeadLetteredAndDoesNotDisturbTheNext()
    {
        await using var ops = await SubscribeAsync("deadletter/#");
        await using var device = await TestDevice.ConnectAsync(_port, "PV-V004");

        var bad = await device.PublishAsync("pv/PV-V004/telemetry", "{\"ts\": 17");
        var ts = Payloads.RecentSecond(30);
        var good = await device.PublishAsync("pv/PV-V004/telemetry", Payloads.Pv(ts, 42, 4200));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, bad.ReasonCode);
        Assert.True(good.IsSuccess);
        Assert.Single(await _host.Store.ReadPvAsync("PV-V004", ts, ts.AddSeconds(1), default));
        var letter = await ops.NextAsync(Timeout);
        Assert.Equal("deadletter/MalformedJson", letter.Topic);
        using var json = JsonDocument.Parse(letter.Payload);
        Assert.Equal("PV-V004", json.RootElement.GetProperty("deviceId").GetString());
        Assert.Equal("{\"ts\": 17", json.RootElement.GetProperty("payload").GetString());
        Assert.True(_host.Statistics.ReadingsRejectedByReason["MalformedJson"] >= 1);
        Assert.Contains("MalformedJson", await File.ReadAllTextAsync(Path.Combine(_host.Folder, "deadletter.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OnAnotherDevicesTopic_IsNotAuthorizedAndNotStored()
    {
        var ts = Payloads.RecentSecond(45);
        await using var device = await TestDevice.ConnectAsync(_port, "PV-V005");

        var result = await device.PublishAsync("pv/PV-V006/telemetry", Payloads.Pv(ts, 1, 1));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Empty(await _host.Store.ReadPvAsync("PV-V006", ts, ts.AddSeconds(1), default));
    }

    [Fact]
    public async Task Connect_WithWrongPasswordOrForeignClientId_IsRefused()
    {
        var wrongPassword = await Assert.ThrowsAsync<InvalidOperationException>(() => TestDevice.ConnectAsync(_port, "PV-V007", password: "guess"));
        var foreignClientId = await Assert.ThrowsAsync<InvalidOperationException>(() => TestDevice.ConnectAsync(_port, "PV-V007", clientId: "PV-V008"));

        Assert.Contains("BadUserNameOrPassword", wrongPassword.Message, StringComparison.Ordinal);
        Assert.Contains("ClientIdentifierNotValid", foreignClientId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OnlineThenLastWill_TurnsTheDeviceOnlineThenOffline()
    {
        var device = await TestDevice.ConnectAsync(_port, "BARN-002", lastWill: true);
        await device.PublishAsync("barn/BARN-002/status", "online", retain: true);
        await device.PublishAsync("barn/BARN-002/telemetry", Payloads.Barn(Payloads.RecentSecond(5), 21, 60, 5));
        await Eventually.UntilAsync(() => _host.Live.Get("BARN-002").Online, online => online, Timeout, "BARN-002 online");

        device.Client.Dispose(); // the connection drops without DISCONNECT: the broker publishes the Last Will

        await Eventually.UntilAsync(() => _host.Live.Get("BARN-002").Online, online => !online, Timeout, "BARN-002 offline by Last Will");
    }

    private async Task<Subscriber> SubscribeAsync(string filter)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new Subscriber(client);
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("ops-" + Guid.NewGuid())
            .WithCredentials("ops", "ops-password").Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return subscriber;
    }
}
