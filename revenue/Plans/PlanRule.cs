namespace Telemetry.Revenue.Plans;

/// <summary>The rules an allocation plan is checked against; each error names one.</summary>
public static class PlanRule
{
    /// <summary>A value is missing, malformed or out of range.</summary>
    public const string Invalid = "invalid";

    /// <summary>An id, village-year or household appears twice.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The village is not in the fleet registry.</summary>
    public const string UnknownVillage = "unknown-village";

    /// <summary>A household is not in the fleet registry.</summary>
    public const string UnknownHousehold = "unknown-household";

    /// <summary>A household belongs to another village.</summary>
    public const string HouseholdOfOtherVillage = "household-of-other-village";

    /// <summary>A public-welfare post must be held by someone (公益岗位须明确到人).</summary>
    public const string PostWithoutHolder = "post-without-holder";

    /// <summary>An equal split per household or per head (严禁简单平均分配、“简单发钱”).</summary>
    public const string EqualSplit = "equal-split";

    /// <summary>The plan commits more than the distributable revenue it was made against.</summary>
    public const string OverAllocated = "over-allocated";

    /// <summary>Amounts are in yuan to the fen.</summary>
    public const string WholeFen = "whole-fen";
}
