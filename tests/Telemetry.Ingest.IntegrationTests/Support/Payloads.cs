using System.Globalization;

namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>Wire-contract v1 payload text for tests that need exact values.</summary>
internal static class Payloads
{
    public static string Pv(DateTimeOffset ts, double powerKw, double energyKwh) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"v\":1,\"ts\":{ts.ToUnixTimeMilliseconds()},\"p_ac_kw\":{powerKw},\"e_total_kwh\":{energyKwh},\"state\":\"running\"}}");

    public static string Barn(DateTimeOffset ts, double tempC, double humidity, double nh3) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"v\":1,\"ts\":\"{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"t_c\":{tempC},\"rh_pct\":{humidity},\"nh3_ppm\":{nh3},\"power\":\"mains\"}}");

    public static string Array(IEnumerable<string> readings) => "[" + string.Join(',', readings) + "]";

    /// <summary>A whole second in the recent past, so a timestamp never lands beyond the decoder's future skew.</summary>
    public static DateTimeOffset RecentSecond(int secondsAgo) =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - secondsAgo);
}
