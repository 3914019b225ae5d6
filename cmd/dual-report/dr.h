/*
 * dual-report: what its files share.  main.c reads the options;
 * section.c checks the configuration's section and conf.c reads it;
 * input.c reads the members, units and activities into the tables below
 * (members and units files first, whatever their order on the command
 * line, so that each activity is judged as it is read); figures.c makes
 * the period and the figures of a window of days; report.c writes the
 * report asked for.
 *
 * Hours are integer hundredths; days are days since 1970-01-01.  No
 * malloc per record: strings are kept once each (lib/intern) and records
 * are small fixed-size structs in arrays.
 */
#ifndef DR_H
#define DR_H

#include <stdint.h>

#include "lib/cli.h"
#include "lib/intern.h"
#include "lib/rej.h"

#define DR_MAX_MINIMUM	10000
#define DR_MAX_DEADLINE 36500
#define DR_NONE		UINT32_MAX /* no string (community, street) */
#define DR_NODAY	INT32_MIN  /* no date */

enum report { R_UNITS, R_COMMUNITIES, R_MEMBERS };
enum by { BY_NONE, BY_MONTH, BY_STREET };

struct opts {
	int report;
	int by;
	int total;
	int mask;
	const char *unit; /* --unit NAME (members) */
	int jobs;	  /* -j N: threads reading an activities file */
};
extern struct opts opt;

/* The rules of the dual-report: section (conf.c). */
struct rules {
	long long minimum;  /* activities per per_months */
	int per_months;	    /* 1, 3, 12 */
	long long deadline; /* days after listed_at; 0: none */
	const char **exclude;
	size_t nexclude;
};
extern struct rules rules;
extern const char *const dr_pers[];
extern const struct cfg_section dr_section;
void conf_load(void);

/* A member (its number: its member_id's in data.ids). */
struct member {
	uint32_t name, phone;  /* text_get() */
	uint32_t unit;	       /* data.units */
	uint32_t comm, street; /* data.comms, data.streets; DR_NONE */
	int32_t reg, listed;   /* days; DR_NODAY */
	uint32_t line;
	uint16_t file;
	uint8_t flags; /* M_* */
};
enum { M_EXCLUDED = 1 };

/* A work unit (its number: its name's in data.units). */
struct unit {
	uint32_t comm, street; /* of its units row; DR_NONE */
	int32_t reg;	       /* its units row's registered_at */
	uint32_t projects;
	uint32_t line; /* of its units row */
	uint16_t file;
	uint8_t flags; /* U_* */
};
enum {
	U_NAMED = 1,   /* by a units row or a member's row used */
	U_ROW = 2,     /* it has a units row (comm .. file are its) */
	U_EXCLUDED = 4 /* configuration exclude-units */
};

/* A community (its number: its name's in data.comms). */
struct comm {
	uint32_t street; /* the first row's naming both; DR_NONE */
	uint32_t line;	 /* where that row is */
	uint16_t file;
	uint8_t used;	  /* named by a record used */
	uint32_t rowacts; /* activities used whose rows name it (while
			     reading, duplicates not yet known) */
};

/* An activity as kept (in the order read): 24 bytes, a million of them
 * (its line in data.lines). */
struct act {
	uint32_t who; /* member number, or unit number (A_UNIT) */
	int32_t day;
	uint32_t what;	 /* data.whats */
	uint32_t solved; /* problems solved */
	uint32_t comm;	 /* the row's, else its unit's or its member's */
	uint16_t hours;	 /* hundredths, at most HOURS_MAX */
	uint16_t flags;	 /* A_* */
};
enum {
	A_UNIT = 1,
	A_OUT = 2,	       /* of an excluded unit: left out */
	A_DUP = 4,	       /* the same as one read before: merged */
	A_ROWCOMM = 8,	       /* its community named by its row */
	A_EARLY = 16,	       /* before its member registered */
	A_SKIP = A_OUT | A_DUP /* not in the figures */
};

/* A record merged into another: where each was read. */
struct merge {
	uint32_t line, kline;
	uint16_t file, kfile;
};
enum { MG_MEMBER, MG_UNIT, MG_ACT, MG_N };

