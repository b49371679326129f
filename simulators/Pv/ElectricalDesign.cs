using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Pv;

/// <summary>
/// Voltages by station class. <c>v_ac</c> is the phase voltage (wire contract): households feed 220 V single-phase and
/// village stations the 220/380 V low-voltage grid (China's LV system); national plants use 800 V-line string
/// inverters behind a step-up transformer (462 V phase). DC strings: ~360 V for household, ~620 V for 1000 V-class
/// village systems, ~1,100 V for 1500 V-class plants.
/// </summary>
internal readonly record struct ElectricalDesign(double DcMppVoltageStc, double AcPhaseVoltage)
{
    public static ElectricalDesign For(StationClass cls) => cls switch
    {
        StationClass.Household => new(360, 220),
        StationClass.Village => new(620, 220),
        _ => new(1100, 462),
    };
}
