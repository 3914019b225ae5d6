# -o xlsx as openpyxl reads it: one sheet, the header bold and frozen,
# the columns as wide as their content (CJK counted double, at most 60).
# Text: IDs with leading zeros, 18-digit ID numbers, phones, numbers
# beyond 15 digits, 1e5, -0; numbers only in the fields known to be
# numbers (hours: 3.50 with two decimals, -1.5 with one, 12 General);
# dates and times as Excel dates (yyyy-mm-dd, yyyy-mm-dd hh:mm:ss), but
# 2024-02-30, 1900-02-28 (before 1900-03-01), 2024-03-05T14:22:10 and
# 20240305 as text; empty cells empty.  Text that holds _xHHHH_ (Excel
# reads it as the character U+HHHH) has its '_' written _x005F_; control
# characters are written _x0001_ (libxlsxwriter).
zhili-cat -o xlsx data/xlsx-mix.csv > "$TMP/m.xlsx"; echo "exit $?"
../tools/xlsx-dump "$TMP/m.xlsx"
# --zh: the Chinese titles in the header
zhili-cat -o xlsx --zh -f 编号,服务时长 data/xlsx-mix.csv > "$TMP/zh.xlsx"
../tools/xlsx-dump "$TMP/zh.xlsx" | awk '$1 ~ /^([A-Z]+1|freeze|bold)$/'
