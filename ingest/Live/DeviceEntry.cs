using Telemetry.Core.Fleet;
using Telemetry.Core.Readings;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Live;

/// <summary>Mutable live state of one device; guarded by the owning <see cref="FleetLiveState"/>'s lock.</summary>
internal sealed class DeviceEntry(Device device)
{
    // Before 06:00 local no PV station produces, so a meter baseline from then covers the whole day.
    private static readonly TimeSpan CompleteBaselineBefore = TimeSpan.FromHours(6);

    // The last snapshot, reused while nothing it shows can have changed: no reading, status or baseline since, the same
    // local day, and (when it says online) the device not yet silent for too long. At 100,000 devices this makes
    // IFleetLiveState.All() a copy of references instead of 100,000 new snapshots per overview refresh.
    private DeviceSnapshot? _snapshot;
    private long _snapshotValidUntilMs;
    private DateOnly _snapshotDay;
    private bool? _statusOnline;

    public Device Device { get; } = device;

    /// <summary>Last status message: true online, false offline (Last Will), null none seen.</summary>
    public bool? StatusOnline
    {
        get => _statusOnline;
        set
        {
            _statusOnline = value;
            _snapshot = null;
        }
    }

    public Reading? Latest { get; private set; }

    public bool SilentOnline { get; set; }

    public DateOnly BaselineDay { get; private set; }

    public PvReading? Baseline { get; private set; }

    public void Apply(Reading reading)
    {
        _snapshot = null;
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
        _snapshot = null;
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

        return nowMs - Latest.TimestampMs <= Silence(silenceCadences);
    }

    public DeviceSnapshot Snapshot(long nowMs, double silenceCadences, DateOnly today)
    {
        if (_snapshot is { } cached && nowMs <= _snapshotValidUntilMs && today == _snapshotDay)
        {
            return cached;
        }

        var online = IsOnline(nowMs, silenceCadences);
        _snapshot = new(Device, online, Latest?.Timestamp, Latest, EnergyToday(today));
        // Online lasts until the silence runs out; not online (no data, Last Will, silent) lasts until the next change.
        _snapshotValidUntilMs = online ? Latest!.TimestampMs + Silence(silenceCadences) : long.MaxValue;
        _snapshotDay = today;
        return _snapshot;
    }

    private long Silence(double silenceCadences) => (long)(Device.CadenceSeconds * 1000 * silenceCadences);
}
