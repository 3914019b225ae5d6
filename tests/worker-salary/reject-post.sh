# An unknown post is rejected: the nearest post when one is near, else
# the posts and where to add a synonym; an empty one.  副书记 is a
# synonym of 副职 (level 11: 2500).
{ worker-salary data/post.tsv; echo "exit $?" >&2; } | cut -f 1,4,5,7
# The advice followed: 保安 added to 工作人员's synonyms.
{ worker-salary -c data/post.yaml data/post.tsv 2>/dev/null; echo "exit $?" >&2; } | cut -f 1,4,5,7
