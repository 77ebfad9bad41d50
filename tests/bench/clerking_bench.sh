#!/usr/bin/env bash
# Issue 26's clerking benchmark: a bid sheet of 20 lines typed into the quick bid bar of the
# real window (offscreen), paddles 201-220 colliding with the digits of other bidders' phones.
# Prints keystrokes per bid and time per bid (median, slowest), and fails if any line went to
# another bidder than the paddle written on it.
# usage: tests/bench/clerking_bench.sh [BUILD_DIR]   (needs: cmake --build BUILD_DIR --target ui_tests)
set -euo pipefail
build=${1:-build}
bin=$build/tests/ui_tests
[ -x "$bin" ] || { echo "build first: cmake --build $build --target ui_tests"; exit 2; }
QT_QPA_PLATFORM=offscreen "$bin" --gtest_filter='ClerkingBench.*' --gtest_brief=1 | grep -E '^clerking:|FAILED|PASSED'
