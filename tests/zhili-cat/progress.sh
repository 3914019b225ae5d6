zhili-cat --progress data/people.tsv 2>&1 >/dev/null | tr "\r" "\n" | grep -c "100.0% of 0.0 MB"
