# A write to standard output that fails ends the run, and the records
# rejected before it are still in the --reject file (its buffer flushed).
zhili-cat --reject "$TMP/rej.csv" data/bad.csv > /dev/full
echo "exit $?"
cat "$TMP/rej.csv"
