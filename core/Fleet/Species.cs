namespace Telemetry.Core.Fleet;

/// <summary>Livestock kept in a monitored barn.</summary>
public enum Species
{
    /// <summary>生猪.</summary>
    Pig,

    /// <summary>肉羊.</summary>
    Sheep,

    /// <summary>家禽 (broilers and layers).</summary>
    Poultry,

    /// <summary>肉牛/奶牛.</summary>
    Cattle,

    /// <summary>蜜蜂 (an apiary house).</summary>
    Bee,
}
