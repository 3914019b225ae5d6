# Installed (make install PREFIX=...), zhili-report finds the programs
# beside it and, with no data folder named, the example data installed
# under PREFIX/share/zhili; its man page is there too.
top=$(cd ../.. && pwd)
make -s -C "$top" install PREFIX="$TMP/pfx" > /dev/null
PATH=/usr/bin:/bin "$TMP/pfx/bin/zhili-report" --month 2025-03 --no-charts --out "$TMP/o" 2>&1 |
	sed "s|$TMP|TMP|g"
sed -n '/^| 受理事件/p' "$TMP/o/zhili-report-2025-03/report.md"
ls "$TMP/pfx/share/man/man1/zhili-report.1" | sed "s|$TMP|TMP|"
