/*
 * grid-import: reading the sheets as communities keep them.  The header is
 * the first row naming at least two known fields, one of them not street,
 * community or grid_id, which every record of the district has (rows
 * above it are title rows; a sheet without it in 20 rows is not a roster
 * and ends the run); blank rows and total rows (合计, 小计, 总计) are
 * skipped; cells left blank by merged cells are filled down in the
 * hierarchy columns; values are trimmed, and full-width characters folded
 * in numbers, codes and phones.  Every fix is counted for the closing
 * line.
 *
 * A rejected row breaks the chain of filled cells: a row whose blank cell
 * would be filled from it is rejected too, naming it.  A row read whole
 * (rejected for its values) would fill the cells it has; one that could
 * not be read, or had more cells than the header, any cell, as far as
 * the row below does not say which grid or compound it is in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/fld.h"
#include "lib/rej.h"
#include "lib/utf8.h"

#define TITLE_MAX 20 /* rows looked at for the header */

const char *const gfields[G_N] = { "street", "community", "grid_id",
	"grid_name", "grid_leader", "grid_leader_phone", "grid_party_org",
	"compound", "building", "building_party_group", "offline_leader",
	"offline_leader_phone", "online_leader", "online_leader_phone",
	"party_household", "households", "residents", "owners_committee",
	"property_company", "has_staff", "has_rules", "has_funding",
	"has_incentives", "id_number" };

unsigned long long fixes[FIX_N];

/*
 * Fields whose full-width characters are folded to ASCII: as the row is
 * tidied (1: those that fill down or are compared with the row above's),
 * or as its units are made (LATE: sheet_fold, by the thread making them;
 * a value folded is not empty, and no other part of the row is told by
 * them before).
 */
#define LATE 2
static const unsigned char folded[G_N] = { [G_GRID_ID] = 1,
	[G_BUILDING] = LATE,
	[G_GRID_LEADER_PHONE] = 1,
	[G_OFFLINE_LEADER_PHONE] = LATE,
	[G_ONLINE_LEADER_PHONE] = LATE,
	[G_HOUSEHOLDS] = LATE,
	[G_RESIDENTS] = LATE,
	[G_ID_NUMBER] = LATE };

/*
 * Fields trimmed as the row's units are made (by the thread making them,
 * in sheet_fold): those of the building alone, which no other part of
 * the row is told by; the thread reading the rows passes them as they
 * are.
 */
static const unsigned char late_trim[G_N] = { [G_BUILDING_PARTY_GROUP] = 1,
	[G_OFFLINE_LEADER] = 1,
	[G_OFFLINE_LEADER_PHONE] = 1,
	[G_ONLINE_LEADER] = 1,
	[G_ONLINE_LEADER_PHONE] = 1,
	[G_PARTY_HOUSEHOLD] = 1,
	[G_HOUSEHOLDS] = 1,
	[G_RESIDENTS] = 1,
	[G_ID_NUMBER] = 1 };

/* What a blank cell takes from the row above, and when. */
enum { FILL_NO, FILL_ALWAYS, FILL_SAME_GRID, FILL_SAME_COMPOUND };
static const unsigned char fill[G_N] = { [G_STREET] = FILL_ALWAYS,
	[G_COMMUNITY] = FILL_ALWAYS,
	[G_GRID_ID] = FILL_ALWAYS,
	[G_GRID_NAME] = FILL_SAME_GRID,
	[G_GRID_LEADER] = FILL_SAME_GRID,
	[G_GRID_LEADER_PHONE] = FILL_SAME_GRID,
	[G_GRID_PARTY_ORG] = FILL_SAME_GRID,
	[G_HAS_STAFF] = FILL_SAME_GRID,
	[G_HAS_RULES] = FILL_SAME_GRID,
	[G_HAS_FUNDING] = FILL_SAME_GRID,
	[G_HAS_INCENTIVES] = FILL_SAME_GRID,
	[G_COMPOUND] = FILL_ALWAYS,
	[G_OWNERS_COMMITTEE] = FILL_SAME_COMPOUND,
	[G_PROPERTY_COMPANY] = FILL_SAME_COMPOUND };

/* Where a sheet is: before its header, or in its data. */
enum sheet_state { SEEK_HEADER, IN_DATA };

