# Title rows above the headers of the three kinds of file: one in the
# members and units (CSV), two in the activities (TSV); each said once,
# the report that of the files without them.
dual-report --report members --quarter 2025-Q1 data/title-members.csv data/title-units.csv data/title-acts.tsv
dual-report --report members --quarter 2025-Q1 data/title-members.csv data/title-units.csv data/title-acts.tsv 2>/dev/null > "$TMP/a"
dual-report --report members --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null > "$TMP/b"
cmp "$TMP/a" "$TMP/b" && echo "the same as without the title rows"
