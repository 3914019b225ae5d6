/*
 * rd's CSV reader.  CSV lines without a quote are split in place as TSV
 * lines are; lines with one go through libcsv, fed a line at a time so
 * that every record keeps its line number.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rd_int.h"

static void
add_field(struct rd *r, const char *p, size_t n)
{
	if (r->fnf_rec == r->capff) {
		r->capff = r->capff ? r->capff * 2 : 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	r->ff[r->fnf_rec].p = p;
	r->ff[r->fnf_rec].n = n;
	r->fnf_rec++;
}

/* libcsv callbacks */
static void
csv_cb1(void *s, size_t n, void *arg)
{
	struct rd *r = arg;

	if (r->ccount >= REC_MAX_FIELDS) {
		r->ctoo_many = 1;
		return;
	}
	if (n > REC_MAX_FIELD) {
		r->ctoo_long = r->ccount + 1;
		n = 0;
	}
	if (r->ccap < 2 * (r->ccount + 1)) {
		r->ccap = r->ccap ? r->ccap * 2 : 128;
		r->coff = xreallocarray(r->coff, r->ccap, sizeof *r->coff);
	}
	r->coff[2 * r->ccount] = r->scratch.n;
	r->coff[2 * r->ccount + 1] = n;
	if (n > 0)
		buf_add(&r->scratch, s, n);
	r->ccount++;
}

