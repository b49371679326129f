using System.Reflection;
using System.Text.RegularExpressions;
using Telemetry.Ingest.Broker;
using YamlDotNet.RepresentationModel;

namespace Telemetry.Deployment.Tests;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine), so it is checked by parsing: every service it names exists,
/// every image tag is pinned in .env, and every environment variable is a configuration key the code really reads.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "deploy");
    private static readonly YamlMappingNode Root = Load();
    private static readonly Dictionary<string, string> Env = File.ReadAllLines(Path.Combine(Folder, ".env"))
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
        .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());

    private static YamlMappingNode Services => (YamlMappingNode)Root["services"];

    [Fact]
    public void Compose_HasTheBrokerTheDatabaseTheServiceAndTheSimulators()
    {
        var names = Services.Children.Keys.Select(k => k.ToString()).ToHashSet();

        Assert.Superset(new HashSet<string> { "mosquitto", "influxdb", "telemetry", "simulators" }, names);
    }

    [Fact]
    public void DependsOn_NamesOnlyServicesThatExist()
    {
        var names = Services.Children.Keys.Select(k => k.ToString()).ToHashSet();
        foreach (var (name, node) in Services.Children)
        {
            if (((YamlMappingNode)node).Children.TryGetValue("depends_on", out var deps))
            {
                Assert.All(((YamlSequenceNode)deps).Children, d => Assert.Contains(d.ToString(), names));
            }
        }
    }

    [Fact]
    public void Images_AreAllPinnedInDotEnv()
    {
        var images = Services.Children.Values.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("image")).Select(s => s["image"].ToString()).ToList();
        var dockerfileArgs = File.ReadAllLines(Path.Combine(Folder, "Dockerfile")).Where(l => l.StartsWith("ARG ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(images);
        foreach (var image in images.Where(i => i != "telemetry:local"))
        {
            var variable = Variable().Match(image);
            Assert.True(variable.Success, $"image '{image}' should come from .env");
            var resolved = Env[variable.Groups[1].Value];
            Assert.Matches(PinnedTag(), resolved);
        }

        foreach (var arg in dockerfileArgs)
        {
            var name = arg[4..arg.IndexOf('=', StringComparison.Ordinal)];
            Assert.Equal(Env[name], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        }
    }

    [Fact]
    public void EnvironmentVariables_AreConfigurationKeysTheCodeReads()
    {
        var sections = typeof(BrokerOptions).Assembly.GetTypes()
            .Concat(typeof(Simulators.SimulatorExtensions).Assembly.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);
        var checkedKeys = 0;
        foreach (var service in new[] { "telemetry", "simulators" })
        {
            var environment = (YamlMappingNode)((YamlMappingNode)Services[service])["environment"];
            foreach (var key in environment.Children.Keys.Select(k => k.ToString()))
            {
                var path = key.Split("__");
                Assert.True(sections.TryGetValue(path[0], out var type), $"{service}: {key} names no configuration section");
                foreach (var part in path.Skip(1))
                {
                    var property = type!.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    Assert.True(property is not null, $"{service}: {key}: {type.Name} has no property {part}");
                    type = property!.PropertyType;
                }

                checkedKeys++;
            }
        }

        Assert.True(checkedKeys > 10);
    }

    [Fact]
    public void MosquittoConfig_RaisesTheQueueLimitsThatDropMessagesByDefault()
    {
        var config = File.ReadAllText(Path.Combine(Folder, "deploy", "mosquitto", "mosquitto.conf"));

        Assert.Matches(@"max_queued_messages\s+[1-9][0-9]{5,}", config);
        Assert.Contains("persistence true", config, StringComparison.Ordinal);

        // The ingest role acknowledges a message only once it is stored, so the broker's in-flight limit bounds how many
        // messages one store write carries; it must allow the Receive Maximum the ingest client announces (2,000).
        var inflight = System.Text.RegularExpressions.Regex.Match(config, @"^max_inflight_messages\s+(\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(inflight.Success, "max_inflight_messages is not set");
        var limit = int.Parse(inflight.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(limit is 0 or >= 2_000, $"max_inflight_messages {limit} caps the ingest role below its Receive Maximum");
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\$\{([A-Z_]+)\}$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^[a-z0-9./-]+:[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex PinnedTag();
}
