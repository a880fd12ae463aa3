#!/usr/bin/env bash
# Debian's PostgreSQL as an Aspire executable resource (machines without a container runtime):
#   postgres.sh <directory> <port>        password in POSTGRES_PASSWORD (first start only)
# Initialises the cluster on first start, runs the server in the foreground on 127.0.0.1:<port>,
# and turns the orchestrator's SIGTERM into a fast shutdown (a smart one would wait for every
# pooled connection to close). Data stays in <directory> for the next start.
set -euo pipefail
directory=$1 port=$2
bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
[[ -x $bin/postgres ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, run it as Debian's postgres account.
as_server=()
mkdir -p "$directory"
if ((EUID == 0)); then
  as_server=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  chown postgres:postgres "$directory"
fi

if [[ ! -f $directory/data/PG_VERSION ]]; then
  password_file=$directory/.initial-password
  (umask 077 && printf '%s\n' "${POSTGRES_PASSWORD:?}" >"$password_file")
  ((EUID == 0)) && chown postgres:postgres "$password_file"
  "${as_server[@]}" "$bin/initdb" -D "$directory/data" -U postgres --pwfile="$password_file" \
    --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
fi

"${as_server[@]}" "$bin/postgres" -D "$directory/data" -p "$port" -k "$directory" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 &
server=$!
trap 'kill -INT "$server" 2>/dev/null' TERM INT
wait "$server" || wait "$server"