static void
csv_cb2(int c, void *arg)
{
	struct rd *r = arg;

	(void)c;
	r->cdone++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void *
capped_realloc(void *p, size_t n)
{
	/* the memory guard; the exact limit is checked field by field */
	if (n > REC_MAX_FIELD + (64u << 10))
		return NULL;
	return realloc(p, n);
}

void
rd_csv_reset(struct rd *r)
{
	if (!r->csv_init) {
		if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
			zl_die(ZL_IOERR, "%s", strerror(ENOMEM));
		csv_set_space_func(&r->csv, no_space);
		csv_set_realloc_func(&r->csv, capped_realloc);
		csv_set_blk_size(&r->csv, 4096);
		r->csv_init = 1;
		return;
	}
	/* STRICT_FINI keeps a failed state; fini without it resets */
	csv_set_opts(&r->csv, CSV_STRICT);
	csv_fini(&r->csv, NULL, NULL, NULL);
	csv_set_opts(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
}

/* Split a quote-free CSV line on commas. */
static int
split_plain_csv(struct rd *r, const char *s, size_t n)
{
	size_t start = 0;
	const char *c;

	r->fnf_rec = 0;
	while ((c = memchr(s + start, ',', n - start)) != NULL) {
		size_t at = (size_t)(c - s);

		if (at - start > REC_MAX_FIELD)
			goto toolong;
		add_field(r, s + start, at - start);
		start = at + 1;
		if (r->fnf_rec > REC_MAX_FIELDS) {
			snprintf(r->err, sizeof r->err, _("more than %u fields"),
			    REC_MAX_FIELDS);
			return RD_BAD;
		}
	}
	if (n - start > REC_MAX_FIELD)
		goto toolong;
	add_field(r, s + start, n - start);
	return RD_OK;
toolong:
	snprintf(r->err, sizeof r->err, _("field %zu is longer than %u MiB"),
	    r->fnf_rec + 1, REC_MAX_FIELD >> 20);
	return RD_BAD;
}

static int
csv_error_at(struct rd *r, const char *line, size_t at, size_t len)
{
	int e = csv_error(&r->csv);

	if (e == CSV_ENOMEM)
		snprintf(r->err, sizeof r->err,
		    _("field %zu is longer than %u MiB"), r->ccount + 1,
		    REC_MAX_FIELD >> 20);
	else if (at < len && line[at] == '"')
		snprintf(r->err, sizeof r->err,
		    _("CSV: quote inside an unquoted field (column %zu)"),
		    at + 1);
	else
		snprintf(r->err, sizeof r->err,
		    _("CSV: text after a closing quote (column %zu)"), at + 1);
	rd_csv_reset(r);
	return RD_BAD;
}

int
rd_next_csv(struct rd *r)
{
	int inrec = 0;
	size_t skip = 0;
	const char *q, *c;

	r->escaped = 0;
	for (;;) {
		long long e;
		int nl = 0;
		size_t lp, n, feed, k;
		const char *s;

		if (!inrec)
			r->rs = r->pos;
		e = rd_line_end(r, &nl);
		if (e == -1) {
			if (!inrec)
				return RD_EOF;
			/* the input ends inside a quoted field */
			r->re = r->pos;
			if (r->re > r->rs && r->buf[r->re - 1] == '\n')
				r->re--;
			if (r->re > r->rs && r->buf[r->re - 1] == '\r')
				r->re--;
			rd_csv_reset(r);
			snprintf(r->err, sizeof r->err,
			    _("CSV: unterminated quoted field"));
			return RD_BAD;
		}
		if (e == -2) {
			if (!inrec)
				r->rline = r->line;
			r->re = r->pos;
			rd_csv_reset(r);
			rd_skip_line(r);
			snprintf(r->err, sizeof r->err,
			    _("record is longer than %u MiB"),
			    REC_MAX_RECORD >> 20);
			return RD_BAD;
		}
		lp = r->pos;
		s = r->buf + lp;
		n = (size_t)e - lp;
		if (!inrec) {
			r->rline = r->line;
			r->rs = lp;
			q = memchr(s, '"', n);
			if (q == NULL) {
				size_t m = n;

				r->pos = (size_t)e + (size_t)nl;
				r->line++;
				if (m > 0 && s[m - 1] == '\r')
					m--;
				r->re = lp + m;
				if (m == 0)
					continue; /* a blank line */
				if (memchr(s, '\r', m) != NULL) {
					snprintf(r->err, sizeof r->err,
					    _("CSV: carriage return in an "
					      "unquoted field"));
					return RD_BAD;
				}
				return split_plain_csv(r, s, m);
			}
			buf_reset(&r->scratch);
			r->ccount = 0;
			r->cdone = 0;
			r->ctoo_many = 0;
			r->ctoo_long = 0;
			/*
			 * The fields before the one holding the first quote
			 * have no quote: split them here, and leave libcsv
			 * only the rest of the line.
			 */
			skip = 0;
			c = q == s ? NULL : memrchr(s, ',', (size_t)(q - s));
			if (c != NULL) {
				const char *f = s, *comma;

				skip = (size_t)(c - s) + 1;
				/* (a CR just after the comma, too: libcsv
				 * would take it for a blank line) */
				if (memchr(s, '\r', skip + 1) != NULL) {
					r->pos = (size_t)e + (size_t)nl;
					r->line++;
					r->re = lp + n - (n > 0 && s[n - 1] == '\r');
					snprintf(r->err, sizeof r->err,
					    _("CSV: carriage return in an "
					      "unquoted field"));
					return RD_BAD;
				}
				while ((comma = memchr(f, ',',
					    (size_t)(s + skip - f))) != NULL) {
					csv_cb1((void *)f, (size_t)(comma - f), r);
					f = comma + 1;
				}
			}
		}
		feed = n + (size_t)nl - skip;
		k = csv_parse(&r->csv, s + skip, feed, csv_cb1, csv_cb2, r);
		r->pos = (size_t)e + (size_t)nl;
		r->line++;
		r->re = (size_t)e;
		if (k != feed) {
			r->re = r->pos - (size_t)nl;
			return csv_error_at(r, s, k + skip, n);
		}
		skip = 0;
		if (!nl) {
			/* the last line has no line end: finish */
			if (csv_fini(&r->csv, csv_cb1, csv_cb2, r) != 0) {
				rd_csv_reset(r);
				snprintf(r->err, sizeof r->err,
				    _("CSV: unterminated quoted field"));
				return RD_BAD;
			}
		}
		if (r->cdone == 0) {
			inrec = 1;
			if (!nl) {
				rd_csv_reset(r);
				snprintf(r->err, sizeof r->err,
				    _("CSV: unterminated quoted field"));
				return RD_BAD;
			}
			continue;
		}
		/*
		 * A record ends at the end of the line, and nowhere else: a
		 * lone CR would have libcsv end one there and begin the next
		 * (its state is then not "row not begun", 0).
		 */
		if (r->cdone > 1 || r->csv.pstate != 0) {
			rd_csv_reset(r);
			snprintf(r->err, sizeof r->err,
			    _("CSV: carriage return in an unquoted field"));
			return RD_BAD;
		}
		/* strip the line end from the raw record */
		if (r->re > r->rs && r->buf[r->re - 1] == '\r')
			r->re--;
		if (r->ctoo_many) {
			snprintf(r->err, sizeof r->err, _("more than %u fields"),
			    REC_MAX_FIELDS);
			return RD_BAD;
		}
		if (r->ctoo_long) {
			snprintf(r->err, sizeof r->err,
			    _("field %zu is longer than %u MiB"), r->ctoo_long,
			    REC_MAX_FIELD >> 20);
			return RD_BAD;
		}
		{
			size_t i;

			r->fnf_rec = 0;
			for (i = 0; i < r->ccount; i++)
				add_field(r, r->scratch.p ? r->scratch.p +
					r->coff[2 * i] : "",
				    r->coff[2 * i + 1]);
		}
		r->escaped = 1;
		return RD_OK;
	}
}
