#!/usr/bin/env bash
# Consumer smoke test: packs the package as npm would publish it, installs the tarball (with its peer
# dependencies, from the npm cache that `npm ci` filled) into a fresh temporary cdk8s app that imports
# only the public entry point, type-checks and synthesises that app, runs the installed CLI, and
# compares the YAML with test/smoke/golden/. This proves the published package works, not just the
# source tree.
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
for required in package/.jsii package/lib/index.js package/lib/index.d.ts package/bin/cdk8s-kubeflow-access package/lib/cli/main.js package/node_modules/yaml/package.json; do
  if ! grep -qxF "$required" "$work/contents"; then
    echo "smoke: $tarball lacks $required" >&2
    exit 1
  fi
done
if grep -E '\.ts$' "$work/contents" | grep -v '\.d\.ts$' | grep -q .; then
  echo "smoke: $tarball holds TypeScript sources" >&2
  exit 1
fi

# A fresh app that depends on the tarball and the peer dependencies at the versions this repository
# tests with, so they come from the npm cache.
app="$work/app"
mkdir -p "$app/fixtures"
version() { node -p "require('$root/node_modules/$1/package.json').version"; }
cat > "$app/package.json" <<JSON
{
  "name": "smoke-app",
  "private": true,
  "dependencies": {
    "cdk8s-kubeflow-access": "file:../$tarball",
    "cdk8s": "$(version cdk8s)",
    "cdk8s-plus-28": "$(version cdk8s-plus-28)",
    "constructs": "$(version constructs)"
  },
  "devDependencies": {
    "@types/node": "$(version @types/node)"
  }
}
JSON
cat > "$app/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "lib": ["ES2022"],
    "types": ["node"],
    "strict": true
  },
  "files": ["main.ts"]
}
JSON
cp "$root/test/smoke/app/main.ts" "$app/"
cp "$root/test/fixtures/docker-config.json" "$root/test/fixtures/aws-credentials" "$app/fixtures/"
(cd "$app" && npm install --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)

# Type-check against the package's declarations (no skipLibCheck), then synthesise.
(cd "$app" && "$root/node_modules/.bin/tsc" -p . && node main.js)

# The installed binary, as `npx cdk8s-kubeflow-access` runs it.
cli="$app/node_modules/.bin/cdk8s-kubeflow-access"
(cd "$app" && "$cli" docker --namespace user --from-file fixtures/docker-config.json > "$app/dist/cli-docker.yaml")
(cd "$app" && "$cli" check dist/user.k8s.yaml dist/team.k8s.yaml > "$work/check.out")
grep -qx 'ok: 12 objects, 6 PodDefaults in 2 namespaces, no problems' "$work/check.out" || {
  echo "smoke: the installed CLI's check said: $(cat "$work/check.out")" >&2
  exit 1
}

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  rm -f "$golden"/*.yaml
  cp "$app/dist"/*.yaml "$golden/"
fi
if ! diff -r -u "$golden" "$app/dist"; then
  echo "smoke: the installed package synthesises other YAML than test/smoke/golden/ (UPDATE_GOLDEN=1 rewrites it; review the diff)" >&2
  exit 1
fi
echo "smoke: $tarball installs, type-checks, synthesises $(ls "$golden" | wc -l) golden files and runs its CLI"
