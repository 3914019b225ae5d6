/*
 * rd: the record reader (DESIGN.md section 2).
 *
 * Input is read with read(2) into one buffer; GB18030 and UTF-16 are
 * converted to UTF-8 with iconv on the way in, UTF-8 is validated there.
 * Bytes that are neither are remembered by offset and reject the record
 * they fall in.  TSV lines are split in place (fields point into the
 * buffer); CSV lines without a quote are split the same way, lines with
 * one go through libcsv, fed a line at a time so that every record keeps
 * its line number.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_SSE2 1
#endif

#include "lib/rd.h"
#include "lib/rej.h"
#include "lib/utf8.h"

#define BUF_INIT (256u << 10)
#define BUF_MAX (REC_MAX_RECORD + (1u << 20))
#define SAMPLE (64u << 10)
#define PAD 64 /* bytes after the data that vector code may read */

enum { ENC_UTF16LE = 10, ENC_UTF16BE };
enum { RD_OK, RD_EOF, RD_BAD };

/* What rd_unchanged compares. */
struct stamp {
	off_t size;
	struct timespec mtime;
	dev_t dev;
	ino_t ino;
};

struct bad {
	size_t off;	     /* in buf */
	unsigned char byte; /* the offending byte (input encoding) */
};

struct rd {
	struct rd_opts o;
	char *const *files;
	int nfiles, cur;
	const char *fname; /* current file, for messages */
	int fd, is_open, eof;
	int seekable; /* the current file is a regular file */
	unsigned long long base; /* its offset of buf[0] (UTF-8 input) */
	int enc; /* of the current file */
	iconv_t cd;
	char *raw; /* bytes not yet converted (iconv) */
	size_t rawlen, rawcap;

	char *buf;
	size_t cap, pos, end;
	size_t valid; /* [0, valid) is checked UTF-8 */
	struct bad *bad;
	size_t nbad, hbad, capbad; /* queue: [hbad, nbad) */
	long line;		   /* line number of buf[pos] */

	int fmt; /* of the current file */
	struct rd_head head; /* what records tell of the stream (rej) */
	/* the stream's header (from the first file with one) */
	size_t nf;
	struct str *names;
	char *first_file;
	struct buf header_line; /* the first file's header as read */
	/* the current file's header */
	size_t fnf;
	size_t *perm; /* perm[i]: column in this file of stream field i */
	int identity;

	/* the record being read */
	unsigned *tabs; /* TSV: offsets of the TABs in the line */
	struct str *ff; /* fields in file order */
	size_t fnf_rec, capff;
	struct str *f; /* fields in stream order */
	size_t capf;
	int escaped; /* TSV: a field holds an escape, or a CR */
	struct buf scratch;
	size_t rs, re; /* the record's bytes in buf */
	long rline;
	char err[160];
	struct rec rec;

	/* CSV */
	struct csv_parser csv;
	int csv_init;
	size_t *coff; /* field offsets into scratch (start, length pairs) */
	size_t ccount, ccap;
	int cdone; /* records completed during the last csv_parse */
	int ctoo_many;
	size_t ctoo_long; /* the field (from 1) over REC_MAX_FIELD */

	/* reading again: every input a regular file (again), of UTF-8 TSV
	 * with one header line (by_pos); the stamps of the files */
	int again, by_pos;
	struct stamp *stamps;
	/* rd_reread: the file open, and a window of it */
	int refd, refile;
	char *rebuf;
	size_t recap, relen;
	unsigned long long reoff;

	/* counts and progress */
	unsigned long long count;
	unsigned long long total_bytes, done_bytes;
	int progress;
	struct timespec t0, tlast;
	int progress_done;
};

#define POS_BITS 44 /* a record's pos: file index << POS_BITS | offset */
#define POS_FILES (1 << (63 - POS_BITS)) /* files it can tell apart */

/* ---- buffer, encodings ---- */

static void
add_bad(struct rd *r, size_t off, unsigned char byte)
{
	/* one per line is enough: the record is rejected anyway */
	if (r->nbad > r->hbad) {
		size_t last = r->bad[r->nbad - 1].off;

		if (last <= off && memchr(r->buf + last, '\n', off - last) == NULL)
			return;
	}
	if (r->nbad == r->capbad) {
		r->capbad = r->capbad ? r->capbad * 2 : 16;
		r->bad = xreallocarray(r->bad, r->capbad, sizeof *r->bad);
	}
	r->bad[r->nbad].off = off;
	r->bad[r->nbad].byte = byte;
	r->nbad++;
}

