# Two items rows for one worker and month: the later is rejected (the
# month in any form); a worker twice in the roster: the later row too.
{ worker-salary data/roster-twice.tsv data/twice.tsv; echo "exit $?" >&2; } | cut -f 1,5,6,8
