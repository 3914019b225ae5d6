/*
 * libFuzzer target: the CSV and JSON writers' vector paths (lib/wr_line.c)
 * against the byte-by-byte references of tests/unit/wr_ref.h.  The input
 * is one field (in an allocation of its own size, so that reading past it
 * shows), then, cut at its TABs, the fields of a TSV line in a buffer
 * padded as the reader's is: the line's CSV and JSON, made in one pass
 * over it (with AVX-512 too, where the processor has it), must equal
 * those made field by field and the references.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/wr_int.h"
#include "tests/unit/wr_ref.h"
#include "tests/fuzz/fuzz.h"

#define MAXF   64
#define PADDED 64

static int
same(const char *p, size_t n, const struct buf *b)
{
	return n == b->n && (n == 0 || memcmp(p, b->p, n) == 0);
}

static void
one_field(const uint8_t *data, size_t n, char *out)
{
	struct buf want = { 0 };
	char *s = malloc(n ? n : 1);

	memcpy(s, data, n);
	ref_csv(&want, s, n);
	fuzz_check(same(out, wr_csv_to(out, s, n), &want));
	buf_reset(&want);
	ref_json(&want, s, n);
	fuzz_check(same(out, wr_json_to(out, s, n), &want));
	buf_free(&want);
	free(s);
}

/* The record's CSV and JSON, both ways, against the references. */
static void
one_line(const char *line, size_t n, const struct str *f, size_t nf, char *out)
{
	static const unsigned char types[] = { COL_AUTO, COL_STR, COL_NUM };
	struct str names[MAXF];
	unsigned char ty[MAXF];
	struct buf want = { 0 };
	struct wr *w;
	size_t i;

	for (i = 0; i < nf; i++) {
		names[i].p = "k";
		names[i].n = 1;
		/* without numeric columns for lines of even length (the
		 * AVX-512 JSON line of a record of strings) */
		ty[i] = types[n % 2 ? i % 3 : i % 2];
	}
	w = wr_open(FMT_JSON, nf, names, ty, 0);
	for (i = 0; i < nf; i++) {
		if (i > 0)
			buf_addc(&want, ',');
		ref_csv(&want, f[i].p, f[i].n);
	}
	fuzz_check(same(out,
	    (size_t)(wr_csv_tsvline(out, line, n, f, nf) - out), &want));
	fuzz_check(
	    same(out, (size_t)(wr_csv_line(out, f, nf, 0) - out), &want));
	buf_reset(&want);
	buf_addc(&want, '{');
	for (i = 0; i < nf; i++) {
		int kind = wr_json_kind(w, i, &f[i]);

		buf_adds(&want, i > 0 ? ",\"k\":" : "\"k\":");
		if (kind < 0)
			buf_adds(&want, "null");
		else if (kind > 0)
			buf_add(&want, f[i].p, f[i].n);
		else {
			buf_addc(&want, '"');
			ref_json(&want, f[i].p, f[i].n);
			buf_addc(&want, '"');
		}
	}
	buf_addc(&want, '}');
	fuzz_check(
	    same(out, (size_t)(wr_json_line(w, out, f, line, n) - out), &want));
	fuzz_check(
	    same(out, (size_t)(wr_json_line(w, out, f, NULL, 0) - out), &want));
#ifdef WR_AVX512
	if (wr_avx512()) /* (wr_csv_tsvline takes it by itself) */
		fuzz_check(same(out,
		    (size_t)(wr_json_line64(w, out, f, line, n) - out), &want));
#endif
	wr_close(w);
	buf_free(&want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str f[MAXF];
	char *out, *line;
	size_t i, nf = 0, start = 0;

	out = malloc(6 * size + 64 * MAXF + 64);
	one_field(data, size, out);
	/* as a plain TSV line: no LF, CR or backslash */
	if (memchr(data, '\n', size) || memchr(data, '\r', size) ||
	    memchr(data, '\\', size)) {
		free(out);
		return 0;
	}
	line = malloc(size + PADDED);
	memcpy(line, data, size);
	memset(line + size, '\t', PADDED);
	for (i = 0; i <= size && nf < MAXF; i++)
		if (i == size || line[i] == '\t') {
			f[nf].p = line + start;
			f[nf].n = i - start;
			nf++;
			start = i + 1;
		}
	if (f[nf - 1].p + f[nf - 1].n == line + size)
		one_line(line, size, f, nf, out);
	free(line);
	free(out);
	return 0;
}
