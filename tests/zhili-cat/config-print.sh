zhili-cat -c data/aliases.yaml --print-config > "$TMP/c.yaml" && zhili-cat -c "$TMP/c.yaml" --print-config | cmp - "$TMP/c.yaml" && grep -A2 "^aliases:" "$TMP/c.yaml"
