/*
 * zhili-cat: --partition FIELD --parts N --prefix P, the records written
 * into N files, P00.tsv ..., by a stable hash of the field's value, so
 * that the records of one value (a case exported twice) land in one part
 * and the parts can be counted apart (case-stats --partial) and merged.
 *
 * The hash is FNV-1a 64 over the value's UTF-8 bytes, trimmed and
 * full-width folded as the programs compare identifiers, then mixed by
 * MurmurHash3's 64-bit finalizer (str_mix64, fmix64: FNV alone leaves the last
 * bytes in a few bits, and ids differ in their last digits); the part is
 * its remainder modulo N.  Byte by byte and in 64-bit integers: the same
 * on every machine and build.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/zhili-cat/partition.h"
#include "lib/cli.h"
#include "lib/out.h"
#include "lib/wr.h"

static uint64_t
fnv1a64(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

size_t
part_of(struct str v, size_t nparts, struct buf *b)
{
	buf_reset(b);
	v = str_fold(str_trim(v), b, NULL);
	return (size_t)(str_mix64(fnv1a64(v.p, v.n)) % nparts);
}

/* The name of part i of n: prefix, the number (two digits, or as many as
 * n - 1 needs), the format's extension. */
static char *
part_name(const char *prefix, size_t i, size_t n)
{
	static const char *const ext
	    [] = { [FMT_TSV] = "tsv", [FMT_CSV] = "csv", [FMT_JSON] = "json" };
	struct buf b = { 0 };
	int width = n > 100 ? 3 : 2;

	buf_printf(&b, "%s%0*zu.%s", prefix, width, i, ext[cli.out_fmt]);
	return b.p;
}

/* Are the paths a and b (a a file's name, b one or "-": standard input)
 * the same file? */
static int
same_file(const char *a, const char *b)
{
	struct stat as, bs;
	int std = strcmp(b, "-") == 0;

	if (!std && strcmp(a, b) == 0)
		return 1;
	return stat(a, &as) == 0 && (std ? fstat(0, &bs) : stat(b, &bs)) == 0 &&
	    as.st_dev == bs.st_dev && as.st_ino == bs.st_ino;
}

/* Exit 2 when the part name is one of the inputs (nin files in) or the
 * --reject file. */
static void
not_an_input(const char *name, int nin, char *const *in)
{
	int i;

	for (i = 0; i < nin || (nin == 0 && i == 0); i++) {
		const char *f = nin == 0 ? "-" : in[i];

		if (same_file(name, f))
			zl_die(ZL_USAGE,
			    _("--prefix: the part %s is also an input (%s); "
			      "give another prefix"),
			    name,
			    strcmp(f, "-") == 0 ? _("standard input") : f);
	}
	if (cli.reject != NULL && same_file(name, cli.reject))
		zl_die(ZL_USAGE,
		    _("--prefix: the part %s is also the --reject file; give "
		      "another prefix"),
		    name);
}

struct part {
	char *name;
	struct out_to *to;
	struct wr *w;
};

/* Open the parts (each begun with the header). */
static struct part *
parts_open(const struct partition *pt, size_t nf, const struct str *names,
    const unsigned char *types, int nin, char *const *in)
{
	struct part *p = xcalloc(pt->n, sizeof *p);
	size_t i;

	for (i = 0; i < pt->n; i++) {
		p[i].name = part_name(pt->prefix, i, pt->n);
		not_an_input(p[i].name, nin, in);
	}
	for (i = 0; i < pt->n; i++) {
		int fd = open(p[i].name,
		    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

		if (fd < 0)
			zl_die(ZL_IOERR, "%s: %s", p[i].name, strerror(errno));
		p[i].to = out_to_open(fd, p[i].name);
		out_to_use(p[i].to);
		p[i].w = wr_open(cli.out_fmt, nf, names, types, cli_wr_flags());
	}
	out_to_use(NULL);
	return p;
}

static void
parts_close(struct part *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		out_to_use(p[i].to);
		wr_close(p[i].w);
		if (out_to_close(p[i].to) != 0)
			zl_die(ZL_IOERR, "%s: %s", p[i].name, strerror(errno));
		free(p[i].name);
	}
	free(p);
}

void
partition_run(struct rd *r, const struct partition *pt, const long *cols,
    size_t nf, const struct str *names, const unsigned char *types, int nin,
    char *const *in)
{
	struct part *p = parts_open(pt, nf, names, types, nin, in);
	struct str *out = xcalloc(nf + 1, sizeof *out);
	struct buf b = { 0 };
	struct rec *rec;
	size_t i, k;

	while (rd_next(r, &rec)) {
		k = pt->col >= 0 ? part_of(rec->f[pt->col], pt->n, &b) : 0;
		out_to_use(p[k].to);
		if (cols == NULL) {
			wr_rec_from(p[k].w, rec);
			continue;
		}
		for (i = 0; i < nf; i++)
			out[i] = rec->f[cols[i]];
		wr_rec(p[k].w, out);
	}
	out_to_use(NULL);
	parts_close(p, pt->n);
	buf_free(&b);
	free(out);
}
