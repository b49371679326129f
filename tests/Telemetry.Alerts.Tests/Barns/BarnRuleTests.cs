using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Tests.Barns;

public sealed class BarnRuleTests
{
    private static readonly Telemetry.Core.Fleet.Barn Pig = TestFleet.Barn("PIG");
    private static readonly DateTimeOffset T0 = Read.Day.AddHours(9);

    [Fact]
    public void Ammonia_above_the_species_limit_raises_after_the_duration_escalates_and_clears_with_hysteresis()
    {
        // pig limit 20 ppm: 10 min at 25 (too short), back to 10, 30 min at 25, 30 min at 40, 30 min at 18 (band), then 5.
        var readings = Read.Every(T0, 200, (t, i) => Read.Barn(Pig, t, nh3: i switch
        {
            < 10 => 25,
            < 20 => 10,
            < 50 => 25,
            < 80 => 40,
            < 110 => 18,
            _ => 5,
        }));

        var nh3 = Pipeline.Run(readings).Of(AlertRules.BarnNh3High);

        Assert.Equal([(true, AlertSeverity.Major), (true, AlertSeverity.Critical), (false, AlertSeverity.Critical)], nh3.Select(s => (s.Active, s.Severity)));
        Assert.Equal([35, 65, 125], nh3.Select(s => (int)(s.At - T0).TotalMinutes));
    }

