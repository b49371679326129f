using Telemetry.Core.Fleet;

namespace Telemetry.Core.Solar;

/// <summary>The physical facts of a PV system that its expected output depends on.</summary>
/// <param name="LatitudeDegrees">WGS-84 latitude, degrees north.</param>
/// <param name="LongitudeDegrees">WGS-84 longitude, degrees east.</param>
/// <param name="CapacityKwp">DC nameplate, kWp.</param>
/// <param name="AcRatingKw">Inverter AC rating, kW (output is clipped there).</param>
/// <param name="TiltDegrees">Module tilt from horizontal, degrees.</param>
/// <param name="AzimuthDegrees">Module azimuth, degrees clockwise from north (180 = south).</param>
/// <param name="Commissioned">Commissioning date (module degradation counts from it).</param>
public readonly record struct PvArray(
    double LatitudeDegrees,
    double LongitudeDegrees,
    double CapacityKwp,
    double AcRatingKw,
    double TiltDegrees,
    double AzimuthDegrees,
    DateOnly Commissioned)
{
    /// <summary>The array of a registered station.</summary>
    /// <param name="station">The station.</param>
    public static PvArray Of(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return new PvArray(station.Latitude, station.Longitude, station.CapacityKwp, station.AcRatingKw, station.TiltDegrees, station.AzimuthDegrees, station.Commissioned);
    }
}
