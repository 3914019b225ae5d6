/*
 * case-stats: what its files share.
 *
 *   main.c     the options, and the record loop: each case of the period,
 *              classified, grouped and handed to the way of counting
 *   record.c   a record turned into a case (its checks, its deadline, its
 *              category from the description); the configuration
 *   group.c    --by (input fields, or month, week, weekday, hour of
 *              reported_at) and the table of groups
 *   metrics.c  what a case adds to its group or takes out of it again, and
 *              the eighteen metrics computed exactly (percentiles)
 *   dedupe.c   the ways of counting each case once, one chosen before the
 *              loop: one pass (the cases that may come twice found again
 *              at the end), every case kept to the end (--records); or
 *              none (--no-dedupe)
 *   cases.c    the cases kept to the end, by id: the latest of each
 *   idhash.c   one pass: the hashes of the ids, which come twice
 *   noted.c    one pass: the cases found again, by position or noted
 *   again.c    one pass, -j, CSV: the cases found again, read again
 *   output.c   the rows sorted and written; --records
 *   partial.c  the partial state (--partial) and its merge (--merge)
 *   fields.c   the input fields, their Chinese titles and aliases
 */
#ifndef CASE_STATS_H
#define CASE_STATS_H

#include <stdint.h>

#include "lib/cal.h"
#include "lib/cli.h"
#include "lib/rej.h"
#include "lib/rx.h"

