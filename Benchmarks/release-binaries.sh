# Sourced by the benchmark scripts, from the repository's root: sets `bin` to BIN, a folder of release builds of clearance
# and clearance-bench to use as they are, or builds both (in SCRATCH_PATH when it is set) and names the folder they are in.
if [ -n "${BIN:-}" ]; then
    bin=$BIN
else
    build=(swift build -c release ${SCRATCH_PATH:+--scratch-path "$SCRATCH_PATH"})
    "${build[@]}" --product clearance >/dev/null
    "${build[@]}" --product clearance-bench >/dev/null
    bin=$("${build[@]}" --show-bin-path)
fi
