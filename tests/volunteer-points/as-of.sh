# --as-of: a time in it is ignored, the day counts whole: the record of
# 2025-03-01 20:00 is taken (20.00), that of 03-02 rejected as after it.
# The dates of zhili(7) in any form.
volunteer-points --as-of '2025-03-01 08:00' data/as-of.csv
volunteer-points --as-of 2025年3月1日 data/as-of.csv
volunteer-points --as-of 20250302 data/as-of.csv
volunteer-points --as-of 2025-02-30 data/as-of.csv
echo "exit $?"
