using System.Text;
using Telemetry.Core.Fleet;
using Telemetry.Core.Fleet.Document;
using Telemetry.Core.Security;
using Telemetry.Core.Tests.Support;

namespace Telemetry.Core.Tests.Fleet;

public sealed class FleetRegistryTests
{
    private static readonly Lazy<FleetRegistry> Jincheng = new(() => FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")));

    [Fact]
    public void LoadFile_JinchengSample_HasTheSixCountiesAndEnoughVillages()
    {
        var fleet = Jincheng.Value;

        string[] expected = ["城区", "泽州县", "高平市", "阳城县", "陵川县", "沁水县"];
        Assert.Equal(expected.Order(), fleet.Counties.Select(c => c.Name).Order());
        Assert.True(fleet.Villages.Count >= 30, $"{fleet.Villages.Count} villages");
        Assert.All(fleet.Villages, v => Assert.InRange(v.Latitude, 35.1, 36.1));
        Assert.All(fleet.Villages, v => Assert.InRange(v.Longitude, 111.8, 113.7));
    }

    [Fact]
    public void LoadFile_JinchengSample_HasRealisticStationsOfAllThreeClasses()
    {
        var fleet = Jincheng.Value;
        var byClass = fleet.Stations.ToLookup(s => s.Class);

        Assert.All(byClass[StationClass.Household], s => Assert.InRange(s.CapacityKwp, 3, 7));
        Assert.All(byClass[StationClass.Village], s => Assert.InRange(s.CapacityKwp, 60, 500));
        Assert.All(byClass[StationClass.National], s => Assert.InRange(s.CapacityKwp, 100, 20_000));
        Assert.All(byClass[StationClass.Household], s => Assert.NotNull(s.OwnerHousehold));
        Assert.Contains(byClass[StationClass.National], s => s.Owners.Count == 3 && s.Owners.Select(o => o.Share).SequenceEqual([0.4m, 0.35m, 0.25m]));
        Assert.All(fleet.Stations.Where(s => s.Class != StationClass.Household), s => Assert.Equal(1m, s.Owners.Sum(o => o.Share)));
        Assert.All(fleet.Stations, s => Assert.Equal(0.332m, s.Tariff.GridYuanPerKwh));
    }

    [Fact]
    public void LoadFile_JinchengSample_HasBarnsHouseholdsAndCrewsForEveryVillage()
    {
        var fleet = Jincheng.Value;

        Assert.True(fleet.Barns.Select(b => b.Species).Distinct().Count() >= 3);
        Assert.Contains(fleet.Households, h => h.Monitored);
        Assert.Contains(fleet.Households, h => !h.Monitored);
        Assert.All(fleet.Villages, v => Assert.NotNull(v.Crew));
        Assert.Equal(fleet.Villages.Count, fleet.Crews.Sum(c => c.Villages.Count));
    }

    [Fact]
    public void LoadFile_JinchengSample_DeviceCredentialsAreHashesOfTheDemoPasswords()
    {
        var device = Jincheng.Value.Devices[0];

        Assert.StartsWith("pbkdf2-sha256$", device.CredentialHash, StringComparison.Ordinal);
        Assert.True(CredentialHasher.Verify(CredentialHasher.DeriveDevicePassword("jincheng-demo-2026", device.Id), device.CredentialHash));
        Assert.False(CredentialHasher.Verify(CredentialHasher.DeriveDevicePassword("another-seed", device.Id), device.CredentialHash));
    }

    [Fact]
    public void FromDocument_ValidDocument_ResolvesReferencesAndIndexesDevices()
    {
        var fleet = TestFleet.Registry();

        Assert.True(fleet.TryGetDevice("PV-H1".AsSpan(), out var household));
        Assert.Equal("HH-1", ((Station)household).OwnerHousehold!.Id);
        Assert.Equal("crew-1", household.Village.Crew.Id);
        Assert.Equal(Enumerable.Range(0, fleet.Devices.Count), fleet.Devices.Select(d => d.Index));
        Assert.False(((Barn)fleet.Devices.Single(d => d.Id == "BARN-2")).HasGasSensors);
    }

    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "duplicate device id", "barns[1].id" },
        { "unknown village", "stations[0].village" },
        { "shares do not sum to 1", "stations[1].owners" },
        { "household station without household", "stations[2].household" },
        { "unknown class", "stations[0].class" },
        { "swapped coordinates", "stations[0].lat" },
        { "plain password", "stations[0].credential" },
        { "capacity out of class range", "stations[2].kwp" },
        { "village without crew", "crews" },
        { "unknown threshold", "barns[0].thresholds.nh3.max" },
        { "bad date", "stations[0].commissioned" },
        { "wrong version", "version" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void FromDocument_BrokenDocument_ThrowsNamingTheKey(string breakage, string expectedPath)
    {
        var doc = TestFleet.Document();
        Break(doc, breakage);

        var error = Assert.Throws<FleetRegistryException>(() => FleetRegistryLoader.FromDocument(doc, "test.json"));

        Assert.Contains(error.Errors, e => e.Path == expectedPath);
        Assert.Contains(expectedPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_NamesThePathAndLine()
    {
        const string json = "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"countys\": []\n}";

        var error = Assert.Throws<FleetRegistryException>(() => FleetRegistryLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "fleet.json"));

        Assert.Contains("countys", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_ReportsTheLine()
    {
        const string json = "{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"counties\": []\n}";

        var error = Assert.Throws<FleetRegistryException>(() => FleetRegistryLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "fleet.json"));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_SaysWhereItLooked()
    {
        var error = Assert.Throws<FleetRegistryException>(() => FleetRegistryLoader.LoadFile("no/such/fleet.json"));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath("no/such/fleet.json"), error.Message, StringComparison.Ordinal);
    }

    private static void Break(FleetDocument doc, string breakage)
    {
        var stations = doc.Stations!;
        switch (breakage)
        {
            case "duplicate device id": doc.Barns![1].Id = doc.Barns[0].Id; break;
            case "unknown village": stations[0].Village = "nowhere"; break;
            case "shares do not sum to 1": stations[1].Owners![1].Share = 0.3m; break;
            case "household station without household": stations[2].Household = null; break;
            case "unknown class": stations[0].Class = "enterprise"; break;
            case "swapped coordinates": (stations[0].Lat, stations[0].Lon) = (stations[0].Lon, stations[0].Lat); break;
            case "plain password": stations[0].Credential = "secret123"; break;
            case "capacity out of class range": stations[2].Kwp = 300; break;
            case "village without crew": doc.Crews!.Clear(); break;
            case "unknown threshold": doc.Barns![0].Thresholds = new() { ["nh3.max"] = 20 }; break;
            case "bad date": stations[0].Commissioned = "30/06/2018"; break;
            case "wrong version": doc.Version = 2; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
