#!/usr/bin/env bash
# Issue 21.16's typing benchmark: keys typed into the quick bid bar of the real window
# (offscreen), one due every 100 ms, idle and while another connection records about 1,000
# bids a second and announces them to the window (as the embedded server does for the
# stations bidding over the API). Prints p50/p95/max milliseconds from a key being due to
# the bar showing it. With a second build directory (a build of an earlier commit with this
# benchmark, e.g. main plus tests/bench/typing_bench.cpp), runs both, one after the other,
# and labels the lines "before" and "after".
# usage: tests/bench/typing_bench.sh [BUILD_DIR] [BASELINE_BUILD_DIR]
#        (needs: cmake --build BUILD_DIR --target bench_typing)
# env:   TYPING_BENCH_BIDS_PER_SECOND (1000), TYPING_BENCH_KEYS (100),
#        BIDTRACKER_TEST_ENGINE=postgresql to run on the test PostgreSQL cluster
set -euo pipefail
build=${1:-build}
baseline=${2:-}
run() {
    local label=$1 bin=$2/tests/bench_typing
    [ -x "$bin" ] || { echo "build first: cmake --build $2 --target bench_typing"; exit 2; }
    echo "== $label: $bin ($(uname -n), $(nproc) cores, $(date -u +%F))"
    QT_QPA_PLATFORM=offscreen "$bin" --gtest_brief=1 2>/dev/null | grep -E '^typing:|FAILED' | sed "s/^typing:/typing $label:/"
}
if [ -n "$baseline" ]; then
    run before "$baseline"
    run after "$build"
else
    run now "$build"
fi
