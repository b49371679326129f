using System.Globalization;
using System.Text;
using Telemetry.Ingest.IntegrationTests.Support;
using Telemetry.Ingest.Storage.Influx;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>How reads reach a real InfluxDB 1.6: the bulk reads' 100-statement requests must fit behind a reverse proxy.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxQueryClientTests(InfluxFixture influx)
{
    private readonly string _database = "q_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task HundredStatementRead_On1x_GoesByPostWithAShortUrl_AndAnswersEveryStatement()
    {
        using var http = new HttpClient { BaseAddress = new Uri(influx.Server.Url + "/") };
        using (var create = await http.PostAsync(new Uri("query", UriKind.Relative), new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{_database}\"")])))
        {
            create.EnsureSuccessStatusCode();
        }

        var lines = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"pv,station=PV-QUERY-{i:000} p_ac_kw={i}.5 {1_790_000_000_000 + i}\n");
        }

        using (var write = await http.PostAsync(new Uri($"write?db={_database}&precision=ms", UriKind.Relative), new StringContent(lines.ToString())))
        {
            write.EnsureSuccessStatusCode();
        }

        var recorder = new RecordingHandler(new SocketsHttpHandler());
        using var recorded = new HttpClient(recorder) { BaseAddress = http.BaseAddress };
        var client = new InfluxQueryClient(recorded, null, readsByPost: true);
        var query = string.Join(';', Enumerable.Range(0, 100).Select(i => $"SELECT \"p_ac_kw\" FROM \"pv\" WHERE \"station\" = 'PV-QUERY-{i:000}' AND time >= 1789999000000ms AND time < 1790001000000ms"));

        var series = await client.QueryAsync(_database, null, query, default);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.True(request.Url.Length < 200, $"the URL carries {request.Url.Length} characters");
        Assert.True(Uri.EscapeDataString(query).Length > 8_192, "in a URL the statements alone would pass a proxy's default limit");
        Assert.Equal(Enumerable.Range(0, 100), series.Select(s => s.Statement));
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => i + 0.5),
            series.Select(s => s.Rows.Single()[1].GetDouble()));
    }
}
