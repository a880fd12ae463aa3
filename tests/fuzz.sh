#!/usr/bin/env bash
# The fuzzing gate at full size: starts the whole platform through the AppHost (as the end-to-end
# tests do) and sends it malformed requests generated from every service's OpenAPI document,
# interleaved with valid ones; prints what came back per case and every finding.
#   tests/fuzz.sh [requests, default 10000] [seed]
# Exits non-zero on any finding: a 5xx, a 4xx without problem details, a broken connection, a failed valid request.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/apphost/local/prerequisites.sh" --tests
cd "$root"
dotnet build tests/EndToEnd.Tests/EndToEnd.Tests.csproj -c Debug -nologo -clp:ErrorsOnly
export FUZZ_REQUESTS=${1:-10000}
[[ -n ${2:-} ]] && export FUZZ_SEED=$2
exec tests/EndToEnd.Tests/bin/Debug/net10.0/EndToEnd.Tests -class Quartier.EndToEnd.Tests.Fuzzing.FuzzingTests -showLiveOutput
