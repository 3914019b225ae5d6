# The values completed for -o, --encoding, -m, -b, --level, --report, --by,
# --classify= and zhili-cat's -f are the programs' own lists (lists.bash).
bash ./lists.bash
