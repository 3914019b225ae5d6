/*
 * grid-import: what its files share.  sheet.c reads the roster sheets
 * (header rows, title rows, merged cells, totals) into rows of known
 * fields; units.c makes the units of the five-level organisation from the
 * rows, gives them codes and writes them, or the summary; check.c checks
 * phones, identity numbers, leaders and posts.
 */
#ifndef GRID_IMPORT_H
#define GRID_IMPORT_H

#include "lib/cli.h"
#include "lib/rej.h"

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

enum { L_STREET, L_COMMUNITY, L_GRID, L_COMPOUND, L_BUILDING, L_HOUSEHOLD,
	L_N };

extern const char *const level_names[L_N];

/* A row of a sheet, cleaned and filled down. */
struct row {
	const char *file;
	long line;
	struct str v[G_N]; /* empty when the sheet has no such column */
	int has[G_N];	   /* the sheet has the column */
};

struct gopts {
	int level; /* -1: all */
	int summary, total, check, mask;
};

extern struct gopts gopt;

/* sheet.c: fixes made to the sheets, for the closing line */
enum { FIX_TITLE, FIX_BLANK, FIX_TOTAL, FIX_FILLED, FIX_FOLDED,
	FIX_TRIMMED, FIX_N };
extern unsigned long long fixes[FIX_N];
void sheet_conf(void);
/* Feed a raw row of the reader; calls units_row for each data row. */
void sheet_row(const struct rec *r);
void sheet_end(void);

/* units.c */
extern const struct cfg_section grid_import_section;
void units_conf(void);
void units_row(const struct rec *r, const struct row *row);
void units_finish(void);
void units_write(int fmt, unsigned flags);
void units_summary(int fmt, unsigned flags);
void units_check(int fmt, unsigned flags);
unsigned long long units_problems(void);

/* check.c */
void check_conf(void);
/* Why a phone number is invalid, or NULL. */
const char *check_phone(struct str v);
/* Why an identity number is invalid, or NULL. */
const char *check_id(struct str v);
/* The value as shown with --mask (phones, identity numbers). */
const char *mask(struct str v, int is_id, char *buf, size_t size);

#endif
