# Records that come round the volunteers in the order met, whose
# volunteer is guessed (the one after the last known) before it is looked
# up: each record of data/guess.tsv is 1 h 日常服务 (10.00) on a day of
# its own, so hours are the count of each id's records: V01 5 (Ｖ０１ on
# the last line, folded), V02 4, V03 3, V04 2 (met in the middle of a
# round), 12345678A 4 (twice in a row), 12345678B 3, 12345678 1 (the same
# first 8 bytes as the id expected next), VOLUNTEER-000001-X 2 (longer
# than 16 bytes: never guessed).  -j 2 gives the same.
volunteer-points --as-of 2025-12-31 --total data/guess.tsv > "$TMP/1"
volunteer-points -j 2 --as-of 2025-12-31 --total data/guess.tsv > "$TMP/2"
cmp "$TMP/1" "$TMP/2" && cat "$TMP/1"
