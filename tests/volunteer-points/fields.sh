# Files without the fields they need: exit 3.  A file with neither hours
# nor points; a service file without kind (fine when default-multiplier
# is set: N1 2 h × 10 × 0.5 = 10.00); a redemption file without date.
volunteer-points --as-of 2025-12-31 data/neither.csv
echo "exit $?"
volunteer-points --as-of 2025-12-31 data/no-kind.csv
echo "exit $?"
volunteer-points --as-of 2025-12-31 -c data/default-mult.yaml data/no-kind.csv
echo "exit $?"
volunteer-points --as-of 2025-12-31 -c data/default-mult.yaml data/no-kind.csv data/no-date.csv
echo "exit $?"
