#!/usr/bin/env bash
# The API page end to end: a real `bidtracker --headless`, Debian's Chromium driven by
# playwright-core through "Try it out" on POST /users with the token from the URL fragment;
# passes when the page shows 201 and the user exists on the server afterwards.
# usage: apidocs_browser_test.sh BIDTRACKER NODE_MODULES_DIR
set -euo pipefail
bin=$1
modules=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
token=apidocs-test-$RANDOM$RANDOM
XDG_CONFIG_HOME=$work "$bin" --headless --demo --db "$work/a.sqlite" --port 0 --token "$token" \
    >"$work/log" 2>&1 &
server=$!
base=""
for _ in $(seq 100); do
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/log" | head -1 || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { echo "the server did not start"; cat "$work/log"; exit 1; }
out=$(node "$here/apidocs_browser.cjs" "$modules" "$base" "$token" "Tried in the browser" "$work/page.png")
echo "$out"
[ "$out" = "status 201" ] || { echo "the page did not show 201"; exit 1; }
curl -sf "$base/api/v1/users/user4" | grep -q '"name":"Tried in the browser"' \
    || { echo "the user is not on the server"; exit 1; }
echo "Try it out: 201, user4 created with the token from the fragment"
