#!/bin/sh
# screenshot.sh: docs/report.png, the top of the monthly report of the
# example data (zhili-report --month 2025-12) as headless Chromium shows
# it, for the README.  make screenshot runs it after building; it installs
# Debian's chromium and the Noto CJK fonts when they are missing.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
sh "$top/tools/deps.sh" chromium fonts-noto-cjk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
"$BUILD/bin/zhili-report" --month 2025-12 --no-progress --out "$work" \
	"$top/examples/data" 2>/dev/null || [ $? = 1 ]
mkdir -p "$top/docs"
# 900 CSS pixels wide (the page is 190 mm), the headline figures and the
# first charts; the run's own messages thrown away (D-Bus and the like)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--user-data-dir="$work/profile" --window-size=900,1900 \
	--screenshot="$top/docs/report.png" \
	"file://$work/zhili-report-2025-12/report.html" >/dev/null 2>&1
echo "screenshot: docs/report.png"
