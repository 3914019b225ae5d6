/*
 * Unit tests of the reader's input layer (lib/rd_in.c): the encoding a
 * sample shows (rd_sniff_enc), old-Mac line ends, UTF-16 errors, the
 * progress through a workbook.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "lib/rd_int.h"
#include "lib/rej.h"
#include "t.h"

static char tmpdir[] = "/tmp/zhili-test-rd-in.XXXXXX";

/*
 * Read data as a file: its records as fields joined by '|', " @LINE" and
 * "\n" after each (the header first, without a line), into out; stderr
 * into err.
 */
static void
read_data(const char *data, size_t n, int enc, struct buf *out, struct buf *err)
{
	char path[300], epath[300], chunk[4096];
	char *files[1];
	struct rd_opts o = { 0 };
	struct rd *r;
	struct rec *rec;
	FILE *f;
	size_t i, k;
	int saved, t;

	snprintf(path, sizeof path, "%s/in", tmpdir);
	f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	snprintf(epath, sizeof epath, "%s/err", tmpdir);
	fflush(stderr);
	t = open(epath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	saved = dup(2);
	dup2(t, 2);
	close(t);
	files[0] = path;
	o.enc = enc;
	buf_reset(out);
	r = rd_open(1, files, &o);
	for (i = 0; i < rd_nfields(r); i++) {
		buf_add(out, i ? "|" : "", i ? 1 : 0);
		buf_add(out, rd_names(r)[i].p, rd_names(r)[i].n);
	}
	buf_adds(out, "\n");
	while (rd_next(r, &rec)) {
		for (i = 0; i < rec->nf; i++) {
			buf_add(out, i ? "|" : "", i ? 1 : 0);
			buf_add(out, rec->f[i].p, rec->f[i].n);
		}
		buf_printf(out, " @%ld\n", rec->line);
	}
	rd_close(r);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	buf_reset(err);
	f = fopen(epath, "rb");
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(err, chunk, k);
	fclose(f);
	buf_adds(err, "");
}

#define READ(data, want, wanterr)                                       \
	do {                                                            \
		read_data(data, sizeof data - 1, ENC_AUTO, &out, &err); \
		T_STR(out.p, want);                                     \
		T_STR(err.p, wanterr);                                  \
	} while (0)

/* rd_sniff_enc on hand-built samples. */
static void
test_sniff(void)
{
	/* 中文名称 in GBK */
	static const char gbk[] = "\xD6\xD0\xCE\xC4\xC3\xFB\xB3\xC6";
	struct buf b = { 0 };
	struct sniff sn;
	int i;

	/* BOMs, and a choice made */
	T_INT(rd_sniff_enc("\xEF\xBB\xBF\xEF\xBB\xBF"
			   "a",
		  7, 1, ENC_AUTO, &sn),
	    ENC_UTF8);
	T_INT(sn.skip, 6);
	T_INT(rd_sniff_enc("\xFF\xFE"
			   "a\0",
		  4, 1, ENC_GB18030, &sn),
	    ENC_UTF16LE);
	T_INT(sn.skip, 2);
	T_INT(rd_sniff_enc("\xFE\xFF\0a", 4, 1, ENC_AUTO, &sn), ENC_UTF16BE);
	T_INT(rd_sniff_enc(gbk, 8, 1, ENC_UTF8, &sn), ENC_UTF8);
	T_INT(sn.nbad, 0);
	/* pure GBK text: GB18030, the first byte is not UTF-8 */
	for (i = 0; i < 200; i++)
		buf_printf(&b, "%d,%s,\xCB\xAB\xC2\xD0\n", i, gbk);
	T_INT(rd_sniff_enc(b.p, b.n, 1, ENC_AUTO, &sn), ENC_GB18030);
	T_INT(sn.bad, 2);
	T_OK(sn.nbad > 4 * sn.good);
	/* UTF-8 with one bad byte: UTF-8 */
	buf_reset(&b);
	buf_adds(&b, "id,name\n1,张三\n2,李\xFF四\n3,王五\n");
	T_INT(rd_sniff_enc(b.p, b.n, 1, ENC_AUTO, &sn), ENC_UTF8);
	T_INT(sn.nbad, 1);
	T_INT(sn.bad, 22);
	T_INT(sn.good, 6);
	/* a character cut short in the middle of a long file: UTF-8 */
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "%d,钢城街道%s\n", i,
		    i == 5000 ? "\xE5\x9C" : "");
	T_INT(rd_sniff_enc(b.p, b.n, 0, ENC_AUTO, &sn), ENC_UTF8);
	T_INT(sn.nbad, 2);
	T_OK(sn.bad > b.n / 3 && sn.bad < b.n * 2 / 3);
	/* a short GBK file whose one word is valid UTF-8 (十路): UTF-8, as
	 * ever; with a word that is not (中文): GB18030 */
	T_INT(rd_sniff_enc("id,name\n1,\xCA\xAE\xC2\xB7\n", 15, 1, ENC_AUTO,
		  &sn),
	    ENC_UTF8);
	T_INT(sn.nbad, 0);
	T_INT(rd_sniff_enc("id,name\n1,\xD6\xD0\xCE\xC4\n", 15, 1, ENC_AUTO,
		  &sn),
	    ENC_GB18030);
	T_INT(sn.bad, 10);
	/* a character cut short by the end of the sample is no evidence;
	 * by the end of the file it is */
	T_INT(rd_sniff_enc("a,\xE4\xB8", 4, 0, ENC_AUTO, &sn), ENC_UTF8);
	T_INT(sn.nbad, 0);
	T_INT(rd_sniff_enc("a,\xE4\xB8", 4, 1, ENC_AUTO, &sn), ENC_GB18030);
	T_INT(sn.nbad, 2);
	buf_free(&b);
}

