using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors;

/// <summary>Turns debounced condition changes into the signals the lifecycle consumes.</summary>
internal static class SignalOperators
{
    public static IObservable<AlertSignal> ToSignals(this IObservable<ConditionChange> source, Device device, string rule, Func<ConditionChange, string> raised, Func<ConditionChange, string> cleared) =>
        source.Select(c => new AlertSignal(device.Id, rule, c.Severity, c.Active, c.At, c.Active ? raised(c) : cleared(c)));
}
