/*
 * libFuzzer target for the .xlsx reader's XML: the input is the shared
 * strings, the styles and the sheet, separated by NUL bytes, parsed by
 * the code that parses them from a workbook's zip entries (rd_xlsx_mem).
 * Invariants: no crash; the lines made are valid UTF-8 with no CR, and no
 * line (row) is much over the record limit.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rd_int.h"
#include "lib/utf8.h"
#include "tests/fuzz/fuzz.h"

static jmp_buf back;

/* The part of [*p, end) before the next NUL (or the end); *p past it. */
static const char *
part(const char **p, const char *end, size_t *n)
{
	const char *s = *p, *z = memchr(s, '\0', (size_t)(end - s));

	*n = (size_t)((z != NULL ? z : end) - s);
	*p = z != NULL ? z + 1 : end;
	return s;
}

static void
check(const struct book *b)
{
	const char *s = b->tsv.p, *e;

	if (b->tsv.n == 0)
		return;
	e = s + b->tsv.n;
	if (u8_valid(s, b->tsv.n) != b->tsv.n || memchr(s, '\r', b->tsv.n))
		abort();
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));

		if (nl == NULL)
			nl = e;
		if ((size_t)(nl - s) > REC_MAX_RECORD + 2 * REC_MAX_FIELD)
			abort();
		s = nl + 1;
	}
}

/* Read book b from its three parts, each row checked; back here after a
 * fatal error (a frame of its own: nothing in it changes between setjmp
 * and longjmp). */
static void
read_book(struct book *b, const char *sst, size_t nsst, const char *sty,
    size_t nsty, const char *sh, size_t nsh)
{
	if (setjmp(back) == 0) {
		zl_at_end(fuzz_hook, &back);
		rd_xlsx_mem(b, sst, nsst, sty, nsty, sh, nsh);
		for (;;) {
			int more = b->more(b);

			check(b);
			buf_reset(&b->tsv);
			if (!more)
				break;
		}
		zl_at_end_cancel(fuzz_hook, &back);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *sst, *sty, *sh;
	size_t nsst, nsty, nsh;
	static struct book b;

	sst = part(&p, end, &nsst);
	sty = part(&p, end, &nsty);
	sh = part(&p, end, &nsh);
	memset(&b, 0, sizeof b);
	b.fname = "fuzz.xlsx";
	read_book(&b, sst, nsst, sty, nsty, sh, nsh);
	if (b.close != NULL)
		b.close(&b);
	buf_free(&b.tsv);
	buf_free(&b.tmp);
	return 0;
}
