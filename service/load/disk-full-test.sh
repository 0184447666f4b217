#!/usr/bin/env bash
# A real full disk, by hand (needs root, to mount a small tmpfs; not part of CI, where the same
# failure is injected by DatabaseOutageIntegrationTest): the service's data directory is on a 6 MB
# tmpfs, two clients post assessments until the disk is full, and then for a while longer; the tmpfs
# is then grown to 64 MB without touching the service. Every answer must be 201 or 503 (with a problem
# document), the service must answer 201 again by itself, and every 201 must be on record, byte for
# byte, after a restart. Loopback only; bounded in time.
#   service/load/disk-full-test.sh [seconds of load after the disk is full, default 10]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
after=${1:-10}
port=18084
[ "$(id -u)" = 0 ] || { echo "needs root, to mount a tmpfs" >&2; exit 1; }
[ -f service/target/visitation-advisor.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
mkdir "$work/disk"
mount -t tmpfs -o size=6m tmpfs "$work/disk"
start() {
  java -jar service/target/visitation-advisor.jar --server.port=$port --advisor.security.rate-limit.assessments-per-minute=1000000000 --advisor.data.directory="$work/disk/data" \
    --advisor.rules.directory=rules >>"$work/service.log" 2>&1 &
  service=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.3; done
}
cleanup() { kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true
  umount "$work/disk" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
start
client() { # posts until told to stop; keeps every answer with its status
  local n=0
  mkdir -p "$work/answers/$1"
  while [ ! -f "$work/stop" ]; do
    n=$((n + 1))
    code=$(curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -o "$work/answers/$1/$n.json" -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/assessments" \
      -H 'Content-Type: application/json' -d "$(sed "s/K-2026-0042/DISK-$1-$n/" service/load/family.json)" || echo 000)
    mv "$work/answers/$1/$n.json" "$work/answers/$1/$n.$code"
  done
}
client 1 & client 2 &
until ls "$work"/answers/*/*.503 >/dev/null 2>&1; do sleep 0.5; done
echo "disk full ($(df -h --output=used,size "$work/disk" | tail -1 | xargs)) after $(ls "$work"/answers/*/*.201 | wc -l) assessments"
sleep "$after"
mount -o remount,size=64m "$work/disk"
full_503=$(ls "$work"/answers/*/*.503 | wc -l)
echo "disk grown to 64 MB; $full_503 answers 503 while it was full"
grown=$(date +%s)
until [ "$(find "$work/answers" -name '*.201' -newermt "@$grown" | wc -l)" -ge 5 ]; do
  [ $(( $(date +%s) - grown )) -lt 60 ] || { echo "no 201 within 60 s of the disk growing"; exit 1; }
  sleep 0.5
done
echo "201 again $(( $(date +%s) - grown )) s (or less) after the disk grew"
touch "$work/stop"; wait $(jobs -p | grep -v "^$service$") 2>/dev/null || true
other=$(find "$work/answers" -type f ! -name '*.201' ! -name '*.503' | wc -l)
bad503=0
for f in $(find "$work/answers" -name '*.503'); do grep -q '"type":"/problems/storage-unavailable"' "$f" || bad503=$((bad503 + 1)); done
kill $service; wait $service 2>/dev/null || true
start   # a restart, on what the disk holds
. service/load/read-back.sh
read_back "$work/answers" '*.201' $port
echo "requests: $(find "$work/answers" -type f | wc -l); 201: $answered; 503: $(find "$work/answers" -name "*.503" | wc -l) ($bad503 without the problem document); other: $other; after a restart missing: $missing, different: $different"
grep -E 'No space left|answered 503' "$work/service.log" | sed -E 's/^[^ ]+ +//' | cut -c1-150 | sort | uniq -c | sort -rn | head -3 || true
[ "$other" = 0 ] && [ "$bad503" = 0 ] && [ "$missing" = 0 ] && [ "$different" = 0 ]
