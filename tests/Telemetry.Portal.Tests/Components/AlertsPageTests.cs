using AngleSharp.Dom;
using Bunit;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Portal.Components.Pages;

namespace Telemetry.Portal.Tests.Components;

public sealed class AlertsPageTests : PortalTestContext
{
    [Theory]
    [InlineData("zh-CN", "故障告警", "紧急", "电站离线", "运维一班", "东四义村", "未确认")]
    [InlineData("en", "Fault alerts", "Critical", "Station offline", "运维一班", "Dongsiyi", "Open")]
    public void Render_Culture_ShowsLabelsInThatLanguage(string culture, string heading, string critical, string rule, string crew, string village, string state)
    {
        UseCulture(culture);
        var alert = Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start.AddMinutes(-5), "离线 5 分钟");

        var cut = Render<AlertsPage>();

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(critical, Cell(cut, alert.Id, "severity").TextContent.Trim());
        Assert.Equal(rule, Cell(cut, alert.Id, "rule").TextContent.Trim());
        Assert.Contains("离线 5 分钟", Cell(cut, alert.Id, "problem").TextContent, StringComparison.Ordinal);
        Assert.Equal(crew, Cell(cut, alert.Id, "crew").TextContent.Trim());
        Assert.StartsWith(village, Cell(cut, alert.Id, "location").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(state, Cell(cut, alert.Id, "state").TextContent.Trim());
    }

    [Fact]
    public void Render_Tiles_CountTheActiveAlertsBySeverity()
    {
        UseCulture("zh-CN");
        Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start);
        Alerts.Preset(Device("BARN-001"), AlertRules.BarnNh3High, AlertSeverity.Critical, Start);
        Alerts.Preset(Device("PV-V002"), AlertRules.PvZeroOutput, AlertSeverity.Major, Start, ackBy: "李工", state: AlertState.Acknowledged);
        Alerts.Preset(Device("PV-N001"), AlertRules.PvOffline, AlertSeverity.Critical, Start, state: AlertState.Cleared);

        var cut = Render<AlertsPage>();

