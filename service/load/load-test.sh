#!/usr/bin/env bash
# The HTTP load test of docs/performance.md, in one run against one service (jar, -Xmx512m) on a free
# loopback port with a data directory of its own:
#   1. start-up: from `java -jar` to the first 201 of an assessment;
#   2. warm-up, until the service is measured and not its JIT: rounds of 10 s of stored assessments and
#      previews until the JIT compilers' share of the service's CPU in a round is under JIT_SHARE %
#      (default 5), at most WARMUP_MAX seconds (default 300). Before that, CPU per request is 2-4 times
#      the steady state's on 2 shared cores, and the first window measured would be the coldest;
#   3. ROUNDS rounds (default 5), each of three windows of the same length at the same concurrency (wrk,
#      2 threads, 16 connections; every assessment a case of its own): the HTTP floor, GET
#      /actuator/health/liveness (no rules, no storage); the assessment endpoint with storage; the same
#      assessments not stored (the preview endpoint), to tell the rules' share from storage's. Each is
#      reported as the median of its windows (and their range), with the ratios to the floor's;
#   4. a batch of 10,000 families (POST /api/v1/assessments:batch), with and without the answers
#      (?answers=false): wall time, all stored;
#   5. the heap: the most used (jstat, each second) and the limit.
# Each window also reports the service's CPU time per request (from /proc): on a machine that others
# share, throughput and latency move with their load; CPU per request much less.
# PROFILE=postgresql stores in a PostgreSQL server the script starts for the run (scripts/postgresql-server.sh,
# fsync and synchronous commits on, as in production) instead of the embedded H2 file.
# Needs wrk (installed from Debian if missing) and the built jar (mvn -B -DskipTests package).
# Loopback only; bounded in time (some 6-10 minutes with the defaults).
#   service/load/load-test.sh [seconds per window, default 15] [families in the batch, default 10000]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-15}
families=${2:-10000}
rounds=${ROUNDS:-5}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ "${PROFILE:-}" = postgresql ]; then
  pg_database=visitation_advisor_load PG_DURABLE=1 . scripts/postgresql-server.sh
  export SPRING_PROFILES_ACTIVE=postgresql SPRING_DATASOURCE_USERNAME=advisor SPRING_DATASOURCE_PASSWORD="$pg_password"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/visitation_advisor_load"
fi
. service/load/start-service.sh
. service/load/measure.sh
first_answer
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# The heap in use (survivors, eden, old generation), every second, for the peak.
jstat -gc $service 1000 | awk 'NR > 1 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024; fflush() }' >"$work/heap.mb" &
sampler=$!

warm_up
: >"$work/floor.txt"; : >"$work/stored.txt"; : >"$work/preview.txt"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds ..." >&2
  wrk_run "$seconds" "$base/actuator/health/liveness" >>"$work/floor.txt"
  wrk_run "$seconds" "$base" /api/v1/assessments >>"$work/stored.txt"
  wrk_run "$seconds" "$base" /api/v1/assessments/preview >>"$work/preview.txt"
