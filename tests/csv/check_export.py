"""Reads a CSV export with Python's csv module (as spreadsheets and scripts would) and
compares it field by field with the rows the database holds (given as JSON).

usage: check_export.py EXPORT.csv EXPECTED.json
EXPECTED.json: {"header": [...], "rows": [[...], ...]} with the text each field must read as.
Exit 0 when they agree; otherwise prints the first difference and exits 1.
"""
import csv
import json
import sys


def main(csv_path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    with open(csv_path, newline="", encoding="utf-8") as f:
        raw = f.read()
    if "\r\n" not in raw:
        print("lines do not end with CRLF")
        return 1
    rows = list(csv.reader(raw.splitlines(keepends=True), strict=True))
    if rows[0] != expected["header"]:
        print(f"header {rows[0]} != {expected['header']}")
        return 1
    data = rows[1:]
    if len(data) != len(expected["rows"]):
        print(f"{len(data)} rows, expected {len(expected['rows'])}")
        return 1
    for number, (got, want) in enumerate(zip(data, expected["rows"]), start=2):
        # The formula guard: a field that reads "'=..." stands for "=...".
        got = [field[1:] if field.startswith("'") and field.lstrip("'")[:1] in ("=", "+", "-", "@", "\t", "\r") else field
               for field in got]
        if got != want:
            print(f"line {number}: {got} != {want}")
            return 1
    print(f"{len(data)} rows agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
