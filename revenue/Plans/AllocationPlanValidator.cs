using System.Globalization;
using Telemetry.Core.Fleet;
using Telemetry.Revenue.Allocation;
using Telemetry.Revenue.Money;
using Telemetry.Revenue.Plans.Document;

namespace Telemetry.Revenue.Plans;

/// <summary>Checks a plans document against the fleet registry and the allocation rules, collecting every error with its path and rule.</summary>
internal sealed class AllocationPlanValidator(FleetRegistry fleet)
{
    private static readonly AllocationTier[] DefaultPriority = [AllocationTier.Posts, AllocationTier.Projects, AllocationTier.Rewards, AllocationTier.Dividends];
    private readonly List<PlanValidationError> _errors = [];

    public IReadOnlyList<PlanValidationError> Errors => _errors;

    public List<AllocationPlan> Validate(PlansFileDocument doc)
    {
        if (doc.Version is not 1)
        {
            Add("version", PlanRule.Invalid, doc.Version is null ? "is required (this build reads version 1)" : $"{doc.Version} is not supported (this build reads version 1)");
        }

        var plans = new List<AllocationPlan>();
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < (doc.Plans?.Count ?? 0); i++)
        {
            var path = $"plans[{i}]";
            var plan = Plan(doc.Plans![i], path);
            if (plan is not null && !seen.Add((plan.Village.Id, plan.Year)))
            {
                Add(path, PlanRule.Duplicate, $"village '{plan.Village.Id}' already has a plan for {plan.Year}");
            }

            if (plan is not null)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    private AllocationPlan? Plan(PlanDocument d, string path)
    {
        var errorsBefore = _errors.Count;
        Village? village = null;
        if (string.IsNullOrWhiteSpace(d.Village))
        {
            Add(path + ".village", PlanRule.Invalid, "is required");
        }
        else if (!fleet.TryGetVillage(d.Village, out village))
        {
            Add(path + ".village", PlanRule.UnknownVillage, $"village '{d.Village}' is not defined in the fleet registry");
        }

        var year = d.Year ?? 0;
        if (d.Year is not (>= 2015 and <= 2100))
        {
            Add(path + ".year", PlanRule.Invalid, d.Year is null ? "is required" : $"{d.Year} is outside 2015…2100");
        }

        if (!DateOnly.TryParseExact(d.Approved, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var approved))
        {
            Add(path + ".approved", PlanRule.Invalid, d.Approved is null ? "is required (yyyy-MM-dd)" : $"'{d.Approved}' is not a date in the form yyyy-MM-dd");
        }

        var planned = Amount(d.PlannedDistributable, path + ".plannedDistributable", required: true);
        var posts = Posts(d.Posts, village, path);
        var projects = Items(d.Projects, village, path + ".projects", allowRecipient: false);
        var rewards = Items(d.Rewards, village, path + ".rewards", allowRecipient: true);
        var dividends = Dividends(d.Dividends, village, path + ".dividends");
        var priority = Priority(d.Priority, path + ".priority");
        if (village is null || _errors.Count > errorsBefore)
        {
            return null;
        }

        var plan = new AllocationPlan(village, year, approved, planned, posts, projects, rewards, dividends, priority);
        if (dividends is { MaxShareOfDistributable: 1m } && priority.IndexOf(AllocationTier.Dividends) < priority.Count - 1 && plan.YearlyCommitments > 0m)
        {
            Add(path + ".priority", PlanRule.Invalid,
                "dividends come before other uses but may take all of the month's money (maxShareOfDistributable 1): posts, works and rewards would get nothing");
            return null;
        }

        if (plan.YearlyCommitments > planned)
        {
            Add(path, PlanRule.OverAllocated, string.Create(CultureInfo.InvariantCulture,
                $"commits {Yuan.Format(plan.YearlyCommitments)} yuan a year (posts, projects, rewards) but plans to distribute only {Yuan.Format(planned)}"));
            return null;
        }

        return plan;
    }

    private List<PlanPost> Posts(List<PostDocument>? docs, Village? village, string planPath)
    {
        var posts = new List<PlanPost>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < (docs?.Count ?? 0); j++)
        {
            var p = $"{planPath}.posts[{j}]";
            var d = docs![j];
            var id = Text(d.Id, p + ".id");
            if (id.Length > 0 && !ids.Add(id))
            {
                Add(p + ".id", PlanRule.Duplicate, $"post id '{id}' is used more than once");
            }

            var title = Text(d.Title, p + ".title");
            Household? holder = null;
            if (string.IsNullOrWhiteSpace(d.Holder))
            {
                Add(p + ".holder", PlanRule.PostWithoutHolder, $"post '{title}' has no holder; a public-welfare post is paid to a named person (公益岗位须明确到人)");
            }
            else
            {
                holder = Household(d.Holder, village, p + ".holder");
            }

            var wage = Amount(d.MonthlyWage, p + ".monthlyWage", required: true);
            if (d.MonthlyWage is <= 0m)
            {
                Add(p + ".monthlyWage", PlanRule.Invalid, "must be more than 0");
            }

            var months = Months(d.Months, p + ".months");
            if (holder is not null)
            {
                posts.Add(new PlanPost(id, title, holder, wage, months.ToHashSet()));
            }
        }

        return posts;
    }

