#!/usr/bin/env bash
# Short load test of the real HTTP API: starts a silo from a clean data directory, drives it at a
# modest fixed rate with the default mix, then audits it through the API.
# Fails on any 5xx, transport error, audit violation or lost incident; never on throughput or latency
# (shared CI machines are too noisy for that). Tunable through the environment:
#   LOAD_RATE (req/s, default 40), LOAD_DURATION (default 25s), LOAD_WARMUP (default 3s),
#   LOAD_SEED (default 1), LOAD_REPORT (JSON report path), LOAD_ARGS (extra options, e.g. "--baseline").
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/Dispatch.Silo -c Release
dotnet build bench/Dispatch.Load -c Release

report="${LOAD_REPORT:-$(mktemp -d)/load-report.json}"
# shellcheck disable=SC2086 # LOAD_ARGS is a list of options on purpose
dotnet bench/Dispatch.Load/bin/Release/net10.0/Dispatch.Load.dll \
  --start-silo src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll \
  --rate "${LOAD_RATE:-40}" \
  --duration "${LOAD_DURATION:-25s}" \
  --warmup "${LOAD_WARMUP:-3s}" \
  --seed "${LOAD_SEED:-1}" \
  --mix "${LOAD_MIX:-recommend=45,dispatch=25,autodispatch=10,events=13,cancel=5,stock=2}" \
  --json "$report" \
  ${LOAD_ARGS:-}