/* Check new UTF-8 bytes [valid, end); final: no more input follows. */
static void
validate(struct rd *r, int final)
{
	while (r->valid < r->end) {
		size_t n = r->end - r->valid;
		size_t k = u8_valid(r->buf + r->valid, n);

		r->valid += k;
		if (k == n)
			return;
		if (!final && u8_partial(r->buf + r->valid, n - k))
			return;
		add_bad(r, r->valid, (unsigned char)r->buf[r->valid]);
		r->valid++;
	}
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
		r->end = (size_t)(out - r->buf);
		if (k != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && !final)
			break;
		if (errno == EILSEQ || errno == EINVAL) {
			unsigned char c = (unsigned char)*in;

			if (r->enc == ENC_GB18030 && c == 0x80) {
				/* CP936's euro sign, unknown to GB18030 */
				memcpy(r->buf + r->end, "\xE2\x82\xAC", 3);
				r->end += 3;
			} else
				add_bad(r, r->end, c);
			in++;
			inleft--;
			continue;
		}
		zl_die_at(ZL_IOERR, r->fname, 0, _("cannot convert: %s"),
		    strerror(errno));
	}
	memmove(r->raw, in, inleft);
	r->rawlen = inleft;
	r->valid = r->end;
}

static void
progress(struct rd *r, int last)
{
	struct timespec now;
	double secs, pct;

	if (!r->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!last && now.tv_sec - r->tlast.tv_sec < 1)
		return;
	r->tlast = now;
	secs = (double)(now.tv_sec - r->t0.tv_sec) +
	    (double)(now.tv_nsec - r->t0.tv_nsec) / 1e9;
	pct = r->total_bytes ? 100.0 * (double)r->done_bytes /
		(double)r->total_bytes : 0;
	if (pct > 100)
		pct = 100;
	fprintf(stderr, "\r%s: %5.1f%% of %.1f MB, %.0f records/s%s", zl_prog,
	    pct, (double)r->total_bytes / 1e6,
	    secs > 0 ? (double)r->count / secs : 0.0, last ? "\n" : "");
}

/* Make room and read more; 0 when nothing more comes. */
static int
fill(struct rd *r, size_t keep)
{
	size_t before;

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
	if (r->cap - r->end < (64u << 10) && r->cap < BUF_MAX) {
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
				r->rawcap = r->rawcap ? r->rawcap * 2 : BUF_INIT;
				r->raw = xrealloc(r->raw, r->rawcap);
			}
			dst = r->raw + r->rawlen;
			room = r->rawcap - r->rawlen;
			if (room > r->cap - r->end)
				room = r->cap - r->end;
		}
		if (room == 0)
			return 0; /* a record larger than the buffer */
		k = read(r->fd, dst, room);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			zl_die_at(ZL_IOERR, r->fname, 0, "%s", strerror(errno));
		}
		if (k == 0)
			r->eof = 1;
		r->done_bytes += (size_t)k;
		if (r->enc == ENC_UTF8) {
			r->end += (size_t)k;
			validate(r, r->eof);
		} else {
			r->rawlen += (size_t)k;
			convert(r, r->eof);
		}
	}
	r->buf[r->end] = '\0';
	progress(r, 0);
	return r->end > before;
}

/* ---- opening files, the header ---- */

