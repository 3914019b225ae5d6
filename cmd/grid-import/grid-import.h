/*
 * grid-import: what its files share.  main.c reads the options, conf.c
 * the configuration's section; sheet.c reads the roster sheets (header rows,
 * title rows, merged cells, totals) into rows of known fields; units.c
 * makes the units of the five-level organisation from the rows; codes.c
 * holds the division table and gives the units their codes and their
 * counts from below; check.c checks phones, identity numbers, leaders and
 * the posts a person holds, and keeps and writes the problems (--check);
 * write.c writes the units, or the summary (--summary).  With -j 2 and
 * more, the units are made by a thread of their own (pipe.c), the
 * arena's pages made ready by another (ahead.c), the posts' hashes
 * sorted during units_finish by a third (check.c) while a fourth sorts
 * and sums the grids' buildings (codes.c), and the buildings' lines made
 * ahead of write_units by a fifth (write.c).
 */
#ifndef GRID_IMPORT_H
#define GRID_IMPORT_H

#include <stdint.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/rej.h"

struct cfg;

/* The fields a sheet may have (G_*: index in gfields[]). */
enum {
	G_STREET,
	G_COMMUNITY,
	G_GRID_ID,
	G_GRID_NAME,
	G_GRID_LEADER,
	G_GRID_LEADER_PHONE,
	G_GRID_PARTY_ORG,
	G_COMPOUND,
	G_BUILDING,
	G_BUILDING_PARTY_GROUP,
	G_OFFLINE_LEADER,
	G_OFFLINE_LEADER_PHONE,
	G_ONLINE_LEADER,
	G_ONLINE_LEADER_PHONE,
	G_PARTY_HOUSEHOLD,
	G_HOUSEHOLDS,
	G_RESIDENTS,
	G_OWNERS_COMMITTEE,
	G_PROPERTY_COMPANY,
	G_HAS_STAFF,
	G_HAS_RULES,
	G_HAS_FUNDING,
	G_HAS_INCENTIVES,
	G_ID_NUMBER,
	G_N
};

extern const char *const gfields[G_N];

enum {
	L_STREET,
	L_COMMUNITY,
	L_GRID,
	L_COMPOUND,
	L_BUILDING,
	L_HOUSEHOLD,
	L_N
};

extern const char *const level_names[L_N];

/* A row of a sheet, cleaned and filled down. */
struct row {
	const char *file;
	long line;
	struct str v[G_N]; /* empty when the sheet has no such column */
	/* the data row each value is from (filled down: one above), by
	 * number: the same number, the same value */
	unsigned long long from[G_N];
	/* sheet.c's data rows, for pipe.c: the fields with a value, those
	 * filled down (the row above's: their values given to the row
	 * by sheet_whole, but for those units_pre looks at), and the number
	 * of the data row */
	uint32_t have, filled;
	unsigned long long seq;
};

struct gopts {
	int level; /* -1: all */
	int summary, total, check, mask;
	int jobs; /* threads (-j): 0 until main.c sets the default */
};

extern struct gopts gopt;

/* sheet.c: fixes made to the sheets, for the closing line */
enum {
	FIX_TITLE,
	FIX_BLANK,
	FIX_TOTAL,
	FIX_FILLED,
	FIX_FOLDED,
	FIX_TRIMMED,
	FIX_N
};
extern unsigned long long fixes[FIX_N];
void sheet_conf(void);
/* Feed a raw row of the reader; calls pipe_row for each data row. */
void sheet_row(const struct rec *r);
/* The row pipe_row was given, with the values of every field filled down
 * (it has those units_pre looks at: see struct row's filled), for a row
 * made or passed whole. */
void sheet_whole(struct row *row);
void sheet_end(void);
/* The building's fields of row trimmed (the number trimmed added to
 * *trimmed, for fixes[FIX_TRIMMED]), and the full-width characters of
 * those folded late (as its units are made; b: six buffers, the
 * caller's): the number folded, for fixes[FIX_FOLDED]. */
unsigned long long sheet_fold(struct row *row, struct buf *b,
    unsigned long long *trimmed);
/* Forget the sheet being read, the fixes and the rows counted (see
 * units_reset). */
void sheet_reset(void);
/*
 * Rows that made units (all but those rejected), those of them with a
 * building, and the header rows: the rows read are the title, header,
 * blank, total and used rows and those rejected.
 */
extern unsigned long long rows_used, rows_building, rows_header;

/* Attributes of a unit (which apply depends on the level). */
enum {
	A_LEADER,
	A_LEADER_PHONE,
	A_PARTY_ORG,
	A_OFFLINE,
	A_OFFLINE_PHONE,
	A_ONLINE,
	A_ONLINE_PHONE,
	A_OWNERS,
	A_PROPERTY,
	A_STAFF,
	A_RULES,
	A_FUNDING,
	A_INCENTIVES,
	A_ID,
	A_N
};

