namespace Telemetry.Core.Solar;

/// <summary>Degree/radian conversions for the solar formulas, which are written in degrees.</summary>
internal static class Angles
{
    public static double Rad(double degrees) => degrees * (Math.PI / 180.0);

    public static double Deg(double radians) => radians * (180.0 / Math.PI);

    public static double SinD(double degrees) => Math.Sin(Rad(degrees));

    public static double CosD(double degrees) => Math.Cos(Rad(degrees));
}
