# The example workers' 2025 on the old scale (examples/data/workers/
# scale-old.yaml) and on the current one: the figure behind "average pay
# doubled", per post and overall (1.91).  The program's own output: the
# current gross is checked against examples/tools/expect-workers.py by
# tests/examples/workers; the old-scale side has no independent check yet.
worker-salary --compare ../../examples/data/workers/scale-old.yaml --summary --total ../../examples/data/workers/roster.csv ../../examples/data/workers/items-2025.csv
