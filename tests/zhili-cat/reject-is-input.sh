# A --reject file that is also an input is a usage error before anything
# is opened for writing: by the same path, by another path to the same
# file, as standard input, or as the standard output.  The input is kept.
cp data/bad.csv data/cases.csv "$TMP"
cd "$TMP" || exit
cp bad.csv in.csv
zhili-cat --reject in.csv in.csv; echo "exit $?"
zhili-cat --reject ./in.csv cases.csv in.csv; echo "exit $?"
ln -s in.csv link.csv
zhili-cat --reject link.csv in.csv; echo "exit $?"
zhili-cat --reject in.csv < in.csv; echo "exit $?"
zhili-cat --reject in.csv - < in.csv; echo "exit $?"
zhili-cat --reject out.tsv bad.csv > out.tsv; echo "exit $?"
cmp bad.csv in.csv && echo "input kept"
ls
