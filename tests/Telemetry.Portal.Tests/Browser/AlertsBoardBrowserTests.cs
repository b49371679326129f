using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.Lifecycle;
using static Microsoft.Playwright.Assertions;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>The alerts board in headless Chromium against the real host; the test plays the detectors' part.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class AlertsBoardBrowserTests(PortalServerFixture fixture)
{
    private const string Station = "PV-V030"; // 陵川县, 陵川县光伏运维一班
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 20_000 };

    [Fact]
    public async Task AlertsBoard_RaisedAlert_AppearsLive_IsAcknowledgedFromTheBoard_AndLeavesWhenCleared()
    {
        var lifecycle = (AlertLifecycle)fixture.Host.Services.GetRequiredService<IAlertLifecycle>();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(fixture.Host.BaseUrl, "alerts").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("故障告警");
        await Expect(page.Locator(".main-nav .nav-link.active")).ToHaveTextAsync("告警");
        await Expect(page.Locator(".live-on")).ToBeVisibleAsync(new() { Timeout = 20_000 }); // the circuit is up

        var raisedAt = DateTimeOffset.UtcNow.AddMinutes(-12);
        lifecycle.Submit(new AlertSignal(Station, AlertRules.PvOffline, AlertSeverity.Critical, true, raisedAt, "设备离线：自 12 分钟前起无数据"));

        var row = page.Locator($"tr[data-device='{Station}']");
        await Expect(row.Locator("[data-field='rule']")).ToHaveTextAsync("电站离线", Live);
        await Expect(row.Locator("[data-field='severity']")).ToHaveTextAsync("紧急");
        await Expect(row.Locator("[data-field='crew']")).ToHaveTextAsync("陵川县光伏运维一班");
        await page.Locator("input[name='who']").FillAsync("王师傅");
        await row.Locator("[data-action='ack']").ClickAsync();
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("已确认 · 王师傅", Live);
        await row.Locator("[data-action='details']").ClickAsync();
        var history = page.Locator("[data-panel='alert-detail'] [data-list='history']");
        await Expect(history).ToContainTextAsync("产生", new() { Timeout = 20_000 });
        await Expect(history).ToContainTextAsync("确认");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "alerts-zh-CN.png") });

        var alert = lifecycle.Active().Single(a => a.DeviceId == Station);
        Assert.Equal(("王师傅", AlertState.Acknowledged), (alert.AcknowledgedBy, alert.State));

        lifecycle.Submit(new AlertSignal(Station, AlertRules.PvOffline, AlertSeverity.Minor, false, DateTimeOffset.UtcNow, "设备已恢复上报"));

        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 20_000 }); // the board shows active alerts
        Assert.Empty(errors);
    }
}
