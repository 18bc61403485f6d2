#!/usr/bin/env bash
# Starts the built silo (Release) on a throwaway data directory and free loopback ports, saves its
# /openapi/v1.json to the path given, and stops it. Builds nothing: build src/Dispatch.Silo first.
# Usage: tools/openapi-lint/fetch-openapi.sh OUT.json [SILO.dll]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: fetch-openapi.sh OUT.json [Dispatch.Silo.dll]}"
dll="${2:-$root/src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll}"
if [[ ! -f "$dll" ]]; then
    echo "fetch-openapi: $dll is missing; build src/Dispatch.Silo -c Release first." >&2
    exit 2
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port="$(free_port)"
silo_port="$(free_port)"
work="$(mktemp -d /tmp/dispatch-openapi.XXXXXX)"
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# The silo's own content root (appsettings.json) is beside the dll.
(
    cd "$(dirname "$dll")"
    exec env Dispatch__DataDir="$work/data" \
        Dispatch__SeedNetwork=none \
        Dispatch__Orleans__ClusterId="openapi-lint" \
        Dispatch__Orleans__ServiceId="openapi-lint" \
        Dispatch__Orleans__SiloPort="$silo_port" \
        Dispatch__Orleans__AdvertisedAddress=127.0.0.1 \
        dotnet "$dll" --urls "http://127.0.0.1:$http_port"
) >"$work/silo.log" 2>&1 &
pid=$!

url="http://127.0.0.1:$http_port/openapi/v1.json"
for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "fetch-openapi: the silo exited before it served the document:" >&2
        tail -n 40 "$work/silo.log" >&2
        exit 1
    fi
    if curl -fsS -o "$out.tmp" "$url" 2>/dev/null; then
        mv "$out.tmp" "$out"
        echo "fetch-openapi: saved $url to $out"
        exit 0
    fi
    sleep 0.5
done
rm -f "$out.tmp"
echo "fetch-openapi: no answer from $url within 60 s:" >&2
tail -n 40 "$work/silo.log" >&2
exit 1