/* All that was read (input.c). */
struct data {
	struct intern *ids; /* member ids: a member's number is its id's */
	struct member *mem;
	size_t capmem;
	struct intern *units;
	struct unit *unit;
	size_t capunit;
	struct intern *comms;
	struct comm *comm;
	size_t capcomm;
	struct intern *streets;
	struct buf text;      /* names, phones (text_get) */
	struct intern *whats; /* activities' texts */
	struct act *act;
	size_t nact, capact;
	uint32_t *actfrom; /* actfrom[file]: its first activity's number */
	struct actline {
		uint32_t from, line;
	} * lines; /* activity i is on line lines[j].line + i - lines[j].from,
		      lines[j] the last with from <= i: one for each row not
		      on the line after the one before */
	size_t nlines, caplines;
	int acts_begun; /* the members and units all read */
	struct merge *merged[MG_N];
	size_t nmerged[MG_N], capmerged[MG_N];
	unsigned long long left_out;
	int32_t first, last; /* days of the activities used; DR_NODAY */
	const char **files;  /* the input files' names, for messages */
	size_t nfiles;
};
extern struct data data;
void input_read(int nfiles, char *const *files);
/* After the last rejection: the readers closed. */
void input_close(void);
/* All that was read let go (for a fuzz target that reads again). */
void input_reset(void);
/* The same after a fatal error, whose end-of-run work closed the
 * readers. */
void input_abandon(void);
/* The columns of an input's fields (input.c). */
struct cols;
/*
 * An activity's row judged (on any thread): 1 and *a (zeroed by the
 * caller), the street its row names (DR_NONE: none), or 0: rejected.
 */
int act_row(const struct rec *rec, const struct cols *c, struct act *a,
    uint32_t *street);
/* Activity a (act_row's) of the row on line line kept: by the main
 * thread, in the order of the rows (jobs.c keeps a part's at once, as
 * this keeps each). */
void act_keep(const struct act *a, uint32_t street, uint32_t line);
/* Room for the activities of size bytes more (rows of 20 bytes or more). */
void reserve_acts(unsigned long long size);
/* The next activity kept (data.nact) is on line line. */
void keep_line(uint32_t line);
/* The row of activity number act (kept, not left out) names street. */
void act_street(uint32_t act, uint32_t street);
/* A thread that called act_row ends: its buffers freed. */
void input_thread_end(void);
/* n bytes, in huge pages when they are 2 MiB or more (xhuge). */
void *dr_alloc(size_t n);
/* A member's name or phone (struct member's name, phone). */
struct str text_get(uint32_t at);
/* The file and the line activity number i was read from. */
uint16_t act_file(size_t i);
uint32_t act_line(size_t i);
void note_merged(int kind, uint16_t file, uint32_t line, uint16_t kfile,
    uint32_t kline);
void set_street(uint32_t comm, uint32_t street, uint16_t file, uint32_t line);

/* ids.c: the members' ids as activities name them. */
/* What an activity needs of its member at once. */
struct idm {
	int32_t reg;   /* struct member's */
	uint32_t comm; /* struct member's */
	int out;       /* of an excluded unit */
};
struct idkey {
	uint64_t w0, h;
	uint32_t w1;
	int inl;     /* the id is short enough to be in the table */
	int64_t num; /* ids by number: its place, or -1 (none) */
};
/* The table made from data.ids and data.mem, the members all read. */
void ids_make(void);
void ids_free(void);
/* The key of id s (not empty), its place in the table fetched. */
void ids_key(struct str s, struct idkey *k);
/* The same for id s as read (trimmed, not folded) when ids are by number
 * and s is the prefix and a number: 1 (s folded is s: the prefix is a
 * folded id's), else 0. */
int ids_key_plain(struct str s, struct idkey *k);
/* The member of id s (key k): its number and *m, or -1. */
long long ids_find(struct str s, const struct idkey *k, struct idm *m);

/*
 * A member's row as a thread reads it (jobs.c, -j): its texts (in a
 * buffer of the part's: at, n), its id, unit and phone folded, its
 * community and street as the row has them; its dates; where it is.
 */
