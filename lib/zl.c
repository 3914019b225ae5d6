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

#include "lib/rec.h"
#include "lib/zl.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

const char *zl_prog = "zhili";
void (*zl_exit_hook)(int status);

void
zl_init(const char *prog)
{
	zl_prog = prog;
	signal(SIGPIPE, SIG_DFL);
	/* Messages only: numbers and character classes stay in "C". */
	setlocale(LC_MESSAGES, "");
	bindtextdomain("zhili", LOCALEDIR);
	bind_textdomain_codeset("zhili", "UTF-8");
	textdomain("zhili");
}

void
zl_vwarn_col(const char *file, long line, long col, const char *fmt,
    va_list ap)
{
	out_flush();
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
zl_die_col(int status, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zl_vwarn_col(file, line, col, fmt, ap);
	va_end(ap);
	zl_exit(status);
}

/*
 * A fatal error: what was written is flushed, the --reject file closed,
 * and the process ends at once (no atexit handlers: memory still held is
 * not worth freeing, nor reporting as a leak).
 */
void
zl_exit(int status)
{
	if (zl_exit_hook != NULL)
		zl_exit_hook(status);
	out_flush();
	rej_close();
	fflush(NULL);
	_exit(status);
}

int
zl_finish(int status)
{
	unsigned long long nrej = rej_count();

	if (out_flush() != 0) {
		if (errno != EPIPE)
			zl_warn(_("write error: %s"), strerror(errno));
		return ZL_IOERR;
	}
	if (rej_close() != 0)
		status = ZL_IOERR;
	if (nrej > 0) {
		zl_warn(_("%llu of %llu records rejected"), nrej, rec_total());
		if (status < ZL_REJECTED)
			status = ZL_REJECTED;
	}
	if (fflush(stderr) != 0 || ferror(stdout))
		status = ZL_IOERR;
	return status;
}

static _Noreturn void
nomem(void)
{
	fprintf(stderr, "%s: %s\n", zl_prog, strerror(ENOMEM));
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
	void *p;

	if (posix_memalign(&p, 2u << 20, n ? n : 1) != 0)
		nomem();
#ifdef MADV_HUGEPAGE
	madvise(p, n, MADV_HUGEPAGE);
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
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	buf_grow(b, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
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
		unsigned char x = (unsigned char)a.p[i], y = (unsigned char)b[i];

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

struct str
str_fold(struct str s, struct buf *b, size_t *nfolded)
{
	size_t i = 0, n = 0;

	if (nfolded != NULL)
		*nfolded = 0;
	/* nothing to fold in ASCII, the usual case: eight bytes at a time */
	while (i + 8 <= s.n) {
		uint64_t w;

		memcpy(&w, s.p + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	for (; i + 2 < s.n; i++)
		if ((unsigned char)s.p[i] == 0xEF || (unsigned char)s.p[i] == 0xE3)
			break;
	if (i + 2 >= s.n)
		return s;
	buf_reset(b);
	for (i = 0; i < s.n; i++) {
		const unsigned char *p = (const unsigned char *)s.p + i;

		if (i + 3 <= s.n && p[0] == 0xEF && p[1] == 0xBC &&
		    p[2] >= 0x81 && p[2] <= 0xBF) {
			buf_addc(b, (char)(p[2] - 0x81 + 0x21));
			i += 2;
			n++;
		} else if (i + 3 <= s.n && p[0] == 0xEF && p[1] == 0xBD &&
		    p[2] >= 0x80 && p[2] <= 0x9E) {
			buf_addc(b, (char)(p[2] - 0x80 + 0x60));
			i += 2;
			n++;
		} else if (i + 3 <= s.n && p[0] == 0xE3 && p[1] == 0x80 &&
		    p[2] == 0x80) {
			buf_addc(b, ' ');
			i += 2;
			n++;
		} else
			buf_addc(b, (char)p[0]);
	}
	if (nfolded != NULL)
		*nfolded = n;
	return (struct str){ b->p ? b->p : "", b->n };
}
