#!/usr/bin/env bash
# Server benchmark (issue 18): `clearance serve` (release build) on a generated 10,000-member organisation with the shipped
# packs, loaded by wrk over 64 connections: GET /v1/people/{id}/clearance rotating over every member's id, then POST
# /v1/check of one member, DURATION seconds each (default 60). Records the time to the first snapshot, every member's
# first (evaluated) answer over one connection, requests per second, p50/p90/p99 latency and the server's resident memory
# when ready, after a warm-up and after each run, and writes Benchmarks/RESULTS-serve.md.
# Needs wrk (Debian: wrk) and python3 with PyYAML. MEMBERS, DURATION, CONNECTIONS and THREADS change the sizes;
# BENCH_DIR keeps the data; SCRATCH_PATH builds in another folder than .build, or BIN names a folder of release binaries
# to use as they are; BASELINE names another clearance binary
# (an earlier commit's) measured first in the same run, whose answers must equal this one's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
members=${MEMBERS:-10000}
duration=${DURATION:-60}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
asof=2026-11-20

command -v wrk >/dev/null || { echo "serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
. Benchmarks/release-binaries.sh

org="$work/org-$members"
[ -d "$org" ] || "$bin/clearance-bench" generate --members "$members" --seed 1 "$org" >/dev/null
# A project of its own beside the organisation: the shipped packs, the organisation as input, the default settings.
mkdir -p "$work/project"
ln -sfn "$root/Policies" "$work/project/Policies"
ln -sfn "$org" "$work/project/org"
printf 'policies: [Policies]\ninputs: [org]\nfail_on: low\n' > "$work/project/clearance.yaml"
find "$org" -name '*.yaml' -exec cat {} + > /dev/null  # warm the page cache

# The ids, in a scattered order, and one member as the JSON body of a check.
find "$org/team" -name '*.yaml' -printf '%f\n' | sed 's/\.yaml$//' | shuf --random-source=<(yes) > "$work/ids.txt"
python3 - "$org/team/$(head -1 "$work/ids.txt").yaml" > "$work/member.json" <<'PY'
import json, sys, yaml
document = yaml.safe_load(open(sys.argv[1]))
print(json.dumps(document, default=lambda value: value.isoformat()))
PY

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'bench:%s\n' "$(printf %s "$token" | sha256sum | cut -d' ' -f1)" > "$work/tokens.txt"

# Serves the project with the clearance binary $1 (named $2 in the results), measures it and stops it: the time to the
# first snapshot, the first answer of every member once over one connection (every answer evaluated), then wrk's runs.
# Appends one JSON line to $work/results.jsonl.
measure() {
    local binary=$1 label=$2
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd "$work/project" && exec "$binary" serve --tokens "$work/tokens.txt" --listen "127.0.0.1:$port" --as-of "$asof") \
        2> "$work/serve-$label.log" &
    server=$!
    local start ready
    start=$(date +%s.%N)
    until curl -sf "http://127.0.0.1:$port/ready" > /dev/null; do
        kill -0 "$server" 2>/dev/null || { cat "$work/serve-$label.log" >&2; exit 1; }
        sleep 0.2
    done
    ready=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
    rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
    local ready_rss warm_rss get_rss check_rss cold get check
    ready_rss=$(rss)
    # Every member's first answer, one request after another on one keep-alive connection: the cost of evaluating.
    cold=$(python3 - "$port" "$token" "$work/ids.txt" <<'PY'
import http.client, json, sys, time
port, token, ids = int(sys.argv[1]), sys.argv[2], [line.strip() for line in open(sys.argv[3])]
connection = http.client.HTTPConnection("127.0.0.1", port)
times = []
for person in ids:
    began = time.perf_counter()
    connection.request("GET", f"/v1/people/{person}/clearance", headers={"Authorization": f"Bearer {token}"})
    response = connection.getresponse()
    response.read()
    times.append((time.perf_counter() - began) * 1e6)
    assert response.status == 200, (person, response.status)
times.sort()
print(json.dumps({"requests": len(times), "p50_us": times[len(times) // 2], "p99_us": times[int(len(times) * 0.99)],
                  "mean_us": sum(times) / len(times)}))
PY
)
    # A short warm-up of both routes, then the measured runs.
    run "$port" 5 "warmup-get-$label" IDS_FILE="$work/ids.txt" > /dev/null
    run "$port" 5 "warmup-check-$label" BODY_FILE="$work/member.json" > /dev/null
    warm_rss=$(rss)
    get=$(run "$port" "$duration" "get-$label" IDS_FILE="$work/ids.txt")
    get_rss=$(rss)
    check=$(run "$port" "$duration" "check-$label" BODY_FILE="$work/member.json")
    check_rss=$(rss)
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/people/$(head -1 "$work/ids.txt")/clearance" \
        > "$work/answer-$label.json"
    curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @"$work/member.json" \
        "http://127.0.0.1:$port/v1/check" > "$work/check-$label.json"
    kill "$server"; wait "$server" 2>/dev/null || true
    printf '{"label": "%s", "ready_s": %s, "rss_kb": {"ready": %s, "warm": %s, "get": %s, "check": %s}, "cold": %s, "get": %s, "check": %s}\n' \
        "$label" "$ready" "$ready_rss" "$warm_rss" "$get_rss" "$check_rss" "$cold" "$get" "$check" >> "$work/results.jsonl"
}

run() {  # port, seconds, name, extra environment for the script; prints wrk's JSON line
    local port=$1 seconds=$2 name=$3; shift 3
    env TOKEN="$token" "$@" wrk -t"$threads" -c"$connections" -d"$seconds"s --timeout 10s -s Benchmarks/serve.lua \
        "http://127.0.0.1:$port" > "$work/wrk-$name.txt"
    tail -1 "$work/wrk-$name.txt"
}

server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi' EXIT
rm -f "$work/results.jsonl"
if [ -n "${BASELINE:-}" ]; then measure "$BASELINE" baseline; fi
measure "$bin/clearance" current
# The same snapshot must give the same answers, whichever binary served them (the time aside).
if [ -n "${BASELINE:-}" ]; then
    python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for name in ("answer", "check"):
    old, new = (json.load(open(f"{work}/{name}-{label}.json")) for label in ("baseline", "current"))
    for value in (old, new): value.pop("evaluatedAt", None)
    assert old == new, f"{name}: the baseline and the current binary answer differently"
PY
fi

python3 - "$members" "$duration" "$connections" "$threads" "$(nproc)" "$work/results.jsonl" > Benchmarks/RESULTS-serve.md <<'PY'
import json, sys
members, duration, connections, threads, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
results = [json.loads(line) for line in open(sys.argv[6])]
print("# Server benchmark\n")
print(f"`Benchmarks/serve.sh`: `clearance serve` (release build) on an organisation from `clearance-bench generate --members {members:,}")
print(f"--seed 1` with the shipped packs, evaluated as of 2026-11-20, with a bearer token; wrk with {threads} threads over")
print(f"{connections} connections for {duration} s per route, on the same {cores}-core machine as the server."
      + (" `baseline` is the binary given as BASELINE, measured in the same run." if len(results) > 1 else "") + "\n")
print("| binary | route | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | memory before MB | memory after MB | change |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for result in results:
    rss = result["rss_kb"]
    for name, run, before, after in [("GET /v1/people/{id}/clearance", result["get"], rss["warm"], rss["get"]),
                                     ("POST /v1/check (one member)", result["check"], rss["get"], rss["check"])]:
        errors = run["non_2xx"] + run["connect_errors"] + run["read_errors"] + run["write_errors"] + run["timeouts"]
        print(f"| {result['label']} | `{name}` | {run['requests']:,} | {run['requests'] / run['seconds']:,.0f} | {run['p50_us'] / 1000:.2f} | "
              f"{run['p90_us'] / 1000:.2f} | {run['p99_us'] / 1000:.2f} | {run['max_us'] / 1000:.1f} | {errors} | "
              f"{before / 1024:.0f} | {after / 1024:.0f} | {(after - before) / before * 100:+.1f}% |")
print()
print("| binary | snapshot ready s | memory when ready MB | first answer of each member, one connection: p50 ms | p99 ms | requests after warm-up | memory after warm-up → after both runs |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for result in results:
    rss, cold = result["rss_kb"], result["cold"]
    total = result["get"]["requests"] + result["check"]["requests"]
    print(f"| {result['label']} | {result['ready_s']} | {rss['ready'] / 1024:.0f} | {cold['p50_us'] / 1000:.2f} | {cold['p99_us'] / 1000:.2f} | "
          f"{total:,} | {rss['warm'] / 1024:.0f} → {rss['check'] / 1024:.0f} MB ({(rss['check'] - rss['warm']) / rss['warm'] * 100:+.1f}%) |")
print("\nGoal: p99 under 5 ms on this 2-core machine; memory flat within 10% over a million requests.")
PY
cat Benchmarks/RESULTS-serve.md