static const char *
key_of(struct rd *r, struct str name, struct buf *tmp)
{
	const char *k = NULL;
	size_t i;

	name = str_trim(name);
	if (r->o.canon != NULL)
		k = r->o.canon(name, r->o.canon_arg);
	if (k != NULL)
		return k;
	buf_reset(tmp);
	for (i = 0; i < name.n; i++) {
		char c = name.p[i];

		buf_addc(tmp, c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return tmp->p ? tmp->p : "";
}

static int next_record(struct rd *r);

/*
 * The encoding the first n bytes of a file show (eof: they are all of it):
 * a BOM's (*skip: the bytes of the BOMs, a file saved twice may have two),
 * else want, or with ENC_AUTO UTF-8 unless a byte is not, then GB18030
 * (*bad: the offset of that byte).
 */
static int
sniff_enc(const char *p, size_t n, int eof, int want, size_t *skip,
    size_t *bad)
{
	size_t k;

	*skip = 0;
	*bad = n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		while (n - *skip >= 3 && memcmp(p + *skip, "\xEF\xBB\xBF", 3) == 0)
			*skip += 3;
		return ENC_UTF8;
	}
	if (n >= 2 && memcmp(p, "\xFF\xFE", 2) == 0) {
		*skip = 2;
		return ENC_UTF16LE;
	}
	if (n >= 2 && memcmp(p, "\xFE\xFF", 2) == 0) {
		*skip = 2;
		return ENC_UTF16BE;
	}
	if (want != ENC_AUTO)
		return want;
	k = u8_valid(p, n);
	if (k < n && (eof || !u8_partial(p + k, n - k))) {
		*bad = k;
		return ENC_GB18030;
	}
	return ENC_UTF8;
}

/*
 * TSV or CSV: the first line holding a TAB or a comma decides (a TAB:
 * TSV), looking past blank lines and, for sheets with title rows above
 * the header (noheader), up to 20 lines; a line starting with a quote is
 * CSV; with neither, TSV (a single column reads the same).
 */
static int
detect_fmt(const char *p, const char *end, const struct rd_opts *o)
{
	int lines = 0, max = o->noheader ? 20 : 1;

	if (o->fmt == FMT_TSV || o->fmt == FMT_CSV)
		return o->fmt;
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
static size_t
read_sample(int fd, const char *name, char *p, size_t want, size_t max,
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

/* Sniff the encoding from the first bytes and set up conversion. */
static void
sniff(struct rd *r)
{
	const char *from = NULL;
	size_t skip, bad;

	r->end = read_sample(r->fd, r->fname, r->buf, SAMPLE, r->cap, &r->eof);
	r->done_bytes += r->end;
	r->enc = sniff_enc(r->buf, r->end, r->eof, r->o.enc, &skip, &bad);
	r->pos = skip;
	if (bad < r->end && !r->o.quiet) {
		long line = 1;
		const char *p;

		for (p = r->buf; (p = memchr(p, '\n', bad - (size_t)(p - r->buf))) != NULL; p++)
			line++;
		zl_warn_at(r->fname, line,
		    _("not valid UTF-8; reading the file as GB18030 (GBK), as "
		      "Excel writes it (--encoding to choose)"));
	}
	r->buf[r->end] = '\0';
	if (r->enc == ENC_UTF8) {
		r->valid = r->pos;
		validate(r, r->eof);
		return;
	}
	from = r->enc == ENC_GB18030 ? "GB18030" : r->enc == ENC_UTF16LE ?
	    "UTF-16LE" : "UTF-16BE";
	r->cd = iconv_open("UTF-8", from);
	if (r->cd == (iconv_t)-1)
		zl_die(ZL_IOERR, _("iconv cannot convert from %s: %s"), from,
		    strerror(errno));
	/* the sample becomes raw input */
	if (r->rawcap < r->end || r->raw == NULL) {
		r->rawcap = r->end > BUF_INIT ? r->end : BUF_INIT;
		r->raw = xrealloc(r->raw, r->rawcap);
	}
	memcpy(r->raw, r->buf + r->pos, r->end - r->pos);
	r->rawlen = r->end - r->pos;
	r->pos = r->end = r->valid = 0;
	convert(r, r->eof);
	r->buf[r->end] = '\0';
}

static void
close_file(struct rd *r)
{
	if (!r->is_open)
		return;
	if (r->fd > 0)
		close(r->fd);
	if (r->enc != ENC_UTF8 && r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	r->cd = (iconv_t)-1;
	r->is_open = 0;
	r->cur++;
}

static void
open_fd(struct rd *r)
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
	r->line = 1;
	r->cd = (iconv_t)-1;
	sniff(r);
}

static void
set_perm(struct rd *r)
{
	struct buf a = { 0 }, b = { 0 };
	unsigned char *used;
	size_t i, j;
	struct buf missing = { 0 }, extra = { 0 };

	r->fnf = r->fnf_rec;
	r->perm = xreallocarray(r->perm, r->nf ? r->nf : 1, sizeof *r->perm);
	/* the same header line: the same order */
	if (r->rec.raw.n == r->header_line.n &&
	    memcmp(r->rec.raw.p, r->header_line.p, r->header_line.n) == 0 &&
	    r->fnf == r->nf) {
		for (i = 0; i < r->nf; i++)
			r->perm[i] = i;
		r->identity = 1;
		return;
	}
	used = xcalloc(r->fnf + 1, 1);
	r->identity = r->fnf == r->nf;
	for (i = 0; i < r->nf; i++) {
		const char *k = key_of(r, r->names[i], &a);

		for (j = 0; j < r->fnf; j++)
			if (!used[j] && strcmp(k, key_of(r, r->ff[j], &b)) == 0)
				break;
		if (j == r->fnf) {
			buf_printf(&missing, "%s'%.*s'", missing.n ? ", " : "",
			    (int)r->names[i].n, r->names[i].p);
			continue;
		}
		used[j] = 1;
		r->perm[i] = j;
		if (j != i)
			r->identity = 0;
	}
	for (j = 0; j < r->fnf; j++)
		if (!used[j])
			buf_printf(&extra, "%s'%.*s'", extra.n ? ", " : "",
			    (int)r->ff[j].n, r->ff[j].p);
	if (missing.n || extra.n) {
		struct buf msg = { 0 };

		if (missing.n)
			buf_printf(&msg, _("missing %s"), missing.p);
		if (missing.n && extra.n)
			buf_adds(&msg, "; ");
		if (extra.n)
			buf_printf(&msg, _("extra %s"), extra.p);
		zl_die_at(ZL_IOERR, r->fname, r->rline,
		    _("fields differ from %s: %s"), r->first_file, msg.p);
	}
	free(used);
	buf_free(&a);
	buf_free(&b);
}

/* Open the next file that has a header; 0 when there is none. */
static int
open_next(struct rd *r)
{
	while (r->cur < (r->nfiles ? r->nfiles : 1)) {
		int k;
		size_t i;

		open_fd(r);
		r->fmt = detect_fmt(r->buf + r->pos, r->buf + r->end, &r->o);
		r->head.fmt = r->fmt;
		r->head.identity = 0;
		if (r->o.noheader)
			return 1;
		k = next_record(r);
		if (k == RD_EOF) {
			close_file(r);
			continue;
		}
		if (k == RD_BAD)
			zl_die_at(ZL_IOERR, r->fname, r->rline,
			    _("header: %s"), r->err);
		r->rec.raw.p = r->buf + r->rs;
		r->rec.raw.n = r->re - r->rs;
		if (r->nf == 0 && r->first_file == NULL) {
			/* the first header: the stream's fields */
			r->first_file = xstrdup(r->fname);
			r->nf = r->fnf_rec;
			r->names = xcalloc(r->nf, sizeof *r->names);
			for (i = 0; i < r->nf; i++) {
				r->names[i].p = xstrndup(r->ff[i].p, r->ff[i].n);
				r->names[i].n = r->ff[i].n;
			}
			buf_add(&r->header_line, r->rec.raw.p, r->rec.raw.n);
		}
		set_perm(r);
		r->head.nf = r->nf;
		r->head.names = r->names;
		r->head.identity = r->identity;
		return 1;
	}
	return 0;
}

/* ---- records ---- */

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

/*
 * Find the end of the line starting at pos; refills as needed, keeping the
 * record's bytes from r->rs.  Returns the offset of '\n' or of the end of
 * input, with *nl telling which; -1 at the end of input; -2 when the record
 * outgrows the limit.
 */
static long long
line_end(struct rd *r, int *nl)
{
	size_t from = r->pos;

	for (;;) {
		char *p = memchr(r->buf + from, '\n', r->end - from);

		if (p != NULL) {
			*nl = 1;
			return p - r->buf;
		}
		from = r->end;
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
static void
skip_line(struct rd *r)
{
	for (;;) {
		char *p = memchr(r->buf + r->pos, '\n', r->end - r->pos);

		if (p != NULL) {
			r->pos = (size_t)(p - r->buf) + 1;
			r->line++;
			return;
		}
		r->pos = r->end;
		r->rs = r->pos;
		if (!fill(r, r->pos))
			return;
	}
}

void
tsv_unescape(struct buf *b, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++) {
		char c = s[j];

		/* \t \n \r \\; any other backslash is kept */
		if (c == '\\' && j + 1 < n) {
			switch (s[j + 1]) {
			case 't':
				c = '\t';
				j++;
				break;
			case 'n':
				c = '\n';
				j++;
				break;
			case 'r':
				c = '\r';
				j++;
				break;
			case '\\':
				j++;
				break;
			}
		}
		buf_addc(b, c);
	}
}

static void
unescape(struct rd *r)
{
	size_t i;

	buf_reset(&r->scratch);
	for (i = 0; i < r->fnf_rec; i++) {
		const char *s = r->ff[i].p;
		size_t n = r->ff[i].n;

		r->coff[2 * i] = SIZE_MAX; /* unchanged */
		if (memchr(s, '\\', n) == NULL)
			continue;
		r->coff[2 * i] = r->scratch.n;
		tsv_unescape(&r->scratch, s, n);
		r->coff[2 * i + 1] = r->scratch.n - r->coff[2 * i];
	}
	for (i = 0; i < r->fnf_rec; i++)
		if (r->coff[2 * i] != SIZE_MAX) {
			r->ff[i].p = r->scratch.p + r->coff[2 * i];
			r->ff[i].n = r->coff[2 * i + 1];
		}
}

/*
 * Splitting a TSV line: the offsets of its TABs go into r->tabs, then the
 * fields are made from them.  The vector code reads whole blocks past the
 * end of the line (the buffer has PAD bytes to spare) and masks off what
 * lies beyond; it writes eight offsets per block whether or not there are
 * so many, and counts only the real ones, so that the usual few TABs per
 * block cost no mispredicted branch.
 */
#define TABS_CAP (REC_MAX_FIELDS + 80)

#ifdef HAVE_SSE2
#define EXTRACT(mt, base, tp)                                               \
	do {                                                                \
		unsigned m_ = (mt), c_ = (unsigned)__builtin_popcount(m_);  \
		unsigned *t_ = (tp);                                        \
		t_[0] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[1] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[2] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[3] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		for (t_ += 4; m_ != 0; t_++) {                              \
			*t_ = (base) + (unsigned)__builtin_ctz(m_);         \
			m_ &= m_ - 1;                                       \
		}                                                           \
		(tp) += c_;                                                 \
	} while (0)

static size_t
tabs_sse2(const char *s, size_t n, unsigned *tabs, int *esc)
{
	const __m128i tab = _mm_set1_epi8('\t');
	const __m128i bs = _mm_set1_epi8('\\');
	const __m128i cr = _mm_set1_epi8('\r');
	unsigned *tp = tabs, *lim = tabs + REC_MAX_FIELDS;
	unsigned e = 0;
	size_t i;

	for (i = 0; i < n && tp <= lim; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned keep = n - i >= 16 ? 0xFFFFu : (1u << (n - i)) - 1;
		unsigned mt = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, tab)) & keep;

		e |= (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, cr))) & keep;
		EXTRACT(mt, (unsigned)i, tp);
	}
	*esc = e != 0;
	return (size_t)(tp - tabs);
}

