/*
 * worker-salary: what its files share.  main.c reads the options;
 * section.c checks the configuration's section and conf.c reads it into
 * the scale; input.c reads the roster and the monthly items (and the
 * --ytd state); pay.c computes each payslip, worker by worker in month
 * order; compare.c reads --compare's old scale and each payslip's gross
 * under it; output.c writes the payslips, the summary or the comparison.
 *
 * Money is integer fen throughout; rates stay the decimal strings of the
 * configuration, applied with money_mul.
 */
#ifndef WS_H
#define WS_H

#include <limits.h>
#include <stdint.h>

#include "lib/cli.h"
#include "lib/money.h"
#include "lib/intern.h"
#include "lib/rej.h"

#define WS_LEVELS 60
#define WS_NONE	  LLONG_MIN /* an amount or date not given */
/* The most of one amount: 100 million yuan. */
#define WS_MAX_FEN 10000000000LL

struct opts {
	const char *ytd;     /* --ytd FILE */
	const char *compare; /* --compare OLD.yaml */
	int summary;	     /* --summary */
	int by[2]; /* --summary groups by: [BY_COMMUNITY], [BY_POST] */
	int total; /* --total */
	int jobs;  /* -j */
};
extern struct opts opt;
enum { BY_COMMUNITY, BY_POST };

/* The contributions: the items, their employee and employer rates. */
enum { C_PENSION, C_MEDICAL, C_UNEMPLOYMENT, C_WORK_INJURY, C_HOUSING, C_N };
extern const char *const contrib_keys[C_N];

struct post {
	const char *name;
	long start; /* starting level */
	const struct cfg *synonyms;
};
struct named {
	const char *name;
	long long v; /* fen (allowances) or levels (education) */
};
struct year {
	long year;
	long long base_min, base_max; /* fen */
	const char *rate[C_N][2];     /* [item][0 employee, 1 employer] */
	struct money_rate rt[C_N][2]; /* the same parsed (exp -1: bad) */
	int unit, mode;		      /* enum money_unit, money_round */
	/*
	 * The rates as fm / 10^fast in fen and unit (fast: -1, not so; see
	 * conf.c), so that base x rate rounded is (base x fm + fadd) /
	 * 10^fast x unit, the same as money_mul_rate's, for a base from 0
	 * to 2^31.
	 */
	int fast;
	long long fm[C_N][2], fadd;
	/* On the quick path, the employee's contributions of a base b are
	 * at most b x ee_mul + ee_add (pay.c's check). */
	double ee_mul, ee_add;
};
struct bracket {
	long long upto;	      /* fen of cumulative taxable income; -1: none */
	const char *rate;     /* "3%" */
	struct money_rate rt; /* the same parsed (exp -1: bad) */
	long long quick;      /* fen */
};

/* The scale and rules of the worker-salary: section (conf.c). */
struct scale {
	struct post *posts;
	size_t nposts;
	struct named *edu, *allow;
	size_t nedu, nallow;
	long long levels[WS_LEVELS]; /* fen a month */
	long long paid_days;	     /* hundredths of a day */
	long long per_day;	     /* fen; -1: base pay / paid_days */
	struct year *years;
	size_t nyears;
	long long threshold; /* fen a month */
	struct bracket *br;
	size_t nbr;
	int unit, mode; /* money: */
};
extern struct scale scale;
/* The scale of the configuration root into sc; conf_load: the effective
 * configuration's into scale. */
void conf_read(struct scale *sc, const struct cfg *root);
void conf_load(void);
extern const struct cfg_section ws_section;
/* A rate as the configuration writes it ("8%", "0.5%") from 0 to 100%:
 * 0, or -1. */
int conf_rate(const char *s);
/* The year of the configuration, or NULL. */
const struct year *conf_year(long y);

/* A worker of the roster (or of a row holding roster and items): 112
 * bytes, 100,000 of them in the bench's roster, all fresh memory. */
