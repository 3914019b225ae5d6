/*
 * rd's inputs: opening and sniffing them (encoding, format), the buffer,
 * encodings, progress, and lines.
 *
 * Input is read with read(2) into one buffer; GB18030 and UTF-16 are
 * converted to UTF-8 with iconv on the way in, UTF-8 is validated there.
 * Bytes that are neither are remembered by offset and reject the record
 * they fall in.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rd_int.h"
#include "lib/utf8.h"

/* ---- the buffer, encodings ---- */

static void
add_bad(struct rd *r, size_t off, unsigned byte)
{
	/* one per line is enough: the record is rejected anyway */
	if (r->nbad > r->hbad) {
		size_t last = r->bad[r->nbad - 1].off;

		/* (a CR too: old-Mac line ends are made LF after this) */
		if (last <= off &&
		    memchr(r->buf + last, '\n', off - last) == NULL &&
		    memchr(r->buf + last, '\r', off - last) == NULL)
			return;
	}
	if (r->nbad == r->capbad)
		r->bad = xgrow(r->bad, &r->capbad, 16, sizeof *r->bad);
	r->bad[r->nbad].off = off;
	r->bad[r->nbad].byte = byte;
	r->nbad++;
}

/* NUL bytes in buf[from, to): not text, bad as an invalid byte is. */
static void
nul_bytes(struct rd *r, size_t from, size_t to)
{
	const char *p = r->buf + from, *e = r->buf + to;

	while (p < e && (p = memchr(p, '\0', (size_t)(e - p))) != NULL) {
		add_bad(r, (size_t)(p - r->buf), BAD_NUL);
		p++;
	}
}

/* Check new UTF-8 bytes [valid, end); final: no more input follows. */
static void
validate(struct rd *r, int final)
{
	while (r->valid < r->end) {
		size_t n = r->end - r->valid;
		size_t k = u8_valid_text(r->buf + r->valid, n);

		r->valid += k;
		if (k == n)
			return;
		if (r->buf[r->valid] == '\0') {
			add_bad(r, r->valid, BAD_NUL);
			r->valid++;
			continue;
		}
		if (!final && u8_partial(r->buf + r->valid, n - k))
			return;
		add_bad(r, r->valid, (unsigned char)r->buf[r->valid]);
		r->valid++;
	}
}

/*
 * iconv stopped at in (inleft bytes to go), which is not of the encoding:
 * how many bytes to skip.  UTF-16 goes by whole code units (a lone
 * surrogate is one), so that what follows is read as it is.
 */
static size_t
bad_input(struct rd *r, const char *in, size_t inleft)
{
	const unsigned char *u = (const unsigned char *)in;

	if (r->enc == ENC_GB18030 && u[0] == 0x80) {
		/* CP936's euro sign, unknown to GB18030 */
		memcpy(r->buf + r->end, "\xE2\x82\xAC", 3);
		r->end += 3;
		return 1;
	}
	if (r->enc == ENC_GB18030 || inleft < 2) {
		add_bad(r, r->end, u[0]);
		return 1;
	}
	add_bad(r, r->end,
	    r->enc == ENC_UTF16LE ? (unsigned)u[1] << 8 | u[0] :
				    (unsigned)u[0] << 8 | u[1]);
	return 2;
}

/* Convert raw bytes into buf with iconv. */
static void
convert(struct rd *r, int final)
{
	char *in = r->raw;
	size_t inleft = r->rawlen;

	while (inleft > 0) {
		char *out = r->buf + r->end;
		size_t outleft = r->cap - r->end;
		size_t k;

		if (outleft < 8)
			break;
		k = iconv(r->cd, &in, &inleft, &out, &outleft);
		nul_bytes(r, r->end, (size_t)(out - r->buf));
		r->end = (size_t)(out - r->buf);
		if (k != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && !final)
			break;
		if (errno == EILSEQ || errno == EINVAL) {
			size_t skip = bad_input(r, in, inleft);

			in += skip;
			inleft -= skip;
			continue;
		}
		zl_die_at(ZL_IOERR, r->fname, 0, _("cannot convert: %s"),
		    strerror(errno));
	}
	memmove(r->raw, in, inleft);
	r->rawlen = inleft;
	r->valid = r->end;
}

