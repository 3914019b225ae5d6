/*
 * out: buffered standard output.  One large buffer written with write(2);
 * a failed write ends the program with status 3 and a message, except a
 * closed pipe, which ends it quietly: by SIGPIPE, at once (its default),
 * or when a module ignores it (rej, to keep its file), after the
 * end-of-run work.  The buffer is flushed before each message on
 * stderr and at the end of the run (zl_before_message, zl_at_end).
 * out_putc is inline (lib/out.h): a byte stored when there is room.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/out.h"
#include "lib/zl.h"

#define OUT_SIZE (256u << 10)

struct out_buf out_buf;
static int out_err; /* a write failed (errno); output is discarded since */
static int ofd = 1; /* where: standard output, or an out_to's file */
static const char *oname; /* its name (NULL: standard output) */

/* Write it all: 0, or -1 and errno. */
static int
write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(ofd, p, n);

		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Say so (a closed pipe quietly), and end the run: the end-of-run work
 * still closes the --reject file. */
static _Noreturn void
out_fail(void)
{
	if (out_err == EPIPE && oname == NULL)
		zl_exit_signal(SIGPIPE);
	if (oname != NULL)
		zl_warn("%s: %s", oname, strerror(out_err));
	else
		zl_warn(_("write error: %s"), strerror(out_err));
	zl_exit(ZL_IOERR);
}

/* Write the buffer out; a failure is kept in out_err. */
static void
flush_buffer(void)
{
	size_t n = out_buf.n;

	out_buf.n = 0;
	/* the messages so far first, where both go to one place */
	if (n > 0)
		fflush(stderr);
	if (n > 0 && out_err == 0 && write_all(out_buf.p, n) != 0) {
		out_err = errno;
		out_buf.cap = 0; /* out_putc reports it */
	}
}

void
out_flush(void)
{
	flush_buffer();
	if (out_err != 0)
		out_fail();
}

/*
 * Before a message on stderr: a failure is not reported inside another
 * message; the next write (or the end of the run) reports it.
 */
static void
flush_quietly(void)
{
	flush_buffer();
}

static int
out_end(int status, int fatal, void *arg)
{
	(void)fatal;
	(void)arg;
	zl_before_message(NULL);
	flush_buffer();
	free(out_buf.p);
	out_buf.p = NULL;
	out_buf.cap = 0;
	if (out_err != 0 && !fatal) {
		if (out_err != EPIPE)
			zl_warn(_("write error: %s"), strerror(out_err));
		status = ZL_IOERR;
	}
	return status;
}

/* The buffer, set up once (then flushed before messages and at the end). */
static void
out_start(void)
{
	out_buf.p = xmalloc(OUT_SIZE);
	out_buf.cap = OUT_SIZE;
	zl_before_message(flush_quietly);
	zl_at_end(out_end, NULL);
}

void
out_write(const void *p, size_t n)
{
	if (out_buf.p == NULL)
		out_start();
	if (out_err != 0)
		out_fail();
	if (out_buf.n + n > OUT_SIZE) {
		out_flush();
		if (n >= OUT_SIZE) {
			if (write_all(p, n) != 0) {
				out_err = errno;
				out_fail();
			}
			return;
		}
	}
	memcpy(out_buf.p + out_buf.n, p, n);
	out_buf.n += n;
}

char *
out_room_slow(size_t n)
{
	if (n > OUT_SIZE)
		return NULL;
	if (out_buf.p == NULL)
		out_start();
	if (out_err != 0 || out_buf.n + n > OUT_SIZE)
		out_flush();
	return out_buf.p + out_buf.n;
}

/* out_putc when the buffer is full, not there yet, or a write failed. */
void
out_putc_slow(int c)
{
	char ch = (char)c;

	out_write(&ch, 1);
}

void
out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void
out_printf(const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		out_write(small, (size_t)n);
	} else {
		char *big = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		out_write(big, (size_t)n);
		free(big);
	}
}

/* ---- other files written as standard output is ---- */

/* A destination's buffer and state while another one is in use. */
struct out_to {
	struct out_buf b;
	int err, fd;
	const char *name;
};

static struct out_to std_out = { { NULL, 0, 0 }, 0, 1, NULL };
static struct out_to *cur = &std_out;

struct out_to *
out_to_open(int fd, const char *name)
{
	struct out_to *t = xcalloc(1, sizeof *t);

	t->fd = fd;
	t->name = name;
	return t;
}

/* out_buf (the inline out_putc's) and the rest swapped in and out. */
void
out_to_use(struct out_to *t)
{
	if (t == NULL)
		t = &std_out;
	if (t == cur)
		return;
	if (out_buf.p == NULL && cur == &std_out)
		out_start(); /* (its end work, for standard output) */
	cur->b = out_buf;
	cur->err = out_err;
	if (t->b.p == NULL) {
		t->b.p = xmalloc(OUT_SIZE);
		t->b.cap = OUT_SIZE;
	}
	out_buf = t->b;
	out_err = t->err;
	ofd = t->fd;
	oname = t->name;
	cur = t;
}

int
out_to_close(struct out_to *t)
{
	int e;

	out_to_use(t);
	flush_buffer();
	e = out_err;
	out_to_use(NULL);
	if (close(t->fd) != 0 && e == 0)
		e = errno;
	free(t->b.p);
	free(t);
	errno = e;
	return e != 0 ? -1 : 0;
}
