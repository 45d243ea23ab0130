#!/usr/bin/env bash
# Audit benchmark (issue 6): for N = 1,000, 10,000 and 100,000 generated members, times side by side
# in one hyperfine run (a) libyaml's bare event scan of the same files, single thread,
# (b) `clearance check` with the shipped policy packs, (c) `clearance check` with one trivial rule;
# records peak memory, and writes the table at the top of Benchmarks/RESULTS.md (the sections after it are kept).
# Needs hyperfine (Debian: hyperfine). SIZES="1000 10000" and RUNS=5 shorten it; BENCH_DIR keeps the data; BIN names a
# folder with release builds of clearance and clearance-bench to use as they are (else they are built).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
sizes=${SIZES:-"1000 10000 100000"}
asof=2026-11-20

. Benchmarks/release-binaries.sh
cc -O2 -o "$work/yaml-scan" Benchmarks/yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)

# An empty project file, so the repository's own clearance.yaml (and the sample team it names as
# context) stays out of what is measured.
printf 'fail_on: low\n' > "$work/clearance.yaml"
rows=()
declare -A median
for n in $sizes; do
    org="$work/org-$n"
    [ -d "$org" ] || "$bin/clearance-bench" generate --members "$n" --seed 1 "$org" >/dev/null
    bytes=$(find "$org" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    files=$(find "$org" -name '*.yaml' | wc -l)
    runs=${RUNS:-$([ "$n" -ge 100000 ] && echo 3 || echo 7)}
    find "$org" -name "*.yaml" -exec cat {} + > /dev/null  # warm the page cache, as for every command below
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/check-$n.json" \
        -n "scan" "$work/yaml-scan $org" \
        -n "check" "$bin/clearance check --config $work/clearance.yaml --policies Policies --as-of $asof $org" \
        -n "trivial" "$bin/clearance check --config $work/clearance.yaml --policies Benchmarks/TrivialPolicy --as-of $asof $org" >&2
    /usr/bin/time -o "$work/peak-$n.txt" -f '%M' "$bin/clearance" check --config "$work/clearance.yaml" --policies Policies --as-of $asof "$org" > /dev/null || true
    peak=$(tail -1 "$work/peak-$n.txt")
    read -r scan check trivial < <(python3 -c "
import json, sys
r = {x['command']: x['median'] for x in json.load(open(sys.argv[1]))['results']}
print(r['scan'], r['check'], r['trivial'])" "$work/check-$n.json")
    median[$n]=$check
    rows+=("$n $files $bytes $scan $check $trivial $peak")
done

# The table replaces the top of RESULTS.md, up to its first section; the sections other benchmarks and issues wrote stay.
[ -f Benchmarks/RESULTS.md ] || : > Benchmarks/RESULTS.md
python3 - "${rows[@]}" > "$work/table.md" <<'PY'
import sys
rows = [line.split() for line in sys.argv[1:]]
print("# Audit benchmark\n")
print("`Benchmarks/check.sh`: synthetic organisations from `clearance-bench generate --members N --seed 1`")
print("(about 6 KB per member, 15% of members with violations), checked as of 2026-11-20 on this")
print("machine's 2 cores. Medians of hyperfine runs, side by side in one run per size; peak memory is")
print("the maximum resident set of one `check` run.\n")
print("| members | files | input MB | libyaml scan (s) | check, shipped packs (s) | ratio to scan | check, one trivial rule (s) | ratio to scan | peak memory MB | memory / input |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
times = {}
for n, files, size, scan, check, trivial, peak in rows:
    n, files, size, peak = int(n), int(files), int(size), int(peak) * 1024
    scan, check, trivial = float(scan), float(check), float(trivial)
    times[n] = check
    print(f"| {n:,} | {files:,} | {size / 1e6:.1f} | {scan:.3f} | {check:.3f} | {check / scan:.2f}× | {trivial:.3f} | {trivial / scan:.2f}× | {peak / 1e6:.0f} | {peak / size:.2f}× |")
if 10000 in times and 100000 in times:
    print(f"\nScaling: time(100,000) / time(10,000) = {times[100000] / times[10000]:.1f} (check, shipped packs).")
print("\nThe scan is single-threaded (`Benchmarks/yaml-scan.c`: reads each file and pulls every event);")
print("`clearance check` reads and evaluates on both cores (`--jobs`, default: the number of processors).")
PY
python3 - "$work/table.md" Benchmarks/RESULTS.md <<'PY'
import sys
table, path = open(sys.argv[1]).read(), sys.argv[2]
old = open(path).read()
rest = old[old.index("\n## ") :] if "\n## " in old else ""
open(path, "w").write(table + rest)
PY
cat "$work/table.md"
