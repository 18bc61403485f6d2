-- Dispatch: reminders for the Orleans AdoNet reminder provider on SQLite.
--
-- The provider reads these statements from OrleansQuery and binds @ServiceId, @GrainId (text),
-- @ReminderName, @StartTime, @Period (milliseconds), @GrainHash (the grain's uniform hash as a
-- signed 32-bit integer), @Version (the ETag), @BeginHash and @EndHash. It reads the columns
-- GrainId, ReminderName, StartTime, Period and Version; an upsert answers the new Version, a
-- delete one truth value (whether the row with that version went).
--
-- Silos read reminders by ranges of the hash ring: ReadRangeRows1Key for a range that does not
-- wrap (BeginHash < EndHash, exclusive begin, inclusive end), ReadRangeRows2Key for one that does.
--
-- Idempotent: the silo runs it at each start-up, after the persistence script.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS DispatchReminder
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Range reads go by service and hash.
CREATE INDEX IF NOT EXISTS IX_DispatchReminder_Hash ON DispatchReminder (ServiceId, GrainHash);

-- A new row starts at version 0; every later upsert of the same reminder bumps it.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO DispatchReminder (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime,
    Period = excluded.Period,
    GrainHash = excluded.GrainHash,
    Version = DispatchReminder.Version + 1
RETURNING Version AS Version;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT r.GrainId AS GrainId, r.ReminderName AS ReminderName, r.StartTime AS StartTime,
       r.Period AS Period, r.Version AS Version
FROM DispatchReminder AS r
WHERE r.ServiceId = @ServiceId AND r.GrainId = @GrainId;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT r.GrainId AS GrainId, r.ReminderName AS ReminderName, r.StartTime AS StartTime,
       r.Period AS Period, r.Version AS Version
FROM DispatchReminder AS r
WHERE r.ServiceId = @ServiceId AND r.GrainId = @GrainId AND r.ReminderName = @ReminderName;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT r.GrainId AS GrainId, r.ReminderName AS ReminderName, r.StartTime AS StartTime,
       r.Period AS Period, r.Version AS Version
FROM DispatchReminder AS r
WHERE r.ServiceId = @ServiceId AND r.GrainHash > @BeginHash AND r.GrainHash <= @EndHash;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT r.GrainId AS GrainId, r.ReminderName AS ReminderName, r.StartTime AS StartTime,
       r.Period AS Period, r.Version AS Version
FROM DispatchReminder AS r
WHERE r.ServiceId = @ServiceId AND (r.GrainHash > @BeginHash OR r.GrainHash <= @EndHash);
');

-- Only the version the caller holds goes: a reminder updated meanwhile stays. The second
-- statement answers false when the first removed nothing (changes() counts the DELETE).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM DispatchReminder
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
  AND Version = @Version
RETURNING 1 AS Deleted;

SELECT 0 AS Deleted WHERE changes() = 0;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM DispatchReminder WHERE ServiceId = @ServiceId;
');
