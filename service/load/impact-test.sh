#!/usr/bin/env bash
# The impact preview of issue 8 against the real service (jar, H2 file storage, -Xmx512m): stores
# N assessments through the batch endpoint (10,000 a batch; a third of the families with one risk
# factor, a third with two, a third with three), then asks what raising the intensive infant
# programme's minimum number of risk factors from 2 to 3 would change, and reports the preview's
# wall time, its own duration and the heap. Loopback only; bounded by N (about 3 minutes for 100,000
# on the 2-core machine). Needs node (to write the candidate as JSON) and the built jar.
#   service/load/impact-test.sh [assessments, default 100000]
set -euo pipefail
. "$(dirname "$0")/signed-in.sh"
cd "$(dirname "$0")/../.."
total=${1:-100000}
. service/load/start-service.sh
post() { # path, body file, answer file -> HTTP status
  curl -s -H "Authorization: $ADVISOR_AUTHORIZATION" -H 'Content-Type: application/json' -o "$3" -w '%{http_code}' \
    -X POST "$base$1" --data-binary @"$2"
}

stored_started=$(date +%s%N)
for ((first = 0; first < total; first += 10000)); do
  count=$(( total - first < 10000 ? total - first : 10000 ))
  awk -v first="$first" -v n="$count" -v family="$(tr -d '\n' <service/load/family.json)" 'BEGIN {
    printf "{\"assessments\": ["
    for (i = first; i < first + n; i++) {
      f = family; sub(/K-2026-0042/, "IMPACT-" i, f)
      if (i % 3 == 0) sub(/, "CHILDHOOD_TRAUMA"/, "", f)
      if (i % 3 == 2) sub(/"CHILDHOOD_TRAUMA"/, "\"CHILDHOOD_TRAUMA\", \"DOMESTIC_VIOLENCE\"", f)
      printf "%s%s", (i > first ? "," : ""), f
    }
    print "]}" }' >"$work/batch.json"
  code=$(post /api/v1/assessments:batch "$work/batch.json" "$work/batch-answer.json")
  [ "$code" = 200 ] || { echo "batch from $first: HTTP $code"; head -c 500 "$work/batch-answer.json"; exit 1; }
done
stored_ms=$(( ($(date +%s%N) - stored_started) / 1000000 ))

node -e '
  const fs = require("fs");
  const file = "intensive-infant/parameters.yaml";
  const live = fs.readFileSync("rules/" + file, "utf8");
  const changed = live.replace(/(intensiveInfant\.minimumRiskFactors:(?:\n .*)*\n    2020-01-01:\n      value: )2\n/, "$13\n");
  if (changed === live) { console.error(file + " no longer has intensiveInfant.minimumRiskFactors at 2"); process.exit(2); }
  process.stdout.write(JSON.stringify({ files: { [file]: changed } }));' >"$work/candidate.json"

heap_before=$(jstat -gc $service | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
jstat -gc $service 1000 | awk 'NR > 1 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024; fflush() }' >"$work/heap.mb" &
sampler=$!
preview_started=$(date +%s%N)
code=$(post "/api/v1/rule-sets/impact?limit=20" "$work/candidate.json" "$work/impact.json")
preview_ms=$(( ($(date +%s%N) - preview_started) / 1000000 ))
kill $sampler 2>/dev/null || true
[ "$code" = 200 ] || { echo "impact preview: HTTP $code"; head -c 500 "$work/impact.json"; exit 1; }

node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`impact preview: ${r.assessmentsReplayed} replayed, ${r.assessmentsChanged} changed, ` +
    `${r.notReplayed.length} not replayed, complete ${r.complete}; the service reports ${r.durationMillis} ms`);' "$work/impact.json"
echo "stored $total assessments in $stored_ms ms (batches of 10,000)"
echo "impact preview over $total stored assessments: $preview_ms ms wall (HTTP $code)"
echo "heap: ${heap_before} MB before the preview, peak $(sort -n "$work/heap.mb" | tail -1) MB during it, of -Xmx512m"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
