/*
 * libFuzzer target: the CSV reader against libcsv alone.  The reader
 * splits quote-free fields itself and gives libcsv only the rest of a line;
 * whenever it rejects nothing and libcsv (strict, spaces kept) parses the
 * whole input, both must give the same records.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "lib/rd.h"
#include "lib/rej.h"
#include "lib/utf8.h"
#include "lib/wr.h"
#include "tests/fuzz/fuzz.h"

static jmp_buf back;
static char path[64];

struct ref {
	struct buf out;
	int nf;
	int full;    /* a field of this row is not empty */
	size_t row;  /* where this row starts in out */
	size_t rows; /* rows so far */
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
cb1(void *p, size_t n, void *arg)
{
	struct ref *r = arg;

	if (r->nf == 0)
		r->row = r->out.n;
	r->full |= n > 0;
	fuzz_field(&r->out, r->nf++ == 0, p ? p : "", n);
}

static void
cb2(int c, void *arg)
{
	struct ref *r = arg;

	(void)c;
	buf_addc(&r->out, '\n');
	/* a row of empty fields below the header is a blank line to rd */
	if (r->rows++ > 0 && !r->full)
		r->out.n = r->row;
	r->nf = 0;
	r->full = 0;
	r->row = r->out.n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_parser p;
	struct ref ref = { { 0 }, 0, 0, 0, 0 };
	struct buf got = { 0 };
	struct rd_opts o = { 0 };
	unsigned long long before = rej_count();
	char *files[1];
	FILE *f;
	uint8_t *lf = NULL;
	int ok;

	if (path[0] == '\0') {
		snprintf(path, sizeof path, "/tmp/fuzz-csv-%d.in",
		    (int)getpid());
	}
	/* only UTF-8 with no BOM: the comparison is about CSV syntax */
	if (u8_valid((const char *)data, size) != size ||
	    (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
		return 0;
	f = fopen(path, "wb");
	fwrite(data, 1, size, f);
	fclose(f);

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_space_func(&p, no_space);
	/* CRs and no LF: rd reads old-Mac line ends, each CR as LF */
	if (size > 0 && memchr(data, '\r', size) != NULL &&
	    memchr(data, '\n', size) == NULL) {
		size_t i;

		lf = xmalloc(size);
		for (i = 0; i < size; i++)
			lf[i] = data[i] == '\r' ? '\n' : data[i];
		data = lf;
	}
	ok = csv_parse(&p, data, size, cb1, cb2, &ref) == size &&
	    csv_fini(&p, cb1, cb2, &ref) == 0;
	csv_free(&p);

	files[0] = path;
	o.fmt = FMT_CSV;
	o.enc = ENC_UTF8;
	if (ok && setjmp(back) == 0) {
		struct rd *r;
		struct rec *rec;
		size_t i;

		zl_at_end(fuzz_hook, &back);
		r = rd_open(1, files, &o);

		for (i = 0; i < rd_nfields(r); i++)
			fuzz_field(&got, i == 0, rd_names(r)[i].p,
			    rd_names(r)[i].n);
		if (rd_nfields(r) > 0)
			buf_addc(&got, '\n');
		while (rd_next(r, &rec)) {
			for (i = 0; i < rec->nf; i++)
				fuzz_field(&got, i == 0, rec->f[i].p,
				    rec->f[i].n);
			buf_addc(&got, '\n');
		}
		rd_close(r);
		if (rej_count() == before &&
		    (got.n != ref.out.n ||
			(got.n > 0 && memcmp(got.p, ref.out.p, got.n) != 0)))
			abort();
		zl_at_end_cancel(fuzz_hook, &back);
	}
	buf_free(&got);
	buf_free(&ref.out);
	free(lf);
	return 0;
}
