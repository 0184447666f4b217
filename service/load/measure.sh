# Sourced by the load scripts after start-service.sh: measuring the service ($service, $base, $work).
# first_answer: waits for the first 201 of an assessment. warm_up: rounds of 10 s of stored assessments
# and previews until the JIT compilers' share of the service's CPU in a round is under JIT_SHARE %
# (default 5), at most WARMUP_MAX seconds (default 300): before that, CPU per request is 2-4 times the
# steady state's on 2 shared cores, and a measurement would measure the JIT. cpu_ms, wrk_run and jit_ms:
# the service's CPU time, one wrk window, the JIT compiler threads' CPU time.
first_answer() {
  until [ "$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/assessments" \
          -H 'Content-Type: application/json' -d @service/load/family.json 2>/dev/null)" = "201" ]; do
    kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
    sleep 0.05
  done
}
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
jit_ms() { # CPU time the JIT compiler threads have used so far, in ms
  local tick total=0 task
  tick=$(getconf CLK_TCK)
  for task in /proc/$service/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$(( total + $(awk -v t="$tick" '{ printf "%.0f", ($14 + $15) * 1000 / t }' "$task/stat") )) ;;
    esac
  done
  echo $total
}
warm_up() {
  warmed=0
  while :; do
    jit_before=$(jit_ms); cpu_before=$(cpu_ms)
    wrk_run 5 "$base" /api/v1/assessments >/dev/null
    wrk_run 5 "$base" /api/v1/assessments/preview >/dev/null
    warmed=$((warmed + 10))
    share=$(awk -v j="$(( $(jit_ms) - jit_before ))" -v c="$(( $(cpu_ms) - cpu_before ))" 'BEGIN { printf "%.1f", (c > 0 ? 100 * j / c : 100) }')
    echo "warm-up: ${warmed} s, JIT ${share} % of the service's CPU in the last 10 s" >&2
    awk -v s="$share" -v limit="${JIT_SHARE:-5}" 'BEGIN { exit !(s < limit) }' && break
    [ "$warmed" -ge "${WARMUP_MAX:-300}" ] && { echo "warm-up: stopped at WARMUP_MAX, JIT still at ${share} %" >&2; break; }
  done
}
