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

#include "lib/cli.h"
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
	int unit, mode;		      /* enum money_unit, money_round */
};
struct bracket {
	long long upto;	  /* fen of cumulative taxable income; -1: none */
	const char *rate; /* "3%" */
	long long quick;  /* fen */
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

/* A worker of the roster (or of a row holding roster and items). */
struct worker {
	char *id, *name, *community;
	const char *post; /* the post's name in the scale */
	long level;	  /* 0: base_pay given and no level */
	long long base;	  /* fen a month */
	/* how level and base were decided, for --compare's old scale */
	int given;	     /* 'b' base_pay, 'l' pay_level, 0: the facts */
	const char *edu;     /* education's name in the scale, or NULL */
	long years;	     /* years_passed */
	const char *cert;    /* certificate's name in the scale, or NULL */
	long long cbase;     /* contribution_base, or WS_NONE */
	long long allowance; /* fen a month, or 0 */
	long cert_month;     /* allowance from the month after; LONG_MIN */
	long hire_month;     /* months (y * 12 + m - 1), or LONG_MIN */
	size_t seq;	     /* input order */
	struct rec *rec;     /* a copy, for a rejection */
	int paid;	     /* has monthly items */
};

/* A month's items of a worker, and its payslip once computed. */
struct slip {
	struct worker *w; /* NULL: not in the roster (yet) */
	char *id;	  /* worker_id */
	long month;	  /* y * 12 + m - 1 */
	size_t seq;	  /* input order */
	struct rec *rec;  /* a copy, for a rejection */
	long long perf, overtime, other, deduction, sad;
	long long absence; /* hundredths of a day */
	int own;	   /* w is this row's own (roster and items in one) */
	int ok;		   /* computed, not rejected */
	/* the payslip */
	long long base, allowance, ded, gross, cbase;
	long long ee[C_N], er[C_N], contrib, er_total;
	long long taxable_ytd, tax_ytd, tax, net;
	long long gross_old; /* --compare: the gross under the old scale */
};

/* The state of a worker's year before a month (--ytd, earlier months). */
struct ytd {
	char *id;
	long month; /* the last month computed */
	long long taxable, tax;
};

/* The columns of a file's fields (-1: none). */
struct cols {
	long id, name, community, post, level, hired, edu, cert, certat, years,
	    base, cbase, month, perf, overtime, other, ded, absence, sad;
	long taxable, tax; /* --ytd */
};

/* All that was read (input.c). */
struct data {
	struct worker **roster; /* sorted by id once read */
	size_t nroster, caproster;
	struct slip *slips;
	size_t nslips, capslips;
	struct ytd *ytd; /* sorted by id */
	size_t nytd, capytd;
	char **rejected; /* ids of roster rows rejected, sorted */
	size_t nrejected, caprejected;
};
extern struct data data;
void input_read(int nfiles, char *const *files);
void input_close(void);
struct worker *roster_find(const char *id);
struct ytd *ytd_find(const char *id);
/* 1 when a roster row of worker id was rejected. */
int roster_rejected(const char *id);
/* "2024-03", "2024/3", "2024年3月", "202403", or a date: months, or -1. */
long parse_month(struct str s);
/* A month for a message or a record ("2024-03") into buf[8+]. */
void month_fmt(long m, char *buf);
/* Column c of rec, trimmed ("" when c is -1); full-width folded (valid
 * until the second call after). */
struct str in_col(const struct rec *rec, long c);
struct str in_folded(const struct rec *rec, long c);
/* A value for a message, into b (reset). */
const char *in_show(struct buf *b, struct str v);
/*
 * The amount in column c named name: 1 and *v (dflt when empty), or 0
 * when rejected (not an amount, or negative).
 */
int in_amount(const struct rec *rec, long c, const char *name, long long dflt,
    long long *v);
/* worker.c: a roster row kept in data.roster; the worker of a row
 * holding roster and items (NULL: rejected). */
void take_worker(const struct rec *rec, const struct cols *c);
struct worker *worker_of(const struct rec *rec, const struct cols *c);
void worker_free(struct worker *w);

/* pay.c: every payslip computed (rejecting those that cannot be). */
void pay_run(void);
/* The allowance of amount a month in s's month (from the month after
 * certified_at); the absence deduction of s on base pay base under sc. */
long long pay_allowance(const struct slip *s, long long amount);
long long pay_absence(const struct scale *sc, const struct slip *s,
    long long base);
/* a / b (both >= 0, b > 0) rounded to unit by mode. */
long long div_round(long long a, long long b, int unit, int mode);

/* compare.c: --compare's old scale read from file (exit 2 on an
 * error); the gross_old of every slip computed. */
void compare_load(const char *file);
void compare_run(void);

/* output.c */
void output_write(void);

#endif
