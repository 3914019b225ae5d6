/*
 * case-stats: what its files share.  main.c reads the options and the
 * records; record.c turns a record into a case; table.c keeps the cases
 * (de-duplicated) and the groups; output.c computes and writes the
 * statistics, the partial state (--partial) and merges it (--merge).
 */
#ifndef CASE_STATS_H
#define CASE_STATS_H

#include <stdint.h>

#include "lib/cal.h"
#include "lib/cli.h"
#include "lib/rej.h"
#include "lib/rx.h"

/* The state of a case, from its status word; ordered by how advanced. */
enum state { ST_OPEN, ST_RETURNED, ST_CLOSED, ST_CANCELLED, ST_N };

/* A case's satisfaction field. */
enum sat { SAT_NONE, SAT_RATED, SAT_SATISFIED }; /* not rated, rated, ... */

/* What a case's deadline field holds. */
enum dl_kind { DL_NONE, DL_TIME, DL_LIMIT };

/* A time limit counts working days or working hours. */
enum unit { U_DAYS, U_HOURS };

/* --classify: no, only the empty or "other" categories (1), all. */
enum classify { CLASSIFY_NO, CLASSIFY_OTHER, CLASSIFY_ALL };

/* What the run writes: the statistics, or --records, --partial, --merge. */
enum mode { MODE_STATS, MODE_RECORDS, MODE_PARTIAL, MODE_MERGE };

#define NO_TIME INT64_MIN

/* The input fields case-stats reads (F_*: their index in fields[]). */
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

/* A --by field: an input field, or one derived from reported_at. */
enum derived { D_NONE, D_MONTH, D_WEEK, D_WEEKDAY, D_HOUR };

/* A usable record, parsed. */
struct kase {
	struct str id;
	long long reported, closed, deadline, updated; /* NO_TIME: none */
	enum state state;
	enum sat sat;
	struct str category;
	/* the deadline field: none, a time, or a time limit */
	enum dl_kind dl_kind;
	long long dl_time;
	enum unit dl_unit;
	long dl_n;
};

/* The statistics of a group. */
struct acc {
	uint64_t n[ST_N];   /* cases by state */
	uint64_t on_time;   /* closed by the deadline */
	uint64_t due;	    /* closed cases with a deadline */
	uint64_t overdue;   /* open or returned past the deadline at --as-of */
	uint64_t rated, satisfied;
	uint64_t hours_n;   /* closed cases: durations */
	uint64_t hours_sum; /* seconds */
	uint32_t hours_max; /* seconds */
	uint32_t *dur;	    /* the durations (exact percentiles) */
	size_t ndur, capdur;
	struct hist *hist; /* --partial, --merge: mergeable percentiles */
};

/* A group: the values of the --by fields, and its statistics. */
struct group {
	struct str *key; /* nby values */
	struct acc acc;
};

struct opts {
	size_t nby;
	char **by;	  /* the --by names */
	enum derived *by_derived; /* per --by field */
	long *by_col;	  /* the input column per --by field (-1: derived) */
	int total;
	enum classify classify;
	enum mode mode;
	int dedupe;
	long long as_of;
	const char *sort;
	long top;
	const char *metrics;
};

extern struct opts opt;

/* record.c */
extern const struct cfg_section case_stats_section;
void conf_load(void);
/* Parse a record into k; 0 after rejecting it. */
int case_parse(const struct rec *r, const long *col, struct kase *k);
/* The deadline of a case: NO_TIME when it has none. */
long long case_deadline(const struct kase *k);
void case_classify(const struct rec *r, const long *col, struct kase *k);
/* 1 when the duration closed - reported fits (seconds, 32 bits). */
extern struct cal *calendar;
extern const char *other_category;

/* table.c */
void groups_init(size_t nby);
/* The group of these values (copied when new). */
uint32_t group_of(const struct str *vals);
size_t ngroups(void);
struct group *group_at(uint32_t i);
void acc_add(struct acc *a, const struct kase *k, long long deadline);
/* De-duplication: 1 when k is a new case or replaces the one kept. */
void dedupe_put(const struct kase *k, long long deadline, uint32_t gid,
    const struct str *rec, size_t nf);
void dedupe_finish(void);
unsigned long long dedupe_merged(void);
/* With --records: the records kept, in the order first seen. */
int dedupe_next_record(struct str **f, size_t *nf);
/* The first pass over regular files: the ids, and which come twice. */
void idset_add(struct str id);
size_t idset_done(void); /* after the first pass: the ids added */
int idset_twice(struct str id);
void idset_free(void);
/* One pass: the cases noted, and those to read again at the end. */
struct seen_case {
	int64_t pos;   /* for rd_reread: grows in the order read */
	uint64_t hash; /* seen_hash of its id */
};
void seen_init(unsigned long long bytes);
void seen_add(struct str id, long long pos);
uint64_t seen_hash(struct str id);
/* The cases to read again, in the order they came (free *out). */
size_t seen_finish(struct seen_case **out);
/* Take a case out of its group again; then mend the groups' durations. */
void acc_sub(uint32_t gid, const struct kase *k, long long deadline);
void acc_sub_finish(void);
/* The case id of a record, trimmed, full-width folded (until the next). */
struct str case_id_of(const struct rec *r, long col);

/* output.c */
void out_setup(void);
/* Do the metrics chosen need each case's deadline? */
int out_needs_deadline(void);
void out_stats(int fmt, unsigned flags);
void merge_add(const struct rec *r);
int merge_setup(struct rd *r);

#endif
