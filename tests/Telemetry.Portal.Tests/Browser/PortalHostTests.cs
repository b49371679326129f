using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Ingest.Pipeline;
using Telemetry.Ingest.Storage;
using Telemetry.Revenue.Settlement;

namespace Telemetry.Portal.Tests.Browser;

/// <summary>HTTP-level checks of the host in the Production environment (what <c>dotnet run</c> starts).</summary>
[Collection(PortalHostCollection.Name)]
public sealed partial class PortalHostTests(PortalServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Overview_Production_EveryLinkedAssetIsServedLocally()
    {
        var html = await _http.GetStringAsync(new Uri("/", UriKind.Relative));

        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("_content/Z.Blazor.Diagrams/script", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_content/Z.Blazor.Diagrams/style", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("app", StringComparison.Ordinal));
        Assert.DoesNotContain(assets, a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase) || a.StartsWith("//", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await _http.GetAsync(new Uri("/" + asset, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Overview_NoCultureCookie_IsChineseWhateverTheBrowserAsksFor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("光伏帮扶与养殖监测平台", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureSet_English_SetsTheCookieAndGoesBack()
    {
        using var response = await _http.GetAsync(new Uri("/culture/set?culture=en&redirectUri=%2Ftopology", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/topology", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie, StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Get, "/");
        english.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await _http.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("PV Assistance &amp; Livestock Monitoring", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/")]
    public async Task CultureSet_OffSiteRedirect_GoesToTheOverviewInstead(string target)
    {
        using var response = await _http.GetAsync(new Uri("/culture/set?culture=en&redirectUri=" + Uri.EscapeDataString(target), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CultureSet_UnsupportedCulture_IsRefused()
    {
        using var response = await _http.GetAsync(new Uri("/culture/set?culture=fr&redirectUri=%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task UnknownPage_IsNotFoundWithAChinesePage()
    {
        using var response = await _http.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_TheHostServesEveryModulesEndpoints()
    {
        // What `dotnet run --project portal` maps: ingest, revenue and alerts, each answering on the real host.
        using var alerts = await _http.GetAsync(new Uri("/api/alerts?state=active", UriKind.Relative));
        using var villages = await _http.GetAsync(new Uri("/api/villages", UriKind.Relative));
        using var badFilter = await _http.GetAsync(new Uri("/api/alerts?severity=loud", UriKind.Relative));
        var stats = await _http.GetStringAsync(new Uri("/api/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Contains("\"total\"", await alerts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, villages.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("\"alertsOpen\"", stats, StringComparison.Ordinal);
        Assert.Contains("\"readingsStored\"", stats, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_EveryFileItWritesIsInItsTempFolder()
    {
        // The factory's content root is the portal project: a relative default (data/…) would land in the developer's own
        // portal/data — test alerts and spool segments the demo then shows, and one file shared by parallel test hosts.
        var services = fixture.Host.Services;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        string[] files =
        [
            storage.Sqlite.Path,
            storage.Spool.Path,
            services.GetRequiredService<IOptions<AlertLifecycleOptions>>().Value.DatabasePath,
            services.GetRequiredService<IOptions<RevenueOptions>>().Value.LedgerPath,
        ];

        Assert.All(files, f => Assert.StartsWith(fixture.Host.DataFolder + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.Equal("", services.GetRequiredService<IOptions<IngestOptions>>().Value.DeadLetterPath);
    }

    [GeneratedRegex("""<(?:link|script)\b[^>]*?\b(?:href|src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetReference();
}
