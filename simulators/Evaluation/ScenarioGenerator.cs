using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Simulators.Faults;

namespace Telemetry.Simulators.Evaluation;

/// <summary>
/// Draws a labelled fault schedule for a campaign: about a quarter of the stations get a multi-day underperformance
/// (at most one per village, so its peers stay healthy), most others a few short faults on separate days, a quarter of
/// the stations nothing; barns get one fault a day, cycling through the types that apply to them. Day one is a warm-up without faults. Deterministic
/// for a seed.
/// </summary>
internal static class ScenarioGenerator
{
    private static readonly string[] PvShort =
    [
        FaultTypes.InverterTrip, FaultTypes.InsulationFault, FaultTypes.GridOvervoltage, FaultTypes.GridFrequency,
        FaultTypes.OverTemperature, FaultTypes.CommsLoss, FaultTypes.MeterBackwards, FaultTypes.MeterFrozen,
    ];

    public static List<ScheduledFault> Generate(FleetRegistry fleet, EvaluationCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(campaign);
#pragma warning disable CA5394 // Reproducible test scenarios, not security.
        var rng = new Random((campaign.Seed * 7919) + campaign.FirstDay.DayNumber);
        var faults = new List<ScheduledFault>();
        var end = ChinaTime.StartOfDay(campaign.FirstDay.AddDays(campaign.Days));
        var degradedVillages = new HashSet<Village>();
        var multiDay = 0;
        foreach (var station in fleet.Stations.OrderBy(_ => rng.Next()))
        {
            var roll = rng.NextDouble();
            if (roll < 0.3 && degradedVillages.Add(station.Village))
            {
                var type = multiDay++ % 2 == 0 ? FaultTypes.StringLoss : FaultTypes.Soiling;
                faults.Add(new ScheduledFault(station.Id, type, ChinaTime.StartOfDay(campaign.FirstDay.AddDays(1)), end));
            }
            else if (roll < 0.55)
            {
                continue; // healthy all along
            }
            else
            {
                Sequence(station, PvShort, 1 + rng.Next(3), campaign, rng, faults);
            }
        }

        foreach (var barn in fleet.Barns)
        {
            var types = FaultCatalog.All
                .Where(s => !s.MultiDay && s.AppliesTo(barn) && (s.Summer is null || s.Summer == campaign.Summer))
                .Select(s => s.Type)
                .ToArray();
            Sequence(barn, types, campaign.Days - 1, campaign, rng, faults);
        }
#pragma warning restore CA5394

        return faults;
    }

    /// <summary>Places <paramref name="count"/> short faults on distinct days after the warm-up day.</summary>
    private static void Sequence(Device device, string[] types, int count, EvaluationCampaign campaign, Random rng, List<ScheduledFault> faults)
    {
#pragma warning disable CA5394 // Reproducible test scenarios, not security.
        var days = Enumerable.Range(1, campaign.Days - 1).OrderBy(_ => rng.Next()).Take(count).ToList();
        var order = types.OrderBy(_ => rng.Next()).ToArray(); // every applicable type before any repeats
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var spec = FaultCatalog.For(order[i % order.Length]);
            var hour = spec.StartHour.Min + (rng.NextDouble() * (spec.StartHour.Max - spec.StartHour.Min));
            var minutes = spec.DurationMinutes.Min + (rng.NextDouble() * (spec.DurationMinutes.Max - spec.DurationMinutes.Min));
            var start = ChinaTime.StartOfDay(campaign.FirstDay.AddDays(day)) + TimeSpan.FromMinutes(Math.Round(hour * 60));
            var fault = new ScheduledFault(device.Id, spec.Type, start, start + TimeSpan.FromMinutes(Math.Round(minutes)),
                Magnitude: spec.Type == FaultTypes.GridFrequency && rng.Next(2) == 0 ? -1 : 0,
                LastWill: rng.Next(2) == 0,
                Buffered: rng.Next(2) == 0);
            faults.Add(fault);
        }
#pragma warning restore CA5394
    }
}
