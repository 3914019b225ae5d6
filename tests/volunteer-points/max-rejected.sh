# 21 of 27 records rejected (rejections.sh): more than max-rejected allows
# (1% and more than 10): no report at all, exit 1.  --strict stops at the
# first rejected record, with no report either.
volunteer-points --as-of 2025-12-31 data/reject-s.csv data/reject-r.csv data/mixed.csv
echo "exit $?"
volunteer-points --as-of 2025-12-31 --strict data/reject-s.csv data/reject-r.csv data/mixed.csv
echo "exit $?"
