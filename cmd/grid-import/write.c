/*
 * grid-import: writing the units in the order of their codes, one record
 * each, or their counts per community (--summary).
 */
#include <pthread.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/fld.h"
#include "lib/out.h"

static struct str *yes;
static size_t nyes;

void
write_conf(const struct cfg *y)
{
	yes = conf_strs(y, &nyes);
}

static int
is_yes(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < nyes; i++)
		if (strcmp(s, yes[i].p) == 0)
			return 1;
	return 0;
}

/* A unit's part of a path: its name, a grid's 网格 and number. */
static void
add_part(struct buf *b, const struct unit *u)
{
	if (u->level == L_GRID) {
		buf_adds(b, "网格");
		buf_adds(b, unit_key(u));
	} else
		buf_adds(b, unit_name(u));
}

/* The path of a unit: the buffer it is made in, and the unit whose path
 * it begins with, and its length (siblings come in a row: their parent's
 * path is made once). */
struct path {
	struct buf b;
	const struct unit *parent;
	size_t n;
};

/* The path of names down to u (into pc's buffer, until the next call). */
static const char *
path_in(struct path *pc, const struct unit *u)
{
	const struct unit *chain[8], *a;
	size_t n = 0, i;

	if (u->parent == NULL || u->parent != pc->parent) {
		for (a = u->parent; a != NULL && n < 8; a = a->parent)
			chain[n++] = a;
		buf_reset(&pc->b);
		for (i = n; i-- > 0;) {
			add_part(&pc->b, chain[i]);
			buf_addc(&pc->b, '/');
		}
		pc->parent = u->parent;
		pc->n = pc->b.n;
	}
	pc->b.n = pc->n;
	add_part(&pc->b, u);
	return pc->b.p ? pc->b.p : "";
}

static struct path main_path;

static const char *
path_of(const struct unit *u)
{
	return path_in(&main_path, u);
}

/* A count as text (no printf: it is done a million times). */
static struct str
num(long long v, char *buf)
{
	char *p = buf + 23;
	unsigned long long x = v < 0 ? 0ULL - (unsigned long long)v :
				       (unsigned long long)v;

	*p = '\0';
	do
		*--p = (char)('0' + x % 10);
	while ((x /= 10) > 0);
	if (v < 0)
		*--p = '-';
	return (struct str) { p, (size_t)(buf + 23 - p) };
}

/* The unit after u, depth first, in the order of codes. */
static struct unit *
walk_next(const struct unit *u)
{
	if (u->child != NULL)
		return u->child;
	while (u != NULL && u->next == NULL)
		u = u->parent;
	return u != NULL ? u->next : NULL;
}

/*
 * The name and the attributes of u as written, into the columns of
 * write_units (masked values until the next call).  Their lengths are
 * known: no strlen for each.
 */
static void
put_strs(const struct unit *u, struct str *f)
{
	static const signed char col[A_N] = { 5, 6, 7, 8, 9, 10, 11, 15, 16, -1,
		-1, -1, -1, 21 };
	static char m[A_N][64];
	const struct str *v = unit_strs(u);
	int a, k;

	f[2] = v[0];
	for (a = 0; a < A_N; a++) {
		if (col[a] < 0)
			continue;
		k = slot[u->level][a];
		if (k < 0 || v[k + 1].n == 0)
			f[col[a]] = str_c("");
		else if (gopt.mask && attr_kind(a) != V_PLAIN)
			f[col[a]] = str_c(
			    shown(v[k + 1].p, attr_kind(a), m[a], sizeof m[a]));
		else
			f[col[a]] = v[k + 1];
	}
}

/* ---- a building's record as a line built in the output (tsv, csv) ---- */

/*
 * The bytes a plain value has none of: those TSV escapes and those CSV
 * quotes (a comma, a quote); nor does a plain value begin or end with a
 * space.  Both formats write a plain value as it is, so a line of plain
 * values is built by copying them.
 */
