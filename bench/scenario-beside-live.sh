#!/usr/bin/env bash
# Live dispatch latency beside what-if runs (issue 14): starts one silo (SQLite, demo network, fresh data
# directory), submits RUNS generated what-if runs through POST /v1/scenarios with a planner key, then drives the
# live API with bench/Dispatch.Load at a fixed rate while they compute, and prints the runs' states at the end.
# Environment: RUNS (default 3), DAYS and RATE_PER_DAY of each run's generated demand (90, 2000), LOADS
# (generator runs one after the other, "mix@rate" each; default "recommend=100@800 dispatch=100@40"),
# LOAD_DURATION (20s), SILO_DLL and LOAD_DLL (this tree's Release builds), SILO_ENV (extra "Name=value" settings for the silo, space separated).
set -euo pipefail
cd "$(dirname "$0")/.."
silo_dll="${SILO_DLL:-src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll}"
load_dll="${LOAD_DLL:-bench/Dispatch.Load/bin/Release/net10.0/Dispatch.Load.dll}"
runs="${RUNS:-3}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
data="$(mktemp -d /tmp/dispatch-scen-XXXX)"
port="$(free_port)"
url="http://127.0.0.1:$port"
# shellcheck disable=SC2086 # SILO_ENV is a list of settings on purpose
env Dispatch__DataDir="$data" Dispatch__Orleans__SiloPort="$(free_port)" DOTNET_ENVIRONMENT=Production \
  ASPNETCORE_ENVIRONMENT=Production Dispatch__RateLimits__Enabled=false \
  Dispatch__Scenarios__MaxRunning="$runs" Dispatch__Scenarios__MaxRunningPerKey="$runs" ${SILO_ENV:-} \
  dotnet "$(realpath "$silo_dll")" --urls "$url" > "$data/silo.log" 2>&1 &
silo=$!
trap 'kill $silo 2>/dev/null || true; wait $silo 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  if curl -fs "$url/health/ready" > /dev/null && [ -s "$data/admin.key" ]; then break; fi
  sleep 0.5
done
admin="$(cat "$data/admin.key")"
planner="$(curl -fs -X POST "$url/v1/admin/keys" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"bench-planner","role":"planner"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"

ids=()
for i in $(seq 1 "$runs"); do
  body="{\"name\":\"bench-$i\",\"base\":\"live\",\"demand\":{\"generate\":{\"start\":\"2026-01-05T00:00:00+08:00\",\"days\":${DAYS:-90},\"ratePerDay\":${RATE_PER_DAY:-2000},\"seed\":$i}}}"
  ids+=("$(curl -fs -X POST "$url/v1/scenarios" -H "Authorization: Bearer $planner" -H 'Content-Type: application/json' -d "$body" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
echo "submitted ${#ids[@]} runs; uptime: $(uptime)"

for load in ${LOADS:-recommend=100@800 dispatch=100@40}; do
  dotnet "$load_dll" --url "$url" --key "$admin" --rate "${load#*@}" --mix "${load%@*}" \
    --duration "${LOAD_DURATION:-20s}" --warmup 3s || echo "generator exit $?"
  echo "uptime after $load: $(uptime)"
  for id in "${ids[@]}"; do
    curl -fs "$url/v1/scenarios/$id" -H "Authorization: Bearer $planner" \
      | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v["id"], v["status"], round(v["progress"],3), "started", v.get("startedAt"), "finished", v.get("finishedAt"))'
  done
done
