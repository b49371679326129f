using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;
using Telemetry.Core.Time;
using Telemetry.Revenue.Ledger;
using Telemetry.Revenue.Live;
using Telemetry.Revenue.Money;
using Telemetry.Revenue.Settlement;
using Telemetry.Revenue.Statements;
using Telemetry.Revenue.Tariffs;

namespace Telemetry.Revenue.Api;

/// <summary>HTTP endpoints of the revenue module.</summary>
public static class RevenueApi
{
    private const string MonthPattern = @"^\d{{4}}-\d{{2}}$"; // braces doubled: route-template escaping

    /// <summary>
    /// Maps <c>/api/villages</c>, <c>/api/revenue/{villageId}/{yyyy-MM}</c> (JSON), <c>…/statement.csv</c>, publication and
    /// corrections, the chain (<c>/api/revenue/{villageId}/statements</c>, <c>/api/revenue/verify/{villageId}</c>), subsidy
    /// batches and today's live figures. Writes need the <c>X-Revenue-Key</c> header (<c>Revenue:ApiKey</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapRevenueApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/villages", (FleetRegistry fleet) => Results.Ok(fleet.Villages.Select(v => new
        {
            id = v.Id,
            name = v.Name,
            nameEn = v.NameEn,
            county = v.County.Name,
            countyId = v.County.Id,
            countyEn = v.County.NameEn,
            township = v.Township.Name,
        })));

        var api = endpoints.MapGroup("/api/revenue");
        api.MapGet("/{villageId}/{month:regex(" + MonthPattern + ")}", async (string villageId, string month, RevenueService revenue, CancellationToken ct) =>
            await Statement(villageId, month, revenue, ct).ConfigureAwait(false) is { } s ? Json(s) : NotFound(villageId, month));
        api.MapGet("/{villageId}/{month:regex(" + MonthPattern + ")}/statement.csv", async (string villageId, string month, RevenueService revenue, CancellationToken ct) =>
            await Statement(villageId, month, revenue, ct).ConfigureAwait(false) is { } s
                ? Results.File(StatementCsv.ToBytes(s), "text/csv; charset=utf-8", $"{s.VillageId}-{s.Month}-收益分配公示.csv")
                : NotFound(villageId, month));
        api.MapPost("/{villageId}/{month:regex(" + MonthPattern + ")}/publish", async (string villageId, string month, RevenueService revenue, CancellationToken ct) =>
            RevenueService.ParseMonth(month) is { } m
                ? await Write(() => revenue.PublishAsync(villageId, m, ct), s => Json(s, StatusCodes.Status201Created)).ConfigureAwait(false)
                : NotFound(villageId, month)).AddEndpointFilter(RequireKey);
        api.MapPost("/{villageId}/{month:regex(" + MonthPattern + ")}/corrections", async (string villageId, string month, CorrectionRequest body, RevenueService revenue, CancellationToken ct) =>
            RevenueService.ParseMonth(month) is not { } m ? NotFound(villageId, month)
            : string.IsNullOrWhiteSpace(body.Reason) ? Results.BadRequest(new { error = "reason is required: say why the published statement is corrected" })
            : await Write(() => revenue.CorrectAsync(villageId, m, body.Reason, ct), s => Json(s, StatusCodes.Status201Created)).ConfigureAwait(false))
            .AddEndpointFilter(RequireKey);
        api.MapGet("/{villageId}/statements", async (string villageId, RevenueLedger ledger, FleetRegistry fleet, CancellationToken ct) =>
            fleet.TryGetVillage(villageId, out _) ? Json(await ledger.ListAsync(villageId, ct).ConfigureAwait(false)) : NotFound(villageId, null));
        api.MapGet("/{villageId}/statements/{sequence:int}/canonical", async (string villageId, int sequence, RevenueLedger ledger, CancellationToken ct) =>
            await ledger.FindBySequenceAsync(villageId, sequence, ct).ConfigureAwait(false) is { } found
                ? Results.Text(found.Canonical, "application/json; charset=utf-8")
                : Results.NotFound(new { error = $"{villageId} has no published statement #{sequence}" }));
        api.MapGet("/verify/{villageId}", async (string villageId, RevenueLedger ledger, FleetRegistry fleet, CancellationToken ct) =>
            fleet.TryGetVillage(villageId, out _) ? Json(await ledger.VerifyAsync(villageId, ct).ConfigureAwait(false)) : NotFound(villageId, null));
        api.MapPost("/subsidy-batches", RecordBatch).AddEndpointFilter(RequireKey);
        api.MapGet("/subsidy-batches/{stationId}", async (string stationId, RevenueLedger ledger, TimeProvider time, CancellationToken ct) =>
            Json(await ledger.BatchesAsync([stationId], ChinaTime.LocalDate(time.GetUtcNow()).AddYears(1), ct).ConfigureAwait(false)));
        api.MapGet("/live", (LiveRevenueTracker live, FleetRegistry fleet, string? villageId) => Json(live.All().Where(r =>
            villageId is null || (fleet.TryGetDevice(r.StationId, out var d) && d is Station s && (s.Village.Id == villageId || s.Owners.Any(o => o.Village.Id == villageId))))));
        return endpoints;
    }

    private static async Task<RevenueStatement?> Statement(string villageId, string month, RevenueService revenue, CancellationToken ct) =>
        RevenueService.ParseMonth(month) is { } m ? await revenue.GetAsync(villageId, m, ct).ConfigureAwait(false) : null;

    private static IResult NotFound(string villageId, string? month) => Results.NotFound(new
    {
        error = month is null ? $"no village '{villageId}'" : $"no statement for village '{villageId}' and month '{month}' (unknown village, bad month or a future month)",
    });

    private static async Task<IResult> Write(Func<Task<RevenueStatement>> write, Func<RevenueStatement, IResult> ok)
    {
        try
        {
            return ok(await write().ConfigureAwait(false));
        }
        catch (LedgerConflictException e)
        {
            return Results.Conflict(new { error = e.Message });
        }
    }

    private static async Task<IResult> RecordBatch(SubsidyBatchRequest body, FleetRegistry fleet, RevenueLedger ledger, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.StationId is null || !fleet.TryGetDevice(body.StationId, out var device) || device is not Station)
        {
            errors["stationId"] = [$"'{body.StationId}' is not a station in the fleet registry"];
        }

        if (body.AmountYuan is not > 0m || !Yuan.IsWholeFen(body.AmountYuan.Value))
        {
            errors["amountYuan"] = ["must be more than 0, in whole fen"];
        }

        var from = body.PeriodFrom is null ? null : RevenueService.ParseMonth(body.PeriodFrom);
        var to = body.PeriodTo is null ? null : RevenueService.ParseMonth(body.PeriodTo);
        if (from is null || to is null || to < from)
        {
            errors["periodFrom"] = ["periodFrom and periodTo are months yyyy-MM, periodFrom ≤ periodTo"];
        }

        var today = ChinaTime.LocalDate(time.GetUtcNow());
        if (body.Received is not { } received || received > today)
        {
            errors["received"] = ["the date it was received, yyyy-MM-dd, not in the future"];
        }

        if (string.IsNullOrWhiteSpace(body.Reference))
        {
            errors["reference"] = ["the batch name or voucher number is required"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var batch = await ledger.RecordBatchAsync(
            new SubsidyBatch(0, body.StationId!, body.Received!.Value, body.AmountYuan!.Value, from!.Value, to!.Value, body.Reference!.Trim(), time.GetUtcNow()), ct).ConfigureAwait(false);
        return Json(batch, StatusCodes.Status201Created);
    }

    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.RequestServices.GetService(typeof(IOptions<RevenueOptions>)) is IOptions<RevenueOptions> o ? o.Value.ApiKey : null;
        if (string.IsNullOrEmpty(key))
        {
            return Results.Json(new { error = "writing to the revenue ledger is disabled: set Revenue:ApiKey" }, statusCode: StatusCodes.Status403Forbidden);
        }

        var given = context.HttpContext.Request.Headers["X-Revenue-Key"].ToString();
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key)))
        {
            return Results.Json(new { error = "missing or wrong X-Revenue-Key header" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context).ConfigureAwait(false);
    }

    private static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, StatementJson.Options, statusCode: status);
}
