#!/usr/bin/env python3
"""Runs docs/examples/api-tour.sh line by line against a fresh `bidtracker --headless --demo`
server and checks that every line answers what its comment says: `# STATUS [TEXT] [(note)]`,
TEXT a part of the body (white space ignored, "..." standing for anything).

Usage: api_tour_test.py BIDTRACKER TOUR_SCRIPT"""
import os
import re
import subprocess
import sys
import tempfile
import threading

TOKEN = "api-tour-token-27"


def start_server(binary, home):
    env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
    env.pop("DISPLAY", None)
    server = subprocess.Popen(
        [binary, "--headless", "--demo", "--db", os.path.join(home, "tour.sqlite"),
         "--port", "0", "--token", TOKEN, "--rate-limit", "0"],
        stderr=subprocess.PIPE, text=True, env=env)
    for line in server.stderr:
        found = re.search(r" on (http://127\.0\.0\.1:\d+/api/v1) ", line)
        if found:
            # The request log goes on: read it, so the server never waits on a full pipe.
            threading.Thread(target=server.stderr.read, daemon=True).start()
            return server, found.group(1)
    raise SystemExit("the server did not start")


def expectation(comment):
    """(status, regex) from "201 {"user_id": "user4"} (a note)"."""
    comment = re.sub(r"\s*\([^()]*\)\s*$", "", comment.strip())
    status, _, text = comment.partition(" ")
    pieces = re.sub(r"\s+", "", text).split("...")
    return int(status), ".*".join(re.escape(piece) for piece in pieces)


def main():
    binary, script = sys.argv[1], sys.argv[2]
    lines = open(script, encoding="utf-8").read().split("\n")
    lines = lines[lines.index("# --- the tour ---") + 1:]
    with tempfile.TemporaryDirectory() as home:
        server, api = start_server(binary, home)
        try:
            setup, failures, checked = [], 0, 0
            body_file = os.path.join(home, "body")
            for number, line in enumerate(lines, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                if not line.startswith("curl "):
                    setup.append(line)
                    continue
                command, _, comment = line.partition("  # ")
                if not comment:
                    print(f"line {number}: no comment saying what it answers: {line}")
                    failures += 1
                    continue
                status, pattern = expectation(comment)
                run = "\n".join(setup) + "\n" + command.replace(
                    "curl ", f"curl -sS -o '{body_file}' -w '%{{http_code}}' ", 1)
                result = subprocess.run(["bash", "-c", run], capture_output=True, text=True,
                                        env=dict(os.environ, TOKEN=TOKEN, API=api))
                body = open(body_file, encoding="utf-8", errors="replace").read() \
                    if os.path.exists(body_file) else ""
                got = result.stdout.strip()
                checked += 1
                if got != str(status) or not re.search(pattern, re.sub(r"\s+", "", body),
                                                      re.DOTALL):
                    print(f"line {number}: {command.strip()}\n  says:    {comment}\n"
                          f"  answers: {got} {body[:300]}")
                    failures += 1
                if os.path.exists(body_file):
                    os.remove(body_file)
        finally:
            server.terminate()
            server.wait(10)
    print(f"{checked} lines checked, {failures} answered otherwise")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
