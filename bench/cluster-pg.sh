#!/usr/bin/env bash
# Dispatch commits/s on PostgreSQL beside raw single-row upserts/s on the same database, in one run (issue 14).
# Starts a PostgreSQL of its own (initdb in a temp dir, fsync on, as a production server would be), a silo on it
# (demo network), drives it with bench/Dispatch.Load (--mix dispatch=100), then pgbench with a single-row upsert.
# Needs: PostgreSQL server binaries, pgbench, Release builds of src/Dispatch.Silo and bench/Dispatch.Load.
# Environment: RATE (400), DURATION (20s), UPSERT_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${RATE:-400}"; duration="${DURATION:-20s}"; upsert_seconds="${UPSERT_SECONDS:-10}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
silo_dll="src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll"
load_dll="bench/Dispatch.Load/bin/Release/net10.0/Dispatch.Load.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_pg() { if [[ "$(id -u)" == "0" ]]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

work="$(mktemp -d /tmp/dispatch-bench-pg.XXXXXX)"; silo_pid=""
cleanup() {
    [[ -n "$silo_pid" ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
    as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"; mkdir -p "$work/pg" "$work/silo"
[[ "$(id -u)" == "0" ]] && chown postgres:postgres "$work/pg"
pg_port="$(free_port)"; http_port="$(free_port)"
as_pg "'$pg_bin/initdb' -D '$work/pg/data' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories='$work/pg' -c max_connections=200\" start" >/dev/null
as_pg "'$pg_bin/createdb' -h 127.0.0.1 -p $pg_port -U postgres dispatch_bench"
conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=dispatch_bench;Maximum Pool Size=50"

Dispatch__DataDir="$work/silo" Dispatch__Storage__Provider=postgres Dispatch__Storage__ConnectionString="$conn" \
  Dispatch__Storage__ApplySchema=true Dispatch__Orleans__SiloPort="$(free_port)" \
  dotnet "$silo_dll" --urls "http://127.0.0.1:$http_port" >"$work/silo.log" 2>&1 &
silo_pid=$!
for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1 && [[ -f "$work/silo/admin.key" ]] && break
    sleep 0.5
done

echo "machine: $(nproc) vCPU, $(uptime | sed 's/.*load average/load average/')"
dotnet "$load_dll" --url "http://127.0.0.1:$http_port" --key-file "$work/silo/admin.key" --no-ceiling \
  --mix dispatch=100 --rate "$rate" --duration "$duration" --warmup 3s

# The raw figure: one client, one row upserted per transaction, on the same server and database.
cat >"$work/upsert.sql" <<'SQL'
\set k random(1, 100000)
INSERT INTO bench_upsert (id, payload, version) VALUES (:k, 'x', 1)
  ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = bench_upsert.version + 1;
SQL
as_pg "'$pg_bin/psql' -q -h 127.0.0.1 -p $pg_port -U postgres dispatch_bench -c 'CREATE TABLE bench_upsert (id int PRIMARY KEY, payload text, version int)'"
chmod 644 "$work/upsert.sql"
pgbench="$(command -v pgbench || echo "$pg_bin/pgbench")"
as_pg "'$pgbench' -n -c 1 -T $upsert_seconds -f '$work/upsert.sql' -h 127.0.0.1 -p $pg_port -U postgres dispatch_bench" | grep -E "tps|latency average"
echo "after: $(uptime | sed 's/.*load average/load average/')"
