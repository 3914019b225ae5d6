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

/* n bytes of fd at off, added to b. */
static void
copy_in(struct buf *b, int fd, unsigned long long off, size_t n)
{
	buf_grow(b, n);
	while (n > 0) {
		ssize_t got = pread(fd, b->p + b->n, n, (off_t)off);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			zl_die(ZL_IOERR, "%s", strerror(errno));
		if (got == 0)
			changed();
		b->n += (size_t)got;
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

void
again_read(int mfd, int fd, unsigned long long data, struct again *a, size_t n,
    struct buf *ids)
{
	struct parser ps = { .need_due = out_needs_deadline() };
	struct buf file = { 0 };
	struct rd_opts ro = cli_rd_opts();
	struct key key;
	struct rec *rec;
	struct rd *r;
	char path[64], *name = path;
	size_t k;

	copy_in(&file, fd, 0, (size_t)data);
	for (k = 0; k < n; k++) {
		if (a[k].end <= a[k].off || a[k].end - a[k].off > SIZE_MAX / 2)
			changed();
		a[k].at = file.n;
		copy_in(&file, fd, a[k].off, (size_t)(a[k].end - a[k].off));
	}
	write_all(mfd, file.p, file.n);
	buf_free(&file);
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
