#!/usr/bin/env bash
# SIGKILL in the middle of a stream of assessments: after a restart, every assessment that got a 201
# must be on record, byte for byte, and none half-stored. Loopback only; bounded in time.
#   service/load/kill-test.sh [seconds of load before the kill, default 8]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-8}
port=18082
[ -f service/target/visitation-advisor.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
start() {
  java -jar service/target/visitation-advisor.jar --server.port=$port --advisor.security.rate-limit.assessments-per-minute=1000000000 --advisor.data.directory="$work/data" \
    --advisor.rules.directory=rules >>"$work/service.log" 2>&1 &
  service=$!
  until curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o /dev/null "http://127.0.0.1:$port/v3/api-docs"; do sleep 0.2; done
}
trap 'kill -9 $service 2>/dev/null || true; rm -rf "$work"' EXIT
start

client() { # one client: posts assessments until killed, keeps every 201 body
  local n=0
  mkdir -p "$work/answers/$1"
  while true; do
    n=$((n + 1))
    body=$(sed "s/K-2026-0042/KILL-$1-$n/" service/load/family.json)
    code=$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o "$work/tmp-$1" -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/assessments" \
      -H 'Content-Type: application/json' -d "$body" || true)
    if [ "$code" = "201" ]; then mv "$work/tmp-$1" "$work/answers/$1/$n.json"; fi
  done
}
for c in 1 2 3 4; do client $c & done
sleep "$seconds"
kill -9 $service
wait $service 2>/dev/null || true
sleep 0.5
kill $(jobs -p) 2>/dev/null || true
answered=$(find "$work/answers" -name '*.json' | wc -l)

start
. service/load/read-back.sh
read_back "$work/answers" '*.json' $port
kill $service; wait $service 2>/dev/null || true   # releases the database file for the checks below
# Half-stored: an assessment row without its complete response, or one whose rule set is not stored.
half=$(java -cp "$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)" org.h2.tools.Shell \
  -url "jdbc:h2:file:$work/data/visitation-advisor" -user sa -password '' -sql \
  "SELECT COUNT(*) FROM assessment a LEFT JOIN rule_set_version v ON v.version = a.ruleset_version WHERE v.version IS NULL OR a.response_json NOT LIKE '%}'" \
  | awk 'NR==2 {print $1}')
stored=$(java -cp "$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)" org.h2.tools.Shell \
  -url "jdbc:h2:file:$work/data/visitation-advisor" -user sa -password '' -sql "SELECT COUNT(*) FROM assessment" \
  | awk 'NR==2 {print $1}')
echo "answered 201 before the kill: $answered; stored after restart: $stored; missing: $missing; different: $different; half-stored: $half"
[ "$missing" = 0 ] && [ "$different" = 0 ] && [ "$half" = 0 ]