static struct {
	const char *file;
	enum sheet_state state;
	long col[G_N]; /* the sheet's column of each field, or -1 */
	/* the fields the sheet has, in their order (col), and a row whose
	 * other fields are empty (struct row: data_row's) */
	unsigned char have[G_N];
	size_t nhave;
	size_t nplain; /* the first of have not folded early (folded) */
	unsigned char raw[G_N]; /* those of them trimmed late (late_trim) */
	size_t nraw;
	size_t hcol[G_N], rcol[G_N]; /* col[have[i]], col[raw[i]] */
	struct row row;
	/* the fields that fill down (fill): all of them, and those the
	 * sheet has, in the order of the fields */
	unsigned char fills[G_N], fills_had[G_N];
	size_t nfills, nfills_had;
	/* the row's fields filled (fill_down), of fills_had; whether a field
	 * the sheet lacks may have another taint, unknown or from than a
	 * row of the sheet gives it (pass_down) */
	size_t nflagged;
	int lacking;
	/* masks (bit f: field f): fills_had; the fields the row below may
	 * take a value from (prev[f] not empty, or unknown[f]); those tainted
	 * (taint[f] not 0) */
	uint32_t fillm, prevm, taintm;
	uint32_t fullm; /* the fields whose prev[f] is not empty */
	uint32_t havem; /* have's */
	uint32_t havebit[G_N], rawbit[G_N]; /* 1 << have[i], 1 << raw[i] */
	size_t ncells;			    /* cells in the header */
	size_t ntitle;			    /* rows before the header */
	long first;	 /* the line of the sheet's first row */
	struct buf best; /* the fields named by the title row naming most */
	size_t nbest;
	long bestline;
	struct buf prev[G_N];	      /* the row above, filled down */
	struct str pv[G_N];	      /* prev[f]'s bytes, as a value */
	unsigned long long from[G_N]; /* the data row prev[f] is from */
	unsigned long long rows;      /* data rows numbered (struct row) */
	long taint[G_N];	      /* the line of the rejected row prev[f] is
					 from, or 0 */
	unsigned char unknown[G_N];   /* and that row could not be read */
	unsigned long long nrej;      /* rej_count() after the last row */
} st;

unsigned long long rows_used, rows_building, rows_header;

static struct str *totals;
static size_t ntotals;
/* the first bytes of the totals words (all: one is empty) */
static unsigned char total1[256];

void
sheet_conf(void)
{
	size_t i;

	totals = conf_strs(cfg_seq(cfg_root(), "grid-import.totals"), &ntotals);
	for (i = 0; i < ntotals; i++)
		if (totals[i].n > 0)
			total1[(unsigned char)totals[i].p[0]] = 1;
		else
			memset(total1, 1, sizeof total1);
}

static int
field_of(struct str cell)
{
	const struct fld *f = fld_lookup(cell);
	int i;

	if (f == NULL)
		return -1;
	for (i = 0; i < G_N; i++)
		if (strcmp(f->name, gfields[i]) == 0)
			return i;
	return -1;
}

/* Fields every record of the district has, a case export's too. */
static int
is_place(int f)
{
	return f == G_STREET || f == G_COMMUNITY || f == G_GRID_ID;
}

/*
 * A header row: at least two cells name fields grid-import reads, one of
 * them not a place.  A row that is not is noted when it names more fields
 * than the rows before it, for the message if no header comes.
 */
static int
is_header(const struct rec *r)
{
	size_t i, known = 0, own = 0;

	for (i = 0; i < r->nf; i++) {
		int f = field_of(r->f[i]);

		known += f >= 0;
		own += f >= 0 && !is_place(f);
	}
	if (known >= 2 && own >= 1)
		return 1;
	if (known > st.nbest) {
		st.nbest = known;
		st.bestline = r->line;
		buf_reset(&st.best);
		for (i = 0; i < r->nf; i++) {
			int f = field_of(r->f[i]);
			struct str c = str_trim(r->f[i]);

			if (f < 0)
				continue;
			if (st.best.n > 0)
				buf_adds(&st.best, ", ");
			u8_show(&st.best, c.p, c.n, 40);
			buf_printf(&st.best, " (%s)", gfields[f]);
		}
	}
	return 0;
}

/*
 * No header in the sheet's first rows: not a roster (a case export given
 * by mistake names only places), the run ends (exit 3), saying what a
 * header names and what the sheet's rows named.
 */
