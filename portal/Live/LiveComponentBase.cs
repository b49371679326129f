using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Live;

namespace Telemetry.Portal.Live;

/// <summary>A page that follows the live fleet state.</summary>
/// <remarks>
/// <see cref="IFleetLiveState.Changes"/> fires on the ingest thread once per device and stored batch, which for a busy
/// fleet is hundreds of times a second. The page does not render per change: changes (and a slow tick, so "last seen" and
/// silence stay current) are sampled every <see cref="LiveViewOptions.RefreshInterval"/> on the injected scheduler,
/// and each sample re-reads the whole state once and renders once, on the circuit's dispatcher
/// (<c>InvokeAsync</c>). So a page renders at most once per interval and shows a change at most one interval late.
/// The subscription starts after the first interactive render (never while prerendering) and ends with the page.
/// </remarks>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    protected IFleetLiveState Live { get; set; } = null!;

    [Inject]
    protected TimeProvider Time { get; set; } = null!;

    [Inject]
    private IScheduler Scheduler { get; set; } = null!;

    [Inject]
    private IOptions<LiveViewOptions> Options { get; set; } = null!;

    /// <summary>When the page last read the live state.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>What the page follows besides the tick: by default every change of the live fleet state.</summary>
    protected virtual IObservable<object?> Changes => Live.Changes;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized()
    {
        Now = Time.GetUtcNow();
        OnLiveUpdate();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || _subscription is not null)
        {
            return;
        }

        var options = Options.Value;
        _subscription = Changes
            .Select(_ => 0L)
            .Merge(Observable.Interval(options.TickInterval, Scheduler))
            .Sample(options.RefreshInterval, Scheduler)
            .Subscribe(tick => _ = RefreshAsync(), error => _ = DispatchExceptionAsync(error));
    }

    /// <summary>Re-reads the live state; called on the dispatcher before each live render.</summary>
    protected abstract void OnLiveUpdate();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
            _subscription = null;
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                Now = Time.GetUtcNow();
                OnLiveUpdate();
                StateHasChanged();
            }).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the sample and the render; nothing to show it to.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Surfaces in the circuit like any render error instead of vanishing with a discarded task.
            await DispatchExceptionAsync(e).ConfigureAwait(false);
        }
    }
}