__attribute__((target("avx2,popcnt,bmi"))) static size_t
tabs_avx2(const char *s, size_t n, unsigned *tabs, int *esc)
{
	const __m256i tab = _mm256_set1_epi8('\t');
	const __m256i bs = _mm256_set1_epi8('\\');
	const __m256i cr = _mm256_set1_epi8('\r');
	unsigned *tp = tabs, *lim = tabs + REC_MAX_FIELDS;
	unsigned e = 0;
	size_t i;

	for (i = 0; i < n && tp <= lim; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		unsigned keep = n - i >= 32 ? 0xFFFFFFFFu :
		    (1u << (n - i)) - 1;
		unsigned mt = (unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(v, tab)) & keep;

		e |= (unsigned)_mm256_movemask_epi8(_mm256_or_si256(
		    _mm256_cmpeq_epi8(v, bs), _mm256_cmpeq_epi8(v, cr))) & keep;
		EXTRACT(mt, (unsigned)i, tp);
	}
	*esc = e != 0;
	return (size_t)(tp - tabs);
}
#endif

static size_t
tabs_scalar(const char *s, size_t n, unsigned *tabs, int *esc)
{
	size_t i, k = 0;

	*esc = 0;
	for (i = 0; i < n && k <= REC_MAX_FIELDS; i++) {
		if (s[i] == '\t')
			tabs[k++] = (unsigned)i;
		else if (s[i] == '\\' || s[i] == '\r')
			*esc = 1;
	}
	return k;
}

