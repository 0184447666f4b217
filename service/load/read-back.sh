# Sourced by the load scripts: reads back, from the service on port $3, every answer kept in the
# files under $1 named $2 (each the body of a 201), and compares it byte for byte.
# Sets answered, missing (not on record) and different (on record, but not as answered).
read_back() {
  local answer id stored
  stored=$(mktemp)
  answered=0; missing=0; different=0
  for answer in $(find "$1" -name "$2"); do
    answered=$((answered + 1))
    id=$(sed -E 's/^\{"assessmentId":"([^"]+)".*/\1/' "$answer")
    if ! curl -s -f -H "Authorization: $ADVISOR_AUTHORIZATION" -o "$stored" "http://127.0.0.1:$3/api/v1/assessments/$id"; then
      missing=$((missing + 1))
    elif ! cmp -s "$answer" "$stored"; then
      different=$((different + 1))
    fi
  done
  rm -f "$stored"
}
