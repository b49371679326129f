namespace Telemetry.Revenue.Money;

/// <summary>
/// Splits an amount of money into parts by weight so that the parts are whole fen and add up to the amount exactly
/// (the largest-remainder, or Hamilton, method).
/// </summary>
/// <remarks>
/// <para>Each part's exact quota is <c>total × weightᵢ / Σweights</c>, in fen. Every part first gets its quota rounded down;
/// the fen left over (fewer than the number of parts) go one each to the parts with the largest fractional remainders.
/// Ties are broken by position: the earlier part wins, so the same input always gives the same split.</para>
/// <para>Consequences the property tests check: the parts sum to the total; no part is negative; every part is within one
/// fen of its exact quota; a part with weight 0 gets nothing; a larger weight never gets less than a smaller one.</para>
/// </remarks>
public static class LargestRemainder
{
    /// <summary>Splits <paramref name="total"/> yuan by <paramref name="weights"/>.</summary>
    /// <param name="total">Whole fen, not negative.</param>
    /// <param name="weights">Not negative; at least one positive when <paramref name="total"/> is positive.</param>
    /// <returns>One amount per weight, in the same order.</returns>
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "must not be negative");
        }

        var totalFen = Yuan.ToFen(total);
        var fen = AllocateUnits(totalFen, weights);
        var result = new decimal[fen.Length];
        for (var i = 0; i < fen.Length; i++)
        {
            result[i] = Yuan.FromFen(fen[i]);
        }

        return result;
    }

    /// <summary>
    /// Splits <paramref name="totalFen"/> whole units (fen, or thousandths of a kWh) by <paramref name="weights"/>, with the
    /// same rules as <see cref="Allocate"/>.
    /// </summary>
    public static long[] AllocateUnits(long totalFen, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(totalFen);
        var sum = 0m;
        foreach (var w in weights)
        {
            if (w < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must not be negative");
            }

            sum += w;
        }

        var parts = new long[weights.Count];
        if (totalFen == 0)
        {
            return parts;
        }

        if (sum == 0m)
        {
            throw new ArgumentException("at least one weight must be positive to split a positive amount", nameof(weights));
        }

        var remainders = new decimal[weights.Count];
        var given = 0L;
        for (var i = 0; i < weights.Count; i++)
        {
            // Multiply before dividing so that the quota keeps every digit decimal can hold.
            var quota = totalFen * weights[i] / sum;
            var floor = decimal.Floor(quota);
            parts[i] = (long)floor;
            remainders[i] = quota - floor;
            given += parts[i];
        }

        var left = totalFen - given;
        if (left < 0 || left >= weights.Count)
        {
            // Impossible in exact arithmetic; decimal keeps 28 digits, so only absurd weights could get here.
            throw new ArithmeticException($"largest-remainder split of {totalFen} fen left {left} fen over; weights lose precision");
        }

        if (left > 0)
        {
            var order = Enumerable.Range(0, weights.Count)
                .Where(i => weights[i] > 0m)
                .OrderByDescending(i => remainders[i])
                .ThenBy(i => i)
                .Take((int)left);
            foreach (var i in order)
            {
                parts[i]++;
            }
        }

        return parts;
    }
}
