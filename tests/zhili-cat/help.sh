zhili-cat --help > "$TMP/o"; echo "exit $?"; head -n 3 "$TMP/o"; zhili-cat -h > "$TMP/o"; echo "exit $?"; grep -c "^  -f FIELDS" "$TMP/o"
