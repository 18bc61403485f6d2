#!/usr/bin/env bash
# Runs every test of the solution. Provisions what the tests need on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Dispatch.sln -c Release
dotnet test Dispatch.sln -c Release --no-build
