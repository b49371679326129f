namespace Telemetry.Simulators.Barns;

/// <summary>
/// How a healthy barn of one species and stage behaves: the climate the controller aims for and can hold, the gas
/// levels between full and minimum ventilation, and daily water and feed per head.
/// </summary>
internal sealed record SpeciesProfile
{
    /// <summary>Controller set point, °C: heated barns hold it in cold weather; fan staging starts around it.</summary>
    public required double SetpointC { get; init; }

    /// <summary>Whether heating (or heat lamps) holds the set point in winter.</summary>
    public required bool Heated { get; init; }

    /// <summary>Band the climate system keeps the air in under normal operation, °C (cooling pads, heating, insulation).</summary>
    public required double DesignMinC { get; init; }

    /// <summary>Upper end of that band, °C.</summary>
    public required double DesignMaxC { get; init; }

    /// <summary>How much warmer than outside a closed, minimally ventilated unheated barn is (animal heat), °C.</summary>
    public double ClosedBarnRiseC { get; init; } = 6;

    public required double RhMeanPct { get; init; }

    public required double RhMaxPct { get; init; }

    /// <summary>NH3 at full ventilation and at minimum ventilation, ppm.</summary>
    public double Nh3LowPpm { get; init; }

    public double Nh3HighPpm { get; init; }

    public double Co2LowPpm { get; init; }

    public double Co2HighPpm { get; init; }

    public double H2sLowPpm { get; init; }

    public double H2sHighPpm { get; init; }

    public double WaterLPerHeadDay { get; init; }

    public double FeedKgPerHeadDay { get; init; }

    public required IntakePattern Intake { get; init; }

    /// <summary>Fan speed at the top stage, rpm.</summary>
    public int FanRatedRpm { get; init; } = 620;

    /// <summary>A bee house: <c>t_c</c> is the brood-nest temperature the colony itself regulates.</summary>
    public bool IsHive { get; init; }
}
