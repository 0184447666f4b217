#!/usr/bin/env bash
# How the embedded H2 database's file grows under sustained load: stored assessments, then previews
# (which store nothing but their access-audit entry), each until COUNT requests have been answered
# (default 100,000), 16 connections. Prints, after each phase: requests answered, the file's size, its
# size per 10,000 requests, and (at the end) the live data, what the file shrinks to once compacted
# offline (H2's MVStoreTool), so the factor between the two.
#   service/load/file-growth.sh [COUNT]
# JAVA_OPTS=-Dadvisor.data.h2.housekeeping-interval=PT24H measures without the housekeeping (a baseline).
# Needs wrk (installed from Debian if missing) and the built jar (mvn -B -DskipTests package).
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
count=${1:-100000}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
. service/load/start-service.sh
file() { ls "$work"/data/*.mv.db; }
mb() { awk -v b="$(stat -c %s "$(file)")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
phase() { # path, name: requests in 20-second rounds until $count are answered
  local done=0 n
  while [ "$done" -lt "$count" ]; do
    n=$(wrk -t2 -c16 -d20s -s service/load/assess.lua "$base" -- "$1" | awk '/ requests in / { print $1 }')
    done=$((done + n))
  done
  awk -v name="$2" -v n="$done" -v size="$(mb)" \
    'BEGIN { printf "%-28s %8d requests  file %8.1f MB  %6.1f MB per 10,000\n", name, n, size, size * 10000 / n }'
}
phase /api/v1/assessments "stored assessments"
before_previews=$(mb)
phase /api/v1/assessments/preview "previews (audit entry only)"
echo "previews grew the file by $(awk -v a="$(mb)" -v b="$before_previews" 'BEGIN { printf "%.1f", a - b }') MB"
# The live data: the file compacted offline, once the service has stopped.
kill $service; wait $service 2>/dev/null || true
h2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort -V | tail -1)
cp "$(file)" "$work/copy.mv.db"
java -cp "$h2" org.h2.mvstore.MVStoreTool -compact "$work/copy.mv.db" >/dev/null
awk -v f="$(stat -c %s "$(file)")" -v l="$(stat -c %s "$work/copy.mv.db")" \
  'BEGIN { printf "file %.1f MB, live data %.1f MB: %.1f times the data\n", f / 1048576, l / 1048576, f / l }'
