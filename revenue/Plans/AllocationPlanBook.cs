using Telemetry.Revenue.Allocation;

namespace Telemetry.Revenue.Plans;

/// <summary>The validated plans of every village, by village and year.</summary>
public sealed class AllocationPlanBook
{
    private readonly Dictionary<(string Village, int Year), AllocationPlan> _plans;

    /// <summary>Wraps validated plans (at most one per village and year).</summary>
    public AllocationPlanBook(IEnumerable<AllocationPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        _plans = plans.ToDictionary(p => (p.Village.Id, p.Year));
    }

    /// <summary>No plans at all.</summary>
    public static AllocationPlanBook Empty { get; } = new([]);

    /// <summary>Every plan.</summary>
    public IReadOnlyCollection<AllocationPlan> All => _plans.Values;

    /// <summary>The village's plan for <paramref name="year"/>, or null.</summary>
    public AllocationPlan? Find(string villageId, int year) => _plans.GetValueOrDefault((villageId, year));
}
