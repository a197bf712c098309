#!/usr/bin/env bash
# Prints the build time of the seed site (our steps vs Hugo) and the weight
# of the report home page. A benchmark, not a test: it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
go test ./generator/cli -run '^$' -bench BuildSeed -benchtime "${1:-5x}" | grep -E 'Benchmark|ok'
