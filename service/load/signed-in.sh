# Sourced by the load scripts: they sign in as the bootstrap account, with a password made up for
# the run unless one is given (docs/security.md), and send ADVISOR_AUTHORIZATION with every request.
# The scripts also lift the rate limit per client, since one load generator is one client.
export ADVISOR_SECURITY_BOOTSTRAP_PASSWORD=${ADVISOR_SECURITY_BOOTSTRAP_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
export ADVISOR_AUTHORIZATION="Basic $(printf 'admin:%s' "$ADVISOR_SECURITY_BOOTSTRAP_PASSWORD" | base64 -w0)"
