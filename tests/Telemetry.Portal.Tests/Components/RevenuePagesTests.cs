using Bunit;
using Telemetry.Portal.Components.Pages;

namespace Telemetry.Portal.Tests.Components;

public sealed class RevenuePagesTests : PortalTestContext
{
    // The context's clock stands on 2026-06-21 and its FakeRevenueStatements has June 2026 as the current month.

    [Theory]
    [InlineData("zh-CN", "光伏收益分配", "泽州县", "2026年6月", "2026年5月")]
    [InlineData("en", "PV revenue allocation", "Zezhou", "June 2026", "May 2026")]
    public void Villages_ListsVillagesByCountyWithThisAndLastMonth(string culture, string heading, string county, string thisMonth, string lastMonth)
    {
        UseCulture(culture);

        var cut = Render<RevenueVillagesPage>();

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(county, cut.Find("[data-county='zezhou'] h2").TextContent);
        var links = cut.FindAll("[data-village='zz-v2'] a");
        Assert.Equal([thisMonth, lastMonth], links.Select(a => a.TextContent));
        Assert.Equal(["revenue/zz-v2/2026-06", "revenue/zz-v2/2026-05"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(3, cut.FindAll("[data-village]").Count);
    }

    [Fact]
    public void Statement_PublishedMonth_ShowsTotalsStationsAndLinesThatAddUp()
    {
        UseCulture("zh-CN");

        var cut = Render<RevenueStatementPage>(p => p.Add(x => x.VillageId, "zz-v2").Add(x => x.Month, "2026-04"));

        Assert.Equal("西郜村 · 2026年4月", cut.Find("h1").TextContent);
        Assert.Contains("已公示（第 3 号）", cut.Find("[data-field='status']").TextContent, StringComparison.Ordinal);
        Assert.Equal("3,460.66", cut.Find("[data-tile='distributable'] [data-field='value']").TextContent);
        Assert.Equal("3,460.66", cut.Find("[data-table='lines'] [data-field='total']").TextContent);
        Assert.Equal("含估算", cut.Find("[data-station='PV-V002'] td:nth-child(4)").TextContent);
        Assert.Contains("监测户", cut.Find("[data-line='1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("row-warning", cut.Find("[data-line='2']").ClassName, StringComparison.Ordinal);
        Assert.Equal("api/revenue/zz-v2/2026-04/statement.csv", cut.Find("[data-link='csv']").GetAttribute("href"));
        Assert.Equal("revenue/zz-v2/2026-04/print", cut.Find("[data-link='print']").GetAttribute("href"));
    }

    [Theory]
    [InlineData("zh-CN", "临时：本月尚未结束")]
    [InlineData("en", "Provisional: the month is not over")]
    public void Statement_CurrentMonth_HasTheProvisionalBannerAndNoNextLink(string culture, string banner)
    {
        UseCulture(culture);

        var cut = Render<RevenueStatementPage>(p => p.Add(x => x.VillageId, "zz-v2").Add(x => x.Month, "2026-06"));

        Assert.StartsWith(banner, cut.Find("[data-field='status']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-link='next']"));
    }

    [Fact]
    public void Statement_UnknownVillageOrBadMonth_SaysThereIsNone()
    {
        UseCulture("zh-CN");

        Assert.NotNull(Render<RevenueStatementPage>(p => p.Add(x => x.VillageId, "nowhere").Add(x => x.Month, "2026-04")).Find("[data-field='missing']"));
        Assert.NotNull(Render<RevenueStatementPage>(p => p.Add(x => x.VillageId, "zz-v2").Add(x => x.Month, "April")).Find("[data-field='missing']"));
    }

    [Fact]
    public void Print_InEnglishPortal_IsStillTheChineseNoticeWithItsHash()
    {
        UseCulture("en");

        var cut = Render<RevenuePrintPage>(p => p.Add(x => x.VillageId, "zz-v2").Add(x => x.Month, "2026-04"));

        Assert.Equal("西郜村 光伏帮扶电站收益分配公示", cut.Find("h1").TextContent);
        Assert.Equal("3,460.66", cut.Find("[data-table='lines'] [data-field='total']").TextContent);
        Assert.Contains("公益岗位", cut.Find("[data-table='lines']").TextContent, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), cut.Find(".notice-verify").TextContent, StringComparison.Ordinal);
    }
}
