namespace Telemetry.Revenue.Allocation;

/// <summary>The uses of a collective's PV revenue (国开办发〔2017〕61号), in the order a plan covers them when money is short.</summary>
public enum AllocationTier
{
    /// <summary>公益岗位: wages of public-welfare posts (posts held by monitored households first).</summary>
    Posts,

    /// <summary>小型公益事业: small public works, by budget.</summary>
    Projects,

    /// <summary>奖励补助: rewards and subsidies, by budget.</summary>
    Rewards,

    /// <summary>分红: household dividends by equity share, from what is left.</summary>
    Dividends,
}
