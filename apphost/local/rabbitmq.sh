#!/usr/bin/env bash
# Debian's RabbitMQ as an Aspire executable resource (machines without a container runtime):
#   rabbitmq.sh <directory> <amqp port> <management port, 0 for none>
# user quartier, password in RABBITMQ_PASSWORD. The node, its Erlang distribution and its own epmd
# use <amqp port>+1 .. +12 on 127.0.0.1, so it never meets the system's broker. Data (queues with
# their messages) stays in <directory> for the next start; SIGTERM stops the node cleanly.
set -euo pipefail
directory=$1 port=$2 management_port=$3
scripts=/usr/lib/rabbitmq/bin
[[ -x $scripts/rabbitmq-server ]] || { echo "RabbitMQ is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }

mkdir -p "$directory/mnesia" "$directory/log"
if ((management_port > 0)); then
  echo '[rabbitmq_management].' >"$directory/enabled_plugins"
  management="management.tcp.ip = 127.0.0.1
management.tcp.port = $management_port"
else
  echo '[].' >"$directory/enabled_plugins"
  management=
fi
(umask 077 && cat >"$directory/rabbitmq.conf" <<CONF
default_user = quartier
default_pass = ${RABBITMQ_PASSWORD:?}
default_user_tags.administrator = true
loopback_users = none
disk_free_limit.absolute = 50MB
$management
CONF
)
printf '{lookup, [file]}.\n{host, {127,0,0,1}, ["localhost"]}.\n' >"$directory/inetrc"
[[ -f $directory/.erlang.cookie ]] || (umask 077 && head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$directory/.erlang.cookie")

as_server=()
if ((EUID == 0)); then
  as_server=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --)
  chown -R rabbitmq:rabbitmq "$directory"
fi

export HOME=$directory
export RABBITMQ_NODENAME=quartier-$port@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=$((port + 1))
export ERL_EPMD_PORT=$((port + 2))
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_CTL_DIST_PORT_MIN=$((port + 3))
export RABBITMQ_CTL_DIST_PORT_MAX=$((port + 12))
export RABBITMQ_MNESIA_BASE=$directory/mnesia
export RABBITMQ_LOG_BASE=$directory/log
export RABBITMQ_CONFIG_FILE=$directory/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$directory/enabled_plugins
export RABBITMQ_CONF_ENV_FILE=$directory/rabbitmq-env.conf
export RABBITMQ_ADVANCED_CONFIG_FILE=$directory/advanced.config
export ERL_INETRC=$directory/inetrc
export RABBITMQ_LOGS=-
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS=$RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS

epmd=$(command -v epmd || echo /usr/lib/erlang/bin/epmd)
"${as_server[@]}" "$epmd" -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$ERL_EPMD_PORT") 2>/dev/null && break; sleep 0.05; done
"${as_server[@]}" "$scripts/rabbitmq-server" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null' TERM INT
status=0
wait "$server" || wait "$server" || status=$?
kill "$epmd_pid" 2>/dev/null || true
exit "$status"
