using Telemetry.Alerts.Detectors.Operators;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// One sensor of <see cref="EquipmentRules.Stuck"/>: <see cref="FlatLineOperators.FlatLine"/> over the window, with
/// gaps over a quarter of the window restarting the run. A mutable struct (see <see cref="ConditionTracker"/>).
/// </summary>
internal struct StuckSensor()
{
    private FlatLineJudge _flat = new();
    private ConditionTracker _tracker = new(TimeSpan.Zero, TimeSpan.Zero, null);

    /// <summary>The change of this sensor's condition, its start moved back to where the flat run began.</summary>
    public KeyedChange? Apply(string key, DateTimeOffset at, double? value, TimeSpan window)
    {
        if (value is not { } v || _tracker.Apply(_flat.Judge(new Sample(at, v), window, 1e-9, AlertSeverity.Major, window / 4)) is not { } c)
        {
            return null;
        }

        return new KeyedChange(key, c with { Since = c.At - window });
    }
}
