# Roster facts and items that cannot be used: an education or a
# certificate not in the configuration, years passed not a count, dates
# and months that are none, an empty month or worker_id.  F9: 1 + 4
# (博士) + 80 years is past 60: level 60, 4950 + 100 (社会工作师 without
# a date: held all along) = 5050.
{ worker-salary data/fields.tsv; echo "exit $?" >&2; } | cut -f 1,5,9,13
