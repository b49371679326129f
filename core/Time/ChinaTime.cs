namespace Telemetry.Core.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): days and months for energy, revenue and "today" are counted in it,
/// whatever the server's own time zone.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly LocalDate(long unixMs) => LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary>The UTC instant at which a local day starts.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