static const unsigned char unplain[256] = { ['\t'] = 1,
	['\n'] = 1,
	['\r'] = 1,
	['\\'] = 1,
	[','] = 1,
	['"'] = 1 };

static int
plain(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return 0;
	for (i = 0; i < n; i++)
		if (unplain[(unsigned char)s[i]])
			return 0;
	return 1;
}

#if !defined(__SSE2__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* The bytes of x equal to c, by their high bits. */
static inline uint64_t
bytes_eq(uint64_t x, unsigned char c)
{
	uint64_t t = x ^ (ONES * c);

	return ~(((t & ~HIGH) + ~HIGH) | t) & HIGH;
}
#endif

/* Whether no string of a building (from s, ending at end[8]) begins or
 * ends with a space. */
static int
edges_plain(const char *s, const size_t *end)
{
	size_t k, b;

	for (k = 0, b = 0; k < 8; b = end[k++] + 1)
		if (end[k] > b && (s[b] == ' ' || s[end[k] - 1] == ' '))
			return 0;
	return 1;
}

/*
 * Where the eight strings of a building (from s, after its struct) end,
 * into end[8]; 0 when one is not plain (a byte plain values have not, a
 * space first or last).  A word of
 * eight bytes at a time: its NULs and its bytes below a minus sign (tab,
 * line ends, quote, comma, and a few plain ones) or backslashes; a word
 * with one of those that is not a NUL looked at byte by byte.  The words
 * are whole words of the unit (its size is a multiple of eight, its
 * strings followed by POST_LOW's bytes).  With SSE2, sixteen bytes at a
 * time: the last may reach eight bytes past the unit, which the arena
 * leaves room for (UNIT_SLACK), and only the bytes of its strings count.
 */
static int
block_ends(const char *s, size_t *end)
{
#if defined(__SSE2__)
	const __m128i zero = _mm_setzero_si128(), comma = _mm_set1_epi8(',');
	const __m128i bs = _mm_set1_epi8('\\');
	size_t i, k = 0, j, n;

	for (i = 0;; i += 16) {
		__m128i x = _mm_loadu_si128(
		    (const __m128i *)(const void *)(s + i));
		unsigned nul = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(x, zero));
		/* up to a comma (unsigned: not a NUL), or a backslash */
		unsigned odd =
		    (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, comma), x),
			    _mm_cmpeq_epi8(x, bs))) &
		    ~nul;

		for (; nul != 0 && k < 8; nul &= nul - 1)
			end[k++] = i + (size_t)__builtin_ctz(nul);
		n = k < 8 ? 16 : end[7] - i; /* the bytes of strings */
		if ((odd & ((1u << n) - 1)) != 0)
			for (j = 0; j < n; j++)
				if (unplain[(unsigned char)s[i + j]])
					return 0;
		if (k == 8)
			return edges_plain(s, end);
	}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	size_t i, k = 0, j, n;
	uint64_t x, nul, odd;

	for (i = 0;; i += 8) {
		memcpy(&x, s + i, 8);
		nul = bytes_eq(x, 0);
		/* below '-' (not a NUL), or a backslash */
		odd = (~(((x & ~HIGH) + ONES * (0x80 - '-')) | x) & HIGH &
			  ~nul) |
		    bytes_eq(x, '\\');
		for (; nul != 0 && k < 8; nul &= nul - 1)
			end[k++] = i + (size_t)__builtin_ctzll(nul) / 8;
		n = k < 8 ? 8 : end[7] - i; /* the bytes of strings */
		if (odd != 0)
			for (j = 0; j < n; j++)
				if (unplain[(unsigned char)s[i + j]])
					return 0;
		if (k == 8)
			return edges_plain(s, end);
	}
#else
	size_t k, b;

	for (k = 0, b = 0; k < 8; b = end[k++] + 1) {
		end[k] = b + strcspn(s + b, "\t\n\r\\,\"");
		if (s[end[k]] != '\0')
			return 0;
	}
	return edges_plain(s, end);