    [Fact]
    public void A_barn_override_in_the_registry_replaces_the_species_limit()
    {
        var strict = TestFleet.Barn("PIG-STRICT");
        var readings = Read.Every(T0, 60, (t, _) => Read.Barn(strict, t, nh3: 14)).Concat(Read.Every(T0, 60, (t, _) => Read.Barn(Pig, t, nh3: 14)));

        var nh3 = Pipeline.Run(readings).Of(AlertRules.BarnNh3High);

        Assert.Equal("PIG-STRICT", Assert.Single(nh3).DeviceId);
        Assert.Contains("限值 10.0 ppm", nh3[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hydrogen_sulphide_and_carbon_dioxide_have_their_own_rules()
    {
        var readings = Read.Every(T0, 60, (t, i) => Read.Barn(Pig, t, h2s: i >= 10 ? 12 : 0.5, co2: i >= 20 ? 3_500 : 1_000));

        var output = Pipeline.Run(readings);

        Assert.Equal(T0.AddMinutes(15), output.Of(AlertRules.BarnH2sHigh).Single().At);
        Assert.Equal(T0.AddMinutes(35), output.Of(AlertRules.BarnCo2High).Single().At);
    }

    [Fact]
    public void Temperature_high_and_low_use_the_species_band()
    {
        var hot = Read.Every(T0, 60, (t, i) => Read.Barn(Pig, t, temp: i >= 5 ? 29.5 : 24));
        var cold = Read.Every(T0, 60, (t, i) => Read.Barn(Pig, t, temp: i >= 5 ? 12 : 18));

        Assert.Equal(T0.AddMinutes(25), Pipeline.Run(hot).Of(AlertRules.BarnTemperatureHigh).Single().At);
        Assert.Equal(T0.AddMinutes(25), Pipeline.Run(cold).Of(AlertRules.BarnTemperatureLow).Single().At);
    }

    [Fact]
    public void Cattle_heat_stress_follows_the_livestock_weather_safety_index_bands()
    {
        var cow = TestFleet.Barn("COW");

        // THI = 0.8·T + RH·(T − 14.4) + 46.4: 26 °C/70 % ≈ 75.3 (Alert), 29 °C/60 % ≈ 78.4, 31 °C/70 % ≈ 82.8 (Danger).
        var readings = Read.Every(T0, 180, (t, i) => Read.Barn(cow, t, temp: i < 60 ? 26 : i < 120 ? 29 : 31, rh: i < 60 ? 70 : i < 120 ? 60 : 70));

        var thi = Pipeline.Run(readings).Of(AlertRules.BarnHeatStress);

        Assert.Equal([AlertSeverity.Minor, AlertSeverity.Major], thi.Select(s => s.Severity));
        Assert.Equal([30, 150], thi.Select(s => (int)(s.At - T0).TotalMinutes));
    }

    [Fact]
    public void Sheep_heat_stress_starts_at_the_extreme_severe_band()
    {
        var sheep = TestFleet.Barn("SHEEP");

        // Sheep THI = T − (0.31 − 0.31·RH)·(T − 14.4): 27 °C/55 % ≈ 25.2 (severe, no alert), 29 °C/60 % ≈ 27.2 (Major).
        var readings = Read.Every(T0, 120, (t, i) => Read.Barn(sheep, t, temp: i < 60 ? 27 : 29, rh: i < 60 ? 55 : 60));

        var thi = Assert.Single(Pipeline.Run(readings).Of(AlertRules.BarnHeatStress));

        Assert.Equal((AlertSeverity.Major, T0.AddMinutes(90)), (thi.Severity, thi.At));
    }

    [Fact]
    public void Humidity_above_the_limit_for_an_hour_is_minor()
    {
        var readings = Read.Every(T0, 120, (t, i) => Read.Barn(Pig, t, rh: i >= 30 ? 85 : 70));

        var rh = Assert.Single(Pipeline.Run(readings).Of(AlertRules.BarnHumidityHigh));

        Assert.Equal((AlertSeverity.Minor, T0.AddMinutes(90)), (rh.Severity, rh.At));
    }

    [Fact]
    public void A_Last_Will_through_the_pipeline_raises_barn_offline_after_the_grace_and_a_reading_clears_it()
    {
        var readings = Read.Every(T0, 3, (t, _) => Read.Barn(Pig, t)).Concat([Read.Barn(Pig, T0.AddMinutes(20))]);
        var will = new Telemetry.Ingest.Live.DeviceStatusChange(Pig, false, T0.AddMinutes(3));

        var offline = Pipeline.Run(readings, status: [will]).Of(AlertRules.BarnOffline);

        Assert.Equal([(true, AlertSeverity.Critical), (false, AlertSeverity.Critical)], offline.Select(s => (s.Active, s.Severity)));
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(20)], offline.Select(s => s.At));
    }

    [Fact]
    public void A_hot_afternoon_within_the_limits_raises_nothing()
    {
        var cow = TestFleet.Barn("COW");
        var readings = Read.Every(T0, 8 * 60, (t, i) => Read.Barn(cow, t, temp: 22 + (3 * Math.Sin(i / 150.0)), rh: 65 - (5 * Math.Sin(i / 150.0)), nh3: 6 + Math.Sin(i / 40.0), co2: 1_200 + (100 * Math.Sin(i / 30.0))));

        Assert.Empty(Pipeline.Run(readings));
    }

    [Fact]
    public void A_fan_standing_still_while_its_stage_is_on_is_a_fan_failure()
    {
        var readings = Read.Every(T0, 60, (t, i) => Read.Barn(Pig, t, fanStage: i < 40 ? 2 : 0, rpm: i >= 10 ? [300, 0, 298, 302] : null));

        var fan = Pipeline.Run(readings).Of(AlertRules.BarnFanFailure);

        Assert.Equal(T0.AddMinutes(15), Assert.Single(fan).At); // stage 0 from minute 40 is a hold, not a clear
        Assert.Contains("1/4", fan[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_temperature_that_repeats_for_three_hours_is_a_stuck_sensor()
    {
        var readings = Read.Every(T0, 300, (t, i) => Read.Barn(Pig, t, temp: i < 60 ? 20 + (0.1 * (i % 7)) : 21.3, rh: 60 + (0.1 * (i % 9)), nh3: 5 + (0.1 * (i % 5)), co2: 1_000 + (i % 11)));

        var stuck = Pipeline.Run(readings).Of(AlertRules.BarnSensorStuck);

        Assert.Equal(T0.AddMinutes(60 + 180), Assert.Single(stuck).At);
        Assert.Contains("t_c", stuck[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_on_battery_is_minor_then_major_and_clears_on_mains()
    {
        var readings = Read.Every(T0, 150, (t, i) => Read.Barn(Pig, t, power: i is >= 10 and < 100 ? PowerSource.Battery : PowerSource.Mains));

        var battery = Pipeline.Run(readings).Of(AlertRules.BarnOnBattery);

        Assert.Equal([(true, AlertSeverity.Minor), (true, AlertSeverity.Major), (false, AlertSeverity.Major)], battery.Select(s => (s.Active, s.Severity)));
        Assert.Equal([12, 72, 102], battery.Select(s => (int)(s.At - T0).TotalMinutes));
    }

    [Fact]
    public void A_dry_water_line_while_the_animals_eat_is_a_water_anomaly_and_a_jammed_feeder_a_feed_anomaly()
    {
        var dry = Read.Every(T0, 180, (t, i) => Read.Barn(Pig, t, water: i >= 60 ? 0 : 10, feed: 3.3));
        var jam = Read.Every(T0, 180, (t, i) => Read.Barn(Pig, t, water: 10, feed: i >= 60 ? 0 : 3.3));

        var water = Assert.Single(Pipeline.Run(dry)).Value;
        var feed = Assert.Single(Pipeline.Run(jam)).Value;

        Assert.Equal(AlertRules.BarnWaterAnomaly, water.Rule);
        Assert.InRange((water.At - T0).TotalMinutes, 100, 120); // the hour's ratio falls below 30 % after ~42 dry minutes, then 10 min
        Assert.Equal(AlertRules.BarnFeedAnomaly, feed.Rule);
    }

    [Fact]
    public void A_backlog_replayed_after_an_outage_is_judged_as_it_happened()
    {
        // NH3 at 30 ppm from 09:00 device time, delivered in one burst at 11:00 (a logger flushing its buffer).
        var arrival = T0.AddHours(2);
        var backlog = Read.Every(T0, 120, (t, _) => (arrival, (Reading)Read.Barn(Pig, t, nh3: 30)));

        var output = Pipeline.Run([], late: backlog, until: arrival.AddMinutes(1));

        var nh3 = Assert.Single(output, o => o.Value.Rule == AlertRules.BarnNh3High);
        Assert.Equal(T0.AddMinutes(15), nh3.Value.At);
        Assert.Equal(arrival, nh3.At);
    }
}
