#!/usr/bin/env bash
# Issue 24: a consignor with 2,000 lots settles in under 50 ms (median of 30 reads).
# Usage: tests/bench/settlement_bench.sh BUILD_DIR [DATABASE]   (DATABASE: an empty SQLite
# path or postgresql:// URL; default a SQLite file in a temporary folder). Needs a build
# configured with -DBIDTRACKER_BENCHMARKS=ON. Exits 1 when the median is 50 ms or more.
set -euo pipefail
build=${1:?usage: settlement_bench.sh BUILD_DIR [DATABASE]}
cmake --build "$build" --target bench_settlement >/dev/null
exec "$build/tests/bench_settlement" ${2:+"$2"}
