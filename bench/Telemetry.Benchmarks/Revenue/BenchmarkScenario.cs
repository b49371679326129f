namespace Telemetry.Benchmarks.Revenue;

/// <summary>What a benchmark station's meter does during the month (see <see cref="BenchmarkMeter"/>).</summary>
internal enum BenchmarkScenario
{
    /// <summary>Rises every hour of daylight, every reading on time.</summary>
    Regular,

    /// <summary>The counter restarts from zero on the 10th after the 12:00 reading.</summary>
    Reset,

    /// <summary>The meter is swapped on the 20th at 12:30, recorded in the registry; the new one starts at 0.</summary>
    Replacement,

    /// <summary>Readings from the 15th after 10:00 to the 17th before 09:00 are lost.</summary>
    Gap,

    /// <summary>The 4th and 5th are written after everything else; the 4th was also written on time (a replay).</summary>
    LateAndReplayed,

    /// <summary>On the 25th the 11:00 reading is half the register (a dip), the readings around it are right.</summary>
    Glitch,
}
