#!/bin/bash
# The README says what the program does, and these parts of it are made from the program:
#   - the keyboard table is `bidtracker --help-keys` (the list Help > Keyboard shortcuts shows);
#   - every fuzz target of fuzz/ is named;
#   - the API example block is docs/examples/api-tour.sh, which ctest api_tour runs.
# Usage: readme_check.sh BIDTRACKER SOURCE_DIR
set -u
BIN=$1
SRC=$2
README=$SRC/README.md
status=0

keys=$(QT_QPA_PLATFORM=offscreen "$BIN" --help-keys)
table=$(sed -n '/^### Keyboard$/,/^Help > Keyboard shortcuts/p' "$README" | grep '^|')
if [ "$keys" != "$table" ]; then
    echo "README: the keyboard table is not bidtracker --help-keys:"
    diff <(echo "$table") <(echo "$keys")
    status=1
fi

for target in "$SRC"/fuzz/fuzz_*.cpp; do
    name=$(basename "$target" .cpp)
    if ! grep -q "\`$name\`" "$README"; then
        echo "README: the fuzz target $name is not named"
        status=1
    fi
done

tour=$(sed -n '/^# --- the tour ---$/,$p' "$SRC/docs/examples/api-tour.sh")
shown=$(sed -n '/^<!-- api-tour -->$/,/^<!-- \/api-tour -->$/p' "$README" |
    sed -n '/^# --- the tour ---$/,/^```$/p' | sed '$d')
if [ "$tour" != "$shown" ]; then
    echo "README: the API example block is not docs/examples/api-tour.sh:"
    diff <(echo "$shown") <(echo "$tour")
    status=1
fi
exit $status
