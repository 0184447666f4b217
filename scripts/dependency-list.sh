#!/usr/bin/env bash
# Prints the service's runtime dependencies, one group:artifact:type:version:scope a line, sorted:
# what docs/dependencies.txt pins and .ci/run compares against (docs/security.md, "Dependencies").
# To accept a reviewed change: bash scripts/dependency-list.sh > docs/dependencies.txt
set -euo pipefail
cd "$(dirname "$0")/.."
list=$(mktemp)
trap 'rm -f "$list"' EXIT
mvn -B -q -pl service dependency:list -DincludeScope=runtime -Dsort=true -DoutputFile="$list" >/dev/null
grep -E '^\s+\S+:\S+' "$list" | sed -E 's/^\s+//; s/ -- module .*$//' | LC_ALL=C sort
