#!/usr/bin/env bash
# What the service's heap holds (docs/security.md §7, "Memory a deployment needs"), on the built jar with
# -Xmx512m and an H2 file database of its own, each after a full GC (jcmd GC.run, then jstat's used
# survivor + eden + old):
#   1. idle, after one assessment;
#   2. the peak heap after GC (from the GC log: garbage in the old generation included) while 8 clients
#      post the worst-case family (service/load/worst-family.json) for N seconds, and live after;
#   3. the same during a batch of worst-case families (default 8,500), and live after, with that many
#      more assessments stored;
#   4. live after an erasure, whose rewrite of the H2 file drops H2's bookkeeping of the old file.
# Usage: service/load/memory-test.sh [seconds of load, default 30] [families in the batch, default 8500]
# Loopback only; stops by itself. Needs wrk (installed with apt-get when missing, as root).
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-30}
families=${2:-8500}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=/tmp/advisor-memory-gc.$$.log" . service/load/start-service.sh
gc_log=/tmp/advisor-memory-gc.$$.log
trap 'rm -f "$gc_log"' RETURN
post() { # path, file -> http code
  curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o "$work/answer" -w '%{http_code}' -X POST "$base$1" \
    -H 'Content-Type: application/json' --data-binary @"$2"
}
live_mb() { # the heap in use after a full GC
  jcmd $service GC.run >/dev/null
  jstat -gc $service | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'
}
peak_after_gc_mb() { # the largest heap after a GC in the log since line $1
  tail -n +"$1" "$gc_log" | sed -nE 's/.*->([0-9]+)M\([0-9]+M\).*/\1/p' | sort -n | tail -1
}
sed 's/CASEREF/K-MEM-ONE/' service/load/worst-family.json >"$work/one.json"
until [ "$(post /api/v1/assessments "$work/one.json" 2>/dev/null)" = 201 ]; do
  kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
  sleep 0.2
done
echo "one worst-case answer: $(stat -c %s "$work/answer") bytes"
echo "idle, live heap: $(live_mb) MB"

cat >"$work/worst.lua" <<LUA
local counter = 0
local body = [[$(cat service/load/worst-family.json)]]
local authorization = os.getenv("ADVISOR_AUTHORIZATION")
function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/assessments", {["Content-Type"] = "application/json",
    ["Authorization"] = authorization}, (body:gsub("CASEREF", "K-MEM-" .. math.random(1, 1000000000) .. "-" .. counter)))
end
LUA
mark=$(( $(wc -l <"$gc_log") + 1 ))
wrk -t2 -c8 -d"${seconds}s" -s "$work/worst.lua" "$base" | grep -E "requests in|Non-2xx" | sed 's/^ */8 clients: /'
echo "8 clients, worst-case families: peak heap after GC $(peak_after_gc_mb $mark) MB; live after $(live_mb) MB"

awk -v n="$families" 'BEGIN { printf "{\"assessments\":[" } { line = $0 }
  END { for (i = 0; i < n; i++) { f = line; sub(/CASEREF/, "K-MEM-B" i, f); printf "%s%s", (i ? "," : ""), f }; print "]}" }' \
  service/load/worst-family.json >"$work/batch.json"
mark=$(( $(wc -l <"$gc_log") + 1 ))
code=$(post /api/v1/assessments:batch "$work/batch.json")
echo "batch of $families worst-case families: HTTP $code, $(( $(stat -c %s "$work/answer") / 1000000 )) MB answered," \
  "$(tail -c 100 "$work/answer" | sed -nE 's/.*("created":[0-9]+,"invalid":[0-9]+,"failed":[0-9]+).*/\1/p')"
echo "batch: peak heap after GC $(peak_after_gc_mb $mark) MB; live after $(live_mb) MB;" \
  "data directory $(du -sm "$work/data" | cut -f1) MB"

code=$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o /dev/null -w '%{http_code}' -X DELETE "$base/api/v1/cases/K-MEM-ONE")
echo "after an erasure (HTTP $code) and the H2 file's rewrite: live heap $(live_mb) MB;" \
  "data directory $(du -sm "$work/data" | cut -f1) MB"
