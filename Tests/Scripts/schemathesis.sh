#!/usr/bin/env bash
# Runs schemathesis (PyPI) against `clearance serve` on the sample project with openapi.yaml: every check
# (`--checks all`) on every operation, with a bearer token from a tokens file of its own. `.ci/run` calls it after
# `swift test` (which builds the `clearance` it runs; CLEARANCE names another). Without schemathesis it is skipped
# with a notice, unless CI is set: there a missing program is a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if ! command -v schemathesis >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then
        echo "schemathesis.sh: schemathesis is not installed (python3 -m pip install schemathesis)" >&2
        exit 1
    fi
    echo "note: the schemathesis run is skipped: schemathesis is not installed (python3 -m pip install schemathesis)"
    exit 0
fi
clearance=${CLEARANCE:-$root/.build/debug/clearance}
[ -x "$clearance" ] || { echo "schemathesis.sh: $clearance is not built (swift build)" >&2; exit 1; }

work=$(mktemp -d)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'schemathesis:%s\n' "$(printf %s "$token" | sha256sum | cut -d' ' -f1)" > "$work/tokens.txt"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$clearance" serve --tokens "$work/tokens.txt" --listen "127.0.0.1:$port" --as-of 2026-11-20 --no-watch 2> "$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 300); do
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$port/ready" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.2
done

# The examples and coverage phases walk every operation's declared values and edges; fuzzing adds generated cases
# within the time budget. A failure prints the request that reproduces it.
status=0
schemathesis --no-color --config-file Tests/Scripts/schemathesis.toml run openapi.yaml --url "http://127.0.0.1:$port" --checks all \
    --header "Authorization: Bearer $token" --workers 2 --max-time "${SCHEMATHESIS_SECONDS:-90}" \
    --suppress-health-check all --request-timeout 10 --generation-database none || status=$?
if [ "$status" -ne 0 ]; then
    echo "schemathesis.sh: schemathesis found failures (exit $status); the server's log:" >&2
    tail -50 "$work/serve.log" >&2
fi
exit "$status"
