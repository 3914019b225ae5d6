# Members and units rows rejected, each reason; the --reject file holds
# them as read with the reason.  data/bad-members.csv: an empty
# member_id, an empty unit, registered_at 2025-13-01 and listed_at
# 2025-02-30 not dates, registered with no community (R4); R5's second
# row differs (registered 01-02): rejected; its third (Ｒ5 folded, the
# name trimmed, 2025/1/1 the same day) is merged.  R6, listed, not yet
# registered, has no community: used.  Units: an empty unit, registered_at
# someday, projects -1 and 1.5; U4's second row differs (3 projects), its
# third (２ folded, 2025年1月1日) is merged; U5 names only itself (0
# projects).  Used: R5, R6; U4 (2 projects), U5; 甲单位 named by members.
dual-report --max-rejected 100% --total --reject "$TMP/rej.csv" data/bad-members.csv data/bad-units.csv
echo "exit $?"
cat "$TMP/rej.csv"
dual-report --max-rejected 100% --report communities data/bad-members.csv data/bad-units.csv 2>/dev/null
# --strict: the first stops the run, nothing written.
dual-report --strict data/bad-members.csv data/bad-units.csv
echo "exit $?"