/* Variable-length integers: 7 bits a byte, the low ones first. */
static inline size_t
varint_len(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static inline char *
put_varint(char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (char)v;
	return p;
}

static inline const char *
get_varint(const char *p, uint64_t *v)
{
	unsigned shift = 0;

	*v = 0;
	while ((unsigned char)*p >= 0x80) {
		*v |= (uint64_t)(*p++ & 0x7F) << shift;
		shift += 7;
	}
	*v |= (uint64_t)(unsigned char)*p++ << shift;
	return p;
}

/* The state of a case, from its status word; ordered by how advanced. */
enum state { ST_OPEN, ST_RETURNED, ST_CLOSED, ST_CANCELLED, ST_N };

/* A case's satisfaction field. */
enum sat { SAT_NONE, SAT_RATED, SAT_SATISFIED }; /* not rated, rated, ... */

/* What a case's deadline field holds. */
enum dl_kind { DL_NONE, DL_TIME, DL_LIMIT };

/* A time limit counts working days or working hours. */
enum unit { U_DAYS, U_HOURS };

/* A time limit: n working days or working hours (category: its own). */
struct limit {
	const char *category;
	enum unit unit;
	long n;
};

/* --classify: no, only the empty or "other" categories (1), all. */
enum classify { CLASSIFY_NO, CLASSIFY_OTHER, CLASSIFY_ALL };

/* What the run writes: the statistics, or --records, --partial, --merge. */
enum mode { MODE_STATS, MODE_RECORDS, MODE_PARTIAL, MODE_MERGE };

/* A --by field: an input field, or one derived from reported_at. */
enum derived { D_NONE, D_MONTH, D_WEEK, D_WEEKDAY, D_HOUR };

#define NO_TIME INT64_MIN

/* The input fields case-stats reads (F_*: their index in case_col). */
enum {
	F_CASE_ID,
	F_REPORTED_AT,
	F_CLOSED_AT,
	F_STATUS,
	F_CATEGORY,
	F_DESCRIPTION,
	F_STREET,
	F_COMMUNITY,
	F_GRID_ID,
	F_CHANNEL,
	F_SATISFACTION,
	F_DEADLINE,
	F_UPDATED_AT,
	F_N
};

/* A usable record, parsed. */
struct kase {
	struct str id; /* trimmed, folded: in its parser's buffer */
	long long reported, closed, updated; /* NO_TIME: none */
	long long due; /* the deadline, when wanted (case_take); NO_TIME */
	enum state state;
	enum sat sat;
	struct str category;
	/* the deadline field: none, a time, or a time limit */
	enum dl_kind dl_kind;
	long long dl_time;
	enum unit dl_unit;
	long dl_n;
};

/* A case as de-duplication keeps it (its id: the caller's). */
struct ccase {
	struct str id;
	uint32_t gid, dur; /* its group; seconds to close (0: not closed) */
	long long upd;	   /* updated_at: NO_TIME when none */
	unsigned flags;	   /* case_flags() */
};

/* The statistics of a group. */
struct acc {
	uint64_t n[ST_N]; /* cases by state */
	uint64_t on_time; /* closed by the deadline */
	uint64_t due;	  /* closed cases with a deadline */
	uint64_t overdue; /* open or returned past the deadline at --as-of */
	uint64_t rated, satisfied;
	uint64_t hours_n;   /* closed cases: durations */
	uint64_t hours_sum; /* seconds */
	uint32_t hours_max; /* seconds */
	uint32_t *dur;	    /* the durations (exact percentiles) */
	size_t ndur, capdur;
	int sorted;	   /* dur sorted already */
	struct hist *hist; /* --partial, --merge: mergeable percentiles */
};

/* A group: the values of the --by fields, and its statistics. */
struct group {
	struct str *key; /* nby values */
	struct acc acc;
};

struct opts {
	const char *by_list; /* --by as given */
	size_t nby;
	char **by;		  /* the --by names */
	enum derived *by_derived; /* per --by field */
	long *by_col;		  /* the input column per --by field (-1:
				     derived) */
	int total;
	enum classify classify;
	enum mode mode;
	int exact; /* --partial --exact: the durations themselves */
	int dedupe;
	long long as_of;
	const char *sort;
	long top;
	const char *metrics;
	int jobs; /* -j */
};

extern struct opts opt;

/* section.c: the section, checked by every program; time limits */
extern const struct cfg_section case_stats_section;
/*
 * A time limit: "5 days", "1 day", "24 hours", "5 working days",
 * "5个工作日", "5工作日", "5天", "5日", "24小时", "24个小时",
 * "24个工作小时".  0, or -1 when s is not one.
 */
int case_parse_limit(struct str s, struct limit *l);

/* record.c */
extern long case_col[F_N]; /* the column of each F_* field, or -1 */
extern struct cal *calendar;
extern const char *other_category;
void conf_load(void);
/* The fields a case needs (rd_opts.need, fld_need_all). */
extern const char *const case_need[];
/* The columns of the fields (case_col); the fields a case needs. */
void case_fields(struct rd *r);
void case_upto(struct rd *r);
/* What parsing records keeps: the caller's, one for each loop. */
struct parser {
	int need_due;	    /* case_take: each case's deadline wanted */
	struct buf id;	    /* the case id, folded */
	struct buf status;  /* the last status word */
	enum state state;   /* and its state */
	struct buf shown;   /* a value as a message shows it */
	struct buf unknown; /* the last unknown status word */
	/* a thread working for the main one (jobs.c): what has to be said
	 * (an unknown status word) is not, but redo set, for the main thread
	 * to take the record again */
	int worker, redo;
};
void parser_free(struct parser *p);
/* After the records: the advice for all the unknown status words met,
 * when more than one. */
void status_advice(void);
/*
 * A record as a case to count: parsed (0 after rejecting it), reported in
 * the period (else 0), classified, with its deadline when p->need_due.
 * k->id is valid until the next call with p.
 */
int case_take(struct parser *p, const struct rec *r, struct kase *k);
/* The case id of a record, trimmed, full-width folded (in b). */
struct str case_id_of(const struct rec *r, long col, struct buf *b);

/* group.c */
void by_setup(struct rd *r, const char *list); /* r NULL: --merge */
/* The title of a --by field for --zh. */
const char *by_zh(const char *name);
/* " (did you mean 'x'?)" with the name of known (NULL-terminated) nearest
 * word, or "" when none is near: in b. */
const char *nearest_hint(struct buf *b, const char *word,
    const char *const *known);
/* The values of the --by fields of a case: the caller's, for opt.nby. */
struct key {
	struct str *v;
	char (*text)[32]; /* the derived values, formatted */
};
void key_init(struct key *key);
void key_free(struct key *key);
/* The group of a case (the category as classified). */
uint32_t group_of_case(struct key *key, const struct rec *r,
    const struct kase *k);
/* The same values, into key->v, without the group (any thread). */
void key_of_case(struct key *key, const struct rec *r, const struct kase *k);
void groups_init(void);
/* The group of these values (copied when new). */
uint32_t group_of(const struct str *vals);
size_t ngroups(void);
/* No group added after this (its index freed, for the output's memory). */
void groups_seal(void);
/* Group i: after the counting (acc_finish), made whole for the asking,
 * valid until the next call (but with --merge: the group itself). */
struct group *group_at(uint32_t i);
/* Value i of group g's values. */
struct str group_key(uint32_t g, size_t i);

/* metrics.c */
/* The flags of a case: its state, satisfaction, and deadline kept. */
#define FL_STATE   0x03
#define FL_SAT	   0x0C /* SAT_* << 2 */
#define FL_ON_TIME 0x10
#define FL_DUE	   0x20
#define FL_OVERDUE 0x40
unsigned case_flags(const struct kase *k);
/* Seconds from reported to closed (0: not closed). */
uint32_t case_duration(const struct kase *k);
/* What de-duplication keeps of case k of group gid. */
void ccase_of(struct ccase *c, const struct kase *k, uint32_t gid);
/* Count case k in group g. */
void acc_add(uint32_t g, const struct kase *k);
/* A case by its flags and duration. */
void acc_add_flags(uint32_t g, unsigned f, uint32_t dur);
/* Take a case out of its group again. */
void acc_sub(const struct ccase *c);
/* After the last case: each group's durations together, sorted (and the
 * cases taken out, out). */
void acc_finish(void);
/* The first of d[0, n) (sorted) not below x. */
size_t u32_lower(const uint32_t *d, size_t n, uint32_t x);
/* acc_finish's threads (-j). */
void acc_threads(int n);
/* spare.c: a big block (xhuge's, or one given back: not zeroed), given
 * back (n: its size; kept for big_alloc when big), those kept freed. */
void *big_alloc(size_t n);
void big_free(void *p, size_t n);
void big_drop(void);
/* A thread's own statistics, its groups numbered its own way (jobs.c). */
struct accs;
struct accs *accs_new(void);
/* Room for the durations of n cases, in huge pages (of a part: touched
 * as they come, not grown and copied). */
void accs_reserve(struct accs *a, size_t n);
void accs_free(struct accs *a);
void accs_add(struct accs *a, uint32_t g, unsigned f, uint32_t d);
/* After its last case: each group's durations together and sorted. */
void accs_finish(struct accs *a);
/* Add group lg of from (finished) to group g; its durations are read at
 * acc_finish, from must live until then. */
void acc_merge(uint32_t g, const struct accs *from, uint32_t lg);
/* Every group's statistics forgotten (the fuzz target, input after input). */
void acc_reset(void);
/* The statistics of group g, into a (valid until the next call; with
 * --partial, the histogram of its durations, but with --exact their
 * durations, not sorted). */
void acc_of(uint32_t g, struct acc *a);
/* A group with no case (all taken out again by de-duplication)? */
int group_empty(const struct group *g);
/* The sum of every group's statistics (free t->dur and t->hist). */
void acc_total(struct acc *t);
enum {
	M_TOTAL,
	M_CLOSED,
	M_OPEN,
	M_RETURNED,
	M_CANCELLED,
	M_RESOLUTION,
	M_ON_TIME,
	M_CLOSED_LATE,
	M_WITH_DEADLINE,
	M_ON_TIME_PCT,
	M_OVERDUE,
	M_H_MEAN,
	M_H_MEDIAN,
	M_H_P90,
	M_H_MAX,
	M_RATED,
	M_SATISFIED,
	M_SAT_PCT,
	M_N
};
struct metric {
	const char *name, *zh;
	int hundredths; /* written with two decimals */
};
extern const struct metric metrics[M_N];
/* A metric's value: v, or none (an empty cell). */
struct val {
	long long v;
	int ok;
};
/* The metrics of a group (its durations sorted). */
void metrics_of(struct acc *a, struct val *m);

/* dedupe.c */
/* A way of counting the cases: add each case, end after the last. */
struct strategy {
	int grouped; /* add wants the case's group */
	void (*add)(const struct rec *r, const struct kase *k, uint32_t gid);
	/* r still open; nrec: the records read */
	void (*end)(struct rd *r, size_t nrec);
};
/* Should the reader give positions to read records again (rd_by_pos)? */
int dedupe_by_pos(void);
/* The strategy for this input. */
const struct strategy *dedupe_choose(struct rd *r);
struct seen_cand;
/* -j (jobs.c): where one pass finds the cases noted by threads again:
 * their positions, or the cases themselves (to fn, in order). */
struct finder {
	long long (*pos_at)(size_t i);
	void (*take)(const struct seen_cand *c, size_t n,
	    void (*fn)(const struct ccase *c));
};
void dedupe_find_with(const struct finder *f);

/* cases.c */
/* Keep case c (and its --records fields rec), or merge it with its id's. */
void cases_put(const struct ccase *c, const struct str *rec, size_t nf);
/* Add every case kept to its group (the table is empty again after). */
void cases_finish(void);
size_t cases_n(void);
unsigned long long cases_merged(void);
/* --records: the fields kept of case i, into the caller's f (nf). */
void cases_record(size_t i, struct str *f, size_t nf);

/* idhash.c: one pass, the cases noted by the hashes of their ids */
uint32_t seen_hash(struct str id);
/* The hash of an id and 8 bits more of it: seen_hash << 8 | the bits. */
uint64_t seen_hash40(struct str id);
/* Note a case (its id): its number, from 0. */
size_t seen_add(struct str id);
/* n cases noted by a thread, h their hashes and x the 8 bits more of each
 * (seen_hash40), theirs until seen_finish: the number of the first. */
size_t seen_add_run(uint32_t *h, uint8_t *x, size_t n);
/* A case to find again: its number and the hash of its id (x: the 8 bits
 * more, seen_finish's own). */
struct seen_cand {
	size_t i;
	uint32_t hash;
	uint8_t x;
};
/* seen_finish's threads (-j): n (8 at most are used). */
void seen_threads(int n);
/* The cases whose hash came twice, in the order they came (free *out). */
size_t seen_finish(struct seen_cand **out);

/* noted.c: one pass, what finds a case noted again */
/* Case i is at position p of the input (rd_reread). */
void noted_pos(size_t i, long long p);
long long noted_pos_at(size_t i);
/* The next case, kept compactly (the cases noted: 0, 1, ...). */
void noted_add(const struct ccase *c);
/* Each case of want (in order) to fn. */
void noted_take(const struct seen_cand *want, size_t n,
    void (*fn)(const struct ccase *c));
void noted_free(void);
/* A thread's own cases noted (jobs.c): the same, want[].i its numbers. */
struct noted;
struct noted *noted_new(void);
void noted_add_to(struct noted *t, const struct ccase *c);
void noted_take_from(const struct noted *t, const struct seen_cand *want,
    size_t n, void (*fn)(const struct ccase *c));
void noted_drop(struct noted *t);

/* output.c */
/* Check --metrics and --sort before the input is read. */
void out_setup(void);
/* Do the metrics chosen need each case's deadline? */
int out_needs_deadline(void);
/* A writer of the --by fields then extra columns (numbers but the
 * histogram of --partial). */
struct wr *out_writer(int fmt, unsigned flags, size_t extra,
    const char *const *xnames);
void out_stats(int fmt, unsigned flags);
/* --records: each case's record, cleaned, and what case-stats makes of it. */
struct records;
struct records *records_open(struct rd *r, int fmt, unsigned flags);
size_t records_nf(const struct records *o);
/* The fields of case k of record r: valid until the next call with o. */
const struct str *records_fields(struct records *o, const struct rec *r,
    const struct kase *k);
void records_write(struct records *o, const struct str *f);
void records_close(struct records *o);

/* partial.c */
/* The partial state: one column each (named pnames[]). */
enum {
	P_OPEN,
	P_RETURNED,
	P_CLOSED,
	P_CANCELLED,
	P_ON_TIME,
	P_DUE,
	P_OVERDUE,
	P_RATED,
	P_SATISFIED,
	P_HOURS_N,
	P_HOURS_SUM,
	P_HOURS_MAX,
	P_HIST,
	P_N
};
extern const char *const pnames[P_N];
/* The column of the durations with --exact, instead of _hours_hist. */
extern const char exact_name[];
/* A row of partial results: its counts, cases and histogram (or with
 * --exact its durations, ndur of them, valid until the next row). */
struct prow {
	uint64_t v[P_N]; /* (v[P_HIST] unused) */
	uint64_t total;
	struct hist *h;
	uint32_t *dur;
	size_t ndur;
};
void write_partial(int fmt, unsigned flags);
/*
 * The partial results of r (col: the column of each P_* field), each
 * field checked, and against the others: 1, or 0 after rejecting r.  w->h
 * is then the caller's to free (or to give to partial_add).
 */
int partial_take(const struct rec *r, const long *col, struct prow *w);
/* Do the sums of all the rows (all) stay in range with w?  Then w is
 * added to all: 1; else 0 after rejecting r. */
int partial_fits(const struct rec *r, struct acc *all, const struct prow *w);
/* Add w to a, and the histogram h (a's now; NULL: none). */
void partial_add(struct acc *a, const struct prow *w, struct hist *h);
/* --merge: read the partial results of r and write the statistics. */
void merge_run(struct rd *r);

/* jobs.c: -j, a regular file read by threads */
/* The records of r read by threads, taken as read_cases takes them (the
 * records read), or JOBS_NONE when r is not to be (stdin, a workbook...). */
#define JOBS_NONE ((size_t)-1)
size_t jobs_read(struct rd *r, const struct strategy *st);
/* fn on each of n items of size bytes: the first here, the others each
 * in a thread of its own; back when all are done. */
void jobs_each(void *(*fn)(void *), void *items, size_t size, size_t n);
/* After acc_finish: what the threads made, freed. */
void jobs_end(void);

/* again.c: -j, CSV: the cases read again from their records */
/* A record wanted again: its bytes [off, end) in the file, the hash of
 * its case's id; then where it is in the file in memory, its case. */
struct again {
	unsigned long long off, end, at;
	uint32_t hash;
	int done;
	struct ccase c; /* its id: at idat of again_read's ids */
	size_t idat;
};
/* A file in memory to read records again from (its fd), or -1. */
int again_open(void);
/* The records a (n) of file fd, whose records begin at data, read again
 * (through the file in memory mfd): their cases. */
void again_read(int mfd, int fd, unsigned long long data, struct again *a,
    size_t n, struct buf *ids);

#endif
