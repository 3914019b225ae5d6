# a case export given by mistake: refused, alone or after a roster sheet
grid-import --summary ../../examples/data/cases-2024.csv > "$TMP/o"; echo "exit $?"; wc -c < "$TMP/o"
grid-import --summary data/b.csv ../../examples/data/cases-2024.csv > "$TMP/o"; echo "exit $?"; wc -c < "$TMP/o"
# a short sheet whose titles are not known (社区名称, 楼宇): the one known
grid-import data/one-field.csv; echo "exit $?"
# the same with its title given to the field (aliases:): read
grid-import -c data/one-field.yaml --level building data/one-field.csv | cut -f1,3,5
