using System.Text;

namespace Telemetry.Simulators.Weather;

/// <summary>
/// Deterministic hashing and smooth value noise: the same seed, key and time always give the same value, in any
/// process, so a restarted simulator reproduces its weather exactly.
/// </summary>
internal static class Noise
{
    /// <summary>A stable 64-bit key for a string (FNV-1a over UTF-8; <see cref="string.GetHashCode()"/> is randomized per process).</summary>
    public static ulong Key(string text)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1_099_511_628_211UL;
        }

        return Mix(hash);
    }

    public static ulong Hash(ulong a, ulong b) => Mix(a ^ Mix(b + 0x9E37_79B9_7F4A_7C15UL));

    public static ulong Hash(ulong a, ulong b, ulong c) => Hash(Hash(a, b), c);

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [−1, 1).</summary>
    public static double Signed(ulong hash) => (2 * Unit(hash)) - 1;

    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Gaussian(ulong hash)
    {
        var u1 = Math.Max(1e-12, Unit(hash));
        var u2 = Unit(Mix(hash ^ 0x5851_F42D_4C95_7F2DUL));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Smooth noise in [−1, 1]: random knots every <paramref name="period"/>, smoothstep-interpolated.</summary>
    public static double Smooth(ulong key, double t, double period)
    {
        var x = t / period;
        var k = Math.Floor(x);
        var f = x - k;
        var a = Signed(Hash(key, (ulong)(long)k));
        var b = Signed(Hash(key, (ulong)(long)(k + 1)));
        var s = f * f * (3 - (2 * f));
        return a + ((b - a) * s);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
