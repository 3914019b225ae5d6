/* zl: diagnostics, exit, allocation and small strings. */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lib/zl.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* The message catalogue is found beside the program: BIN/../share/locale,
 * BIN the folder of /proc/self/exe.  The same rule holds in the build tree
 * (build/bin, build/share/locale, where make puts zhili.mo) and installed
 * (PREFIX/bin, PREFIX/share/locale), so a copy moved with its prefix or run
 * from build/bin needs no flag or environment.  A compiled-in path alone
 * would miss the build tree; an environment variable would be forgotten.
 * Where /proc is absent or the folder missing, LOCALEDIR; where no
 * catalogue is found at all, gettext gives the English text. */
static const char *
localedir(void)
{
	static char dir[4096];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 32);
	char *slash;

	if (n <= 0)
		return LOCALEDIR;
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (slash == NULL)
		return LOCALEDIR;
	strcpy(slash, "/../share/locale");
	return access(dir, X_OK) == 0 ? dir : LOCALEDIR;
}

const char *zl_prog = "zhili";

static struct end {
	zl_end_fn *fn;
	void *arg;
} * at_end; /* grown as needed (a reader a file: many at once) */
static int nat_end;
static size_t capat_end;
static void (*before_message)(void);

void
zl_init(const char *prog)
{
	static char errbuf[8192];

	zl_prog = prog;
	/* Messages are written a line at a time to a terminal, and a
	 * buffer at a time elsewhere: many rejected records cost a few
	 * writes, not several each.  Every exit path flushes. */
	setvbuf(stderr, errbuf, isatty(2) ? _IOLBF : _IOFBF, sizeof errbuf);
	signal(SIGPIPE, SIG_DFL);
	/* Messages only: numbers and character classes stay in "C". */
	setlocale(LC_MESSAGES, "");
	bindtextdomain("zhili", localedir());
	bind_textdomain_codeset("zhili", "UTF-8");
	/* strerror's words (glibc's own catalogue) in UTF-8 too: under
	 * LC_CTYPE "C" they would be converted to ASCII, each character a
	 * question mark. */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("zhili");
}

void
zl_vwarn_col(const char *file, long line, long col, const char *fmt, va_list ap)
{
	if (before_message != NULL)
		before_message();
	fprintf(stderr, "%s: ", zl_prog);
	if (file != NULL) {
		fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		if (line > 0 && col > 0)
			fprintf(stderr, ":%ld", col);
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
zl_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
zl_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(file, line, 0, fmt, ap);
	va_end(ap);
}

void
zl_warn_col(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(file, line, col, fmt, ap);
	va_end(ap);
}

void
zl_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(NULL, 0, 0, fmt, ap);
	va_end(ap);
	zl_exit(status);
}

void
zl_die_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(file, line, 0, fmt, ap);
	va_end(ap);
	zl_exit(status);
}

void
zl_die_col(int status, const char *file, long line, long col, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(file, line, col, fmt, ap);
	va_end(ap);
	zl_exit(status);
}

void
zl_at_end(zl_end_fn *fn, void *arg)
{
	if ((size_t)nat_end == capat_end)
		at_end = xgrow(at_end, &capat_end, 32, sizeof *at_end);
	at_end[nat_end].fn = fn;
	at_end[nat_end].arg = arg;
	nat_end++;
}

void
zl_at_end_cancel(zl_end_fn *fn, void *arg)
{
	int i;

	for (i = nat_end - 1; i >= 0; i--)
		if (at_end[i].fn == fn && at_end[i].arg == arg) {
			memmove(&at_end[i], &at_end[i + 1],
			    (size_t)(nat_end - i - 1) * sizeof at_end[0]);
			nat_end--;
			return;
		}
}

void
zl_before_message(void (*fn)(void))
{
	before_message = fn;
}

/* The end-of-run work, the last registered first, each once. */
static int
run_at_end(int status, int fatal)
{
	while (nat_end > 0) {
		nat_end--;
		status = at_end[nat_end].fn(status, fatal, at_end[nat_end].arg);
	}
	return status;
}

/*
 * A fatal error: the end-of-run work (what was written is flushed, the
 * --reject file closed), and the process ends at once (no atexit
 * handlers: memory still held is not worth freeing, nor reporting as a
 * leak).
 */
void
zl_exit(int status)
{
	run_at_end(status, 1);
	fflush(NULL);
	_exit(status);
}

void
zl_exit_signal(int sig)
{
	run_at_end(128 + sig, 1);
	fflush(NULL);
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

int
zl_finish(int status)
{
	status = run_at_end(status, 0);
	/* what went through stdio (--help, --version) */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			zl_warn(_("write error: %s"), strerror(errno));
		status = ZL_IOERR;
	}
	if (fflush(stderr) != 0)
		status = ZL_IOERR;
	return status;
}