struct worker {
	const char *id;		      /* in data.ids */
	const char *name, *community; /* in data.strs */
	const char *post;	      /* the post's name in the scale */
	long long base;		      /* fen a month */
	/* how level and base were decided, for --compare's old scale */
	const char *edu;     /* education's name in the scale, or NULL */
	const char *cert;    /* certificate's name in the scale, or NULL */
	long long cbase;     /* contribution_base, or WS_NONE */
	long long allowance; /* fen a month, or 0 */
	long cert_month;     /* allowance from the month after; LONG_MIN */
	long hire_month;     /* months (y * 12 + m - 1), or LONG_MIN */
	const char *file;    /* where its row is */
	long line;
	int16_t level; /* 0: base_pay given and no level */
	int16_t years; /* years_passed */
	char given;    /* 'b' base_pay, 'l' pay_level, 0: the facts */
	/* has monthly items (but with data.quick: data.months) */
	uint8_t paid;
};

/* The amounts of a slip: performance, overtime, other_pay, deduction,
 * special_additional_deduction. */
enum { A_PERF, A_OVERTIME, A_OTHER, A_DEDUCTION, A_SAD, A_N };

/*
 * A month's items of a worker as read (32 bytes: a year of a province's
 * workers is held, and fresh memory is slow to come by: about 1 ms a MB
 * here).  Its worker is the roster's of its key, or its row's own
 * (slip_worker).  Its record is found again (slip_rec) when it is
 * rejected after the reading: by its line, read from its run's nearest
 * jump before it, or by its mark in data.marks.  An amount is its fen
 * below 2^31, else 2^31 + its place in data.big (amounts go up to
 * WS_MAX_FEN).
 */
struct slip {
	uint32_t a[A_N];       /* the amounts */
	uint32_t key;	       /* the worker_id in data.ids */
	uint32_t line;	       /* where it is read (its run's) */
	uint32_t month : 17;   /* y * 12 + m - 1 (years 1 to 9999) */
	uint32_t absence : 12; /* hundredths of a day, to 3100 */
	uint32_t
	    own : 1;	 /* its worker is its row's (roster and items in one) */
	uint32_t ok : 1; /* computed, not rejected */
};
/* The most month a slip holds + 1. */
#define SLIP_MONTHS (1L << 17)

/* A payslip, computed from a slip (pay.c). */
struct pay {
	long long base, allowance, ded, gross, cbase;
	long long ee[C_N], er[C_N], contrib, er_total;
	long long taxable_ytd, tax_ytd, tax, net;
};

/* The state of a worker's year before a month (--ytd, earlier months). */
struct ytd {
	long month; /* the last month computed */
	long long taxable, tax;
};

/* The columns of a file's fields (-1: none). */
struct cols {
	long id, name, community, post, level, hired, edu, cert, certat, years,
	    base, cbase, month, perf, overtime, other, ded, absence, sad;
	long taxable, tax; /* --ytd */
};

/* What is known of a worker_id (by its id in data.ids). */
struct key {
	struct worker *w; /* its roster row, or NULL */
	int32_t ytd;	  /* its --ytd state in data.ytd, or -1 */
	uint8_t rejected; /* a roster row of it was rejected */
};

/*
 * Ids numbered as they come (lib/intern), with what makes finding them
 * quick: the id read after each one last time (next), the last one
 * (last; UINT32_MAX: none).
 */
struct idx {
	struct intern *ids;
	uint32_t *next;
	size_t capnext;
	uint32_t last;
};
/* The number of id in x (a new one when it is not known yet);
 * idx_find: the same without adding it (UINT32_MAX: not there), x not
 * written (*last: the caller's last one), so threads may ask at once. */
uint32_t idx_of(struct idx *x, struct str id);
uint32_t idx_find(const struct idx *x, struct str id, uint32_t *last);

