#!/usr/bin/env bash
# Runs every test of the platform on a fresh Debian 12 machine with the .NET 10 SDK:
# installs what is missing (PostgreSQL, RabbitMQ and Chromium from Debian; the tests start private
# servers on free loopback ports, the end-to-end tests through the AppHost), builds, runs all test
# projects and ends with the total, alone on its line:
#   N passed, N failed, N skipped
# Exits non-zero when a test failed or when no test ran.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results="$root/TestResults"

# Sums the counters of every test run's TRX report.
count() {
  local attribute=$1
  find "$results" -name '*.trx' -print0 \
    | xargs -0 -r grep -ho "<Counters [^>]*" \
    | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]*' \
    | awk '{ sum += $1 } END { print sum + 0 }'
}

"$root/apphost/local/prerequisites.sh" --tests
rm -rf "$results"
cd "$root"

# The Kubernetes manifests, rendered and checked offline (kubectl, node and npm; no cluster).
manifests_status=0
tests/manifests/check.sh || manifests_status=$?

dotnet build QuartierPlatform.sln -c Debug -nologo -clp:ErrorsOnly

# The service test projects run two at a time; the end-to-end tests, which run every service as a
# process of its own, run afterwards on a calmer machine.
run_tests() { # project
  dotnet test "$1" -c Debug --no-build --nologo \
    --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=normal" --results-directory "$results"
}
export -f run_tests
export results
status=0
# shellcheck disable=SC2016 # $1 is the child shell's argument
find tests -maxdepth 2 -name '*.Tests.csproj' ! -name 'EndToEnd.Tests.csproj' -print0 | sort -z \
  | xargs -0 -P 2 -I{} bash -c 'run_tests "$1"' _ {} || status=$?
run_tests tests/EndToEnd.Tests/EndToEnd.Tests.csproj || status=$?

passed=$(count passed)
failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
skipped=$(count notExecuted)
echo "$passed passed, $failed failed, $skipped skipped"

if ((passed + failed == 0)); then
  echo "No test ran." >&2
  exit 1
fi
if ((failed > 0 || status != 0 || manifests_status != 0)); then
  exit 1
fi
