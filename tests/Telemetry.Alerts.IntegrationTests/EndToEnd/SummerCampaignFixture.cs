namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>The <see cref="FaultCampaign.Summer"/> day, run once for its tests.</summary>
public sealed class SummerCampaignFixture() : CampaignFixture(FaultCampaign.Summer);
