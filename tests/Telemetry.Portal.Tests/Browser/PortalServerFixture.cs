using Microsoft.Playwright;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>
/// One host, in the Production environment that <c>dotnet run</c> uses, and one headless Chromium (Debian's, never
/// downloaded), shared by the browser and HTTP tests.
/// </summary>
public sealed class PortalServerFixture : IAsyncLifetime
{
    private PortalHost? _host;
    private IPlaywright? _playwright;

    internal PortalHost Host => _host ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>PORTAL_SCREENSHOT_DIR</c>, else a folder in the temp directory.</summary>
    public string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOT_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "telemetry-portal-screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: apt-get install chromium fonts-noto-cjk, or set PORTAL_CHROMIUM.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _host = PortalHost.Start("Production");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
