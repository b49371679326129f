namespace Telemetry.Revenue.Money;

/// <summary>
/// Money in yuan, held as <see cref="decimal"/> and kept to the fen (0.01 yuan). Every amount on a statement has passed
/// through <see cref="Round"/> or has been produced by <see cref="LargestRemainder"/>, so it is a whole number of fen.
/// </summary>
public static class Yuan
{
    /// <summary>One fen, the smallest amount on a statement.</summary>
    public const decimal Fen = 0.01m;

    /// <summary>
    /// Rounds to the fen, halves away from zero (四舍五入, as Chinese accounting and the grid company's bills do).
    /// </summary>
    public static decimal Round(decimal yuan) => decimal.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="yuan"/> is a whole number of fen.</summary>
    public static bool IsWholeFen(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>The amount in fen.</summary>
    /// <exception cref="ArgumentException">The amount is not a whole number of fen.</exception>
    public static long ToFen(decimal yuan) =>
        IsWholeFen(yuan) ? (long)(yuan * 100m) : throw new ArgumentException($"{yuan} yuan is not a whole number of fen", nameof(yuan));

    /// <summary>The amount in yuan of <paramref name="fen"/> fen.</summary>
    public static decimal FromFen(long fen) => fen / 100m;

    /// <summary>Formats with exactly two decimals and no grouping, invariant culture (for CSV, hashes and JSON strings).</summary>
    public static string Format(decimal yuan) => Round(yuan).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
