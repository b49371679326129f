using CsCheck;
using Telemetry.Alerts.Notifiers;

namespace Telemetry.Alerts.IntegrationTests.Notifiers;

public sealed class DeliveryBackoffTests
{
    private static readonly WebhookOptions Options = new() { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(5) };

    [Fact]
    public void After_AnyAttemptAndJitter_IsTheDoubledWaitCappedWithinTwentyPercent() =>
        Gen.Select(Gen.Int[1, 1_000], Gen.Double[0, 0.999_999]).Sample((attempts, random) =>
        {
            var expected = Math.Min(2.0 * Math.Pow(2, Math.Min(attempts - 1, 30)), 300.0);
            var wait = DeliveryBackoff.After(attempts, Options, random).TotalSeconds;
            Assert.InRange(wait, expected * 0.8 - 1e-6, expected * 1.2);
        });

    [Fact]
    public void After_SameJitter_NeverShrinksAsAttemptsGrow() =>
        Gen.Select(Gen.Int[1, 100], Gen.Double[0, 0.999_999]).Sample((attempts, random) =>
            Assert.True(DeliveryBackoff.After(attempts + 1, Options, random) >= DeliveryBackoff.After(attempts, Options, random)));
}
