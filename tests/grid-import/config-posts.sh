grid-import -c data/posts.yaml --check data/b.csv > "$TMP/o"; rc=$?; grep -c "max-posts" "$TMP/o"; exit $rc
