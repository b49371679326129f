namespace Telemetry.Core.Readings;

/// <summary>A PV station reading (wire contract v1, DESIGN §3). Optional fields are null when not reported.</summary>
public sealed class PvReading : Reading
{
    /// <summary><c>p_ac_kw</c>: AC output power, kW.</summary>
    public required double PowerKw { get; init; }

    /// <summary><c>e_total_kwh</c>: lifetime energy meter, kWh. Revenue is computed from its deltas.</summary>
    public required double EnergyTotalKwh { get; init; }

    /// <summary><c>e_day_kwh</c>: the inverter's own energy-today counter, kWh.</summary>
    public double? EnergyDayKwh { get; init; }

    /// <summary><c>v_dc</c>: DC input voltage, V.</summary>
    public double? DcVoltage { get; init; }

    /// <summary><c>i_dc</c>: DC input current, A.</summary>
    public double? DcCurrent { get; init; }

    /// <summary><c>v_ac</c>: AC grid voltage (phase), V.</summary>
    public double? AcVoltage { get; init; }

    /// <summary><c>f_hz</c>: grid frequency, Hz.</summary>
    public double? FrequencyHz { get; init; }

    /// <summary><c>t_inv_c</c>: inverter internal temperature, °C.</summary>
    public double? InverterTempC { get; init; }

    /// <summary><c>irr_wm2</c>: plane-of-array irradiance, W/m² (stations with a sensor only).</summary>
    public double? IrradianceWm2 { get; init; }

    /// <summary><c>t_mod_c</c>: module temperature, °C (stations with a sensor only).</summary>
    public double? ModuleTempC { get; init; }

    /// <summary><c>state</c>.</summary>
    public InverterState? State { get; init; }

    /// <summary><c>faults</c>: active vendor fault codes (e.g. Huawei 2034 grid overvoltage); empty when none.</summary>
    public int[] Faults { get; init; } = [];
}
