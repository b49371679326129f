namespace Telemetry.Simulators.Faults;

/// <summary>
/// What a barn controller measures at one instant. A fault injector may change any of it (a failed fan reports 0 rpm
/// while its stage is on; an NH3 build-up raises <see cref="Nh3Ppm"/>).
/// </summary>
internal struct BarnConditions
{
    public double TempC;
    public double HumidityPct;
    public double? Nh3Ppm;
    public double? Co2Ppm;
    public double? H2sPpm;
    public int? FanStage;
    public int[] FanRpm;
    public double? WaterL;
    public double? FeedKg;
    public bool OnBattery;
}
