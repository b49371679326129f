using System.Text.Json.Nodes;
using Telemetry.Simulators.Faults;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// One simulated summer day (2026-07-15, China time) for a few stations and barns of the Jincheng fleet in four crews'
/// areas, each with faults injected in known windows, and a fleet file with just those devices.
/// </summary>
internal static class FaultCampaign
{
    public static readonly DateTimeOffset Start = new(2026, 7, 15, 5, 0, 0, TimeSpan.FromHours(8));

    private static readonly DateTimeOffset Midnight = new(2026, 7, 15, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Simulated time by which every fault has ended and had time to clear.</summary>
    public static readonly DateTimeOffset End = new(2026, 7, 15, 19, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A station whose connection the test cuts (comms loss acts on the transport, not on the measurements).</summary>
    public const string CommsLossDevice = "PV-V009"; // crew-zezhou-north

    public static IReadOnlyList<ScheduledFault> Faults { get; } =
    [
        Fault("PV-V011", FaultTypes.InverterTrip, 10, 12), // crew-zezhou-south
        Fault("PV-V012", FaultTypes.InsulationFault, 10, 12), // crew-zezhou-south
        Fault("PV-V006", FaultTypes.GridOvervoltage, 10, 12), // crew-zezhou-north
        Fault("PV-V007", FaultTypes.GridFrequency, 10, 11.5), // crew-zezhou-north
        Fault("PV-V008", FaultTypes.OverTemperature, 10, 12.5), // crew-zezhou-north
        Fault("PV-V028", FaultTypes.MeterFrozen, 10, 12), // crew-lingchuan
        Fault("PV-V029", FaultTypes.MeterBackwards, 9, 10), // crew-lingchuan
        Fault("BARN-006", FaultTypes.Nh3Buildup, 6, 8), // pigs, crew-zezhou-south
        Fault("BARN-006", FaultTypes.FanFailure, 10, 12),
        Fault("BARN-006", FaultTypes.WaterLine, 14, 16),
        Fault("BARN-004", FaultTypes.H2sRelease, 6, 7.5), // broilers, crew-zezhou-north
        Fault("BARN-004", FaultTypes.Co2Ventilation, 10, 12),
        Fault("BARN-004", FaultTypes.FeedJam, 14, 16),
        Fault("BARN-011", FaultTypes.SensorStuck, 6, 10), // cattle, crew-lingchuan
        Fault("BARN-011", FaultTypes.HeatStress, 12, 15),
        Fault("BARN-001", FaultTypes.OnBattery, 6, 8), // pigs, crew-gaoping
    ];

    /// <summary>Writes the Jincheng fleet reduced to the campaign's devices.</summary>
    public static string WriteFleet(string folder)
    {
        var fleet = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")))!.AsObject();
        var devices = Faults.Select(f => f.DeviceId).Append(CommsLossDevice).ToHashSet(StringComparer.Ordinal);
        var stations = fleet["stations"]!.AsArray().Where(s => devices.Contains((string)s!["id"]!)).Select(s => s!.DeepClone()).ToArray();
        var barns = fleet["barns"]!.AsArray().Where(b => devices.Contains((string)b!["id"]!)).Select(b => b!.DeepClone()).ToArray();
        fleet["stations"] = new JsonArray(stations);
        fleet["barns"] = new JsonArray(barns);
        var path = Path.Combine(folder, "campaign.fleet.json");
        File.WriteAllText(path, fleet.ToJsonString());
        return path;
    }

    private static ScheduledFault Fault(string device, string type, double fromHour, double toHour) =>
        new(device, type, Midnight.AddHours(fromHour), Midnight.AddHours(toHour));
}
