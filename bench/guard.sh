#!/usr/bin/env bash
# The benchmark guard of the hot path (recommendation, coverage upkeep, regional surge batch): a short in-process
# BenchmarkDotNet job whose medians are divided by a fixed yardstick measured in the same run and compared with
# bench/guard-baseline.json. Fails only on a slowdown of more than 2x seen in each of three attempts.
#   bench/guard.sh            check
#   bench/guard.sh --record   measure and write a new baseline (after an intended change of speed)
# DISPATCH_GUARD_SLOWDOWN=3 makes each guarded operation run three times, to show that the guard catches it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Dispatch.Benchmarks -c Release
dotnet bench/Dispatch.Benchmarks/bin/Release/net10.0/Dispatch.Benchmarks.dll guard --baseline bench/guard-baseline.json "$@"
