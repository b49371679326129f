using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemetry.Alerts.Lifecycle;
using Telemetry.Core.Fleet;

namespace Telemetry.Alerts.Api;

/// <summary>HTTP endpoints of the alerts: list and filter, one alert with history, acknowledge, comment, deliveries.</summary>
public static class AlertsApi
{
    private const int MaxTextLength = 2_000;
    private const int MaxNameLength = 100;

    /// <summary>
    /// Maps <c>GET /api/alerts</c>, <c>GET /api/alerts/{id}</c>, <c>POST /api/alerts/{id}/ack</c>,
    /// <c>POST /api/alerts/{id}/comments</c>, <c>GET /api/alerts/deliveries</c> and
    /// <c>POST /api/alerts/deliveries/{id}/retry</c>. Invalid input is answered with ProblemDetails naming the field.
    /// </summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var alerts = endpoints.MapGroup("/api/alerts");

        alerts.MapGet("/", (IAlertLifecycle lifecycle, FleetRegistry fleet, string? county, string? village, string? device, string? severity, string? state, string? rule, string? crew, string? page, string? pageSize) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var query = AlertQueryParser.Parse(fleet, county, village, device, severity, state, rule, crew, page, pageSize, errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid alert filter");
            }

            var result = lifecycle.List(query);
            return Results.Ok(new AlertListView([.. result.Items.Select(a => AlertView.From(a, fleet))], result.Total, result.Page, result.PageSize));
        });

        alerts.MapGet("/{id:long}", (long id, IAlertLifecycle lifecycle, FleetRegistry fleet) =>
            lifecycle.Get(id) is { } detail
                ? Results.Ok(AlertDetailView.From(detail, lifecycle.Deliveries(false, null, id, 200), fleet))
                : NotFound(id));

        alerts.MapPost("/{id:long}/ack", async (long id, AcknowledgeRequest? body, IAlertLifecycle lifecycle, FleetRegistry fleet, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            Require(body?.By, "by", MaxNameLength, "who acknowledges", errors);
            if (body?.Note is { Length: > MaxTextLength })
            {
                errors["note"] = [$"note is longer than {MaxTextLength} characters"];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid acknowledgement");
            }

            var result = await lifecycle.AcknowledgeAsync(id, body!.By!, body.Note, cancellationToken).ConfigureAwait(false);
            return result.Outcome switch
            {
                AlertCommandOutcome.Done => Results.Ok(AlertView.From(result.Alert!, fleet)),
                AlertCommandOutcome.AlreadyAcknowledged => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Already acknowledged",
                    detail: $"alert {id} was acknowledged by {result.Alert!.AcknowledgedBy} at {result.Alert.AcknowledgedAt:O}"),
                _ => NotFound(id),
            };
        });

        alerts.MapPost("/{id:long}/comments", async (long id, CommentRequest? body, IAlertLifecycle lifecycle, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            Require(body?.By, "by", MaxNameLength, "who comments", errors);
            Require(body?.Text, "text", MaxTextLength, "the comment", errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid comment");
            }

            var result = await lifecycle.CommentAsync(id, body!.By!, body.Text!, cancellationToken).ConfigureAwait(false);
            return result.Outcome == AlertCommandOutcome.Done
                ? Results.Created($"/api/alerts/{id}", lifecycle.Get(id)!.Comments[^1])
                : NotFound(id);
        });

        alerts.MapGet("/deliveries", (IAlertLifecycle lifecycle, bool? failed, string? channel, long? alert, int? limit) =>
            Results.Ok(lifecycle.Deliveries(failed == true, channel, alert, limit ?? 200).Select(DeliveryView.From)));

        alerts.MapPost("/deliveries/{id:long}/retry", (long id, IAlertLifecycle lifecycle) =>
            lifecycle.RetryDelivery(id)
                ? Results.Accepted($"/api/alerts/deliveries?alert={id}")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to retry", detail: $"no failed or waiting delivery {id}"));

        return endpoints;
    }

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alert not found", detail: $"no alert {id}");

    private static void Require(string? value, string name, int maxLength, string what, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"{name} is required: {what}"];
        }
        else if (value.Length > maxLength)
        {
            errors[name] = [$"{name} is longer than {maxLength} characters"];
        }
    }
}