_Noreturn static void
not_roster(void)
{
	static struct buf own; /* (static: the exit may be jumped over) */
	int f;

	buf_reset(&own);
	for (f = 0; f < G_N; f++)
		if (!is_place(f))
			buf_printf(&own, "%s%s", own.n > 0 ? ", " : "",
			    fld_zh(gfields[f]));
	if (st.nbest > 0)
		zl_die_at(ZL_IOERR, st.file, st.bestline,
		    _("not a roster sheet: no row of the first %d names two "
		      "of the roster's fields, one of them not %s, %s or %s "
		      "(%s); this row names only %s"),
		    TITLE_MAX, fld_zh(gfields[G_STREET]),
		    fld_zh(gfields[G_COMMUNITY]), fld_zh(gfields[G_GRID_ID]),
		    own.p, st.best.p);
	zl_die_at(ZL_IOERR, st.file, st.first,
	    _("not a roster sheet: no row of the first %d names two of the "
	      "roster's fields, one of them not %s, %s or %s (%s); not one "
	      "of them names a field"),
	    TITLE_MAX, fld_zh(gfields[G_STREET]), fld_zh(gfields[G_COMMUNITY]),
	    fld_zh(gfields[G_GRID_ID]), own.p);
}

/* Field f, which the sheet has, tidied as the row is read. */
static void
have_field(int f)
{
	st.havebit[st.nhave] = 1u << f;
	st.hcol[st.nhave] = (size_t)st.col[f];
	st.have[st.nhave++] = (unsigned char)f;
	st.havem |= 1u << f;
}

static void
use_header(const struct rec *r)
{
	size_t i;

	for (i = 0; i < G_N; i++)
		st.col[i] = -1;
	for (i = 0; i < r->nf; i++) {
		int f = field_of(r->f[i]);

		if (f >= 0 && st.col[f] < 0)
			st.col[f] = (long)i;
	}
	st.havem = 0;
	for (i = st.nhave = st.nraw = 0; i < G_N; i++) {
		st.row.v[i] = (struct str) { "", 0 };
		st.row.from[i] = 0;
		if (st.col[i] >= 0 && late_trim[i]) {
			st.rawbit[st.nraw] = 1u << i;
			st.rcol[st.nraw] = (size_t)st.col[i];
			st.raw[st.nraw++] = (unsigned char)i;
		} else if (st.col[i] >= 0 && folded[i] != 1)
			have_field((int)i);
	}
	st.nplain = st.nhave;
	for (i = 0; i < G_N; i++)
		if (st.col[i] >= 0 && !late_trim[i] && folded[i] == 1)
			have_field((int)i);
	st.nfills = st.nfills_had = 0;
	st.fillm = 0;
	for (i = 0; i < G_N; i++)
		if (fill[i] != FILL_NO) {
			st.fills[st.nfills++] = (unsigned char)i;
			if (st.col[i] >= 0) {
				st.fills_had[st.nfills_had++] = (unsigned char)
				    i;
				st.fillm |= 1u << i;
			}
		}
	st.ncells = r->nf;
	st.lacking = 1;
	st.state = IN_DATA;
	rej_header(r->f, r->nf); /* the --reject file's, or mapped onto it */
	fixes[FIX_TITLE] += st.ntitle;
	rows_header++;
}

void
sheet_end(void)
{
	int f;

	if (st.file != NULL && st.state == SEEK_HEADER)
		not_roster();
	st.file = NULL;
	st.state = SEEK_HEADER;
	st.ntitle = 0;
	st.nbest = 0;
	st.prevm = st.taintm = st.fullm = 0;
	for (f = 0; f < G_N; f++) {
		buf_reset(&st.prev[f]);
		st.pv[f] = (struct str) { st.prev[f].p, 0 };
		st.taint[f] = 0;
		st.unknown[f] = 0;
	}
}

void
sheet_reset(void)
{
	st.file = NULL; /* no "not a roster": it was said, or will not be */
	sheet_end();
	memset(fixes, 0, sizeof fixes);
	rows_used = rows_building = rows_header = 0;
	st.nrej = rej_count();
}

