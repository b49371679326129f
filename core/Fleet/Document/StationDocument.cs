namespace Telemetry.Core.Fleet.Document;

public sealed class StationDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary><c>national</c>, <c>village</c> or <c>household</c>.</summary>
    public string? Class { get; set; }

    public string? Village { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public double? Kwp { get; set; }

    public double? AcKw { get; set; }

    public double? Tilt { get; set; }

    public double? Azimuth { get; set; }

    /// <summary>ISO date, e.g. <c>2017-06-30</c>.</summary>
    public string? Commissioned { get; set; }

    public int? CadenceSeconds { get; set; }

    public TariffDocument? Tariff { get; set; }

    public List<OwnerDocument>? Owners { get; set; }

    public string? Household { get; set; }

    public bool? IrradianceSensor { get; set; }

    /// <summary>Lifetime meters swapped at this station, in any order.</summary>
    public List<MeterReplacementDocument>? MeterReplacements { get; set; }

    /// <summary>Costs taken from the station's revenue before distribution.</summary>
    public List<DeductionDocument>? Deductions { get; set; }

    /// <summary>Household stations only: a loan repaid from the station's revenue.</summary>
    public LoanDocument? Loan { get; set; }

    public string? Credential { get; set; }
}