static size_t (*find_tabs)(const char *, size_t, unsigned *, int *);

static void
choose_tabs(void)
{
	find_tabs = tabs_scalar;
#ifdef HAVE_SSE2
	__builtin_cpu_init();
	find_tabs = __builtin_cpu_supports("avx2") ? tabs_avx2 : tabs_sse2;
#endif
}

/* Make fields of the TSV line [s, s+n) with k TABs in r->tabs. */
static int
split_tsv(struct rd *r, const char *s, size_t n, size_t k, int esc)
{
	size_t i, start = 0;

	if (k >= REC_MAX_FIELDS) {
		snprintf(r->err, sizeof r->err, _("more than %u fields"),
		    REC_MAX_FIELDS);
		return RD_BAD;
	}
	if (r->capff < k + 1) {
		r->capff = k + 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	for (i = 0; i < k; i++) {
		r->ff[i].p = s + start;
		r->ff[i].n = r->tabs[i] - start;
		start = r->tabs[i] + 1;
	}
	r->ff[k].p = s + start;
	r->ff[k].n = n - start;
	r->fnf_rec = k + 1;
	if (n > REC_MAX_FIELD)
		for (i = 0; i < r->fnf_rec; i++)
			if (r->ff[i].n > REC_MAX_FIELD) {
				snprintf(r->err, sizeof r->err,
				    _("field %zu is longer than %u MiB"), i + 1,
				    REC_MAX_FIELD >> 20);
				return RD_BAD;
			}
	r->escaped = esc;
	if (esc) {
		if (r->ccap < 2 * r->fnf_rec) {
			r->ccap = 2 * r->fnf_rec;
			r->coff = xreallocarray(r->coff, r->ccap, sizeof *r->coff);
		}
		unescape(r);
	}
	return RD_OK;
}

static int
next_tsv(struct rd *r)
{
	for (;;) {
		long long e;
		int nl = 0, esc;
		size_t n, k;

		r->rs = r->pos;
		e = line_end(r, &nl);
		if (e == -1)
			return RD_EOF;
		r->rline = r->line;
		if (e == -2) {
			r->re = r->rs;
			skip_line(r);
			snprintf(r->err, sizeof r->err,
			    _("record is longer than %u MiB"),
			    REC_MAX_RECORD >> 20);
			return RD_BAD;
		}
		r->rs = r->pos;
		n = (size_t)e - r->pos;
		if (n > 0 && r->buf[r->pos + n - 1] == '\r')
			n--;
		r->re = r->pos + n;
		r->pos = (size_t)e + (size_t)nl;
		r->line++;
		if (n == 0)
			continue; /* a blank line */
		k = find_tabs(r->buf + r->rs, n, r->tabs, &esc);
		return split_tsv(r, r->buf + r->rs, n, k, esc);
	}
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

static void
csv_reset(struct rd *r)
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
	csv_reset(r);
	return RD_BAD;
}

static int
next_csv(struct rd *r)
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
		e = line_end(r, &nl);
		if (e == -1) {
			if (!inrec)
				return RD_EOF;
			/* the input ends inside a quoted field */
			r->re = r->pos;
			if (r->re > r->rs && r->buf[r->re - 1] == '\n')
				r->re--;
			if (r->re > r->rs && r->buf[r->re - 1] == '\r')
				r->re--;
			csv_reset(r);
			snprintf(r->err, sizeof r->err,
			    _("CSV: unterminated quoted field"));
			return RD_BAD;
		}
		if (e == -2) {
			if (!inrec)
				r->rline = r->line;
			r->re = r->pos;
			csv_reset(r);
			skip_line(r);
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
				csv_reset(r);
				snprintf(r->err, sizeof r->err,
				    _("CSV: unterminated quoted field"));
				return RD_BAD;
			}
		}
		if (r->cdone == 0) {
			inrec = 1;
			if (!nl) {
				csv_reset(r);
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
			csv_reset(r);
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

/* The next record of the current file, checked for encoding errors. */
static int
next_record(struct rd *r)
{
	int k = r->fmt == FMT_CSV ? next_csv(r) : next_tsv(r);

	if (k == RD_EOF)
		return k;
	{
	size_t upto = r->pos + (r->eof && r->pos == r->end);

	if (r->nbad > r->hbad && r->bad[r->hbad].off < upto) {
		struct bad b = r->bad[r->hbad];
		size_t ls;

		while (r->hbad < r->nbad && r->bad[r->hbad].off < upto)
			r->hbad++;
		if (k == RD_BAD)
			return k;
		for (ls = b.off; ls > r->rs && r->buf[ls - 1] != '\n'; ls--)
			;
		if (r->enc == ENC_UTF8)
			snprintf(r->err, sizeof r->err,
			    _("invalid UTF-8 (byte 0x%02X at column %zu)"),
			    b.byte, b.off - ls + 1);
		else
			snprintf(r->err, sizeof r->err,
			    _("invalid %s (byte 0x%02X)"),
			    r->enc == ENC_GB18030 ? "GB18030" : "UTF-16",
			    b.byte);
		return RD_BAD;
	}
	}
	return k;
}

/* ---- reading again ---- */

static void
stamp_of(const struct stat *st, struct stamp *s)
{
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->dev = st->st_dev;
	s->ino = st->st_ino;
}

/*
 * A first look at a regular file, as the reader will see it: its stamp,
 * and its header line when it is UTF-8 TSV (0; else -1).
 */
static int
tsv_header(const struct rd *r, const char *path, struct buf *line,
    struct stamp *st)
{
	char *p = xmalloc(BUF_INIT);
	const char *s, *end, *nl;
	size_t n, skip, bad;
	struct stat sb;
	int fd, eof, ok = -1;

	if ((fd = open(path, O_RDONLY)) < 0)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		goto out;
	stamp_of(&sb, st);
	n = read_sample(fd, path, p, SAMPLE, BUF_INIT, &eof);
	if (sniff_enc(p, n, eof, r->o.enc, &skip, &bad) != ENC_UTF8 ||
	    detect_fmt(p + skip, p + n, &r->o) != FMT_TSV)
		goto out;
	/* the first line that is not blank, without its line end */
	for (s = p + skip, end = p + n; (nl = memchr(s, '\n',
					     (size_t)(end - s))) != NULL;
	     s = nl + 1) {
		size_t len = (size_t)(nl - s);

		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		buf_reset(line);
		buf_add(line, s, len);
		ok = 0;
		break;
	}
out:
	close(fd);
	free(p);
	return ok;
}

/* Can every record be read again by position?  (All files checked at
 * once, before any record is read.) */
static int
check_by_pos(struct rd *r)
{
	struct buf first = { 0 }, hdr = { 0 };
	int i, ok = 1;

	if (!r->again || r->o.noheader || r->nfiles >= POS_FILES)
		return 0;
	r->stamps = xcalloc((size_t)r->nfiles, sizeof *r->stamps);
	for (i = 0; i < r->nfiles && ok; i++)
		if (tsv_header(r, r->files[i], i == 0 ? &first : &hdr,
			&r->stamps[i]) != 0)
			ok = 0;
		else if (i > 0 && (hdr.n != first.n ||
				      memcmp(hdr.p, first.p, hdr.n) != 0))
			ok = 0; /* another order of fields: the reader maps */
	buf_free(&first);
	buf_free(&hdr);
	return ok;
}

int
rd_again(const struct rd *r)
{
	return r->again;
}

int
rd_by_pos(const struct rd *r)
{
	return r->by_pos;
}

int
rd_unchanged(const struct rd *r)
{
	int i;

	for (i = 0; r->by_pos && i < r->nfiles; i++) {
		struct stat sb;
		struct stamp now;

		if (stat(r->files[i], &sb) != 0)
			return 0;
		stamp_of(&sb, &now);
		if (now.size != r->stamps[i].size ||
		    now.dev != r->stamps[i].dev || now.ino != r->stamps[i].ino ||
		    now.mtime.tv_sec != r->stamps[i].mtime.tv_sec ||
		    now.mtime.tv_nsec != r->stamps[i].mtime.tv_nsec)
			return 0;
	}
	return 1;
}

/* ---- the public interface ---- */

/* A reader still open at the end of the run is closed (after a fatal
 * error: its progress line ended first). */
static int
rd_end(int status, int fatal, void *arg)
{
	struct rd *r = arg;

	if (fatal && r->progress && !r->progress_done &&
	    r->tlast.tv_sec != r->t0.tv_sec)
		fputc('\n', stderr);
	rd_close(r);
	return status;
}

/* Every file must be there before anything is written: stat them all. */
static void
stat_inputs(struct rd *r)
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
}

struct rd *
rd_open(int nfiles, char *const *files, const struct rd_opts *o)
{
	struct rd *r = xcalloc(1, sizeof *r);

	zl_at_end(rd_end, r);
	r->o = *o;
	r->files = files;
	r->nfiles = nfiles;
	r->cap = BUF_INIT;
	r->buf = xcalloc(1, r->cap + PAD);
	r->tabs = xmalloc(TABS_CAP * sizeof *r->tabs);
	if (find_tabs == NULL)
		choose_tabs();
	r->cd = (iconv_t)-1;
	r->refd = -1;
	r->rec.head = &r->head;
	csv_reset(r);
	stat_inputs(r);
	if (o->by_pos)
		r->by_pos = check_by_pos(r);
	r->progress = o->progress;
	if (r->progress < 0)
		r->progress = isatty(2) && r->total_bytes > 100000000ULL;
	if ((r->progress && r->total_bytes == 0) || o->quiet)
		r->progress = 0;
	clock_gettime(CLOCK_MONOTONIC, &r->t0);
	r->tlast = r->t0;
	open_next(r);
	return r;
}

int
rd_next(struct rd *r, struct rec **out)
{
	for (;;) {
		int k;
		size_t i;

		if (!r->is_open && !open_next(r)) {
			if (r->progress && !r->progress_done) {
				r->progress_done = 1;
				progress(r, 1);
			}
			return 0;
		}
		k = next_record(r);
		if (k == RD_EOF) {
			close_file(r);
			continue;
		}
		if (k == RD_BAD && r->o.quiet)
			continue;
		r->count++;
		if (!r->o.quiet)
			rej_read();
		r->rec.file = r->fname;
		r->rec.line = r->rline;
		r->rec.raw.p = r->buf + r->rs;
		r->rec.raw.n = r->re - r->rs;
		r->rec.plain = 0;
		r->rec.pos = -1;
		if (k == RD_BAD) {
			r->rec.nf = 0;
			r->rec.f = NULL;
			rec_reject(&r->rec, "%s", r->err);
			continue;
		}
		if (r->o.noheader) {
			r->rec.nf = r->fnf_rec;
			r->rec.f = r->ff;
			*out = &r->rec;
			return 1;
		}
		if (r->fnf_rec != r->fnf) {
			if (r->o.quiet)
				continue;
			r->rec.nf = 0;
			r->rec.f = NULL;
			rec_reject(&r->rec, _("%zu fields, the header has %zu"),
			    r->fnf_rec, r->fnf);
			continue;
		}
		if (r->identity) {
			r->rec.f = r->ff;
		} else {
			if (r->capf < r->nf) {
				r->capf = r->nf;
				r->f = xreallocarray(r->f, r->capf,
				    sizeof *r->f);
			}
			for (i = 0; i < r->nf; i++)
				r->f[i] = r->ff[r->perm[i]];
			r->rec.f = r->f;
		}
		r->rec.nf = r->nf;
		r->rec.plain = r->identity && r->fmt == FMT_TSV && !r->escaped;
		if (r->by_pos && r->seekable && r->enc == ENC_UTF8 &&
		    r->fmt == FMT_TSV && r->identity && r->cur < POS_FILES &&
		    r->base + r->rs < (1ULL << POS_BITS))
			r->rec.pos = (long long)((unsigned long long)r->cur
				<< POS_BITS | (r->base + r->rs));
		*out = &r->rec;
		return 1;
	}
}

/*
 * Read the record at pos again.  Its line is read into a window of the
 * file (the next record asked for is often in it) and split as next_tsv
 * splits it.
 */
int
rd_reread(struct rd *r, long long pos, struct rec **out)
{
	int fi = (int)(pos >> POS_BITS), esc;
	unsigned long long off = (unsigned long long)pos &
	    ((1ULL << POS_BITS) - 1);
	const char *s, *nl = NULL;
	size_t n, k;

	if (pos < 0 || fi >= r->nfiles)
		return 0;
	if (r->refd < 0 || r->refile != fi) {
		if (r->refd >= 0)
			close(r->refd);
		r->relen = 0;
		r->refile = fi;
		if ((r->refd = open(r->files[fi], O_RDONLY)) < 0)
			zl_die(ZL_IOERR, "%s: %s", r->files[fi], strerror(errno));
	}
	/* the line in the window, or read from its start */
	if (off >= r->reoff && off < r->reoff + r->relen)
		nl = memchr(r->rebuf + (off - r->reoff), '\n',
		    r->relen - (off - r->reoff));
	if (nl == NULL) {
		r->reoff = off;
		r->relen = 0;
		for (;;) {
			ssize_t got;

			if (r->relen == r->recap) {
				if (r->recap >= BUF_MAX)
					return 0;
				r->recap = r->recap ? r->recap * 4 : 16384;
				r->rebuf = xrealloc(r->rebuf, r->recap + PAD);
			}
			got = pread(r->refd, r->rebuf + r->relen,
			    r->recap - r->relen, (off_t)(off + r->relen));
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0)
				zl_die(ZL_IOERR, "%s: %s", r->files[fi],
				    strerror(errno));
			if (got == 0)
				break;
			nl = memchr(r->rebuf + r->relen, '\n', (size_t)got);
			r->relen += (size_t)got;
			if (nl != NULL)
				break;
		}
	}
	s = r->rebuf + (off - r->reoff);
	n = nl != NULL ? (size_t)(nl - s) :
			 r->relen - (size_t)(off - r->reoff);
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0 || n > REC_MAX_RECORD || u8_valid(s, n) != n)
		return 0;
	k = find_tabs(s, n, r->tabs, &esc);
	if (split_tsv(r, s, n, k, esc) != RD_OK || r->fnf_rec != r->nf)
		return 0;
	r->rec.nf = r->nf;
	r->rec.f = r->ff;
	r->rec.file = r->files[fi];
	r->rec.line = 0;
	r->rec.raw.p = s;
	r->rec.raw.n = n;
	r->rec.plain = !esc;
	r->rec.pos = pos;
	*out = &r->rec;
	return 1;
}

