#!/usr/bin/env bash
# The HTTP load test of docs/performance.md, in one run against one service (jar, H2 storage on,
# -Xmx512m) on a free loopback port with a data directory of its own:
#   1. start-up: from `java -jar` to the first 201 of an assessment;
#   2. the HTTP floor: GET /actuator/health/liveness (no rules, no storage), then the assessment
#      endpoint with storage, each for the same time at the same concurrency (wrk, 2 threads,
#      16 connections; every assessment a case of its own): throughput, p99, the ratio; and the
#      same assessments not stored (the preview endpoint), to tell the rules' share from storage's;
#   3. a batch of 10,000 families (POST /api/v1/assessments:batch), with and without the answers
#      (?answers=false): wall time, all stored;
#   4. the heap: the most used (jstat, each second) and the limit.
# Each measurement also reports the service's CPU time per request (from /proc): on a machine that
# others share, throughput and latency move with their load; CPU per request much less.
# Needs wrk (installed from Debian if missing) and the built jar (mvn -B -DskipTests package).
# Loopback only; bounded in time (about 2 minutes with the default 15 s per measurement).
#   service/load/load-test.sh [seconds per measurement, default 15] [families in the batch, default 10000]
# WARMUP=seconds (default 10) warms up longer: on 2 shared cores the JIT compilers are still busy for
# about two minutes of load, and until then CPU per request is 2-4 times the steady state's.
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-15}
families=${2:-10000}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
. service/load/start-service.sh
until [ "$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/assessments" \
        -H 'Content-Type: application/json' -d @service/load/family.json 2>/dev/null)" = "201" ]; do
  kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
  sleep 0.05
done
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# The heap in use (survivors, eden, old generation), every second, for the peak.
jstat -gc $service 1000 | awk 'NR > 1 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024; fflush() }' >"$work/heap.mb" &
sampler=$!

cpu_ms() { # CPU time (user + system) the service has used so far, in ms
  awk -v tick="$(getconf CLK_TCK)" '{ printf "%.0f\n", ($14 + $15) * 1000 / tick }' "/proc/$service/stat"
}
wrk_run() { # seconds, url [script path] -> "requests/s p99-ms non-2xx requests service-cpu-ms-per-request"
  local script=()
  [ -n "${3:-}" ] && script=(-s service/load/assess.lua)
  local cpu_before
  cpu_before=$(cpu_ms)
  wrk -t2 -c16 -d"${1}s" --latency "${script[@]}" "$2" -- "${3:-}" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { err = $NF } / requests in / { n = $1 }
    END { printf "%.0f %.1f %d %d\n", rps, p99, err, n }' >"$work/wrk.out"
  read -r rps p99 err n <"$work/wrk.out"
  awk -v rps="$rps" -v p99="$p99" -v err="$err" -v n="$n" -v used="$(( $(cpu_ms) - cpu_before ))" \
    'BEGIN { printf "%s %s %s %s %.2f\n", rps, p99, err, n, (n > 0 ? used / n : 0) }'
}
echo "warming up ..." >&2
wrk_run "${WARMUP:-10}" "$base" /api/v1/assessments >/dev/null
wrk_run 3 "$base/actuator/health/liveness" >/dev/null
read -r floor_rps floor_p99 floor_err floor_n floor_cpu < <(wrk_run "$seconds" "$base/actuator/health/liveness")
read -r assess_rps assess_p99 assess_err assess_n assess_cpu < <(wrk_run "$seconds" "$base" /api/v1/assessments)
read -r preview_rps preview_p99 preview_err preview_n preview_cpu < <(wrk_run "$seconds" "$base" /api/v1/assessments/preview)

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

printf '\n%-44s %9s %9s %8s %14s\n' "measurement" "req/s" "p99 ms" "non-2xx" "CPU ms/request"
printf '%-44s %9s %9s %8s %14s\n' "floor: GET /actuator/health/liveness" "$floor_rps" "$floor_p99" "$floor_err" "$floor_cpu"
printf '%-44s %9s %9s %8s %14s\n' "assessment, stored: POST /api/v1/assessments" "$assess_rps" "$assess_p99" "$assess_err" "$assess_cpu"
printf '%-44s %9s %9s %8s %14s\n' "not stored: POST /api/v1/assessments/preview" "$preview_rps" "$preview_p99" "$preview_err" "$preview_cpu"
awk -v a="$assess_rps" -v f="$floor_rps" -v ac="$assess_cpu" -v fc="$floor_cpu" \
  'BEGIN { printf "assessment / floor: %.0f%% of the throughput; CPU per request %.1f times the floor'"'"'s\n", 100 * a / f, ac / fc }'
echo "batch: $families families in $batch_ms ms, $batch_cpu ms of service CPU (HTTP $batch_code, created ${batch_created:-?}, $batch_kib KiB sent, $batch_mib MiB answered)"
echo "batch ?answers=false: $families families in $summary_ms ms, $summary_cpu ms of service CPU (HTTP $summary_code, created ${summary_created:-?}, $summary_kib KiB sent, $summary_mib MiB answered)"
echo "start-up to the first 201: $startup_ms ms; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "heap: peak ${heap_peak:-?} MB used of -Xmx512m (jstat each second)"
