using Microsoft.Playwright;
using Telemetry.Core.Fleet;
using static Microsoft.Playwright.Assertions;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>The portal in headless Chromium against the real host; the test publishes as a device over MQTT.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class PortalBrowserTests(PortalServerFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 20_000 };

    [Fact]
    public async Task FleetPage_DeviceReports_ShowsChineseUiAndTheValueChangesWithoutReload()
    {
        await using var device = await TestDevice.ConnectAsync(fixture.Host.BrokerPort, "PV-V001");
        // Meter and day counter agree (+6 kWh between the two readings), so "today" reads 6.0 at any hour: before 06:00 China
        // time the first reading counts as the day's baseline and today is the meter's rise, later the day counter.
        await device.PublishPvAsync(12.3, 1000.0, 0.0);
        var (page, errors) = await OpenAsync("");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("电站与养殖场");
        await Expect(page.Locator(".brand-name")).ToHaveTextAsync("光伏帮扶与养殖监测平台");
        await Expect(page.Locator(".main-nav")).ToContainTextAsync("总览");
        var row = page.Locator("tr[data-device='PV-V001']");
        var power = row.Locator("[data-field='power']");
        await Expect(power).ToHaveTextAsync("12.3", Live);
        await Expect(row.Locator("[data-field='status']")).ToHaveTextAsync("在线");
        await Expect(page.Locator(".live-on")).ToBeVisibleAsync(new() { Timeout = 20_000 }); // the circuit is up
        await page.EvaluateAsync("() => window.__sameDocument = 'yes'");

        await device.PublishPvAsync(45.6, 1006.0, 6.0);

        await Expect(power).ToHaveTextAsync("45.6", Live);
        await Expect(row.Locator("[data-field='energy-today']")).ToHaveTextAsync("6.0", Live);
        Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.__sameDocument"));
        await row.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot("fleet-zh-CN.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TopologyPage_CountySelected_DrawsLinksAndColoursTheReportingStation()
    {
        await using var device = await TestDevice.ConnectAsync(fixture.Host.BrokerPort, "PV-H001");
        await device.PublishPvAsync(3.2, 500.0, 1.5);
        var (page, errors) = await OpenAsync("topology");

        var links = page.Locator(".diagram-link:has(path)");
        await Expect(links).ToHaveCountAsync(6, new() { Timeout = 20_000 }); // city → 6 counties
        await Expect(page.Locator("[data-node='county-chengqu']")).ToContainTextAsync("城区");

        await page.ScreenshotAsync(new() { Path = Shot("topology-city-zh-CN.png") });

        await page.Locator("[data-node='county-chengqu']").ClickAsync();

        var fleet = FleetRegistryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fleet", "jincheng.fleet.json"));
        var chengqu = fleet.Counties.Single(c => c.Id == "chengqu");
        var expectedLinks = chengqu.Townships.Sum(t => t.Villages.Count) + fleet.Devices.Count(d => d.Village.County == chengqu);
        await Expect(links).ToHaveCountAsync(expectedLinks, new() { Timeout = 20_000 });
        var node = page.Locator("[data-node='device-PV-H001']");
        await Expect(node).ToHaveAttributeAsync("data-health", "online", new() { Timeout = 20_000 });
        await Expect(node.Locator("[data-field='value']")).ToHaveTextAsync("3.2 kW");
        Assert.True(await links.CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Shot("topology-chengqu-zh-CN.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LanguageSwitch_English_ReloadsTheOverviewInEnglish()
    {
        var (page, errors) = await OpenAsync("");
        await Expect(page.Locator("h1")).ToHaveTextAsync("电站与养殖场");

        await page.Locator("a[data-culture='en']").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Stations and barns");
        await Expect(page.Locator(".main-nav")).ToContainTextAsync("Topology");
        await Expect(page.Locator(".live-on")).ToContainTextAsync("Live", new() { Timeout = 20_000 }); // the circuit runs in English too
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("fleet-en.png") });
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string path)
    {
        // A fresh context per test: its own cookies, so the language starts at the default.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(fixture.Host.BaseUrl, path).ToString());
        return (page, errors);
    }

    private string Shot(string name) => Path.Combine(fixture.ScreenshotDirectory, name);
}
