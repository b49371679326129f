using Telemetry.Core.Fleet;
using Telemetry.Core.Time;

namespace Telemetry.Core.Solar;

/// <summary>
/// Expected AC output of a PV system: sun position → clear-sky irradiance (Ineichen) → clouds → plane of array
/// (isotropic sky, ASHRAE incidence loss) → cell temperature (Faiman) → PVWatts DC with γ derating and system losses
/// → PVWatts inverter efficiency curve → clipping at the AC rating. Pure and thread-safe.
/// </summary>
public sealed class PvOutputModel
{
    /// <summary>Creates a model for a site climatology and loss parameters.</summary>
    /// <param name="climate">Site climatology (altitude, turbidity, temperature).</param>
    /// <param name="parameters">Loss and conversion parameters.</param>
    public PvOutputModel(SiteClimate climate, PvSystemParameters parameters)
    {
        Climate = climate ?? throw new ArgumentNullException(nameof(climate));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <summary>The model for Jincheng with default parameters.</summary>
    public static PvOutputModel Jincheng { get; } = new(SiteClimate.Jincheng, PvSystemParameters.Default);

    /// <summary>The site climatology.</summary>
    public SiteClimate Climate { get; }

    /// <summary>The loss and conversion parameters.</summary>
    public PvSystemParameters Parameters { get; }

    /// <summary>Expected AC power of a station, kW.</summary>
    /// <param name="station">The station.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cloudTransmission">Global irradiance relative to clear sky (1 = clear, ~0.2 = overcast).</param>
    /// <param name="ambientC">Ambient air temperature, °C.</param>
    public double ExpectedPowerKw(Station station, DateTimeOffset instant, double cloudTransmission, double ambientC) =>
        Evaluate(PvArray.Of(station), instant, cloudTransmission, ambientC).AcKw;

    /// <summary>Clear-sky expected AC power of a station at the climatological temperature, kW.</summary>
    /// <param name="station">The station.</param>
    /// <param name="instant">The instant.</param>
    public double ClearSkyPowerKw(Station station, DateTimeOffset instant) => ClearSky(PvArray.Of(station), instant).AcKw;

    /// <summary>Clear-sky operating point of an array at the climatological temperature.</summary>
    /// <param name="array">The array.</param>
    /// <param name="instant">The instant.</param>
    public PvOperatingPoint ClearSky(in PvArray array, DateTimeOffset instant) =>
        Evaluate(array, instant, 1.0, Climate.AmbientTemperatureC(array.LatitudeDegrees, array.LongitudeDegrees, instant));

    /// <summary>Computes the full operating point of an array.</summary>
    /// <param name="array">The array.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cloudTransmission">Global irradiance relative to clear sky, 0–1.2.</param>
    /// <param name="ambientC">Ambient air temperature, °C.</param>
    public PvOperatingPoint Evaluate(in PvArray array, DateTimeOffset instant, double cloudTransmission, double ambientC)
    {
        var sun = SolarPosition.Compute(array.LatitudeDegrees, array.LongitudeDegrees, instant);
        if (sun.ApparentZenithDegrees >= 90)
        {
            return new PvOperatingPoint(sun, IrradianceComponents.Dark, default, ambientC, ambientC, 0, 0, false);
        }

        var date = ChinaTime.LocalDate(instant);
        var clear = Solar.ClearSky.Ineichen(sun, Climate.LinkeTurbidity(date), Climate.AltitudeMetres);
        var sky = Solar.ClearSky.UnderClouds(clear, sun, cloudTransmission);
        var poa = PlaneOfArray.Isotropic(sun, sky, array.TiltDegrees, array.AzimuthDegrees, Climate.Albedo);
        var effective = (poa.BeamWm2 * PlaneOfArray.AshraeIam(poa.AngleOfIncidenceDegrees)) + poa.SkyDiffuseWm2 + poa.GroundDiffuseWm2;
        var cell = CellTemperature.Faiman(poa.GlobalWm2, ambientC, Parameters.WindSpeedMs);

        var years = Math.Max(0, (date.DayNumber - array.Commissioned.DayNumber) / 365.25);
        var degradation = Math.Pow(1 - Parameters.DegradationPerYear, years);
        var dc = array.CapacityKwp * (effective / 1000.0) * (1 + (Parameters.TemperatureCoefficientPerC * (cell - 25.0)))
            * (1 - Parameters.SystemLossFraction) * degradation;
        dc = Math.Max(0, dc);
        var (ac, clipped) = Inverter(dc, array.AcRatingKw, Parameters.InverterNominalEfficiency);
        return new PvOperatingPoint(sun, sky, poa, ambientC, cell, dc, ac, clipped);
    }

    /// <summary>PVWatts inverter model (part-load efficiency curve), clipped at the AC rating.</summary>
    private static (double AcKw, bool Clipped) Inverter(double dcKw, double acRatingKw, double nominalEfficiency)
    {
        if (dcKw <= 0 || acRatingKw <= 0)
        {
            return (0, false);
        }

        const double referenceEfficiency = 0.9637;
        var dcRating = acRatingKw / nominalEfficiency;
        var zeta = dcKw / dcRating;
        var efficiency = nominalEfficiency / referenceEfficiency * ((-0.0162 * zeta) - (0.0059 / zeta) + 0.9858);
        var ac = Math.Max(0, efficiency * dcKw);
        return ac > acRatingKw ? (acRatingKw, true) : (ac, false);
    }
}
