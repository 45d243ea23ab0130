#!/usr/bin/env bash
# Builds a release `clearance` with the Swift runtime linked statically and installs it into PREFIX/bin.
#
#   Scripts/install.sh PREFIX        for example: Scripts/install.sh "$HOME/.local"
#
# The binary needs no Swift toolchain to run, and carries the shipped policy packs (`policies: [builtin]`).
# libyaml and SQLite stay dynamic system libraries: the machine that runs it needs them (Debian: libyaml-0-2,
# libsqlite3-0), the one that builds it libyaml-dev, libsqlite3-dev and Swift 6.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PREFIX   (installs PREFIX/bin/clearance)" >&2
    exit 2
fi
prefix=$1
package=$(cd "$(dirname "$0")/.." && pwd)

pkg-config --exists yaml-0.1 2>/dev/null || {
    echo "$0: libyaml and its headers are missing (Debian: apt-get install libyaml-dev; macOS: brew install libyaml)" >&2
    exit 2
}
[ "$(uname)" != Linux ] || pkg-config --exists sqlite3 2>/dev/null || {
    echo "$0: SQLite's headers are missing (Debian: apt-get install libsqlite3-dev); the history's SQLite library builds against them" >&2
    exit 2
}

swift build --package-path "$package" -c release --static-swift-stdlib --product clearance
binary="$(swift build --package-path "$package" -c release --static-swift-stdlib --show-bin-path)/clearance"

mkdir -p "$prefix/bin"
# Copied beside the target and renamed into place: a running clearance is never overwritten half-way.
install -s -m 0755 "$binary" "$prefix/bin/.clearance.new"   # stripped: about a third smaller
mv -f "$prefix/bin/.clearance.new" "$prefix/bin/clearance"
echo "installed $prefix/bin/clearance ($("$prefix/bin/clearance" --version))"