#endif
}

/* What the lines of a grid's buildings begin with, made once a grid (for
 * the main thread, and for the thread making lines ahead of it). */
struct lines {
	int on; /* lines built here (tsv, csv, no --mask) */
	char sep;
	struct buf level; /* the level's term, as written */
	const struct unit *grid;
	int ok;		     /* its code and path are plain */
	size_t cn;	     /* its code's length */
	struct buf pre, mid; /* "building<sep>code-", "<sep>code<sep>path/" */
	const struct unit *comp; /* the compound of cname */
	struct str cname;	 /* its name, when plain (else p NULL) */
	struct path path;
};
static struct lines ln;

static void
lines_open(struct lines *l, const struct wr *w)
{
	const char *t = cli_term(level_names[L_BUILDING]);

	l->on = wr_lines(w) && !gopt.mask;
	l->sep = wr_sep(w);
	buf_reset(&l->level);
	wr_text(w, &l->level, t, strlen(t));
	l->grid = NULL;
	l->comp = NULL;
	l->path.parent = NULL;
}

/* The beginnings of the lines of grid g's buildings. */
static void
lines_grid(struct lines *l, const struct unit *g)
{
	const char *code = g->u.code, *path = path_in(&l->path, g);
	size_t pn = strlen(path);

	l->grid = g;
	l->cn = strlen(code);
	l->ok = plain(code, l->cn) && plain(path, pn);
	buf_reset(&l->pre);
	buf_add(&l->pre, l->level.p, l->level.n);
	buf_addc(&l->pre, l->sep);
	buf_add(&l->pre, code, l->cn);
	buf_addc(&l->pre, '-');
	buf_reset(&l->mid);
	buf_addc(&l->mid, l->sep);
	buf_add(&l->mid, code, l->cn);
	buf_addc(&l->mid, l->sep);
	buf_add(&l->mid, path, pn);
	buf_addc(&l->mid, '/');
	buf_grow(&l->pre, 16); /* (line_put copies 16 bytes at a time) */
	buf_grow(&l->mid, 16);
}

/* The grid's and the compound's parts of u's line: 0 when not plain. */
static int
lines_parents(struct lines *l, const struct unit *u)
{
	const char *cp;
	size_t cn;

	if (u->parent != l->grid)
		lines_grid(l, u->parent);
	if (u->u.compound != l->comp) {
		l->comp = u->u.compound;
		cp = l->comp ? unit_name(l->comp) : "";
		cn = strlen(cp);
		l->cname = (struct str) { plain(cp, cn) ? cp : NULL, cn };
	}
	return l->ok && l->cname.p != NULL;
}

/*
 * Whether building u's record can be built as a line (its strings, key
 * to identity number, each ended by NUL, found in one pass: their ends
 * into end[8]), and the bytes it takes at most (*need): 0 when a value is
 * not plain, then it is left to write_units.  Only the units' strings
 * are read (not unit_strs'), for the thread making lines ahead.
 */
static int
line_can(struct lines *l, const struct unit *u, size_t *end, size_t *need)
{
	if (!lines_parents(l, u) || !block_ends(u->s, end))
		return 0;
	if (l->cn + end[0] + 16 > 256)
		return 0; /* (unit_code: a code that long is the grid's) */
	*need = l->pre.n + 12 + end[0] + l->mid.n + 2 * end[1] + end[7] +
	    l->cname.n + 2 * 24 + 16 + 32;
	return 1;
}

/*
 * n bytes from s put at o, sixteen at a time (no call): up to 15 bytes
 * past each end are read and written.  Where from: a building's strings
 * (its POST_LOW bytes and the arena's UNIT_SLACK after them), a
 * compound's name (its attributes after it), the beginnings of the
 * grid's lines (buf_grow'n by 16) and num's buffers (of 40); where to:
 * line_can's room, which counts 32 bytes more.
 */
