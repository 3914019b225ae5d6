grid-import --mask data/b.csv > "$TMP/o"; echo "exit $?"; cut -f9,10,22 "$TMP/o" | sed -n "1p;/吴二/p" | head -n 2
grid-import --mask --check data/b.csv > "$TMP/o"; echo "exit $?"; cut -f7,8 "$TMP/o" | grep -E "phone|identity"
