using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Ingest.Live;
using Telemetry.Simulators;
using Telemetry.Simulators.Faults;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// The whole service — embedded broker, ingest, SQLite, detectors, lifecycle, MQTT notifier — with the simulators
/// running a <see cref="FaultCampaign"/> fast-forwarded, and a crew client recording every alert topic from before the
/// first reading. Ready once every device has reported past the campaign's end.
/// </summary>
public abstract class CampaignFixture : IAsyncLifetime
{
    private readonly FaultCampaign _campaign;

    private protected CampaignFixture(FaultCampaign campaign)
    {
        _campaign = campaign;
    }

    internal FaultCampaign Campaign => _campaign;

    internal AlertsHost Host { get; private set; } = null!;

    internal MqttRecorder Recorder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory($"telemetry-alerts-{_campaign.Name}-").FullName;
        var port = FreePort.Next();
        Recorder = new MqttRecorder(() => port, "alerts/#");
        var injector = new ScheduledFaultInjector(_campaign.Faults);
        var settings = new Dictionary<string, string?>(_campaign.Settings)
        {
            ["Fleet:Path"] = _campaign.WriteFleet(folder),
            ["Alerts:DetectorsEnabled"] = "true",
            ["Alerts:ReplayHours"] = "0",
            ["Ingest:Validation:MaxAge"] = "3650.00:00:00", // the campaigns are fixed dates (same weather every run), so they age
            ["Simulators:Enabled"] = "true",
            ["Simulators:StartAt"] = _campaign.Start.ToString("O", CultureInfo.InvariantCulture),
            ["Simulators:Speed"] = _campaign.Speed.ToString(CultureInfo.InvariantCulture),
            ["Simulators:BackfillHours"] = "0",
            ["Simulators:CadenceSeconds"] = _campaign.CadenceSeconds.ToString(CultureInfo.InvariantCulture),
        };
        Host = await AlertsHost.StartAsync(settings, folder, port, builder =>
        {
            builder.Services.AddSingleton(injector); // the simulators' fault injector (their default is an empty one)
            builder.Services.AddHostedService(_ => Recorder); // after the broker, before the simulators
            builder.AddTelemetrySimulators();
        });

        var live = Host.Services.GetRequiredService<IFleetLiveState>();
        await Eventually.UntilAsync(
            () => live.All().Min(s => s.LastSeen ?? DateTimeOffset.MinValue),
            seen => seen >= _campaign.End,
            $"every device of the {_campaign.Name} campaign past its end",
            TimeSpan.FromMinutes(4));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Recorder.Dispose();
    }
}
