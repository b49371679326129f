using System.Reactive.Concurrency;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemetry.Portal.Components;
using Telemetry.Portal.Fleet;
using Telemetry.Portal.Live;
using Telemetry.Portal.Localization;

namespace Telemetry.Portal.Extensions;

/// <summary>Composition of the Blazor portal (interactive server, Simplified Chinese first, English selectable).</summary>
internal static class PortalExtensions
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Chinese text as UTF-8, not as &#x...; entities (about a third of the bytes, and readable in page source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(PortalCultures.Default)
                .AddSupportedCultures([.. PortalCultures.Supported])
                .AddSupportedUICultures([.. PortalCultures.Supported]);

            // The cookie only: Accept-Language would open the portal in English for every browser set up in English
            // (headless Chromium sends en-US); users pick English explicitly. The interactive circuit's negotiate and
            // WebSocket requests carry the same cookie, so the circuit runs in the page's culture.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddOptions<LiveViewOptions>().BindConfiguration(LiveViewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OverviewOptions>().BindConfiguration(OverviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScheduler>(DefaultScheduler.Instance);

        // `dotnet run` starts in Production, where package assets (_content/...) are only served from a published app;
        // this serves them from the NuGet cache in a plain build too, and does nothing in a published one.
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapCultureEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
