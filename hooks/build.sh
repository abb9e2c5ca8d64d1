#!/usr/bin/env bash
# ask-cli v2 custom build hook (it never runs tsc itself); hooks/build.ps1 does the same on Windows.
# Contract: ask-cli runs
#   hooks/build.sh "<zip file to write>" <debug true|false>
# from a copy of lambda/ under .ask/, and uploads the zip it names. We build from the repository root:
# validate content, bundle with esbuild, then zip build/lambda/ (index.js + source map) into that file.
set -euo pipefail
OUT_FILE="${1:?usage: hooks/build.sh <zip file> [debug]}"
DO_DEBUG="${2:-false}"
# A relative zip path means relative to where ask-cli ran us, not to the repository root.
case "$OUT_FILE" in /*) ;; *) OUT_FILE="$PWD/$OUT_FILE" ;; esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "$DO_DEBUG" = "true" ]; then set -x; fi
[ -d node_modules ] || npm ci --no-audit --no-fund
npx tsx tools/package-lambda.ts "$OUT_FILE"
