# Member ids of 8 bytes or more, a prefix and a number of 8 digits or
# fewer (DY0000001 ..., 20250001 ...), are read 8 bytes at a time: an
# activity's id with another byte in the prefix (DX0000002, EY0000002),
# a byte beside the digits in the number (DY000000:, DY00000/2,
# 2025000A), another width (DY00000002), a number with no member
# (DY0000004) is an unknown member; DY0000002 and 20250002 are found.
cat > "$TMP/m.tsv" << 'END'
member_id	name	unit	community	registered_at
DY0000001	甲	区教育局	西地社区	2025-01-02
DY0000002	乙	区教育局	西地社区	2025-01-02
DY0000003	丙	区卫健局	元宝山社区	2025-01-02
END
cat > "$TMP/a.tsv" << 'END'
member_id	date	activity	hours
DY0000002	2025-02-01	义诊	1
DX0000002	2025-02-01	义诊	1
EY0000002	2025-02-01	义诊	1
DY000000:	2025-02-01	义诊	1
DY00000/2	2025-02-01	义诊	1
DY00000002	2025-02-01	义诊	1
DY0000004	2025-02-01	义诊	1
DY0000003	2025-02-02	普法	1.5
END
cat > "$TMP/m8.tsv" << 'END'
member_id	name	unit	community	registered_at
20250001	丁	区教育局	西地社区	2025-01-02
20250002	戊	区卫健局	元宝山社区	2025-01-02
END
cat > "$TMP/a8.tsv" << 'END'
member_id	date	activity	hours
20250002	2025-02-01	义诊	2
2025000A	2025-02-01	义诊	1
2025000:	2025-02-01	义诊	1
20250001	2025-02-03	普法	1
END
cd "$TMP" && dual-report --max-rejected 100% --total m.tsv a.tsv
echo "exit $?"
dual-report --max-rejected 100% --total m8.tsv a8.tsv
