#!/usr/bin/env bash
# Fails when API.md is not what jsii-docgen generates from the TSDoc of the public API. Run after
# `npm run compile` (jsii writes the .jsii assembly that jsii-docgen reads); to fix a failure, run
# `npm run compile && npm run docgen` and commit API.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/.jsii" ]; then
  echo "check-api-docs: no .jsii assembly: run \"npm run compile\" first" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && node_modules/.bin/jsii-docgen -o "$tmp/API.md")
if ! diff -u "$root/API.md" "$tmp/API.md" > "$tmp/diff"; then
  head -n 40 "$tmp/diff" >&2
  echo "check-api-docs: API.md is out of date: run \"npm run compile && npm run docgen\" and commit API.md" >&2
  exit 1
fi
echo "check-api-docs: API.md is up to date"
