using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Telemetry.Alerts.Detectors.Barns;
using Telemetry.Alerts.Detectors.Configuration;
using Telemetry.Alerts.Detectors.Operators;
using Telemetry.Alerts.Detectors.Pv;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Detectors;

/// <summary>
/// The per-device detectors of one subscription: a slot per registered device (by <see cref="Device.Index"/>), filled
/// with the device's <see cref="DeviceDetector"/> on its first input, and the configuration they share. This replaces
/// a <c>GroupBy</c> with an Rx operator chain per device, which held about 14 KB per device (1.4 GB at 100,000 devices;
/// docs/benchmarks.md "Memory at 100,000 devices"); the rules and their order are the same.
/// </summary>
/// <remarks>
/// Inputs must be serialised (they are: readings and status are merged). Signals come on the input's thread, or on the
/// scheduler for offline, and are serialised here. A rule that throws ends the subscription with that error.
/// </remarks>
internal sealed class DeviceDetectors : IObserver<DeviceInput>, IDisposable
{
    private readonly DeviceDetector?[] _byIndex;
    private readonly Dictionary<Device, DeviceDetector> _others = [];
    private readonly IObserver<AlertSignal> _observer;
    private readonly Lock _gate = new();
    private bool _stopped;

    private DeviceDetectors(int deviceCount, IObserver<AlertSignal> observer, AlertsOptions options, IScheduler scheduler)
    {
        _byIndex = new DeviceDetector?[deviceCount];
        _observer = observer;
        Options = options;
        Scheduler = scheduler;
        OverTemperatureLevels = OverTemperatureRule.Levels(options.Pv.OverTemperature);
    }

    public AlertsOptions Options { get; }

    public IScheduler Scheduler { get; }

    public Level[] OverTemperatureLevels { get; }

    /// <summary>Per device (by <see cref="DeviceInput.Device"/>), the PV or barn rules for its kind.</summary>
    public static IObservable<AlertSignal> Detect(IObservable<DeviceInput> inputs, int deviceCount, AlertsOptions options, IScheduler scheduler) =>
        Observable.Create<AlertSignal>(observer =>
        {
            var detectors = new DeviceDetectors(deviceCount, observer, options, scheduler);
            var subscription = inputs.Subscribe(detectors);
            return () =>
            {
                subscription.Dispose();
                detectors.Dispose();
            };
        });

    public void OnNext(DeviceInput value)
    {
        if (Volatile.Read(ref _stopped))
        {
            return;
        }

        try
        {
            For(value.Device)?.OnInput(value);
        }
#pragma warning disable CA1031 // As in Rx operators: a failing rule ends the stream with its error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e);
        }
    }

    public void OnError(Exception error)
    {
        Fail(error);
    }

    public void OnCompleted()
    {
        foreach (var detector in All())
        {
            detector.Complete();
        }

        lock (_gate)
        {
            if (!_stopped)
            {
                _stopped = true;
                _observer.OnCompleted();
            }
        }
    }

    public void Emit(AlertSignal signal)
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _observer.OnNext(signal);
            }
        }
    }

    public void Fail(Exception error)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _observer.OnError(error);
        }

        Dispose();
    }

    public void Dispose()
    {
        foreach (var detector in All())
        {
            detector.Dispose();
        }
    }

    private DeviceDetector? For(Device device)
    {
        var i = device.Index;
        if ((uint)i < (uint)_byIndex.Length)
        {
            return _byIndex[i] ??= Create(device);
        }

        if (!_others.TryGetValue(device, out var detector) && Create(device) is { } created)
        {
            _others[device] = detector = created;
        }

        return detector;
    }

    private DeviceDetector? Create(Device device) => device switch
    {
        Station station => new StationDetector(station, this),
        Barn barn => new BarnDetector(barn, this),
        _ => null,
    };

    private IEnumerable<DeviceDetector> All() => _byIndex.OfType<DeviceDetector>().Concat(_others.Values);
}
