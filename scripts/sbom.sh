#!/usr/bin/env bash
# The SBOM of what the image ships: CycloneDX from `npm sbom`, over a clean `npm ci --omit=dev` of
# the lockfile, exactly as the Dockerfile's runtime-deps stage makes it. (`npm sbom --omit=dev` on
# the full tree is not used: npm 11 leaves out production packages that dev tools also need, such
# as ajv, semver and yaml.) Usage: scripts/sbom.sh [out-file]   (default dist/sbom.cdx.json)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/dist/sbom.cdx.json}"
work="$(mktemp -d /tmp/understudy-sbom.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/package-lock.json" "$work/"
cd "$work"
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null
npm pkg delete devDependencies
mkdir -p "$(dirname "$out")"
npm sbom --sbom-format=cyclonedx > "$out.partial"
mv "$out.partial" "$out"
echo "SBOM: $out ($(node -e "console.log(require('$out').components.length)") components)"
