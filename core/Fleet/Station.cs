namespace Telemetry.Core.Fleet;

/// <summary>A PV assistance station.</summary>
public sealed class Station : Device
{
    public override DeviceKind Kind => DeviceKind.Pv;

    public required StationClass Class { get; init; }

    /// <summary>DC capacity in kWp (the P0 of IEC 61724 yields).</summary>
    public required double CapacityKwp { get; init; }

    /// <summary>Inverter AC rating in kW; output is clipped there.</summary>
    public required double AcRatingKw { get; init; }

    /// <summary>Module tilt from horizontal, degrees.</summary>
    public required double TiltDegrees { get; init; }

    /// <summary>Module azimuth, degrees clockwise from north (180 = due south).</summary>
    public required double AzimuthDegrees { get; init; }

    public required DateOnly Commissioned { get; init; }

    public required Tariff Tariff { get; init; }

    /// <summary>Owning collectives and their shares; empty for household stations.</summary>
    public required IReadOnlyList<OwnerShare> Owners { get; init; }

    /// <summary>The owning household of a household station; null otherwise.</summary>
    public required Household? OwnerHousehold { get; init; }

    /// <summary>Whether the station has an irradiance sensor and a module temperature probe.</summary>
    public required bool HasIrradianceSensor { get; init; }

    /// <summary>Meter swaps, oldest first; energy is bridged across each with the recorded registers.</summary>
    public IReadOnlyList<MeterReplacement> MeterReplacements { get; init; } = [];

    /// <summary>Costs deducted from the station's revenue before distribution, in the order they are covered.</summary>
    public IReadOnlyList<Deduction> Deductions { get; init; } = [];

    /// <summary>Household stations only: the loan repaid from revenue before the household is paid; null when none.</summary>
    public LoanRepayment? Loan { get; init; }
}
