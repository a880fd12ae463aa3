#!/usr/bin/env bash
# Adds an EF Core migration to a service: services/add-migration.sh Offices AddProjectAreas
# The design-time packages are switched on only for this (see Directory.Build.targets), and the
# connection string is a placeholder: generating a migration does not touch a database.
set -euo pipefail
service=${1:?usage: services/add-migration.sh <Service> <MigrationName>}
name=${2:?usage: services/add-migration.sh <Service> <MigrationName>}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
database="$(echo "$service" | tr '[:upper:]' '[:lower:]')db"

cd "$root"
dotnet tool restore >/dev/null
export QuartierDesignTime=true
export "ConnectionStrings__${database}=Host=localhost;Database=${database}"
export ConnectionStrings__messaging=amqp://guest:guest@localhost:5672
dotnet ef migrations add "$name" --project "services/$service" --output-dir Data/Migrations
