using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Ingest.Live;
using Telemetry.Simulators;
using Telemetry.Simulators.Faults;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// The whole service — embedded broker, ingest, SQLite, detectors, lifecycle, MQTT notifier — with the simulators
/// running the <see cref="FaultCampaign"/> day fast-forwarded (one simulated hour per real second or so) and a crew
/// client recording every alert topic from before the first reading.
/// </summary>
public sealed class FaultCampaignFixture : IAsyncLifetime
{
    private const double Speed = 3_000;

    internal AlertsHost Host { get; private set; } = null!;

    internal MqttRecorder Recorder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("telemetry-alerts-e2e-").FullName;
        var port = FreePort.Next();
        Recorder = new MqttRecorder(() => port, "alerts/#");
        var injector = new ScheduledFaultInjector(FaultCampaign.Faults);
        Host = await AlertsHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Fleet:Path"] = FaultCampaign.WriteFleet(folder),
                ["Alerts:DetectorsEnabled"] = "true",
                ["Alerts:ReplayHours"] = "0",
                ["Alerts:Offline:LastWillGraceMinutes"] = "0",
                ["Simulators:Enabled"] = "true",
                ["Simulators:StartAt"] = FaultCampaign.Start.ToString("O", CultureInfo.InvariantCulture),
                ["Simulators:Speed"] = Speed.ToString(CultureInfo.InvariantCulture),
                ["Simulators:BackfillHours"] = "0",
                ["Simulators:CadenceSeconds"] = "60",
            },
            folder,
            port,
            builder =>
            {
                builder.Services.AddSingleton<IFaultInjector>(injector);
                builder.Services.AddHostedService(_ => Recorder); // after the broker, before the simulators
                builder.AddTelemetrySimulators();
            });

        // Every device has reported past the end of the campaign day.
        var live = Host.Services.GetRequiredService<IFleetLiveState>();
        await Eventually.UntilAsync(
            () => live.All().Min(s => s.LastSeen ?? DateTimeOffset.MinValue),
            seen => seen >= FaultCampaign.End,
            "every simulated device past the campaign's end",
            TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Recorder.Dispose();
    }
}