enum { MR_ID, MR_UNIT, MR_COMM, MR_STREET, MR_NAME, MR_PHONE, MR_N };
struct mrow {
	uint32_t at[MR_N], n[MR_N];
	int32_t reg, listed;
	unsigned long long hv;	/* the id's str_hash */
	unsigned long long uhv; /* the unit's */
	long line;		/* in the part */
	unsigned long long off; /* in the file */
};
/* A member's row judged (on any thread): 1 and *m (its texts added to
 * b), or 0: rejected. */
int member_parse(const struct rec *rec, const struct cols *c, struct mrow *m,
    struct buf *b);
/* Member row m (texts t) of file at line line kept as one pass keeps it
 * (by the main thread, in the order of the rows); r the file's reader. */
void member_take(struct rd *r, const struct mrow *m, const char *t,
    uint16_t file, long line);
/* Room for n members more (about: a guess from a part). */
void members_room(size_t n);
/* Its id's place fetched, for member_take soon. */
void member_fetch(const struct mrow *m);

/* ahead.c: the rows ahead of the reading, a field of each given to fetch
 * (a look-up fetched into a cache before the row is read). */
struct ahead {
	const char *map; /* the file (NULL: none) */
	size_t size, at; /* at: the next line to fetch for */
	size_t drop;	 /* the first page not let go of (dropping) */
	int dropping;
	long col;
	char sep;
	int own; /* the map is this one's */
	void (*fetch)(struct str);
};
/* r's file (just opened: a regular file of TSV or CSV) mapped, for the
 * field of column col: 1, or 0 (h then fetches nothing). */
int ahead_open(struct ahead *h, struct rd *r, long col,
    void (*fetch)(struct str));
/* The rows up to some 4 KiB after off (where the row read begins). */
void ahead_fetch(struct ahead *h, unsigned long long off);
void ahead_close(struct ahead *h);

/* jobs.c: -j. */ /* The activities of reader r (just opened; columns c) read by
		   * opt.jobs threads: 1, or 0 when they cannot be (r is then
		   * read as it is). */
int jobs_read(struct rd *r, const struct cols *c);
/* The same for a members file (number file). */
int jobs_read_members(struct rd *r, const struct cols *c, uint16_t file);

/* dups.c: after the reading, the duplicate activities (the same member
 * or unit, day and activity) marked A_DUP and noted as merged. */
void dups_find(void);
/* An activity of day read after one of another day (or first). */
void dups_run(int32_t day);
void dups_free(void);

/* The number of unit NAME (as given: trimmed and folded as read), or -1
 * when no record used names it. */
long long unit_named(const char *name);

/* figures.c: a window of days [from, to] and its minimum of activities. */
struct window {
	int32_t from, to;
	long long need;
};
/* The figures of a group (a unit, community, street) or a total. */
struct fig {
	long long members, registered, overdue, active, activities, early,
	    hours, solved, units, projects;
};
/* A member's figures in a window. */
struct mfig {
	uint32_t acts, early, ok, solved;
	long long hours;
	uint8_t counts, registered, overdue, active;
};
/* The period (after the reading): its first and last day. */
void period_make(struct window *w);
/* The months [from, to] touches. */
long months_of(int32_t from, int32_t to);
/* The window of the n-th month of w (0: its first), clipped to w. */
void month_window(const struct window *w, long n, struct window *m);
/*
 * The figures of window w: per unit (ufig, data's units), per community
 * (cfig) and, when mf is not NULL, per member.  The arrays are the
 * caller's, zeroed here.  Its early activities: how many.
 */
unsigned long long window_run(const struct window *w, struct fig *ufig,
    struct fig *cfig, struct mfig *mf);
/* Say on stderr the early activities of period w (the first 10), total of
 * them (window_run's of w, or of its months). */
void say_early(const struct window *w, unsigned long long total);
void fig_add(struct fig *to, const struct fig *f);

/* report.c */
void report_write(void);

/* "12.50": a number of hundredths into buf (at least 32 bytes). */
size_t hundredths_fmt(long long v, char *buf);

#endif
