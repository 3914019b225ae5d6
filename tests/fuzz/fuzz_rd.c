/*
 * libFuzzer target for the record readers: any bytes, read as TSV or CSV
 * in any encoding, and with fields to find the header by under title
 * rows (rd_opts.need) or without.  Invariants: no crash; every record has as
 * many fields as the header; every field is valid UTF-8; the records written as
 * TSV and read back are the same records.
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
#include "lib/utf8.h"
#include "lib/wr.h"
#include "tests/fuzz/fuzz.h"

static jmp_buf back;
static char path[64], path2[64];
static int fd1 = -1, fd2 = -1;

/* Read file p; the records (header first) as escaped TSV into b. */
static int
read_tsv(const char *p, int fmt, int enc, const char *const *need,
    struct buf *b)
{
	struct rd_opts o = { 0 };
	char *files[1];
	struct rd *r;
	struct rec *rec;
	size_t i;

	files[0] = (char *)p;
	o.fmt = fmt;
	o.enc = enc;
	o.need = need;
	r = rd_open(1, files, &o);
	for (i = 0; i < rd_nfields(r); i++) {
		if (i)
			buf_addc(b, '\t');
		tsv_escape(b, rd_names(r)[i].p, rd_names(r)[i].n);
	}
	buf_addc(b, '\n');
	while (rd_next(r, &rec)) {
		if (rec->nf != rd_nfields(r))
			abort();
		for (i = 0; i < rec->nf; i++) {
			if (u8_valid(rec->f[i].p, rec->f[i].n) != rec->f[i].n)
				abort();
			if (i)
				buf_addc(b, '\t');
			tsv_escape(b, rec->f[i].p, rec->f[i].n);
		}
		buf_addc(b, '\n');
	}
	rd_close(r);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int fmts[] = { FMT_AUTO, FMT_TSV, FMT_CSV };
	static const int encs[] = { ENC_AUTO, ENC_UTF8, ENC_GB18030 };
	static const char *const need[] = { "id", "a|b", NULL };
	struct buf a = { 0 }, b = { 0 };
	int sel;

	if (size < 1)
		return 0;
	if (fd1 < 0) {
		fd1 = fuzz_memfile("fuzz-rd", path, sizeof path);
		fd2 = fuzz_memfile("fuzz-rd", path2, sizeof path2);
	}
	sel = data[0];
	fuzz_put(fd1, data + 1, size - 1);
	if (setjmp(back) == 0) {
		zl_at_end(fuzz_hook, &back);
		read_tsv(path, fmts[sel % 3], encs[(sel / 3) % 3],
		    sel & 0x80 ? need : NULL, &a);
		/*
		 * Rejected records are not written, so the TSV reads back
		 * the same, header and all, unless there was no header or
		 * it begins with what reads as a byte-order mark.
		 */
		if (a.n > 1 && a.p[0] != '\n' &&
		    memcmp(a.p, "\xEF\xBB\xBF", 3) != 0) {
			fuzz_put(fd2, a.p, a.n);
			read_tsv(path2, FMT_TSV, ENC_UTF8, NULL, &b);
			/* blank lines vanish: a record of one empty field */
			if (!(a.n == b.n && memcmp(a.p, b.p, a.n) == 0) &&
			    strstr(a.p, "\n\n") == NULL)
				abort();
		}
		zl_at_end_cancel(fuzz_hook, &back);
	}
	buf_free(&a);
	buf_free(&b);
	return 0;
}
