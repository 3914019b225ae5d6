# --reject keeps every rejected record with its reason in _error: those of
# rejections.sh, the services' under their fields; a redemption, whose
# fields (points, item) the file of the first input lacks, whole in _raw.
volunteer-points --as-of 2025-12-31 --max-rejected 100% --reject "$TMP/rej.csv" data/reject-s.csv data/reject-r.csv data/mixed.csv > /dev/null 2>&1
echo "exit $?"
cat "$TMP/rej.csv"
