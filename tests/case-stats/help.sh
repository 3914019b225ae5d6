case-stats --help | head -n 3
