# Sourced: a PostgreSQL server of the caller's own, on a free loopback port, with a database and a role
# for the service. Installs Debian's postgresql package when no server binaries are there (as root).
# Sets pg_bin, pg_dir, pg_port, pg_password and pg_database (default visitation_advisor_test: set it
# before sourcing for another), and traps EXIT to stop the server and remove its directory.
# PG_DURABLE=1 keeps fsync and synchronous commits on, as in production (a load test); without it they
# are off, for tests, where the server lives only for the run.
pg_database=${pg_database:-visitation_advisor_test}

pg_bin_dir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

pg_bin=$(pg_bin_dir)
if [[ -z "$pg_bin" || ! -x "$pg_bin/pg_ctl" || ! -x "$pg_bin/postgres" || ! -x "$pg_bin/initdb" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL is not installed and this is not root: apt-get install postgresql first." >&2
        exit 1
    fi
    echo "==> Installing PostgreSQL (Debian's postgresql package)"
    # The package's own cluster (port 5432, started as a service) is not wanted: the tests get their own.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/visitation-advisor-ci.conf
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
    pg_bin=$(pg_bin_dir)
    if [[ -z "$pg_bin" ]]; then
        echo "apt-get installed postgresql, but no /usr/lib/postgresql/*/bin is there." >&2
        exit 1
    fi
fi

# A data directory of this run's own, owned by the user the server runs as: PostgreSQL refuses root.
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/visitation-advisor-pg.XXXXXX")
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres: "$pg_dir"
fi
chmod 700 "$pg_dir"

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$pg_dir" && runuser -u postgres -- "$@")
    else
        (cd "$pg_dir" && "$@")
    fi
}

stop_postgresql() {
    local status=$?
    if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
        echo "==> Stopping PostgreSQL"
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ $status -ne 0 && -f "$pg_dir/server.log" ]]; then
        echo "--- the last lines of the PostgreSQL server log ---" >&2
        tail -n 40 "$pg_dir/server.log" >&2 || true
    fi
    rm -rf "$pg_dir"
    exit "$status"
}
trap stop_postgresql EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }

# A free port on loopback, not necessarily 5432: try a few from a random start until one starts.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=""
for attempt in $(seq 1 20); do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" && continue
    pg_options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir"
    [[ "${PG_DURABLE:-0}" = 1 ]] || pg_options="$pg_options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o "$pg_options" start >/dev/null; then
        pg_port=$port
        break
    fi
done
if [[ -z "$pg_port" ]]; then
    echo "PostgreSQL did not start on any port tried." >&2
    exit 1
fi

pg_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
as_pg "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE advisor LOGIN PASSWORD '$pg_password'" \
    -c "CREATE DATABASE $pg_database OWNER advisor ENCODING 'UTF8' TEMPLATE template0"

