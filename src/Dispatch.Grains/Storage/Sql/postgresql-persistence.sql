-- Dispatch: grain state for the Orleans AdoNet storage provider on PostgreSQL (11 or later).
--
-- Contract with the provider (same as the SQLite script): statements under the keys
-- WriteToStorageKey, ReadFromStorageKey and ClearStorageKey in OrleansQuery; parameters
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary; result columns
-- PayloadBinary and Version (read), NewGrainStateVersion (write, clear). A write that does not
-- find the version it expects answers that same version (or no row for a first write), which
-- the provider reports to the grain as an InconsistentStateException.
--
-- Idempotent: the silo runs it at start-up, under an advisory lock so silos starting together
-- do not race on CREATE.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS dispatch_grain_state
(
    service_id        varchar(150) NOT NULL,
    grain_type_hash   integer      NOT NULL,
    grain_type        varchar(512) NOT NULL,
    grain_id_hash     integer      NOT NULL,
    grain_id_n0       bigint       NOT NULL,
    grain_id_n1       bigint       NOT NULL,
    grain_id_ext      varchar(512) NULL,
    payload           bytea        NULL,
    version           integer      NOT NULL,
    modified_on       timestamptz  NOT NULL DEFAULT now()
);

-- One row per grain; a NULL key extension differs from an empty one (see the SQLite script).
CREATE UNIQUE INDEX IF NOT EXISTS ux_dispatch_grain_state_grain ON dispatch_grain_state
(
    grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1,
    COALESCE(grain_id_ext, ''), (grain_id_ext IS NULL)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT s.payload AS "PayloadBinary", s.version AS "Version"
FROM dispatch_grain_state AS s
WHERE s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
  AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One statement: the update applies when the expected version is there, the insert when the
-- grain has no row yet (a concurrent first write loses on the unique index), and the last
-- branch echoes the expected version when the update found nothing: the conflict signal.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
WITH updated AS (
    UPDATE dispatch_grain_state AS s
    SET payload = @PayloadBinary, version = s.version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
      AND s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
      AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO dispatch_grain_state
        (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
         grain_id_ext, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
UNION ALL
SELECT @GrainStateVersion WHERE @GrainStateVersion IS NOT NULL AND NOT EXISTS (SELECT 1 FROM updated);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
WITH cleared AS (
    UPDATE dispatch_grain_state AS s
    SET payload = NULL, version = s.version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
      AND s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
      AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT version AS "NewGrainStateVersion" FROM cleared
UNION ALL
SELECT @GrainStateVersion WHERE @GrainStateVersion IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cleared);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
