#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start ENVFILE` makes a cluster in a new
# folder under /tmp (the postgres user must reach it, and a build folder under /root is not
# reachable), starts it on 127.0.0.1 on a free port and writes ENVFILE (PGHOST, PGPORT,
# PGUSER, PGPASSWORD, PGDATABASE, BIDTRACKER_TEST_PG_URL, PGCLUSTER_DIR); `stop ENVFILE`
# stops it and removes the folder and ENVFILE. The server refuses to run as root, so as root
# it runs as the postgres user.
set -euo pipefail
action=${1:?usage: pgcluster.sh start|stop ENVFILE}
envfile=${2:?usage: pgcluster.sh start|stop ENVFILE}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "pgcluster: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    [ -e "$envfile" ] && "$0" stop "$envfile" >/dev/null 2>&1 || true
    dir=$(mktemp -d /tmp/bidtracker-pg.XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" > "$dir/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/pwfile"; fi
    # Loopback only and thrown away after the run: trust saves the SCRAM handshake (thousands
    # of hash rounds) on every one of the suite's thousands of connections.
    as_owner "$bin/initdb" -D "$dir/data" -U bidtracker --pwfile="$dir/pwfile" -A trust \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    # A free port: ask the kernel for one, then start on it (retry if someone took it since).
    for attempt in 1 2 3 4 5; do
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" >/dev/null; then
            break
        fi
        [ "$attempt" -eq 5 ] && { cat "$dir/server.log" >&2; exit 1; }
    done
    PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U bidtracker bidtracker
    {
        echo "PGHOST=127.0.0.1"
        echo "PGPORT=$port"
        echo "PGUSER=bidtracker"
        echo "PGPASSWORD=$password"
        echo "PGDATABASE=bidtracker"
        echo "BIDTRACKER_TEST_PG_URL=postgresql://bidtracker:$password@127.0.0.1:$port/bidtracker"
        echo "PGCLUSTER_DIR=$dir"
    } > "$envfile"
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
    ;;
pause|resume)
    # Stop the server and start it again on the same port, as a restart of the database
    # machine would: the tests of a lost connection use it on a cluster of their own.
    dir=$(sed -n 's/^PGCLUSTER_DIR=//p' "$envfile")
    port=$(sed -n 's/^PGPORT=//p' "$envfile")
    if [ "$action" = pause ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    else
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" >/dev/null
    fi
    ;;
stop)
    [ -e "$envfile" ] || exit 0
    dir=$(sed -n 's/^PGCLUSTER_DIR=//p' "$envfile")
    case "$dir" in /tmp/bidtracker-pg.*) ;; *) echo "pgcluster: $envfile names no test cluster" >&2; exit 1 ;; esac
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" "$envfile"
    ;;
*)
    echo "usage: pgcluster.sh start|stop|pause|resume ENVFILE" >&2; exit 2 ;;
esac
