using System.Globalization;

namespace Telemetry.Core.Wire;

/// <summary>Physical plausibility checks: a value outside its range is a sensor or firmware fault, not a measurement.</summary>
internal static class PhysicalRange
{
    public static void Check(double? value, string field, double min, double max, string unit, ref ReadingError? error)
    {
        if (error is null && value is { } v && (v < min || v > max))
        {
            error = new(RejectReason.OutOfRange, string.Create(CultureInfo.InvariantCulture,
                $"{field} = {v} is outside the physical range {min:0.###}…{max:0.###} {unit}"));
        }
    }

    public static void Required(double? value, string field, ref ReadingError? error)
    {
        if (error is null && value is null)
        {
            error = new(RejectReason.MissingField, $"{field} is required");
        }
    }
}
