namespace Telemetry.Alerts.Notifiers;

/// <summary>One channel's outbox: waiting to be sent, of which failing (last attempt failed), and given up.</summary>
public sealed record DeliveryCounts(int Pending, int Failing, int Failed);
