#!/usr/bin/env bash
# Runs the whole Quartier Platform on one Debian 12 machine without containers:
# PostgreSQL and RabbitMQ from Debian's packages (project-local instances on their own
# ports), the four services and the YARP gateway built from this repository.
#
#   deploy/local/run.sh [--no-build] [--infra-only] [--demo-data]
#
# --demo-data loads the three real offices (Salzgitter, Leinefelde-Worbis, Stadthagen) once
# every service is up, so their events reach every service's queue; loading twice adds nothing.
# Ctrl-C stops everything it started; data stays in <repo>/.local/ for the next run.
# See deploy/local/README.md for ports, environment overrides and how to reset.
set -euo pipefail

# Files we create (data dirs, configs, logs) must be readable by the postgres/rabbitmq
# users that the servers run as, whatever umask the caller has.
umask 022

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

# ---------------------------------------------------------------------------------------
# Configuration (every port can be overridden, so the runner never fights other instances)
# ---------------------------------------------------------------------------------------
PG_PORT=${QUARTIER_PG_PORT:-55432}
PG_PASSWORD=${QUARTIER_PG_PASSWORD:-quartier}
AMQP_PORT=${QUARTIER_AMQP_PORT:-55672}
RABBIT_DIST_PORT=${QUARTIER_RABBITMQ_DIST_PORT:-55673}
# The CLI tools (rabbitmqctl) open a distribution port too; by default all RabbitMQ
# instances on the machine share 35672-35682, so give ours a private range.
RABBIT_CTL_PORT_MIN=${QUARTIER_RABBITMQ_CTL_PORT_MIN:-55674}
RABBIT_CTL_PORT_MAX=$((RABBIT_CTL_PORT_MIN + 9))
RABBIT_MGMT_PORT=${QUARTIER_RABBITMQ_MANAGEMENT_PORT:-15672}
EPMD_PORT=${QUARTIER_EPMD_PORT:-54369}
RABBIT_NODE=${QUARTIER_RABBITMQ_NODENAME:-quartier@localhost}
GATEWAY_PORT=${QUARTIER_GATEWAY_PORT:-8080}
GATEWAY_BIND=${QUARTIER_GATEWAY_BIND:-127.0.0.1}
HEALTH_TIMEOUT=${QUARTIER_HEALTH_TIMEOUT:-60}

SERVICES=(Offices Bookings Engagement Reporting)
declare -A SERVICE_PORT=(
  [Offices]=${QUARTIER_OFFICES_PORT:-5101}
  [Bookings]=${QUARTIER_BOOKINGS_PORT:-5102}
  [Engagement]=${QUARTIER_ENGAGEMENT_PORT:-5103}
  [Reporting]=${QUARTIER_REPORTING_PORT:-5104}
)

LOCAL_DIR=$ROOT/.local
LOG_DIR=$LOCAL_DIR/logs
RUN_DIR=$LOCAL_DIR/run
STATE_DIR=$LOCAL_DIR  # may move to /var/lib/quartier/... (see choose_state_dir)
RABBIT_BIN=/usr/lib/rabbitmq/bin

DO_BUILD=1
INFRA_ONLY=0
DEMO_DATA=0

# Bookkeeping for cleanup: what this run started.
PG_STARTED=0
RABBIT_PID=
declare -A PROC_PID=()
declare -A PROC_START_MS=()
CLEANED_UP=0
MIGRATE_PIDS=()
LOCKED=0

# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------
log() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [[ $EUID -eq 0 ]]; }

# Milliseconds since the epoch; EPOCHREALTIME's radix character follows the locale.
now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }

fmt_ms() { printf '%d.%03d s' $(($1 / 1000)) $(($1 % 1000)); }

# True if something accepts TCP connections on 127.0.0.1:$1 (no dependency on ss/netstat).
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # port, what, env var to override it
  if port_busy "$1"; then
    die "port $1 ($2) is already in use on 127.0.0.1; stop whatever uses it or set $3"
  fi
}

