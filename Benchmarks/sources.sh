#!/usr/bin/env bash
# Sources benchmark (issue 15): what reading and linking a vendor's export costs per record, next to what a YAML
# member costs per document. For N generated members (`clearance-bench generate --credential-report`: each member
# claims an IAM user named by its id; the report has N + N/20 users and the root row), times side by side in one
# hyperfine run per size:
#   (a) `check` of the members alone, with one trivial rule (reading, not evaluating);
#   (b) the same `check` with the credential report as a source (every row read, located, linked and shape-checked);
#   (c) (b) with the reconciliation pack's rules over every account too.
# Per-record cost of the source: ((b) - (a)) / rows; per-document cost of YAML members: the slope of (a) between sizes.
# With BASELINE=path/to/another/clearance (a release build of an earlier commit), (a) and (b) of that build run in the
# same hyperfine run too, and the table sets the per-row costs side by side. CPU time (user + system, hyperfine's means)
# is reported next to the wall-clock medians: on a machine shared with other work it moves less.
# Needs hyperfine. SIZES="10000 100000" RUNS=5 BENCH_DIR=... as in check.sh; JOBS=1 runs every check on one thread.
# Writes Benchmarks/RESULTS-sources.md (OUT=file to write elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
sizes=${SIZES:-"10000 100000"}
jobs=${JOBS:+ --jobs $JOBS}  # JOBS=1: one thread, the cost of each part alone
out=${OUT:-Benchmarks/RESULTS-sources.md}
asof=2026-11-20

swift build -c release --product clearance >/dev/null
swift build -c release --product clearance-bench >/dev/null
rows=()
for n in $sizes; do
    org="$work/sources-$n"
    [ -d "$org" ] || "$root/.build/release/clearance-bench" generate --members "$n" --seed 1 --credential-report "$org" >/dev/null
    printf 'inputs: [team, vendors.yaml, access]\n' > "$org/members-only.yaml"
    records=$(($(wc -l < "$org/exports/aws-credential-report.csv") - 1))
    runs=${RUNS:-$([ "$n" -ge 100000 ] && echo 3 || echo 7)}
    find "$org" -type f -exec cat {} + > /dev/null  # warm the page cache
    baseline=()
    if [ -n "${BASELINE:-}" ]; then
        baseline=(-n "before: members" "$BASELINE check --config members-only.yaml --policies $root/Benchmarks/TrivialPolicy --as-of $asof$jobs"
                  -n "before: members+source" "$BASELINE check --config clearance.yaml --policies $root/Benchmarks/TrivialPolicy --as-of $asof$jobs")
    fi
    (cd "$org" && hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/sources-$n.json" \
        -n "members" "$root/.build/release/clearance check --config members-only.yaml --policies $root/Benchmarks/TrivialPolicy --as-of $asof$jobs" \
        -n "members+source" "$root/.build/release/clearance check --config clearance.yaml --policies $root/Benchmarks/TrivialPolicy --as-of $asof$jobs" \
        -n "members+source+OBS" "$root/.build/release/clearance check --config clearance.yaml --policies $root/Benchmarks/TrivialPolicy --policies $root/Policies/observed-access.yaml --policies $root/Policies/frameworks --as-of $asof$jobs" \
        "${baseline[@]}" >&2)
    read -r measured < <(python3 -c "
import json, sys
r = {x['command']: x for x in json.load(open(sys.argv[1]))['results']}
names = ['members', 'members+source', 'members+source+OBS', 'before: members', 'before: members+source']
print(' '.join(f\"{r[n]['median']} {r[n]['user'] + r[n]['system']}\" if n in r else '0 0' for n in names))" "$work/sources-$n.json")
    bytes=$(stat -c %s "$org/exports/aws-credential-report.csv")
    rows+=("$n $records $bytes $measured")
done

python3 - "${rows[@]}" > "$out" <<'PY'
import sys
# Per size: members, report rows, bytes, then (wall median, CPU mean) of (a), (b), (c), (a) before, (b) before.
full = [[float(x) for x in line.split()] for line in sys.argv[1:]]
rows = [r[:3] + [r[3], r[5], r[7]] for r in full]
cpu = [r[:3] + [r[4], r[6], r[8]] for r in full]
before = [r[:3] + [r[9], r[11]] for r in full if r[11] > 0]
print("# Sources benchmark\n")
print("`Benchmarks/sources.sh`: organisations from `clearance-bench generate --members N --seed 1 --credential-report`, each member")
print("claiming the IAM user named by its id, checked as of 2026-11-20 on this machine's 2 cores with one trivial rule over")
print("members (so the times are reading, not evaluating). Medians of hyperfine runs, side by side in one run per size.\n")
print("| members | report rows | report MB | (a) members alone (s) | (b) with the report (s) | (b) − (a) per row (µs) | (c) with the OBS rules (s) | (c) − (b) per row (µs) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for n, records, size, a, b, c in rows:
    print(f"| {int(n):,} | {int(records):,} | {size / 1e6:.1f} | {a:.3f} | {b:.3f} | {(b - a) / records * 1e6:.1f} | {c:.3f} | {(c - b) / records * 1e6:.1f} |")
print("\nCPU time (user + system, mean of the runs), the same commands:\n")
print("| members | (a) CPU (s) | (b) CPU (s) | (b) − (a) per row (µs) | (c) CPU (s) | (c) − (b) per row (µs) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
for n, records, size, a, b, c in cpu:
    print(f"| {int(n):,} | {a:.3f} | {b:.3f} | {(b - a) / records * 1e6:.1f} | {c:.3f} | {(c - b) / records * 1e6:.1f} |")
for label, table in [("Wall clock", rows), ("CPU time", cpu)]:
    if len(table) < 2:
        continue
    (n1, r1, _, a1, b1, _), (n2, r2, _, a2, b2, _) = table[0], table[-1]
    member = (a2 - a1) / (n2 - n1) * 1e6
    record = ((b2 - a2) - (b1 - a1)) / (r2 - r1) * 1e6
    print(f"\n{label}: per YAML member (slope of (a) from {int(n1):,} to {int(n2):,}): {member:.1f} µs. Per report row (slope of (b) − (a)): {record:.1f} µs,")
    print(f"{record / member:.2f}× a member. Linearity: (b) − (a) per row at {int(n2):,} members is "
          f"{((b2 - a2) / r2) / ((b1 - a1) / r1):.2f}× that at {int(n1):,}.")
if before:
    print("\nAgainst the build named by `BASELINE`, in the same hyperfine runs (wall-clock medians):\n")
    print("| members | before: (a) (s) | before: (b) (s) | before: (b) − (a) per row (µs) | now: (b) − (a) per row (µs) | now / before |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for (n, records, _, a0, b0), (_, _, _, a, b, _) in zip(before, rows):
        old, new = (b0 - a0) / records * 1e6, (b - a) / records * 1e6
        print(f"| {int(n):,} | {a0:.3f} | {b0:.3f} | {old:.1f} | {new:.1f} | {new / old:.2f}× |")
PY
cat Benchmarks/RESULTS-sources.md
