using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemetry.Core.Fleet;
using Telemetry.Core.Storage;
using Telemetry.Core.Time;

namespace Telemetry.Ingest.Api;

/// <summary>
/// History read from the configured store (SQLite or InfluxDB, the same answers): station and barn series, village power sums,
/// daily and monthly energy. Times are RFC 3339 instants, dates China-time (UTC+8) days, months <c>yyyy-MM</c>.
/// </summary>
public static class HistoryApi
{
    private static readonly Dictionary<SeriesResolution, TimeSpan> MaxRange = new()
    {
        [SeriesResolution.Raw] = TimeSpan.FromDays(31),
        [SeriesResolution.Minute] = TimeSpan.FromDays(31),
        [SeriesResolution.FifteenMinutes] = TimeSpan.FromDays(366),
        [SeriesResolution.Day] = TimeSpan.FromDays(3660),
    };

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapGet("/stations/{id}/history", async (string id, DateTimeOffset? from, DateTimeOffset? to, string? resolution, FleetRegistry fleet, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
            !fleet.TryGetDevice(id, out var device) || device is not Station ? NotFound("station", id)
            : Range(from, to, resolution, time, out var range) is { } problem ? problem
            : Results.Ok(await store.ReadPvSeriesAsync(id, range.From, range.To, range.Resolution, ct).ConfigureAwait(false)));
        api.MapGet("/barns/{id}/history", async (string id, DateTimeOffset? from, DateTimeOffset? to, string? resolution, FleetRegistry fleet, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
            !fleet.TryGetDevice(id, out var device) || device is not Barn ? NotFound("barn", id)
            : Range(from, to, resolution, time, out var range) is { } problem ? problem
            : Results.Ok(await store.ReadBarnSeriesAsync(id, range.From, range.To, range.Resolution, ct).ConfigureAwait(false)));
        api.MapGet("/villages/{id}/power", async (string id, DateTimeOffset? from, DateTimeOffset? to, string? resolution, FleetRegistry fleet, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
            !fleet.TryGetVillage(id, out _) ? NotFound("village", id)
            : Range(from, to, resolution ?? "15m", time, out var range) is { } problem ? problem
            : range.Resolution == SeriesResolution.Raw ? Results.BadRequest(new { error = "village power needs resolution 1m, 15m or 1d" })
            : Results.Ok(await store.ReadVillagePowerAsync(id, range.From, range.To, range.Resolution, ct).ConfigureAwait(false)));
        api.MapGet("/stations/{id}/energy/daily", async (string id, DateOnly? from, DateOnly? to, FleetRegistry fleet, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (!fleet.TryGetDevice(id, out var device) || device is not Station)
            {
                return NotFound("station", id);
            }

            var last = to ?? ChinaTime.LocalDate(time.GetUtcNow());
            var first = from ?? last.AddDays(-30);
            return first > last || last.DayNumber - first.DayNumber > 3660
                ? Results.BadRequest(new { error = "from must not be after to, and the range at most 3660 days" })
                : Results.Ok(await store.ReadDailyEnergyAsync(id, first, last, ct).ConfigureAwait(false));
        });
        api.MapGet("/stations/{id}/energy/monthly", async (string id, string? from, string? to, FleetRegistry fleet, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (!fleet.TryGetDevice(id, out var device) || device is not Station)
            {
                return NotFound("station", id);
            }

            var today = ChinaTime.LocalDate(time.GetUtcNow());
            if (!Month(to, new DateOnly(today.Year, today.Month, 1), out var last) || !Month(from, last.AddMonths(-11), out var first) || first > last || first < last.AddYears(-10))
            {
                return Results.BadRequest(new { error = "from and to are months (yyyy-MM), from not after to, at most 10 years apart" });
            }

            return Results.Ok(await store.ReadMonthlyEnergyAsync(id, first, last, ct).ConfigureAwait(false));
        });
        return endpoints;
    }

    private static IResult NotFound(string kind, string id) => Results.NotFound(new { error = $"no {kind} '{id}'" });

    private static IResult? Range(DateTimeOffset? from, DateTimeOffset? to, string? resolution, TimeProvider time, out (DateTimeOffset From, DateTimeOffset To, SeriesResolution Resolution) range)
    {
        range = default;
        if (!SeriesBuckets.TryParse(resolution ?? "raw", out var r))
        {
            return Results.BadRequest(new { error = "resolution is one of raw, 1m, 15m, 1d" });
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        if (start >= end || end - start > MaxRange[r])
        {
            return Results.BadRequest(new { error = $"from must be before to, at most {MaxRange[r].TotalDays:0} days apart at resolution {resolution ?? "raw"}" });
        }

        range = (start, end, r);
        return null;
    }

    private static bool Month(string? text, DateOnly fallback, out DateOnly month)
    {
        month = fallback;
        return text is null || DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }
}
