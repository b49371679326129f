namespace Telemetry.Revenue.Statements;

/// <summary>What an allocation line pays for.</summary>
public enum AllocationCategory
{
    /// <summary>公益岗位工资: a public-welfare post's wage.</summary>
    Post,

    /// <summary>小型公益事业: a small public work's monthly instalment.</summary>
    Project,

    /// <summary>奖励补助: a reward or subsidy's monthly instalment.</summary>
    Reward,

    /// <summary>分红: a household's dividend by equity share.</summary>
    Dividend,

    /// <summary>村集体留存: kept by the collective (nothing planned for it, or no plan yet).</summary>
    Retained,

    /// <summary>贷款还款: a household station's loan repayment.</summary>
    LoanRepayment,

    /// <summary>户用电站收益: a household station's revenue paid to its household.</summary>
    HouseholdIncome,
}
