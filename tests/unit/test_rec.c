/*
 * Unit tests of the record layer: readers (TSV, CSV, encodings, limits)
 * and writers (tsv, csv, json, table, md, xlsx), display width, UTF-8.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/out.h"
#include "lib/rd.h"
#include "lib/rej.h"
#include "lib/utf8.h"
#include "lib/wr.h"
#include "t.h"

static char tmpdir[] = "/tmp/zhili-test-rec.XXXXXX";
static int nfile;

/* Write data to a new file in tmpdir; returns its path (static). */
static const char *
file_of(const char *data, size_t n)
{
	static char path[4][256];
	char *p = path[nfile % 4];
	FILE *f;

	snprintf(p, 256, "%s/in%d", tmpdir, nfile++);
	f = fopen(p, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	return p;
}

/* Run fn with fd (1 or 2) going to a file; the bytes written, in out. */
static void
capture_begin(int fd, int *saved)
{
	char path[300];
	int t;

	fflush(fd == 1 ? stdout : stderr);
	snprintf(path, sizeof path, "%s/cap%d", tmpdir, fd);
	t = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	*saved = dup(fd);
	dup2(t, fd);
	close(t);
}

static void
capture_end(int fd, int saved, struct buf *out)
{
	char path[300], chunk[4096];
	FILE *f;
	size_t k;

	if (fd == 1)
		out_flush();
	fflush(fd == 1 ? stdout : stderr);
	dup2(saved, fd);
	close(saved);
	snprintf(path, sizeof path, "%s/cap%d", tmpdir, fd);
	f = fopen(path, "rb");
	buf_reset(out);
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(out, chunk, k);
	fclose(f);
	if (out->p == NULL)
		buf_adds(out, "");
}

/*
 * Read the files and render every record as fields joined by '|' with
 * "\n" after each; control characters shown as <HH>.  Messages on stderr
 * are returned in err.
 */
static void
read_files(int nf, char **files, int fmt, int enc, struct buf *out,
    struct buf *err)
{
	struct rd_opts o = { 0 };
	struct rd *r;
	struct rec *rec;
	int saved;
	size_t i, j;

	o.fmt = fmt;
	o.enc = enc;
	buf_reset(out);
	capture_begin(2, &saved);
	r = rd_open(nf, files, &o);
	for (i = 0; i < rd_nfields(r); i++) {
		buf_add(out, i ? "|" : "", i ? 1 : 0);
		buf_add(out, rd_names(r)[i].p, rd_names(r)[i].n);
	}
	buf_adds(out, "\n");
	while (rd_next(r, &rec)) {
		for (i = 0; i < rec->nf; i++) {
			if (i)
				buf_addc(out, '|');
			for (j = 0; j < rec->f[i].n; j++) {
				unsigned char c = (unsigned char)rec->f[i].p[j];

				if (c < 0x20)
					buf_printf(out, "<%02X>", c);
				else
					buf_addc(out, (char)c);
			}
		}
		buf_printf(out, " @%ld\n", rec->line);
	}
	rd_close(r);
	capture_end(2, saved, err);
}

static void
read1(const char *data, size_t n, int fmt, int enc, struct buf *out,
    struct buf *err)
{
	char *files[1];

	files[0] = (char *)file_of(data, n);
	read_files(1, files, fmt, enc, out, err);
}

#define READ(data, want)                                                      \
	do {                                                                  \
		read1(data, sizeof data - 1, FMT_AUTO, ENC_AUTO, &out, &err); \
		T_STR(out.p, want);                                           \
		T_STR(err.p, "");                                             \
	} while (0)

#define READ_ERR(data, want, wanterr)                                         \
	do {                                                                  \
		read1(data, sizeof data - 1, FMT_AUTO, ENC_AUTO, &out, &err); \
		T_STR(out.p, want);                                           \
		T_OK(strstr(err.p, wanterr) != NULL);                         \
		if (strstr(err.p, wanterr) == NULL)                           \
			printf("    stderr: %s", err.p);                      \
	} while (0)

static void
test_csv(void)
{
	struct buf out = { 0 }, err = { 0 };

	READ("a,b,c\n1,\"x, y\",3\n", "a|b|c\n1|x, y|3 @2\n");
	READ("a,b\n\"say \"\"hi\"\"\",2\n", "a|b\nsay \"hi\"|2 @2\n");
	READ("a,b\n\"two\nlines\",2\n3,4\n",
	    "a|b\ntwo<0A>lines|2 @2\n3|4 @4\n");
	READ("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n",
	    "a|b\n1|2 @2\nx<0D><0A>y|3 @3\n");
	READ("\xEF\xBB\xBF"
	     "a,b\n1,2\n",
	    "a|b\n1|2 @2\n");
	/* a row of only separators (Excel, below a table) is a blank line */
	READ("a,b,c\n,,\n1,,\n,,,,\n", "a|b|c\n1|| @3\n");
	READ("a,b\n  spaced  , x\n", "a|b\n  spaced  | x @2\n");
	READ("a,b\n\n1,2\n\n\n3,4", "a|b\n1|2 @3\n3|4 @6\n");
	READ("a,b\n\"\",\"\"\n", "a|b\n");
	READ("a,b\n1,\"quoted at end\"", "a|b\n1|quoted at end @2\n");
	READ_ERR("a,b\n1,2,3\n4,5\n", "a|b\n4|5 @3\n",
	    ":2: 3 fields, the header has 2");
	READ_ERR("a,b\n1\n4,5\n", "a|b\n4|5 @3\n",
	    ":2: 1 fields, the header has 2");
	READ_ERR("a,b\n1,\"open\n2,3\n", "a|b\n",
	    ":2: CSV: unterminated quoted field");
	READ_ERR("a,b\n1,x\"y\n2,3\n", "a|b\n2|3 @3\n",
	    ":2: CSV: quote inside an unquoted field (column 4)");
	READ_ERR("a,b\n\"x\"y,1\n2,3\n", "a|b\n2|3 @3\n",
	    ":2: CSV: text after a closing quote (column 4)");
	READ_ERR("a,b\n1,x\ry\n2,3\n", "a|b\n2|3 @3\n",
	    ":2: CSV: carriage return in an unquoted field");
	/* quote-free fields before a quoted one are split without libcsv */
	READ("a,b,c\n1,\"q\",3\n", "a|b|c\n1|q|3 @2\n");
	READ("a,b,c\n 1 , 2 ,\"x,y\"\n", "a|b|c\n 1 | 2 |x,y @2\n");
	READ("a,b,c\n1,,\"\"\n", "a|b|c\n1|| @2\n");
	READ_ERR("a,b,c\nxx,yy,z\"z\n4,5,6\n", "a|b|c\n4|5|6 @3\n",
	    ":2: CSV: quote inside an unquoted field (column 8)");
	READ_ERR("a,b,c\n1,2\r,\"x\"\n4,5,6\n", "a|b|c\n4|5|6 @3\n",
	    ":2: CSV: carriage return in an unquoted field");
	READ_ERR("a,b,c\n1,\r\"x\",3\n4,5,6\n", "a|b|c\n4|5|6 @3\n",
	    ":2: CSV: carriage return in an unquoted field");
	READ_ERR("a,b\n\"x\"\r\"y\"\n4,5\n", "a|b\n4|5 @3\n",
	    ":2: CSV: carriage return in an unquoted field");
	buf_free(&out);
	buf_free(&err);
}

/*
 * A lone CR in CSV.  libcsv ends a record at a CR outside quotes as at a
 * line end; the reader allows that only at the end of a line.  Inside
 * quotes a CR is data.
 */
static void
test_csv_cr(void)
{
	struct buf out = { 0 }, err = { 0 };

	READ("a,b\n\"x\ry\",2\n", "a|b\nx<0D>y|2 @2\n");
	READ("a,b\n\"x\ny\rz\",2\n3,4\n", "a|b\nx<0A>y<0D>z|2 @2\n3|4 @4\n");
	READ("a,b\r\n\"x\r\",2\r\n\"y\r\nz\",\"\r\"\r\n",
	    "a|b\nx<0D>|2 @2\ny<0D><0A>z|<0D> @3\n");
	READ("a,b\n\"x\ny\",2\r\n3,4\r\n", "a|b\nx<0A>y|2 @2\n3|4 @4\n");
	/* outside quotes: rejected, also when another quoted field opens */
	READ_ERR("a,b\n\"x\"\r\"y\nz\",2\n3,4\n", "a|b\n3|4 @4\n",
	    ":2: CSV: carriage return in an unquoted field");
	READ_ERR("a,b\n\"x\ny\"\r\"z\nw\",2\n3,4\n", "a|b\n3|4 @5\n",
	    ":2: CSV: carriage return in an unquoted field");
	READ_ERR("a,b\n\"x\ny\"\rz,2\n3,4\n", "a|b\n3|4 @4\n",
	    ":2: CSV: carriage return in an unquoted field");
	READ_ERR("a,b\n\"x\"\r\"y", "a|b\n",
	    ":2: CSV: unterminated quoted field");
	/*
	 * As libcsv reads them: CRs before a record's first byte, or after
	 * the one that ends it, are blank lines to it.
	 */
	READ("a,b\n\r\r\"x\",1\n", "a|b\nx|1 @2\n");
	READ("a,b\n1,\"x\"\r\r\n2,3\n", "a|b\n1|x @2\n2|3 @3\n");
	READ("a,b\n\"x\ny\",2\r\r\n3,4\n", "a|b\nx<0A>y|2 @2\n3|4 @4\n");
	READ("a,b\n\"x\",1\r\r", "a|b\nx|1 @2\n");
	buf_free(&out);
	buf_free(&err);
}

static void
test_tsv(void)
{
	struct buf out = { 0 }, err = { 0 };

	READ("a\tb\n1\t2\n", "a|b\n1|2 @2\n");
	READ("a\tb\n1\\t2\tx\\ny\n", "a|b\n1<09>2|x<0A>y @2\n");
	READ("a\tb\nc\\\\d\te\\rf\n", "a|b\nc\\d|e<0D>f @2\n");
	/* an unknown escape keeps its backslash */
	READ("a\tb\nC:\\x\t\\\n", "a|b\nC:\\x|\\ @2\n");
	READ("a\tb\r\n1\t2\r\n\r\n3\t\r\n", "a|b\n1|2 @2\n3| @4\n");
	READ("a\tb\n \t \n", "a|b\n |  @2\n");
	READ("a\tb\n1\t2", "a|b\n1|2 @2\n");
	READ_ERR("a\tb\n1\t2\t3\n4\t5\n", "a|b\n4|5 @3\n",
	    ":2: 3 fields, the header has 2");
	/* a single column: no TAB, no comma */
	READ("name\n张三\n", "name\n张三 @2\n");
	buf_free(&out);
	buf_free(&err);
}

static void
test_encodings(void)
{
	struct buf out = { 0 }, err = { 0 };
	/* 名称,中文 in GBK */
	static const char gbk[] = "id,\xC3\xFB\xB3\xC6\n1,\xD6\xD0\xCE\xC4\n";
	static const char u16[] = "\xFF\xFE"
				  "a\0\t\0b\0\n\0"
				  "1\0\t\0-N\n\0";

	read1(gbk, sizeof gbk - 1, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "id|名称\n1|中文 @2\n");
	T_OK(strstr(err.p, "not valid UTF-8; reading the file as GB18030") !=
	    NULL);
	read1(gbk, sizeof gbk - 1, FMT_AUTO, ENC_GB18030, &out, &err);
	T_STR(out.p, "id|名称\n1|中文 @2\n");
	T_STR(err.p, "");
	/* CP936's euro sign 0x80 */
	read1("a\n\x80\n", 4, FMT_AUTO, ENC_GB18030, &out, &err);
	T_STR(out.p, "a\n\xE2\x82\xAC @2\n");
	/* UTF-16LE with BOM: "a\tb\n1\t中\n" */
	read1(u16, sizeof u16 - 1, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\n1|中 @2\n");
	T_STR(err.p, "");
	/* invalid UTF-8 after a valid start: that record is rejected */
	{
		struct buf big = { 0 };
		int i;

		buf_adds(&big, "a,b\n");
		for (i = 0; i < 20000; i++)
			buf_adds(&big, "1,中文中文中文中文中文\n");
		buf_adds(&big, "2,\xC3(bad\n3,ok\n");
		read1(big.p, big.n, FMT_AUTO, ENC_AUTO, &out, &err);
		T_OK(strstr(out.p, "|bad") == NULL);
		T_OK(strstr(out.p, "3|ok @20003\n") != NULL);
		T_OK(strncmp(err.p, "zhili: ", 7) == 0);
		T_OK(strstr(err.p,
			 ":20002: invalid UTF-8 (byte 0xC3 at "
			 "column 3)") != NULL);
		buf_free(&big);
	}
	/* with --encoding utf-8 nothing is guessed */
	read1("a,b\n1,\xB0\xA1\n2,x\n", 13, FMT_AUTO, ENC_UTF8, &out, &err);
	T_STR(out.p, "a|b\n2|x @3\n");
	T_OK(
	    strstr(err.p, ":2: invalid UTF-8 (byte 0xB0 at column 3)") != NULL);
	/* bytes that are not GB18030 either */
	read1("a,b\n1,\xFF\n2,x\n", 12, FMT_AUTO, ENC_GB18030, &out, &err);
	T_STR(out.p, "a|b\n2|x @3\n");
	T_OK(strstr(err.p, ":2: invalid GB18030 (byte 0xFF)") != NULL);
	buf_free(&out);
	buf_free(&err);
}

static void
test_files(void)
{
	struct buf out = { 0 }, err = { 0 };
	char *files[3];

	/* same fields in another order, another format: one stream */
	files[0] = xstrdup(file_of("id\tname\n1\ta\n", 12));
	files[1] = xstrdup(file_of("name,id\nb,2\n", 12));
	files[2] = xstrdup(file_of("", 0));
	read_files(3, files, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "id|name\n1|a @2\n2|b @2\n");
	T_STR(err.p, "");
	free(files[0]);
	free(files[1]);
	free(files[2]);
	buf_free(&out);
	buf_free(&err);
}

static void
test_limits(void)
{
	struct buf out = { 0 }, err = { 0 }, in = { 0 };
	size_t i;

	/* a field over 1 MiB */
	buf_adds(&in, "a\tb\n");
	for (i = 0; i < (1u << 20) + 1; i++)
		buf_addc(&in, 'x');
	buf_adds(&in, "\t1\nok\t2\n");
	read1(in.p, in.n, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\nok|2 @3\n");
	T_OK(strstr(err.p, ":2: field 1 is longer than 1 MiB") != NULL);
	/* the same in CSV, quoted */
	buf_reset(&in);
	buf_adds(&in, "a,b\n\"");
	for (i = 0; i < (1u << 20) + 1; i++)
		buf_addc(&in, 'x');
	buf_adds(&in, "\",1\nok,2\n");
	read1(in.p, in.n, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\nok|2 @3\n");
	T_OK(strstr(err.p, ":2: field 1 is longer than 1 MiB") != NULL);
	/* more than 10,000 fields */
	buf_reset(&in);
	buf_adds(&in, "a\tb\n");
	for (i = 0; i < 10001; i++)
		buf_adds(&in, "x\t");
	buf_adds(&in, "y\nok\t2\n");
	read1(in.p, in.n, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\nok|2 @3\n");
	T_OK(strstr(err.p, ":2: more than 10000 fields") != NULL);
	buf_reset(&in);
	buf_adds(&in, "a,b\n");
	for (i = 0; i < 10001; i++)
		buf_adds(&in, "x,");
	buf_adds(&in, "y\nok,2\n");
	read1(in.p, in.n, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\nok|2 @3\n");
	T_OK(strstr(err.p, ":2: more than 10000 fields") != NULL);
	/* a record over 16 MiB, in fields of under 1 MiB */
	buf_reset(&in);
	buf_adds(&in, "a\tb\n");
	for (i = 0; i < 17 * 1024; i++) {
		char kb[1025];

		memset(kb, 'y', 1023);
		kb[1023] = i % 1000 == 999 ? '\t' : 'z';
		kb[1024] = '\0';
		buf_adds(&in, kb);
	}
	buf_adds(&in, "\nok\t2\n");
	read1(in.p, in.n, FMT_AUTO, ENC_AUTO, &out, &err);
	T_STR(out.p, "a|b\nok|2 @3\n");
	T_OK(strstr(err.p, ":2: record is longer than 16 MiB") != NULL);
	buf_free(&in);
	buf_free(&out);
	buf_free(&err);
}

static void
write_all(int fmt, unsigned flags, size_t nf, const char **names,
    const unsigned char *types, const char **cells, size_t nrows,
    struct buf *out)
{
	struct str *n = xcalloc(nf, sizeof *n), *f = xcalloc(nf, sizeof *f);
	struct wr *w;
	size_t i, r;
	int saved;

	for (i = 0; i < nf; i++)
		n[i] = str_c(names[i]);
	capture_begin(1, &saved);
	w = wr_open(fmt, nf, n, types, flags);
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < nf; i++)
			f[i] = str_c(cells[r * nf + i]);
		wr_rec(w, f);
	}
	wr_close(w);
	capture_end(1, saved, out);
	free(n);
	free(f);
}

static void
test_writers(void)
{
	static const char *names[] = { "id", "名称", "note" };
	static const char *cells[] = {
		"1",
		"中文",
		"a, \"b\"",
		"22",
		"ab",
		"x\ty\nz\\",
		"-3.5",
		"",
		" lead",
		"007",
		"|pipe|",
		"\x1b[31m",
	};
	static const unsigned char types[] = { COL_NUM, COL_STR, COL_AUTO };
	struct buf out = { 0 };

	write_all(FMT_TSV, 0, 3, names, NULL, cells, 4, &out);
	T_STR(out.p,
	    "id\t名称\tnote\n"
	    "1\t中文\ta, \"b\"\n"
	    "22\tab\tx\\ty\\nz\\\\\n"
	    "-3.5\t\t lead\n"
	    "007\t|pipe|\t\x1b[31m\n");
	write_all(FMT_CSV, WR_BOM, 3, names, NULL, cells, 4, &out);
	T_STR(out.p,
	    "\xEF\xBB\xBFid,名称,note\n"
	    "1,中文,\"a, \"\"b\"\"\"\n"
	    "22,ab,\"x\ty\nz\\\"\n"
	    "-3.5,,\" lead\"\n"
	    "007,|pipe|,\x1b[31m\n");
	write_all(FMT_JSON, 0, 3, names, NULL, cells, 4, &out);
	T_STR(out.p,
	    "{\"id\":1,\"名称\":\"中文\",\"note\":\"a, \\\"b\\\"\"}\n"
	    "{\"id\":22,\"名称\":\"ab\",\"note\":\"x\\ty\\nz\\\\\"}\n"
	    "{\"id\":-3.5,\"名称\":\"\",\"note\":\" lead\"}\n"
	    "{\"id\":\"007\",\"名称\":\"|pipe|\",\"note\":"
	    "\"\\u001b[31m\"}\n");
	write_all(FMT_JSON, 0, 3, names, types, cells + 6, 2, &out);
	T_STR(out.p,
	    "{\"id\":-3.5,\"名称\":\"\",\"note\":\" lead\"}\n"
	    "{\"id\":\"007\",\"名称\":\"|pipe|\",\"note\":"
	    "\"\\u001b[31m\"}\n");
	write_all(FMT_TABLE, 0, 3, names, NULL, cells, 3, &out);
	T_STR(out.p,
	    "  id  名称  note\n"
	    "   1  中文  a, \"b\"\n"
	    "  22  ab    x\\ty\\nz\\\n"
	    "-3.5         lead\n");
	write_all(FMT_TABLE, 0, 3, names, NULL, cells + 9, 1, &out);
	T_STR(out.p,
	    "id   名称    note\n"
	    "007  |pipe|  \\x1b[31m\n");
	write_all(FMT_MD, 0, 3, names, types, cells, 4, &out);
	T_STR(out.p,
	    "| id | 名称 | note |\n"
	    "| ---: | --- | --- |\n"
	    "| 1 | 中文 | a, \"b\" |\n"
	    "| 22 | ab | x y<br>z\\\\ |\n"
	    "| -3.5 |  |  lead |\n"
	    "| 007 | \\|pipe\\| | \\x1B[31m |\n");
	buf_free(&out);
}

/* wr_refuse_terminal with a terminal (arg: its fd) on standard output. */
static void
refuse_on(const void *arg)
{
	dup2(*(const int *)arg, 1);
	wr_refuse_terminal(FMT_TSV);
	wr_refuse_terminal(FMT_XLSX);
}

/*
 * xlsx: never to a terminal (a pseudo-terminal here), to a pipe or file
 * a zip archive (its contents are checked by the golden tests, with
 * openpyxl).
 */
static void
test_xlsx(void)
{
	static const char *names[] = { "id", "n" };
	static const unsigned char types[] = { COL_STR, COL_NUM };
	static const char *cells[] = { "007", "1.50" };
	struct buf out = { 0 };
	int pty = posix_openpt(O_RDWR | O_NOCTTY), tty = -1, fd[2];

	if (pty >= 0 && grantpt(pty) == 0 && unlockpt(pty) == 0)
		tty = open(ptsname(pty), O_RDWR | O_NOCTTY);
	T_OK(tty >= 0);
	T_INT(wr_to_terminal(FMT_XLSX, tty), 1);
	T_INT(wr_to_terminal(FMT_TSV, tty), 0);
	T_INT(pipe(fd), 0);
	T_INT(wr_to_terminal(FMT_XLSX, fd[1]), 0);
	t_dies(__LINE__, refuse_on, &tty,
	    "zhili: -o xlsx writes a workbook, not text for a terminal: "
	    "redirect the output to a file (> file.xlsx)");
	close(fd[0]);
	close(fd[1]);
	close(tty);
	close(pty);
	write_all(FMT_XLSX, WR_BOM, 2, names, types, cells, 1, &out);
	T_OK(out.n > 4 && memcmp(out.p, "PK\3\4", 4) == 0);
	buf_free(&out);
}

static void
test_tsv_roundtrip(void)
{
	static const char *names[] = { "v" };
	static const char *cells[] = { "\t", "\n", "\r", "\\", "a\\tb", "\\\\n",
		"x\r\ny", "" };
	struct buf out = { 0 }, back = { 0 }, err = { 0 };

	write_all(FMT_TSV, 0, 1, names, NULL, cells, 8, &out);
	read1(out.p, out.n, FMT_TSV, ENC_AUTO, &back, &err);
	/* blank lines are skipped: the empty value does not come back */
	T_STR(back.p,
	    "v\n<09> @2\n<0A> @3\n<0D> @4\n\\ @5\na\\tb @6\n"
	    "\\\\n @7\nx<0D><0A>y @8\n");
	buf_free(&out);
	buf_free(&back);
	buf_free(&err);
}

static void
test_width(void)
{
	T_INT(u8_width("abc", 3), 3);
	T_INT(u8_width("中文abc", strlen("中文abc")), 7);
	T_INT(u8_width("网格03", strlen("网格03")), 6);
	T_INT(u8_width("，。", strlen("，。")), 4); /* full-width */
	T_INT(u8_width("\xE3\x80\x80", 3), 2);	    /* U+3000 */
	T_INT(u8_width("e\xCC\x81", 3), 1);	    /* e + U+0301 */
	T_INT(u8_width("\xF0\x9F\x98\x80", 4), 2);  /* emoji */
	T_INT(u8_width("\xF0\xA0\x82\x87", 4), 2);  /* U+20087 */
	T_INT(u8_width("ｱ", strlen("ｱ")), 1);	    /* half-width kana */
	T_INT(u8_width("…×“", strlen("…×“")), 3);   /* ambiguous */
}

static void
test_utf8(void)
{
	static const struct {
		const char *s;
		size_t valid;
	} cases[] = {
		{ "abc", 3 }, { "中文", 6 },
		{ "a\xC0\x80", 1 },	   /* overlong NUL */
		{ "a\xE0\x80\x80", 1 },	   /* overlong */
		{ "\xED\xA0\x80", 0 },	   /* surrogate */
		{ "\xF4\x90\x80\x80", 0 }, /* above U+10FFFF */
		{ "\xF0\x9F\x98\x80!", 5 }, { "ab\xE4\xB8", 2 }, /* cut short */
		{ "\xC1\xAA\xCD\xA8", 0 }, /* 联通 in GBK */
	};
	size_t i;
	char big[200];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		T_INT(u8_valid(cases[i].s, strlen(cases[i].s)), cases[i].valid);
	T_OK(u8_partial("\xE4\xB8", 2));
	T_OK(u8_partial("\xF0\x9F", 2));
	T_OK(!u8_partial("\xE4\x41", 2));
	T_OK(!u8_partial("\xED\xA0", 2));
	/* the vector paths: errors at every position of a long string */
	for (i = 0; i < 150; i++) {
		size_t j;

		for (j = 0; j + 3 <= sizeof big; j += 3)
			memcpy(big + j, "中", 3);
		big[i] = (char)0xFF;
		T_INT(u8_valid(big, 198), i / 3 * 3);
	}
	memset(big, 'a', sizeof big);
	memcpy(big + 100, "\xE4\xB8", 2);
	T_INT(u8_valid(big, sizeof big), 100);
	T_INT(u8_valid(big, 102), 100);
	memcpy(big + 100, "\xE4\xB8\xAD", 3);
	T_INT(u8_valid(big, sizeof big), sizeof big);
	/* u8_valid_text: a NUL ends it too, at every position, before and
	 * after an invalid byte, in short and long strings */
	T_INT(u8_valid_text("abc", 3), 3);
	T_INT(u8_valid_text("a\0b", 3), 1);
	T_INT(u8_valid_text("\xE4\0\xAD", 3), 0);
	for (i = 0; i < 198; i++) {
		size_t j;

		for (j = 0; j + 3 <= sizeof big; j += 3)
			memcpy(big + j, "中", 3);
		T_INT(u8_valid_text(big, 198), 198);
		big[i] = '\0';
		T_INT(u8_valid_text(big, 198), i / 3 * 3);
		T_INT(u8_valid_text(big, 99), i < 99 ? i / 3 * 3 : 99);
		big[i < 100 ? i + 90 : i - 90] = (char)0xFF;
		T_INT(u8_valid_text(big, 198), (i < 100 ? i : i - 90) / 3 * 3);
	}
	memset(big, 'a', sizeof big);
	big[150] = '\0';
	T_INT(u8_valid_text(big, sizeof big), 150);
	T_INT(u8_valid_text(big, 150), 150);
	memcpy(big + 148, "\xE4\xB8", 2);
	T_INT(u8_valid_text(big, sizeof big), 148);
}

/* The fields of a record joined by '|'. */
static void
joined(const struct rec *r, struct buf *b)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < r->nf; i++) {
		if (i > 0)
			buf_addc(b, '|');
		buf_add(b, r->f[i].p, r->f[i].n);
	}
	buf_addc(b, '\0');
}

/*
 * rd_reread: every record of regular UTF-8 TSV files read again by its
 * position, backwards (the window of the file moves), with escapes, a
 * BOM, CRLF, a last line without LF, blank lines, two files; records
 * elsewhere (CSV, GB18030, other orders of fields) have none, and the
 * reader says so before the first record (rd_by_pos).
 */
#define LIT(s) file_of(s, sizeof s - 1)

static void
test_reread(void)
{
	static const char a[] =
	    "\xEF\xBB\xBFid\tv\r\n1\tone\r\n\r\n2\tt\\two\r\n"
	    "3\t\xE4\xB8\x89\r\n";
	static const char b[] = "id\tv\n4\tfour\n5\tfive";
	char *files[3];
	char wants[8][32], path_a[256], path_b[256];
	long long pos[8];
	struct rd_opts o = { 0 };
	struct rd *r;
	struct rec *rec;
	struct buf j = { 0 };
	int n = 0, i;

	snprintf(path_a, sizeof path_a, "%s", file_of(a, sizeof a - 1));
	snprintf(path_b, sizeof path_b, "%s", file_of(b, sizeof b - 1));
	files[0] = path_a;
	files[1] = path_b;
	o.progress = 0;
	o.by_pos = 1;
	r = rd_open(2, files, &o);
	T_OK(rd_by_pos(r));
	T_OK(rd_again(r));
	while (rd_next(r, &rec) && n < 8) {
		T_OK(rec->pos >= 0);
		joined(rec, &j);
		snprintf(wants[n], sizeof wants[n], "%s", j.p);
		pos[n++] = rec->pos;
	}
	T_INT(n, 5);
	T_OK(pos[3] < pos[4] && pos[2] < pos[3]);
	for (i = n - 1; i >= 0; i--) {
		T_OK(rd_reread(r, pos[i], &rec) == 1);
		joined(rec, &j);
		T_MEM(j.p, strlen(j.p), wants[i]);
	}
	T_MEM(wants[1], strlen(wants[1]), "2|t\two");
	T_OK(rd_reread(r, pos[1] + 1, &rec) == 0 || rec->nf != 2 ||
	    strcmp(wants[1], "x") != 0); /* mid-line: no crash */
	T_INT(rd_reread(r, (long long)5 << 44, &rec), 0); /* no 6th file */
	T_INT(rd_reread(r, 0x7FFFFFFFFFFFFFFFLL, &rec), 0);
	T_INT(rd_reread(r, -1, &rec), 0);
	rd_close(r);

	/* a file cut short since: its last record is not there */
	r = rd_open(1, files + 1, &o);
	n = 0;
	while (rd_next(r, &rec) && n < 8)
		pos[n++] = rec->pos;
	T_INT(n, 2);
	T_OK(rd_unchanged(r));
	files[2] = (char *)LIT("id\tv\n4\tfour\n");
	rename(files[2], path_b);
	T_OK(!rd_unchanged(r));
	T_INT(rd_reread(r, pos[1], &rec), 0);
	T_INT(rd_reread(r, pos[0], &rec), 1);
	rd_close(r);

	/* no position: CSV, GB18030, another order of fields */
	files[0] = (char *)LIT("id,v\n1,one\n");
	r = rd_open(1, files, &o);
	T_OK(!rd_by_pos(r) && rd_again(r));
	T_OK(rd_next(r, &rec) && rec->pos == -1);
	rd_close(r);
	files[0] = (char *)LIT("id\tv\n1\t\xD6\xD0\n");
	o.quiet = 1; /* no notice of the encoding */
	r = rd_open(1, files, &o);
	T_OK(!rd_by_pos(r));
	T_OK(rd_next(r, &rec) && rec->pos == -1);
	rd_close(r);
	o.quiet = 0;
	files[0] = path_b;
	files[1] = (char *)LIT("v\tid\nsix\t6\n");
	r = rd_open(2, files, &o);
	T_OK(!rd_by_pos(r) && rd_again(r));
	T_OK(rd_next(r, &rec) && rec->pos == -1);
	T_OK(rd_next(r, &rec) && rec->pos == -1);
	joined(rec, &j);
	T_MEM(j.p, strlen(j.p), "6|six");
	rd_close(r);
	buf_free(&j);
}

/* u8_show: a value as a message shows it. */
static void
test_show(void)
{
	struct buf b = { 0 };

	u8_show(&b, "", 0, 10);
	T_STR(b.p, "");
	buf_free(&b);
	u8_show(&b, "a\tb\nc\rd\x01\x7F", 9, 60);
	T_STR(b.p, "a\\tb\\nc\\rd\\x01\\x7F");
	buf_reset(&b);
	/* cut after max characters, never inside one */
	u8_show(&b, "一二三四五", 15, 3);
	T_STR(b.p, "一二三...");
	buf_reset(&b);
	u8_show(&b, "一二三", 9, 3);
	T_STR(b.p, "一二三");
	buf_reset(&b);
	/* a byte that is not UTF-8, and a sequence cut short */
	u8_show(&b, "x\xFFy\xE4\xB8", 5, 60);
	T_STR(b.p, "x\\xFFy\\xE4\\xB8");
	buf_free(&b);
}

/* u8_distance, u8_nearest: names suggested for a slip. */
static void
test_nearest(void)
{
	static const char *const known[] = { "community", "办结数",
		"resolution_pct", "办结率(%)", "事件编号", NULL };

	T_INT(u8_distance("", ""), 0);
	T_INT(u8_distance("abc", "ABC"), 0);
	T_INT(u8_distance("ab", "ba"), 1);
	/* characters, not bytes: one Chinese character is one edit */
	T_INT(u8_distance("事件编码", "事件编号"), 1);
	T_INT(u8_distance("x\xFF", "x"), 1);
	T_STR(u8_nearest("comunity", known), "community");
	T_STR(u8_nearest("办结率", known), "办结率(%)");
	T_STR(u8_nearest("事件编码", known), "事件编号");
	T_OK(u8_nearest("工单号", known) == NULL);
	T_OK(u8_nearest("status", known) == NULL);
}

int
main(void)
{
	zl_init("zhili");
	/* every message checked is shown, however many came before it */
	rej_verbose(1);
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_csv();
	test_csv_cr();
	test_tsv();
	test_encodings();
	test_files();
	test_limits();
	test_writers();
	test_xlsx();
	test_tsv_roundtrip();
	test_width();
	test_utf8();
	test_show();
	test_nearest();
	test_reread();
	{
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			T_OK(0);
	}
	return t_done();
}
