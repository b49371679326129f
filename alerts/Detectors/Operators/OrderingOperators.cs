using System.Reactive.Linq;
using Telemetry.Core.Readings;

namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>Device-time order per device.</summary>
public static class OrderingOperators
{
    /// <summary>
    /// Passes each device's readings only when newer than the newest already passed for that device: QoS 1
    /// redeliveries, replays of stored data and stragglers are dropped, so every detector sees one device-time-ordered
    /// stream per device.
    /// </summary>
    /// <param name="source">Readings of many devices.</param>
    /// <param name="deviceCount">Size of the registry (<see cref="Core.Fleet.Device.Index"/> is below it).</param>
    /// <remarks>Synchronous; one <see cref="long"/> of state per device and subscription.</remarks>
    public static IObservable<Reading> InDeviceOrder(this IObservable<Reading> source, int deviceCount)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(deviceCount);
        return Observable.Defer(() =>
        {
            var newest = new long[deviceCount];
            Array.Fill(newest, long.MinValue);
            return source.Where(r =>
            {
                var i = r.Device.Index;
                if ((uint)i >= (uint)newest.Length || r.TimestampMs <= newest[i])
                {
                    return false;
                }

                newest[i] = r.TimestampMs;
                return true;
            });
        });
    }
}
