/*
 * case-stats -j, one pass, CSV: the cases that may have come twice found
 * again by reading their records again.  A part notes where each case's
 * record begins (rd_offset: 4 bytes a case, as a TSV file's positions),
 * not the case itself (noted.c: about 10 bytes a case, written as they
 * come).  At the end the records wanted, each from its offset to where
 * the next case of its part begins (whole records, as the part's reader
 * met them), are copied after the file's header into a file in memory,
 * which a reader of its own reads as the part's read them (lib/rd has no
 * rd_reread of a CSV record).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/case-stats/case-stats.h"

/* Where the file in memory is opened by its name. */
static void
path_of(int fd, char *path, size_t n)
{
	snprintf(path, n, "/proc/self/fd/%d", fd);
}

int
again_open(void)
{
	char path[64];
	int fd, t;

	if ((fd = memfd_create("case-stats", MFD_CLOEXEC)) < 0)
		return -1;
	path_of(fd, path, sizeof path);
	if ((t = open(path, O_RDONLY)) < 0) {
		close(fd);
		return -1;
	}
	close(t);
	return fd;
}

static void
changed(void)
{
	zl_die(ZL_IOERR, _("the input changed while it was read"));
}

/* n bytes of fd at off, to p. */
static void
copy_in(char *p, int fd, unsigned long long off, size_t n)
{
	while (n > 0) {
		ssize_t got = pread(fd, p, n, (off_t)off);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			zl_die(ZL_IOERR, "%s", strerror(errno));
		if (got == 0)
			changed();
		p += got;
		off += (unsigned long long)got;
		n -= (size_t)got;
	}
}

static void
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t put = write(fd, p, n);

		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			zl_die(ZL_IOERR, "%s", strerror(errno));
		p += put;
		n -= (size_t)put;
	}
}

/* The record at offset o of the file in memory: which of a (from k on)
 * it is, or n when none. */
static size_t
wanted_at(const struct again *a, size_t n, size_t *k, unsigned long long o)
{
	while (*k < n && a[*k].at < o)
		(*k)++;
	return *k < n && a[*k].at == o ? *k : n;
}

/* The case of record rec, wanted as a[k]: into a[k].c, its id in ids. */
static void
take(struct parser *ps, struct key *key, struct rec *rec, struct again *a,
    struct buf *ids)
{
	struct kase k;

	rec->line = 0; /* (read again: warned the first time) */
	if (!case_take(ps, rec, &k) || seen_hash(k.id) != a->hash)
		changed();
	ccase_of(&a->c, &k, group_of_case(key, rec, &k));
	a->c.id.p = NULL;
	a->idat = ids->n;
	buf_add(ids, k.id.p, k.id.n);
	a->done = 1;
}

/*
 * The file's header (data bytes), then the records of a, into the file in
 * memory mfd; each record's place in it, a[].at.  Through a small buffer,
 * written when full: the same pages again (a page touched the first time
 * costs more than the read of a record: 3 to 5 us in this VM; the reads
 * took no less time when shared by two threads).
 */
static void
copy_all(int mfd, int fd, unsigned long long data, struct again *a, size_t n)
{
	static char b[64u << 10];
	unsigned long long at = 0, len;
	size_t k, used = 0;

	for (k = 0; k <= n; k++) {
		unsigned long long from = k == 0 ? 0 : a[k - 1].off;

		len = k == 0 ? data : a[k - 1].end - a[k - 1].off;
		if (k > 0 &&
		    (a[k - 1].end <= a[k - 1].off || len > ULLONG_MAX / 2 - at))
			changed();
		if (k > 0)
			a[k - 1].at = at;
		at += len;
		while (len > 0) {
			size_t m = len < sizeof b - used ? (size_t)len :
							   sizeof b - used;

			copy_in(b + used, fd, from, m);
			used += m;
			from += m;
			len -= m;
			if (used == sizeof b) {
				write_all(mfd, b, used);
				used = 0;
			}
		}
	}
	write_all(mfd, b, used);
}

void
again_read(int mfd, int fd, unsigned long long data, struct again *a, size_t n,
    struct buf *ids)
{
	struct parser ps = { .need_due = out_needs_deadline() };
	struct rd_opts ro = cli_rd_opts();
	struct key key;
	struct rec *rec;
	struct rd *r;
	char path[64], *name = path;
	size_t k;

	copy_all(mfd, fd, data, a, n);
	path_of(mfd, path, sizeof path);
	ro.fmt = FMT_CSV;
	ro.enc = ENC_UTF8;
	ro.progress = 0;
	ro.quiet = 1;
	ro.need = case_need;
	r = rd_open(1, &name, &ro);
	key_init(&key);
	k = 0;
	while (k < n && rd_next(r, &rec)) {
		size_t w = wanted_at(a, n, &k, rd_offset(r));

		if (w < n && rd_nfields(r) > 0)
			take(&ps, &key, rec, &a[w], ids);
	}
	for (k = 0; k < n; k++)
		if (!a[k].done)
			changed();
	key_free(&key);
	parser_free(&ps);
	rd_close(r);
}
