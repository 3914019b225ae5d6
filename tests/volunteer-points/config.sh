# The volunteer-points: section checked: every bad value and unknown key,
# each at its line and column (--print-config lists them all, exit 2).
volunteer-points -c data/bad.yaml --print-config
echo "exit $?"
