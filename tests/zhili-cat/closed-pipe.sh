# zhili-cat writing into a pipe its reader has closed ends quietly by
# SIGPIPE (status 141 from the shell), its status kept in $TMP/rc.
seq 1 300000 | sed "s/^/x	/" | { zhili-cat --tsv -; echo $? > "$TMP/rc"; } | head -n 2; echo "status $(cat "$TMP/rc")"
