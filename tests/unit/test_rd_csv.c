/*
 * Unit tests of the CSV reader's fast path (lib/rd_csvscan.c): which
 * records it takes, the fields it gives them, and that a record it leaves
 * to libcsv is left unread, with each of its scanners ($ZHILI_CSV_SCAN)
 * (tests/zhili-cat/csv-libcsv.sh and
 * tests/fuzz/fuzz_csvdiff.c compare what both read).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd_int.h"
#include "lib/rej.h"
#include "t.h"

static char tmpdir[] = "/tmp/zhili-test-rd-csv.XXXXXX";

/*
 * The record after the header "h1,h2" read by the fast path alone: RD_OK
 * with its fields joined by '|' in got, the lines it took in *lines;
 * RD_SLOW with nothing read.
 */
static int
fast(const char *rec, struct buf *got, long *lines)
{
	char path[300];
	char *files[1];
	struct rd_opts o = { 0 };
	struct rd *r;
	FILE *f;
	size_t i;
	unsigned long long pos;
	long line;
	int k;

	snprintf(path, sizeof path, "%s/in.csv", tmpdir);
	f = fopen(path, "wb");
	fprintf(f, "h1,h2\n%s", rec);
	fclose(f);
	files[0] = path;
	o.fmt = FMT_CSV;
	o.enc = ENC_UTF8;
	r = rd_open(1, files, &o);
	pos = r->base + r->pos; /* (the buffer may move) */
	line = r->line;
	k = rd_csv_fast(r);
	buf_reset(got);
	if (k == RD_OK)
		for (i = 0; i < r->fnf_rec; i++) {
			buf_add(got, "|", i > 0);
			buf_add(got, r->ff[i].p, r->ff[i].n);
		}
	*lines = r->line - line;
	if (k == RD_SLOW && (r->base + r->pos != pos || r->line != line))
		k = -1; /* something was read */
	rd_close(r);
	return k;
}

#define TAKES(rec, want, nlines)                    \
	do {                                        \
		long l_;                            \
		T_INT(fast(rec, &got, &l_), RD_OK); \
		T_STR(got.p ? got.p : "", want);    \
		T_INT(l_, nlines);                  \
	} while (0)
#define LEAVES(rec)                                   \
	do {                                          \
		long l_;                              \
		T_INT(fast(rec, &got, &l_), RD_SLOW); \
	} while (0)

/*
 * n bytes of x then tail; quoted (the x's in quotes, the closing one at
 * n): text after a closing quote at a block's last byte, a separator.
 */
static void
edge(struct buf *got, size_t n, const char *tail, const char *want, int k)
{
	char rec[300], w[300];
	long l;

	memset(rec, 'x', n);
	memset(w, 'x', n);
	strcpy(rec + n, tail);
	if (want != NULL)
		strcpy(w + n, want);
	T_INT(fast(rec, got, &l), k);
	if (want != NULL)
		T_STR(got->p ? got->p : "", w);
	rec[0] = '"';
	strcpy(rec + n - 1, "\"x\n");
	T_INT(fast(rec, got, &l), RD_SLOW);
	strcpy(rec + n - 1, "\",\n");
	T_INT(fast(rec, got, &l), RD_OK);
	strcpy(w + n - 2, "|");
	T_STR(got->p ? got->p : "", w);
}

static void
test_fast(void)
{
	struct buf got = { 0 };

	TAKES("1,2\n", "1|2", 1);
	TAKES("1,2", "1|2", 1);
	TAKES("1,2\r\n", "1|2", 1);
	TAKES(",,\n", "||", 1);
	TAKES("\"\"\n", "", 1);
	TAKES("\"x\",\"y\"\n", "x|y", 1);
	TAKES("\"a,b\",\"\"\"\"\n", "a,b|\"", 1);
	TAKES("\"a\"\"b\"\"\",c\r\n", "a\"b\"|c", 1);
	TAKES("\"two\nlines\",z\n", "two\nlines|z", 2);
	TAKES("\"cr\r\nlf\",\"\r\"\r\n", "cr\r\nlf|\r", 2);
	TAKES("\n\r\n1,2\n", "1|2", 3); /* blank lines before */
	TAKES("\xe7\xbd\x91,\"\xe6\xa0\xbc\"\n", "\xe7\xbd\x91|\xe6\xa0\xbc",
	    1);
	LEAVES("a\"b,c\n");    /* a quote in an unquoted field */
	LEAVES("\"a\"b,c\n");  /* text after a closing quote */
	LEAVES("\"a\" ,c\n");  /* a space after it */
	LEAVES(" \"a\",c\n");  /* a space before the opening quote */
	LEAVES("a\rb,c\n");    /* a CR outside quotes */
	LEAVES("a,\r\rb\n");   /* two */
	LEAVES("\"a\"\rb\n");  /* after a closing quote */
	LEAVES("\"open\n");    /* unterminated */
	LEAVES("\"open\nx\n"); /* unterminated, more lines */
	{
		long l;

		T_INT(fast("", &got, &l), RD_EOF);
	}
	/* the blocks' edges (64 bytes) */
	edge(&got, 63, ",\"q\"\n", "|q", RD_OK);
	edge(&got, 62, ",\"q\"\"\"\n", "|q\"", RD_OK);
	edge(&got, 64, "\"\n", NULL, RD_SLOW); /* a quote at a block's first
						   byte, in an unquoted field */
	edge(&got, 127, "\r\n", "", RD_OK);
	edge(&got, 127, "\r\r\n", NULL, RD_SLOW);
	buf_free(&got);
}

int
main(void)
{
	static const char *const scan[] = { "", "avx2", "sse2", "scalar" };
	size_t i;

	zl_init("zhili");
	rej_verbose(1);
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	for (i = 0; i < sizeof scan / sizeof *scan; i++) {
		setenv("ZHILI_CSV_SCAN", scan[i], 1);
		test_fast();
	}
	{
		char cmd[300];

		snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
		if (system(cmd) != 0)
			T_OK(0);
	}
	return t_done();
}
