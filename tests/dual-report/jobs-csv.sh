# -j with CSV: activities of two lines in quotes, and one of 40 lines that
# read as rows, where the cut of -j 2 falls: the part after it begins in
# quotes, ends elsewhere than the one before, and is read again from where
# that one ended.  The same report, messages and --reject file as -j 1.
. ./jobs.inc
awk -v kind=members -v fmt=csv -f jobs-gen.awk > "$TMP/m.csv"
awk -v kind=acts -v fmt=csv -v rows=1500 -f jobs-gen.awk > "$TMP/a.csv"
same --max-rejected 100% --total "$TMP/m.csv" "$TMP/a.csv" | tail -n 8
awk -v kind=acts -v fmt=csv -v rows=100 -v long=45 -f jobs-gen.awk \
    > "$TMP/long.csv"
same --max-rejected 100% --report members "$TMP/m.csv" "$TMP/long.csv"