/*
 * Slips in data.slips, in the order read, from..to: a run of them (a
 * part of a file read by a thread fills room of its own, with room to
 * spare).  Until slips_sort, a part's keys are data.ids' (the roster's
 * ids, read before) or with RUN_OWN its own (map: data.ids' of each;
 * NULL: data.ids' already), its amounts from 2^31 fen kept apart in its
 * own table (big: where it begins in data.big); fix: some of either.
 * Its lines are counted from its first (shift: to add, slip_lineno).
 * count[k]: how many of its slips have key k of data.ids (k below
 * ncount; NULL: not counted), counted by its part.
 */
#define RUN_OWN 0x80000000u
/* Where the record of a run's slip SLIP_JUMP x k begins in its file, and
 * its line (a slip's). */
#define SLIP_JUMP 32
struct jump {
	unsigned long long off;
	long line;
};
struct run {
	size_t from, to;
	uint32_t *map;
	long shift;
	uint32_t big;
	uint16_t file; /* the slips' reader in data.readers */
	uint8_t fix;
	uint32_t *count, ncount;
	struct jump *jumps; /* a part's (NULL: data.marks) */
};

/* All that was read (input.c). */
struct data {
	struct intern *ids;  /* worker_ids */
	struct idx idx;	     /* of ids */
	struct intern *strs; /* names and communities */
	struct key *keys;    /* by id */
	size_t capkeys;
	struct worker **roster; /* in the order read */
	size_t nroster, caproster;
	struct slip *slips;	 /* in the order read */
	size_t nslips, capslips; /* nslips: the end of the last run */
	struct run *runs;
	size_t nruns, capruns;
	size_t norder;	/* slips in all (in order) */
	long long *big; /* the amounts of slips from 2^31 fen */
	size_t nbig, capbig;
	/* [slip]: the mark of a slip read by one pass (rd_mark, or
	 * MARK_AT + where its record begins: read again from there) */
	long long *marks;
	size_t capmarks;
	struct worker **ownw; /* [slip]: the worker of a slip that has one */
	size_t capownw;
	uint32_t *order; /* the slips by worker_id, month, order read */
	uint32_t *rank;	 /* [key]: the worker_id's place in byte order */
	int rank_same;	 /* rank[k] is k (they came in byte order) */
	struct ytd *ytd;
	size_t nytd, capytd;
	struct rd **readers; /* [slip.file] */
	size_t nreaders, capreaders;
	/*
	 * 1: every slip checked as its part read it (parts.c, pay_quick),
	 * each worker's months apart, so that pay_run has nothing to check
	 * and pay_next puts each worker's months in order; 0: no slip yet;
	 * -1: not so.  months[key]: the months of year quick_year a
	 * worker's slips have (bit m % 12), nmonths keys.
	 */
	int quick;
	uint16_t *months;
	size_t nmonths;
	long quick_year;
};
extern struct data data;

/* The worker of slip s: its row's own, else the roster's (NULL: none). */
static inline struct worker *
slip_worker(const struct slip *s)
{
	return s->own ? data.ownw[s - data.slips] : data.keys[s->key].w;
}

/* The slip some places after order[i] asked for ahead, before to (the
 * slips in order are far apart in data.slips, a month's rows after
 * another's: each one a cache miss, when it is not on its way).  Not
 * past to: order after it may be another thread's block, being sorted. */
#define SLIP_AHEAD 12
static inline void
slip_ahead(size_t i, size_t to)
{
	if (i + SLIP_AHEAD < to)
		__builtin_prefetch(&data.slips[data.order[i + SLIP_AHEAD]]);
}

/* The amount i (A_PERF...) of slip s, in fen. */
static inline long long
slip_amount(const struct slip *s, int i)
{
	return s->a[i] < 0x80000000u ? (long long)s->a[i] :
				       data.big[s->a[i] - 0x80000000u];
}
void input_read(int nfiles, char *const *files);
/* data.rank of data.ids as they are now (slips_sort's, when no id comes
 * after): by the main thread while the parts read the items. */