# Command line of a process, empty if it is gone.
proc_cmdline() { # pid
  { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null || true
}

tail_log() { # file
  printf -- '----- last lines of %s -----\n' "$1" >&2
  tail -n 40 "$1" >&2 2>/dev/null || true
  printf -- '-----\n' >&2
}

# Keep the previous run's log next to the new one; diagnosing a crash after a restart
# otherwise loses the evidence.
fresh_log() { # file
  if [[ -s $1 ]]; then mv -f "$1" "$1.1"; fi
  : >"$1"
}

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

parse_args() {
  while (($#)); do
    case $1 in
      --no-build) DO_BUILD=0 ;;
      --infra-only) INFRA_ONLY=1 ;;
      --demo-data) DEMO_DATA=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
  done
}

# ---------------------------------------------------------------------------------------
# Debian packages
# ---------------------------------------------------------------------------------------
pg_bin_dir() {
  # Prefer the version the data directory was created with; else the highest installed.
  local pg_data=$STATE_DIR/postgres
  if [[ -f $pg_data/PG_VERSION ]]; then
    local v
    v=$(<"$pg_data/PG_VERSION")
    if [[ -x /usr/lib/postgresql/$v/bin/postgres ]]; then
      echo "/usr/lib/postgresql/$v/bin"
      return
    fi
    die "$pg_data was created by PostgreSQL $v, which is not installed (reset with rm -rf $pg_data)"
  fi
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/initdb ]] || return 1
  echo "$dir"
}

# The distro's postinst starts its own postgresql/rabbitmq-server services on the default
# ports. We never use them; if this run installed them, stop and disable them again so the
# newcomer's machine does not run two brokers and two databases.
disable_distro_services() { # package...
  local unit
  for unit in "$@"; do
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now "$unit" >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/$unit ]]; then
      "/etc/init.d/$unit" stop >/dev/null 2>&1 || true
    fi
    log "stopped the distribution's own $unit service (this runner uses its own instance)"
  done
}