/* Whether a progress line is due: a whole second or more since the last
 * (not the turn of the clock's second, which may come a moment after). */
int
rd_progress_due(const struct timespec *last, const struct timespec *now)
{
	long long ns = (long long)(now->tv_sec - last->tv_sec) * 1000000000LL +
	    (now->tv_nsec - last->tv_nsec);

	return ns >= 1000000000LL;
}

/*
 * Old-Mac line ends (r->cr): the new bytes [from, end) with each CR made
 * LF, but a CR before an LF (CRLF, which the readers take as it is).  A CR
 * at the end, with more input to come, waits for its next byte
 * (r->crwait); the readers see no line end there until then.
 */
static void
cr_to_lf(struct rd *r, size_t from)
{
	char *p = r->buf + from, *end = r->buf + r->end;

	r->crwait = 0;
	while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if (p + 1 == end && (!r->eof || r->rawlen > 0)) {
			r->crwait = 1;
			return;
		}
		if (p + 1 == end || p[1] != '\n')
			*p = '\n';
		p++;
	}
}

void
rd_progress(struct rd *r, int last)
{
	struct timespec now;
	double secs, pct;

	if (!r->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!last && !rd_progress_due(&r->tlast, &now))
		return;
	r->tlast = now;
	secs = (double)(now.tv_sec - r->t0.tv_sec) +
	    (double)(now.tv_nsec - r->t0.tv_nsec) / 1e9;
	pct = r->total_bytes ?
	    100.0 * (double)r->done_bytes / (double)r->total_bytes :
	    0;
	if (pct > 100)
		pct = 100;
	fprintf(stderr, "\r%s: ", zl_prog);
	fprintf(stderr, _("%5.1f%% of %.1f MB, %.0f records/s"), pct,
	    (double)r->total_bytes / 1e6,
	    secs > 0 ? (double)r->count / secs : 0.0);
	fputs(last ? "\n" : "", stderr);
	fflush(stderr); /* a line that ends in \r */
}

/* Make room and read more; 0 when nothing more comes. */
static int
fill(struct rd *r, size_t keep)
{
	size_t before;
	int wait = r->crwait;

	/* keep buf[keep..end): move it to the front */
	if (keep > 0) {
		size_t i;

		memmove(r->buf, r->buf + keep, r->end - keep);
		r->base += keep;
		r->end -= keep;
		r->pos -= keep;
		r->valid -= keep;
		r->rs -= keep < r->rs ? keep : r->rs;
		for (i = r->hbad; i < r->nbad; i++)
			r->bad[i].off -= keep;
		if (r->hbad == r->nbad)
			r->hbad = r->nbad = 0;
	}
	if (r->cap - r->end < (64u << 10) && r->cap < BUF_MAX &&
	    (!r->eof || r->rawlen > 0)) {
		r->cap = r->cap * 2 < BUF_MAX ? r->cap * 2 : BUF_MAX;
		r->buf = xrealloc(r->buf, r->cap + PAD);
	}
	before = r->end;
	if (r->enc != ENC_UTF8 && r->rawlen > 0)
		convert(r, r->eof);
	while (r->end == before && !r->eof) {
		char *dst;
		size_t room;
		ssize_t k;

		if (r->enc == ENC_UTF8) {
			dst = r->buf + r->end;
			room = r->cap - r->end;
		} else {
			if (r->rawcap - r->rawlen < (64u << 10)) {
				r->rawcap = r->rawcap ? r->rawcap * 2 :
							BUF_INIT;
				r->raw = xrealloc(r->raw, r->rawcap);
			}
			dst = r->raw + r->rawlen;
			room = r->rawcap - r->rawlen;
			if (room > r->cap - r->end)
				room = r->cap - r->end;
		}
		if (room == 0)
			return 0; /* a record larger than the buffer */
		k = r->book != NULL ? rd_book_read(r, dst, room) :
				      read(r->fd, dst, room);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			zl_die_at(ZL_IOERR, r->fname, 0, "%s", strerror(errno));
		}
		if (k == 0)
			r->eof = 1;
		if (r->book != NULL)
			r->done_bytes = rd_book_done(r);
		else
			r->done_bytes += (size_t)k;
		if (r->enc == ENC_UTF8) {
			r->end += (size_t)k;
			validate(r, r->eof);
		} else {
			r->rawlen += (size_t)k;
			convert(r, r->eof);
		}
	}
	if (r->cr)
		cr_to_lf(r, before - (size_t)wait);
	r->buf[r->end] = '\0';
	rd_progress(r, 0);
	return r->end > before || (wait && !r->crwait);
}

