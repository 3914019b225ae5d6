#!/usr/bin/env python3
"""mkbook.py DIR: the workbooks of zhili's golden tests, written part by
part (the XML by hand, zipped with the standard library: no other writer
decides what goes in), each showing one thing a reader of .xlsx must do:

  types.xlsx     shared strings (rich text runs, phonetic runs left out,
                 _x000D_ escapes), inline strings, numbers (general format:
                 no ".0", no exponent, 15 significant digits), booleans,
                 errors, formula results, dates by built-in and custom
                 formats, times, cells skipped (gaps), merged cells, empty
                 rows and columns at the end, the x: namespace prefix
  d1904.xlsx     the 1904 date system
  serial60.xlsx  serials 59, 60 (1900-02-29, which Excel counts), 61
  sheets.xlsx    three sheets, in an order other than their parts' names
  longid.xlsx    an 18-digit ID number typed as a number
  macros.xlsm, links.xlsx   with a VBA project, with an external link
  notbook.zip, ods.ods, xlsb.xlsb, badxml.xlsx, badsst.xlsx, truncated.xlsx,
  encrypted.xlsx (an OLE2 container named as Office names an encrypted
  package: a stand-in, not a real encrypted workbook), bomb.xlsx (a sheet
  that inflates past 100 MiB)
"""
import os
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1"
Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    s = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rIdS{i + 1}"/>'
                for i, (n, _) in enumerate(sheets))
    return f'<?xml version="1.0"?><workbook {NS} {RNS}>{pr}<sheets>{s}</sheets></workbook>'


def wb_rels(sheets, extra=""):
    s = "".join(f'<Relationship Id="rIdS{i + 1}" Type="{REL}/worksheet" '
                f'Target="worksheets/{p}"/>' for i, (_, p) in enumerate(sheets))
    return (f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{s}'
            f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rIdY" Type="{REL}/styles" Target="/xl/styles.xml"/>'
            f'{extra}</Relationships>')


STYLES = f"""<?xml version="1.0"?><styleSheet {NS}><numFmts count="4">
<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/>
<numFmt numFmtId="166" formatCode="[h]:mm:ss"/>
<numFmt numFmtId="167" formatCode="[$-804]yyyy/m/d\\ h:mm;@"/>
</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/>
<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="166"/>
<xf numFmtId="167"/></cellXfs></styleSheet>"""


def sst(strings):
    return (f'<?xml version="1.0"?><sst {NS} count="{len(strings)}">'
            + "".join(f"<si>{s}</si>" if s.startswith("<") else
                      f"<si><t>{s}</t></si>" for s in strings) + "</sst>")


def sheet(rows, tail="", prefix=""):
    x = prefix + ":" if prefix else ""
    ns = NS.replace("xmlns=", f"xmlns:{prefix}=") if prefix else NS
    out = []
    for r in rows:
        out.append(r.replace("<", "<" + x).replace("<" + x + "/", "</" + x)
                   if prefix else r)
    data = "".join(out)
    return (f'<?xml version="1.0"?><{x}worksheet {ns}><{x}sheetData>{data}'
            f'</{x}sheetData>{tail}</{x}worksheet>')


def save(path, sheets, strings, date1904=False, extra_parts=None,
         extra_rels=""):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook([(n, p) for n, p, _ in sheets],
                                                date1904))
        z.writestr("xl/_rels/workbook.xml.rels",
                   wb_rels([(n, p) for n, p, _ in sheets], extra_rels))
        z.writestr("xl/sharedStrings.xml", sst(strings))
        z.writestr("xl/styles.xml", STYLES)
        for _, p, xml in sheets:
            z.writestr("xl/worksheets/" + p, xml)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)


def c(ref, v, t=None, s=None):
    a = f' r="{ref}"' if ref else ""
    a += f' t="{t}"' if t else ""
    a += f' s="{s}"' if s is not None else ""
    return f"<c{a}><v>{v}</v></c>"


