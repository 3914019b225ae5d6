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
void out_putc(int c);
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

#endif
