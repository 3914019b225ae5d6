case-stats --as-of tomorrow data/d1.csv
