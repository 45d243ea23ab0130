#!/usr/bin/env bash
# Server benchmark (issue 18): `clearance serve` (release build) on a generated 10,000-member organisation with the shipped
# packs, loaded by wrk over 64 connections: GET /v1/people/{id}/clearance rotating over every member's id, then POST
# /v1/check of one member, DURATION seconds each (default 60). Records requests per second, p50/p90/p99 latency and the
# server's resident memory at start, after a warm-up and after each run, and writes Benchmarks/RESULTS-serve.md.
# Needs wrk (Debian: wrk) and python3 with PyYAML. MEMBERS, DURATION, CONNECTIONS and THREADS change the sizes;
# BENCH_DIR keeps the data; SCRATCH_PATH builds in another folder than .build.
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
build=(swift build -c release ${SCRATCH_PATH:+--scratch-path "$SCRATCH_PATH"})
"${build[@]}" --product clearance >/dev/null
"${build[@]}" --product clearance-bench >/dev/null
bin=$("${build[@]}" --show-bin-path)

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
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/project" && exec "$bin/clearance" serve --tokens "$work/tokens.txt" --listen "127.0.0.1:$port" --as-of "$asof") \
    2> "$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
start=$(date +%s.%N)
until curl -sf "http://127.0.0.1:$port/ready" > /dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.2
done
ready=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
declare -A memory
memory[start]=$(rss)

run() {  # name, extra environment for the script; prints wrk's JSON line
    local name=$1; shift
    env TOKEN="$token" "$@" wrk -t"$threads" -c"$connections" -d"$duration"s --timeout 10s -s Benchmarks/serve.lua \
        "http://127.0.0.1:$port" > "$work/wrk-$name.txt"
    tail -1 "$work/wrk-$name.txt"
}

# A short warm-up of both routes, then the measured runs.
DURATION_SAVED=$duration; duration=5
run warmup-get IDS_FILE="$work/ids.txt" > /dev/null
run warmup-check BODY_FILE="$work/member.json" > /dev/null
duration=$DURATION_SAVED
memory[warm]=$(rss)
get=$(run get IDS_FILE="$work/ids.txt")
memory[get]=$(rss)
check=$(run check BODY_FILE="$work/member.json")
memory[check]=$(rss)
answer=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/people/$(head -1 "$work/ids.txt")/clearance" | head -c 200)
check_answer=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @"$work/member.json" "http://127.0.0.1:$port/v1/check" | head -c 120)

python3 - "$members" "$duration" "$connections" "$threads" "$ready" "${memory[start]}" "${memory[warm]}" "${memory[get]}" "${memory[check]}" \
    "$get" "$check" "$(nproc)" > Benchmarks/RESULTS-serve.md <<'PY'
import json, sys
members, duration, connections, threads, ready = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
start, warm, after_get, after_check = (int(x) for x in sys.argv[6:10])
get, check, cores = json.loads(sys.argv[10]), json.loads(sys.argv[11]), sys.argv[12]
print("# Server benchmark\n")
print(f"`Benchmarks/serve.sh`: `clearance serve` (release build) on an organisation from `clearance-bench generate --members {members:,}")
print(f"--seed 1` with the shipped packs, evaluated as of 2026-11-20, with a bearer token; wrk with {threads} threads over")
print(f"{connections} connections for {duration} s per route, on the same {cores}-core machine as the server (other work running).")
print(f"The snapshot was ready {ready} s after the server started.\n")
print("| route | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | memory before MB | memory after MB | change |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, result, before, after in [("GET /v1/people/{id}/clearance", get, warm, after_get), ("POST /v1/check (one member)", check, after_get, after_check)]:
    errors = result["non_2xx"] + result["connect_errors"] + result["read_errors"] + result["write_errors"] + result["timeouts"]
    print(f"| `{name}` | {result['requests']:,} | {result['requests'] / result['seconds']:,.0f} | {result['p50_us'] / 1000:.2f} | "
          f"{result['p90_us'] / 1000:.2f} | {result['p99_us'] / 1000:.2f} | {result['max_us'] / 1000:.1f} | {errors} | "
          f"{before / 1024:.0f} | {after / 1024:.0f} | {(after - before) / before * 100:+.1f}% |")
total = get["requests"] + check["requests"]
print(f"\nResident memory (VmRSS): {start / 1024:.0f} MB when ready, {warm / 1024:.0f} MB after a 5 s warm-up of each route, "
      f"{after_check / 1024:.0f} MB after both runs ({total:,} requests): {(after_check - warm) / warm * 100:+.1f}% since the warm-up.")
print("Goal: p99 under 5 ms on this 2-core machine; memory flat within 10% over a million requests.")
PY
cat Benchmarks/RESULTS-serve.md
echo "GET answer: $answer..." >&2
echo "check answer: $check_answer..." >&2
