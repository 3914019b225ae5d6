# The check of the worker-salary: section (--print-config shows every
# error): a rate that is none, employees' work-injury insurance, 59
# levels, a start level past 60, base-max under base-min, a bracket without up-to, a key that is
# none (the nearest named).
worker-salary -c data/bad.yaml --print-config > /dev/null
echo "exit $?"