void input_rank(void);
void input_close(void);
/* A thread's buffers freed, as it ends (input.c's, worker.c's). */
void input_thread_end(void);
void worker_thread_end(void);
/* r kept in data.readers: its number. */
uint16_t input_reader(struct rd *r);
/*
 * The items of rec into s (amounts in a, absence and month in s) and its
 * id (id): 1, or 0 when rejected.  amount_kept: amount v (0 to
 * WS_MAX_FEN) as a slip keeps it, those from 2^31 in the table big.
 */
int items_of(const struct rec *rec, const struct cols *c, struct slip *s,
    long long *a, struct str *id);
uint32_t amount_big(long long v, long long **big, size_t *n, size_t *cap);
static inline uint32_t
amount_kept(long long v, long long **big, size_t *n, size_t *cap)
{
	return v < 0x80000000LL ? (uint32_t)v : amount_big(v, big, n, cap);
}
/* The key of id, new when it is not known yet; keys_of_all: of every id
 * of from, in its order, into map; keys_reserve: room for n keys and
 * roster workers in all (not grown by copies). */
struct key *key_of(struct str id, uint32_t *k);
void keys_of_all(const struct intern *from, uint32_t *map);
void keys_reserve(size_t n);
/* The key of id (its hash hv), as key_of's: its number in data.ids. */
uint32_t key_hashed(struct str id, unsigned long long hv);
/*
 * The record of a slip, again (for a rejection after the reading);
 * marked_rec: of mark in reader file, at line: rd_mark's, or with off
 * where the record begins in the file (read again from there by a reader
 * of its own, rd_open_part: valid until the next call).
 */
const struct rec *slip_rec(const struct slip *s);
/* The reader of slip s in data.readers (its run's); its line in it. */
uint16_t slip_file(const struct slip *s);
long slip_lineno(const struct slip *s);
const struct rec *marked_rec(uint16_t file, long long mark, int off, long line);
/* "2024-03", "2024/3", "2024年3月", "202403", or a date: months, or -1. */
long parse_month(struct str s);
/* A month for a message or a record ("2024-03") into buf[8+]. */
void month_fmt(long m, char *buf);
/* Column c of rec, trimmed ("" when c is -1); in_folded: full-width
 * folded too (valid until the second call after). */
static inline struct str
in_col(const struct rec *rec, long c)
{
	struct str none = { "", 0 };

	if (c < 0)
		return none;
	return rec->f[c].n == 0 ? rec->f[c] : str_trim(rec->f[c]);
}
struct str in_folded(const struct rec *rec, long c);
/*
 * The amount in column c named name: 1 and *v (dflt when empty), or 0
 * when rejected (not an amount, or negative).  Whole yuan of 1 to 8
 * digits (most amounts) here, the others by in_amount_all.
 */
int in_amount_all(const struct rec *rec, long c, const char *name,
    long long dflt, long long *v);
static inline int
in_amount(const struct rec *rec, long c, const char *name, long long dflt,
    long long *v)
{
	const struct str *f = c >= 0 ? &rec->f[c] : NULL;
	long long x = 0;
	size_t i;
	unsigned d;

	if (f == NULL || f->n == 0) {
		*v = dflt;
		return 1;
	}
	for (i = 0;
	     i < f->n && i < 8 && (d = (unsigned char)f->p[i] - '0') <= 9; i++)
		x = x * 10 + d;
	if (i == f->n) {
		*v = x * 100;
		return 1;
	}
	return in_amount_all(rec, c, name, dflt, v);
}
/* worker.c: a roster row kept in data.roster; the worker of a row
 * holding roster and items (NULL: rejected). */
void take_worker(const struct rec *rec, const struct cols *c);
/* The roster fields of rec into w (its name and community in strs): 1,
 * or 0 when rejected.  workers_room: room for n workers (freed by
 * worker_free_all). */
int worker_parse(const struct rec *rec, const struct cols *c, struct worker *w,
    struct intern *strs);
