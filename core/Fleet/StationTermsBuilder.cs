using System.Globalization;
using Telemetry.Core.Fleet.Document;

namespace Telemetry.Core.Fleet;

/// <summary>Validates the revenue-related parts of a station: meter replacements, deductions and a household station's loan.</summary>
internal sealed class StationTermsBuilder(ValidationContext v)
{
    public List<MeterReplacement> MeterReplacements(List<MeterReplacementDocument>? docs, DateOnly commissioned, string path)
    {
        var result = new List<MeterReplacement>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var p = $"{path}.meterReplacements[{i}]";
            var d = docs![i];
            if (!DateTimeOffset.TryParse(d.At, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || d.At!.Length < 20)
            {
                v.Add(p + ".at", d.At is null ? "is required (RFC 3339 with offset, e.g. 2025-04-18T10:30:00+08:00)" : $"'{d.At}' is not an RFC 3339 time with an offset");
            }
            else if (DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) < commissioned)
            {
                v.Add(p + ".at", $"{d.At} is before the station was commissioned ({commissioned:yyyy-MM-dd})");
            }

            var oldFinal = v.Money(d.OldMeterFinalKwh, p + ".oldMeterFinalKwh", 0m, 1_000_000_000m);
            var newInitial = v.Money(d.NewMeterInitialKwh, p + ".newMeterInitialKwh", 0m, 1_000_000_000m);
            if (result.Any(r => r.At == at))
            {
                v.Add(p + ".at", "two replacements at the same time");
            }

            result.Add(new MeterReplacement(at, oldFinal, newInitial, string.IsNullOrWhiteSpace(d.Note) ? null : d.Note.Trim()));
        }

        return [.. result.OrderBy(r => r.At)];
    }

    public List<Deduction> Deductions(List<DeductionDocument>? docs, string path)
    {
        var result = new List<Deduction>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var p = $"{path}.deductions[{i}]";
            var d = docs![i];
            var kind = v.Enum<DeductionKind>(d.Kind, p + ".kind");
            var perYear = d.YuanPerYear is null ? 0m : v.Money(d.YuanPerYear, p + ".yuanPerYear", 0m, 100_000_000m);
            var perKwh = d.YuanPerKwh is null ? 0m : v.Money(d.YuanPerKwh, p + ".yuanPerKwh", 0m, 1m);
            if (d.YuanPerYear is null && d.YuanPerKwh is null)
            {
                v.Add(p, "give yuanPerYear, yuanPerKwh or both");
            }

            if (decimal.Round(perYear, 2) != perYear)
            {
                v.Add(p + ".yuanPerYear", "must be in whole fen (at most 2 decimals)");
            }

            if (result.Any(r => r.Kind == kind))
            {
                v.Add(p + ".kind", $"'{d.Kind}' is listed twice");
            }

            result.Add(new Deduction(kind, perYear, perKwh));
        }

        return result;
    }

    public LoanRepayment? Loan(LoanDocument? d, StationClass cls, string path)
    {
        if (d is null)
        {
            return null;
        }

        var p = path + ".loan";
        if (cls != StationClass.Household)
        {
            v.Add(p, "only household stations have a loan; a collective station's costs are deductions");
        }

        var lender = v.Text(d.Lender, p + ".lender");
        var monthly = d.MonthlyYuan is null ? 0m : v.Money(d.MonthlyYuan, p + ".monthlyYuan", 0m, 100_000m);
        var share = d.Share is null ? 0m : v.Money(d.Share, p + ".share", 0m, 1m);
        if (monthly == 0m && share == 0m)
        {
            v.Add(p, "give monthlyYuan, share or both (more than 0)");
        }

        if (decimal.Round(monthly, 2) != monthly)
        {
            v.Add(p + ".monthlyYuan", "must be in whole fen (at most 2 decimals)");
        }

        if (!DateOnly.TryParseExact(d.LastMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            v.Add(p + ".lastMonth", d.LastMonth is null ? "is required (yyyy-MM)" : $"'{d.LastMonth}' is not a month in the form yyyy-MM");
        }

        return new LoanRepayment(lender, monthly, share, last);
    }
}
