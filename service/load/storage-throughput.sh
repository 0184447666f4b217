#!/usr/bin/env bash
# Throughput of stored assessments against the same assessments not stored (the preview endpoint),
# measured against one running service in one run. Needs wrk (installed from Debian if missing) and
# the built jar (mvn -DskipTests package). Loopback only; bounded in time.
#   service/load/storage-throughput.sh [seconds per measurement, default 30]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-30}
port=18081
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f service/target/visitation-advisor.jar ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
java -jar service/target/visitation-advisor.jar --server.port=$port --advisor.security.rate-limit.assessments-per-minute=1000000000 --advisor.data.directory="$data" \
  --advisor.rules.directory=rules >"$data/service.log" 2>&1 &
service=$!
report() { grep -E " ERROR |Exception" "$data/service.log" | sort | uniq -c | sort -rn | head -5 || true; }
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; report; rm -rf "$data"' EXIT
until curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o /dev/null "http://127.0.0.1:$port/v3/api-docs"; do sleep 0.2; done

run() { # path, seconds -> requests/sec and p99 latency
  wrk -t2 -c16 -d"${2}s" --latency -s service/load/assess.lua "http://127.0.0.1:$port" -- "$1" \
    | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /Non-2xx/ {err=$NF} END {printf "%s req/s, p99 %s, non-2xx %s\n", rps, p99, (err==""?0:err)}'
}
echo "warm-up: $(run /api/v1/assessments/preview 10) / $(run /api/v1/assessments 10)"
preview=$(run /api/v1/assessments/preview "$seconds")
stored=$(run /api/v1/assessments "$seconds")
echo "not stored (preview): $preview"
echo "stored:               $stored"
awk -v a="${stored%% *}" -v b="${preview%% *}" 'BEGIN {printf "stored / not stored: %.2f\n", a / b}'