/* ---- opening files ---- */

/* Every file must be there before anything is written: stat them all. */
void
rd_stat_inputs(struct rd *r)
{
	struct stat st;
	int i;

	r->again = r->nfiles > 0;
	for (i = 0; i < r->nfiles; i++) {
		const char *f = r->files[i];

		if (strcmp(f, "-") == 0) {
			r->again = 0;
			continue;
		}
		if (stat(f, &st) != 0)
			zl_die(ZL_IOERR, "%s: %s", f, strerror(errno));
		if (S_ISDIR(st.st_mode))
			zl_die(ZL_IOERR, "%s: %s", f, strerror(EISDIR));
		if (S_ISREG(st.st_mode))
			r->total_bytes += (unsigned long long)st.st_size;
		else
			r->again = 0;
		if (access(f, R_OK) != 0)
			zl_die(ZL_IOERR, "%s: %s", f, strerror(errno));
	}
	if (r->nfiles == 0 && fstat(0, &st) == 0 && S_ISREG(st.st_mode))
		r->total_bytes = (unsigned long long)st.st_size;
	/* the buffer: small files need no more than a sample (cheaper to
	 * make, under a sanitizer too: fuzz_rd) */
	r->cap = r->again && r->total_bytes < SAMPLE ? SAMPLE : BUF_INIT;
	r->buf = xcalloc(1, r->cap + PAD);
}

/*
 * The evidence of UTF-8 in p[0, n) (eof: the file ends there): the bytes
 * that are not UTF-8 (the first at s->bad) and the multi-byte sequences
 * that are.
 */
static void
count_utf8(const char *p, size_t n, int eof, struct sniff *s)
{
	size_t i = 0;

	while (i < n) {
		size_t k = u8_valid(p + i, n - i), j;

		for (j = i; j < i + k; j++)
			s->good += ((unsigned char)p[j] & 0xC0) == 0xC0;
		i += k;
		if (i == n || (!eof && u8_partial(p + i, n - i)))
			return;
		if (s->nbad++ == 0)
			s->bad = i;
		i++;
	}
}

/*
 * The encoding the first n bytes of a file show (eof: they are all of it):
 * a BOM's (s->skip: the bytes of the BOMs, a file saved twice may have
 * two), else want, or with ENC_AUTO what the evidence says: UTF-8 when
 * every byte is, or when its multi-byte sequences are many more than the
 * bytes that are not (UTF8_EVIDENCE to one: GBK text has about one to
 * four); else GB18030 (s: the evidence).
 */
/*
 * UTF-16 without a byte-order mark, told by its NUL bytes: text holds none
 * in UTF-8 or GB18030, but UTF-16 has one in every code unit of ASCII (a
 * TAB, a comma, a line end, a digit).  So: NULs at one parity only, in an
 * eighth of the code units at least (two at least): ENC_UTF16LE (odd
 * offsets) or ENC_UTF16BE (even); else 0.
 */
