#!/usr/bin/env bash
# Offline checks of the Kubernetes manifests under deploy/k8s (no cluster needed): renders every
# kustomization meant to be applied with `kubectl kustomize` and checks the result with check.mjs
# (schema with unknown fields, restricted Pod Security, selectors, probes and resources, images from
# the configured registry, network policies, labels, Ingress paths, telemetry), then the example
# files, then proves that the checker can fail: the fixture good.yaml must pass, and each fixture in
# fixtures/bad must fail exactly the check its file name starts with. Prints one line per check and,
# last, "manifests: N checks passed, M failed"; exits non-zero when anything failed.
#
# Needs kubectl (with kustomize), node 20+ and npm; installs kubernetes-models and js-yaml into
# tests/manifests/node_modules from package-lock.json.
#
# Not rendered on their own: deploy/k8s/base and base/migrations (no namespace; registry, version and
# host are placeholders that only an overlay's settings fill in; every overlay renders them) and the
# components (kind: Component, only usable from a kustomization).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
k8s="$root/deploy/k8s"

for tool in kubectl node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check.sh: $tool is required" >&2; exit 2; }
done

cd "$here"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

# The settings.env of the overlay a kustomization belongs to: the nearest settings/settings.env
# upwards from its directory.
settings_for() {
  local dir=$1
  while [[ "$dir" == "$k8s"* ]]; do
    if [[ -f "$dir/settings/settings.env" ]]; then
      echo "$dir/settings/settings.env"
      return
    fi
    dir=$(dirname "$dir")
  done
}

# check.mjs runs every check of this script in one process (--batch): one JSON argument list a run.
jobs=()
job() { # arguments of one check.mjs run
  local quoted=() arg
  for arg in "$@"; do
    arg=${arg//\\/\\\\}
    quoted+=("\"${arg//\"/\\\"}\"")
  done
  local IFS=,
  jobs+=("[${quoted[*]}]")
}

# 1. Every kustomization that is applied: the overlays and their sub-kustomizations.
mapfile -t dirs < <(find "$k8s" -name kustomization.yaml -printf '%h\n' | sort)
rendered=()
for dir in "${dirs[@]}"; do
  rel=${dir#"$k8s"/}
  [[ "$rel" == base || "$rel" == base/* ]] && continue
  grep -q '^kind: Component' "$dir/kustomization.yaml" && continue
  out="$work/$(tr / _ <<<"$rel").yaml"
  if ! kubectl kustomize "$dir" >"$out" 2>"$work/error"; then
    echo "FAIL $rel  render: $(head -c 400 "$work/error")"
    rm -f "$out"
    failed=$((failed + 1))
    continue
  fi
  echo "ok   $rel  render: kubectl kustomize"
  passed=$((passed + 1))
  rendered+=("$rel")
done
for rel in "${rendered[@]}"; do
  out="$work/$(tr / _ <<<"$rel").yaml"
  args=(--name "$rel")
  settings=$(settings_for "$k8s/$rel")
  [[ -n "$settings" ]] && args+=(--settings "$settings")
  # A sub-kustomization (the migrations) is checked against its overlay: the namespace and the
  # network policies are the platform's.
  parent="$work/$(tr / _ <<<"${rel%/*}").yaml"
  [[ "$rel" == */* && -f "$parent" ]] && args+=(--context "$parent")
  job "${args[@]}" "$out"
done

# 2. The examples (applied by hand): schema and labels.
mapfile -t examples < <(find "$k8s/examples" -name '*.yaml' | sort)
((${#examples[@]} > 0)) && job --name examples --examples "${examples[@]}"

# 3. The checker can fail: the baseline passes, each bad fixture fails its own check and no other.
job --name fixtures/good --settings fixtures/settings.env fixtures/good.yaml
fixtures=(fixtures/bad/*.yaml)
for fixture in "${fixtures[@]}"; do
  job --name "fixtures/bad/$(basename "$fixture" .yaml)" --settings fixtures/settings.env fixtures/good.yaml "$fixture"
done

(IFS=,; echo "[${jobs[*]}]") >"$work/jobs.json"
node check.mjs --batch "$work/jobs.json" >"$work/results" || true

# The kustomizations and the examples: every line counts.
results_of() { # name: the lines of one run (its check lines and their problems)
  awk -v name="$1" '
    /^(ok  |FAIL) / { mine = ($2 == name) }
    mine { print }' "$work/results"
}
for name in "${rendered[@]}" examples; do
  result=$(results_of "$name")
  [[ -z "$result" && "$name" == examples && ${#examples[@]} -eq 0 ]] && continue
  if [[ -z "$result" ]]; then
    echo "FAIL $name  checks: check.mjs printed nothing for it"
    failed=$((failed + 1))
    continue
  fi
  echo "$result"
  passed=$((passed + $(grep -c '^ok ' <<<"$result" || true)))
  failed=$((failed + $(grep -c '^FAIL ' <<<"$result" || true)))
done

# The fixtures: one line each.
result=$(results_of fixtures/good)
if [[ -z "$result" ]] || grep -q '^FAIL ' <<<"$result"; then
  echo "FAIL fixtures/good: the baseline of the fixtures does not pass every check"
  sed 's/^/       /' <<<"$result"
  failed=$((failed + 1))
else
  echo "ok   fixtures/good: passes every check"
  passed=$((passed + 1))
fi
for fixture in "${fixtures[@]}"; do
  name=$(basename "$fixture" .yaml)
  expected=${name%%--*}
  result=$(results_of "fixtures/bad/$name")
  failing=$(grep '^FAIL ' <<<"$result" | awk '{ sub(":", "", $3); print $3 }' | sort -u | tr '\n' ' ' || true)
  if [[ "$failing" == "$expected " ]]; then
    echo "ok   fixtures/bad/$name: fails $expected, and only $expected"
    passed=$((passed + 1))
  else
    echo "FAIL fixtures/bad/$name: should fail $expected only, failed: ${failing:-nothing}"
    sed 's/^/       /' <<<"$result"
    failed=$((failed + 1))
  fi
done

echo "manifests: $passed checks passed, $failed failed"
((failed == 0))
