using System.Text;
using System.Text.Json.Nodes;
using Telemetry.Core.Fleet;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>The Jincheng sample fleet, with one barn's stage (a tag) set to text that line protocol must escape.</summary>
internal static class StoreFleet
{
    public const string EscapedBarn = "BARN-002";

    /// <summary>Chinese, a space, a comma, an equals sign and a double quote.</summary>
    public const string AwkwardStage = "育肥 期,a=b\"c";

    private static readonly Lazy<FleetRegistry> Registry = new(() =>
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")))!;
        foreach (var barn in json["barns"]!.AsArray())
        {
            if ((string?)barn!["id"] == EscapedBarn)
            {
                barn["stage"] = AwkwardStage;
            }
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return FleetRegistryLoader.Load(stream, "jincheng (test)");
    });

    public static FleetRegistry Fleet => Registry.Value;
}
