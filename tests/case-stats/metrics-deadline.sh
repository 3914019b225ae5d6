# closed_late and with_deadline, worked out by hand (data/README): with
# the default time limits every closed case has a deadline; with only
# 违法停车's limit (time-limits: !replace, no default), C03 and C06 have
# none, C08 its deadline field.
M='-m closed,on_time,closed_late,with_deadline,on_time_pct,overdue_open'
A='--as-of 2024-04-02 -b community --total'
case-stats $A $M data/d1.csv
printf '%s\n' 'case-stats:' '  time-limits: !replace {违法停车: 1 day}' > "$TMP/z.yaml"
case-stats -c "$TMP/z.yaml" $A $M data/d1.csv
case-stats -c "$TMP/z.yaml" $A --zh $M data/d1.csv | head -n 1
