using System.ComponentModel.DataAnnotations;

namespace Telemetry.Alerts.Notifiers;

/// <summary>Retry policy of one notifier: exponential backoff with ±20% jitter between attempts.</summary>
public abstract class DeliveryOptions
{
    /// <summary>Whether the notifier runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Attempts before a notification is marked failed (it stays visible and can be retried); 0 = never give up.</summary>
    [Range(0, 1_000)]
    public int MaxAttempts { get; set; }

    /// <summary>Wait after the first failed attempt; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
