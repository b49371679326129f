namespace Telemetry.Simulators.Barns;

/// <summary>When animals eat and drink over the local day.</summary>
internal enum IntakePattern
{
    /// <summary>Ad-lib feeders (pigs): mostly daytime with morning and afternoon peaks.</summary>
    AdLib,

    /// <summary>Two feedings (ruminants, sows): peaks around 07:30 and 17:00.</summary>
    TwiceDaily,

    /// <summary>Broilers under near-continuous light (23L:1D): even intake, dark 00:00–01:00.</summary>
    BroilerLight,

    /// <summary>Layers under 16L:8D (05:00–21:00), with an evening feed peak.</summary>
    LayerLight,

    /// <summary>Not metered (bee houses).</summary>
    None,
}