/*
 * Old-Mac line ends: CR-only files read as with LF, in every encoding;
 * a CR that ends a read is decided by the byte after it.
 */
static void
test_cr(void)
{
	struct buf out = { 0 }, err = { 0 }, big = { 0 }, want = { 0 };
	/* "a\tb\r1\t中\r" in UTF-16LE and in GBK */
	static const char u16[] = "\xFF\xFE"
				  "a\0\t\0b\0\r\0"
				  "1\0\t\0-N\r\0";
	static const char gbk[] = "a,b\r1,\xD6\xD0\r2,\xCE\xC4";
	static const char bad[] = "a\tb\r1\t\xFF\r2\t\xFE\r3\tok\r";
	int i, crlf;

	READ("a\tb\r1\t2\r\r3\t4\r", "a|b\n1|2 @2\n3|4 @4\n", "");
	READ("a,b\r1,\"x\ry\"\r3,4", "a|b\n1|x\ny @2\n3|4 @4\n", "");
	/* CRLF files keep their CRs for the readers, as ever */
	READ("a,b\r\n1,\"x\ry\"\r\n", "a|b\n1|x\ry @2\n", "");
	READ(u16, "a|b\n1|中 @2\n", "");
	read_data(gbk, sizeof gbk - 1, ENC_GB18030, &out, &err);
	T_STR(out.p, "a|b\n1|中 @2\n2|文 @3\n");
	/* bad bytes on lines one after the other reject each its own
	 * record (fuzz_rd: the second was taken for the first's line) */
	read_data(bad, sizeof bad - 1, ENC_UTF8, &out, &err);
	T_STR(out.p, "a|b\n3|ok @4\n");
	read_data(bad, sizeof bad - 1, ENC_GB18030, &out, &err);
	T_STR(out.p, "a|b\n3|ok @4\n");
	/* the first read ends at byte 256 Ki - 1, a CR (then an LF) */
	for (crlf = 0; crlf < 2; crlf++) {
		buf_reset(&big);
		buf_reset(&want);
		buf_adds(&big, "aaaa\tbb\r");
		buf_adds(&want, "aaaa|bb\n");
		for (i = 1; i < 40000; i++) {
			buf_printf(&big, "%05d\tx\r", i);
			buf_printf(&want, "%05d|x @%d\n", i, i + 1);
			if (crlf && big.n == BUF_INIT)
				buf_addc(&big, '\n');
		}
		read_data(big.p, big.n, ENC_AUTO, &out, &err);
		T_STR(out.p, want.p);
		T_STR(err.p, "");
	}
	buf_free(&big);
	buf_free(&want);
	buf_free(&out);
	buf_free(&err);
}

