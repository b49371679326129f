using Telemetry.Alerts.Detectors.Operators;

namespace Telemetry.Alerts.Detectors.Barns;

/// <summary>
/// One barn's limit with levels, hysteresis and duration (what <see cref="ConditionOperators.WhenAboveLevelsFor"/> and
/// <see cref="ConditionOperators.WhenBelowFor"/> do). The default value is a rule that is off (no limit configured). A
/// mutable struct (see <see cref="ConditionTracker"/>): keep it in a field and call <see cref="Apply"/> on that.
/// </summary>
internal struct LevelRule(Level[] levels, double clearAt, bool above, TimeSpan duration, TimeSpan clearAfter)
{
    private readonly Level[]? _levels = levels;
    private ConditionTracker _tracker = new(duration, clearAfter, null);

    public static LevelRule Above(IReadOnlyList<Level> levels, double clearBelow, TimeSpan duration, TimeSpan clearAfter) =>
        new(ConditionOperators.CheckLevels(levels, clearBelow, ascending: true), clearBelow, true, duration, clearAfter);

    public static LevelRule Below(double threshold, double clearAbove, TimeSpan duration, TimeSpan clearAfter) =>
        new(ConditionOperators.CheckLevels([new Level(threshold, AlertSeverity.Major)], clearAbove, ascending: false), clearAbove, false, duration, clearAfter);

    public readonly bool On => _levels is not null;

    public ConditionChange? Apply(in Sample sample) =>
        _levels is null ? null : _tracker.Apply(ConditionOperators.Judge(sample, _levels, clearAt, above));
}
