namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>The <see cref="FaultCampaign.Winter"/> days, run once for their tests.</summary>
public sealed class WinterCampaignFixture() : CampaignFixture(FaultCampaign.Winter);
