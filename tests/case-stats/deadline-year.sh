# A deadline after 9999-12-31 cannot be written (it showed as a date
# before the case was reported): the case is rejected, whether the
# deadline comes from the deadline field's time limit or from the
# configuration's, and whether or not a figure needs it; a date whose year
# has more than four digits says so.  A deadline on 9999-12-31 is kept.
cd "$TMP" || exit
cat > y.csv <<'END'
case_id,reported_at,status,deadline
Y1,9999-12-28 10:00,处置中,
Y2,9999-12-20 10:00,处置中,10天
Y3,9999-12-20 10:00,处置中,3天
Y4,9999-12-31,处置中,9999-12-31
Y5,2024-03-01,处置中,10000-01-01
Y6,10000年1月1日,处置中,
Y7,2024-03-01,处置中,1000000个工作日
END
case-stats --records --as-of '9999-12-31 23:59:59' y.csv; echo "exit $?"
case-stats --as-of '9999-12-31 23:59:59' -m total y.csv 2>/dev/null
echo "exit $?"
