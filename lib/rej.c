/*
 * rej: rejected records.  Each one is reported on stderr with its file and
 * line (the first REJ_SHOWN of a reason; the rest counted, one line per
 * reason at the end, unless verbose), counted for the closing summary, and
 * written as it was read, plus an _error field, to the --reject file.
 *
 * The --reject file is written to a temporary file beside it and renamed
 * into place at the end of the run, so that a run that stops early leaves
 * an existing file as it was.  A new file is readable by its owner only
 * (rejected records may hold personal data); an existing one keeps its
 * mode (and owner, when we may), with a warning when others can read it.
 * A file that is not a regular one (/dev/stderr, a pipe) is written
 * directly, its mode untouched.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/rej.h"
#include "lib/utf8.h"
#include "lib/wr.h"

#define REJ_SHOWN   10 /* messages of a reason shown before the summary */
#define REJ_REASONS 64 /* reasons told apart; the rest share the last */

unsigned long long rej_nread;

static FILE *rej_fp;
static char rej_buf[64 << 10];
static const char *rej_path;   /* as the user gave it */
static char *rej_target;       /* where it is renamed to */
static char rej_tmp[PATH_MAX]; /* the temporary file; "" when none */
static int rej_existed;	       /* the target was there before the run */
static mode_t rej_mode;	       /* its mode then */
static int rej_fmt;	       /* 0 until the first rejected record */
static int strict, verbose, bom, over;
static int at_end; /* rej_end is on zl's list */
static unsigned long long nrej;
static const char *last_file; /* the last record rejected */
static long last_line;
static struct rej_limit limit = { 100, -1 }; /* 1% (and more than 10) */

static struct reason {
	const char *fmt; /* the message's format: the reason */
	unsigned long long n;
} reasons[REJ_REASONS];
static int nreasons;

static int rej_end(int status, int fatal, void *arg);

static void
want_end(void)
{
	if (!at_end) {
		zl_at_end(rej_end, NULL);
		at_end = 1;
	}
}

/* 1 when a and b are the same file. */
static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

void
rej_check(const char *path, int nin, char *const *in)
{
	struct stat ps, s;
	int have = stat(path, &ps) == 0 && S_ISREG(ps.st_mode), i;

	for (i = 0; i < nin || (nin == 0 && i == 0); i++) {
		const char *f = nin == 0 ? "-" : in[i];
		int std = strcmp(f, "-") == 0;

		if ((!std && strcmp(f, path) == 0) ||
		    (have && (std ? fstat(0, &s) : stat(f, &s)) == 0 &&
			same_file(&ps, &s)))
			zl_die(ZL_USAGE,
			    _("--reject %s: it is also an input (%s); "
			      "give another file"),
			    path, std ? _("standard input") : f);
	}
	if (have && fstat(1, &s) == 0 && same_file(&ps, &s))
		zl_die(ZL_USAGE,
		    _("--reject %s: it is also the standard output; "
		      "give another file"),
		    path);
}

