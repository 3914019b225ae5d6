/*
 * dual-report: the rows ahead of the reading, found in the file's bytes
 * (mapped) by their line ends, a field (a member's id) as the bytes of
 * its column between separators: given to a function that fetches what
 * the row will look up (its place in a table larger than a cache) some
 * rows before the row is read.  A row that is not as simple (quotes, a
 * line end in a field) fetches something of no use, no more.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/dual-report/dr.h"

#define AHEAD 4096	 /* bytes: some 50 rows */
#define DROP  (1u << 20) /* the pages read, let go a MiB at a time */

/*
 * The pages of the map before off (those of rows read) let go of: they
 * stay in the page cache, but not in the process's memory, which else
 * grows by the file's size.  (One pass of a members file uses it; -j's
 * threads read their activities without it: a second map of 83 MB,
 * its pages faulted in and let go by each thread, cost more than the
 * fetches saved.)
 */
static void
drop_before(struct ahead *h, unsigned long long off)
{
	size_t to = (size_t)off & ~(size_t)4095;

	if (!h->dropping) { /* the first row: from here on */
		h->dropping = 1;
		h->drop = to;
		return;
	}
	if (to < h->drop + DROP)
		return;
	madvise((void *)(h->map + h->drop), to - h->drop, MADV_DONTNEED);
	h->drop = to;
}

void
ahead_fetch(struct ahead *h, unsigned long long off)
{
	const char *end;

	if (h->map == NULL)
		return;
	end = h->map + h->size;
	drop_before(h, off);
	if (h->at < off)
		h->at = (size_t)off;
	while (h->at < h->size && h->at < off + AHEAD) {
		const char *s = h->map + h->at, *nl, *q;
		long i;

		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		h->at = (size_t)(nl - h->map) + 1;
		for (i = 0; i < h->col && s != NULL; i++)
			if ((s = memchr(s, h->sep, (size_t)(nl - s))) != NULL)
				s++;
		if (s == NULL)
			continue;
		if ((q = memchr(s, h->sep, (size_t)(nl - s))) == NULL)
			q = nl;
		if (q > s)
			h->fetch((struct str) { s, (size_t)(q - s) });
	}
}

int
ahead_open(struct ahead *h, struct rd *r, long col, void (*fetch)(struct str))
{
	unsigned long long data0;
	struct stat sb;
	long line;
	void *map;
	int fd, fmt;

	memset(h, 0, sizeof *h);
	if (col < 0 || (fmt = rd_parts(r, &data0, &line)) == 0 ||
	    (fd = open(rd_first_file(r), O_RDONLY)) < 0)
		return 0;
	if (fstat(fd, &sb) != 0 || sb.st_size <= 0) {
		close(fd);
		return 0;
	}
	map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return 0;
	h->map = map;
	h->size = (size_t)sb.st_size;
	h->col = col;
	h->sep = fmt == FMT_CSV ? ',' : '\t';
	h->fetch = fetch;
	h->own = 1;
	return 1;
}

void
ahead_close(struct ahead *h)
{
	if (h->own && h->map != NULL)
		munmap((void *)h->map, h->size);
	memset(h, 0, sizeof *h);
}
