zhili-cat -c data/aliases.yaml --print-config > "$TMP/c.yaml"; echo "exit $?"
zhili-cat -c "$TMP/c.yaml" --print-config > "$TMP/c2.yaml"; echo "exit $?"
cmp "$TMP/c.yaml" "$TMP/c2.yaml" && grep -A2 "^aliases:" "$TMP/c.yaml"