/*
 * A unit of the organisation: a small struct in an arena (units.c).  Its
 * children are linked from child through next: as made (the last made
 * first), then, after units_finish, in the order of their codes.  Its
 * strings are the key, the name, then the level's attributes, each ended
 * by NUL ("" when absent): a building's and a household's right after the
 * struct, in s, found by their NULs; the others' (whose attributes come on
 * later rows) elsewhere, s holding a pointer to them, with where each
 * begins in the 8 unsigned shorts before them (unit_str).  A roster may
 * have millions of buildings: every byte here is megabytes.
 */
struct unit {
	struct unit *parent, *child, *next; /* the tree, in code order */
	union {
		struct unit *hnext;    /* streets to compounds, while the
					  rows are read: hashed */
		char *code;	       /* the same, from units_finish: see
					  unit_code */
		struct unit *compound; /* a building's */
	} u;
	union {
		unsigned own[2]; /* a building's households and residents,
				    both below 2^32 (else big) */
		long long *sums; /* the same, a big building's, or from
				    units_finish those of all below a street,
				    community or grid: see unit_count */
		unsigned seq;	 /* a compound's or household's number */
	} c;
	unsigned line;
	unsigned file : 24; /* see unit_file */
	unsigned level : 3, has_counts : 1;
	unsigned dropped : 1; /* a building listed twice, left out */
	unsigned big : 1;
	unsigned posts : 2; /* the posts noted in its checks (check.c) */
	char s[]; /* the strings, or (streets to compounds) a pointer */
};

/* Bytes past the last unit of the arena that may be read (not used: a
 * building's strings are read sixteen bytes at a time, write.c). */
#define UNIT_SLACK 16

/* A building's strings are followed by POST_LOW(u)[j], the low 16 bits
 * of the hash of its post j (two at most; check.c). */
#define POST_LOW(v) ((unsigned char *)(v)[6].p + (v)[6].n + 1)

/* Whether u's strings are in s itself. */
static inline int
unit_inline(const struct unit *u)
{
	return u->level >= L_BUILDING;
}

/* Households (i 0) or residents (i 1) of u, with those below it. */
static inline long long
unit_count(const struct unit *u, int i)
{
	if (u->level == L_BUILDING && !u->big)
		return u->c.own[i];
	if (u->level <= L_GRID || u->level == L_BUILDING)
		return u->c.sums != NULL ? u->c.sums[i] : 0;
	return 0;
}

/* How a value is shown with --mask: as is, a phone, an identity number. */
enum vkind { V_PLAIN, V_PHONE, V_ID };

static inline enum vkind
attr_kind(int a)
{
	if (a == A_ID)
		return V_ID;
	if (a == A_LEADER_PHONE || a == A_OFFLINE_PHONE || a == A_ONLINE_PHONE)
		return V_PHONE;
	return V_PLAIN;
}

/* units.c: the units, made from the rows */
extern struct unit *roots; /* the units without a parent */
/* Where each level keeps an attribute in its packed strings, or -1. */
extern const signed char slot[L_N][A_N];
/* The units of a row; 0 when it is rejected (it then makes none). */
int units_row(const struct rec *r, const struct row *row);
/*
 * The same in two halves: units_pre, on the thread reading the rows,
 * rejects the row (0) or works out p, its street's and community's names
 * (which may lie in a buffer of the next call); units_make, in the order
 * of the rows, on one thread (pipe.c's), makes the units.
 */
struct upre {
	int again;		 /* the street and community of the row
				    units_pre passed before: comm, street
				    unused */
	struct str comm, street; /* their names (n 0: none) */
};
int units_pre(const struct rec *r, const struct row *row, struct upre *p);
void units_make(const struct row *row, const struct upre *p);

/* pipe.c: units_row, the units made by a thread of their own from
 * pipe_start to pipe_end (without pipe_start: at once). */
void pipe_start(void);
int pipe_row(const struct rec *r, struct row *row);
void pipe_end(void);
/* The file u was read from. */
const char *unit_file(const struct unit *u);
/* Two counts, 0, kept with the units (a unit's c.sums). */
long long *units_sums(void);
/* a, then b (bn bytes), as one string kept with the units */
char *units_cat(const char *a, const char *b, size_t bn);
/* Forget every unit (and units_merged): for a process that reads many
 * rosters (a fuzz target). */
void units_reset(void);

/* The strings of u: the key first. */
static inline const char *
unit_str(const struct unit *u)
{
	const char *p;

	if (unit_inline(u))
		return u->s;
	memcpy(&p, u->s, sizeof p);
	return p;
}

