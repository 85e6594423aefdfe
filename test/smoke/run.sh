#!/usr/bin/env bash
# The starter, as a user runs it: packs the package as npm would publish it, copies examples/starter/
# into a temporary directory, installs it there with the tarball (npm install, from the registry or
# its cache: no other network), type-checks it against the package's declarations, runs `cdk8s synth`
# with cdk8s-cli and ts-node as the starter pins them, runs the installed CLI, and compares the YAML
# with test/smoke/golden/. This proves the published package and the README's quick start work, not
# just the source tree.
#
# Run after `npm run compile` (jsii): the tarball holds the compiled lib/. UPDATE_GOLDEN=1 rewrites the
# golden files; review their diff like any other change.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
golden="$root/test/smoke/golden"
export CDK8S_CHECK_UPGRADE=false

if [ ! -f "$root/.jsii" ] || [ ! -f "$root/lib/index.js" ]; then
  echo "smoke: no compiled package: run \"npm run compile\" first" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The tarball, as `npm publish` would upload it.
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
tar -tzf "$work/$tarball" > "$work/contents"
for required in package/.jsii package/lib/index.js package/lib/index.d.ts package/bin/cdk8s-kubeflow-access package/lib/cli/main.js package/node_modules/js-yaml/package.json package/README.md package/CHANGELOG.md; do
  if ! grep -qxF "$required" "$work/contents"; then
    echo "smoke: $tarball lacks $required" >&2
    exit 1
  fi
done
if grep -E '\.ts$' "$work/contents" | grep -v '\.d\.ts$' | grep -q .; then
  echo "smoke: $tarball holds TypeScript sources" >&2
  exit 1
fi

# The starter as a user copies it, with the tarball its package.json names beside it.
app="$work/starter"
cp -r "$root/examples/starter" "$app"
rm -rf "$app/node_modules" "$app/dist" "$app"/*.tgz
if ! grep -qF "\"cdk8s-kubeflow-access\": \"file:$tarball\"" "$app/package.json"; then
  echo "smoke: examples/starter/package.json does not install $tarball: give it \"cdk8s-kubeflow-access\": \"file:$tarball\"" >&2
  exit 1
fi
cp "$work/$tarball" "$app/"
(cd "$app" && npm install --no-audit --no-fund --loglevel=error >/dev/null)

# Type-check against the package's declarations, every .d.ts of it included (no skipLibCheck).
(cd "$app" && npx --no-install tsc --noEmit -p .)
# A newcomer's first run, before exporting REGISTRY_TOKEN: the starter's one line saying what to export,
# then cdk8s-cli's own report of an app that exited 1 (its "Error: command ..." and four stack lines, which
# cdk8s-cli 2.207 prints for any app that fails); no stack trace of the app, and nothing written.
if (cd "$app" && env -u REGISTRY_TOKEN npx --no-install cdk8s synth > "$work/no-token.out" 2>&1); then
  echo "smoke: the starter synthesised without REGISTRY_TOKEN" >&2
  exit 1
fi
says='REGISTRY_TOKEN is empty or not set: export REGISTRY_TOKEN=... with a token that may read the packages of ghcr.io, then run "npx cdk8s synth" again'
if [ "$(sed -n 2p "$work/no-token.out")" != "$says" ] || [ "$(wc -l < "$work/no-token.out")" -gt 8 ] || grep -q 'AccessError\|main\.ts:' "$work/no-token.out" || [ -e "$app/dist" ]; then
  echo "smoke: without REGISTRY_TOKEN, cdk8s synth said (and dist/ is $( [ -e "$app/dist" ] && echo written || echo absent)):" >&2
  cat "$work/no-token.out" >&2
  exit 1
fi
# cdk8s-cli's own line after it, which README.md's "When cdk8s synth fails" quotes, the directory as "/…/starter".
cli_says="Error: command \"npx ts-node main.ts \" at $app returned a non-zero exit code 1"
if [ "$(sed -n 3p "$work/no-token.out")" != "$cli_says" ] || ! grep -qF "${cli_says/"$app"//…/starter}" "$root/README.md"; then
  echo "smoke: without REGISTRY_TOKEN, cdk8s-cli's line after the starter's is not the one README.md quotes:" >&2
  cat "$work/no-token.out" >&2
  exit 1
fi
# Synthesise as the README says, with a fake token.
(cd "$app" && REGISTRY_TOKEN=fake-registry-token-0000 npx --no-install cdk8s synth > "$work/synth.out")

# The installed binary, as `npx cdk8s-kubeflow-access` runs it: its check accepts what synth wrote, and
# it prints what the library synthesises.
cli="$app/node_modules/.bin/cdk8s-kubeflow-access"
(cd "$app" && "$cli" check dist/ > "$work/check.out")
grep -qx 'ok: 4 objects, 3 PodDefaults in 1 namespace, no problems' "$work/check.out" || {
  echo "smoke: the installed CLI's check said: $(cat "$work/check.out")" >&2
  exit 1
}
# From a directory outside the clone, as README.md and docs/cli.md say: npx -p names the clone, so npx
# neither asks the registry (which has no such package yet) nor needs anything installed there.
version="$(node -p 'require(process.argv[1]).version' "$root/package.json")"
if [ "$(cd "$work" && npx --yes -p "$root" cdk8s-kubeflow-access --version)" != "$version" ]; then
  echo "smoke: npx -p $root cdk8s-kubeflow-access --version, outside the clone, did not print $version" >&2
  exit 1
fi
mkdir "$work/cli"
"$cli" docker --namespace user --from-file "$root/test/fixtures/docker-config.json" > "$work/cli/cli-docker.yaml"

mkdir "$work/out"
cp "$app/dist"/*.yaml "$work/cli"/*.yaml "$work/out/"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  rm -f "$golden"/*.yaml
  cp "$work/out"/*.yaml "$golden/"
fi
if ! diff -r -u "$golden" "$work/out"; then
  echo "smoke: the starter and the installed CLI write other YAML than test/smoke/golden/ (UPDATE_GOLDEN=1 rewrites it; review the diff)" >&2
  exit 1
fi
echo "smoke: $tarball installs into the starter, which type-checks and synthesises with cdk8s-cli; its CLI runs; $(ls "$golden" | wc -l) golden files match"