/* A signal while the temporary file exists: remove it, then die of it. */
static void
on_signal(int sig)
{
	if (rej_tmp[0] != '\0')
		unlink(rej_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The temporary file beside target: its descriptor, or -1 and errno. */
static int
open_tmp(const char *target)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	size_t i;
	int fd;

	if (strlen(target) + 8 > sizeof rej_tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* the handlers first: no moment with a file and none */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (signal(sigs[i], on_signal) == SIG_IGN)
			signal(sigs[i], SIG_IGN);
	/* a closed pipe on stdout ends the run through out, which does the
	 * end-of-run work before it dies of SIGPIPE */
	signal(SIGPIPE, SIG_IGN);
	snprintf(rej_tmp, sizeof rej_tmp, "%s.XXXXXX", target);
	if ((fd = mkstemp(rej_tmp)) < 0)
		rej_tmp[0] = '\0';
	return fd;
}

/*
 * 1 when the regular file at path may be written over as a --reject file:
 * empty, or its first line ending in the columns _error and _raw (TAB or
 * comma; a CR before its LF), as a reject file begins.
 */
static int
is_rejects(const char *path)
{
	char blk[64 << 10], tail[16];
	size_t nt = 0, i, total = 0;
	ssize_t n = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 1; /* (not readable: open_tmp says what is wrong) */
	while (total < (16u << 20) && (n = read(fd, blk, sizeof blk)) > 0) {
		char *nl = memchr(blk, '\n', (size_t)n);
		size_t m = nl != NULL ? (size_t)(nl - blk) : (size_t)n;

		for (i = m > sizeof tail ? m - sizeof tail : 0; i < m; i++) {
			if (nt == sizeof tail)
				memmove(tail, tail + 1, --nt);
			tail[nt++] = blk[i];
		}
		total += (size_t)n;
		if (nl != NULL)
			break;
	}
	close(fd);
	if (n < 0 || total == 0)
		return 1;
	if (nt > 0 && tail[nt - 1] == '\r')
		nt--;
	return (nt >= 11 && memcmp(tail + nt - 11, "_error\t_raw", 11) == 0) ||
	    (nt >= 11 && memcmp(tail + nt - 11, "_error,_raw", 11) == 0);
}

void
rej_open(const char *path)
{
	struct stat st;
	int fd;

	rej_path = path;
	free(rej_target);
	rej_target = NULL;
	rej_existed = stat(path, &st) == 0;
	if (rej_existed && S_ISREG(st.st_mode) && !is_rejects(path))
		zl_die(ZL_USAGE,
		    _("--reject %s: the file exists and is not a reject file "
		      "(its first line has no _error and _raw columns); give "
		      "another file, or remove it first"),
		    path);
	if (rej_existed && !S_ISREG(st.st_mode)) {
		/* a device or a pipe: written directly */
		fd = open(path, O_WRONLY | O_TRUNC);
	} else {
		rej_target = rej_existed ? realpath(path, NULL) : NULL;
		if (rej_target == NULL)
			rej_target = xstrdup(path);
		fd = open_tmp(rej_target);
		rej_mode = rej_existed ? st.st_mode & 07777 : 0600;
		if (fd >= 0 && rej_existed) {
			/* the file stays whose it was, as it was */
			if (fchown(fd, st.st_uid, st.st_gid) != 0)
				errno = 0; /* not ours to give: ours, then */
			if (fchmod(fd, rej_mode) != 0)
				zl_die(ZL_IOERR, "%s: %s", rej_tmp,
				    strerror(errno));
		}
	}
	if (fd < 0 || (rej_fp = fdopen(fd, "w")) == NULL)
		zl_die(ZL_IOERR, "%s: %s", path, strerror(errno));
	/* glibc ignores the size unless it is given the buffer */
	setvbuf(rej_fp, rej_buf, _IOFBF, sizeof rej_buf);
	want_end();
}

void
rej_strict(int on)
{
	strict = on;
}

void
rej_verbose(int on)
{
	verbose = on;
}

void
rej_bom(int on)
{
	bom = on;
}

unsigned long long
rej_count(void)
{
	return nrej;
}

void
rej_last(const char **file, long *line)
{
	*file = last_file;
	*line = last_line;
}

int
rej_limit_parse(const char *s, struct rej_limit *l)
{
	long long whole = 0, frac = 0;
	int digits = 0, fd = 0;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if ((whole = whole * 10 + (*p - '0')) > 1000000000000LL)
			return -1;
	if (digits == 0)
		return -1;
	if (*p == '\0') {
		l->bp = -1;
		l->n = whole;
		return 0;
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, fd++) {
			if (fd < 2)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return -1; /* finer than 0.01% */
		}
	}
	if (fd == 1)
		frac *= 10;
	if (p[0] != '%' || p[1] != '\0' || p[-1] == '.' ||
	    whole * 100 + frac > 10000)
		return -1;
	l->bp = (int)(whole * 100 + frac);
	l->n = -1;
	return 0;
}

void
rej_limit_set(const struct rej_limit *l)
{
	limit = *l;
}

/* The limit as the user wrote it, into b. */
static void
limit_show(struct buf *b)
{
	if (limit.bp < 0)
		buf_printf(b, "%lld", limit.n);
	else if (limit.bp % 100 == 0)
		buf_printf(b, "%d%%", limit.bp / 100);
	else if (limit.bp % 10 == 0)
		buf_printf(b, "%d.%d%%", limit.bp / 100, limit.bp % 100 / 10);
	else
		buf_printf(b, "%d.%02d%%", limit.bp / 100, limit.bp % 100);
}

/* 1 when more records were rejected than the limit allows. */
static int
rej_over(void)
{
	if (limit.bp < 0)
		return nrej > (unsigned long long)limit.n;
	/* every record rejected is too many, however few */
	if (nrej > 0 && nrej == rej_nread && limit.bp < 10000)
		return 1;
	return nrej > 10 &&
	    (long double)nrej * 10000 > (long double)limit.bp * rej_nread;
}

void
rej_figures(void)
{
	if (!rej_over())
		return;
	over = 1;
	exit(zl_finish(ZL_REJECTED));
}

/*
 * Close the --reject file and rename it into place (after a fatal error
 * only when it holds records and no file was there before): 0, or -1
 * after a message.
 */
static int
rej_close(int fatal)
{
	int bad, e = 0;

	if (rej_fp == NULL)
		return 0;
	bad = ferror(rej_fp) != 0;
	if (fclose(rej_fp) != 0)
		bad = 1;
	if (bad)
		e = errno ? errno : EIO;
	rej_fp = NULL;
	if (rej_tmp[0] != '\0') {
		if (bad || (fatal && (rej_existed || nrej == 0)))
			unlink(rej_tmp);
		else if (rename(rej_tmp, rej_target) != 0) {
			e = errno;
			bad = 1;
			unlink(rej_tmp);
		} else if (nrej > 0 && (rej_mode & 044) != 0)
			zl_warn(_("%s: others can read it (mode %04o), and "
				  "rejected records may hold personal data; "
				  "to keep it to yourself: chmod 600 %s"),
			    rej_path, (unsigned)rej_mode, rej_path);
		rej_tmp[0] = '\0';
	}
	if (bad) {
		zl_warn("%s: %s", rej_path, strerror(e));
		return -1;
	}
	return 0;
}

/* A reason as a summary shows it: its format with "..." for each value. */
static void
reason_show(struct buf *b, const char *fmt)
{
	const char *p;

	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			buf_addc(b, *p);
			continue;
		}
		if (p[1] == '%') {
			buf_addc(b, '%');
			p++;
			continue;
		}
		p += strcspn(p + 1, "diouxXeEfgGcspn") + 1;
		if (*p == '\0')
			break;
		buf_adds(b, "...");
	}
}

