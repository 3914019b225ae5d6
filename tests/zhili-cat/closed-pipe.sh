seq 1 300000 | sed "s/^/x	/" | zhili-cat --tsv - | head -n 2; echo "status ${PIPESTATUS:-ok}"
