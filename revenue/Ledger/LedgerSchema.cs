namespace Telemetry.Revenue.Ledger;

/// <summary>
/// Tables of the revenue ledger. Published statements, their booked subsidy accruals and subsidy batches are append-only:
/// triggers refuse UPDATE and DELETE, so a change after publication can only be a new, correcting statement.
/// Money is stored as decimal text, never as floating point.
/// </summary>
internal static class LedgerSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS statements (
            village_id   TEXT    NOT NULL,
            seq          INTEGER NOT NULL,
            month        TEXT    NOT NULL,
            corrects     INTEGER,
            published_at TEXT    NOT NULL,
            prev_hash    TEXT    NOT NULL,
            hash         TEXT    NOT NULL,
            body         TEXT    NOT NULL,
            PRIMARY KEY (village_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS statements_by_month ON statements (village_id, month, seq);
        CREATE TABLE IF NOT EXISTS subsidy_accruals (
            village_id TEXT    NOT NULL,
            seq        INTEGER NOT NULL,
            station_id TEXT    NOT NULL,
            month      TEXT    NOT NULL,
            accrued    TEXT    NOT NULL,
            PRIMARY KEY (village_id, seq, station_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS subsidy_batches (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            station_id  TEXT NOT NULL,
            received    TEXT NOT NULL,
            amount      TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to   TEXT NOT NULL,
            reference   TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS subsidy_batches_by_station ON subsidy_batches (station_id, received);
        CREATE TRIGGER IF NOT EXISTS statements_no_update BEFORE UPDATE ON statements
            BEGIN SELECT RAISE(ABORT, 'published statements are immutable; publish a correction instead'); END;
        CREATE TRIGGER IF NOT EXISTS statements_no_delete BEFORE DELETE ON statements
            BEGIN SELECT RAISE(ABORT, 'published statements are immutable; publish a correction instead'); END;
        CREATE TRIGGER IF NOT EXISTS accruals_no_update BEFORE UPDATE ON subsidy_accruals
            BEGIN SELECT RAISE(ABORT, 'booked accruals are immutable'); END;
        CREATE TRIGGER IF NOT EXISTS accruals_no_delete BEFORE DELETE ON subsidy_accruals
            BEGIN SELECT RAISE(ABORT, 'booked accruals are immutable'); END;
        CREATE TRIGGER IF NOT EXISTS batches_no_update BEFORE UPDATE ON subsidy_batches
            BEGIN SELECT RAISE(ABORT, 'recorded subsidy batches are immutable'); END;
        CREATE TRIGGER IF NOT EXISTS batches_no_delete BEFORE DELETE ON subsidy_batches
            BEGIN SELECT RAISE(ABORT, 'recorded subsidy batches are immutable'); END;
        """;
}