static int
utf16_evidence(const char *p, size_t n)
{
	size_t i, z[2] = { 0, 0 }, units;

	if (n > (64u << 10))
		n = 64u << 10;
	units = n / 2;
	if (memchr(p, '\0', n) == NULL)
		return 0;
	for (i = 0; i < units * 2; i++)
		z[i & 1] += p[i] == '\0';
	if (z[0] == 0 && z[1] >= 2 && z[1] * 8 >= units)
		return ENC_UTF16LE;
	if (z[1] == 0 && z[0] >= 2 && z[0] * 8 >= units)
		return ENC_UTF16BE;
	return 0;
}

int
rd_sniff_enc(const char *p, size_t n, int eof, int want, struct sniff *s)
{
	int u;

	static const char bom[] = "\xEF\xBB\xBF";

	memset(s, 0, sizeof *s);
	s->bad = n;
	if (n >= 3 && memcmp(p, bom, 3) == 0) {
		while (n - s->skip >= 3 && memcmp(p + s->skip, bom, 3) == 0)
			s->skip += 3;
		return ENC_UTF8;
	}
	if (n >= 2 && memcmp(p, "\xFF\xFE", 2) == 0) {
		s->skip = 2;
		return ENC_UTF16LE;
	}
	if (n >= 2 && memcmp(p, "\xFE\xFF", 2) == 0) {
		s->skip = 2;
		return ENC_UTF16BE;
	}
	if (want == ENC_AUTO && (u = utf16_evidence(p, n)) != 0) {
		s->utf16 = 1;
		return u;
	}
	if (want != ENC_AUTO || u8_valid(p, n) == n)
		return want != ENC_AUTO ? want : ENC_UTF8;
	count_utf8(p, n, eof, s);
	if (s->nbad == 0 || s->good >= UTF8_EVIDENCE * s->nbad)
		return ENC_UTF8;
	return ENC_GB18030;
}

/*
 * TSV or CSV: with need, the format of the header under title rows (the
 * first line to name need, rd_need_fmt); else the first line holding a
 * TAB or a comma decides (a TAB: TSV), looking past blank lines and, for
 * sheets with title rows above the header (noheader), up to 20 lines; a
 * line starting with a quote is CSV; with neither, TSV (a single column
 * reads the same).
 */
