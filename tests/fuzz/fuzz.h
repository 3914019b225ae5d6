/*
 * What the fuzz targets share: a check that aborts (the fuzzer's finding),
 * a field written for comparison, the end-of-run hook that goes back to
 * the fuzzer after a fatal error, and memory files, read by their names
 * in /proc/self/fd, so that no file is created, truncated or removed on
 * disk per run.  All static inline: a target takes what it uses.
 */
#ifndef ZL_FUZZ_H
#define ZL_FUZZ_H

#include <sys/mman.h>

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/wr.h"
#include "lib/zl.h"

static inline void
fuzz_check(int ok)
{
	if (!ok)
		abort();
}

/*
 * The last of the end-of-run work after a fatal error (zl_at_end(fuzz_hook,
 * &back)): back to the fuzzer at setjmp(back), the readers open having
 * been closed before, by their own.
 */
static inline int
fuzz_hook(int status, int fatal, void *arg)
{
	(void)status;
	(void)fatal;
	longjmp(*(jmp_buf *)arg, 1);
}

/* A memory file named name; its path, when p is not NULL, into p[0, n). */
static inline int
fuzz_memfile(const char *name, char *p, size_t n)
{
	int fd = memfd_create(name, 0);

	fuzz_check(fd >= 0);
	if (p != NULL)
		snprintf(p, n, "/proc/self/fd/%d", fd);
	return fd;
}

/* Memory file fd holds data[0, n) and nothing else. */
static inline void
fuzz_put(int fd, const void *data, size_t n)
{
	fuzz_check(ftruncate(fd, 0) == 0 &&
	    (n == 0 || pwrite(fd, data, n, 0) == (ssize_t)n));
}

/* Field p[0, n) onto b, escaped as TSV, after a '|' unless first. */
static inline void
fuzz_field(struct buf *b, int first, const char *p, size_t n)
{
	if (!first)
		buf_addc(b, '|');
	tsv_escape(b, p, n);
}

#endif
