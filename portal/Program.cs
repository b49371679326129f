using Telemetry.Alerts;
using Telemetry.Alerts.Api;
using Telemetry.Ingest.Api;
using Telemetry.Ingest.Extensions;
using Telemetry.Portal.Extensions;
using Telemetry.Revenue.Api;
using Telemetry.Revenue.Cli;
using Telemetry.Revenue.Extensions;
using Telemetry.Simulators;

if (await RevenueCommandLine.RunIfRequestedAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFleetRegistry();
builder.AddTimeSeriesStorage();
builder.AddTelemetryIngest();
builder.AddTelemetryAlerts();
builder.AddTelemetryRevenue();
builder.AddTelemetrySimulators();
builder.AddPortal();

var app = builder.Build();
app.MapTelemetryApi();
app.MapRevenueApi();
app.MapAlertsApi();
app.MapPortal();
app.Run();
