#!/usr/bin/env bash
# Loader benchmark (issue 2): Clearance's YAML loader against libyaml's bare event scan of the
# same ~50 MB file of TeamMember documents, side by side in one hyperfine run. Writes the table
# into Benchmarks/RESULTS-loader.md. Needs hyperfine (Debian: hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
members=${MEMBERS:-10700}   # about 50 MB

swift build -c release --product clearance-bench >/dev/null
cc -O2 -o "$work/yaml-scan" Benchmarks/yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)
[ -f "$work/team.yaml" ] || .build/release/clearance-bench generate --members "$members" --single-file "$work/team.yaml"
size=$(stat -c %s "$work/team.yaml")

hyperfine -N --warmup 2 --runs ${RUNS:-15} --export-json "$work/loader.json" \
    -n "libyaml event scan" "$work/yaml-scan $work/team.yaml" \
    -n "clearance loader" ".build/release/clearance-bench load $work/team.yaml"

python3 - "$work/loader.json" "$size" > Benchmarks/RESULTS-loader.md <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
base = results[0]["median"]
print("# Loader benchmark\n")
print(f"One file of TeamMember documents, {size / 1e6:.1f} MB; median of hyperfine runs, single thread.\n")
print("| program | median (s) | MB/s | ratio to the scan |")
print("| --- | --- | --- | --- |")
for r in results:
    print(f"| {r['command']} | {r['median']:.3f} | {size / 1e6 / r['median']:.0f} | {r['median'] / base:.2f}× |")
PY
cat Benchmarks/RESULTS-loader.md
