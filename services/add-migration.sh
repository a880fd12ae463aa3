#!/usr/bin/env bash
# Adds an EF Core migration to a service and regenerates its compiled model, so both follow the
# entity configurations: services/add-migration.sh Offices AddProjectAreas
set -euo pipefail
name=${2:?usage: services/add-migration.sh <Service> <MigrationName>}
source "$(dirname "${BASH_SOURCE[0]}")/design-time.sh" "${1:?usage: services/add-migration.sh <Service> <MigrationName>}"

dotnet ef migrations add "$name" --project "$project" --output-dir Data/Migrations
services/optimize-model.sh "$service"
