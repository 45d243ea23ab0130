#!/usr/bin/env bash
# Report benchmark (issue 19): the cost of reports and memory at the scale of a first real audit, side by side in one run.
#  - violation-heavy organisation (HEAVY, default 100,000 members): libyaml's bare scan (single thread) against
#    `clearance check --format json`, `--format sarif` and `--format text`, and the GitHub Action's three formats in one
#    run (github, sarif and markdown), each with its peak memory;
#  - tidy organisation (TIDY, default 100,000): the scan against `clearance check` (the audit);
#  - tidy organisation (HTML, default 50,000): `--format html` against `--format json` of the same members;
#  - MILLION=1 adds a tidy 1,000,000-member organisation (about 6 GB of YAML): the scan and the audit, and the scaling
#    from TIDY members.
# Each command runs RUNS times (default 1; the median time and the largest peak memory are kept) after the page cache is
# warmed. Writes Benchmarks/RESULTS-reports.md. BENCH_DIR keeps the data; BIN names a folder with release builds of
# clearance and clearance-bench to use as they are (else they are built).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
heavy=${HEAVY:-100000}
tidy=${TIDY:-100000}
html=${HTML:-50000}
runs=${RUNS:-1}
asof=2026-11-20

. Benchmarks/release-binaries.sh
cc -O2 -o "$work/yaml-scan" Benchmarks/yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)
# An empty project file, so the repository's own clearance.yaml stays out of what is measured.
printf 'fail_on: low\n' > "$work/clearance.yaml"

# The organisation of $1 members ($2: tidy or heavy), generated once and read once into the page cache; prints its path.
organisation() {
    local org="$work/org-$1-$2"
    [ -d "$org" ] || "$bin/clearance-bench" generate --members "$1" --seed 1 --violations "$2" "$org" >/dev/null
    find "$org" -name '*.yaml' -exec cat {} + > /dev/null
    echo "$org"
}

# Runs a command $runs times; appends {"name", "seconds" (median), "cpu_seconds" (median user + system time), "peak_kb"
# (largest), "output_bytes"} to results.jsonl.
measure() {
    local name=$1; shift
    local times=() cpus=() peaks=() output=0
    for _ in $(seq "$runs"); do
        local status=0
        /usr/bin/time -o "$work/time.txt" -f '%e %M %U %S' "$@" > "$work/out" 2> "$work/err" || status=$?
        # `check` exits 1 when it finds what fails; anything else is a run that did not finish.
        if [ "$status" -gt 1 ]; then echo "reports.sh: $name exited $status:" >&2; tail -5 "$work/err" >&2; exit 1; fi
        read -r seconds peak user system < <(tail -1 "$work/time.txt")
        times+=("$seconds"); peaks+=("$peak"); cpus+=("$(python3 -c "print($user + $system)")")
        output=$(stat -c %s "$work/out")
    done
    python3 - "$name" "$output" "${times[*]}" "${peaks[*]}" "${cpus[*]}" >> "$work/results.jsonl" <<'PY'
import json, statistics, sys
name, output, times, peaks = sys.argv[1], int(sys.argv[2]), [float(t) for t in sys.argv[3].split()], [int(p) for p in sys.argv[4].split()]
cpus = [float(c) for c in sys.argv[5].split()]
print(json.dumps({"name": name, "seconds": statistics.median(times), "cpu_seconds": statistics.median(cpus), "peak_kb": max(peaks),
                  "output_bytes": output}))
PY
}

check=("$bin/clearance" check --config "$work/clearance.yaml" --policies Policies --as-of $asof)

