#!/usr/bin/env bash
# Soak: a bounded run of steady, mixed load against one service, to show that nothing creeps: no
# errors, heap after GC flat, no growth of threads or database connections, and every assessment
# answered 201 still on record at the end. Not part of CI. Loopback only; stops by itself.
#   service/load/soak.sh [seconds, default 600] [seconds between samples, default 60] [clients, default 8]
# The mix (service/load/Soak.java): 55 % assessments, 25 % reads of a stored answer (compared byte for
# byte), 15 % case timelines, 5 % previews, and a rule-set activation every 30 s alternating two
# candidates (scenarios not required). Needs Java 17 (java, jcmd) and the built jar.
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-600}
sample=${2:-60}
clients=${3:-8}
port=18083
[ -f service/target/visitation-advisor.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
java -Xmx1g -jar service/target/visitation-advisor.jar --server.port=$port --advisor.security.rate-limit.assessments-per-minute=1000000000 --advisor.data.directory="$work/data" \
  --advisor.rules.directory=rules --advisor.rules.activation.require-passing-scenarios=false \
  --management.endpoints.web.exposure.include=health,metrics >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -s -o /dev/null -f "http://127.0.0.1:$port/actuator/health/readiness"; do
  kill -0 $service 2>/dev/null || { tail -40 "$work/service.log"; exit 1; }
  sleep 0.5
done
echo "soak: ${seconds} s, ${clients} clients, a sample every ${sample} s; service pid $service on port $port"
status=0
java service/load/Soak.java $port $service "$seconds" "$sample" rules "$clients" || status=$?
echo "service log: $(grep -c ' ERROR ' "$work/service.log" || true) ERROR lines, $(grep -c ' WARN ' "$work/service.log" || true) WARN lines"
grep -E ' (ERROR|WARN) ' "$work/service.log" | sed -E 's/^[^ ]+ +//' | cut -c1-160 | sort | uniq -c | sort -rn | head -5 || true
exit $status
