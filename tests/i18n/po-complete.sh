# po/zh_CN.po translates every message of the sources (a template
# extracted afresh), none fuzzy, its printf conversions the msgids' own
# (msgfmt -c): a new message without a translation fails make check.
cd ../.. && sh tools/po-check.sh
