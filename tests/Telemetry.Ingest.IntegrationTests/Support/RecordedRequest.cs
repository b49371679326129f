namespace Telemetry.Ingest.IntegrationTests.Support;

/// <summary>One request that <see cref="FakeInfluxV2"/> received.</summary>
internal sealed record RecordedRequest(
    DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);
