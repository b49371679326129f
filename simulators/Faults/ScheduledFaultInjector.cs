using Telemetry.Core.Fleet;

namespace Telemetry.Simulators.Faults;

/// <summary>
/// Injects scheduled faults into the simulated devices' measurements (the <see cref="IFaultInjector"/> seam). Used by
/// the <c>evaluate</c> harness in virtual time and, through <c>Simulators:Faults</c>, by live simulators (an end-to-end
/// test adds faults with <see cref="Add"/>). Comms loss is not a measurement fault: the live simulators cut the
/// device's connection for it, the harness withholds readings. Thread-safe.
/// </summary>
public sealed class ScheduledFaultInjector : IFaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ScheduledFault>> _byDevice = new(StringComparer.Ordinal);
    private readonly Dictionary<ScheduledFault, double?> _stuck = [];

    /// <summary>Creates an injector with an initial schedule.</summary>
    public ScheduledFaultInjector(IEnumerable<ScheduledFault>? faults = null)
    {
        foreach (var fault in faults ?? [])
        {
            Add(fault);
        }
    }

    /// <summary>Every scheduled fault (the ground-truth labels).</summary>
    public IReadOnlyList<ScheduledFault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _byDevice.Values.SelectMany(f => f).OrderBy(f => f.Start)];
            }
        }
    }

    /// <summary>Schedules a fault (it takes effect for readings timestamped in its window).</summary>
    public void Add(ScheduledFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!FaultTypes.All.Contains(fault.Type))
        {
            throw new ArgumentException($"Unknown fault type '{fault.Type}'; use one of {string.Join(", ", FaultTypes.All)}.", nameof(fault));
        }

        lock (_gate)
        {
            if (!_byDevice.TryGetValue(fault.DeviceId, out var list))
            {
                _byDevice[fault.DeviceId] = list = [];
            }

            list.Add(fault);
        }
    }

    void IFaultInjector.Apply(Station station, DateTimeOffset timestamp, ref PvConditions conditions)
    {
        lock (_gate)
        {
            if (!_byDevice.TryGetValue(station.Id, out var faults))
            {
                return;
            }

            foreach (var f in faults)
            {
                if (f.IsActive(timestamp))
                {
                    FaultEffects.Apply(f, timestamp, ref conditions);
                }

                // A reset meter stays reset after the label window.
                conditions.MeterReset |= f.Type == FaultTypes.MeterBackwards && timestamp >= f.Start;
            }
        }
    }

    void IFaultInjector.Apply(Barn barn, DateTimeOffset timestamp, ref BarnConditions conditions)
    {
        lock (_gate)
        {
            if (!_byDevice.TryGetValue(barn.Id, out var faults))
            {
                return;
            }

            foreach (var f in faults)
            {
                if (!f.IsActive(timestamp))
                {
                    continue;
                }

                var stuck = _stuck.GetValueOrDefault(f);
                FaultEffects.Apply(f, timestamp, ref conditions, ref stuck, barn.Index);
                _stuck[f] = stuck;
            }
        }
    }
}