static _Noreturn void
nomem(void)
{
	fprintf(stderr, "%s: %s\n", zl_prog, strerror(ENOMEM));
	fflush(stderr);
	_exit(ZL_IOERR);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
xhuge(size_t n)
{
	size_t huge = 2u << 20, m = (n + huge - 1) & ~(huge - 1);
	void *p;

	/* whole huge pages: the kernel gives none to a part of one (4 MB
	 * and 4 bytes had its last 2 MiB in small pages) */
	if (m < n || posix_memalign(&p, huge, m ? m : huge) != 0)
		nomem();
#ifdef MADV_HUGEPAGE
	madvise(p, m ? m : huge, MADV_HUGEPAGE);
#endif
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		nomem();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		nomem();
	return xrealloc(p, n * size);
}

void *
xgrow(void *p, size_t *cap, size_t init, size_t size)
{
	if (*cap > SIZE_MAX / 2)
		nomem();
	*cap = *cap ? *cap * 2 : init;
	return xreallocarray(p, *cap, size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->n - 1)
		nomem();
	need = b->n + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->p = xrealloc(b->p, b->cap);
	b->p[b->n] = '\0';
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_addc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->p[b->n++] = (char)c;
	b->p[b->n] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0)
		return;
	buf_grow(b, (size_t)len);
	vsnprintf(b->p + b->n, (size_t)len + 1, fmt, ap);
	b->n += (size_t)len;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->n = 0;
	if (b->cap > 0)
		b->p[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

static int
is_space_at(const char *p, size_t n)
{
	/* ASCII white space, or U+3000 IDEOGRAPHIC SPACE (E3 80 80) */
	if (n >= 1 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	if (n >= 3 && (unsigned char)p[0] == 0xE3 &&
	    (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

struct str
str_trim_any(struct str s)
{
	int k;

	while (s.n > 0 && (k = is_space_at(s.p, s.n)) > 0) {
		s.p += k;
		s.n -= (size_t)k;
	}
	for (;;) {
		if (s.n >= 1 && is_space_at(s.p + s.n - 1, 1) == 1)
			s.n--;
		else if (s.n >= 3 && is_space_at(s.p + s.n - 3, 3) == 3)
			s.n -= 3;
		else
			break;
	}
	return s;
}

int
str_eqi(struct str a, const char *b)
{
	size_t i;

	for (i = 0; i < a.n; i++) {
		unsigned char x = (unsigned char)a.p[i],
			      y = (unsigned char)b[i];

		if (y == '\0')
			return 0;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return b[a.n] == '\0';
}

unsigned long long
str_mix64(unsigned long long h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

unsigned long long
str_hash(const char *s, size_t n, unsigned long long seed)
{
	uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ULL), w;

	/* eight bytes at a time, one multiply each; mixed at the end */
	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
		s += 8;
		n -= 8;
	}
	w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* the last n bytes as memcpy would put them in w, without storing
	 * them one by one (a load of w after byte stores stalls) */
	if (n >= 4) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = a | (uint64_t)b << (8 * (n - 4));
	} else if (n > 0)
		w = (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
		    (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
#else
	if (n > 0)
		memcpy(&w, s, n);
#endif
	return str_mix64((h ^ w ^ ((uint64_t)n << 56)) * 0x94d049bb133111ebULL);
}

/*
 * The full-width character at p (left bytes there) folded: its ASCII
 * byte in *c and 3 (its length), or 0 when it is not one.
 */
static int
fold_at(const unsigned char *p, size_t left, char *c)
{
	if (left < 3)
		return 0;
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF)
		*c = (char)(p[2] - 0x81 + 0x21); /* U+FF01..U+FF3F */
	else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E)
		*c = (char)(p[2] - 0x80 + 0x60); /* U+FF40..U+FF5E */
	else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		*c = ' '; /* U+3000 */
	else
		return 0;
	return 3;
}

/* Index of the first byte that may start a full-width character, or n
 * (each of the two lead bytes looked for by memchr: Chinese text has
 * neither, most of the time). */
static size_t
fold_start(const char *s, size_t n)
{
	size_t i = str_ascii_skip(s, 0, n); /* nothing to fold in ASCII */
	const char *ef, *e3;

	if (i + 2 >= n)
		return n;
	if (n - i < 16) { /* a short value: byte by byte, no two calls */
		for (; i + 2 < n; i++)
			if ((unsigned char)s[i] == 0xEF ||
			    (unsigned char)s[i] == 0xE3)
				return i;
		return n;
	}
	ef = memchr(s + i, 0xEF, n - 2 - i);
	e3 = memchr(s + i, 0xE3, ef != NULL ? (size_t)(ef - s) - i : n - 2 - i);
	if (e3 != NULL)
		return (size_t)(e3 - s);
	return ef != NULL ? (size_t)(ef - s) : n;
}

struct str
str_fold(struct str s, struct buf *b, size_t *nfolded)
{
	size_t i, n = 0;
	char c;

	if (nfolded != NULL)
		*nfolded = 0;
	if (fold_start(s.p, s.n) == s.n)
		return s;
	buf_reset(b);
	buf_grow(b, s.n);
	for (i = 0; i < s.n; i++) {
		if (fold_at((const unsigned char *)s.p + i, s.n - i, &c)) {
			b->p[b->n++] = c;
			i += 2;
			n++;
		} else
			b->p[b->n++] = s.p[i];
	}
	b->p[b->n] = '\0';
	if (nfolded != NULL)
		*nfolded = n;
	return (struct str) { b->p, b->n };
}

long
str_fold_to(const char *s, size_t n, char *out, size_t max)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (o + 1 >= max || s[i] == '\0')
			return -1;
		if (fold_at((const unsigned char *)s + i, n - i, &out[o])) {
			o++;
			i += 2;
		} else
			out[o++] = s[i];
	}
	if (max == 0)
		return -1;
	out[o] = '\0';
	return (long)o;
}
