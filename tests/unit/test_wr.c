/*
 * Unit tests of lib/wr_line.c: the CSV and JSON escaping that looks at 16
 * or 32 bytes at a time, against references written here byte by byte
 * from the rules (RFC 4180 quoting as csv_quote documents it; JSON's
 * escapes as the writer has them).  Every special byte at every position
 * of fields of 0 to 70 bytes (so at 0, 15, 16, 31, 32 and the last byte
 * of fields of 15, 16, 17 and 33), then random fields; the paths for a
 * record's line (wr_csv_line, wr_csv_tsvline, wr_json_line, read past
 * the field in a padded buffer or not) against the same references.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/wr_int.h"
#include "tests/unit/t.h"
#include "tests/unit/wr_ref.h"

/* ---- one field ---- */

/* Is p[0, n) what b holds? */
static int
same(const char *p, size_t n, const struct buf *b)
{
	return n == b->n && (n == 0 || memcmp(p, b->p, n) == 0);
}

static char out[8192];

/* s[0, n) copied into an allocation of n bytes, so that reading past it
 * shows under ASan. */
static const char *
at_end(const char *s, size_t n)
{
	static char *p;
	static size_t cap;

	free(p);
	cap = n;
	p = xmalloc(cap ? cap : 1);
	memcpy(p, s, n);
	return p;
}

static int
same_field(const char *s, size_t n)
{
	struct buf want = { 0 }, got = { 0 };
	const char *e = at_end(s, n);
	int ok = 1;
	size_t k;

	ref_csv(&want, s, n);
	k = wr_csv_to(out, e, n);
	ok &= same(out, k, &want);
	csv_quote(&got, e, n);
	ok &= same(got.p, got.n, &want);
	buf_reset(&want);
	ref_json(&want, s, n);
	k = wr_json_to(out, e, n);
	ok &= same(out, k, &want);
	if (!ok) {
		printf("field of %zu bytes:", n);
		for (k = 0; k < n; k++)
			printf(" %02x", (unsigned char)s[k]);
		printf("\n");
	}
	buf_free(&want);
	buf_free(&got);
	return ok;
}

/* The bytes the writers treat, and some they must leave alone. */
static const char special[] = ",\"\n\r \t\\\x01\x1f\x7f\x80\xff\xe4\0";
#define NSPECIAL (sizeof special - 1)

static void
test_positions(void)
{
	char s[80];
	size_t n, p, k;
	int bad = 0;

	for (n = 0; n <= 70; n++)
		for (p = 0; p < n; p++)
			for (k = 0; k < NSPECIAL; k++) {
				memset(s, 'a', n);
				s[p] = special[k];
				bad += !same_field(s, n);
				/* and a quote at the end too */
				s[n - 1] = '"';
				bad += !same_field(s, n);
			}
	T_INT(bad, 0);
}

static uint64_t seed = 0x2545F4914F6CDD1DULL;

static unsigned
rnd(unsigned lim)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % lim);
}

/* Random bytes, special ones often. */
static void
random_field(char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = rnd(4) == 0 ? special[rnd(NSPECIAL)] :
				     (char)(rnd(3) ? 'a' + rnd(26) : rnd(256));
}

static void
test_random(void)
{
	char s[300];
	int i, bad = 0;

	for (i = 0; i < 20000; i++) {
		size_t n = rnd(i % 10 == 0 ? 300 : 40);

		random_field(s, n);
		bad += !same_field(s, n);
	}
	T_INT(bad, 0);
}

/* ---- a record's line ---- */

#define PADDED 64

/*
 * A random TSV line of nf fields without TAB, LF, CR or backslash (as a
 * plain record's), in a buffer with PADDED bytes after it (junk, TABs
 * among it): its fields in f, its length.
 */
static size_t
random_line(char *line, struct str *f, size_t nf)
{
	size_t i, j, n = 0;

	for (i = 0; i < nf; i++) {
		size_t k = rnd(5) == 0 ? rnd(60) : rnd(18);

		if (i > 0)
			line[n++] = '\t';
		f[i].p = line + n;
		f[i].n = k;
		for (j = 0; j < k; j++) {
			char c;

			do
				random_field(&c, 1);
			while (
			    c == '\t' || c == '\n' || c == '\r' || c == '\\');
			if (rnd(3) == 0) /* numbers for JSON */
				c = rnd(8) ? (char)('0' + rnd(10)) : '.';
			line[n++] = c;
		}
	}
	for (j = 0; j < PADDED; j++)
		line[n + j] = rnd(3) ? '\t' : ' ';
	return n;
}

/* The record as the references write it: CSV, or JSON with keys k0.. */
static void
ref_line(struct buf *b, const struct wr *w, const struct str *f, int json)
{
	size_t i;

	if (json)
		buf_addc(b, '{');
	for (i = 0; i < w->nf; i++) {
		int kind = json ? wr_json_kind(w, i, &f[i]) : 0;

		if (i > 0)
			buf_addc(b, ',');
		if (!json) {
			ref_csv(b, f[i].p, f[i].n);
			continue;
		}
		buf_printf(b, "\"k%zu\":", i);
		if (kind < 0)
			buf_adds(b, "null");
		else if (kind > 0)
			buf_add(b, f[i].p, f[i].n);
		else {
			buf_addc(b, '"');
			ref_json(b, f[i].p, f[i].n);
			buf_addc(b, '"');
		}
	}
	if (json)
		buf_addc(b, '}');
}

static void
test_lines(void)
{
	static const unsigned char types[] = { COL_AUTO, COL_STR, COL_NUM,
		COL_AUTO, COL_AUTO, COL_STR, COL_NUM, COL_AUTO };
	struct str names[8], f[8];
	char line[8 * 64 + PADDED], key[8][4];
	struct buf want = { 0 };
	int i, bad = 0;
	size_t j;

	for (j = 0; j < 8; j++) {
		snprintf(key[j], sizeof key[j], "k%zu", j);
		names[j].p = key[j];
		names[j].n = strlen(key[j]);
	}
	for (i = 0; i < 20000; i++) {
		size_t nf = 1 + rnd(8), n = random_line(line, f, nf);
		struct wr *w = wr_open(FMT_JSON, nf, names, types, 0);
		char *e;

		buf_reset(&want);
		ref_line(&want, w, f, 0);
		e = wr_csv_tsvline(out, line, n, f, nf);
		bad += !same(out, (size_t)(e - out), &want);
		e = wr_csv_line(out, f, nf, 1);
		bad += !same(out, (size_t)(e - out), &want);
		e = wr_csv_line(out, f, nf, 0);
		bad += !same(out, (size_t)(e - out), &want);
		buf_reset(&want);
		ref_line(&want, w, f, 1);
		e = wr_json_line(w, out, f, line, n);
		bad += !same(out, (size_t)(e - out), &want);
		e = wr_json_line(w, out, f, NULL, 0);
		bad += !same(out, (size_t)(e - out), &want);
		wr_close(w);
	}
	T_INT(bad, 0);
	buf_free(&want);
}

int
main(void)
{
	test_positions();
	test_random();
	test_lines();
	return t_done();
}
