using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Live;

/// <summary>Mutable live state of one device; guarded by the owning <see cref="FleetLiveState"/>'s lock.</summary>
internal sealed class DeviceEntry(Device device)
{
    // Before 06:00 local no PV station produces, so a meter baseline from then covers the whole day.
    private static readonly TimeSpan CompleteBaselineBefore = TimeSpan.FromHours(6);

    public Device Device { get; } = device;

    /// <summary>Last status message: true online, false offline (Last Will), null none seen.</summary>
    public bool? StatusOnline { get; set; }

    public Reading? Latest { get; private set; }

    public bool SilentOnline { get; set; }

    public DateOnly BaselineDay { get; private set; }

    public PvReading? Baseline { get; private set; }

    public void Apply(Reading reading)
    {
        if (Latest is null || reading.TimestampMs >= Latest.TimestampMs)
        {
            Latest = reading;
        }

        if (reading is PvReading pv)
        {
            var day = ChinaTime.LocalDate(pv.TimestampMs);
            if (day > BaselineDay || (day == BaselineDay && Baseline is { } b && pv.TimestampMs < b.TimestampMs))
            {
                BaselineDay = day;
                Baseline = pv;
            }
        }
    }

    public void SetBaseline(PvReading first)
    {
        BaselineDay = ChinaTime.LocalDate(first.TimestampMs);
        Baseline = first;
    }

    public double? EnergyToday(DateOnly today)
    {
        if (Latest is not PvReading latest || ChinaTime.LocalDate(latest.TimestampMs) != today)
        {
            return Device is Station ? 0 : null;
        }

        var complete = Baseline is { } b && BaselineDay == today
            && b.Timestamp - ChinaTime.StartOfDay(today) < CompleteBaselineBefore;
        if (complete || latest.EnergyDayKwh is null)
        {
            return Baseline is { } start && BaselineDay == today ? Math.Max(0, latest.EnergyTotalKwh - start.EnergyTotalKwh) : 0;
        }

        return latest.EnergyDayKwh;
    }

    public bool IsOnline(long nowMs, double silenceCadences)
    {
        if (StatusOnline == false || Latest is null)
        {
            return false;
        }

        var silence = (long)(Device.CadenceSeconds * 1000 * silenceCadences);
        return nowMs - Latest.TimestampMs <= silence;
    }

    public DeviceSnapshot Snapshot(long nowMs, double silenceCadences, DateOnly today) =>
        new(Device, IsOnline(nowMs, silenceCadences), Latest?.Timestamp, Latest, EnergyToday(today));
}
