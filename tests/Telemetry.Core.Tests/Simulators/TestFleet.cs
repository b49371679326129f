using Telemetry.Core.Fleet;

namespace Telemetry.Core.Tests.Simulators;

/// <summary>Hand-built devices at Jincheng and the sample fleet file.</summary>
internal static class TestFleet
{
    public const double JinchengLat = 35.5;
    public const double JinchengLon = 112.85;

    private static readonly Lazy<FleetRegistry> Sample = new(() =>
        FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json")));

    public static FleetRegistry SampleFleet => Sample.Value;

    public static Village Village(string countyId = "zezhou", string villageId = "zezhou-test-01")
    {
        var county = new County { Id = countyId, Name = "泽州县", NameEn = "Zezhou" };
        var township = new Township { Id = countyId + "-test", Name = "测试镇", County = county };
        return new Village { Id = villageId, Name = "测试村", NameEn = "Ceshi", Township = township, Latitude = JinchengLat, Longitude = JinchengLon };
    }

    public static Station Station(
        double kwp = 100,
        double? acKw = null,
        double tilt = 30,
        double azimuth = 180,
        StationClass cls = StationClass.Village,
        DateOnly? commissioned = null,
        bool sensor = true,
        Village? village = null,
        string id = "PV-T001") => new()
        {
            Id = id,
            Name = "测试电站",
            Village = village ?? Village(),
            Latitude = JinchengLat,
            Longitude = JinchengLon,
            CadenceSeconds = cls == StationClass.Household ? 300 : 60,
            CredentialHash = "x",
            Class = cls,
            CapacityKwp = kwp,
            AcRatingKw = acKw ?? Math.Round(kwp / 1.1, 1),
            TiltDegrees = tilt,
            AzimuthDegrees = azimuth,
            Commissioned = commissioned ?? new DateOnly(2026, 1, 1),
            Tariff = new Tariff(0.332m, 0.518m),
            Owners = [],
            OwnerHousehold = null,
            HasIrradianceSensor = sensor,
        };
}
