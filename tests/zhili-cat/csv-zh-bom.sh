# -o csv --zh into a file without --bom warns once that Excel will garble
# the Chinese titles; with --bom, or into a pipe, no warning.
zhili-cat -o csv --zh data/cases.csv > "$TMP/a.csv"; echo "exit $?"
zhili-cat -o csv --zh --bom data/cases.csv > "$TMP/b.csv"; echo "exit $?"
zhili-cat -o csv --zh data/cases.csv | head -1
