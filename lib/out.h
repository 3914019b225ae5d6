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
 * The buffer as out_putc and out_room see it, for their inline fast paths
 * only: cap is 0 until the first write and after a failed one, so that
 * out_putc_slow and out_room_slow start the buffer or report the
 * failure.
 */
struct out_buf {
	char *p;
	size_t n, cap;
};
extern struct out_buf out_buf;
void out_putc_slow(int c);
char *out_room_slow(size_t n);

/*
 * Room for n bytes at the end of the buffer (flushed first when needed),
 * to be written straight into, then kept with out_wrote(k), k <= n; NULL
 * when n is more than the buffer holds.
 */
static inline char *
out_room(size_t n)
{
	if (n <= out_buf.cap - out_buf.n)
		return out_buf.p + out_buf.n;
	return out_room_slow(n);
}

static inline void
out_wrote(size_t k)
{
	out_buf.n += k;
}

static inline void
out_putc(int c)
{
	if (out_buf.n < out_buf.cap)
		out_buf.p[out_buf.n++] = (char)c;
	else
		out_putc_slow(c);
}

/*
 * Other files, written as standard output is: out_to_open makes a
 * destination of its own for fd (name: for messages); out_to_use sends
 * what the out_* functions (and so the record writers) write there from
 * then on, each destination with its own buffer (NULL: standard output
 * again); out_to_close flushes it, closes fd and frees it: 0, or -1 and
 * errno.  A failed write to it ends the run with its name and status 3.
 */
struct out_to;
struct out_to *out_to_open(int fd, const char *name);
void out_to_use(struct out_to *t);
int out_to_close(struct out_to *t);

#endif
