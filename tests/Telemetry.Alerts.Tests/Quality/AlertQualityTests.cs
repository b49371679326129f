using System.Text.Json;
using Telemetry.Alerts.Tests.Support;
using Telemetry.Simulators.Evaluation;

namespace Telemetry.Alerts.Tests.Quality;

/// <summary>
/// The measurement itself: the <c>evaluate</c> command over the standard labelled campaigns on the sample fleet, with
/// the issue's targets asserted on the JSON it writes.
/// </summary>
public sealed class AlertQualityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("alert-quality-").FullName;

    [Fact]
    public async Task Every_fault_type_is_detected_with_precision_and_recall_of_at_least_95_percent()
    {
        var path = Path.Combine(_dir, "alert-quality.json");

        var exit = await EvaluateCommand.RunAsync(Fleet.Sample, path, []);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var faults = json.RootElement.GetProperty("faults").EnumerateArray().ToList();
        Assert.True(faults.Count >= 12, $"{faults.Count} fault types");
        Assert.All(faults, f =>
        {
            var type = f.GetProperty("type").GetString();
            Assert.True(f.GetProperty("labels").GetInt32() >= 15, $"{type}: too few labels to measure 95 %");
            Assert.True(f.GetProperty("precision").GetDouble() >= 0.95, $"{type}: precision {f.GetProperty("precision")}");
            Assert.True(f.GetProperty("recall").GetDouble() >= 0.95, $"{type}: recall {f.GetProperty("recall")}");
            Assert.True(f.GetProperty("medianTimeToDetectSeconds").GetDouble() >= 0);
        });
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