/* Trim; fold full-width characters where the field wants it. */
static struct str
clean(struct str s, int f, struct buf *b)
{
	struct str t = str_trim(s);
	size_t n;

	if (t.n != s.n)
		fixes[FIX_TRIMMED]++;
	if (folded[f] != 1 || t.n < 3) /* (a full-width character: 3 bytes) */
		return t;
	t = str_fold(t, b, &n);
	fixes[FIX_FOLDED] += n;
	return t;
}

/* Whether the word w has a byte c (c times 0x0101...: cc). */
static inline uint64_t
has_byte(uint64_t w, uint64_t cc)
{
	w ^= cc;
	return (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
}

/* Whether a value of 3 bytes or more may hold a full-width character (a
 * byte 0xEF or 0xE3): most do not, told without a call from at most 16
 * bytes (two words, which may overlap). */
static int
may_fold(const char *p, size_t n)
{
	const uint64_t ef = 0xEFEFEFEFEFEFEFEFULL, e3 = 0xE3E3E3E3E3E3E3E3ULL;
	uint64_t a, z;
	uint32_t x, y;

	if (n > 16)
		return 1;
	if (n >= 8) {
		memcpy(&a, p, 8);
		memcpy(&z, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&x, p, 4);
		memcpy(&y, p + n - 4, 4);
		a = x;
		z = y;
	} else
		a = z = (uint64_t)(unsigned char)p[0] |
		    (uint64_t)(unsigned char)p[1] << 8 |
		    (uint64_t)(unsigned char)p[2] << 16;
	if (((a | z) & 0x8080808080808080ULL) == 0)
		return 0; /* ASCII (phones, counts) */
	return (has_byte(a, ef) | has_byte(a, e3) | has_byte(z, ef) |
		   has_byte(z, e3)) != 0;
}

unsigned long long
sheet_fold(struct row *row, struct buf *b, unsigned long long *trimmed)
{
	static const unsigned char late[] = { G_BUILDING,
		G_OFFLINE_LEADER_PHONE, G_ONLINE_LEADER_PHONE, G_HOUSEHOLDS,
		G_RESIDENTS, G_ID_NUMBER };
	static const unsigned char trim[] = { G_BUILDING_PARTY_GROUP,
		G_OFFLINE_LEADER, G_OFFLINE_LEADER_PHONE, G_ONLINE_LEADER,
		G_ONLINE_LEADER_PHONE, G_PARTY_HOUSEHOLD, G_HOUSEHOLDS,
		G_RESIDENTS, G_ID_NUMBER }; /* late_trim's */
	unsigned long long all = 0;
	size_t i, n;

	for (i = 0; i < sizeof trim; i++) {
		struct str *v = &row->v[trim[i]], t;

		if (v->n > 0 && (t = str_trim(*v)).n != v->n) {
			++*trimmed;
			*v = t;
		}
	}
	for (i = 0; i < sizeof late; i++) {
		int f = late[i];

		if (row->v[f].n >= 3 && may_fold(row->v[f].p, row->v[f].n)) {
			row->v[f] = str_fold(row->v[f], &b[i], &n);
			all += n;
		}
	}
	return all;
}

/* Field f of the row as in the row above. */
static int
as_above(const struct row *row, int f)
{
	struct str a = row->v[f];
	const struct buf *b = &st.prev[f];

	return a.n == b->n && (a.n == 0 || memcmp(a.p, b->p, a.n) == 0);
}

/* Whether the first cell that is not blank, c, says the row is a total. */
static int
is_total(struct str c)
{
	size_t j;

	if (!total1[(unsigned char)c.p[0]])
		return 0;
	for (j = 0; j < ntotals; j++)
		if (c.n >= totals[j].n &&
		    memcmp(c.p, totals[j].p, totals[j].n) == 0)
			return 1;
	return 0;
}

/* A rejected row (on line), not read whole: any cell of the rows below
 * may have been filled from it. */
static void
taint_all(long line)
{
	int f;

	for (f = 0; f < G_N; f++)
		if (fill[f] != FILL_NO) {
			st.taint[f] = line;
			st.unknown[f] = 1;
			st.prevm |= 1u << f;
			if (line != 0)
				st.taintm |= 1u << f;
			else
				st.taintm &= ~(1u << f);
		}
	st.lacking = 1;
}

/* A row that is not data: too many cells (rejected), blank or a total. */
static int
not_data(const struct rec *r)
{
	size_t i;

	if (r->nf > st.ncells)
		for (i = st.ncells; i < r->nf; i++)
			if (str_trim(r->f[i]).n > 0) {
				rec_reject(r,
				    _("%zu cells, the header has %zu"), r->nf,
				    st.ncells);
				taint_all(r->line);
				return 1;
			}
	for (i = 0; i < r->nf; i++) {
		struct str c = str_trim(r->f[i]);

		if (c.n == 0)
			continue;
		if (is_total(c)) {
			fixes[FIX_TOTAL]++;
			return 1;
		}
		return 0;
	}
	fixes[FIX_BLANK]++;
	return 1;
}

/*
 * Field k of the row (which decides whether a cell is filled) as in the
 * row above; -1 when that row could not be read and k is the row's own.
 * A field filled down (in filled) is the row above's (or both are
 * empty): not compared.
 */
static int
same_as_above(const struct row *row, uint32_t filled, int k)
{
	if (filled >> k & 1)
		return 1;
	if (st.unknown[k])
		return -1;
	return as_above(row, k);
}

/* The fields of a kind of fill (fill[f] == kind), as a mask. */
static uint32_t
fill_mask(int kind)
{
	uint32_t m = 0;
	int f;

	for (f = 0; f < G_N; f++)
		if (fill[f] == kind)
			m |= 1u << f;
	return m;
}

/* The bits of x set. */
static inline unsigned
bits(uint32_t x)
{
	x = x - (x >> 1 & 0x55555555u);
	x = (x & 0x33333333u) + (x >> 2 & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return x * 0x01010101u >> 24;
}

/* The fields filled down whose values the thread reading the rows looks
 * at (units_pre); the others' are given only to a row that must have all
 * (sheet_whole): most rows are passed without them (pipe.c). */
#define PRE_FILL (1u << G_STREET | 1u << G_COMMUNITY | 1u << G_GRID_ID)

/*
 * Merged cells: blanks (of blank, the row's empty fields) take the value
 * of the row above; the fields filled (*filled; *n: those given a value,
 * as far as PRE_FILL's: see sheet_whole).
 * The first field filled from a rejected row, or -1.  Whether the row is
 * in the grid or compound of the row above is asked once, when a field
 * that depends on it would be filled: the fields it depends on fill
 * always.
 */
static int
fill_down(struct row *row, uint32_t blank, uint32_t *filled, unsigned *n)
{
	static uint32_t gridm, compm;
	uint32_t m = blank & st.fillm & st.prevm, got, g;
	int f;

	if (gridm == 0) {
		gridm = fill_mask(FILL_SAME_GRID);
		compm = fill_mask(FILL_SAME_COMPOUND);
	}
	if ((m & gridm) &&
	    !(same_as_above(row, m, G_GRID_ID) == 1 &&
		same_as_above(row, m, G_COMMUNITY) == 1))
		m &= ~gridm;
	if ((m & compm) && same_as_above(row, m, G_COMPOUND) != 1)
		m &= ~compm;
	*filled = m;
	got = m & st.fullm; /* (the others: unknown, and stay blank) */
	for (g = got & PRE_FILL; g != 0; g &= g - 1) {
		f = __builtin_ctz(g);
		row->v[f] = st.pv[f];
		row->from[f] = st.from[f];
	}
	st.nflagged = bits(m);
	row->have |= got;
	*n += bits(got);
	return *filled & st.taintm ? __builtin_ctz(*filled & st.taintm) : -1;
}

void
sheet_whole(struct row *row)
{
	uint32_t g = row->filled & st.fullm & ~PRE_FILL;
	int f;

	for (; g != 0; g &= g - 1) {
		f = __builtin_ctz(g);
		row->v[f] = st.pv[f];
		row->from[f] = st.from[f];
	}
}

/* What the rows below may fill down from: the row's own values (on line
 * when it was rejected); what was filled down is prev already (a row
 * used with every field of the sheet that fills down filled: nothing
 * else, unless a field the sheet lacks was tainted). */
static void
pass_down(const struct row *row, uint32_t filled, long rejected)
{
	size_t i;

	if (rejected == 0 && st.nflagged == st.nfills_had && !st.lacking)
		return;
	st.lacking = 0;
	for (i = 0; i < st.nfills; i++) {
		int f = st.fills[i];

		if (filled >> f & 1)
			continue;
		if (row->v[f].n > 0 || st.prev[f].n > 0) {
			buf_reset(&st.prev[f]);
			buf_add(&st.prev[f], row->v[f].p, row->v[f].n);
			st.pv[f] = (struct str) { st.prev[f].p, st.prev[f].n };
		}
		st.from[f] = row->from[f];
		st.taint[f] = rejected;
		st.unknown[f] = 0;
		st.prevm = (st.prevm & ~(1u << f)) |
		    (uint32_t)(row->v[f].n > 0) << f;
		st.fullm = (st.fullm & ~(1u << f)) |
		    (uint32_t)(row->v[f].n > 0) << f;
		st.taintm = (st.taintm & ~(1u << f)) |
		    (uint32_t)(rejected != 0) << f;
	}
}

/* A row rejected after it was tidied (on line): its fields folded late
 * counted, as those of a row used are. */
static void
rejected(struct row *row, uint32_t filled, long line)
{
	static struct buf b[6];

	fixes[FIX_FOLDED] += sheet_fold(row, b, &fixes[FIX_TRIMMED]);
	pass_down(row, filled, line);
}

static void
data_row(const struct rec *r)
{
	static struct buf cleaned[G_N];
	uint32_t filled, blank = 0, have = 0;
	unsigned nfilled = 0, trimmed = 0;
	struct row *row = &st.row; /* (the fields the sheet lacks: empty) */
	size_t i;
	int f;

	if (not_data(r))
		return;
	row->file = r->file;
	row->line = r->line;
	row->seq = ++st.rows;
	for (i = 0; i < st.nplain; i++) { /* trimmed, not folded */
		size_t c = st.hcol[i];
		struct str v = c < r->nf ? r->f[c] : (struct str) { "", 0 };
		struct str t = str_trim(v);

		f = st.have[i];
		trimmed += t.n != v.n;
		row->from[f] = st.rows;
		row->v[f] = t;
		blank |= t.n == 0 ? st.havebit[i] : 0;
	}
	fixes[FIX_TRIMMED] += trimmed;
	for (; i < st.nhave; i++) {
		size_t c = st.hcol[i];

		f = st.have[i];
		row->from[f] = st.rows;
		row->v[f] = c < r->nf ? clean(r->f[c], f, &cleaned[f]) :
					(struct str) { "", 0 };
		blank |= row->v[f].n == 0 ? st.havebit[i] : 0;
	}
	for (i = 0; i < st.nraw; i++) {
		size_t c = st.rcol[i];

		f = st.raw[i];
		row->from[f] = st.rows;
		row->v[f] = c < r->nf ? r->f[c] : (struct str) { "", 0 };
		have |= row->v[f].n > 0 ? st.rawbit[i] : 0;
	}
	row->have = (st.havem & ~blank) | have;
	f = fill_down(row, blank, &filled, &nfilled);
	row->filled = filled;
	if (f >= 0) {
		rec_reject(r,
		    _("field '%s': empty, and the row above that would fill "
		      "it (%s:%ld) was rejected"),
		    gfields[f], r->file, st.taint[f]);
		rejected(row, filled, r->line);
		return;
	}
	if (!pipe_row(r, row)) {
		rejected(row, filled, r->line);
		return;
	}
	/* cells filled down are counted in the rows used */
	fixes[FIX_FILLED] += nfilled;
	rows_used++;
	rows_building += row->v[G_BUILDING].n > 0;
	pass_down(row, filled, 0);
}

/* A row of the sheet, after the rows the reader rejected since the last
 * one (which break the chain of filled cells). */
static void
next_row(const struct rec *r)
{
	if (r->file != st.file) {
		sheet_end();
		st.file = r->file;
		st.first = r->line;
	}
	if (st.state == IN_DATA) {
		if (rej_count() != st.nrej) {
			const char *file;
			long line;

			rej_last(&file, &line);
			if (file == r->file)
				taint_all(line);
		}
		data_row(r);
		return;
	}
	if (is_header(r)) {
		use_header(r);
		return;
	}
	/* twenty rows and no header: not a roster */
	if (++st.ntitle == TITLE_MAX)
		not_roster();
}

void
sheet_row(const struct rec *r)
{
	next_row(r);
	st.nrej = rej_count();
}
