using System.Text.Json.Nodes;
using Telemetry.Simulators.Faults;

namespace Telemetry.Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// Simulated days for a few stations and barns of the Jincheng fleet in several crews' areas, each with faults
/// injected in known windows (China time), run fast-forwarded through the whole service.
/// </summary>
internal sealed record FaultCampaign(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<ScheduledFault> Faults,
    double Speed,
    int CadenceSeconds,
    IReadOnlyDictionary<string, string?> Settings,
    string? CommsLossDevice = null)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset July15 = new(2026, 7, 15, 0, 0, 0, China);
    private static readonly DateTimeOffset January13 = new(2026, 1, 13, 0, 0, 0, China);

    /// <summary>One summer day (2026-07-15) with sixteen fault types, and a station whose connection the test cuts.</summary>
    public static FaultCampaign Summer { get; } = new(
        "summer",
        new DateTimeOffset(2026, 7, 15, 5, 0, 0, China),
        new DateTimeOffset(2026, 7, 15, 19, 0, 0, China),
        [
            Fault("PV-V011", FaultTypes.InverterTrip, July15, 10, 12), // crew-zezhou-south
            Fault("PV-V012", FaultTypes.InsulationFault, July15, 10, 12), // crew-zezhou-south
            Fault("PV-V006", FaultTypes.GridOvervoltage, July15, 10, 12), // crew-zezhou-north
            Fault("PV-V007", FaultTypes.GridFrequency, July15, 10, 11.5), // crew-zezhou-north
            Fault("PV-V008", FaultTypes.OverTemperature, July15, 10, 12.5), // crew-zezhou-north
            Fault("PV-V028", FaultTypes.MeterFrozen, July15, 10, 12), // crew-lingchuan
            Fault("PV-V029", FaultTypes.MeterBackwards, July15, 9, 10), // crew-lingchuan
            Fault("BARN-006", FaultTypes.Nh3Buildup, July15, 6, 8), // pigs, crew-zezhou-south
            Fault("BARN-006", FaultTypes.FanFailure, July15, 10, 12),
            Fault("BARN-006", FaultTypes.WaterLine, July15, 14, 16),
            Fault("BARN-004", FaultTypes.H2sRelease, July15, 6, 7.5), // broilers, crew-zezhou-north
            Fault("BARN-004", FaultTypes.Co2Ventilation, July15, 10, 12),
            Fault("BARN-004", FaultTypes.FeedJam, July15, 14, 16),
            Fault("BARN-011", FaultTypes.SensorStuck, July15, 6, 10), // cattle, crew-lingchuan
            Fault("BARN-011", FaultTypes.HeatStress, July15, 12, 15),
            Fault("BARN-001", FaultTypes.OnBattery, July15, 6, 8), // pigs, crew-gaoping
        ],
        Speed: 3_000,
        CadenceSeconds: 60,
        Settings: new Dictionary<string, string?> { ["Alerts:Offline:LastWillGraceMinutes"] = "0" },
        CommsLossDevice: "PV-V009"); // crew-zezhou-north

    /// <summary>
    /// Three winter days (2026-01-13 to 16): heating fails in a pig barn one night; two of the four stations of one
    /// village lose half their strings or are soiled for the second day, judged against their village peers after midnight (one
    /// judged day is enough here: the campaign tests delivery, not the detectors' day counts).
    /// </summary>
    public static FaultCampaign Winter { get; } = new(
        "winter",
        new DateTimeOffset(2026, 1, 13, 5, 0, 0, China),
        new DateTimeOffset(2026, 1, 16, 3, 0, 0, China),
        [
            Fault("PV-H007", FaultTypes.StringLoss, January13, 24, 48), // village 巴公镇 02, crew-zezhou-north
            Fault("PV-H008", FaultTypes.Soiling, January13, 24, 48),
            Fault("BARN-006", FaultTypes.Cold, January13, 24 + 2, 24 + 6), // pigs, crew-zezhou-south
        ],
        Speed: 12_000,
        CadenceSeconds: 300,
        Settings: new Dictionary<string, string?>
        {
            ["Alerts:Pv:Underperformance:MajorDays"] = "1",
            ["Alerts:Pv:Underperformance:MinorDays"] = "1",
        },
        CommsLossDevice: null)
    {
        ExtraDevices = ["PV-V007", "PV-H009"], // the village peers
    };

    /// <summary>Devices simulated without a fault (peers, the comms-loss station).</summary>
    public IReadOnlyList<string> ExtraDevices { get; init; } = [];

    /// <summary>Writes the Jincheng fleet reduced to the campaign's devices.</summary>
    public string WriteFleet(string folder)
    {
        var fleet = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")))!.AsObject();
        var devices = Faults.Select(f => f.DeviceId).Concat(ExtraDevices).Append(CommsLossDevice ?? "").ToHashSet(StringComparer.Ordinal);
        fleet["stations"] = new JsonArray([.. fleet["stations"]!.AsArray().Where(s => devices.Contains((string)s!["id"]!)).Select(s => s!.DeepClone())]);
        fleet["barns"] = new JsonArray([.. fleet["barns"]!.AsArray().Where(b => devices.Contains((string)b!["id"]!)).Select(b => b!.DeepClone())]);
        var path = Path.Combine(folder, $"{Name}.fleet.json");
        File.WriteAllText(path, fleet.ToJsonString());
        return path;
    }

    public override string ToString() => Name;

    /// <summary>A fault from <paramref name="fromHour"/> to <paramref name="toHour"/> hours after <paramref name="midnight"/>.</summary>
    private static ScheduledFault Fault(string device, string type, DateTimeOffset midnight, double fromHour, double toHour) =>
        new(device, type, midnight.AddHours(fromHour), midnight.AddHours(toHour));
}