/* UTF-16: a bad code unit rejects its record only, wherever it is. */
static void
test_utf16(void)
{
	struct buf out = { 0 }, err = { 0 };
	/* a\n1\n2<lone low surrogate>\n3\n, and the same with the file
	 * ending in a high surrogate, and in half a unit */
	static const char lone[] = "\xFF\xFE"
				   "a\0\n\0"
				   "1\0\n\0"
				   "2\0\x00\xDC\n\0"
				   "3\0\n\0";
	static const char high[] = "\xFF\xFE"
				   "a\0\n\0"
				   "1\0\n\0"
				   "2\0\x3D\xD8";
	static const char half[] = "\xFE\xFF"
				   "\0a\0\n"
				   "\0"
				   "1\0\n"
				   "\0"
				   "2\0";

	read_data(lone, sizeof lone - 1, ENC_AUTO, &out, &err);
	T_STR(out.p, "a\n1 @2\n3 @4\n");
	T_OK(strstr(err.p, "in:3: invalid UTF-16 (code unit 0xDC00)") != NULL);
	read_data(high, sizeof high - 1, ENC_AUTO, &out, &err);
	T_STR(out.p, "a\n1 @2\n");
	T_OK(strstr(err.p, "in:3: invalid UTF-16 (code unit 0xD83D)") != NULL);
	read_data(half, sizeof half - 1, ENC_AUTO, &out, &err);
	T_STR(out.p, "a\n1 @2\n");
	T_OK(strstr(err.p, "in:3: invalid UTF-16 (code unit 0x") != NULL);
	buf_free(&out);
	buf_free(&err);
}

/* A workbook of rows rows of one cell (deflated) at path. */
static void
write_book(const char *path, int rows)
{
	static const char wb[] =
	    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"s\" "
	    "r:id=\"rId1\"/></sheets></workbook>";
	static const char rels[] =
	    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
	    "Target=\"worksheets/sheet1.xml\"/></Relationships>";
	struct buf sh = { 0 };
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
	int i;

	buf_adds(&sh, "<worksheet><sheetData>");
	for (i = 0; i < rows; i++)
		buf_printf(&sh,
		    "<row><c t=\"inlineStr\"><is><t>%d %x</t></is></c></row>",
		    i, (unsigned)i * 2654435761u);
	buf_adds(&sh, "</sheetData></worksheet>");
	zip_file_add(z, "xl/workbook.xml",
	    zip_source_buffer(z, wb, sizeof wb - 1, 0), 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels",
	    zip_source_buffer(z, rels, sizeof rels - 1, 0), 0);
	zip_file_add(z, "xl/worksheets/sheet1.xml",
	    zip_source_buffer(z, sh.p, sh.n, 0), 0);
	T_INT(zip_close(z), 0);
	buf_free(&sh);
}

/* The bytes read of a workbook, for --progress: as much of the file as
 * the sheet read, not the lines made of it (they were: 100% at once). */
static void
test_progress(void)
{
	char path[300];
	char *files[2];
	struct rd_opts o = { 0 };
	struct rd *r;
	struct rec *rec;
	unsigned long long first;
	long n = 0;

	snprintf(path, sizeof path, "%s/book.xlsx", tmpdir);
	write_book(path, 40000);
	files[0] = path;
	files[1] = path;
	r = rd_open(2, files, &o);
	T_OK(rd_next(r, &rec));
	first = r->done_bytes;
	T_OK(first > 0 && first < r->total_bytes / 2 / 2);
	/* each file: a header and 39999 records */
	while (rd_next(r, &rec))
		if (++n == 39999) /* the second file's first */
			T_OK(r->done_bytes > r->total_bytes / 2 &&
			    r->done_bytes < r->total_bytes / 2 + first + 1);
	T_INT(n, 2 * 39999 - 1);
	T_INT(r->done_bytes, r->total_bytes);
	rd_close(r);
}

/* A progress line is due a whole second after the last one, not at the
 * turn of the clock's second (5.999 s to 6.001 s printed a line: an
 * extra "0.0%" line on a short run that crossed it). */
static void
test_progress_due(void)
{
	struct timespec a = { 5, 999000000 }, b = { 6, 1000000 };

	T_INT(rd_progress_due(&a, &b), 0);
	b.tv_sec = 6;
	b.tv_nsec = 998999999;
	T_INT(rd_progress_due(&a, &b), 0);
	b.tv_nsec = 999000000;
	T_INT(rd_progress_due(&a, &b), 1);
	b.tv_sec = 9;
	b.tv_nsec = 0;
	T_INT(rd_progress_due(&a, &b), 1);
	a.tv_nsec = 0;
	b.tv_sec = 5;
	b.tv_nsec = 999999999;
	T_INT(rd_progress_due(&a, &b), 0);
}

int
main(void)
{
	zl_init("zhili");
	rej_verbose(1);
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_sniff();
	test_cr();
	test_utf16();
	test_progress();
	test_progress_due();
	{
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			T_OK(0);
	}
	return t_done();
}
