# -o xlsx to a terminal is refused (exit 2), before any input is read;
# the advice works: to a file, the workbook.
script -qec "zhili-cat -o xlsx data/people.tsv" /dev/null > "$TMP/tty"
echo "exit $?"
tr -d '\r' < "$TMP/tty"
zhili-cat -o xlsx data/people.tsv > "$TMP/file.xlsx"; echo "exit $?"
../tools/xlsx-dump --csv "$TMP/file.xlsx"
# to a pipe
zhili-cat -o xlsx data/people.tsv | cat > "$TMP/pipe.xlsx"
../tools/xlsx-dump --csv "$TMP/pipe.xlsx" | head -n 1
