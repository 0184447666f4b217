# Sourced by the load scripts, from the repository's root: starts the jar ($JAR, or the build's)
# with -Xmx512m and $JAVA_OPTS, H2 storage in a data directory of its own, the rate limit lifted, on a
# free loopback port; waits until it listens. Sets service (its pid), started (ns), work, port and base.
# On exit it stops the service (and a background $sampler, if the script started one), prints the log's
# errors and removes the directory; and stops the PostgreSQL server the script started, if it did.
jar=${JAR:-service/target/visitation-advisor.jar}
[ -f "$jar" ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
touch "$work/service.log"   # before java opens it: the port is read from it at once
started=$(date +%s%N)
java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=0 --advisor.security.rate-limit.assessments-per-minute=1000000000 \
  --advisor.data.directory="$work/data" --advisor.rules.directory=rules >"$work/service.log" 2>&1 &
service=$!
sampler=""
trap 'kill $sampler 2>/dev/null || true; kill $service 2>/dev/null; wait $service 2>/dev/null;
      grep -E " ERROR |OutOfMemoryError|Exception" "$work/service.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -8
      rm -rf "$work"
      if declare -F stop_postgresql >/dev/null; then stop_postgresql; fi' EXIT
port=""
until [ -n "$port" ]; do # port 0: the service takes a free one and logs it
  kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
  port=$(sed -nE 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$work/service.log" | head -1)
  sleep 0.05
done
base="http://127.0.0.1:$port"
