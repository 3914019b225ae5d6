# The words of the user's yes: and totals: lists add to the default ones
# (是 and 合计 still work); !replace replaces a list.
F='-f code,has_staff,has_rules,has_funding,has_incentives'
grid-import --level grid -c data/words.yaml data/words.csv | zhili-cat $F
printf '%s\n' 'grid-import:' '  yes: !replace [具备]' '  totals: [汇总]' > "$TMP/z.yaml"
grid-import --level grid -c "$TMP/z.yaml" data/words.csv | zhili-cat $F
