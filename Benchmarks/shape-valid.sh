#!/usr/bin/env bash
# Absence run (issue 11): random shape-valid teams, every optional key present, absent or null,
# through every shipped rule; fails on any `error` finding and prints the first few with their
# documents. `swift test` runs 30 teams with seed 11; this runs TEAMS (default 5,000 teams of
# 13 documents, 65,000 documents) with SEED (default: a new one each run, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
teams=${TEAMS:-5000}
seed=${SEED:-$(( (RANDOM << 15) | RANDOM ))}
echo "shape-valid run: $teams teams, seed $seed" >&2
CLEARANCE_SHAPE_TEAMS=$teams CLEARANCE_SHAPE_SEED=$seed \
    swift test --filter ShapeValidDocumentTests 2>&1 | grep -E "shape-valid documents|error findings|^ *in team|^[A-Z]+-[0-9]+ on|passed|failed"
