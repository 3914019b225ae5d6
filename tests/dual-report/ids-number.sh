# Member ids that are one prefix and a number of one width (N001 ...) are
# found by their number: an activity's id of another width (N3, N0003),
# another prefix (X001), a number with no member (N004, N999) is an
# unknown member; a full-width id (Ｎ００２) is folded first, and found.
cat > "$TMP/m.csv" << 'END'
member_id,name,unit,community,registered_at
N001,甲,区教育局,西地社区,2025-01-02
N002,乙,区教育局,西地社区,2025-01-02
N003,丙,区卫健局,元宝山社区,
N005,丁,区卫健局,元宝山社区,2025-01-02
END
cat > "$TMP/a.csv" << 'END'
member_id,date,activity,hours
N001,2025-02-01,义诊,1
Ｎ００２,2025-02-01,义诊,2
N3,2025-02-01,义诊,1
N0003,2025-02-01,义诊,1
X001,2025-02-01,义诊,1
N004,2025-02-01,义诊,1
N999,2025-02-01,义诊,1
N005,2025-02-02,普法,1.5
N003,2025-02-02,普法,1
END
cd "$TMP" && dual-report --max-rejected 100% --total m.csv a.csv
