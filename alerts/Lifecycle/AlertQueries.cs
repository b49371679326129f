using Telemetry.Alerts.Detectors;
using static Telemetry.Alerts.Lifecycle.AlertRows;

namespace Telemetry.Alerts.Lifecycle;

/// <summary>Reads of the alert store (their own connections; they never wait for the writer).</summary>
internal sealed class AlertQueries(AlertDatabase database)
{
    public AlertPage List(AlertQuery query)
    {
        var (where, parameters) = Filter(query, withSeverityAndState: true);
        using var connection = database.OpenRead();
        int total;
        using (var count = Command(connection, null, $"SELECT COUNT(*) FROM alerts {where}", parameters))
        {
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AlertQuery.MaxPageSize);
        using var command = Command(
            connection,
            null,
            $"SELECT {AlertSchema.AlertColumns} FROM alerts {where} ORDER BY id DESC LIMIT $limit OFFSET $offset",
            [.. parameters, ("$limit", size), ("$offset", (long)(page - 1) * size)]);
        using var reader = command.ExecuteReader();
        var items = new List<Alert>();
        while (reader.Read())
        {
            items.Add(ReadAlert(reader));
        }

        return new AlertPage(items, total, page, size);
    }

    public Alert? Find(long id)
    {
        using var connection = database.OpenRead();
        return FindAlert(connection, null, id);
    }

    public AlertDetail? Detail(long id)
    {
        using var connection = database.OpenRead();
        var alert = FindAlert(connection, null, id);
        if (alert is null)
        {
            return null;
        }

        var history = new List<AlertEvent>();
        using (var command = Command(connection, null, "SELECT id, alert_id, kind, at, by, text, severity, channel FROM alert_events WHERE alert_id = $id ORDER BY id", ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                history.Add(new AlertEvent(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    Enum.Parse<AlertEventKind>(reader.GetString(2)),
                    Time(reader, 3),
                    OptionalString(reader, 4),
                    OptionalString(reader, 5),
                    reader.IsDBNull(6) ? null : (AlertSeverity)reader.GetInt32(6),
                    OptionalString(reader, 7)));
            }
        }

        var comments = new List<AlertComment>();
        using (var command = Command(connection, null, "SELECT id, alert_id, at, by, text FROM alert_comments WHERE alert_id = $id ORDER BY id", ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                comments.Add(new AlertComment(reader.GetInt64(0), reader.GetInt64(1), Time(reader, 2), reader.GetString(3), reader.GetString(4)));
            }
        }

        return new AlertDetail(alert, history, comments);
    }

    /// <summary>Active alerts (open or acknowledged), oldest first.</summary>
    public IReadOnlyList<Alert> Active()
    {
        using var connection = database.OpenRead();
        using var command = Command(connection, null, $"SELECT {AlertSchema.AlertColumns} FROM alerts WHERE state != 'Cleared' ORDER BY id");
        using var reader = command.ExecuteReader();
        var list = new List<Alert>();
        while (reader.Read())
        {
            list.Add(ReadAlert(reader));
        }

        return list;
    }

    /// <summary>Counts in the query's scope (region, crew, device, rule; its severity and state are ignored).</summary>
    public AlertSummary Summarize(AlertQuery scope)
    {
        var (where, parameters) = Filter(scope, withSeverityAndState: false);
        var active = where.Length == 0 ? "WHERE state != 'Cleared'" : where + " AND state != 'Cleared'";
        var bySeverity = Enum.GetValues<AlertSeverity>().ToDictionary(s => s, _ => 0);
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unacknowledged = 0;
        using var connection = database.OpenRead();
        using (var command = Command(connection, null, $"SELECT rule, severity, ack_by IS NULL, COUNT(*) FROM alerts {active} GROUP BY rule, severity, ack_by IS NULL", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var n = reader.GetInt32(3);
                var severity = (AlertSeverity)reader.GetInt32(1);
                bySeverity[severity] = bySeverity.GetValueOrDefault(severity) + n;
                byRule[reader.GetString(0)] = byRule.GetValueOrDefault(reader.GetString(0)) + n;
                unacknowledged += reader.GetBoolean(2) ? n : 0;
            }
        }

        var (joined, _) = Filter(scope, withSeverityAndState: false, alias: "a.");
        var failingWhere = (joined.Length == 0 ? "WHERE " : joined + " AND ") + "(d.state = 'Failed' OR (d.state = 'Pending' AND d.attempts > 0))";
        using var failing = Command(connection, null, $"SELECT COUNT(*) FROM deliveries d JOIN alerts a ON a.id = d.alert_id {failingWhere}", parameters);
        var failingCount = Convert.ToInt32(failing.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new AlertSummary(bySeverity, byRule, unacknowledged, failingCount);
    }

    private static (string Where, (string, object?)[] Parameters) Filter(AlertQuery query, bool withSeverityAndState, string alias = "")
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        void Equal(string column, string name, object? value)
        {
            if (value is not null)
            {
                clauses.Add($"{alias}{column} = {name}");
                parameters.Add((name, value));
            }
        }

        Equal("county_id", "$county", query.CountyId);
        Equal("village_id", "$village", query.VillageId);
        Equal("device_id", "$device", query.DeviceId);
        Equal("crew_id", "$crew", query.CrewId);
        Equal("rule", "$rule", query.Rule);
        if (withSeverityAndState)
        {
            Equal("severity", "$severity", query.Severity is { } s ? (int)s : null);
            var state = query.State switch
            {
                AlertStateFilter.Active => "state != 'Cleared'",
                AlertStateFilter.Open => "state = 'Open'",
                AlertStateFilter.Acknowledged => "state = 'Acknowledged'",
                AlertStateFilter.Cleared => "state = 'Cleared'",
                _ => null,
            };
            if (state is not null)
            {
                clauses.Add(state);
            }
        }

        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), [.. parameters]);
    }
}
