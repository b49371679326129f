using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Ingest.Live;

namespace Telemetry.Ingest.Api;

/// <summary>The JSON shape of a device's live state in the API.</summary>
internal sealed record DeviceView(
    string Id,
    string Name,
    string Kind,
    string? Class,
    string? Species,
    string County,
    string Village,
    bool Online,
    DateTimeOffset? LastSeen,
    double? PowerKw,
    double? EnergyTodayKwh,
    double? TempC,
    double? HumidityPct,
    double? Nh3Ppm)
{
    public static DeviceView From(DeviceSnapshot s) => new(
        s.Device.Id,
        s.Device.Name,
        s.Device.Kind == DeviceKind.Pv ? "pv" : "barn",
        (s.Device as Station)?.Class.ToString().ToLowerInvariant(),
        (s.Device as Barn)?.Species.ToString().ToLowerInvariant(),
        s.Device.Village.County.Id,
        s.Device.Village.Id,
        s.Online,
        s.LastSeen,
        (s.Latest as PvReading)?.PowerKw,
        s.EnergyTodayKwh,
        (s.Latest as BarnReading)?.TempC,
        (s.Latest as BarnReading)?.HumidityPct,
        (s.Latest as BarnReading)?.Nh3Ppm);
}
