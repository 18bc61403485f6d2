#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly's recommended rules (redocly.yaml) and fails on any error or warning.
# Builds and fetches nothing: give it the document, e.g. the silo's, saved by fetch-openapi.sh.
# Needs this folder's node_modules (npm ci). Usage: tools/openapi-lint/lint.sh OPENAPI.json
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
doc="${1:?usage: lint.sh OPENAPI.json}"
if [[ ! -f "$doc" ]]; then
    echo "openapi-lint: $doc does not exist." >&2
    exit 2
fi
doc="$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")"
cd "$here"
if [[ ! -d node_modules/@redocly/cli ]]; then
    echo "openapi-lint: @redocly/cli is not installed: run 'npm ci' in $here." >&2
    exit 2
fi

# No telemetry and no update check: the lint is offline and quiet.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
version="$(node -p 'require("./node_modules/@redocly/cli/package.json").version')"
report="$(mktemp)"
errlog="$(mktemp)"
trap 'rm -f "$report" "$errlog"' EXIT

# redocly exits non-zero on errors only, so the totals of its JSON report decide: a warning fails too.
status=0
npx --no-install redocly lint --config redocly.yaml --lint-config error --format=json "$doc" >"$report" 2>"$errlog" || status=$?
if ! totals="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${r.totals.errors} ${r.totals.warnings} ${r.totals.ignored}`);' "$report" 2>/dev/null)"; then
    echo "openapi-lint: redocly $version gave no report (exit $status):" >&2
    cat "$errlog" >&2
    exit 1
fi
read -r errors warnings ignored <<<"$totals"

if [[ "$status" -eq 0 && "$errors" -eq 0 && "$warnings" -eq 0 ]]; then
    echo "openapi-lint: $doc passes Redocly $version (recommended): 0 errors, 0 warnings${ignored:+, $ignored ignored}."
    exit 0
fi

# Again in the readable format, to show each problem where it is.
npx --no-install redocly lint --config redocly.yaml --format=codeframe "$doc" 2>/dev/null || true
echo "openapi-lint: $doc fails Redocly $version (recommended): $errors error(s), $warnings warning(s)." >&2
exit 1
