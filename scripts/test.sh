#!/usr/bin/env bash
# The whole test command: type-check (src + tests), lint (import fences), contract drift, jest.
# Ends with the plain line "N passed, N failed" read from jest's own JSON results.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .ci/out
npm run --silent typecheck || exit 1
npm run --silent lint || exit 1
npm run --silent contracts:check || exit 1
node scripts/knip-check.mjs || exit 1
NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}" npx jest --json --outputFile=.ci/out/jest.json "$@"
status=$?
node scripts/jest-summary.js .ci/out/jest.json || status=1
exit $status
