/*
 * zl: diagnostics, process exit, allocation and small strings shared by every
 * zhili program.  See DESIGN.md section 4.  The bottom layer: it calls
 * nothing of zhili's.  The modules above it that have work to do when the
 * program ends (flush standard output, close the --reject file) hand it to
 * zl_at_end.
 */
#ifndef ZL_H
#define ZL_H

#include <stddef.h>
#include <stdarg.h>
#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

#define ZHILI_VERSION "0.1.0"

/* Exit status (DESIGN.md section 4). */
enum {
	ZL_OK = 0,	 /* success */
	ZL_REJECTED = 1, /* finished, but some input records were rejected */
	ZL_USAGE = 2,	 /* usage or configuration error */
	ZL_IOERR = 3	 /* unreadable input, failed write */
};

/* The formats of the record stream: input (auto, tsv, csv) and output. */
enum zl_fmt {
	FMT_AUTO,
	FMT_TSV,
	FMT_CSV,
	FMT_JSON,
	FMT_TABLE,
	FMT_MD,
	FMT_XLSX
};

/* A byte string that is not NUL-terminated. */
struct str {
	const char *p;
	size_t n;
};

/* A growable byte buffer; p is always NUL-terminated when cap > 0. */
struct buf {
	char *p;
	size_t n, cap;
};

extern const char *zl_prog;

/* Call first in main: program name, gettext, SIGPIPE default. */
void zl_init(const char *prog);

/* "prog: message" on stderr. */
void zl_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: FILE:LINE: message" (line 0: "prog: FILE: message"). */
void zl_warn_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "prog: FILE:LINE:COL: message" (config and regex errors). */
void zl_warn_col(const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void zl_vwarn_col(const char *file, long line, long col, const char *fmt,
    va_list ap);
/* Print "prog: message" and exit with status. */
_Noreturn void zl_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void zl_die_at(int status, const char *file, long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
_Noreturn void zl_die_col(int status, const char *file, long line, long col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * End-of-run work of a module above zl: fn(status, fatal, arg) returns the
 * exit status, raised when its own work failed (ZL_IOERR) or found
 * something to report (ZL_REJECTED).  zl_finish (fatal 0) and zl_exit
 * (fatal 1) call the functions registered, the last registered first, each
 * once: it is taken off the list before it is called.  The list grows
 * as needed.
 */
typedef int zl_end_fn(int status, int fatal, void *arg);
void zl_at_end(zl_end_fn *fn, void *arg);
/* Take fn with arg off the list again (when it is there). */
void zl_at_end_cancel(zl_end_fn *fn, void *arg);
/*
 * Called before each message on stderr (out: standard output is flushed
 * first, so that the two keep their order on a terminal); NULL: none.
 */
void zl_before_message(void (*fn)(void));

/* End the program at once after a fatal error: the zl_at_end work (fatal),
 * then _exit(status). */
_Noreturn void zl_exit(int status);
/* End the program at once by the signal sig (its default action), after
 * the zl_at_end work (fatal). */
_Noreturn void zl_exit_signal(int sig);

/*
 * End the program normally: the zl_at_end work (standard output flushed
 * and checked, the --reject file closed, the rejection summary), stderr
 * and stdout checked; returns the exit status to hand back from main.
 */
int zl_finish(int status);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/*
 * p (an array of *cap items of size bytes) grown: *cap doubled, or init
 * when it is 0.  For arrays that grow an item at a time.
 */
void *xgrow(void *p, size_t *cap, size_t init, size_t size);
/*
 * n bytes (free them with free()) in huge pages where the kernel gives
 * them (transparent huge pages on madvise): for big tables written or
 * read at random, where page faults and TLB misses of small pages cost
 * more than the work.  Not zeroed.  n is rounded up to whole huge pages
 * (2 MiB): asking for 4 MB and 4 bytes takes 6 MiB of address space (only
 * the pages touched are memory).
 */
void *xhuge(size_t n);
char *xstrndup(const char *s, size_t n);

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, int c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Trim ASCII spaces, tabs, CR/LF and U+3000 (ideographic space) both ends. */
struct str str_trim_any(struct str s);
static inline struct str
str_trim(struct str s)
{
	unsigned char a, z;

	/* most values have nothing to trim: told from their end bytes */
	if (s.n == 0)
		return s;
	a = (unsigned char)s.p[0];
	z = (unsigned char)s.p[s.n - 1];
	if (a > ' ' && a != 0xE3 && z > ' ' && z != 0x80)
		return s;
	return str_trim_any(s);
}
/* Equal ignoring ASCII case. */
int str_eqi(struct str a, const char *b);
/*
 * A 64-bit hash of n bytes, seeded: every bit of the result depends on
 * every byte (tables may index by the low bits or the high ones).
 */
unsigned long long str_hash(const char *s, size_t n, unsigned long long seed);
/* The finaliser of MurmurHash3 (fmix64): every bit of h moves every bit;
 * in 64-bit integers, the same on every machine. */
unsigned long long str_mix64(unsigned long long h);
/*
 * Full-width (全角) characters folded to ASCII: U+FF01..U+FF5E and the
 * ideographic space U+3000 (DESIGN.md section 3, for identifiers, phones,
 * numbers and dates).  s itself when there is nothing to fold, else the
 * folded text in b; *nfolded (may be NULL) counts the characters folded.
 */
struct str str_fold(struct str s, struct buf *b, size_t *nfolded);
/*
 * The same into out (max bytes, NUL-terminated): the length, or -1 when it
 * does not fit or holds a NUL byte (it is not text).  For short values.
 */
long str_fold_to(const char *s, size_t n, char *out, size_t max);
static inline struct str str_c(const char *s);

#include <stdint.h>
#include <string.h>

/*
 * Are the n bytes at a and b the same?  Short values (4 to 16 bytes: ids,
 * status words, group values) compared as two words of each side that
 * overlap, inside the n bytes, with no call; others by memcmp.
 */
static inline int
str_same(const char *a, const char *b, size_t n)
{
	uint64_t x, y, u, v;
	uint32_t e, f, g, h;

	if (n >= 8 && n <= 16) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return ((x ^ y) | (u ^ v)) == 0;
	}
	if (n >= 4 && n < 8) {
		memcpy(&e, a, 4);
		memcpy(&f, b, 4);
		memcpy(&g, a + n - 4, 4);
		memcpy(&h, b + n - 4, 4);
		return ((e ^ f) | (g ^ h)) == 0;
	}
	return n == 0 || memcmp(a, b, n) == 0;
}

/*
 * From i, where the first byte of s[0..n) that is not ASCII may be: past
 * the whole words of eight ASCII bytes (most text is ASCII: the loops
 * that look for something else start here).
 */
static inline size_t
str_ascii_skip(const char *s, size_t i, size_t n)
{
	while (i + 8 <= n) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	return i;
}
static inline struct str
str_c(const char *s)
{
	struct str r = { s, strlen(s) };
	return r;
}

#endif
