# Ids by number keep a member's registered_at in 16 bits (days after the
# first member's): members registered 65,535 days apart or more (1850,
# 2030) are found by the table instead.  Either way an activity before
# its member registered is early, one on the day is not, and every
# activity of a member not registered is early.
cat > "$TMP/m.csv" << 'END'
member_id,name,unit,community,registered_at
DY0000001,甲,区教育局,西地社区,1850-01-01
DY0000002,乙,区教育局,西地社区,2030-01-02
DY0000003,丙,区卫健局,元宝山社区,
END
cat > "$TMP/a.csv" << 'END'
member_id,date,activity,hours,solved
DY0000001,2029-12-31,义诊,1,1
DY0000002,2030-01-01,义诊,1,0
DY0000002,2030-01-02,普法,2,2
DY0000003,2030-01-02,普法,1.5,1
END
cd "$TMP" && dual-report --report members m.csv a.csv
sed 's/1850-01-01/2029-12-01/' m.csv > m2.csv
dual-report --report members m2.csv a.csv
