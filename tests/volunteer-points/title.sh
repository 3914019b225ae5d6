# Title rows above the headers: one in the service records (CSV), two in
# the redemptions (TSV); each file's said once, the ledger that of the
# files without them (reject-two-files.sh).
volunteer-points --as-of 2025-12-31 data/title-s.csv data/title-r.tsv
volunteer-points --as-of 2025-12-31 data/title-s.csv data/title-r.tsv 2>/dev/null > "$TMP/a"
volunteer-points --as-of 2025-12-31 data/four-s.csv data/four-r.csv 2>/dev/null > "$TMP/b"
cmp "$TMP/a" "$TMP/b" && echo "the same as without the title rows"
