-- Dispatch: grain state for the Orleans AdoNet storage provider on SQLite.
--
-- The provider reads its three statements from OrleansQuery (keys WriteToStorageKey,
-- ReadFromStorageKey, ClearStorageKey). It binds the parameters @GrainIdHash, @GrainIdN0,
-- @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
-- @GrainStateVersion and (for writes) @PayloadBinary, and reads the columns PayloadBinary and
-- Version (read) or NewGrainStateVersion (write, clear). The version is the ETag: a write that
-- does not find the version it expects must hand that same version back (or nothing for a
-- first write), which the provider turns into an InconsistentStateException for the grain.
--
-- Every statement is idempotent so the script can run at each start-up.

-- Journal mode is stored in the database file: WAL lets readers run beside the one writer.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS DispatchGrainState
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    PayloadBinary          BLOB    NULL,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL
);

-- One row per grain. A NULL key extension and an empty one are different grains, hence the
-- second expression: NULLs never collide in a unique index, and '' alone would merge them.
CREATE UNIQUE INDEX IF NOT EXISTS UX_DispatchGrainState_Grain ON DispatchGrainState
(
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
    IFNULL(GrainIdExtensionString, ''), (GrainIdExtensionString IS NULL)
);

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT s.PayloadBinary AS PayloadBinary, s.Version AS Version
FROM DispatchGrainState AS s
WHERE s.GrainIdHash = @GrainIdHash AND s.GrainTypeHash = @GrainTypeHash
  AND s.ServiceId = @ServiceId AND s.GrainTypeString = @GrainTypeString
  AND s.GrainIdN0 = @GrainIdN0 AND s.GrainIdN1 = @GrainIdN1
  AND s.GrainIdExtensionString IS @GrainIdExtensionString;
');

-- Three statements, one connection: a first write inserts (nothing happens if a row already
-- exists: another activation got there first); a later write bumps the version it expects;
-- when that update matched nothing, the expected version is echoed back to signal a conflict.
-- changes() reads the count of the UPDATE, the statement just before it.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO DispatchGrainState
    (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1,
     GrainIdExtensionString, PayloadBinary, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
       @GrainIdExtensionString, @PayloadBinary, 1, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;

UPDATE DispatchGrainState
SET PayloadBinary = @PayloadBinary,
    Version = Version + 1,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NOT NULL
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

SELECT @GrainStateVersion AS NewGrainStateVersion
WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;
');

-- Clearing keeps the row (and its version) so that an activation holding an older ETag still
-- conflicts; the payload goes.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE DispatchGrainState
SET PayloadBinary = NULL,
    Version = Version + 1,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NOT NULL
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

SELECT @GrainStateVersion AS NewGrainStateVersion
WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;
');