static inline char *
put16(char *o, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k += 16)
		memcpy(o + k, s + k, 16);
	return o + n;
}

/* Building u's line, at d (line_can's room): its length. */
static size_t
line_put(const struct lines *l, const struct unit *u, const size_t *end,
    char *d)
{
	const char *s = u->s;
	size_t k;
	unsigned seq = u->u.compound ? u->u.compound->c.seq : 0;
	char *o = d, hh[40], rr[40];
	struct str h = { "", 0 }, r = { "", 0 };

	if (u->has_counts) {
		h = num(unit_count(u, 0), hh);
		r = num(unit_count(u, 1), rr);
	}
	o = put16(o, l->pre.p, l->pre.n);
	if (seq >= 100)
		o += snprintf(o, 12, "%u", seq);
	else {
		*o++ = (char)('0' + seq / 10);
		*o++ = (char)('0' + seq % 10);
	}
	*o++ = '-';
	o = put16(o, s, end[0]); /* the key */
	*o++ = l->sep;
	o = put16(o, s + end[0] + 1, end[1] - end[0] - 1); /* the name */
	o = put16(o, l->mid.p, l->mid.n);
	o = put16(o, s + end[0] + 1, end[1] - end[0] - 1);
	*o++ = l->sep;
	*o++ = l->sep;
	*o++ = l->sep;
	put16(o, s + end[1] + 1, end[6] - end[1] - 1); /* columns 7 to 11 */
	for (k = 2; k < 6; k++)
		o[end[k] - end[1] - 1] = l->sep;
	o += end[6] - end[1] - 1;
	*o++ = l->sep;
	o = put16(o, l->cname.p, l->cname.n);
	*o++ = l->sep;
	o = put16(o, h.p, h.n);
	*o++ = l->sep;
	o = put16(o, r.p, r.n);
	memset(o, l->sep, 8); /* (one word) */
	o += 7;
	o = put16(o, s + end[6] + 1, end[7] - end[6] - 1); /* identity number */
	*o++ = '\n';
	return (size_t)(o - d);
}

/*
 * Building u's record as a line in the output, as write_units writes it:
 * 0 when a value is not plain or the line is too long for the output's
 * buffer, then it is left to write_units.
 */
static int
building_line(struct unit *u, int hot)
{
	size_t end[8], need;
	char *d;

	if (!line_can(&ln, u, end, &need) || (d = out_room(need)) == NULL)
		return 0;
	out_wrote(line_put(&ln, u, end, d));
	/* (not hot by the low bits of its posts' hashes: no more to do,
	 * without unit_strs' look for its strings) */
	if (hot && u->posts > 0 &&
	    check_posts_low(u, (const unsigned char *)u->s + end[7] + 1))
		check_posts_of(u, unit_strs(u));
	return 1;
}

/* ---- the lines made ahead, by a thread of their own (-j 2 and more) ---- */

/*
 * The thread walks the units as write_units does, and puts the line of
 * each building it can build into blocks, in the walk's order, but for
 * LMAIN groups of buildings in LROUND, which write_units builds: a block
 * holds the lines, and for each building its unit and the length of its
 * line (NONE: left to write_units).  write_units takes them in the same
 * order and copies each line into the output.
 */
#define LBLOCKS	  4
#define LBYTES	  (128u << 10)
#define LUNITS	  2048
#define LINE_ROOM (16u << 10) /* a longer line: left to write_units */
#define NONE	  ((size_t)-1)
/* the buildings in groups of LGROUP, LMAIN in LROUND left to write_units
 * (the thread making a line takes longer than copying it; write_units
 * has the other units and the copies: at 5,000,000 buildings with two
 * in five the thread was busy all the while, write_units three quarters
 * of it; by instructions at 200,000, 843 a line the thread makes, 780
 * and 145 a line write_units makes or copies: seven in fifteen keeps
 * the two even) */
