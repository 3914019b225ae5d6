/*
 * case-stats: the ways of counting each case once, chosen once before the
 * record loop (dedupe_choose), each a struct strategy: what each case of
 * the loop goes to (add), and what is done after the last (end).
 *
 * A case exported twice (a later state of it) counts once, in its latest
 * state (cases.c: wins()).  Which record of an id is its latest is only
 * known at the end, so:
 *   - one pass: when the reader can give every record again by its
 *     position (rd_by_pos), every case is added to its group as it comes
 *     and noted by the hash of its id; at the end the cases whose hash
 *     came twice are read again, taken out of their groups and kept as
 *     below (idhash.c: seen_*);
 *   - two passes: when the input can be read again all the same
 *     (rd_again: regular files), the first pass notes which ids come
 *     twice; the second adds the other cases to their groups at once and
 *     keeps those (idhash.c: idset_*);
 *   - every case kept to the end (standard input, a pipe), and every
 *     record with --records;
 *   - none at all with --no-dedupe: every record counts, or is written.
 */
#include <stdlib.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/fld.h"

static struct records *out; /* --records */
static size_t first_pass;   /* two passes: the records of the first */

static void
warn_merged(void)
{
	unsigned long long n = cases_merged();

	if (n > 0)
		zl_warn(ngettext("%llu duplicate record merged (a case seen "
				 "more than once counts once, in its latest "
				 "state)",
			    "%llu duplicate records merged (a case seen more "
			    "than once counts once, in its latest state)",
			    n),
		    n);
}

/* ---- none: every record counts (--no-dedupe) ---- */

static void
every_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	(void)r;
	acc_add(&group_at(gid)->acc, k);
}

static void
every_end(struct rd *r, size_t nrec)
{
	(void)r;
	(void)nrec;
}

static const struct strategy every = { 1, every_add, every_end };

/* --no-dedupe --records: every record written as it comes */
static void
every_record_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	(void)gid;
	records_write(out, records_fields(out, r, k));
}

static void
every_record_end(struct rd *r, size_t nrec)
{
	(void)r;
	(void)nrec;
	records_close(out);
}

static const struct strategy every_record = { 0, every_record_add,
	every_record_end };

/* ---- every case kept to the end ---- */

static void
kept_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	(void)r;
	cases_put(k, gid, NULL, 0);
}

static void
kept_end(struct rd *r, size_t nrec)
{
	(void)r;
	(void)nrec;
	cases_finish();
	warn_merged();
}

static const struct strategy kept = { 1, kept_add, kept_end };

/* --records: the records kept, the latest of each case, in the order
 * their cases came first */
static void
kept_record_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	cases_put(k, gid, records_fields(out, r, k), records_nf(out));
}

static void
kept_record_end(struct rd *r, size_t nrec)
{
	size_t nf = records_nf(out), i;
	struct str *f = xcalloc(nf, sizeof *f);

	(void)r;
	(void)nrec;
	warn_merged();
	for (i = 0; i < cases_n(); i++) {
		cases_record(i, f, nf);
		records_write(out, f);
	}
	free(f);
	records_close(out);
}

static const struct strategy kept_record = { 0, kept_record_add,
	kept_record_end };

/* ---- one pass, the cases that may come twice read again ---- */

static void
one_pass_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	if (r->pos < 0)
		zl_die_at(ZL_IOERR, r->file, r->line,
		    _("the input changed while it was read"));
	acc_add(&group_at(gid)->acc, k);
	seen_add(k->id, r->pos);
}

/*
 * The cases that may have come twice were added to their groups as they
 * came; read them again, take them out, and keep one of each id.
 */
static void
read_again(struct rd *r)
{
	struct parser p = { .need_due = out_needs_deadline() };
	struct seen_case *c;
	struct key key;
	size_t n = seen_finish(&c), i;

	if (n > 0 && !rd_unchanged(r))
		zl_die(ZL_IOERR, _("the input changed while it was read"));
	key_init(&key);
	for (i = 0; i < n; i++) {
		struct rec *rec;
		struct kase k;
		uint32_t gid;

		if (!rd_reread(r, c[i].pos, &rec) || !case_take(&p, rec, &k) ||
		    seen_hash(k.id) != c[i].hash)
			zl_die(ZL_IOERR,
			    _("the input changed while it was "
			      "read"));
		gid = group_of_case(&key, rec, &k);
		acc_sub(gid, &k);
		cases_put(&k, gid, NULL, 0);
	}
	key_free(&key);
	parser_free(&p);
	free(c);
	acc_sub_finish();
}

static void
one_pass_end(struct rd *r, size_t nrec)
{
	read_again(r);
	kept_end(r, nrec);
}

static const struct strategy one_pass = { 1, one_pass_add, one_pass_end };

/* ---- two passes, the first noting which ids come twice ---- */

/* The first pass: the ids of the records (a reader of its own). */
static void
read_ids(int nfiles, char *const *files, const struct rd_opts *ro)
{
	struct rd_opts q = *ro;
	struct buf b = { 0 };
	struct rec *rec;
	struct rd *first;
	long id;

	q.quiet = 1;
	q.by_pos = 0;
	first = rd_open(nfiles, files, &q);
	if ((id = fld_col(first, "case_id")) >= 0)
		while (rd_next(first, &rec))
			idset_add(case_id_of(rec, id, &b));
	first_pass = idset_done();
	rd_close(first);
	buf_free(&b);
}

static void
two_pass_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	(void)r;
	if (idset_twice(k->id))
		cases_put(k, gid, NULL, 0);
	else
		acc_add(&group_at(gid)->acc, k);
}

static void
two_pass_end(struct rd *r, size_t nrec)
{
	idset_free();
	if (case_col[F_CASE_ID] >= 0 && nrec != first_pass)
		zl_die(ZL_IOERR,
		    _("the input changed while it was read: %zu "
		      "records, then %zu"),
		    first_pass, nrec);
	kept_end(r, nrec);
}

static const struct strategy two_pass = { 1, two_pass_add, two_pass_end };

/* ---- the choice ---- */

int
dedupe_by_pos(void)
{
	/* (not with --partial: its histograms cannot take a case out; with
	 * --exact, its durations can) */
	return opt.dedupe &&
	    (opt.mode == MODE_STATS || (opt.mode == MODE_PARTIAL && opt.exact));
}

const struct strategy *
dedupe_choose(struct rd *r, int nfiles, char *const *files,
    const struct rd_opts *ro)
{
	if (opt.mode == MODE_RECORDS) {
		out = records_open(r, cli.out_fmt, cli_wr_flags());
		return opt.dedupe ? &kept_record : &every_record;
	}
	if (!opt.dedupe)
		return &every;
	if (rd_by_pos(r)) {
		seen_init(rd_size(r));
		return &one_pass;
	}
	if (rd_again(r)) {
		read_ids(nfiles, files, ro);
		return &two_pass;
	}
	return &kept;
}
