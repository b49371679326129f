namespace Telemetry.Alerts.Detection;

/// <summary>
/// How far live detection has come: readings queued for the detectors (stored batches) and readings they have judged.
/// The difference is the backlog — when it grows, detection does not keep up with ingest and alerts come late.
/// </summary>
internal sealed class DetectionProgress
{
    private long _queued;
    private long _judged;

    public long Queued => Interlocked.Read(ref _queued);

    public long Judged => Interlocked.Read(ref _judged);

    public long Backlog => Queued - Judged;

    public void Enqueued(int readings) => Interlocked.Add(ref _queued, readings);

    public void Done(int readings) => Interlocked.Add(ref _judged, readings);
}
