namespace Telemetry.Simulators.Weather;

/// <summary>
/// The synoptic sequence of day types for the whole city: a Markov chain with seasonal stationary probabilities
/// (dry clear winters, the July–August rainy season) and day-to-day persistence, run forward from 2000-01-01 with a
/// seeded generator and cached, so any date gets the same type in every run.
/// </summary>
internal sealed class DayTypeChain
{
    private static readonly DateOnly Epoch = new(2000, 1, 1);

    // Stationary probabilities (clear, partly cloudy, overcast) by month. Jincheng has ~2,400 sunshine hours a year
    // (≈55% of possible); the summer monsoon brings most cloud and rain.
    private static readonly double[][] Monthly =
    [
        [0.55, 0.30, 0.15], [0.50, 0.32, 0.18], [0.42, 0.36, 0.22], [0.40, 0.38, 0.22],
        [0.40, 0.40, 0.20], [0.33, 0.42, 0.25], [0.22, 0.43, 0.35], [0.25, 0.43, 0.32],
        [0.33, 0.37, 0.30], [0.42, 0.35, 0.23], [0.48, 0.32, 0.20], [0.55, 0.30, 0.15],
    ];

    private const double Persistence = 0.5;

    private readonly ulong _key;
    private readonly List<DayType> _days = [];
    private readonly Lock _gate = new();

    public DayTypeChain(ulong key) => _key = key;

    public static IReadOnlyList<double> Stationary(int month) => Monthly[month - 1];

    public DayType On(DateOnly date)
    {
        var index = date.DayNumber - Epoch.DayNumber;
        if (index < 0)
        {
            return Draw(Stationary(date.Month), Noise.Unit(Noise.Hash(_key, (ulong)(long)index)));
        }

        lock (_gate)
        {
            while (_days.Count <= index)
            {
                var day = Epoch.AddDays(_days.Count);
                var u = Noise.Unit(Noise.Hash(_key, (ulong)_days.Count));
                var pi = Stationary(day.Month);
                if (_days.Count == 0)
                {
                    _days.Add(Draw(pi, u));
                    continue;
                }

                // Stay with probability Persistence, otherwise redraw from the season's distribution: the
                // stationary distribution is then exactly the season's.
                var previous = _days[^1];
                _days.Add(u < Persistence ? previous : Draw(pi, (u - Persistence) / (1 - Persistence)));
            }

            return _days[index];
        }
    }

    public static DayType Draw(IReadOnlyList<double> probabilities, double u) =>
        u < probabilities[0] ? DayType.Clear : u < probabilities[0] + probabilities[1] ? DayType.PartlyCloudy : DayType.Overcast;
}
