/*
 * case-stats: the ways of counting each case once, chosen once before the
 * record loop (dedupe_choose), each a struct strategy: what each case of
 * the loop goes to (add), and what is done after the last (end).
 *
 * A case exported twice (a later state of it) counts once, in its latest
 * state (cases.c: wins()).  Which record of an id is its latest is only
 * known at the end, so:
 *   - one pass, every input read once: every case is added to its group
 *     as it comes and noted by the hash of its id (idhash.c); at the end
 *     the cases whose hash came twice are found again, taken out of their
 *     groups and kept as below.  They are found again by position when
 *     the reader can give every record again (rd_by_pos: UTF-8 TSV
 *     files), else among the cases noted compactly as they came (CSV,
 *     other encodings, standard input, pipes: noted.c);
 *   - every record kept to the end with --records;
 *   - none at all with --no-dedupe: every record counts, or is written.
 */
#include <stdlib.h>

#include "cmd/case-stats/case-stats.h"

static struct records *out;	    /* --records */
static const struct finder *finder; /* -j: the threads' cases */

void
dedupe_find_with(const struct finder *f)
{
	finder = f;
}

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
	acc_add(gid, k);
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
kept_end(struct rd *r, size_t nrec)
{
	(void)r;
	(void)nrec;
	cases_finish();
	warn_merged();
}

/* --records: the records kept, the latest of each case, in the order
 * their cases came first */
static void
kept_record_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	struct ccase c;

	ccase_of(&c, k, gid);
	cases_put(&c, records_fields(out, r, k), records_nf(out));
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

/* ---- one pass, the cases that may come twice found again ---- */

/* A case that may have come twice: out of its group, into the table. */
static void
take_out(const struct ccase *c)
{
	acc_sub(c);
	cases_put(c, NULL, 0);
}

/* Read by position: each case noted by where it is. */
static void
by_pos_add(const struct rec *r, const struct kase *k, uint32_t gid)
{
	if (r->pos < 0)
		zl_die_at(ZL_IOERR, r->file, r->line,
		    _("the input changed while it was read"));
	acc_add(gid, k);
	noted_pos(seen_add(k->id), r->pos);
}

/* The cases that may have come twice, read again (where: pos_at). */
static void
read_again(struct rd *r, const struct seen_cand *c, size_t n,
    long long (*pos_at)(size_t i))
{
	struct parser p = { .need_due = out_needs_deadline() };
	struct key key;
	size_t i;

	if (n > 0 && !rd_unchanged(r))
		zl_die(ZL_IOERR, _("the input changed while it was read"));
	key_init(&key);
	for (i = 0; i < n; i++) {
		struct rec *rec;
		struct kase k;
		struct ccase cc;

		if (!rd_reread(r, pos_at(c[i].i), &rec) ||
		    !case_take(&p, rec, &k) || seen_hash(k.id) != c[i].hash)
			zl_die(ZL_IOERR,
			    _("the input changed while it was "
			      "read"));
		ccase_of(&cc, &k, group_of_case(&key, rec, &k));
		take_out(&cc);
	}
	key_free(&key);
	parser_free(&p);
}

/* Any other input: each case noted itself, compactly. */
static void
noted_add_case(const struct rec *r, const struct kase *k, uint32_t gid)
{
	struct ccase c;

	(void)r;
	ccase_of(&c, k, gid);
	acc_add_flags(gid, c.flags, c.dur);
	seen_add(k->id);
	noted_add(&c);
}

/*
 * The cases that may have come twice were added to their groups as they
 * came; find them again, take them out, and keep one of each id.
 */
static void
one_pass_end(struct rd *r, size_t nrec)
{
	struct seen_cand *c;
	size_t n = seen_finish(&c);

	if (rd_by_pos(r))
		read_again(r, c, n,
		    finder != NULL ? finder->pos_at : noted_pos_at);
	else if (finder != NULL)
		finder->take(c, n, take_out);
	else
		noted_take(c, n, take_out);
	free(c);
	noted_free();
	kept_end(r, nrec);
}

static const struct strategy by_pos = { 1, by_pos_add, one_pass_end };
static const struct strategy noted = { 1, noted_add_case, one_pass_end };

/* ---- the choice ---- */

int
dedupe_by_pos(void)
{
	return opt.dedupe && opt.mode != MODE_RECORDS;
}

const struct strategy *
dedupe_choose(struct rd *r)
{
	if (opt.mode == MODE_RECORDS) {
		out = records_open(r, cli.out_fmt, cli_wr_flags());
		return opt.dedupe ? &kept_record : &every_record;
	}
	if (!opt.dedupe)
		return &every;
	return rd_by_pos(r) ? &by_pos : &noted;
}