/* One line for each reason whose messages were not all shown. */
static void
reasons_summary(void)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < nreasons && !verbose; i++) {
		if (reasons[i].n <= REJ_SHOWN)
			continue;
		buf_reset(&b);
		reason_show(&b, reasons[i].fmt);
		zl_warn(_("%llu records rejected: %s (the first %d shown; "
			  "--verbose shows all)"),
		    reasons[i].n, b.p, REJ_SHOWN);
	}
	buf_free(&b);
}

/* The end of the run: the file closed, the summary. */
static int
rej_end(int status, int fatal, void *arg)
{
	(void)arg;
	at_end = 0;
	if (rej_close(fatal) != 0 && status < ZL_IOERR)
		status = ZL_IOERR;
	if (fatal || nrej == 0)
		return status;
	reasons_summary();
	if (over) {
		struct buf b = { 0 };

		limit_show(&b);
		zl_warn(_("%llu of %llu records rejected (%.1f%%), more than "
			  "max-rejected allows (%s): no figures written"),
		    nrej, rej_nread, 100.0 * (double)nrej / (double)rej_nread,
		    b.p);
		buf_free(&b);
	} else
		zl_warn(_("%llu of %llu records rejected"), nrej, rej_nread);
	return status < ZL_REJECTED ? ZL_REJECTED : status;
}

static void
put_field(struct buf *b, const char *s, size_t n)
{
	if (rej_fmt == FMT_TSV)
		tsv_escape(b, s, n);
	else
		csv_quote(b, s, n);
}

/*
 * A record's line into _raw: a byte that is not UTF-8 as \xHH, so the
 * file stays text that reads back whole.
 */
static void
put_raw(struct buf *b, const char *s, size_t n)
{
	static struct buf t;
	size_t k;

	if ((k = u8_valid(s, n)) == n) {
		put_field(b, s, n);
		return;
	}
	buf_reset(&t);
	while (n > 0) {
		buf_add(&t, s, k);
		if (k == n)
			break;
		buf_printf(&t, "\\x%02X", (unsigned char)s[k]);
		s += k + 1;
		n -= k + 1;
		k = u8_valid(s, n);
	}
	put_field(b, t.p, t.n);
}

/* A sheet's header (rej_header): the reject file's, or mapped onto it. */
static struct str *sheet_names; /* the reject file's header */
static size_t sheet_nnames;
static long *sheet_map; /* column of the current sheet -> the file's, or -1 */
static size_t sheet_ncols;

/*
 * The reject file's header when records come from streams of different
 * fields (a program that reads each input on its own): the stream whose
 * record came first, and the one sheet_map maps now.  A sheet reader's
 * (rej_header) is left alone.
 */
static const struct rd_head *first_head, *map_head;
static int sheet_given;

static void map_header(const struct str *names, size_t n);

void
rej_header(const struct str *names, size_t n)
{
	sheet_given = 1;
	map_header(names, n);
}

