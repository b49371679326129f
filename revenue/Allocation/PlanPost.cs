using Telemetry.Core.Fleet;

namespace Telemetry.Revenue.Allocation;

/// <summary>A public-welfare post (公益岗位) and the household member who holds it.</summary>
/// <param name="Id">Id within the plan.</param>
/// <param name="Title">The post, e.g. 保洁员, 护林员, 道路养护员.</param>
/// <param name="Holder">The household whose member holds the post.</param>
/// <param name="MonthlyWage">Wage per month worked, whole fen.</param>
/// <param name="Months">Months of the year the post is worked (1–12).</param>
public sealed record PlanPost(string Id, string Title, Household Holder, decimal MonthlyWage, IReadOnlySet<int> Months);
