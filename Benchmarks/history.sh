#!/usr/bin/env bash
# History benchmark (issue 17): what `--record` costs on a generated organisation (100,000 members by default), side
# by side in one hyperfine run: `clearance check` without recording, recording into a new history, and recording an
# unchanged rerun into a history that holds the first run. Then 1% of the members change (a laptop's disk encryption
# flipped) and the rerun's change log rows are compared with the outcome changes counted independently from the two
# runs' JSON reports. Writes Benchmarks/RESULTS-history.md.
# Needs hyperfine (Debian: hyperfine). MEMBERS=10000 and RUNS=3 shorten it; BENCH_DIR keeps the data; BIN names a folder
# with release builds of clearance and clearance-bench to use as they are (else they are built).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
n=${MEMBERS:-100000}
runs=${RUNS:-5}
asof=2026-11-20

. Benchmarks/release-binaries.sh
clearance=$bin/clearance

printf 'fail_on: low\n' > "$work/clearance.yaml"
org="$work/org-$n"
[ -d "$org" ] || "$bin/clearance-bench" generate --members "$n" --seed 1 "$org" >/dev/null
# The changed organisation: every 100th member file (in name order) has its first laptop's encryption flipped.
changed="$work/org-$n-changed"
rm -rf "$changed" && cp -r "$org" "$changed"
find "$changed/team" -name '*.yaml' | sort | awk 'NR % 100 == 1' > "$work/changed-files.txt"
while read -r file; do
    if grep -q 'encrypted: true' "$file"; then sed -i '0,/encrypted: true/s//encrypted: false/' "$file"
    else sed -i '0,/encrypted: false/s//encrypted: true/' "$file"; fi
done < "$work/changed-files.txt"
members_changed=$(wc -l < "$work/changed-files.txt")
bytes=$(find "$org" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s }')

check() { "$clearance" check --config "$work/clearance.yaml" --policies Policies --as-of $asof "$@"; }
find "$org" -name "*.yaml" -exec cat {} + > /dev/null  # warm the page cache

# A history holding the first run, copied before each rerun.
rm -f "$work/seeded.sqlite"*
check --record --history "$work/seeded.sqlite" "$org" > /dev/null 2> "$work/first.txt" || true
sqlite3 "$work/seeded.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null

hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/history-$n.json" \
    -n "check" --prepare true "$clearance check --config $work/clearance.yaml --policies Policies --as-of $asof $org" \
    -n "record-new" --prepare "rm -f $work/new.sqlite $work/new.sqlite-wal $work/new.sqlite-shm" \
        "$clearance check --config $work/clearance.yaml --policies Policies --as-of $asof --record --history $work/new.sqlite $org" \
    -n "record-rerun" --prepare "cp $work/seeded.sqlite $work/rerun.sqlite" \
        "$clearance check --config $work/clearance.yaml --policies Policies --as-of $asof --record --history $work/rerun.sqlite $org" >&2
/usr/bin/time -o "$work/peak-check.txt" -f '%M' "$clearance" check --config "$work/clearance.yaml" --policies Policies --as-of $asof "$org" > /dev/null || true
cp "$work/seeded.sqlite" "$work/peak.sqlite"
/usr/bin/time -o "$work/peak-record.txt" -f '%M' "$clearance" check --config "$work/clearance.yaml" --policies Policies --as-of $asof \
    --record --history "$work/peak.sqlite" "$org" > /dev/null 2>&1 || true

# The 1% rerun: its change log rows, and the outcome changes counted from the JSON reports of both runs.
cp "$work/seeded.sqlite" "$work/changed.sqlite"
check --record --history "$work/changed.sqlite" "$changed" > /dev/null 2> "$work/second.txt" || true
check --format "json=$work/before.json" "$org" > /dev/null || true
check --format "json=$work/after.json" "$changed" > /dev/null || true

python3 - "$n" "$members_changed" "$bytes" "$work" <<'PY' > Benchmarks/RESULTS-history.md
import json, re, sys
n, members_changed, size, work = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
times = {r["command"]: r for r in json.load(open(f"{work}/history-{n}.json"))["results"]}
def rows(path):
    m = re.search(r"recorded run \d+ in .*: (\d+) outcome changes?, (\d+) account changes?", open(path).read())
    return int(m.group(1)), int(m.group(2))
first, _ = rows(f"{work}/first.txt")
second, _ = rows(f"{work}/second.txt")
def attention(path):
    report = json.load(open(path))
    return report["summary"], {f["fingerprint"]: (f["status"], f["severity"]) for f in report["findings"] if f["status"] in ("fail", "error", "waived", "pending")}
summary, before = attention(f"{work}/before.json")
_, after = attention(f"{work}/after.json")
expected = sum(1 for k, v in after.items() if before.get(k) != v) + sum(1 for k in before if k not in after)
outcomes = sum(summary.values())
peak_check = int(open(f"{work}/peak-check.txt").read().split()[-1]) * 1024
peak_record = int(open(f"{work}/peak-record.txt").read().split()[-1]) * 1024
base = times["check"]["median"]
cpu = {key: r["user"] + r["system"] for key, r in times.items()}
print("# History benchmark\n")
print(f"`Benchmarks/history.sh`: a generated organisation of {n:,} members (`clearance-bench generate --members {n} --seed 1`,")
print(f"{size / 1e6:.0f} MB of YAML), `clearance check` with the shipped packs as of 2026-11-20 on this machine's 2 cores, release build.")
print("Medians of hyperfine runs side by side in one run; `--record` writes a SQLite history. CPU time (user and system,")
print("mean) is the steadier figure when the machine is shared.\n")
print("| command | median (s) | min (s) | max (s) | ratio to check | CPU (s) | CPU ratio to check |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
names = {"check": "check (no history)", "record-new": "check --record, new history (first run)", "record-rerun": "check --record, unchanged rerun"}
for key in ("check", "record-new", "record-rerun"):
    r = times[key]
    print(f"| {names[key]} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} | {r['median'] / base:.2f}× | {cpu[key]:.1f} | {cpu[key] / cpu['check']:.2f}× |")
print(f"\nPeak memory: check {peak_check / 1e6:.0f} MB, check --record (rerun) {peak_record / 1e6:.0f} MB ({peak_record / peak_check:.2f}×).\n")
print("## Change log rows\n")
print(f"- Outcomes in the run: {outcomes:,} ({', '.join(f'{k} {v:,}' for k, v in summary.items())}); needing attention: {len(before):,}.")
print(f"- First run into a new history: {first:,} outcome rows.")
print(f"- {members_changed:,} members changed ({members_changed / n:.1%}): the JSON reports of the two runs differ in {expected:,} findings needing attention")
print(f"  (new, changed or resolved); the recorded rerun wrote {second:,} outcome rows ({second / max(first, 1):.1%} of the first run's rows,")
print(f"  {second / max(outcomes, 1):.2%} of all outcomes).")
print(f"- Rows written {'equal' if second == expected else 'DIFFER FROM'} the changes counted from the reports.")
PY
cat Benchmarks/RESULTS-history.md
