sh ../../examples/demo.sh > "$TMP/d" 2> "$TMP/e"; echo "exit $?"; sed -n "1,5p" "$TMP/d"; tail -n 1 "$TMP/d"; wc -l < "$TMP/e"; cat "$TMP/e" >&2