static int
same_names(const struct rd_head *a, const struct rd_head *b)
{
	size_t i;

	if (a->nf != b->nf)
		return 0;
	for (i = 0; i < a->nf; i++)
		if (a->names[i].n != b->names[i].n ||
		    memcmp(a->names[i].p, b->names[i].p, a->names[i].n) != 0)
			return 0;
	return 1;
}

/* Map the fields of h, another stream than the first, by their names. */
static void
map_stream(const struct rd_head *h)
{
	if (sheet_given || h == NULL || h == map_head)
		return;
	if (first_head == NULL) {
		first_head = map_head = h;
		return;
	}
	if (sheet_names == NULL && same_names(h, first_head)) {
		map_head = h;
		return;
	}
	if (sheet_names == NULL)
		map_header(first_head->names, first_head->nf);
	map_header(h->names, h->nf);
	map_head = h;
}

static void
map_header(const struct str *names, size_t n)
{
	size_t i, j;

	if (sheet_names == NULL) {
		sheet_names = xcalloc(n + 1, sizeof *sheet_names);
		for (i = 0; i < n; i++) {
			sheet_names[i].p = xstrndup(names[i].p, names[i].n);
			sheet_names[i].n = names[i].n;
		}
		sheet_nnames = n;
	}
	sheet_map = xreallocarray(sheet_map, n + 1, sizeof *sheet_map);
	sheet_ncols = n;
	for (i = 0; i < n; i++) {
		struct str a = str_trim(names[i]);

		sheet_map[i] = -1;
		for (j = 0; j < sheet_nnames && a.n > 0; j++) {
			struct str b = str_trim(sheet_names[j]);

			if (a.n == b.n && memcmp(a.p, b.p, a.n) == 0) {
				sheet_map[i] = (long)j;
				break;
			}
		}
	}
}

/*
 * The first line: the byte-order mark when asked, the header, _error and
 * _raw (the record as read, for one that cannot be put in the columns).
 */
static void
write_header(struct buf *b, const struct rd_head *h)
{
	const struct str *names = sheet_names ? sheet_names : h ? h->names : 0;
	size_t i, n = sheet_names ? sheet_nnames : h ? h->nf : 0;
	char sep;

	rej_fmt = h != NULL && h->fmt == FMT_CSV ? FMT_CSV : FMT_TSV;
	sep = rej_fmt == FMT_CSV ? ',' : '\t';
	if (bom)
		buf_adds(b, "\xEF\xBB\xBF");
	for (i = 0; i < n; i++) {
		put_field(b, names[i].p, names[i].n);
		buf_addc(b, sep);
	}
	buf_printf(b, "_error%c_raw\n", sep);
}

/*
 * A sheet's row in the columns of the reject file's header (v, n of
 * them): 0 when a cell with something in it has no column there.
 */
static int
sheet_cells(const struct rec *r, struct str *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i].n = 0;
	for (i = 0; r->f != NULL && i < r->nf; i++) {
		if (i < sheet_ncols && sheet_map[i] >= 0)
			v[sheet_map[i]] = r->f[i];
		else if (str_trim(r->f[i]).n > 0)
			return 0;
	}
	return r->f != NULL;
}

/*
 * The record's values in the reject file's columns (into b, each ended by
 * sep): 0 when they cannot be put there (a record that could not be split,
 * one of another field count, a sheet's row with cells outside the
 * header), for _raw to keep it.
 */
static int
put_values(struct buf *b, const struct rec *r, char sep)
{
	static struct str *v;
	static size_t capv;
	const struct rd_head *h = r->head;
	size_t i, n;

	if (sheet_names != NULL) {
		n = sheet_nnames;
		if (capv < n + 1)
			v = xgrow(v, &capv, n + 1, sizeof *v);
		if (!sheet_cells(r, v, n))
			return 0;
	} else {
		n = h ? h->nf : 0;
		if (r->f == NULL || r->nf != n)
			return 0;
		if (h->fmt == rej_fmt && h->identity) {
			/* as it was read: it is a valid line of this file */
			buf_add(b, r->raw.p, r->raw.n);
			buf_addc(b, sep);
			return 1;
		}
		v = r->f;
	}
	for (i = 0; i < n; i++) {
		put_field(b, v[i].p, v[i].n);
		buf_addc(b, sep);
	}
	return 1;
}