done
median() { # file, column -> the median of that column
  sort -n -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
range() { # file, column -> "min-max"
  sort -n -k"$2,$2" "$1" | awk -v c="$2" 'NR == 1 { lo = $c } { hi = $c } END { print lo "-" hi }'
}
errors() { awk '{ e += $3 } END { print e + 0 }' "$1"; }
read -r floor_rps floor_p99 floor_cpu < <(echo "$(median "$work/floor.txt" 1) $(median "$work/floor.txt" 2) $(median "$work/floor.txt" 5)")
read -r assess_rps assess_p99 assess_cpu < <(echo "$(median "$work/stored.txt" 1) $(median "$work/stored.txt" 2) $(median "$work/stored.txt" 5)")
read -r preview_rps preview_p99 preview_cpu < <(echo "$(median "$work/preview.txt" 1) $(median "$work/preview.txt" 2) $(median "$work/preview.txt" 5)")
floor_err=$(errors "$work/floor.txt"); assess_err=$(errors "$work/stored.txt"); preview_err=$(errors "$work/preview.txt")

# Batches of distinct cases: the contract's family with a case reference each; one with every
# answer embedded (the default), one without them (?answers=false), each its own cases.
batch() { # prefix, query -> "wall-ms service-cpu-ms http-code created KiB-sent MiB-answered"
  awk -v n="$families" -v prefix="$1" -v family="$(tr -d '\n' <service/load/family.json)" 'BEGIN {
    printf "{\"assessments\": ["
    for (i = 1; i <= n; i++) { f = family; sub(/K-2026-0042/, prefix "-" i, f); printf "%s%s", (i > 1 ? "," : ""), f }
    print "]}" }' >"$work/batch.json"
  local cpu started code
  cpu=$(cpu_ms)
  started=$(date +%s%N)
  code=$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o "$work/batch-answer.json" -w '%{http_code}' \
    -X POST "$base/api/v1/assessments:batch$2" -H 'Content-Type: application/json' --data-binary @"$work/batch.json")
  echo "$(( ($(date +%s%N) - started) / 1000000 )) $(( $(cpu_ms) - cpu )) $code" \
    "$(tail -c 200 "$work/batch-answer.json" | sed -nE 's/.*"created":([0-9]+).*/\1/p')" \
    "$(( $(stat -c %s "$work/batch.json") / 1024 )) $(( $(stat -c %s "$work/batch-answer.json") / 1024 / 1024 ))"
}
read -r batch_ms batch_cpu batch_code batch_created batch_kib batch_mib < <(batch BATCH "")
read -r summary_ms summary_cpu summary_code summary_created summary_kib summary_mib < <(batch SUMMARY "?answers=false")

sleep 1.5
kill $sampler 2>/dev/null || true
heap_peak=$(sort -n "$work/heap.mb" | tail -1)

printf '\n%s, median of %s windows of %s s each (range of req/s)\n' "${PROFILE:-h2}" "$rounds" "$seconds"
printf '%-44s %9s %13s %9s %8s %14s\n' "measurement" "req/s" "range" "p99 ms" "non-2xx" "CPU ms/request"
printf '%-44s %9s %13s %9s %8s %14s\n' "floor: GET /actuator/health/liveness" "$floor_rps" "$(range "$work/floor.txt" 1)" "$floor_p99" "$floor_err" "$floor_cpu"
printf '%-44s %9s %13s %9s %8s %14s\n' "assessment, stored: POST /api/v1/assessments" "$assess_rps" "$(range "$work/stored.txt" 1)" "$assess_p99" "$assess_err" "$assess_cpu"
printf '%-44s %9s %13s %9s %8s %14s\n' "not stored: POST /api/v1/assessments/preview" "$preview_rps" "$(range "$work/preview.txt" 1)" "$preview_p99" "$preview_err" "$preview_cpu"
awk -v a="$assess_rps" -v f="$floor_rps" -v ac="$assess_cpu" -v fc="$floor_cpu" -v ap="$assess_p99" -v fp="$floor_p99" \
  'BEGIN { printf "stored / floor: %.0f%% of the throughput (target >= 40%%); CPU per request %.1f times the floor'"'"'s (target <= 3); p99 %.1f times (target <= 2)\n", 100 * a / f, ac / fc, ap / fp }'
echo "batch: $families families in $batch_ms ms, $batch_cpu ms of service CPU (HTTP $batch_code, created ${batch_created:-?}, $batch_kib KiB sent, $batch_mib MiB answered)"
echo "batch ?answers=false: $families families in $summary_ms ms, $summary_cpu ms of service CPU (HTTP $summary_code, created ${summary_created:-?}, $summary_kib KiB sent, $summary_mib MiB answered)"
echo "start-up to the first 201: $startup_ms ms; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "heap: peak ${heap_peak:-?} MB used of -Xmx512m (jstat each second)"
