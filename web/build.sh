#!/usr/bin/env bash
# Rebuilds the web console into src/Dispatch.Silo/wwwroot (committed, so that `dotnet run` serves it without npm):
# the pinned packages of package-lock.json (npm ci), a type check, then Vite. Same lock, same sources: same files.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx tsc --noEmit
npx vite build
