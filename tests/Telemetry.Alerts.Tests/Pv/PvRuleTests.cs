using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Solar;

namespace Telemetry.Alerts.Tests.Pv;

public sealed class PvRuleTests
{
    private static readonly Station Station = TestFleet.Station("PV-1");

    [Fact]
    public void Zero_output_in_daylight_raises_critical_after_the_duration_and_clears_when_it_produces_again()
    {
        var readings = Read.Every(Read.Noon, 90, (t, i) => Read.Pv(Station, t, powerKw: i is >= 10 and < 60 ? 0 : 60));

        var zero = Pipeline.Run(readings).Of(AlertRules.PvZeroOutput);

        Assert.Equal([true, false], zero.Select(s => s.Active));
        Assert.Equal(AlertSeverity.Critical, zero[0].Severity);
        Assert.Equal(Read.Noon.AddMinutes(30), zero[0].At);
        Assert.Equal(Read.Noon.AddMinutes(70), zero[1].At);
        Assert.Contains("白天无发电", zero[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_output_at_night_or_at_dawn_does_not_raise()
    {
        var night = Read.Every(Read.Day, 5 * 60 + 30, (t, _) => Read.Pv(Station, t, powerKw: 0)); // 00:00–05:30 local, sunrise ≈ 05:15

        Assert.Empty(Pipeline.Run(night));
    }

    [Fact]
    public void Zero_output_with_a_fault_code_is_the_fault_rule_alone()
    {
        var readings = Read.Every(Read.Noon, 60, (t, _) => Read.Pv(Station, t, powerKw: 0, faults: [2062], state: InverterState.Fault));

        var output = Pipeline.Run(readings);

        var fault = Assert.Single(output).Value;
        Assert.Equal(AlertRules.PvInverterFault, fault.Rule);
        Assert.Equal(Read.Noon, fault.At);
        Assert.Contains("2062 绝缘阻抗低", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inverter_fault_clears_after_the_code_stayed_away()
    {
        var readings = Read.Every(Read.Noon, 120, (t, i) => Read.Pv(Station, t, faults: i < 10 ? [2064] : null));

        var fault = Pipeline.Run(readings).Of(AlertRules.PvInverterFault);

        Assert.Equal([true, false], fault.Select(s => s.Active));
        Assert.Equal(AlertSeverity.Critical, fault[0].Severity);
        Assert.Equal(Read.Noon.AddMinutes(40), fault[1].At);
    }

    [Fact]
    public void Recurring_grid_overvoltage_trips_are_one_alert()
    {
        // Trips with code 2034 for 5 minutes out of every 15, voltage high throughout, for two hours; then normal.
        var readings = Read.Every(Read.Noon, 240, (t, i) => i < 120
            ? Read.Pv(Station, t, powerKw: i % 15 < 5 ? 0 : 60, energyKwh: 10_000 + i, acVoltage: 248, faults: i % 15 < 5 ? [2034] : null)
            : Read.Pv(Station, t, energyKwh: 10_000 + i));

        var output = Pipeline.Run(readings);

        Assert.Equal([(AlertRules.PvGridVoltage, true), (AlertRules.PvGridVoltage, false)], output.Select(o => (o.Value.Rule, o.Value.Active)));
        Assert.Equal(Read.Noon.AddMinutes(5), output[0].Value.At);
        Assert.Equal(Read.Noon.AddMinutes(120 + 45), output[1].Value.At);
    }

    [Fact]
    public void Grid_frequency_out_of_band_raises_after_the_duration()
    {
        var readings = Read.Every(Read.Noon, 30, (t, i) => Read.Pv(Station, t, frequency: i >= 10 ? 49.3 : 50));

        var frequency = Assert.Single(Pipeline.Run(readings)).Value;

        Assert.Equal(AlertRules.PvGridFrequency, frequency.Rule);
        Assert.Equal(Read.Noon.AddMinutes(15), frequency.At);
    }

    [Fact]
    public void Inverter_temperature_escalates_from_major_to_critical()
    {
        var readings = Read.Every(Read.Noon, 60, (t, i) => Read.Pv(Station, t, inverterTemp: i < 10 ? 50 : i < 30 ? 78 : 88));

        var temperature = Pipeline.Run(readings).Of(AlertRules.PvOverTemperature);

        Assert.Equal([AlertSeverity.Major, AlertSeverity.Critical], temperature.Select(s => s.Severity));
        Assert.All(temperature, s => Assert.True(s.Active));
    }

    [Fact]
    public void Meter_going_backwards_raises_at_once()
    {
        var readings = Read.Every(Read.Noon, 30, (t, i) => Read.Pv(Station, t, energyKwh: i < 15 ? 10_000 + i : i - 15));

        var meter = Assert.Single(Pipeline.Run(readings)).Value;

        Assert.Equal(AlertRules.PvMeterBackwards, meter.Rule);
        Assert.Equal(Read.Noon.AddMinutes(15), meter.At);
    }

    [Fact]
    public void A_meter_swap_recorded_in_the_registry_is_bridged_not_alerted()
    {
        var swapped = new Station
        {
            Id = Station.Id,
            Name = Station.Name,
            Village = Station.Village,
            Latitude = Station.Latitude,
            Longitude = Station.Longitude,
            CadenceSeconds = 60,
            CredentialHash = Station.CredentialHash,
            Class = Station.Class,
            CapacityKwp = Station.CapacityKwp,
            AcRatingKw = Station.AcRatingKw,
            TiltDegrees = 30,
            AzimuthDegrees = 180,
            Commissioned = Station.Commissioned,
            Tariff = Station.Tariff,
            Owners = Station.Owners,
            OwnerHousehold = null,
            HasIrradianceSensor = false,
            MeterReplacements = [new MeterReplacement(Read.Noon.AddMinutes(15), 10_014.5m, 0m, "工单 42")],
        };
        var readings = Read.Every(Read.Noon, 30, (t, i) => Read.Pv(swapped, t, energyKwh: i < 15 ? 10_000 + i : i - 15));

        Assert.Empty(Pipeline.Run(readings));
    }

    [Fact]
    public void Frozen_meter_while_power_flows_raises_after_half_an_hour()
    {
        var readings = Read.Every(Read.Noon, 60, (t, i) => Read.Pv(Station, t, powerKw: 60, energyKwh: 10_000 + Math.Min(i, 5)));

        var meter = Assert.Single(Pipeline.Run(readings)).Value;

        Assert.Equal(AlertRules.PvMeterFrozen, meter.Rule);
        Assert.Equal(Read.Noon.AddMinutes(35), meter.At);
    }

    [Fact]
    public void A_whole_overcast_day_raises_nothing()
    {
        // Overcast: a quarter of the clear-sky output all day, the meter integrating it.
        var energy = 10_000.0;
        var readings = Read.Every(Read.Day, 24 * 60, (t, _) =>
        {
            var p = 0.25 * PvOutputModel.Jincheng.ClearSkyPowerKw(Station, t);
            energy += p / 60;
            return Read.Pv(Station, t, powerKw: p, energyKwh: Math.Round(energy, 2), state: p > 0 ? InverterState.Running : InverterState.Standby);
        });

        Assert.Empty(Pipeline.Run(readings));
    }
}