def types(d):
    strings = ["id", "kind", "value", "note",
               "<r><rPr><b/></rPr><t>富</t></r><r><t xml:space=\"preserve\">文本 run</t></r>",
               "<t>东园社区</t><rPh sb=\"0\" eb=\"2\"><t>ドンユエン</t></rPh>",
               "<t>line_x000D_\nbreak\ttab \\ back</t>", "<t>merged</t>"]
    S = lambda i: i  # noqa: E731
    rows = [
        '<row r="1">' + "".join(c(f"{col}1", S(i), "s") for i, col in
                                enumerate("ABCD")) + "</row>",
        '<row r="2">' + c("A2", 1) + c("B2", 4, "s") + c("C2", 5, "s") + "</row>",
        '<row r="3">' + c("A3", 2) + c("B3", 6, "s") +
        '<c r="C3" t="inlineStr"><is><r><t>inline </t></r><r><t>runs</t></r></is></c></row>',
        '<row r="4">' + c("A4", 3) + '<c r="B4" t="str"><f>1+1</f><v>2 as text</v></c>'
        + c("C4", 12.0) + c("D4", "3.2999999999999998") + "</row>",
        '<row r="5">' + c("A5", 4) + c("B5", "1E-3") + c("C5", "-1.5E+20")
        + c("D5", "0.30000000000000004") + "</row>",
        '<row r="6">' + c("A6", 5) + c("B6", 1, "b") + c("C6", 0, "b")
        + c("D6", "#N/A", "e") + "</row>",
        '<row r="7">' + c("A7", 6) + c("B7", 45356, s=1) + c("C7", "45356.598726851849", s=2)
        + c("D7", 45356, s=3) + "</row>",
        '<row r="8">' + c("A8", 7) + c("B8", 45356.5, s=4) + c("C8", "0.59930555555555554", s=5)
        + c("D8", "1.5", s=6) + "</row>",
        '<row r="9">' + c("A9", 8) + c("B9", "45356.25", s=7)
        + '<c r="C9" t="d"><v>2024-03-05T14:22:10.000Z</v></c></row>',
        # gaps: row 10 empty, cells B and C of row 11 skipped
        '<row r="11">' + c("A11", 9) + c("D11", "gap") .replace('<v>gap</v>', '<v>7</v>').replace('<c r="D11"', '<c r="D11" t="s"') + "</row>",
        # merged B12:C13: only B12 holds a value
        '<row r="12">' + c("A12", 10) + c("B12", 7, "s") + '<c r="C12" s="0"/></row>',
        '<row r="13">' + c("A13", 11) + '<c r="B13"/><c r="C13"/></row>',
        # cells without references: the next column, the next row
        "<row>" + c(None, 12) + c(None, "no ref") .replace("<v>no ref</v>", "<v>3</v>").replace("<c>", '<c t="s">') + "</row>",
        # styled empty cells and empty rows at the end
        '<row r="15"><c r="A15" s="1"/><c r="H15" s="2"/></row>',
        '<row r="20"/>',
    ]
    tail = '<mergeCells count="1"><mergeCell ref="B12:C13"/></mergeCells>'
    save(os.path.join(d, "types.xlsx"), [("类型", "sheet1.xml", sheet(rows, tail))], strings)
    save(os.path.join(d, "prefix.xlsx"), [("x", "sheet1.xml", sheet(rows[:3], "", "x"))], strings)


def dates(d):
    strings = ["serial", "date", "datetime"]
    hdr = '<row r="1">' + "".join(c(f"{col}1", i, "s") for i, col in enumerate("ABC")) + "</row>"
    rows = [hdr] + [f'<row r="{i + 2}">' + c(f"A{i + 2}", v) + c(f"B{i + 2}", v, s=1)
                    + c(f"C{i + 2}", v + 0.75, s=2) + "</row>"
                    for i, v in enumerate([0, 1, 59, 60, 61, 45356])]
    save(os.path.join(d, "serial60.xlsx"), [("S", "sheet1.xml", sheet(rows))], strings)
    save(os.path.join(d, "d1904.xlsx"), [("S", "sheet1.xml", sheet(rows))], strings, True)


