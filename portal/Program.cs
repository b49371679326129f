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

// Settings are read once at start (options are validated then; nothing watches them). Reloading appsettings on change
// would watch the whole content root, data/ included: every SQLite and spool write woke the file watcher (~7 % of the
// service's CPU under load, docs/benchmarks.md). A later --hostBuilder:reloadConfigOnChange=true still turns it back on.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
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