inputs() { find "$1" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'; }

rm -f "$work/results.jsonl"
declare -A bytes
org=$(organisation "$heavy" heavy); bytes[heavy]=$(inputs "$org")
measure "heavy scan" "$work/yaml-scan" "$org"
for format in json sarif text; do measure "heavy $format" "${check[@]}" --format "$format" "$org"; done
# The GitHub Action's formats in one run: annotations on standard output, SARIF and the step summary into files.
measure "heavy action" "${check[@]}" --format "github,sarif=$work/action.sarif,markdown=$work/action.md" "$org"
org=$(organisation "$tidy" tidy); bytes[tidy]=$(inputs "$org")
measure "tidy scan" "$work/yaml-scan" "$org"
measure "tidy audit" "${check[@]}" "$org"
org=$(organisation "$html" tidy); bytes[html]=$(inputs "$org")
measure "html json" "${check[@]}" --format json "$org"
measure "html html" "${check[@]}" --format html "$org"
if [ -n "${MILLION:-}" ]; then
    org=$(organisation 1000000 tidy); bytes[million]=$(inputs "$org")
    measure "million scan" "$work/yaml-scan" "$org"
    measure "million audit" "${check[@]}" "$org"
fi

python3 - "$work/results.jsonl" "$heavy" "$tidy" "$html" "${bytes[heavy]}" "${bytes[tidy]}" "${bytes[html]}" "${bytes[million]:-0}" "$runs" "$(nproc)" \
    > Benchmarks/RESULTS-reports.md <<'PY'
import json, sys
results = {r["name"]: r for r in map(json.loads, open(sys.argv[1]))}
heavy, tidy, html = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
size = {"heavy": int(sys.argv[5]), "tidy": int(sys.argv[6]), "html": int(sys.argv[7]), "million": int(sys.argv[8])}
runs, cores = sys.argv[9], sys.argv[10]
def row(name, base, group, goal_time="", goal_memory=""):
    r, b = results[name], results[base]
    memory = r["peak_kb"] * 1024 / size[group]
    return (f"| {name} | {r['seconds']:.2f} | {r['seconds'] / b['seconds']:.2f}× {goal_time} | {r['cpu_seconds']:.2f} | "
            f"{r['cpu_seconds'] / b['cpu_seconds']:.2f}× | {r['peak_kb'] / 1024:,.0f} | {memory:.2f}× {goal_memory} | "
            f"{r['output_bytes'] / 1e6:,.1f} |")
print("# Report benchmark\n")
print(f"`Benchmarks/reports.sh`: release builds on this {cores}-core machine, organisations from `clearance-bench generate --seed 1`,")
print(f"checked with the shipped packs as of 2026-11-20; median of {runs} run(s) each, side by side in one run. The scan is")
print("libyaml's bare event scan of the same files on one thread (`yaml-scan.c`); `check` reads and evaluates on every core.")
print("CPU seconds are user and system time together: their ratio to the scan's is how much work a run does, which moves")
print("less from host to host than the ratio of times (a host slow on one thread slows the scan more than `check`).\n")
print(f"Inputs: heavy {heavy:,} members {size['heavy'] / 1e6:,.0f} MB; tidy {tidy:,} members {size['tidy'] / 1e6:,.0f} MB; "
      f"HTML {html:,} tidy members {size['html'] / 1e6:,.0f} MB"
      + (f"; tidy 1,000,000 members {size['million'] / 1e6:,.0f} MB" if size["million"] else "") + ".\n")
print("| run | seconds | against | CPU seconds | CPU against | peak memory MB | memory / input | output MB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(row("heavy scan", "heavy scan", "heavy"))
for format in ("json", "sarif", "text"):
    print(row(f"heavy {format}", "heavy scan", "heavy", "(scan; goal ≤ 1.5×)" if format != "text" else "(scan)",
              "(goal ≤ 1.0×)" if format != "text" else ""))
print(row("heavy action", "heavy scan", "heavy", "(scan)"))
print(row("tidy scan", "tidy scan", "tidy"))
print(row("tidy audit", "tidy scan", "tidy", "(scan; goal ≤ 1.2×)", "(goal ≤ 1.0×)"))
print(row("html json", "html json", "html"))
print(row("html html", "html json", "html", "(JSON; goal ≤ 2×)"))
if "million audit" in results:
    print(row("million scan", "million scan", "million"))
    print(row("million audit", "million scan", "million"))
    print(f"\nScaling from {tidy:,} to 1,000,000 members: {results['million audit']['seconds'] / results['tidy audit']['seconds']:.1f}× "
          "in time (goal ≤ 11×).")
PY
cat Benchmarks/RESULTS-reports.md
