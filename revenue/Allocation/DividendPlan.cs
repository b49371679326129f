namespace Telemetry.Revenue.Allocation;

/// <summary>How what is left after posts, works and rewards is paid out as dividends.</summary>
/// <param name="Equity">Households and their shares.</param>
/// <param name="MonitoredWeight">
/// Multiplier on a monitored household's (监测户) shares, at least 1: their priority in the dividend (e.g. 1.5).
/// </param>
/// <param name="MaxShareOfDistributable">At most this fraction of the month's distributable goes to dividends; the rest is retained.</param>
public sealed record DividendPlan(IReadOnlyList<EquityShare> Equity, decimal MonitoredWeight, decimal MaxShareOfDistributable);
