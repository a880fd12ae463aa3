#!/usr/bin/env bash
# Regenerates a service's EF Core compiled model from its entity configurations:
#   services/optimize-model.sh Bookings
# The service loads this model (Data/CompiledModel) instead of building it at every start, which
# saves start time and memory. services/add-migration.sh runs this after adding a migration; run it
# alone after any other change to the model. Each service's tests fail while its model is stale.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/design-time.sh" "${1:?usage: services/optimize-model.sh <Service>}"

# Generated afresh into a scratch folder, then swapped in: nothing of an older model survives, and a
# failed run leaves the current one in place.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dotnet ef dbcontext optimize --project "$project" --output-dir "$scratch/CompiledModel" \
  --namespace "Quartier.$service.Data.CompiledModel"
rm -rf "$project/Data/CompiledModel"
mv "$scratch/CompiledModel" "$project/Data/CompiledModel"
echo "$project/Data/CompiledModel regenerated"