#define LGROUP	    256
#define LMAIN	    7
#define LROUND	    15
#define AHEAD_OF(i) ((i) / LGROUP % LROUND >= LMAIN)

static struct {
	pthread_mutex_t mu;
	pthread_cond_t full, done;
	pthread_t th;
	int on, quit;
	struct lblock {
		char *p;
		size_t n, nu;	       /* bytes, units */
		const struct unit **u; /* [LUNITS] */
		size_t *len;	       /* [LUNITS] */
		/* [LUNITS]: whether the building's posts may be hot (of
		 * those with a line; check_posts_low) */
		unsigned char *hot;
	} b[LBLOCKS];
	unsigned queued, head, tail;
	size_t at, off; /* the next unit of the tail block, its line's
			   offset */
	struct lines l;
} la = { .mu = PTHREAD_MUTEX_INITIALIZER,
	.full = PTHREAD_COND_INITIALIZER,
	.done = PTHREAD_COND_INITIALIZER };

/* Pass the block filled to write_units; wait for the next one to be
 * free (0: stop). */
static int
ahead_pass(void)
{
	int go;

	pthread_mutex_lock(&la.mu);
	la.queued++;
	pthread_cond_signal(&la.full);
	la.head = (la.head + 1) % LBLOCKS;
	while (la.queued == LBLOCKS && !la.quit)
		pthread_cond_wait(&la.done, &la.mu);
	go = !la.quit;
	pthread_mutex_unlock(&la.mu);
	return go;
}

static void *
lines_main(void *arg)
{
	const struct unit *u;
	struct lblock *b = &la.b[la.head];
	size_t end[8], need, i = 0;

	(void)arg;
	b->n = b->nu = 0;
	for (u = roots; u != NULL; u = walk_next(u)) {
		if (u->level != L_BUILDING || !AHEAD_OF(i++))
			continue;
		if (b->nu == LUNITS || b->n + LINE_ROOM > LBYTES) {
			if (!ahead_pass())
				return NULL;
			b = &la.b[la.head];
			b->n = b->nu = 0;
		}
		b->u[b->nu] = u;
		b->len[b->nu] = NONE;
		if (line_can(&la.l, u, end, &need) && need <= LINE_ROOM) {
			b->len[b->nu] = line_put(&la.l, u, end, b->p + b->n);
			b->n += b->len[b->nu];
			b->hot[b->nu] = u->posts > 0 &&
			    check_posts_low(u,
				(const unsigned char *)u->s + end[7] + 1);
		}
		b->nu++;
	}
	if (b->nu > 0)
		ahead_pass();
	return NULL;
}

static void
lines_start(const struct wr *w)
{
	int i;

	la.on = 0;
	if (gopt.jobs < 2 || !ln.on ||
	    (gopt.level >= 0 && gopt.level != L_BUILDING))
		return;
	lines_open(&la.l, w);
	for (i = 0; i < LBLOCKS; i++) {
		la.b[i].p = xmalloc(LBYTES);
		la.b[i].u = xmalloc(LUNITS * sizeof *la.b[i].u);
		la.b[i].len = xmalloc(LUNITS * sizeof *la.b[i].len);
		la.b[i].hot = xmalloc(LUNITS);
	}
	la.queued = la.head = la.tail = 0;
	la.at = la.off = 0;
	la.quit = 0;
	la.on = pthread_create(&la.th, NULL, lines_main, NULL) == 0;
}

/* The line made ahead for building u, written: 0 when it was not made
 * (or does not fit the output's buffer). */