        Assert.Equal("3", Field(cut, "active"));
        Assert.Equal("2", Field(cut, "count-critical"));
        Assert.Equal("1", Field(cut, "count-major"));
        Assert.Equal("0", Field(cut, "count-minor"));
        Assert.Equal("未确认 2", cut.Find("[data-tile='active'] .tile-sub").TextContent);
        Assert.Equal(3, Rows(cut).Count); // active only by default: the cleared one is history
    }

    [Fact]
    public void StateFilter_Cleared_ShowsOnlyClearedAlerts()
    {
        UseCulture("zh-CN");
        Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start);
        var cleared = Alerts.Preset(Device("PV-N001"), AlertRules.PvOffline, AlertSeverity.Critical, Start, state: AlertState.Cleared);
        var cut = Render<AlertsPage>();

        cut.Find("select[name='state']").Change(nameof(AlertStateFilter.Cleared));

        Assert.Equal([cleared.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Rows(cut).Select(r => r.GetAttribute("data-alert")));
        Assert.Equal("已恢复", Cell(cut, cleared.Id, "state").TextContent.Trim());
    }

    [Fact]
    public void CountyFilter_ShowsThatCountysAlertsAndOffersItsVillages()
    {
        UseCulture("zh-CN");
        Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start);
        var lingchuan = Alerts.Preset(Device("BARN-002"), AlertRules.BarnFanFailure, AlertSeverity.Major, Start);
        var cut = Render<AlertsPage>();

        cut.Find("select[name='county']").Change("lingchuan");

        Assert.Equal([lingchuan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Rows(cut).Select(r => r.GetAttribute("data-alert")));
        Assert.Equal(["", "lc-v1"], cut.FindAll("select[name='village'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("0", Field(cut, "count-critical"));
    }

    [Fact]
    public void CrewFilter_OffersTheCrewsAndShowsTheChosenCrewsAlerts()
    {
        UseCulture("zh-CN");
        var alert = Alerts.Preset(Device("BARN-002"), AlertRules.BarnFanFailure, AlertSeverity.Major, Start);
        var cut = Render<AlertsPage>();

        Assert.Equal(["全部班组", "运维一班"], cut.FindAll("select[name='crew'] option").Select(o => o.TextContent));
        cut.Find("select[name='crew']").Change("crew-1");

        Assert.Equal([alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Rows(cut).Select(r => r.GetAttribute("data-alert")));
    }

    [Fact]
    public void Acknowledge_WithoutAName_AsksForOneAndRecordsNothing()
    {
        UseCulture("zh-CN");
        var alert = Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start);
        var cut = Render<AlertsPage>();

        Row(cut, alert.Id).QuerySelector("[data-action='ack']")!.Click();

        Assert.Empty(Alerts.Acknowledgements);
        Assert.Equal("请先填写处理人姓名。", cut.Find("[data-field='notice']").TextContent);
    }

    [Fact]
    public void Acknowledge_WithAName_RecordsWhoAndShowsItOnTheRow()
    {
        UseCulture("zh-CN");
        var alert = Alerts.Preset(Device("PV-V001"), AlertRules.PvOffline, AlertSeverity.Critical, Start);
        var cut = Render<AlertsPage>();

        cut.Find("input[name='who']").Input("李工");
        Row(cut, alert.Id).QuerySelector("[data-action='ack']")!.Click();

        Assert.Equal([(alert.Id, "李工", (string?)null)], Alerts.Acknowledgements);
        Assert.Equal("已确认 · 李工", Cell(cut, alert.Id, "state").TextContent.Trim());
        Assert.Null(Row(cut, alert.Id).QuerySelector("[data-action='ack']"));
        Assert.Equal("acknowledged", Row(cut, alert.Id).GetAttribute("data-state"));
    }

    [Fact]
    public void Details_ShowHistory_AndACommentPostedThereIsListed()
    {
        UseCulture("zh-CN");
        var alert = Alerts.Preset(Device("BARN-001"), AlertRules.BarnNh3High, AlertSeverity.Major, Start, "氨气 28 ppm 持续 20 分钟");
        var cut = Render<AlertsPage>();

        Row(cut, alert.Id).QuerySelector("[data-action='details']")!.Click();
        cut.Find("input[name='who']").Input("赵师傅");
        cut.Find("textarea[name='comment']").Input("已开启备用风机");
        cut.Find("[data-action='comment']").Click();

        var panel = cut.Find("[data-panel='alert-detail']");
        Assert.Equal("氨气超标", panel.QuerySelector("[data-field='rule']")!.TextContent);
        Assert.Equal("氨气 28 ppm 持续 20 分钟", panel.QuerySelector("[data-field='message']")!.TextContent);
        Assert.Equal("运维一班 · 0356-1234567", panel.QuerySelector("[data-field='crew']")!.TextContent);
        Assert.Equal(["Raised", "Commented"], panel.QuerySelectorAll("[data-list='history'] li").Select(li => li.GetAttribute("data-kind")));
        Assert.Contains("已开启备用风机", panel.QuerySelector("[data-list='comments']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", cut.Find("textarea[name='comment']").GetAttribute("value") ?? "");
    }

    [Fact]
    public void LiveRaise_AfterTheRefreshInterval_AppearsOnTheBoard()
    {
        UseCulture("zh-CN");
        var cut = Render<AlertsPage>();
        Assert.Empty(Rows(cut));

        var alert = Alerts.Raise(Device("PV-V002"), AlertRules.PvInverterFault, AlertSeverity.Major, Start);
        Assert.Empty(Rows(cut)); // sampled: not yet
        AdvanceRefresh();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Equal("逆变器故障", Cell(cut, alert.Id, "rule").TextContent.Trim());
        Assert.Equal("1", Field(cut, "count-major"));
    }

    [Fact]
    public void FailingDeliveries_AreShownAsATileAndANotice()
    {
        UseCulture("en");
        Alerts.FailingDeliveries = 2;

        var cut = Render<AlertsPage>();

        Assert.Equal("2", Field(cut, "failing"));
        Assert.StartsWith("2 alert notifications could not be delivered", cut.Find("[data-field='failing-notice']").TextContent, StringComparison.Ordinal);
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<AlertsPage> cut) => cut.FindAll("[data-table='alerts'] tbody tr");

    private static IElement Row(IRenderedComponent<AlertsPage> cut, long id) => cut.Find($"tr[data-alert='{id}']");

    private static IElement Cell(IRenderedComponent<AlertsPage> cut, long id, string field) => Row(cut, id).QuerySelector($"[data-field='{field}']")!;

    private static string Field(IRenderedComponent<AlertsPage> cut, string field) => cut.Find($"[data-field='{field}']").TextContent;
}