int
rd_detect_fmt(const char *p, const char *end, const struct rd_opts *o)
{
	int lines = 0, max = o->noheader ? 20 : 1, fmt;

	if (o->fmt == FMT_TSV || o->fmt == FMT_CSV)
		return o->fmt;
	if ((fmt = rd_need_fmt(p, end, o)) != FMT_AUTO)
		return fmt;
	while (p < end && lines < max) {
		const char *nl;
		size_t n;

		if (*p == '\n' || *p == '\r') {
			p++;
			continue;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (memchr(p, '\t', n) != NULL)
			return FMT_TSV;
		if (memchr(p, ',', n) != NULL || *p == '"')
			return FMT_CSV;
		lines++;
		p += n;
	}
	return FMT_TSV;
}

/*
 * Read from fd into p (room for max bytes) until it holds want bytes or
 * the file ends (*eof): how many it holds.
 */
size_t
rd_read_sample(int fd, const char *name, char *p, size_t want, size_t max,
    int *eof)
{
	size_t n = 0;

	*eof = 0;
	while (!*eof && n < want) {
		ssize_t k = read(fd, p + n, max - n);

		if (k < 0) {
			if (errno == EINTR)
				continue;
			zl_die_at(ZL_IOERR, name, 0, "%s", strerror(errno));
		}
		if (k == 0)
			*eof = 1;
		n += (size_t)k;
	}
	return n;
}

/* Convert the sample in buf with iconv, from r->enc. */
static void
start_iconv(struct rd *r)
{
	const char *from;

	from = r->enc == ENC_GB18030 ? "GB18030" :
	    r->enc == ENC_UTF16LE    ? "UTF-16LE" :
				       "UTF-16BE";
	r->cd = iconv_open("UTF-8", from);
	if (r->cd == (iconv_t)-1)
		zl_die(ZL_IOERR, _("iconv cannot convert from %s: %s"), from,
		    strerror(errno));
	/* the sample becomes raw input */
	if (r->rawcap < r->end || r->raw == NULL) {
		r->rawcap = r->end > r->cap ? r->end : r->cap;
		r->raw = xrealloc(r->raw, r->rawcap);
	}
	memcpy(r->raw, r->buf + r->pos, r->end - r->pos);
	r->rawlen = r->end - r->pos;
	r->pos = r->end = r->valid = 0;
	convert(r, r->eof);
	r->buf[r->end] = '\0';
}

/* The line of buf[off] (CR-only line ends counted too). */
static long
line_of(const struct rd *r, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += r->buf[i] == '\n' ||
		    (r->buf[i] == '\r' && r->buf[i + 1] != '\n');
	return line;
}

/* Say what encoding was chosen, and why, for a sample not all UTF-8. */
static void
say_enc(const struct rd *r, const struct sniff *sn)
{
	if (r->enc == ENC_UTF8)
		zl_warn_at(r->fname, line_of(r, sn->bad),
		    _("mostly valid UTF-8 (invalid bytes in the first %zu "
		      "KiB: %zu): reading it as UTF-8, records with invalid "
		      "bytes are rejected (--encoding gb18030 to read it as "
		      "GBK)"),
		    (r->end + 1023) / 1024, sn->nbad);
	else
		zl_warn_at(r->fname, line_of(r, sn->bad),
		    _("not valid UTF-8; reading the file as GB18030 (GBK), as "
		      "Excel writes it (--encoding to choose)"));
}

/*
 * Sniff the encoding from the first bytes and set up conversion; and the
 * line ends.
 */
static void
sniff(struct rd *r)
{
	struct sniff sn;
	int k;

	r->end = rd_read_sample(r->fd, r->fname, r->buf, SAMPLE, r->cap,
	    &r->eof);
	r->done_bytes += r->end;
	if ((k = rd_book_kind(r->buf, r->end)) != 0) {
		rd_book_open(r, k);
		return;
	}
	if (r->o.sheet != NULL && !r->o.quiet)
		zl_warn_at(r->fname, 0,
		    _("not a workbook: --sheet '%s' does not apply, the file "
		      "is read as it is"),
		    r->o.sheet);
	r->enc = rd_sniff_enc(r->buf, r->end, r->eof, r->o.enc, &sn);
	r->pos = sn.skip;
	r->buf[r->end] = '\0';
	if (sn.utf16 && !r->o.quiet)
		zl_warn_at(r->fname, 1,
		    _("no byte-order mark, but NUL bytes in every other place: "
		      "reading the file as %s (--encoding to choose)"),
		    r->enc == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE");
	else if (sn.nbad > 0 && !r->o.quiet)
		say_enc(r, &sn);
	if (r->enc == ENC_UTF8) {
		r->valid = r->pos;
		validate(r, r->eof);
	} else
		start_iconv(r);
	/* CRs and no LF: old-Mac line ends */
	r->cr = memchr(r->buf + r->pos, '\r', r->end - r->pos) != NULL &&
	    memchr(r->buf + r->pos, '\n', r->end - r->pos) == NULL;
	if (r->cr)
		cr_to_lf(r, r->pos);
}

void
rd_close_file(struct rd *r)
{
	if (!r->is_open)
		return;
	rd_book_close(r);
	if (r->fd > 0)
		close(r->fd);
	if (r->enc != ENC_UTF8 && r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	r->cd = (iconv_t)-1;
	r->is_open = 0;
	r->cur++;
}

void
rd_open_fd(struct rd *r)
{
	const char *name = r->nfiles ? r->files[r->cur] : "-";

	if (strcmp(name, "-") == 0) {
		r->fd = 0;
		r->fname = "<stdin>";
	} else {
		r->fname = name;
		r->fd = open(name, O_RDONLY);
		if (r->fd < 0)
			zl_die(ZL_IOERR, "%s: %s", name, strerror(errno));
	}
	{
		struct stat st;

		r->seekable = fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode);
	}
	r->base = 0;
	r->is_open = 1;
	r->eof = 0;
	r->pos = r->end = r->valid = r->rs = r->re = 0;
	r->hbad = r->nbad = 0;
	r->rawlen = 0;
	r->cr = r->crwait = 0;
	r->line = 1;
	r->cd = (iconv_t)-1;
	sniff(r);
}

/* ---- lines ---- */

/*
 * Find the end of the line starting at pos; refills as needed, keeping the
 * record's bytes from r->rs.  Returns the offset of '\n' or of the end of
 * input, with *nl telling which; -1 at the end of input; -2 when the record
 * outgrows the limit.
 */
long long
rd_line_end(struct rd *r, int *nl)
{
	size_t from = r->pos;

	for (;;) {
		char *p = memchr(r->buf + from, '\n', r->end - from);

		if (p != NULL) {
			*nl = 1;
			return p - r->buf;
		}
		from = r->end - (size_t)r->crwait; /* a CR may become LF */
		if (r->end - r->rs > REC_MAX_RECORD)
			return -2;
		{
			size_t keep = r->rs;

			from -= keep;
			if (!fill(r, keep)) {
				if (r->pos == r->end)
					return -1;
				if (!r->eof)
					return -2;
				*nl = 0;
				return (long long)r->end;
			}
		}
	}
}

/* Skip the rest of an over-long line without keeping it. */
void
rd_skip_line(struct rd *r)
{
	for (;;) {
		char *p = memchr(r->buf + r->pos, '\n', r->end - r->pos);

		if (p != NULL) {
			r->pos = (size_t)(p - r->buf) + 1;
			r->line++;
			return;
		}
		r->pos = r->end - (size_t)r->crwait;
		r->rs = r->pos;
		if (!fill(r, r->pos))
			return;
	}
}

/* The message of a record that cannot be read; its format is its reason. */
static void __attribute__((format(printf, 2, 3)))
say(struct rd *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
	r->why = fmt;
}

/* The record being read cannot be read, for why (n: see enum rd_why). */
int
rd_bad(struct rd *r, enum rd_why why, size_t n)
{
	switch (why) {
	case WHY_FIELDS:
		say(r, _("more than %u fields"), REC_MAX_FIELDS);
		break;
	case WHY_FIELD:
		say(r, _("field %zu is longer than %u MiB"), n,
		    REC_MAX_FIELD >> 20);
		break;
	case WHY_RECORD:
		say(r, _("record is longer than %u MiB"), REC_MAX_RECORD >> 20);
		break;
	case WHY_UNTERMINATED:
		say(r, _("CSV: unterminated quoted field"));
		break;
	case WHY_CR:
		say(r, _("CSV: carriage return in an unquoted field"));
		break;
	case WHY_QUOTE:
		say(r, _("CSV: quote inside an unquoted field (column %zu)"),
		    n);
		break;
	case WHY_AFTER_QUOTE:
		say(r, _("CSV: text after a closing quote (column %zu)"), n);
		break;
	}
	return RD_BAD;
}

/*
 * The record just read, [rs, upto), holds bytes that are not of its
 * encoding: they are done with, and the record is rejected (k: what its
 * reader made of it; RD_BAD has its own message).
 */
int
rd_bad_bytes(struct rd *r, int k, size_t upto)
{
	struct bad b = r->bad[r->hbad];
	size_t ls;

	while (r->hbad < r->nbad && r->bad[r->hbad].off < upto)
		r->hbad++;
	if (k == RD_BAD)
		return k;
	for (ls = b.off; ls > r->rs && r->buf[ls - 1] != '\n'; ls--)
		;
	if (b.byte == BAD_NUL)
		say(r, _("a NUL byte (column %zu): not text"), b.off - ls + 1);
	else if (r->enc == ENC_UTF8)
		say(r, _("invalid UTF-8 (byte 0x%02X at column %zu)"), b.byte,
		    b.off - ls + 1);
	else if (r->enc == ENC_GB18030)
		say(r, _("invalid GB18030 (byte 0x%02X)"), b.byte);
	else
		say(r, _("invalid UTF-16 (code unit 0x%04X)"), b.byte);
	return RD_BAD;
}
