namespace Telemetry.Alerts.Lifecycle;

/// <summary>The alert store (section <c>Alerts</c>).</summary>
public sealed class AlertLifecycleOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The SQLite file of alerts, history, comments and the notification outbox; relative to the content root.</summary>
    public string DatabasePath { get; set; } = "data/alerts.db";
}
