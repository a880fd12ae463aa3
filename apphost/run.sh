#!/usr/bin/env bash
# Runs the whole Quartier Platform through its Aspire AppHost: PostgreSQL and RabbitMQ (containers
# where a container runtime answers, else Debian's servers, installed here when missing), the four
# services, the gateway and the Aspire dashboard. Ctrl-C stops everything; data stays for the next run.
#   apphost/run.sh [--DemoData=true]     (loads the three real offices of the source documents once)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

runtime=${ASPIRE_CONTAINER_RUNTIME:-docker}
if ! timeout 10 "$runtime" info >/dev/null 2>&1; then
  "$root/apphost/local/prerequisites.sh"
fi

dotnet build "$root/apphost" -nologo -clp:ErrorsOnly -v:q
cat <<TEXT
Quartier Platform
  gateway (residents, staff, API):  http://localhost:8080   API reference: http://localhost:8080/api-reference
  Aspire dashboard:                 the login link is printed below ("Login to the dashboard at ...")
TEXT
exec dotnet run --project "$root/apphost" --no-build -- "$@"
