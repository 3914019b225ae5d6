# OLD.yaml that cannot be read or is not a configuration: exit 2 naming
# the file (and line and column where there is one), nothing written.
worker-salary --compare data/no-such.yaml data/roster.tsv data/items.csv
echo "exit $?"
worker-salary --compare data data/roster.tsv data/items.csv
echo "exit $?"
worker-salary --compare data/scale-syntax.yaml data/roster.tsv data/items.csv
echo "exit $?"
# Its values are checked as -c's are: 3 levels, not 60.
worker-salary --compare data/scale-levels.yaml data/roster.tsv data/items.csv
echo "exit $?"
worker-salary --compare data/scale-key.yaml data/roster.tsv data/items.csv
echo "exit $?"
# A post of the current scale the old one does not have; its advice
# followed, the old scale has it (工作人员 at 1; 副职 at 5: W02's level 12
# is given, so its start does not count); the levels are the built-in
# ones, so only W01 changes: 11 + 本科 2 + 5 = 18, 2850, 8500 in all.
worker-salary --compare data/scale-posts.yaml data/roster.tsv data/items.csv
echo "exit $?"
worker-salary --compare data/scale-posts-fixed.yaml data/roster.tsv data/items.csv
echo "exit $?"
# --compare needs its file.
worker-salary data/roster.tsv --compare
echo "exit $?"
