using Telemetry.Core.Fleet;
using Telemetry.Revenue.Metering;

namespace Telemetry.Revenue.Statements;

/// <summary>The Chinese words a published statement (公示) uses; the CSV export and the printable page share them.</summary>
public static class StatementLabels
{
    /// <summary>中文 name of an allocation category.</summary>
    public static string Category(AllocationCategory category) => category switch
    {
        AllocationCategory.Post => "公益岗位",
        AllocationCategory.Project => "小型公益事业",
        AllocationCategory.Reward => "奖励补助",
        AllocationCategory.Dividend => "分红",
        AllocationCategory.Retained => "村集体留存",
        AllocationCategory.LoanRepayment => "贷款还款",
        AllocationCategory.HouseholdIncome => "户用电站收益",
        _ => category.ToString(),
    };

    /// <summary>中文 name of a statement status.</summary>
    public static string Status(StatementStatus status) => status switch
    {
        StatementStatus.Provisional => "临时（本月未结束，数据仍会变化）",
        StatementStatus.Unpublished => "未公示（按当前数据计算）",
        _ => "已公示",
    };

    /// <summary>中文 name of a data quality.</summary>
    public static string Quality(EnergyQuality quality) => quality switch
    {
        EnergyQuality.Measured => "实测",
        EnergyQuality.Estimated => "含估算",
        _ => "有缺数",
    };

    /// <summary>中文 name of a station class (from <see cref="StationRevenue.StationClass"/>).</summary>
    public static string StationClassName(string stationClass) => stationClass switch
    {
        nameof(Core.Fleet.StationClass.National) => "国家光伏帮扶电站",
        nameof(Core.Fleet.StationClass.Village) => "村级分布式电站",
        nameof(Core.Fleet.StationClass.Household) => "户用光伏电站",
        _ => stationClass,
    };

    /// <summary>中文 name of a deduction.</summary>
    public static string Deduction(DeductionKind kind) => kind switch
    {
        DeductionKind.OperationAndMaintenance => "运维费",
        DeductionKind.Insurance => "保险费",
        _ => "土地租金",
    };

    /// <summary>Who receives a station's revenue: 村集体 or the household id.</summary>
    public static string Recipient(string recipient) => recipient == "collective" ? "村集体" : recipient;
}
