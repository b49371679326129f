using Telemetry.Core.Readings;

namespace Telemetry.Simulators.Faults;

/// <summary>
/// What a PV station's inverter measures at one instant, before metering. A fault injector may change any of it
/// (e.g. an inverter trip sets <see cref="AcKw"/> to 0 and <see cref="State"/> to fault); the meter then integrates the
/// altered power, so energy stays consistent with what was reported.
/// </summary>
internal struct PvConditions
{
    public double AcKw;
    public double DcKw;
    public double DcVoltage;
    public double AcVoltage;
    public double FrequencyHz;
    public double InverterTempC;
    public double IrradianceWm2;
    public double ModuleTempC;
    public InverterState State;
    public int[] Faults;
}
