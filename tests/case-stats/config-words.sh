# Status words of the user's file add to the built-in ones; a word given
# under another state moves there; !replace replaces a list.  words.csv:
# 已结 (not built in), 已办结 (built in, closed).
M='-m total,closed,open'
cd "$TMP" || exit
cp "$OLDPWD/data/words.csv" .
conf() { printf '%s\n' 'case-stats:' '  statuses:' "$@" > z.yaml; }
conf '    closed: [已结]'
case-stats -c z.yaml $M words.csv; echo "exit $?"
case-stats -c z.yaml --print-config | sed -n '/^  statuses:/,/^  satisfied:/p'
conf '    closed: [已结]' '    open: [已办结]'
case-stats -c z.yaml $M words.csv; echo "exit $?"
case-stats -c z.yaml --print-config | sed -n '/^  statuses:/,/^  satisfied:/p'
conf '    closed: !replace [已结]'
case-stats -c z.yaml $M words.csv; echo "exit $?"
case-stats -c z.yaml --print-config > p.yaml
sed -n '/^  statuses:/,/^  satisfied:/p' p.yaml
# the effective configuration printed, given again: the same
case-stats -c p.yaml --print-config | cmp - p.yaml && echo "the same"
# every program merges the same way
zhili-cat -c z.yaml --print-config | cmp - p.yaml && echo "zhili-cat: the same"
printf '%s\n' 'case-stats:' '  statuses: !replace' '    closed: [已结]' > z.yaml
case-stats -c z.yaml $M words.csv; echo "exit $?"
conf '    closed: [已结]' '    open: [待办, 已结]'
case-stats -c z.yaml $M words.csv; echo "exit $?"
