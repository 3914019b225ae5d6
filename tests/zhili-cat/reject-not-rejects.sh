# A --reject path that names an existing file which is not a reject file
# (the file name forgotten: --reject units.csv members.csv) is a usage
# error before anything is written: the file is kept.  A reject file of an
# earlier run (TSV or CSV, with a byte-order mark or CRLF lines, as Excel
# saves it) and an empty file are written over.  The advice followed: the
# file removed, the run writes it.
cp data/bad.csv data/cases.csv "$TMP"
cd "$TMP" || exit
cp cases.csv units.csv
zhili-cat --reject units.csv bad.csv > /dev/null; echo "exit $?"
cmp cases.csv units.csv && echo "units.csv kept"
printf 'a\t_error\n' > half.tsv
zhili-cat --reject half.tsv bad.csv > /dev/null; echo "exit $?"
printf 'id\tname\t_error\t_raw' > nolf.tsv
zhili-cat --reject nolf.tsv bad.csv > /dev/null 2>&1; echo "exit $?"
rm units.csv
zhili-cat --reject units.csv bad.csv > /dev/null 2>&1; echo "exit $?"
head -n 1 units.csv
zhili-cat --reject units.csv bad.csv > /dev/null 2>&1; echo "exit $?"
printf '\357\273\277id,name,note,_error,_raw\r\n,,,x,y\r\n' > excel.csv
zhili-cat --reject excel.csv bad.csv > /dev/null 2>&1; echo "exit $?"
head -n 1 excel.csv
: > empty.tsv
zhili-cat --reject empty.tsv bad.csv > /dev/null 2>&1; echo "exit $?"
wc -l < empty.tsv
