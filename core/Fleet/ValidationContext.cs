using System.Globalization;

namespace Telemetry.Core.Fleet;

/// <summary>Collects validation errors with their JSON paths while a registry document is checked.</summary>
internal sealed class ValidationContext
{
    private readonly List<FleetValidationError> _errors = [];

    public IReadOnlyList<FleetValidationError> Errors => _errors;

    public void Add(string path, string message) => _errors.Add(new FleetValidationError(path, message));

    public string Text(string? value, string path, int maxLength = 100)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required");
            return "";
        }

        if (value.Length > maxLength)
        {
            Add(path, $"is longer than {maxLength} characters");
        }

        return value.Trim();
    }

    /// <summary>An id: letters, digits, '-' and '_' only, so that it can stand in an MQTT topic and a URL.</summary>
    public string Id(string? value, string path)
    {
        var id = Text(value, path, 64);
        if (id.Length > 0 && !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Add(path, $"'{id}' may contain only ASCII letters, digits, '-' and '_'");
        }

        return id;
    }

    public double Number(double? value, string path, double min, double max)
    {
        if (value is not { } v)
        {
            Add(path, "is required");
            return min;
        }

        if (!double.IsFinite(v) || v < min || v > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"{v} is outside {min}…{max}"));
        }

        return v;
    }

    public int Integer(int? value, string path, int min, int max, int? fallback = null)
    {
        if (value is not { } v)
        {
            if (fallback is { } f)
            {
                return f;
            }

            Add(path, "is required");
            return min;
        }

        if (v < min || v > max)
        {
            Add(path, $"{v} is outside {min}…{max}");
        }

        return v;
    }

    public decimal Money(decimal? value, string path, decimal min, decimal max)
    {
        if (value is not { } v)
        {
            Add(path, "is required");
            return min;
        }

        if (v < min || v > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"{v} is outside {min}…{max}"));
        }

        return v;
    }

    public TEnum Enum<TEnum>(string? value, string path)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required");
            return default;
        }

        if (!System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || int.TryParse(value, out _))
        {
            var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            Add(path, $"'{value}' is not one of {allowed}");
        }

        return parsed;
    }

    public void Coordinates(double? lat, double? lon, string path)
    {
        // Mainland China's bounding box, generously: catches swapped lat/lon and GCJ-02/BD-09 mix-ups that land abroad.
        Number(lat, path + ".lat", 18, 54);
        Number(lon, path + ".lon", 73, 136);
    }
}
