using Xunit.Abstractions;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>Issue #4 end to end over three winter days: heating failure, and string loss and soiling judged daily against the village's peers.</summary>
public sealed class WinterFaultsReachTheCrewTests(WinterCampaignFixture campaign, ITestOutputHelper output) : IClassFixture<WinterCampaignFixture>
{
    public static TheoryData<string> FaultTypes => [.. FaultCampaign.Winter.Faults.Select(f => f.Type)];

    [Theory]
    [MemberData(nameof(FaultTypes))]
    public async Task InjectedFault_ReachesTheCrewsTopic_AndIsRemovedWhenTheFaultEnds(string type) =>
        output.WriteLine(await CrewTopicAssertions.ReachedTheCrewAndClearedAsync(campaign, type));
}
