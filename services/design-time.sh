# Sourced by the EF Core scripts beside it: `source services/design-time.sh <Service>`.
# Switches the design-time packages on (see Directory.Build.targets), restores the dotnet-ef local
# tool and sets placeholder connection strings: generating code does not touch a database or broker.
# Leaves the shell in the repository root with $service and $project set.
service=${1:?usage: source services/design-time.sh <Service>}
project="services/$service"
database="$(echo "$service" | tr '[:upper:]' '[:lower:]')db"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ ! -d "$project" ]]; then
  echo "no service $service (no folder $project)" >&2
  exit 1
fi

dotnet tool restore >/dev/null
export QuartierDesignTime=true
export "ConnectionStrings__${database}=Host=localhost;Database=${database}"
export ConnectionStrings__messaging=amqp://guest:guest@localhost:5672
