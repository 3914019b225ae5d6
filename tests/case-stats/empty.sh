printf "case_id,reported_at,status\n" | case-stats -m total,closed,resolution_pct,hours_mean -o json