size_t
rd_nfields(const struct rd *r)
{
	return r->nf;
}

const struct str *
rd_names(const struct rd *r)
{
	return r->names;
}

long
rd_find(const struct rd *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (str_eqi(str_trim(r->names[i]), name))
			return (long)i;
	return -1;
}

const char *
rd_file(const struct rd *r)
{
	return r->fname ? r->fname : r->first_file ? r->first_file : "-";
}

const char *
rd_first_file(const struct rd *r)
{
	return r->first_file ? r->first_file : rd_file(r);
}

unsigned long long
rd_count(const struct rd *r)
{
	return r->count;
}

void
rd_close(struct rd *r)
{
	size_t i;

	if (r == NULL)
		return;
	zl_at_end_cancel(rd_end, r);
	close_file(r);
	if (r->refd >= 0)
		close(r->refd);
	free(r->rebuf);
	free(r->stamps);
	for (i = 0; i < r->nf; i++)
		free((char *)r->names[i].p);
	free(r->names);
	free(r->first_file);
	buf_free(&r->header_line);
	free(r->perm);
	free(r->ff);
	free(r->tabs);
	free(r->f);
	free(r->coff);
	buf_free(&r->scratch);
	free(r->bad);
	free(r->raw);
	free(r->buf);
	if (r->csv_init)
		csv_free(&r->csv);
	free(r);
}

unsigned long long
rd_size(const struct rd *r)
{
	return r->total_bytes;
}