static int
line_ahead(struct unit *u, int hot)
{
	struct lblock *b;
	size_t n;
	char *d;
	int maybe;

	if (la.at == 0) { /* (past its first unit, the block is ours) */
		pthread_mutex_lock(&la.mu);
		while (la.queued == 0)
			pthread_cond_wait(&la.full, &la.mu);
		pthread_mutex_unlock(&la.mu);
	}
	b = &la.b[la.tail];
	n = b->len[la.at];
	maybe = n != NONE && b->hot[la.at];
	if (b->u[la.at] != u)
		zl_die(ZL_IOERR, "internal error: lines ahead out of order");
	d = NULL;
	if (n != NONE && (d = out_room(n)) != NULL) {
		memcpy(d, b->p + la.off, n);
		out_wrote(n);
	}
	if (n != NONE)
		la.off += n;
	if (++la.at == b->nu) {
		la.at = la.off = 0;
		pthread_mutex_lock(&la.mu);
		la.queued--;
		la.tail = (la.tail + 1) % LBLOCKS;
		pthread_cond_signal(&la.done);
		pthread_mutex_unlock(&la.mu);
	}
	if (n == NONE || d == NULL)
		return 0;
	if (hot && maybe) /* (a building's posts not hot: no more to do) */
		check_posts_of(u, unit_strs(u));
	return 1;
}

static void
lines_end(void)
{
	int i;

	if (!la.on)
		return;
	pthread_mutex_lock(&la.mu);
	la.quit = 1;
	pthread_cond_signal(&la.done);
	pthread_mutex_unlock(&la.mu);
	pthread_join(la.th, NULL);
	for (i = 0; i < LBLOCKS; i++) {
		free(la.b[i].p);
		free(la.b[i].u);
		free(la.b[i].len);
		free(la.b[i].hot);
	}
	la.on = 0;
}

void
write_units(int fmt, unsigned flags)
{
	static const char *const cols[] = { "level", "code", "name", "parent",
		"path", "leader", "leader_phone", "party_org", "offline_leader",
		"offline_leader_phone", "online_leader", "online_leader_phone",
		"compound", "households", "residents", "owners_committee",
		"property_company", "has_staff", "has_rules", "has_funding",
		"has_incentives", "id_number" };
	enum { NC = sizeof cols / sizeof cols[0] };
	struct str names[NC], f[NC];
	unsigned char types[NC];
	char hh[24], rr[24], c1[256], c2[256];
	struct unit *u;
	struct wr *w;
	size_t k, i = 0;
	int hot;

	fld_header(cols, NC, cli.zh, names, types);
	w = wr_open(fmt, NC, names, types, flags);
	main_path.parent = NULL;
	lines_open(&ln, w);
	lines_start(w);
	hot = check_posts_hot(); /* the posts' second walk is this one */
	for (u = roots; u != NULL; u = walk_next(u)) {
		if (gopt.level >= 0 && u->level != gopt.level) {
			if (hot && u->posts > 0)
				check_posts_of(u, unit_strs(u));
			continue;
		}
		if (ln.on && u->level == L_BUILDING &&
		    ((la.on && AHEAD_OF(i++) && line_ahead(u, hot)) ||
			building_line(u, hot)))
			continue;
		if (hot && u->posts > 0)
			check_posts_of(u, unit_strs(u));
		f[0] = str_c(cli_term(level_names[u->level]));
		f[1] = str_c(unit_code(u, c1, sizeof c1));
		f[3] = str_c(
		    u->parent ? unit_code(u->parent, c2, sizeof c2) : "");
		f[4] = str_c(path_of(u));
		put_strs(u, f);
		f[12] = str_c(u->level == L_BUILDING && u->u.compound ?
			unit_name(u->u.compound) :
			"");
		f[13] = u->has_counts ? num(unit_count(u, 0), hh) : str_c("");
		f[14] = u->has_counts ? num(unit_count(u, 1), rr) : str_c("");
		for (k = 0; k < 4; k++)
			f[17 + k] = str_c(u->level != L_GRID	      ? "" :
				is_yes(unit_get(u, A_STAFF + (int)k)) ? "1" :
									"0");
		wr_rec(w, f);
	}
	lines_end();
	wr_close(w);
	check_posts_end();
}