def sheets(d):
    strings = ["sheet", "which"]
    mk = lambda w: sheet(['<row r="1">' + c("A1", 0, "s") + c("B1", 1, "s") + "</row>",  # noqa
                          f'<row r="2"><c r="A2" t="inlineStr"><is><t>{w}</t></is></c>'
                          + c("B2", len(w)) + "</row>"])
    save(os.path.join(d, "sheets.xlsx"),
         [("说明", "sheet3.xml", mk("notes")), ("案件", "sheet1.xml", mk("cases")),
          ("Sheet 3", "sheet2.xml", mk("third"))], strings)
    save(os.path.join(d, "longid.xlsx"), [("S", "sheet1.xml", sheet([
        '<row r="1">' + c("A1", 0, "s") + c("B1", 1, "s") + "</row>",
        '<row r="2">' + c("A2", "1.30802199001011E+17") + c("B2", 1) + "</row>",
        '<row r="3">' + c("A3", "130802199001011234") + c("B3", 2) + "</row>"]))], ["id", "n"])
    one = [("S", "sheet1.xml", sheet(['<row r="1">' + c("A1", 0, "s") + "</row>",
                                      '<row r="2">' + c("A2", 42) + "</row>"]))]
    save(os.path.join(d, "macros.xlsm"), one, ["value"],
         extra_parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not run"})
    save(os.path.join(d, "links.xlsx"), one, ["value"],
         extra_parts={"xl/externalLinks/externalLink1.xml": "<externalLink/>"})
    save(os.path.join(d, "badsst.xlsx"), [("S", "sheet1.xml", sheet(
        ['<row r="1">' + c("A1", 0, "s") + "</row>",
         '<row r="2">' + c("A2", 5, "s") + "</row>"]))], ["value"])
    save(os.path.join(d, "badxml.xlsx"), [("S", "sheet1.xml", sheet(
        ['<row r="1">' + c("A1", 0, "s") + "</row>", '<row r="2"><c r="A2"><v>1</c></row>']))],
         ["value"])


def bad(d):
    with zipfile.ZipFile(os.path.join(d, "notbook.zip"), "w") as z:
        z.writestr("readme.txt", "not a workbook")
    with zipfile.ZipFile(os.path.join(d, "ods.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(os.path.join(d, "xlsb.xlsb"), "w") as z:
        z.writestr("_rels/.rels", ROOT_RELS.replace("workbook.xml", "workbook.bin"))
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    types(d)
    whole = open(os.path.join(d, "types.xlsx"), "rb").read()
    open(os.path.join(d, "truncated.xlsx"), "wb").write(whole[:len(whole) // 2])
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016))
    for i, name in enumerate(["EncryptionInfo", "EncryptedPackage"]):
        ole += name.encode("utf-16-le").ljust(128, b"\0")
    open(os.path.join(d, "encrypted.xlsx"), "wb").write(bytes(ole))


def bomb(d):
    path = os.path.join(d, "bomb.xlsx")
    one = [("S", "sheet1.xml", "")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook([(n, p) for n, p, _ in one]))
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels([(n, p) for n, p, _ in one]))
        z.writestr("xl/sharedStrings.xml", sst(["value"]))
        z.writestr("xl/styles.xml", STYLES)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(f"<worksheet {NS}><sheetData>".encode())
            blank = b" " * (1 << 20)
            for _ in range(101):
                w.write(blank)
            w.write(b"</sheetData></worksheet>")


def wide(d):
    save(os.path.join(d, "wide.xlsx"), [("S", "sheet1.xml", sheet(
        ['<row r="1">' + c("A1", 0, "s") + c("B1", 1, "s") + "</row>",
         '<row r="2">' + c("A2", 1) + c("B2", 2) + "</row>",
         '<row r="3">' + c("A3", 3) + c("B3", 4) + c("D3", 2, "s") + "</row>",
         '<row r="4">' + c("B4", 5) + "</row>"]))], ["a", "b", "stray\\note"])


def main():
    """mkbook.py DIR [GROUP...]: the groups named (types, dates, sheets,
    bad, bomb, wide), or all."""
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    groups = {"types": types, "dates": dates, "sheets": sheets, "bad": bad,
              "bomb": bomb, "wide": wide}
    for g in sys.argv[2:] or groups:
        groups[g](d)


if __name__ == "__main__":
    main()
