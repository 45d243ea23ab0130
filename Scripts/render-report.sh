#!/usr/bin/env bash
# Renders the sample team's HTML audit report and a screenshot of it at desktop width, as the README shows it.
#
#   Scripts/render-report.sh [OUTPUT.png]      (default docs/images/audit-report.png)
#
# Needs Debian's chromium (apt-get install chromium). Set FULL_PAGE=1 to capture the whole page
# (window 1440x16000) instead of the first screen (1440x2400).
set -euo pipefail
cd "$(dirname "$0")/.."

png="${1:-docs/images/audit-report.png}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build --product clearance
# Exit 1 means the sample team has failing findings, which is the point of the sample.
status=0
"$(swift build --show-bin-path)/clearance" check --as-of 2026-11-20 --format html="$work/report.html" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "render-report: clearance check failed with exit status $status" >&2
    exit "$status"
fi

height=2400
if [ "${FULL_PAGE:-0}" = 1 ]; then height=16000; fi
mkdir -p "$(dirname "$png")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="1440,$height" --screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
mv "$work/shot.png" "$png"
echo "wrote $png ($(wc -c < "$png") bytes) from the report of the sample team as of 2026-11-20"