/* Per community: the counts of its units (--summary). */
enum {
	S_GRIDS,
	S_BRANCHES,
	S_COMPOUNDS,
	S_BUILDINGS,
	S_GROUPS,
	S_HOUSEHOLDS,
	S_OFFLINE,
	S_ONLINE,
	S_OWNERS,
	S_FOUR,
	S_N
};

static void
summary_add(long long *s, const struct unit *u)
{
	switch (u->level) {
	case L_GRID:
		s[S_GRIDS]++;
		s[S_BRANCHES] += unit_get(u, A_PARTY_ORG) != NULL;
		s[S_FOUR] += is_yes(unit_get(u, A_STAFF)) &&
		    is_yes(unit_get(u, A_RULES)) &&
		    is_yes(unit_get(u, A_FUNDING)) &&
		    is_yes(unit_get(u, A_INCENTIVES));
		break;
	case L_COMPOUND:
		s[S_COMPOUNDS]++;
		s[S_OWNERS] += unit_get(u, A_OWNERS) != NULL;
		break;
	case L_BUILDING:
		s[S_BUILDINGS]++;
		s[S_GROUPS] += unit_get(u, A_PARTY_ORG) != NULL;
		s[S_OFFLINE] += unit_get(u, A_OFFLINE) != NULL;
		s[S_ONLINE] += unit_get(u, A_ONLINE) != NULL;
		break;
	case L_HOUSEHOLD:
		s[S_HOUSEHOLDS]++;
		break;
	}
}

static void
summary_row(struct wr *w, const char *street, const char *comm,
    const long long *s)
{
	char cell[S_N + 1][32];
	struct str f[S_N + 3];
	size_t i;

	f[0] = str_c(street);
	f[1] = str_c(comm);
	for (i = 0; i < S_N; i++) {
		snprintf(cell[i], 32, "%lld", s[i]);
		f[2 + i] = str_c(cell[i]);
	}
	cell[S_N][0] = '\0';
	if (s[S_GRIDS] > 0) {
		long long v = (2 * s[S_FOUR] * 10000 + s[S_GRIDS]) /
		    (2 * s[S_GRIDS]);

		snprintf(cell[S_N], 32, "%lld.%02lld", v / 100, v % 100);
	}
	f[2 + S_N] = str_c(cell[S_N]);
	wr_rec(w, f);
}

void
write_summary(int fmt, unsigned flags)
{
	static const char *const cols[] = { "street", "community", "grids",
		"grid_party_branches", "compounds", "buildings",
		"building_party_groups", "party_households", "offline_leaders",
		"online_leaders", "owners_committees", "four_haves",
		"four_haves_pct" };
	enum { NC = sizeof cols / sizeof cols[0] };
	struct str names[NC];
	unsigned char types[NC];
	long long s[S_N], total[S_N];
	const struct unit *c;
	struct wr *w;
	size_t k;

	check_posts_walk();
	fld_header(cols, NC, cli.zh, names, types);
	w = wr_open(fmt, NC, names, types, flags);
	memset(total, 0, sizeof total);
	for (c = roots; c != NULL; c = walk_next(c)) {
		const struct unit *u;

		if (c->level != L_COMMUNITY)
			continue;
		memset(s, 0, sizeof s);
		/* everything below it: until the walk leaves it */
		for (u = c->child; u != NULL; u = walk_next(u)) {
			const struct unit *a = u;

			while (a != NULL && a != c)
				a = a->parent;
			if (a == NULL)
				break;
			summary_add(s, u);
		}
		for (k = 0; k < S_N; k++)
			total[k] += s[k];
		summary_row(w, c->parent ? unit_name(c->parent) : "",
		    unit_name(c), s);
	}
	if (gopt.total)
		summary_row(w, cli_term("total"), "", total);
	wr_close(w);
}
