using Telemetry.Alerts;
using Telemetry.Ingest.Api;
using Telemetry.Ingest.Extensions;
using Telemetry.Portal.Extensions;
using Telemetry.Simulators;

var builder = WebApplication.CreateBuilder(args);
builder.AddFleetRegistry();
builder.AddTimeSeriesStorage();
builder.AddTelemetryIngest();
builder.AddTelemetryAlerts();
builder.AddTelemetrySimulators();
builder.AddPortal();

var app = builder.Build();
app.MapTelemetryApi();
app.MapPortal();
app.Run();