    private List<PlanBudgetItem> Items(List<BudgetItemDocument>? docs, Village? village, string path, bool allowRecipient)
    {
        var items = new List<PlanBudgetItem>();
        for (var j = 0; j < (docs?.Count ?? 0); j++)
        {
            var p = $"{path}[{j}]";
            var d = docs![j];
            var id = Text(d.Id, p + ".id");
            var name = Text(d.Name, p + ".name");
            var budget = Amount(d.Budget, p + ".budget", required: true);
            if (d.Budget is <= 0m)
            {
                Add(p + ".budget", PlanRule.Invalid, "must be more than 0");
            }

            Household? recipient = null;
            if (d.Recipient is not null)
            {
                if (!allowRecipient)
                {
                    Add(p + ".recipient", PlanRule.Invalid, "a public work has no household recipient");
                }
                else
                {
                    recipient = Household(d.Recipient, village, p + ".recipient");
                }
            }

            items.Add(new PlanBudgetItem(id, name, recipient, budget, Months(d.Months, p + ".months")));
        }

        return items;
    }

    private DividendPlan? Dividends(DividendDocument? d, Village? village, string path)
    {
        if (d is null)
        {
            return null;
        }

        var weight = d.MonitoredWeight ?? 1.5m;
        if (weight is < 1m or > 10m)
        {
            Add(path + ".monitoredWeight", PlanRule.Invalid, string.Create(CultureInfo.InvariantCulture, $"{weight} is outside 1…10 (monitored households come first, never last)"));
        }

        var maxShare = d.MaxShareOfDistributable ?? 1m;
        if (maxShare is <= 0m or > 1m)
        {
            Add(path + ".maxShareOfDistributable", PlanRule.Invalid, string.Create(CultureInfo.InvariantCulture, $"{maxShare} is outside (0, 1]"));
        }

        var equity = new List<EquityShare>();
        for (var k = 0; k < (d.Equity?.Count ?? 0); k++)
        {
            var p = $"{path}.equity[{k}]";
            var household = Household(d.Equity![k].Household, village, p + ".household");
            var shares = d.Equity[k].Shares;
            if (shares is not > 0m)
            {
                Add(p + ".shares", PlanRule.Invalid, shares is null ? "is required" : "must be more than 0");
            }

            if (household is not null && equity.Any(e => e.Household == household))
            {
                Add(p + ".household", PlanRule.Duplicate, $"household '{household.Id}' is listed twice");
            }
            else if (household is not null)
            {
                equity.Add(new EquityShare(household, shares ?? 0m));
            }
        }

        if (d.Equity is not { Count: > 0 })
        {
            Add(path + ".equity", PlanRule.Invalid, "dividends need households with equity shares");
        }

        CheckEqualSplit(equity, village, weight, path);
        return new DividendPlan(equity, weight, maxShare);
    }

