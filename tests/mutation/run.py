#!/usr/bin/env python3
"""Mutation testing by hand: copies the tree, applies each mutation of mutations.py in turn,
rebuilds only the test executables it names, runs them, and reports whether the suite
killed it (some test failed) or it survived. Not part of CI: it rebuilds once per mutation.

usage: tests/mutation/run.py [--work DIR] [--jobs N] [--only SUBSTRING]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from mutations import MUTATIONS  # noqa: E402


def run(command, cwd, env=None, timeout=None):
    return subprocess.run(command, cwd=cwd, env=env, timeout=timeout, capture_output=True,
                          text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default="/tmp/bidtracker-mutants")
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--only", default="")
    args = parser.parse_args()

    tree = os.path.join(args.work, "tree")
    build = os.path.join(args.work, "build")
    # A clean copy of the tracked files (the work tree as it is, uncommitted changes included).
    files = run(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    shutil.rmtree(tree, ignore_errors=True)
    for name in filter(None, files):
        target = os.path.join(tree, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, name), target)
    configure = run(["cmake", "-S", tree, "-B", build, "-G", "Ninja",
                     "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DBIDTRACKER_BENCHMARKS=OFF",
                     "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"], tree)
    if configure.returncode != 0:
        sys.exit("configure failed:\n" + configure.stdout + configure.stderr)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    targets = sorted({exe for m in MUTATIONS for exe, _ in m["tests"]})
    # The unmutated suite must pass first, or a "kill" means nothing.
    baseline = run(["cmake", "--build", build, "-j", args.jobs, "--target", *targets], tree)
    if baseline.returncode != 0:
        sys.exit("the unmutated tree does not build:\n" + baseline.stdout[-3000:])
    for m in MUTATIONS:
        for exe, gtest_filter in m["tests"]:
            result = run([os.path.join(build, "tests", exe), "--gtest_filter=" + gtest_filter],
                         build, env, timeout=600)
            if result.returncode != 0:
                sys.exit(f"the unmutated suite fails ({exe} {gtest_filter}):\n"
                         + result.stdout[-3000:])

    rows = []
    for m in MUTATIONS:
        if args.only and args.only not in m["name"]:
            continue
        path = os.path.join(tree, m["file"])
        original = open(path, encoding="utf-8").read()
        mutated, count = re.subn(m["find"], m["replace"], original, count=1)
        started = time.monotonic()
        if count == 0:
            rows.append((m["name"], m["file"], "NOT APPLIED (pattern not found)", "", 0))
            continue
        try:
            open(path, "w", encoding="utf-8").write(mutated)
            built = run(["cmake", "--build", build, "-j", args.jobs, "--target",
                         *sorted({exe for exe, _ in m["tests"]})], tree)
            if built.returncode != 0:
                rows.append((m["name"], m["file"], "killed (does not compile)", "",
                             time.monotonic() - started))
                continue
            killers = []
            for exe, gtest_filter in m["tests"]:
                try:
                    result = run([os.path.join(build, "tests", exe),
                                  "--gtest_filter=" + gtest_filter], build, env, timeout=600)
                    failed = re.findall(r"^\[  FAILED  \] (\S+) \(", result.stdout, re.M)
                    if result.returncode != 0:
                        killers += failed or [f"{exe} exited {result.returncode}"]
                except subprocess.TimeoutExpired:
                    killers.append(f"{exe} timed out")
            verdict = "killed" if killers else "SURVIVED"
            shown = ", ".join(killers[:3]) + (f" (+{len(killers) - 3})" if len(killers) > 3 else "")
            rows.append((m["name"], m["file"], verdict, shown, time.monotonic() - started))
        finally:
            open(path, "w", encoding="utf-8").write(original)
        print(f"{rows[-1][2]:>8}: {m['name']}", flush=True)

    print()
    print("| mutation | file | result | killed by | s |")
    print("|---|---|---|---|---|")
    for name, file, verdict, killers, seconds in rows:
        print(f"| {name} | {file} | {verdict} | {killers} | {seconds:.0f} |")
    survived = [r for r in rows if r[2] != "killed" and not r[2].startswith("killed")]
    sys.exit(1 if survived else 0)


if __name__ == "__main__":
    main()
