# Usage errors (exit 2) and a data folder that is not there (exit 3),
# each with one line saying what is wrong; --help and --version.
zhili-report --mnth 2025-03 data/small; echo "exit $?"
zhili-report --month 2025-13 data/small; echo "exit $?"
zhili-report --month 2025/03 data/small; echo "exit $?"
zhili-report --month; echo "exit $?"
zhili-report --month 2025-03 data/small data/small; echo "exit $?"
zhili-report --month 2025-03 --out "$TMP" data/none; echo "exit $?"
zhili-report --help | head -n 3; echo "exit $?"
zhili-report -V; echo "exit $?"
# --out a file, not a folder
: > "$TMP/file"
zhili-report --month 2025-03 --out "$TMP/file" data/small 2>&1 | sed "s|$TMP|TMP|g"
