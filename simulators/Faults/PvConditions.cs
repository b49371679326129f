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

    /// <summary>The lifetime meter was reset to zero at the first reading with this set, and stays offset while it is set.</summary>
    public bool MeterReset;

    /// <summary>The reported lifetime meter holds its last value (the register stopped); it catches up when cleared.</summary>
    public bool MeterFrozen;
}
