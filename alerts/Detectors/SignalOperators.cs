using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors;

/// <summary>Turns debounced condition changes into the signals the lifecycle consumes.</summary>
internal static class SignalOperators
{
    public static IObservable<AlertSignal> ToSignals(this IObservable<ConditionChange> source, Device device, string rule, Func<ConditionChange, string> raised, Func<ConditionChange, string> cleared) =>
        source.Select(c => c.ToSignal(device, rule, c.Active ? raised(c) : cleared(c)));

    public static AlertSignal ToSignal(this in ConditionChange c, Device device, string rule, string message) =>
        new(device.Id, rule, c.Severity, c.Active, c.At, message);
}
