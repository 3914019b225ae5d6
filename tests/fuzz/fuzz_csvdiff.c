/*
 * libFuzzer target: the CSV reader's fast path (lib/rd_csvscan.c) against
 * libcsv (lib/rd_csv.c, $ZHILI_CSV_LIBCSV).  The same bytes are read as
 * CSV by both, with the options the first byte picks (encoding, a header
 * or none, the header under title rows, the fast path's scanner); both must
 * give the same records (line, raw bytes, fields) and the same messages on
 * stderr (every rejection's, and a fatal error's), in the same order.  The
 * TSV line the fast path makes of a record (rec.tsv) must be its fields.
 * The first byte may also say that the program reads only the first one
 * or two fields (rd_fields_upto): those are compared, the others not.
 */
#include <sys/mman.h>

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd.h"
#include "lib/rej.h"
#include "lib/wr.h"
#include "tests/fuzz/fuzz.h"

static jmp_buf back;
static char path[64];
static int fd_in = -1, fd_err = -1;

/*
 * The TSV line a reader made of a record (rec.tsv), when it made one: its
 * fields, in order, lying in it, separated by TABs, none holding a byte
 * TSV escapes.
 */
static void
check_tsv(const struct rec *rec)
{
	const char *p = rec->tsv.p;
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < rec->nf; i++) {
		if (rec->f[i].p != p)
			abort();
		for (j = 0; j < rec->f[i].n; j++)
			if (strchr("\t\n\r\\", p[j]) != NULL)
				abort();
		p += rec->f[i].n;
		if (i + 1 < rec->nf && *p++ != '\t')
			abort();
	}
	if (p != rec->tsv.p + rec->tsv.n)
		abort();
}

/* Read the input as CSV into b: the header, then each record's line, raw
 * bytes and fields. */
static void
read_csv(int enc, int noheader, const char *const *need, size_t upto,
    struct buf *b)
{
	struct rd_opts o = { 0 };
	char *files[1];
	struct rd *r;
	struct rec *rec;
	size_t i;

	files[0] = path;
	o.fmt = FMT_CSV;
	o.enc = enc;
	o.noheader = noheader;
	o.need = need;
	r = rd_open(1, files, &o);
	for (i = 0; i < rd_nfields(r); i++)
		fuzz_field(b, i == 0, rd_names(r)[i].p, rd_names(r)[i].n);
	buf_printf(b, "\n@%ld\n", rd_header_line(r));
	rd_fields_upto(r, upto);
	while (rd_next(r, &rec)) {
		check_tsv(rec);
		buf_printf(b, "%ld:", rec->line);
		fuzz_field(b, 1, rec->raw.p, rec->raw.n);
		buf_addc(b, '\n');
		for (i = 0; i < rec->nf; i++)
			fuzz_field(b, i == 0, rec->f[i].p,
			    upto == 0 || i < upto ? rec->f[i].n : 0);
		buf_addc(b, '\n');
	}
	rd_close(r);
}

/* One reading, libcsv alone or not: records into out, stderr into err. */
static void
one(int lib, int sel, struct buf *out, struct buf *err)
{
	static const int encs[] = { ENC_AUTO, ENC_UTF8, ENC_GB18030 };
	static const char *const need[] = { "id", "a|b", NULL };
	static const char *const scan[] = { "avx2", "sse2", "scalar", "",
		"avx512" };
	int saved = dup(2);
	off_t n;

	setenv("ZHILI_CSV_SCAN", scan[(sel >> 4) % 5], 1);
	if (lib)
		setenv("ZHILI_CSV_LIBCSV", "1", 1);
	else
		unsetenv("ZHILI_CSV_LIBCSV");
	fuzz_put(fd_err, "", 0);
	lseek(fd_err, 0, SEEK_SET);
	fflush(stderr);
	dup2(fd_err, 2);
	if (setjmp(back) == 0) {
		zl_at_end(fuzz_hook, &back);
		read_csv(encs[sel % 3], sel & 4, sel & 8 ? need : NULL,
		    (size_t)((sel >> 4) / 5), out);
		zl_at_end_cancel(fuzz_hook, &back);
	} else
		buf_adds(out, "(fatal)\n");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = lseek(fd_err, 0, SEEK_END);
	buf_grow(err, (size_t)n + 1);
	if (n > 0 && pread(fd_err, err->p, (size_t)n, 0) != n)
		abort();
	err->n = (size_t)n;
	unsetenv("ZHILI_CSV_LIBCSV");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf a = { 0 }, b = { 0 }, ea = { 0 }, eb = { 0 };

	if (size < 1)
		return 0;
	if (fd_in < 0) {
		fd_in = fuzz_memfile("fuzz-csvdiff", path, sizeof path);
		fd_err = fuzz_memfile("fuzz-csvdiff-err", NULL, 0);
		rej_verbose(1);
	}
	fuzz_put(fd_in, data + 1, size - 1);
	one(0, data[0], &a, &ea);
	one(1, data[0], &b, &eb);
	if (a.n != b.n || (a.n > 0 && memcmp(a.p, b.p, a.n) != 0) ||
	    ea.n != eb.n || (ea.n > 0 && memcmp(ea.p, eb.p, ea.n) != 0)) {
		fprintf(stderr, "fast:\n%.*s%.*slibcsv:\n%.*s%.*s", (int)a.n,
		    a.p ? a.p : "", (int)ea.n, ea.p ? ea.p : "", (int)b.n,
		    b.p ? b.p : "", (int)eb.n, eb.p ? eb.p : "");
		abort();
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&ea);
	buf_free(&eb);
	return 0;
}
