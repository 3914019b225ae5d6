# A run that stops early (an input missing: exit 3) leaves an existing
# --reject file as it was, and no temporary file beside it; a run that
# ends replaces it (keeping its mode, with a warning: others can read it).
cp data/bad.csv "$TMP"
cd "$TMP" || exit
printf 'id,name,note,_error,_raw\n,,,old.csv:2: an old rejection,"1,old"\n' > "$TMP/rej.csv"
chmod 644 "$TMP/rej.csv"
zhili-cat --reject rej.csv bad.csv missing.csv > /dev/null
echo "exit $?"
cat "$TMP/rej.csv"
ls "$TMP"
zhili-cat --reject rej.csv bad.csv > /dev/null
echo "exit $?"
cat "$TMP/rej.csv"
ls -l "$TMP/rej.csv" | cut -c1-10
ls "$TMP"
