namespace Telemetry.Alerts.Detectors.Operators;

/// <summary>The state of <see cref="WindowOperators.RollingSums"/>: the samples in the window and their sums.</summary>
internal sealed class RollingWindow(TimeSpan window)
{
    private readonly Queue<PairSample> _queue = new();
    private double _first;
    private double _second;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>Adds a sample; returns the totals, or null for a sample not newer than the newest.</summary>
    public PairTotals? Add(in PairSample s)
    {
        if (s.At <= _last)
        {
            return null;
        }

        _last = s.At;
        _queue.Enqueue(s);
        _first += s.First;
        _second += s.Second;
        while (_queue.Peek().At <= s.At - window)
        {
            var old = _queue.Dequeue();
            _first -= old.First;
            _second -= old.Second;
        }

        if (_queue.Count == 1)
        {
            _first = s.First; // no drift from long-running subtraction
            _second = s.Second;
        }

        return new PairTotals(s.At, _first, _second, s.At - _queue.Peek().At, _queue.Count);
    }
}
