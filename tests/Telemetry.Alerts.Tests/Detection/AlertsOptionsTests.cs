using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Detection;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Tests.Support;

namespace Telemetry.Alerts.Tests.Detection;

public sealed class AlertsOptionsTests
{
    private static AlertsOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddAlertDetectors();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<AlertsOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_valid_and_overriding_one_species_value_keeps_the_others()
    {
        var options = Bind(("Alerts:Barns:Limits:pig:Nh3MaxPpm", "25"));

        var pig = options.Barns.Limits["pig"];
        Assert.Equal(25, pig.Nh3MaxPpm);
        Assert.Equal(28, pig.TempMaxC);
        Assert.Equal(75, options.Barns.Limits["cattle"].ThiAlert);
    }

    [Fact]
    public void A_new_stage_key_applies_to_barns_of_that_stage()
    {
        var options = Bind(("Alerts:Barns:Limits:pig.grower:TempMaxC", "26"));
        var limits = BarnLimits.For(TestFleet.Barn("PIG"), options.Barns);

        Assert.Equal("pig.grower", limits.Source);
        Assert.Equal(26, limits.TempMaxC);
    }

    [Theory]
    [InlineData("Alerts:Offline:SilenceCadences", "0", "SilenceCadences")]
    [InlineData("Alerts:Pv:Underperformance:MajorRatio", "0.9", "Alerts:Pv:Underperformance")]
    [InlineData("Alerts:Barns:Limits:goat:Nh3MaxPpm", "5", "Alerts:Barns:Limits:goat")]
    [InlineData("Alerts:Barns:Limits:pig:Nh3MaxPpm", "-1", "Alerts:Barns:Limits:pig")]
    public void A_bad_setting_fails_with_a_message_that_names_it(string key, string value, string named)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