static void
write_reject(const struct rec *r, const char *msg)
{
	static struct buf b;
	const struct rd_head *h = r->head;
	size_t i, n;
	char sep;

	buf_reset(&b);
	map_stream(h);
	if (rej_fmt == 0)
		write_header(&b, h);
	sep = rej_fmt == FMT_CSV ? ',' : '\t';
	n = sheet_names ? sheet_nnames : h ? h->nf : 0;
	if (put_values(&b, r, sep)) {
		put_field(&b, msg, strlen(msg));
		buf_addc(&b, sep);
	} else {
		for (i = 0; i < n; i++)
			buf_addc(&b, sep);
		put_field(&b, msg, strlen(msg));
		buf_addc(&b, sep);
		put_raw(&b, r->raw.p, r->raw.n);
	}
	buf_addc(&b, '\n');
	fwrite(b.p, 1, b.n, rej_fp);
}

/* Count the reason; 1 when its message is to be shown. */
static int
reason_count(const char *fmt)
{
	int i;

	for (i = 0; i < nreasons && reasons[i].fmt != fmt; i++)
		;
	if (i == nreasons) {
		if (nreasons < REJ_REASONS)
			nreasons++;
		else
			i = REJ_REASONS - 1;
		reasons[i].fmt = fmt;
	}
	return ++reasons[i].n <= REJ_SHOWN || verbose;
}

/* rej_capture's, for the thread that set it */
static _Thread_local rej_hook *hook;
static _Thread_local void *hook_arg;

void
rej_capture(rej_hook *fn, void *arg)
{
	hook = fn;
	hook_arg = arg;
}

static void
reject(const struct rec *r, const char *reason, const char *fmt, va_list ap)
{
	struct buf msg = { 0 };

	buf_vprintf(&msg, fmt, ap);
	if (hook != NULL)
		hook(hook_arg, r, reason, msg.p);
	else
		rej_report(r, reason, msg.p);
	buf_free(&msg);
}

void
rej_report(const struct rec *r, const char *reason, const char *msg)
{
	if (reason_count(reason) || strict)
		zl_warn_at(r->file, r->line, "%s", msg);
	nrej++;
	last_file = r->file;
	last_line = r->line;
	want_end();
	if (rej_fp != NULL) {
		struct buf loc = { 0 };

		buf_printf(&loc, "%s:%ld: %s", r->file, r->line, msg);
		write_reject(r, loc.p);
		buf_free(&loc);
	}
	if (strict)
		zl_exit(zl_finish(ZL_REJECTED));
}

void
rec_reject(const struct rec *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	reject(r, fmt, fmt, ap);
	va_end(ap);
}

void
rec_reject_as(const struct rec *r, const char *reason, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	reject(r, reason ? reason : fmt, fmt, ap);
	va_end(ap);
}

size_t
rec_keep_size(const struct rec *rec)
{
	size_t i, n = sizeof *rec + rec->nf * sizeof *rec->f + rec->raw.n + 1;

	for (i = 0; rec->f != NULL && i < rec->nf; i++)
		n += rec->f[i].n + 1;
	return (n + 7) & ~(size_t)7;
}

/* A copy of rec in mem (not its head). */
struct rec *
rec_keep_at(const struct rec *rec, void *mem)
{
	struct rec *k = mem;
	size_t i;
	char *p;

	*k = *rec;
	k->f = rec->f != NULL ? (struct str *)(k + 1) : NULL;
	p = (char *)(k + 1) + rec->nf * sizeof *k->f;
	for (i = 0; rec->f != NULL && i < rec->nf; i++) {
		memcpy(p, rec->f[i].p, rec->f[i].n);
		k->f[i].p = p;
		k->f[i].n = rec->f[i].n;
		p += rec->f[i].n + 1;
	}
	memcpy(p, rec->raw.p, rec->raw.n);
	k->raw.p = p;
	k->pos = -1;
	return k;
}

struct rec *
rec_keep(const struct rec *rec)
{
	return rec_keep_at(rec, xmalloc(rec_keep_size(rec)));
}

void
rej_hold(struct rej_held **v, size_t *n, size_t *cap, const struct rec *r,
    const char *reason, const char *msg, size_t at)
{
	struct rej_held *h;

	if (*n == *cap)
		*v = xgrow(*v, cap, 16, sizeof **v);
	h = &(*v)[(*n)++];
	h->rec = rec_keep(r);
	h->reason = reason;
	h->msg = xstrdup(msg);
	h->at = at;
}

void
rej_held_report(struct rej_held *h, long shift)
{
	h->rec->line += shift;
	rej_report(h->rec, h->reason, h->msg);
	free(h->rec);
	free(h->msg);
	h->rec = NULL;
	h->msg = NULL;
}

void
rej_held_clear(struct rej_held *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].rec);
		free(v[i].msg);
		v[i].rec = NULL;
		v[i].msg = NULL;
	}
}