install_packages() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || missing+=(rabbitmq-server)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]})) || return 0

  is_root || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

  local services=() p
  for p in "${missing[@]}"; do
    [[ $p == curl ]] || services+=("$p")
  done
  ((${#services[@]} == 0)) || disable_distro_services "${services[@]}"
}

# ---------------------------------------------------------------------------------------
# Where the data lives and as whom the servers run
# ---------------------------------------------------------------------------------------
choose_state_dir() {
  mkdir -p "$LOCAL_DIR" "$LOG_DIR" "$RUN_DIR"
  is_root || return 0
  # PostgreSQL and RabbitMQ run as their own users; they must be able to reach their
  # directories. A repo under e.g. /root (mode 700) is not reachable for them.
  if runuser -u postgres -- test -x "$LOCAL_DIR" && runuser -u rabbitmq -- test -x "$LOCAL_DIR"; then
    return 0
  fi
  local id
  id=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
  STATE_DIR=/var/lib/quartier/$(basename "$ROOT")-$id
  mkdir -p "$STATE_DIR"
  log "$LOCAL_DIR is not reachable by the postgres/rabbitmq users;"
  log "keeping the database and broker data in $STATE_DIR instead (logs stay in $LOG_DIR)"
}

# Run a command as the given system user when we are root, else as ourselves.
as_user() { # user cmd...
  local user=$1
  shift
  if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

owner_of() { if is_root; then echo "$1"; else id -un; fi; }

# Only root needs to hand directories to the server users; otherwise they are ours.
ensure_owner() { # dir user
  is_root || return 0
  [[ $(stat -c %U "$1") == "$2" ]] || chown -R "$2:" "$1"
}

# ---------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------
PG_BIN=
PG_DATA=
PG_USER=

as_pg() { as_user postgres "$@"; }

pg_psql() { # sql...
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

init_postgres() {
  PG_DATA=$STATE_DIR/postgres
  PG_USER=$(owner_of postgres)
  PG_BIN=$(pg_bin_dir) || die "PostgreSQL binaries not found under /usr/lib/postgresql"
  mkdir -p "$PG_DATA"
  ensure_owner "$PG_DATA" "$PG_USER"
  chmod 700 "$PG_DATA"
  [[ -f $PG_DATA/PG_VERSION ]] && return 0

  log "initialising PostgreSQL data directory $PG_DATA"
  # initdb reads the superuser password from a file readable by $PG_USER, outside the
  # data directory (initdb insists on an empty one).
  local pwfile
  pwfile=$(mktemp -p "$STATE_DIR" .initdb-pw.XXXXXX)
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  chown "$PG_USER:" "$pwfile"
  # Password (scram) auth over TCP on loopback; no Unix socket is used at all.
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1; then
    rm -f "$pwfile"
    tail_log "$LOG_DIR/initdb.log"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  # Settings that may change between runs (port) live in an included file we rewrite.
  printf "\n# deploy/local/run.sh rewrites this file on every start\ninclude_if_exists = 'quartier.conf'\n" \
    >>"$PG_DATA/postgresql.conf"
}

write_postgres_config() {
  # Loopback only; no Unix socket (its default directory is not writable for everyone,
  # and its path length is limited); enough connections for four pooled services.
  cat >"$PG_DATA/quartier.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
EOF
  ensure_owner "$PG_DATA/quartier.conf" "$PG_USER"
}

# A previous run killed with -9 leaves the postmaster running (pg_ctl detaches it):
# stop it so this run starts from a known state with the current configuration.
# A stale postmaster.pid without a process is handled by PostgreSQL itself.
stop_leftover_postgres() {
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "stopping a PostgreSQL left running by an earlier run"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w >/dev/null
  fi
}

start_postgres() {
  init_postgres
  write_postgres_config
  stop_leftover_postgres
  require_free_port "$PG_PORT" PostgreSQL QUARTIER_PG_PORT

  local t0 logf=$LOG_DIR/postgres.log
  t0=$(now_ms)
  fresh_log "$logf"
  # Without -l the postmaster writes to pg_ctl's stdout, i.e. a file opened by us: this
  # works even when $PG_USER cannot write into $LOG_DIR.
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 start >>"$logf" 2>&1; then
    tail_log "$logf"
    die "PostgreSQL did not start"
  fi
  PG_STARTED=1
  log "PostgreSQL $(basename "$(dirname "$PG_BIN")") ready on 127.0.0.1:$PG_PORT in $(fmt_ms $(($(now_ms) - t0)))"
}

create_databases() {
  local name db existing
  existing=$(pg_psql -tA -c "select datname from pg_database")
  for name in "${SERVICES[@]}"; do
    db=${name,,}db
    if ! grep -qx "$db" <<<"$existing"; then
      pg_psql -c "create database $db"
      log "created database $db"
    fi
  done
}

stop_postgres() {
  ((PG_STARTED)) || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w >/dev/null 2>&1 \
    || warn "pg_ctl stop failed; see $LOG_DIR/postgres.log"
  PG_STARTED=0
}

# ---------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------
RABBIT_DIR=
RABBIT_USER=
RABBIT_ENV=()

# We call the scripts in /usr/lib/rabbitmq/bin directly instead of the /usr/sbin
# wrappers: those cd to /var/lib/rabbitmq, switch user with `su` (which resets HOME, so
# the system's Erlang cookie would be used) and refuse to run for ordinary users.
# HOME points into our directory so server and CLI share a project-local cookie.
setup_rabbit_env() {
  RABBIT_DIR=$STATE_DIR/rabbitmq
  RABBIT_USER=$(owner_of rabbitmq)
  RABBIT_ENV=(
    HOME="$RABBIT_DIR"
    PATH=/usr/sbin:/usr/bin:/sbin:/bin
    LANG=C.UTF-8 LC_ALL=C.UTF-8
    RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf"
    RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf"
    RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config"
    RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
    RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
    RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
    RABBITMQ_NODENAME="$RABBIT_NODE"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$AMQP_PORT"
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
    RABBITMQ_CTL_DIST_PORT_MIN="$RABBIT_CTL_PORT_MIN"
    RABBITMQ_CTL_DIST_PORT_MAX="$RABBIT_CTL_PORT_MAX"
    # Erlang distribution and epmd would otherwise listen on all interfaces.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    ERL_EPMD_PORT="$EPMD_PORT"
    ERL_EPMD_ADDRESS=127.0.0.1
  )
}

as_rabbit() { as_user rabbitmq env "${RABBIT_ENV[@]}" "$@"; }

rmqctl() { as_rabbit "$RABBIT_BIN/rabbitmqctl" -n "$RABBIT_NODE" "$@"; }

epmd_cmd() { env ERL_EPMD_PORT="$EPMD_PORT" epmd "$@"; }

# True if our node is registered with our epmd (cheaper than starting the Erlang CLI).
rabbit_node_registered() {
  epmd_cmd -names 2>/dev/null | grep -q "^name ${RABBIT_NODE%@*} "
}

write_rabbit_config() {
  mkdir -p "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
  # An empty env file so /etc/rabbitmq/rabbitmq-env.conf cannot change our node.
  : >"$RABBIT_DIR/rabbitmq-env.conf"
  echo '[rabbitmq_management].' >"$RABBIT_DIR/enabled_plugins"
  cat >"$RABBIT_DIR/rabbitmq.conf" <<EOF
# Written by deploy/local/run.sh on every start.
# guest/guest may connect, from loopback only (the AMQP listener is loopback-only anyway).
loopback_users.guest = true
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
EOF
  # Server and CLI authenticate with this cookie; create it before either starts,
  # otherwise both may race to create different ones. Erlang wants mode 400.
  local cookie=$RABBIT_DIR/.erlang.cookie
  if [[ ! -s $cookie ]]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$cookie")
  fi
  chmod 400 "$cookie"
  # Everything here (including files we just wrote) must belong to the broker's user.
  if is_root; then chown -R "$RABBIT_USER:" "$RABBIT_DIR"; fi
}

stop_leftover_rabbit() {
  if rabbit_node_registered; then
    log "stopping a RabbitMQ node left running by an earlier run"
    rmqctl stop >/dev/null 2>&1 || warn "could not stop leftover node $RABBIT_NODE"
  fi
}

start_rabbitmq() {
  setup_rabbit_env
  write_rabbit_config
  stop_leftover_rabbit
  require_free_port "$AMQP_PORT" "RabbitMQ AMQP" QUARTIER_AMQP_PORT
  require_free_port "$RABBIT_DIST_PORT" "RabbitMQ distribution" QUARTIER_RABBITMQ_DIST_PORT
  require_free_port "$RABBIT_MGMT_PORT" "RabbitMQ management" QUARTIER_RABBITMQ_MANAGEMENT_PORT

  local t0 logf=$LOG_DIR/rabbitmq.log
  t0=$(now_ms)
  fresh_log "$logf"
  # setsid: its own session, so a Ctrl-C in the terminal reaches only this script, which
  # then shuts the broker down in order. cd: Erlang writes crash dumps to its cwd.
  local runas=()
  if is_root; then runas=(runuser -u rabbitmq --); fi
  (cd "$RABBIT_DIR" && exec setsid "${runas[@]}" env "${RABBIT_ENV[@]}" "$RABBIT_BIN/rabbitmq-server") \
    >>"$logf" 2>&1 &
  RABBIT_PID=$!

  local deadline=$(($(now_ms) + 90000))
  until rmqctl -q await_startup --timeout 5 >/dev/null 2>&1; do
    if ! kill -0 "$RABBIT_PID" 2>/dev/null; then
      RABBIT_PID=
      tail_log "$logf"
      die "RabbitMQ exited during startup (node log: $RABBIT_DIR/log)"
    fi
    if (($(now_ms) > deadline)); then
      tail_log "$logf"
      die "RabbitMQ did not start within 90 s"
    fi
    sleep 0.5
  done
  log "RabbitMQ ready on 127.0.0.1:$AMQP_PORT (node $RABBIT_NODE) in $(fmt_ms $(($(now_ms) - t0)))"
}

stop_rabbitmq() {
  if [[ -n $RABBIT_PID ]]; then
    rmqctl stop >/dev/null 2>&1 || true
    wait_for_exit "$RABBIT_PID" 30 || warn "RabbitMQ did not stop; see $LOG_DIR/rabbitmq.log"
    RABBIT_PID=
  fi
  # epmd outlives the broker by design; ours runs on a private port, so end it too.
  if epmd_cmd -names >/dev/null 2>&1; then
    epmd_cmd -kill >/dev/null 2>&1 || warn "could not stop epmd on port $EPMD_PORT"
  fi
}

# ---------------------------------------------------------------------------------------
# .NET processes
# ---------------------------------------------------------------------------------------
dll_of() { # name
  case $1 in
    Gateway) echo "$ROOT/gateway/bin/Release/net10.0/Gateway.dll" ;;
    *) echo "$ROOT/services/$1/bin/Release/net10.0/$1.dll" ;;
  esac
}

build() {
  [[ -f $ROOT/QuartierPlatform.sln ]] || die "$ROOT/QuartierPlatform.sln not found"
  log "building QuartierPlatform.sln (Release)"
  local t0
  t0=$(now_ms)
  dotnet build "$ROOT/QuartierPlatform.sln" -c Release -nologo -v quiet -clp:NoSummary \
    || die "build failed (errors above)"
  log "built in $(fmt_ms $(($(now_ms) - t0)))"
}

check_binaries() {
  local name
  for name in "${SERVICES[@]}" Gateway; do
    [[ -f $(dll_of "$name") ]] || die "$(dll_of "$name") is missing; run without --no-build"
  done
}

# The environment Aspire would inject into a service (the configuration contract).
service_env() { # name
  local lower=${1,,}
  printf '%s\n' \
    "ASPNETCORE_ENVIRONMENT=Production" \
    "ASPNETCORE_URLS=http://127.0.0.1:${SERVICE_PORT[$1]}" \
    "ConnectionStrings__${lower}db=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=${lower}db" \
    "ConnectionStrings__messaging=amqp://guest:guest@127.0.0.1:$AMQP_PORT" \
    "OTEL_SERVICE_NAME=$lower"
}

gateway_env() {
  local name
  printf '%s\n' \
    "ASPNETCORE_ENVIRONMENT=Production" \
    "ASPNETCORE_URLS=http://$(url_host "$GATEWAY_BIND"):$GATEWAY_PORT" \
    "OTEL_SERVICE_NAME=gateway"
  for name in "${SERVICES[@]}"; do
    printf '%s\n' "services__${name,,}__http__0=http://127.0.0.1:${SERVICE_PORT[$name]}"
  done
}

url_host() { if [[ $1 == *:* && $1 != \[* ]]; then echo "[$1]"; else echo "$1"; fi; }

# Sets DOTNET_CMD to the command line running a service or the gateway.
# OTEL_EXPORTER_OTLP_ENDPOINT and friends are inherited from the caller's environment
# as they are: exported = exported to, absent = no export.
DOTNET_CMD=()
dotnet_cmd() { # name env-lines args...
  local name=$1 env_lines=$2
  shift 2
  local envs=()
  mapfile -t envs <<<"$env_lines"
  DOTNET_CMD=(env "${envs[@]}" DOTNET_NOLOGO=1 dotnet "$(dll_of "$name")" "$@")
}

# ASP.NET Core uses the working directory as content root (appsettings.json), so every
# .NET process runs in its output directory.
bin_dir_of() { dirname "$(dll_of "$1")"; }

# The four migrations are independent: run them side by side (each is mostly .NET start-up).
# Background jobs ignore Ctrl-C, so cleanup ends unfinished migrations (MIGRATE_PIDS).
migrate() {
  local name logf failed=0 t0
  declare -A pids=()
  t0=$(now_ms)
  for name in "${SERVICES[@]}"; do
    logf=$LOG_DIR/${name,,}.log
    fresh_log "$logf"
    dotnet_cmd "$name" "$(service_env "$name")" migrate
    (cd "$(bin_dir_of "$name")" && exec "${DOTNET_CMD[@]}") >>"$logf" 2>&1 &
    pids[$name]=$!
    MIGRATE_PIDS+=("$!")
  done
  for name in "${SERVICES[@]}"; do
    if ! wait "${pids[$name]}"; then
      tail_log "$LOG_DIR/${name,,}.log"
      warn "migrating ${name,,}db failed"
      failed=1
    fi
  done
  MIGRATE_PIDS=()
  ((failed == 0)) || die "database migrations failed (logs above)"
  log "migrated ${SERVICES[*],,} databases in $(fmt_ms $(($(now_ms) - t0)))"
}

# A run killed with -9 leaves its .NET processes behind, holding the ports. Each one ran
# in its own session (setsid) with its pid recorded; stop it if it is still that program.
stop_leftover_process() { # name
  local pidfile=$RUN_DIR/${1,,}.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  rm -f "$pidfile"
  if [[ $pid =~ ^[0-9]+$ && $(proc_cmdline "$pid") == *"$(basename "$(dll_of "$1")")"* ]]; then
    log "stopping ${1,,} (pid $pid) left running by an earlier run"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    wait_for_exit "$pid" 15 || kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

# Appends to the log, which for a service already holds this run's migration output.
# setsid: own session (and process group = pid), so Ctrl-C reaches only this script,
# which stops the processes in order, and a group kill catches any children.
start_process() { # name env-lines
  local name=$1 lower=${1,,}
  dotnet_cmd "$name" "$2"
  PROC_START_MS[$name]=$(now_ms)
  (cd "$(bin_dir_of "$name")" && exec setsid "${DOTNET_CMD[@]}") >>"$LOG_DIR/$lower.log" 2>&1 &
  PROC_PID[$name]=$!
  echo "${PROC_PID[$name]}" >"$RUN_DIR/$lower.pid"
}

stop_leftover_processes() {
  local name
  for name in Gateway "${SERVICES[@]}"; do
    stop_leftover_process "$name"
  done
}

# Checked before anything starts, so a taken port fails in a second, not after the build.
check_process_ports() {
  local name
  for name in "${SERVICES[@]}"; do
    require_free_port "${SERVICE_PORT[$name]}" "${name,,}" "QUARTIER_${name^^}_PORT"
  done
  require_free_port "$GATEWAY_PORT" gateway QUARTIER_GATEWAY_PORT
}

start_processes() {
  local name
  for name in "${SERVICES[@]}"; do
    start_process "$name" "$(service_env "$name")"
  done
  # The gateway needs nothing at startup (YARP only knows addresses), so start it now too.
  fresh_log "$LOG_DIR/gateway.log"
  start_process Gateway "$(gateway_env)"
}

# Where to reach the gateway from this machine (a wildcard bind is reachable on loopback).
gateway_url() {
  local host=$GATEWAY_BIND
  case $host in 0.0.0.0 | '*' | + | :: | '[::]') host=127.0.0.1 ;; esac
  echo "http://$(url_host "$host"):$GATEWAY_PORT"
}

health_url() { # name
  if [[ $1 == Gateway ]]; then
    echo "$(gateway_url)/health"
  else
    echo "http://127.0.0.1:${SERVICE_PORT[$1]}/health"
  fi
}

is_healthy() { # name
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(health_url "$1")" 2>/dev/null) == 200 ]]
}

# Polls all given processes together, so each one's figure is its own start-to-healthy
# time and not the time until the loop got round to it.
wait_healthy() { # name...
  local pending=("$@") still name
  while ((${#pending[@]})); do
    still=()
    for name in "${pending[@]}"; do
      if is_healthy "$name"; then
        log "$(printf '%-10s' "${name,,}") healthy $(fmt_ms $(($(now_ms) - PROC_START_MS[$name]))) after start"
        continue
      fi
      if ! kill -0 "${PROC_PID[$name]}" 2>/dev/null; then
        tail_log "$LOG_DIR/${name,,}.log"
        die "${name,,} exited before it became healthy"
      fi
      if (($(now_ms) > PROC_START_MS[$name] + HEALTH_TIMEOUT * 1000)); then
        tail_log "$LOG_DIR/${name,,}.log"
        die "${name,,} did not answer 200 on $(health_url "$name") within ${HEALTH_TIMEOUT} s"
      fi
      still+=("$name")
    done
    pending=("${still[@]}")
    ((${#pending[@]} == 0)) || sleep 0.1
  done
}

# ---------------------------------------------------------------------------------------
# Shutdown
# ---------------------------------------------------------------------------------------
wait_for_exit() { # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

stop_processes() {
  local name pid
  # Gateway first, so no request is routed to a service that is going away.
  for name in Gateway "${SERVICES[@]}"; do
    pid=${PROC_PID[$name]:-}
    [[ -n $pid ]] || continue
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for name in Gateway "${SERVICES[@]}"; do
    pid=${PROC_PID[$name]:-}
    [[ -n $pid ]] || continue
    if ! wait_for_exit "$pid" 20; then
      warn "${name,,} did not stop within 20 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/${name,,}.pid"
    unset "PROC_PID[$name]"
  done
}

cleanup() {
  ((CLEANED_UP)) && return 0
  CLEANED_UP=1
  # A second Ctrl-C must not interrupt the orderly shutdown halfway.
  trap '' INT TERM
  set +e
  local t0 started=0
  t0=$(now_ms)
  if ((${#PROC_PID[@]} || PG_STARTED)) || [[ -n $RABBIT_PID ]]; then
    started=1
    log "stopping"
  fi
  if ((${#MIGRATE_PIDS[@]})); then kill -TERM "${MIGRATE_PIDS[@]}" 2>/dev/null; wait "${MIGRATE_PIDS[@]}" 2>/dev/null; fi
  stop_processes
  stop_rabbitmq_if_started
  stop_postgres
  if ((started)); then log "stopped in $(fmt_ms $(($(now_ms) - t0))); data kept in $STATE_DIR"; fi
  if ((LOCKED)); then rm -f "$RUN_DIR/runner.pid"; fi
}

# Two runners on the same .local would stop each other's servers as "leftovers".
acquire_lock() {
  local lock=$RUN_DIR/runner.pid pid
  if [[ -f $lock ]]; then
    pid=$(<"$lock")
    if [[ $pid =~ ^[0-9]+$ && $pid != "$$" && $(proc_cmdline "$pid") == *run.sh* ]]; then
      die "the platform is already running from this repository (pid $pid); stop it with Ctrl-C there"
    fi
  fi
  echo "$$" >"$lock"
  LOCKED=1
}

stop_rabbitmq_if_started() { [[ -z $RABBIT_DIR ]] || stop_rabbitmq; }

# The Offices service's demo-data verb, run beside the running service with its configuration.
load_demo_data() {
  log "loading the demo offices"
  dotnet_cmd Offices "$(service_env Offices)" demo-data
  (cd "$(bin_dir_of Offices)" && exec "${DOTNET_CMD[@]}") >>"$LOG_DIR/offices.log" 2>&1 \
    || { tail_log "$LOG_DIR/offices.log"; die "loading the demo offices failed"; }
}

# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------
print_summary() {
  local gw
  gw=$(gateway_url)
  cat <<EOF

Quartier Platform is running.
  gateway              $gw   (listening on $GATEWAY_BIND:$GATEWAY_PORT)
  services             offices :${SERVICE_PORT[Offices]}  bookings :${SERVICE_PORT[Bookings]}  engagement :${SERVICE_PORT[Engagement]}  reporting :${SERVICE_PORT[Reporting]}  (127.0.0.1)
  PostgreSQL           127.0.0.1:$PG_PORT  user postgres / $PG_PASSWORD  data $PG_DATA
  RabbitMQ             amqp://guest:guest@127.0.0.1:$AMQP_PORT  data $RABBIT_DIR
  RabbitMQ management  http://127.0.0.1:$RABBIT_MGMT_PORT  (guest / guest)
  logs                 $LOG_DIR

Try (from $ROOT):
  curl -s $gw/health
  curl -s -X POST $gw/api/offices -H 'Content-Type: application/json' -d @deploy/local/demo-office.json
  curl -s $gw/api/offices

Press Ctrl-C to stop.
EOF
}

print_infra_summary() {
  cat <<EOF

Infrastructure is running (--infra-only).
  PostgreSQL           Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD  data $PG_DATA
  RabbitMQ             amqp://guest:guest@127.0.0.1:$AMQP_PORT  data $RABBIT_DIR
  RabbitMQ management  http://127.0.0.1:$RABBIT_MGMT_PORT  (guest / guest)
  logs                 $LOG_DIR

Press Ctrl-C to stop.
EOF
}

# Block until Ctrl-C, or until one of our processes dies on its own (then stop it all).
supervise() {
  local name
  while true; do
    wait -n 2>/dev/null || true
    for name in "${!PROC_PID[@]}"; do
      if ! kill -0 "${PROC_PID[$name]}" 2>/dev/null; then
        tail_log "$LOG_DIR/${name,,}.log"
        die "${name,,} stopped unexpectedly; shutting everything down"
      fi
    done
    if [[ -n $RABBIT_PID ]] && ! kill -0 "$RABBIT_PID" 2>/dev/null; then
      RABBIT_PID=
      tail_log "$LOG_DIR/rabbitmq.log"
      die "RabbitMQ stopped unexpectedly; shutting everything down"
    fi
  done
}

main() {
  parse_args "$@"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  install_packages
  choose_state_dir
  acquire_lock
  # Leftovers of a run that was killed -9: the services first, they use the servers.
  stop_leftover_processes
  if ((INFRA_ONLY == 0)); then
    check_process_ports
    ((DO_BUILD == 0)) || build
    check_binaries
  fi

  start_postgres
  create_databases
  start_rabbitmq

  if ((INFRA_ONLY)); then
    print_infra_summary
    supervise
  fi

  migrate
  start_processes
  wait_healthy "${SERVICES[@]}"
  wait_healthy Gateway
  ((DEMO_DATA == 0)) || load_demo_data
  print_summary
  supervise
}

main "$@"
