using System.Globalization;
using System.Reactive.Concurrency;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Fleet;
using Telemetry.Ingest.Live;
using Telemetry.Portal.Fleet;
using Telemetry.Portal.Live;
using Telemetry.Portal.Tests.Fakes;

namespace Telemetry.Portal.Tests.Components;

/// <summary>
/// bUnit context with the portal's services: real localisation, the small <see cref="TestFleet"/>, a fake live state and alerts,
/// a clock that stands still and a virtual-time scheduler, so a test decides exactly when the live refresh happens.
/// </summary>
public abstract class PortalTestContext : BunitContext
{
    protected static readonly DateTimeOffset Start = new(2026, 6, 21, 4, 30, 0, TimeSpan.Zero); // 12:30 in Jincheng

    protected PortalTestContext()
    {
        Live = new FakeFleetLiveState(TestFleet.Registry);
        Clock = new FixedTimeProvider(Start);
        Scheduler = new HistoricalScheduler(Start);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(TestFleet.Registry);
        Services.AddSingleton<IFleetLiveState>(Live);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IScheduler>(Scheduler);
        Services.AddSingleton(Options.Create(new LiveViewOptions()));
        Services.AddSingleton(Options.Create(Overview));
        Alerts = new FakeAlertLifecycle(Clock);
        Services.AddSingleton<IAlertLifecycle>(Alerts);
        Services.AddSingleton<Telemetry.Revenue.Settlement.IRevenueStatements>(new FakeRevenueStatements(new DateOnly(Start.Year, Start.Month, 1)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        // DiagramCanvas measures itself through JS; without a rectangle SetContainer throws.
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 800));
    }

    internal FakeFleetLiveState Live { get; }

    /// <summary>The overview's settings; a test may change them before it renders (e.g. a small page size).</summary>
    internal OverviewOptions Overview { get; } = new();

    internal FixedTimeProvider Clock { get; }

    internal FakeAlertLifecycle Alerts { get; }

    internal HistoricalScheduler Scheduler { get; }

    internal static Device Device(string id) => TestFleet.Device(id);

    /// <summary>Sets the culture for the rest of the test (it flows with the test's async context only).</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Lets the live refresh interval pass in virtual time.</summary>
    protected void AdvanceRefresh() => Scheduler.AdvanceBy(new LiveViewOptions().RefreshInterval);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Live.Dispose();
            Alerts.Dispose();
        }

        base.Dispose(disposing);
    }
}
