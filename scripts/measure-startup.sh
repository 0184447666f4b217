#!/usr/bin/env bash
# Start-up measured one way: from the command to the first `201 Created` of `POST /api/v1/assessments`
# (the contract's example family), several runs, the median. Each run has a data directory of its own
# (a first start: the case history is created, no cached rule base) and a free loopback port.
#   scripts/measure-startup.sh [runs, default 5] [what ...]
# what: `jar`    java -jar of what the build produces for a fast start: the jar extracted into
#                service/target/cds/ with the class-data sharing archive made from it (service/pom.xml);
#       `fatjar` the packaged jar as it is, service/target/visitation-advisor.jar (the baseline);
#       `readme` the README's run command, `mvn -pl service spring-boot:run`, Maven's start included;
#       or a command of your own, in quotes, run from the repository's root, to which the script adds
#       --server.port and --advisor.data.directory.
# Default: jar readme. Prints each run in ms, then per `what` the median, with the load average. Since
# the wall time depends on what else runs on the machine, each run also reports the CPU time the
# command's processes had used by the first 201, which depends on it much less.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
[ $# -gt 0 ] || set -- jar readme
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
jar=service/target/visitation-advisor.jar
cds_jar=service/target/cds/visitation-advisor.jar
cds=service/target/cds/app.jsa

command_for() {
  case "$1" in
    jar) echo "java -XX:SharedArchiveFile=$cds -jar $cds_jar" ;;
    fatjar) echo "java -jar $jar" ;;
    readme) echo "mvn -B -q -o -pl service spring-boot:run" ;;
    *) echo "$1" ;;
  esac
}

# CPU time in ms used so far by the processes of a process group (utime + stime, /proc/<pid>/stat).
group_cpu_ms() {
  local ticks=0 stat rest
  for stat in /proc/[0-9]*/stat; do
    rest=$(cat "$stat" 2>/dev/null) || continue
    rest=${rest##*) }
    read -r -a f <<<"$rest"
    # after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    [ "${f[2]}" = "$1" ] && ticks=$((ticks + f[11] + f[12]))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One run: the command's wall time to its first 201, in ms, on stdout; the service stopped afterwards.
one_run() {
  local what=$1 port work pid started code elapsed cpu
  port=$(free_port)
  work=$(mktemp -d)
  started=$(date +%s%N)
  # The port and the data directory from the environment, which every command reads (Spring's relaxed
  # binding), Maven's spring-boot:run too, whose arguments are fixed in service/pom.xml.
  SERVER_PORT=$port ADVISOR_DATA_DIRECTORY=$work/data ADVISOR_SECURITY_BOOTSTRAP_PASSWORD=$password \
    setsid $(command_for "$what") >"$work/service.log" 2>&1 &
  pid=$!
  code=000
  while [ "$code" != 201 ]; do
    if ! kill -0 "$pid" 2>/dev/null || (( $(date +%s%N) - started > 180000000000 )); then
      kill -- -"$pid" 2>/dev/null || true
      tail -20 "$work/service.log" >&2
      rm -rf "$work"
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' \
      --data-binary @service/load/family.json "http://127.0.0.1:$port/api/v1/assessments" || true)
    [ "$code" = 201 ] || sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu=$(group_cpu_ms "$pid")
  # setsid: the command leads its own process group, so Maven and the JVM it forks stop together.
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  echo "$elapsed $cpu"
}

declare -A results cpus
for what in "$@"; do
  if [ "$what" = jar ] && [ ! -f "$cds" ]; then
    echo "No $cds: build the package first (mvn -B -DskipTests package)" >&2
    exit 1
  fi
  results[$what]=""
  cpus[$what]=""
done
# Alternating the commands run by run, so that a change in the machine's load falls on all of them alike.
for run in $(seq 1 "$runs"); do
  for what in "$@"; do
    read -r ms cpu < <(one_run "$what")
    [ -n "${ms:-}" ] || { echo "$(command_for "$what") gave no 201 within 180 s" >&2; exit 1; }
    results[$what]+="$ms "
    cpus[$what]+="$cpu "
    echo "run $run, $(command_for "$what"): $ms ms, CPU $cpu ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  done
done
median() {
  tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}
for what in "$@"; do
  echo "median of $runs, $(command_for "$what"): $(median "${results[$what]}") ms to the first 201" \
    "(runs: ${results[$what]% }), CPU $(median "${cpus[$what]}") ms (runs: ${cpus[$what]% })"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
