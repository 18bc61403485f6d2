#!/usr/bin/env bash
# Runs every test of the solution, then lints the silo's OpenAPI document (tools/openapi-lint) and runs the web
# console's unit tests (web/, Vitest). Provisions what they need on a fresh machine: a throwaway PostgreSQL on
# loopback (DISPATCH_TEST_POSTGRES), unless one is given already, Debian's chromium for the console's end-to-end
# tests (never Playwright's own browser downloads), and the pinned npm packages (npm ci).
# Ends with one line "N passed, N failed" and a non-zero exit status on any failure, the lint's included.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

pg_dir=""
pg_bin=""

find_pg_bin() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$candidate" && -x "$candidate/pg_ctl" ]]; then
        echo "$candidate"
    fi
}

# Root may not run postgres: then the cluster belongs to the postgres user.
as_pg() {
    if [[ "$(id -u)" == "0" ]]; then
        su postgres -s /bin/sh -c "$1"
    else
        sh -c "$1"
    fi
}

stop_postgres() {
    if [[ -n "$pg_dir" && -d "$pg_dir" ]]; then
        as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
}

start_postgres() {
    pg_bin="$(find_pg_bin)"
    if [[ -z "$pg_bin" ]]; then
        echo "PostgreSQL not found: installing it (apt-get)."
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        pg_bin="$(find_pg_bin)"
    fi
    if [[ -z "$pg_bin" ]]; then
        echo "PostgreSQL is still missing after installation." >&2
        exit 1
    fi

    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    pg_dir="$(mktemp -d /tmp/dispatch-pg.XXXXXX)"
    trap stop_postgres EXIT
    if [[ "$(id -u)" == "0" ]]; then
        chown postgres:postgres "$pg_dir"
    fi
    chmod 700 "$pg_dir"
    # Trust authentication, but listening on loopback only, for a cluster that lives minutes.
    as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
    as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 \
        -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$pg_dir' -c max_connections=200 -c fsync=off\" start" >/dev/null
    as_pg "'$pg_bin/createdb' -h 127.0.0.1 -p $port -U postgres dispatch_test"
    export DISPATCH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=dispatch_test;Pooling=true;Maximum Pool Size=50"
    echo "Test PostgreSQL on 127.0.0.1:$port ($pg_bin)."
}

if [[ -z "${DISPATCH_TEST_POSTGRES:-}" ]]; then
    start_postgres
fi

# The web console's end-to-end tests (tests/Dispatch.Console.Tests) drive headless chromium from Debian's package.
if [[ -z "${DISPATCH_CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then
    echo "chromium not found: installing Debian's package (apt-get) for the console's end-to-end tests."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
        || echo "chromium could not be installed: the console's end-to-end tests will fail." >&2
fi

results="$root/TestResults/test-sh"
rm -rf "$results"
mkdir -p "$results"

dotnet build Dispatch.sln -c Release
status=0
# One run and one TRX file per test project of the solution (*.Tests; tests/Dispatch.TestKit and
# tests/Dispatch.TestKit.Silos are their libraries, not among them), so no result file can shadow another.
while IFS= read -r project; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" || status=$?
done < <(dotnet sln Dispatch.sln list | tr -d '\r' | grep -E '\.Tests\.csproj$')

# The built silo's OpenAPI document must pass Redocly's recommended rules with no error and no warning
# (tools/openapi-lint: the pinned @redocly/cli, installed here on first use).
lint_dir="$root/tools/openapi-lint"
lint_status=0
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: installing Node.js (apt-get) for the OpenAPI lint."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || lint_status=$?
fi
if [[ "$lint_status" -eq 0 && ! -d "$lint_dir/node_modules/@redocly/cli" ]]; then
    (cd "$lint_dir" && npm ci --no-audit --no-fund) || lint_status=$?
fi
if [[ "$lint_status" -eq 0 ]]; then
    { "$lint_dir/fetch-openapi.sh" "$results/openapi-v1.json" && "$lint_dir/lint.sh" "$results/openapi-v1.json"; } || lint_status=$?
fi
if [[ "$lint_status" -ne 0 ]]; then
    echo "OpenAPI lint failed (exit $lint_status): see above." >&2
fi

# The web console's own unit tests (web/, Vitest, the pinned packages of its package-lock.json), reported as JUnit
# XML beside the TRX files and counted with them.
web_status=0
if command -v npm >/dev/null 2>&1; then
    mkdir -p "$results/web"
    (cd "$root/web" && npm ci --no-audit --no-fund && npx vitest run --reporter=default --reporter=junit \
        --outputFile.junit="$results/web/vitest.xml") || web_status=$?
else
    web_status=1
fi
if [[ "$web_status" -ne 0 ]]; then
    echo "Web console unit tests failed (exit $web_status): see above." >&2
fi

# Sum the outcome counters of every TRX file (one per test project) and of the web console's JUnit file.
read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
for path in glob.glob(sys.argv[1] + "/web/*.xml"):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        total = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        passed += total - bad - int(suite.get("skipped", 0))
        failed += bad
print(passed, failed)
PY
)

# CI shows only the end of the output: repeat each failed test's name and the start of its message here, last.
python3 - "$results" <<'PY' >&2
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
        text = (message.text or "").strip() if message is not None else ""
        print(f"FAILED {result.get('testName')}:\n  " + text[:3000].replace("\n", "\n  "))
PY

echo "$passed passed, $failed failed" | tee "$results/summary.txt"
if [[ "$status" -ne 0 || "$failed" -ne 0 || "$lint_status" -ne 0 || "$web_status" -ne 0 ]]; then
    exit 1
fi
