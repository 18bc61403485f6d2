#!/usr/bin/env bash
# The HTTP ratio, measured with wrk: POST /v1/recommendations on a fresh silo with demo-network incidents against a
# bare Kestrel endpoint (Dispatch.Load --serve-bare: read and parse the JSON body, answer a small JSON object) on
# the same machine, same wrk settings, in alternating rounds (bare, engine, bare, engine, ...) so that a machine
# shared with other work disturbs both alike. Prints each round's requests/s, p99 and non-2xx answers, then the
# ranges and the ratio engine / bare (median over median, and min/max per round pair).
#
#   bench/http-ratio.sh                       # 3 rounds of 10 s, 2 threads, 32 connections
#   ROUNDS=5 DURATION=15s CONNECTIONS=64 THREADS=2 bench/http-ratio.sh
#
# Environment: ROUNDS (3), DURATION (10s), CONNECTIONS (32), THREADS (2), WARMUP (30s of unmeasured load on the
# engine first), BODIES (64 incident bodies drawn from
# the demo network by the generator, rotated per request), PAUSE (2 s between runs), NO_BUILD=1 to skip the builds,
# KEEP=1 to keep the work directory (silo log, Lua scripts, wrk outputs).
# Installs nothing but wrk, and that only through apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
BODIES="${BODIES:-64}"
PAUSE="${PAUSE:-2}"
WARMUP="${WARMUP:-30s}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing; installing it with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=""; else sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

if [ "${NO_BUILD:-0}" != "1" ]; then
  dotnet build src/Dispatch.Silo -c Release -v q -nologo >/dev/null
  dotnet build bench/Dispatch.Load -c Release -v q -nologo >/dev/null
fi
silo_dll="src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll"
load_dll="bench/Dispatch.Load/bin/Release/net10.0/Dispatch.Load.dll"

work="$(mktemp -d -t http-ratio-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = "1" ]; then echo "Work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # url, seconds, what: until the url answers 2xx
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if [ $SECONDS -ge $deadline ]; then echo "$3 did not come up at $1; see $work" >&2; KEEP=1; exit 1; fi
    sleep 0.5
  done
}

# The silo, as Dispatch.Load --start-silo starts it: free ports, fresh data directory, production settings, and no
# per-key rate limits (one key drives thousands of requests a second here).
silo_port="$(free_port)"
bare_port="$(free_port)"
(
  cd "$(dirname "$silo_dll")"
  Dispatch__DataDir="$work/data" Dispatch__RateLimits__Enabled=false \
  Dispatch__Orleans__SiloPort="$(free_port)" \
  DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet "$(basename "$silo_dll")" --urls "http://127.0.0.1:$silo_port" >"$work/silo.log" 2>&1
) &
pids+=($!)
dotnet "$load_dll" --serve-bare "$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$silo_port/health/ready" 180 "The silo"
for _ in $(seq 1 100); do [ -s "$work/data/admin.key" ] && break; sleep 0.2; done
for _ in $(seq 1 300); do grep -q "^Serving POST" "$work/bare.log" 2>/dev/null && break; sleep 0.2; done
grep -q "^Serving POST" "$work/bare.log" || { echo "The bare endpoint did not come up; see $work" >&2; KEEP=1; exit 1; }
key="$(cat "$work/data/admin.key")"

# The generator's own incident bodies, drawn from the silo's network, one JSON a line.
dotnet "$load_dll" --url "http://127.0.0.1:$silo_port" --key "$key" --write-bodies "$work/bodies.txt" --bodies "$BODIES" >/dev/null

lua_script() { # path, authorization header or empty, output
  {
    echo "local bodies = {"
    while IFS= read -r body; do printf '[==[%s]==],\n' "$body"; done <"$work/bodies.txt"
    echo "}"
    cat <<LUA
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
LUA
    if [ -n "$2" ]; then echo "wrk.headers[\"Authorization\"] = \"Bearer $2\""; fi
    cat <<LUA
request = function()
  i = i + 1
  return wrk.format(nil, "$1", nil, bodies[(i % #bodies) + 1])
end
LUA
  } >"$3"
}
lua_script /bare "" "$work/bare.lua"
lua_script /v1/recommendations "$key" "$work/engine.lua"

# Each is driven unmeasured first: connection set-up, the silo's first grain activations and the JIT. Under load on
# 2 cores the runtime still recompiles hot methods (tier 1) for tens of seconds; 3 s left the first engine round 35 %
# below the next ones (bench/README.md).
wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s -s "$work/bare.lua" "http://127.0.0.1:$bare_port" >/dev/null
wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -s "$work/engine.lua" "http://127.0.0.1:$silo_port" >/dev/null

to_ms() { # wrk latency (e.g. 850.00us, 12.3ms, 1.02s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

run_wrk() { # name, lua, url -> "rps p99ms non2xx"
  local out="$work/wrk-$1-$round.txt"
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$2" "$3" >"$out"
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$out")"
  echo "$rps $p99 ${non2xx:-0}"
}

echo "HTTP ratio with wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per run, $ROUNDS alternating rounds"
echo "machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')"
printf '%-6s %-7s %12s %10s %8s  %s\n' round target "requests/s" "p99 ms" non-2xx "load average (1, 5, 15 min)"
bare_rates=()
engine_rates=()
for round in $(seq 1 "$ROUNDS"); do
  for target in bare engine; do
    if [ "$target" = bare ]; then url="http://127.0.0.1:$bare_port"; else url="http://127.0.0.1:$silo_port"; fi
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    read -r rps p99 non2xx <<<"$(run_wrk "$target" "$work/$target.lua" "$url")"
    printf '%-6s %-7s %12s %10s %8s  %s\n' "$round" "$target" "$rps" "$p99" "$non2xx" "$load"
    if [ "$target" = bare ]; then bare_rates+=("$rps"); else engine_rates+=("$rps"); fi
    sleep "$PAUSE"
  done
done

python3 - "${bare_rates[*]}" "${engine_rates[*]}" <<'PY'
import statistics, sys
bare = [float(x) for x in sys.argv[1].split()]
engine = [float(x) for x in sys.argv[2].split()]
pairs = [e / b for b, e in zip(bare, engine) if b > 0]
print(f"bare   requests/s: median {statistics.median(bare):,.0f}  range {min(bare):,.0f}-{max(bare):,.0f}")
print(f"engine requests/s: median {statistics.median(engine):,.0f}  range {min(engine):,.0f}-{max(engine):,.0f}")
print(f"ratio engine/bare: {statistics.median(engine) / statistics.median(bare):.3f} (median over median), "
      f"per round {min(pairs):.3f}-{max(pairs):.3f}")
PY
if grep -q "Non-2xx" "$work"/wrk-engine-*.txt 2>/dev/null; then
  echo "note: non-2xx engine answers are 422s for bodies jittered outside the served area (see bench/README.md)"
fi