struct worker *workers_room(size_t n);
/* Worker w of key k in the roster (roster_add), or rejected as its
 * second row, rec (roster_twice). */
void roster_add(struct key *k, struct worker *w);
void roster_twice(const struct rec *rec, const struct key *k,
    const struct worker *w);
struct worker *worker_of(const struct rec *rec, const struct cols *c);
/* w given back (when it was the last taken); every worker freed. */
void worker_free(struct worker *w);
void worker_free_all(void);

/* pay.c: every payslip computed (rejecting those that cannot be):
 * order_months (input.c), join_range, join_warn, then pay_range, each
 * of order[from, to), whole workers.  order_months: each worker's slips
 * in month order; join_range: each joined to its roster worker
 * (rejected when none); join_warn: the roster's workers with no items
 * said; pay_range: checked.  pay_next: the
 * payslips again, one by one in order (*i from 0, or a worker's first),
 * before to: 1 and the next slip and its pay, or 0 at the end. */
void pay_run(void);
/* pay_init: what pay_quick needs, before the threads read (the bound on
 * the tax of a month).  pay_quick: 1 when slip s (its key data.ids')
 * is accepted whatever the worker's other months but one of the same
 * month, with no --ytd state: its worker in the roster, its year
 * configured, the worker hired, its net pay not below zero
 * (check_quick).  Threads may ask at once. */
void pay_init(void);
int pay_quick(const struct slip *s);
/* What pay_quick needs of the workers of data.keys (freed by pay_run),
 * by the main thread while threads read items: none of them asks
 * pay_quick before pay_facts_ready (pay_facts_wait: until then);
 * pay_facts_unready before the threads begin. */
void pay_facts(void);
void pay_facts_unready(void);
int pay_facts_ready(void);
void pay_facts_wait(void);
void order_months(size_t from, size_t to);
void join_range(size_t from, size_t to);
void join_warn(void);
void pay_range(size_t from, size_t to);
int pay_next(size_t *i, size_t to, const struct slip **s, struct pay *p);
/* Reject slip s (fmt the reason, as rec_reject's); by a thread of
 * jobs.c, kept for the main thread to report. */
void slip_reject(const struct slip *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The allowance of amount a month in s's month (from the month after
 * certified_at); the absence deduction of s on base pay base under sc. */
long long pay_allowance(const struct slip *s, long long amount);
long long pay_absence(const struct scale *sc, const struct slip *s,
    long long base);
/* a / b (both >= 0, b > 0) rounded to unit by mode. */
long long div_round(long long a, long long b, int unit, int mode);

/*
 * parts.c: -j, a file of items or of the roster (c: its columns) read
 * by threads, a part each, into data as one pass reads it: 1, or 0 when
 * it is not to be (not a regular file of UTF-8 TSV or CSV, --strict,
 * --progress); parts_free: what the parts keep to the end.
 */
int parts_read(uint16_t file, const struct cols *c);
void parts_free(void);
/* Room for the most slips a file's bytes can hold (nf fields). */
size_t slips_most(unsigned long long bytes, size_t nf);
void slips_room(size_t n);

/* compare.c: --compare's old scale read from file (exit 2 on an
 * error); the gross of a slip under it. */
void compare_load(const char *file);
long long compare_gross(const struct slip *s);

/* output.c; output_lines: the payslips of order[from, to) as lines
 * (wr_lines) into b, or into the output when b is NULL. */
void output_write(void);
void output_lines(const struct wr *w, size_t from, size_t to, struct buf *b);

/*
 * jobs.c: -j, the payslips by threads, whole workers each.  jobs_pay:
 * pay_run's checks; jobs_lines: output_lines's payslips, written in
 * order; 0 when threads are not for this run.
 */
int jobs_pay(void);
int jobs_lines(const struct wr *w);
/* Room for extra bytes more in b, a block's lines (buf_grow's, but for
 * a first room that is not b's own). */
void jobs_room(struct buf *b, size_t extra);

#endif