static inline const char *
unit_key(const struct unit *u)
{
	return unit_str(u);
}

/* The name (0) and the attribute slots (1 to 7, as many as the level has)
 * of u, until the next call (units.c). */
const struct str *unit_strs(const struct unit *u);

/* Where the name (k 0) or the k-th attribute slot (k 1 to 7) begins. */
static inline const char *
unit_at(const struct unit *u, int k)
{
	const char *p;

	if (unit_inline(u))
		return unit_strs(u)[k].p;
	p = unit_str(u);
	return p + ((const unsigned short *)(const void *)p)[k - 8];
}

static inline const char *
unit_name(const struct unit *u)
{
	return unit_at(u, 0);
}

/* An attribute of u, or NULL when u has none. */
static inline const char *
unit_get(const struct unit *u, int a)
{
	int k = slot[u->level][a];
	const char *p;

	if (k < 0)
		return NULL;
	p = unit_at(u, k + 1);
	return *p != '\0' ? p : NULL;
}

/* ahead.c: the arena's pages made ready by a thread of their own, from
 * ahead_start to ahead_stop: a new chunk of n bytes at p, and where the
 * arena is in it (without ahead_start: nothing). */
void ahead_start(void);
void ahead_chunk(void *p, size_t n);
void ahead_at(const void *pos);
void ahead_stop(void);

/* codes.c: the division table, the codes and the counts */
struct division {
	char *name; /* without the suffix */
	char *code;
};
/* The division table (the divisions section, or NULL). */
void codes_conf(const struct cfg *divisions);
/*
 * The name a street or community goes by (the division's when the table
 * knows it), and its division (*d, when d is not NULL), or NULL.
 */
struct str division_name(struct str raw, int level, const struct division **d);
/* The street of a community's division, or NULL. */
const struct division *division_street(const struct division *community);
/* The code of u: u->u.code (streets to compounds, after their codes are
 * given), or for buildings and households made in buf. */
const char *unit_code(const struct unit *u, char *buf, size_t size);
/* The end: codes top down, checks, counts bottom up. */
void units_finish(void);
/* The buildings listed twice, their later rows left out (merged). */
extern unsigned long long units_merged;

/* check.c: the checks and the problems found */
void check_conf(void);
/* A value as written: "" for NULL; with --mask, phones and identity
 * numbers masked (into buf). */
const char *shown(const char *v, enum vkind kind, char *buf, size_t size);
/* A problem of u, found on that line. */
void problem(const char *file, long line, const struct unit *u,
    const char *what, const char *value);
/* Note a file read: problems are listed in the order of the files. */
void check_file(const char *file);
/* A unit's checks (a building's as its row is read, the others' in
 * units_finish); then the posts people hold: the hashes that come too
 * often (hot) found, at the end of units_finish. */
void check_unit(struct unit *u);
void check_posts(void);
/* With -j 2 and more: the posts noted so far (the buildings') sorted by a
 * thread of their own, until check_posts. */
void check_posts_sort(void);
/*
 * Then a second walk, of all units in the order of their codes: whether
 * it is needed (there are hot hashes), each unit's posts (its strings v,
 * as unit_strs gives them), and the problems at the end; or all three
 * (check_write and write_summary; write_units walks itself).
 */
int check_posts_hot(void);
void check_posts_of(struct unit *u, const struct str *v);
/* Whether a building's posts may be hot, by the low bits of their hashes
 * (low: POST_LOW's bytes): check_posts_of looks no further when not. */
int check_posts_low(const struct unit *u, const unsigned char *low);
void check_posts_end(void);
void check_posts_walk(void);
/* A building checked, then dropped (listed twice): its posts are not. */
void check_drop(struct unit *u);
/* The problems, one record each (--check); how many there are. */
/* Forget the problems of the units dropped (found before they were). */
void check_dropped(void);
void check_write(int fmt, unsigned flags);
unsigned long long check_count(void);
/* Forget the problems and the posts noted (see units_reset). */
void check_reset(void);

/* write.c */
/* The words that mean yes (the yes section, or NULL). */
void write_conf(const struct cfg *yes);
void write_units(int fmt, unsigned flags);
void write_summary(int fmt, unsigned flags);

/* section.c: the section, checked by every program (max-posts: 1 to
 * GI_MAX_POSTS). */
extern const struct cfg_section grid_import_section;
#define GI_MAX_POSTS 1000000

/* conf.c: the options (set by main.c) and the section, read */
/* The strings of a sequence of the configuration (seq may be NULL): n of
 * them. */
struct str *conf_strs(const struct cfg *seq, size_t *n);
/* Read the section (after cli_setup). */
void conf_load(void);

#endif
