using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telemetry.Alerts.Detectors;
using Telemetry.Alerts.IntegrationTests.Support;
using static Telemetry.Alerts.IntegrationTests.Support.Signals;

namespace Telemetry.Alerts.IntegrationTests.Api;

/// <summary>The HTTP API over the running service: list and filter, one alert, acknowledge, comment, statistics.</summary>
public sealed class AlertsApiTests : IAsyncLifetime
{
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync();
        _host.Signals.Emit(Raise("PV-V006", AlertRules.PvOffline, AlertSeverity.Critical, minute: 1)); // 泽州县 巴公镇 01
        _host.Signals.Emit(Raise("PV-V007", AlertRules.PvOffline, AlertSeverity.Major, minute: 2)); // 泽州县 巴公镇 02
        _host.Signals.Emit(Raise("PV-V011", AlertRules.PvZeroOutput, AlertSeverity.Major, minute: 3)); // 泽州县 大东沟 (south crew)
        _host.Signals.Emit(Raise("PV-V028", AlertRules.PvOffline, AlertSeverity.Minor, minute: 4)); // 陵川县
        _host.Signals.Emit(Raise("BARN-004", AlertRules.BarnNh3High, AlertSeverity.Critical, minute: 5)); // 泽州县 巴公镇 03
        _host.Signals.Emit(Clear("BARN-004", AlertRules.BarnNh3High, minute: 25));
        await _host.SettleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("", "BARN-004,PV-V028,PV-V011,PV-V007,PV-V006")]
    [InlineData("?county=zezhou", "BARN-004,PV-V011,PV-V007,PV-V006")]
    [InlineData("?village=zezhou-bagong-02", "PV-V007")]
    [InlineData("?device=PV-V028", "PV-V028")]
    [InlineData("?severity=critical", "BARN-004,PV-V006")]
    [InlineData("?state=active", "PV-V028,PV-V011,PV-V007,PV-V006")]
    [InlineData("?state=cleared", "BARN-004")]
    [InlineData("?rule=pv.offline&county=zezhou", "PV-V007,PV-V006")]
    [InlineData("?crew=crew-zezhou-south", "PV-V011")]
    [InlineData("?state=active&pageSize=2&page=2", "PV-V007,PV-V006")]
    public async Task List_Filter_ReturnsTheMatchingAlertsNewestFirst(string query, string devices)
    {
        var page = await _host.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts" + query, UriKind.Relative));

        Assert.Equal(devices, string.Join(',', page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("deviceId").GetString())));
    }

    [Fact]
    public async Task List_Item_CarriesTheNamesACrewReads()
    {
        var page = await _host.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts?device=PV-V011", UriKind.Relative));

        var alert = page.GetProperty("items")[0];
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(("major", "open", "pv.zero_output"), (alert.GetProperty("severity").GetString(), alert.GetProperty("state").GetString(), alert.GetProperty("rule").GetString()));
        Assert.Equal(("crew-zezhou-south", "泽州县南片运维班", "泽州县"), (alert.GetProperty("crewId").GetString(), alert.GetProperty("crewName").GetString(), alert.GetProperty("countyName").GetString()));
        Assert.Equal(Morning.AddMinutes(3), alert.GetProperty("raisedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("?severity=urgent", "severity", "minor, major, critical")]
    [InlineData("?state=closed", "state", "active")]
    [InlineData("?county=atlantis", "county", "no county 'atlantis'")]
    [InlineData("?village=nowhere", "village", "no village 'nowhere'")]
    [InlineData("?pageSize=0", "pageSize", "from 1 to 500")]
    [InlineData("?page=x", "page", "whole number")]
    public async Task List_InvalidFilter_AnswersProblemDetailsNamingTheParameter(string query, string field, string says)
    {
        using var response = await _host.Http.GetAsync(new Uri("/api/alerts" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(says, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_ThenComment_ShowsInTheAlertsHistory()
    {
        var id = await IdOf("PV-V028");

        using var ack = await _host.Http.PostAsJsonAsync(new Uri($"/api/alerts/{id}/ack", UriKind.Relative), new { by = "陵川一班 周工", note = "已电话联系村委" });
        using var again = await _host.Http.PostAsJsonAsync(new Uri($"/api/alerts/{id}/ack", UriKind.Relative), new { by = "别人" });
        using var comment = await _host.Http.PostAsJsonAsync(new Uri($"/api/alerts/{id}/comments", UriKind.Relative), new { by = "周工", text = "现场断路器跳闸，已合闸" });
        var detail = await _host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/alerts/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("陵川一班 周工", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal("陵川一班 周工", detail.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        Assert.Equal(["已电话联系村委", "现场断路器跳闸，已合闸"], detail.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        var kinds = detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Where(k => k is not ("delivered" or "deliveryFailed"));
        Assert.Equal(["raised", "acknowledged", "commented"], kinds);
        Assert.NotEmpty(detail.GetProperty("deliveries").EnumerateArray());
    }

    [Theory]
    [InlineData("ack", """{"note":"x"}""", "by")]
    [InlineData("ack", """{"by":"   "}""", "by")]
    [InlineData("comments", """{"by":"周工"}""", "text")]
    [InlineData("comments", """{"text":"无名"}""", "by")]
    public async Task Command_MissingField_AnswersProblemDetailsNamingIt(string command, string body, string field)
    {
        var id = await IdOf("PV-V006");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _host.Http.PostAsync(new Uri($"/api/alerts/{id}/{command}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("required", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/alerts/999999")]
    [InlineData("POST", "/api/alerts/999999/ack")]
    [InlineData("POST", "/api/alerts/999999/comments")]
    public async Task UnknownAlert_AnswersNotFoundProblem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { by = "x", text = "y" }) : null,
        };

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Alert not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Stats_CountOpenAlertsInAllAndByRule()
    {
        var stats = await _host.StatsAsync();

        Assert.Equal(4, stats["alertsOpen"].GetInt32());
        Assert.Equal(3, stats["alertsByRule"].GetProperty("pv.offline").GetInt32());
        Assert.Equal(1, stats["alertsByRule"].GetProperty("pv.zero_output").GetInt32());
        Assert.False(stats["alertsByRule"].TryGetProperty("barn.nh3.high", out _)); // cleared
        Assert.Equal(1, stats["alertsBySeverity"].GetProperty("critical").GetInt32());
        Assert.True(stats.ContainsKey("readingsStored")); // ingest's own counters are still there
    }

    private async Task<long> IdOf(string device)
    {
        var page = await _host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/alerts?device={device}", UriKind.Relative));
        return page.GetProperty("items")[0].GetProperty("id").GetInt64();
    }
}
