-- Dispatch: cluster membership for the Orleans AdoNet clustering provider on PostgreSQL.
--
-- Orleans keeps one version row per deployment (cluster id) and one row per silo. Every change
-- to a silo row must bump the version row in the same atomic step and only when the caller
-- still holds the version it read (optimistic concurrency over the whole table), which is what
-- lets silos agree on who is alive. The provider reads the statements below from OrleansQuery
-- and binds @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
-- @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime and @Version; it reads the columns
-- DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes,
-- StartTime, IAmAliveTime and Version, and for inserts and updates a single truth value.
--
-- Idempotent; applied at start-up under the same advisory lock as the persistence script.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS dispatch_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS dispatch_membership
(
    deployment_id  varchar(150)  NOT NULL REFERENCES dispatch_membership_version (deployment_id),
    address        varchar(45)   NOT NULL,
    port           integer       NOT NULL,
    generation     integer       NOT NULL,
    silo_name      varchar(150)  NOT NULL,
    host_name      varchar(150)  NOT NULL,
    status         integer       NOT NULL,
    proxy_port     integer       NULL,
    suspect_times  varchar(8000) NULL,
    start_time     timestamptz(3) NOT NULL,
    i_am_alive     timestamptz(3) NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO dispatch_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The version bump is the gate: it holds the version row's lock, so a competing writer waits
-- and then finds the version moved on. The silo row goes in only through that gate.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
WITH gate AS (
    UPDATE dispatch_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version AND v.version < 2147483647
      AND NOT EXISTS (
          SELECT 1 FROM dispatch_membership AS m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO dispatch_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         start_time, i_am_alive)
    SELECT gate.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM gate
    RETURNING 1
)
SELECT count(*)::integer FROM added;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
WITH gate AS (
    UPDATE dispatch_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version AND v.version < 2147483647
      AND EXISTS (
          SELECT 1 FROM dispatch_membership AS m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE dispatch_membership AS m
    SET status = @Status,
        suspect_times = @SuspectTimes,
        i_am_alive = GREATEST(m.i_am_alive, @IAmAliveTime)
    FROM gate
    WHERE m.deployment_id = gate.deployment_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM changed;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Heartbeats do not bump the version; a late heartbeat never moves the time backwards.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE dispatch_membership AS m
SET i_am_alive = GREATEST(m.i_am_alive, @IAmAliveTime)
WHERE m.deployment_id = @DeploymentId AND m.address = @Address
  AND m.port = @Port AND m.generation = @Generation;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime", v.version AS "Version"
FROM dispatch_membership_version AS v
LEFT JOIN dispatch_membership AS m
       ON m.deployment_id = v.deployment_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime", v.version AS "Version"
FROM dispatch_membership_version AS v
LEFT JOIN dispatch_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM dispatch_membership WHERE deployment_id = @DeploymentId;
DELETE FROM dispatch_membership_version WHERE deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Status 3 is Active: gateways are the active silos that accept clients.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT m.address AS "Address", m.proxy_port AS "ProxyPort", m.generation AS "Generation"
FROM dispatch_membership AS m
WHERE m.deployment_id = @DeploymentId AND m.status = @Status AND m.proxy_port > 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Status 6 is Dead. Only rows silent since the cut-off, with no suspicion on record, go.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM dispatch_membership AS m
WHERE m.deployment_id = @DeploymentId AND m.status = 6
  AND m.i_am_alive < @IAmAliveTime AND m.start_time < @IAmAliveTime
  AND COALESCE(m.suspect_times, '''') = '''';
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removes one dead silo row, only if it still holds exactly the values the caller judged on.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM dispatch_membership AS m
WHERE m.deployment_id = @DeploymentId AND m.status = 6
  AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
  AND m.i_am_alive = @IAmAliveTime AND m.start_time = @StartTime
  AND m.suspect_times IS NOT DISTINCT FROM @SuspectTimes;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
