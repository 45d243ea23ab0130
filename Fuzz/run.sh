#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes each for SECONDS_PER_TARGET (default 60), as many
# targets at a time as there are cores, then prints one summary line per target.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Seeds are generated into Fuzz/Corpus/<target>/ (which the fuzzer grows); crash, leak, timeout and
# out-of-memory inputs go to Fuzz/Artifacts/<target>/, logs to Fuzz/Logs/<target>.log. A target that
# finds something starts again (keeping its corpus) until its time is used. Exits 1 when any target
# found something. See Fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")"
fuzz=$PWD

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-yaml fuzz-expression-compile fuzz-expression-eval fuzz-policy fuzz-csv fuzz-sources)
parallel=${FUZZ_PARALLEL:-$(nproc)}
# lld: gold stops with an internal error (dwarf_reader.cc) on these sanitized release builds.
build_flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

echo "== build: swift build ${build_flags[*]} (in Fuzz/)"
swift build "${build_flags[@]}" 2>&1 | grep -E "error|warning: unre|Compiling Clearance|Build complete" | grep -v "^\[.*Compiling" || true
bin=$(swift build "${build_flags[@]}" --show-bin-path)
for target in "${targets[@]}"; do
    [ -x "$bin/$target" ] || { echo "error: $bin/$target was not built" >&2; exit 2; }
done

echo "== seeds: Fuzz/make-corpus.py"
python3 make-corpus.py

dictionary() {
    case $1 in
        fuzz-yaml) echo "$fuzz/Dictionaries/yaml.dict" ;;
        fuzz-csv) echo "$fuzz/Dictionaries/csv.dict" ;;
        fuzz-sources) cat Dictionaries/sources.dict Dictionaries/csv.dict > Logs/sources-all.dict
                      echo "$fuzz/Logs/sources-all.dict" ;;
        fuzz-policy) cat Dictionaries/policy.dict Dictionaries/yaml.dict Dictionaries/cel.dict > Logs/policy-all.dict
                     echo "$fuzz/Logs/policy-all.dict" ;;
        *) echo "$fuzz/Dictionaries/cel.dict" ;;
    esac
}

# fuzz-sources writes each input's files into a folder of its own: in memory where the system has /dev/shm.
tmp=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=/dev/shm; fi

# Fuzzes one target until its time is used, starting again after each finding.
run_target() {
    local target=$1 log=Logs/$1.log start now left attempt=0
    mkdir -p "Artifacts/$target" "Corpus/$target"
    : > "$log"
    start=$(date +%s)
    while :; do
        now=$(date +%s); left=$(( seconds - (now - start) ))
        [ "$left" -gt 0 ] && [ "$attempt" -lt 50 ] || break
        attempt=$(( attempt + 1 ))
        echo "== attempt $attempt: $left s left" >> "$log"
        TMPDIR="$tmp" LSAN_OPTIONS="suppressions=$fuzz/lsan.supp:print_suppressions=0" \
        ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
            "$bin/$target" "Corpus/$target" -max_total_time="$left" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
            -detect_leaks=1 -print_final_stats=1 -dict="$(dictionary "$target")" -max_len=65536 \
            -artifact_prefix="$fuzz/Artifacts/$target/" >> "$log" 2>&1 && break
    done
    echo "$(( $(date +%s) - start ))" > "Logs/$target.seconds"
}

mkdir -p Logs Artifacts
touch Logs/.started
echo "== fuzzing ${targets[*]}: $seconds s each, $parallel at a time (logs in Fuzz/Logs/)"
running=0
for target in "${targets[@]}"; do
    if [ "$running" -ge "$parallel" ]; then wait -n || true; running=$(( running - 1 )); fi
    run_target "$target" &
    running=$(( running + 1 ))
done
wait

echo "== summary"
status=0
for target in "${targets[@]}"; do
    log=Logs/$target.log
    found=$(find "Artifacts/$target" -type f -newer Logs/.started \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    count=$(printf '%s' "$found" | grep -c . || true)
    awk -v target="$target" -v seconds="$(cat "Logs/$target.seconds")" -v found="$count" '
        /stat::number_of_executed_units:/ { runs += $2 }
        /stat::peak_rss_mb:/ { if ($2 > rss) rss = $2 }
        /stat::slowest_unit_time_sec:/ { if ($2 > slowest) slowest = $2 }
        / cov: [0-9]+ ft: [0-9]+/ { for (i = 1; i < NF; i++) { if ($i == "cov:") cov = $(i+1); if ($i == "ft:") ft = $(i+1); if ($i == "corp:") corp = $(i+1) } }
        END {
            rate = seconds > 0 ? runs / seconds : 0
            printf "%-24s %6d s  %12d executions (%d/s)  cov: %s ft: %s  corpus %s  slowest %d s  peak RSS %d MB  crashes: %d\n", target, seconds, runs, rate, cov, ft, corp, slowest, rss, found
        }' "$log"
    if [ "$count" -gt 0 ]; then
        status=1
        printf '%s\n' "$found" | sed 's/^/    /'
    fi
done
exit $status
