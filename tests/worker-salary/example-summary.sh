# The example data (examples/data/workers/README): the year 2025 per
# community and post, and the total; the 21 records broken on purpose
# rejected (SQ0159's unknown post and SQ0117's level 61 with their items).
# The .out was written by examples/tools/expect-workers.py, not by the
# program.
worker-salary --summary --total ../../examples/data/workers/*.csv
