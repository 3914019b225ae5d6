/*
 * out: buffered standard output (256 KiB, written with write(2)).  A
 * failed write ends the program with status 3 and a message, except a
 * closed pipe, which ends it quietly (SIGPIPE keeps its default, so that
 * is normally the signal).  Flushed before each message on stderr and at
 * the end (zl_finish, zl_exit).
 */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>

void out_write(const void *p, size_t n);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_flush(void);
/*
 * Room for n bytes at the end of the buffer (flushed first when needed),
 * to be written straight into, then kept with out_wrote(k), k <= n; NULL
 * when n is more than the buffer holds.
 */
char *out_room(size_t n);
void out_wrote(size_t k);

/*
 * The buffer as out_putc sees it, for its inline fast path only: cap is 0
 * until the first write and after a failed one, so that out_putc_slow
 * starts the buffer or reports the failure.
 */
struct out_buf {
	char *p;
	size_t n, cap;
};
extern struct out_buf out_buf;
void out_putc_slow(int c);

static inline void
out_putc(int c)
{
	if (out_buf.n < out_buf.cap)
		out_buf.p[out_buf.n++] = (char)c;
	else
		out_putc_slow(c);
}

#endif
