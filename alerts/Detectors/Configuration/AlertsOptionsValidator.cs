using Microsoft.Extensions.Options;

namespace Telemetry.Alerts.Detectors.Configuration;

/// <summary>Source-generated validation of <see cref="AlertsOptions"/> (ranges and required sections).</summary>
[OptionsValidator]
internal sealed partial class AlertsOptionsValidator : IValidateOptions<AlertsOptions>;
