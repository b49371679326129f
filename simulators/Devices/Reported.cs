namespace Telemetry.Simulators.Devices;

/// <summary>How a simulated logger reports a measured value: rounded to the logger's resolution, and never as negative zero.</summary>
/// <remarks>
/// <see cref="Math.Round(double, int)"/> keeps the sign of a small negative value (−0.04 at one decimal is −0), which no
/// logger displays and no store keeps apart from 0 — so a reading would come back from the store unequal to what was sent.
/// </remarks>
internal static class Reported
{
    public static double Round(double value, int digits = 0)
    {
        var rounded = Math.Round(value, digits);
        return rounded == 0 ? 0 : rounded; // −0 == 0, so both become +0
    }
}
