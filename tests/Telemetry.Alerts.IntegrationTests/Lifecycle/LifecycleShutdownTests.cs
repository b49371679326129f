using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.IntegrationTests.Support;
using Telemetry.Alerts.Lifecycle;

namespace Telemetry.Alerts.IntegrationTests.Lifecycle;

/// <summary>
/// At shutdown the host stops the lifecycle while it may also be disposed or stopped again; each source's subscription must
/// end exactly once and no stop may fail ("Collection was modified" in <c>AlertLifecycle.StopAsync</c>, seen once in CI).
/// </summary>
public sealed class LifecycleShutdownTests
{
    [Fact]
    public async Task Stop_AnotherStopArrivesWhileUnsubscribing_EachSubscriptionEndsOnceAndNeitherStopFails()
    {
        var source = new StopDuringUnsubscribe();
        await using var host = await AlertsHost.StartAsync(configure: b => b.Services.AddSingleton<IAlertSignalSource>(source));
        var lifecycle = host.Services.GetRequiredService<AlertLifecycle>();
        var inner = 0;
        source.OnUnsubscribe = () =>
        {
            inner++;
            lifecycle.StopAsync(CancellationToken.None).GetAwaiter().GetResult(); // re-entrant: the list is being walked
        };

        await lifecycle.StopAsync(CancellationToken.None);
        lifecycle.Dispose();

        Assert.Equal((1, 1), (source.Unsubscribed, inner));
    }
}
