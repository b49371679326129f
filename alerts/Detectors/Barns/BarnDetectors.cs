using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>The barn rules, composed over one barn's events; only the rules its sensors and limits support.</summary>
internal static class BarnDetectors
{
    public static IObservable<AlertSignal> Detect(Barn barn, IObservable<DeviceInput> input, AlertsOptions options, IScheduler scheduler) =>
        input.Publish(shared =>
        {
            var o = options.Barns;
            var l = BarnLimits.For(barn, o);
            var readings = shared.Where(i => i.Reading is BarnReading).Select(i => (BarnReading)i.Reading!).Publish().RefCount();
            var rules = new List<IObservable<AlertSignal>>
            {
                OfflineRule.Detect(barn, shared, options.Offline, scheduler),
                EquipmentRules.Stuck(barn, readings, o),
                EquipmentRules.Battery(barn, readings, o),
            };
            var gas = TimeSpan.FromMinutes(o.GasDurationMinutes);
            if (l.Nh3MaxPpm is { } nh3)
            {
                rules.Add(LimitRules.Gas(barn, readings, r => r.Nh3Ppm, "氨气(NH3)", nh3, o.Nh3CriticalPpm, gas, o, AlertRules.BarnNh3High));
            }

            if (l.H2sMaxPpm is { } h2s)
            {
                rules.Add(LimitRules.Gas(barn, readings, r => r.H2sPpm, "硫化氢(H2S)", h2s, o.H2sCriticalPpm, TimeSpan.FromMinutes(o.H2sDurationMinutes), o, AlertRules.BarnH2sHigh));
            }

            if (l.Co2MaxPpm is { } co2)
            {
                rules.Add(LimitRules.Gas(barn, readings, r => r.Co2Ppm, "二氧化碳(CO2)", co2, o.Co2CriticalPpm, gas, o, AlertRules.BarnCo2High));
            }

            if (l.TempMaxC is { } tMax)
            {
                rules.Add(LimitRules.TemperatureHigh(barn, readings, tMax, o));
            }

            if (l.TempMinC is { } tMin)
            {
                rules.Add(LimitRules.TemperatureLow(barn, readings, tMin, o));
            }

            if (l.HumidityMaxPct is { } rh)
            {
                rules.Add(LimitRules.Humidity(barn, readings, rh, o));
            }

            if (l.Thi != ThiFormula.None)
            {
                rules.Add(LimitRules.HeatStress(barn, readings, l, o));
            }

            if (barn.FanCount > 0)
            {
                rules.Add(EquipmentRules.Fans(barn, readings, o));
            }

            var totals = readings
                .Where(r => r.WaterL is not null && r.FeedKg is not null)
                .Select(r => new PairSample(r.Timestamp, r.WaterL!.Value, r.FeedKg!.Value))
                .RollingSums(IntakeRules.Window(o))
                .Publish()
                .RefCount();
            rules.Add(IntakeRules.Water(barn, totals, l, o));
            rules.Add(IntakeRules.Feed(barn, totals, l, o));
            return rules.Merge();
        });
}
