# Rejected records of two files whose fields differ go into one --reject
# file under its header (the first file's), each value under its own
# field's name; what has no column there is kept whole in _raw.
volunteer-points --as-of 2025-12-31 --reject "$TMP/rej.csv" data/four-s.csv data/four-r.csv
cat "$TMP/rej.csv"
