using Telemetry.Revenue.Statements;

namespace Telemetry.Revenue.Settlement;

/// <summary>Read access to villages' monthly statements (what the portal needs); <see cref="RevenueService"/> implements it.</summary>
public interface IRevenueStatements
{
    /// <summary>The current month in China time (first day).</summary>
    DateOnly CurrentMonth { get; }

    /// <summary>The latest published statement, or one computed now; null for an unknown village or a future month.</summary>
    Task<RevenueStatement?> GetAsync(string villageId, DateOnly month, CancellationToken cancellationToken);
}
