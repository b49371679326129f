namespace Telemetry.Core.Readings;

/// <summary>A barn climate reading (wire contract v1, DESIGN §3). Optional fields are null when not reported.</summary>
public sealed class BarnReading : Reading
{
    /// <summary><c>t_c</c>: air temperature, °C.</summary>
    public required double TempC { get; init; }

    /// <summary><c>rh_pct</c>: relative humidity, %.</summary>
    public required double HumidityPct { get; init; }

    /// <summary><c>nh3_ppm</c>: ammonia, ppm.</summary>
    public double? Nh3Ppm { get; init; }

    /// <summary><c>co2_ppm</c>: carbon dioxide, ppm.</summary>
    public double? Co2Ppm { get; init; }

    /// <summary><c>h2s_ppm</c>: hydrogen sulphide, ppm.</summary>
    public double? H2sPpm { get; init; }

    /// <summary><c>fan_stage</c>: ventilation stage the controller asks for (0 = off).</summary>
    public int? FanStage { get; init; }

    /// <summary><c>fan_rpm</c>: measured speed of each fan.</summary>
    public int[] FanRpm { get; init; } = [];

    /// <summary><c>water_l</c>: water drunk since the previous reading, litres.</summary>
    public double? WaterL { get; init; }

    /// <summary><c>feed_kg</c>: feed dispensed since the previous reading, kg.</summary>
    public double? FeedKg { get; init; }

    /// <summary><c>power</c>: mains or battery.</summary>
    public PowerSource? Power { get; init; }
}
