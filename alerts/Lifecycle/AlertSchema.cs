namespace Telemetry.Alerts.Lifecycle;

/// <summary>
/// Tables of the alert store. The partial unique index is what makes "one open alert per (device, rule)" hold whatever
/// writes it; every transition is a row of <c>alert_events</c>; <c>deliveries</c> is the notifiers' outbox, written in
/// the same transaction as the change it reports. Times are Unix milliseconds. <c>pv_day_results</c> and
/// <c>pv_days_closed</c> are the daily underperformance rules' memory (<c>SqliteDayResultStore</c>); their days are local
/// (China time) ISO dates. Version 2 added them; every table is created if missing, so a version 1 file upgrades in place.
/// </summary>
internal static class AlertSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS alerts (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            device_id  TEXT    NOT NULL,
            rule       TEXT    NOT NULL,
            severity   INTEGER NOT NULL,
            state      TEXT    NOT NULL CHECK (state IN ('Open', 'Acknowledged', 'Cleared')),
            raised_at  INTEGER NOT NULL,
            cleared_at INTEGER,
            updated_at INTEGER NOT NULL,
            ack_by     TEXT,
            ack_at     INTEGER,
            message    TEXT    NOT NULL,
            crew_id    TEXT    NOT NULL,
            county_id  TEXT    NOT NULL,
            village_id TEXT    NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS alerts_one_open ON alerts (device_id, rule) WHERE state != 'Cleared';
        CREATE INDEX IF NOT EXISTS alerts_by_device_rule ON alerts (device_id, rule, cleared_at);
        CREATE INDEX IF NOT EXISTS alerts_by_state ON alerts (state);
        CREATE TABLE IF NOT EXISTS alert_events (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id INTEGER NOT NULL REFERENCES alerts (id),
            kind     TEXT    NOT NULL,
            at       INTEGER NOT NULL,
            by       TEXT,
            text     TEXT,
            severity INTEGER,
            channel  TEXT
        );
        CREATE INDEX IF NOT EXISTS alert_events_by_alert ON alert_events (alert_id, id);
        CREATE TABLE IF NOT EXISTS alert_comments (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id INTEGER NOT NULL REFERENCES alerts (id),
            at       INTEGER NOT NULL,
            by       TEXT    NOT NULL,
            text     TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS alert_comments_by_alert ON alert_comments (alert_id, id);
        CREATE TABLE IF NOT EXISTS deliveries (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id        INTEGER NOT NULL REFERENCES alerts (id),
            channel         TEXT    NOT NULL,
            event           TEXT    NOT NULL,
            payload         TEXT    NOT NULL,
            state           TEXT    NOT NULL CHECK (state IN ('Pending', 'Delivered', 'Failed', 'Superseded')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            created_at      INTEGER NOT NULL,
            next_attempt_at INTEGER,
            last_attempt_at INTEGER,
            delivered_at    INTEGER,
            last_error      TEXT
        );
        CREATE INDEX IF NOT EXISTS deliveries_by_channel ON deliveries (channel, state, alert_id, id);
        CREATE INDEX IF NOT EXISTS deliveries_by_alert ON deliveries (alert_id);
        CREATE TABLE IF NOT EXISTS pv_day_results (
            station_id  TEXT    NOT NULL,
            rule        TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            ratio       REAL,
            below_major INTEGER NOT NULL,
            below_minor INTEGER NOT NULL,
            active      INTEGER,
            shown       INTEGER NOT NULL,
            PRIMARY KEY (station_id, rule, day)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pv_days_closed (
            county_id TEXT PRIMARY KEY,
            day       TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    public const string AlertColumns =
        "id, device_id, rule, severity, state, raised_at, cleared_at, updated_at, ack_by, ack_at, message, crew_id, county_id, village_id";

    public const string DeliveryColumns =
        "id, alert_id, channel, event, state, attempts, created_at, next_attempt_at, last_attempt_at, delivered_at, last_error";
}