    /// <summary>
    /// 严禁简单平均分配: dividends in proportion to household size (the same per head), or the same for every household of the
    /// village with no weight for monitored households, are a plain hand-out, not an allocation.
    /// </summary>
    private void CheckEqualSplit(List<EquityShare> equity, Village? village, decimal monitoredWeight, string path)
    {
        if (equity.Count < 2 || equity.Any(e => e.Shares <= 0m))
        {
            return;
        }

        var perHead = equity.Select(e => e.Shares / e.Household.Members).Distinct().Count() == 1
            && equity.Select(e => e.Household.Members).Distinct().Count() > 1;
        var everyone = village is not null
            && fleet.Households.Where(h => h.Village == village).All(h => equity.Any(e => e.Household == h));
        var equal = equity.Select(e => e.Shares).Distinct().Count() == 1 && everyone && monitoredWeight == 1m;
        if (perHead || equal)
        {
            Add(path + ".equity", PlanRule.EqualSplit, perHead
                ? "shares are proportional to household size: an equal cash split per head is not allowed (严禁简单平均分配); tie revenue to posts, works or equity"
                : "every household of the village gets the same share with no priority for monitored households: an equal split is not allowed (严禁简单平均分配)");
        }
    }

    private List<AllocationTier> Priority(List<string>? names, string path)
    {
        if (names is null)
        {
            return [.. DefaultPriority];
        }

        var tiers = new List<AllocationTier>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!Enum.TryParse<AllocationTier>(names[i], ignoreCase: true, out var tier) || int.TryParse(names[i], out _))
            {
                Add($"{path}[{i}]", PlanRule.Invalid, $"'{names[i]}' is not one of posts, projects, rewards, dividends");
            }
            else if (tiers.Contains(tier))
            {
                Add($"{path}[{i}]", PlanRule.Duplicate, $"'{names[i]}' is listed twice");
            }
            else
            {
                tiers.Add(tier);
            }
        }

        foreach (var missing in DefaultPriority.Except(tiers))
        {
            tiers.Add(missing);
        }

        return tiers;
    }

    private Household? Household(string? id, Village? village, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Add(path, PlanRule.Invalid, "is required");
            return null;
        }

        if (!fleet.TryGetHousehold(id, out var household))
        {
            Add(path, PlanRule.UnknownHousehold, $"household '{id}' is not defined in the fleet registry");
            return null;
        }

        if (village is not null && household.Village != village)
        {
            Add(path, PlanRule.HouseholdOfOtherVillage, $"household '{id}' belongs to village '{household.Village.Id}', not '{village.Id}'");
            return null;
        }

        return household;
    }

    private List<int> Months(List<int>? months, string path)
    {
        if (months is null)
        {
            return [.. Enumerable.Range(1, 12)];
        }

        if (months.Count == 0 || months.Any(m => m is < 1 or > 12) || months.Distinct().Count() != months.Count)
        {
            Add(path, PlanRule.Invalid, "must list distinct months 1…12");
        }

        return [.. months.Where(m => m is >= 1 and <= 12).Distinct().Order()];
    }

    private decimal Amount(decimal? value, string path, bool required)
    {
        if (value is not { } v)
        {
            if (required)
            {
                Add(path, PlanRule.Invalid, "is required");
            }

            return 0m;
        }

        if (v < 0m || v > 100_000_000m)
        {
            Add(path, PlanRule.Invalid, string.Create(CultureInfo.InvariantCulture, $"{v} is outside 0…100000000"));
        }
        else if (!Yuan.IsWholeFen(v))
        {
            Add(path, PlanRule.WholeFen, string.Create(CultureInfo.InvariantCulture, $"{v} is not in whole fen (at most 2 decimals)"));
        }

        return v;
    }

    private string Text(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, PlanRule.Invalid, "is required");
            return "";
        }

        return value.Trim();
    }

    private void Add(string path, string rule, string message) => _errors.Add(new PlanValidationError(path, rule, message));
}
