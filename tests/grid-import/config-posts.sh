grid-import -c data/posts.yaml --check data/b.csv 2>/dev/null | grep -c "max-posts"
