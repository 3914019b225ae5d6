/*
 * grid-import: the checks.  Phone numbers (the PCRE2 patterns of the
 * configuration) and resident identity numbers (GB 11643-1999: 18
 * characters, a valid date of birth, the ISO 7064 MOD 11-2 check
 * character), masked with --mask; the leaders and party organisations a
 * grid or building must have; the posts a person holds (no more than
 * max-posts).  The problems found are kept, and written with --check in
 * the order of the sheets.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/rx.h"
#include "lib/stats.h"
#include "lib/utf8.h"

#define MASK_MAX 63 /* bytes of a masked value (write.c's cells: 64) */

static struct rx **phones;
static size_t nphones;
static long max_posts = 3;
/* One of the phones is the configuration's own mobile pattern (MOBILE),
 * which most phones match: matched by hand first (is_mobile). */
#define MOBILE "^1[3-9][0-9]{9}$"
static int mobile;

void
check_conf(void)
{
	const struct cfg *p;
	size_t i;

	max_posts = cfg_int_range(cfg_root(), "grid-import.max-posts", 3, 1,
	    GI_MAX_POSTS);
	p = cfg_seq(cfg_root(), "grid-import.phones");
	if (p == NULL)
		return;
	phones = xcalloc(p->len + 1, sizeof *phones);
	for (i = 0; i < p->len; i++) {
		phones[nphones] = rx_compile_cfg(p->v[i], 0);
		mobile |= strcmp(rx_pattern(phones[nphones++]), MOBILE) == 0;
	}
}

/* The bytes of w not ASCII digits, by their top bits: past 0x7F; above
 * '9' (+0x46 sets the top bit); below '0' (with the top bit set first,
 * -0x30 clears it).  No carry crosses a byte. */
static uint64_t
not_digits(uint64_t w)
{
	uint64_t t = (w | 0x8080808080808080ULL) - 0x3030303030303030ULL;

	return (w | (w + 0x4646464646464646ULL) | ~t) & 0x8080808080808080ULL;
}

/* What MOBILE matches (without the line end its $ also allows): a phone
 * it matches is valid, whatever the other patterns say. */
static int
is_mobile(const char *s, size_t n)
{
	uint64_t a, z;

	if (n != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9')
		return 0;
	memcpy(&a, s, 8); /* bytes 0-7 and 3-10 */
	memcpy(&z, s + 3, 8);
	return (not_digits(a) | not_digits(z)) == 0;
}

/* Whether one of the patterns matches s[0, n). */
static int
phone_ok(const char *s, size_t n)
{
	size_t i;

	if (mobile && is_mobile(s, n))
		return 1;
	for (i = 0; i < nphones; i++)
		if (rx_match(phones[i], s, n) == 1)
			return 1;
	return 0;
}

/* Why a phone number is invalid, or NULL. */
static const char *
check_phone(struct str v)
{
	char d[64];
	size_t i, n = 0;

	if (mobile && is_mobile(v.p, v.n))
		return NULL;
	/* most have nothing to drop: matched as they are (v ends by NUL) */
	if (v.n < sizeof d && strcspn(v.p, " -") == v.n)
		return phone_ok(v.p, v.n) ?
		    NULL :
		    cli_text(N_("an invalid phone number"));
	for (i = 0; i < v.n; i++) {
		if (v.p[i] == ' ' || v.p[i] == '-')
			continue;
		if (n + 1 >= sizeof d)
			return cli_text(N_("an invalid phone number"));
		d[n++] = v.p[i];
	}
	return phone_ok(d, n) ? NULL : cli_text(N_("an invalid phone number"));
}

/* Characters of v (a byte that is not UTF-8 one). */
static size_t
chars_of(struct str v)
{
	size_t i, n = 0;

	for (i = 0; i < v.n; n++) {
		unsigned cp;
		size_t k = u8_decode(v.p + i, v.n - i, &cp);

		i += k > 0 ? k : 1;
	}
	return n;
}

/* Why an identity number is invalid, or NULL.  Its length is in
 * characters: 张三李四王五 is 6, not 18. */
static const char *
check_id(struct str v)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10,
		5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	size_t chars = chars_of(v);
	int i, sum = 0, y, m, d;
	char c;

	if (chars == 15) {
		for (i = 0; i < 15; i++)
			if (v.p[i] < '0' || v.p[i] > '9')
				return cli_text(
				    N_("an invalid identity number (not 18 "
				       "characters)"));
		return cli_text(
		    N_("an identity number of the old 15-digit form"));
	}
	if (chars != 18)
		return cli_text(
		    N_("an invalid identity number (not 18 characters)"));
	for (i = 0; i < 17; i++) {
		if (v.p[i] < '0' || v.p[i] > '9')
			return cli_text(
			    N_("an invalid identity number (not digits)"));
		sum += (v.p[i] - '0') * weight[i];
	}
	y = (v.p[6] - '0') * 1000 + (v.p[7] - '0') * 100 + (v.p[8] - '0') * 10 +
	    (v.p[9] - '0');
	m = (v.p[10] - '0') * 10 + (v.p[11] - '0');
	d = (v.p[12] - '0') * 10 + (v.p[13] - '0');
	if (y < 1900 || !date_valid(y, m, d))
		return cli_text(
		    N_("an invalid identity number (date of birth)"));
	c = v.p[17] == 'x' ? 'X' : v.p[17];
	if (c != check[sum % 11])
		return cli_text(
		    N_("an invalid identity number (check character)"));
	return NULL;
}

/*
 * Keep the first 6 (identity numbers) or 3 (phones) characters and the
 * last 4, each other character an asterisk; too short to keep both ends:
 * only the last 4, or nothing.  Characters, not bytes: 转 is one.  More
 * than MASK_MAX bytes masked: ****.
 */
static const char *
mask(struct str v, int is_id, char *buf, size_t size)
{
	size_t head = is_id ? 6 : 3, tail = 4, chars = chars_of(v), i, c, o = 0;

	if (size > MASK_MAX + 1)
		size = MASK_MAX + 1; /* the same everywhere */
	if (chars <= head + tail) {
		head = 0;
		tail = chars > 4 ? 4 : 0;
	}
	for (i = 0, c = 0; i < v.n; c++) {
		unsigned cp;
		size_t k = u8_decode(v.p + i, v.n - i, &cp);

		if (k == 0)
			k = 1;
		if (c < head || c >= chars - tail) {
			if (o + k + 1 > size)
				return "****"; /* too long for buf */
			memcpy(buf + o, v.p + i, k);
			o += k;
		} else {
			if (o + 2 > size)
				return "****";
			buf[o++] = '*';
		}
		i += k;
	}
	buf[o] = '\0';
	return buf;
}

const char *
shown(const char *v, enum vkind kind, char *buf, size_t size)
{
	if (v == NULL)
		return "";
	if (gopt.mask && kind != V_PLAIN)
		return mask(str_c(v), kind == V_ID, buf, size);
	return v;
}

/* ---- the problems ---- */

/*
 * Problems are listed by file and line, then by when they were found: on
 * one line, those found as the rows were read and those of the end's walk
 * (codes, the checks of the units above the buildings) first, then the
 * checks of the line's building (made as the row was read: PC_BUILDING),
 * then the posts (PC_POSTS), as if all were found in the walk.
 */
enum { PC_WALK, PC_BUILDING, PC_POSTS };

struct problem {
	const char *file;
	long line;
	const struct unit *u;
	char *what, *value;
	enum vkind kind;
	int cls; /* PC_* */
	size_t order;
};

static struct problem *probs;
static size_t nprob, capprob;

/* A problem; its value a phone or identity number (masked with --mask),
 * or not; its class (PC_*). */
static void
problem_kind(const char *file, long line, const struct unit *u,
    const char *what, const char *value, enum vkind kind, int cls)
{
	if (nprob == capprob)
		probs = xgrow(probs, &capprob, 64, sizeof *probs);
	probs[nprob].file = file;
	probs[nprob].line = line;
	probs[nprob].u = u;
	probs[nprob].what = xstrdup(what);
	probs[nprob].value = xstrdup(value ? value : "");
	probs[nprob].kind = kind;
	probs[nprob].cls = cls;
	nprob++;
}

void
problem(const char *file, long line, const struct unit *u, const char *what,
    const char *value)
{
	problem_kind(file, line, u, what, value, V_PLAIN, PC_WALK);
}

/* The files in the order they were read (pointers from the reader). */
static const char *files_seen[4096];
static size_t nfiles_seen;

static size_t
file_rank(const char *f)
{
	size_t i;

	for (i = 0; i < nfiles_seen; i++)
		if (files_seen[i] == f)
			return i;
	if (nfiles_seen < sizeof files_seen / sizeof files_seen[0])
		files_seen[nfiles_seen++] = f;
	return nfiles_seen - 1;
}

void
check_file(const char *file)
{
	file_rank(file);
}

/* ---- checks of the units ---- */

/*
 * Posts a person holds: a 32-bit hash of every post's person (identity
 * number, or else name and phone) is noted, 4 bytes a post, when the unit
 * is checked (check_unit: a building's as its row is read, a grid's in
 * the end's walk), and the posts of each unit counted (u->posts); a
 * building listed twice, dropped, has its hashes noted again to be taken
 * off (check_drop).  The hashes, in 16 parts by their top bits, each
 * sorted on its own, that come more than max-posts times are few (hot).
 * A second walk (write_units', or check_posts_walk) hashes again the
 * posts that may be hot (a building keeps the low 16 bits of its posts'
 * hashes: POST_LOW), in the order of the units, and keeps those whose
 * hash is hot; their people are then compared exactly (different people
 * sharing a hash only make their posts compared).  The posts: a grid's
 * leader, a building's offline and online leaders.
 */
enum role { P_NONE = -1, P_GRID_LEADER, P_OFFLINE, P_ONLINE, P_N };

/* The attributes of the person who holds a post (id: -1, none). */
static const struct {
	signed char name, phone, id;
} person[P_N] = {
	[P_GRID_LEADER] = { A_LEADER, A_LEADER_PHONE, -1 },
	[P_OFFLINE] = { A_OFFLINE, A_OFFLINE_PHONE, A_ID },
	[P_ONLINE] = { A_ONLINE, A_ONLINE_PHONE, -1 },
};

struct post {
	uint32_t h;
	enum role role;
	struct unit *u; /* NULL: the person of an earlier post */
	size_t order;	/* in the walk */
	long n;		/* the posts of its person, on the first of them */
};

/* the posts' hashes, kept apart by their top byte (each part is sorted
 * on its own, in the cache); those of the dropped buildings' posts; the
 * hot ones (u64_in) */
static struct part {
	uint32_t *v;
	size_t n, cap;
} parts[16];
/* with -j 2 and more the parts are sorted by a thread of their own
 * during the end's walk (check_posts_sort): the posts the walk notes (a
 * grid's leader) are kept apart meanwhile, in late */
static struct part late[16];
/* The hashes of a part that come more than max-posts times in it, and
 * how many times (sort_part), in order. */
struct run {
	uint32_t h;
	size_t n;
};
static struct runs {
	struct run *v;
	size_t n, cap;
} runs[16];
static struct {
	pthread_t th;
	int on;
} sorter;
static uint32_t *dropped;
static uint64_t *hot;
static size_t ndropped, capdropped, nhot, caphot;
static unsigned char hotbit[8192]; /* the low 16 bits of the hot hashes */
static struct post *hotposts;
static size_t nhotposts, caphotposts;

/* By hash, then in the order of the walk. */
static int
cmp_post(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_post_order(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

/* The person of a post: "id:..." or "name|phone" into buf. */
static const char *
post_key(const struct unit *u, enum role role, char *buf, size_t size)
{
	const char *id = person[role].id >= 0 ? unit_get(u, person[role].id) :
						NULL;
	const char *name = unit_get(u, person[role].name);
	const char *ph = unit_get(u, person[role].phone);

	if (id != NULL)
		snprintf(buf, size, "id:%s", id);
	else
		snprintf(buf, size, "%s|%s", name, ph ? ph : "");
	return buf;
}

/* Attribute a (-1: none) of a unit from its strings v (sl: its level's
 * slots, slot[u->level], looked up once a unit): empty when absent. */
static struct str
attr_in(const signed char *sl, const struct str *v, int a)
{
	int k = a >= 0 ? sl[a] : -1;

	return k >= 0 ? v[k + 1] : str_c("");
}

/* A value of at most 16 bytes as two words, which with its length tell
 * it from any other: the first and last 8 bytes, or 4, or 3 bytes. */
static uint64_t
two_words(struct str s, uint64_t *z)
{
	uint64_t a = 0;
	uint32_t x, y;

	*z = 0;
	if (s.n >= 8) {
		memcpy(&a, s.p, 8);
		memcpy(z, s.p + s.n - 8, 8);
	} else if (s.n >= 4) {
		memcpy(&x, s.p, 4);
		memcpy(&y, s.p + s.n - 4, 4);
		a = x | (uint64_t)y << 32;
	} else if (s.n > 0)
		a = (uint64_t)(unsigned char)s.p[0] |
		    (uint64_t)(unsigned char)s.p[s.n / 2] << 8 |
		    (uint64_t)(unsigned char)s.p[s.n - 1] << 16;
	return a;
}

/* A hash of the person of a post (u's, whose strings are v): the same
 * person, the same hash.  A name and a phone of 16 bytes or fewer (most)
 * hashed together, mixed once. */
static uint32_t
post_hash(const signed char *sl, const struct str *v, enum role role)
{
	struct str id = attr_in(sl, v, person[role].id), name, ph;
	uint64_t h, a, b, c, d;

	if (id.n > 0)
		h = str_hash(id.p, id.n, 0x6964);
	else {
		name = attr_in(sl, v, person[role].name);
		ph = attr_in(sl, v, person[role].phone);
		if (name.n <= 16 && ph.n <= 16) {
			a = two_words(name, &b);
			c = two_words(ph, &d);
			h = str_mix64(a * 0x9E3779B97F4A7C15ULL ^
			    b * 0xbf58476d1ce4e5b9ULL ^
			    c * 0x94d049bb133111ebULL ^
			    d * 0xff51afd7ed558ccdULL ^
			    (name.n << 8 | ph.n) * 0xc4ceb9fe1a85ec53ULL);
		} else
			h = str_hash(ph.p, ph.n, str_hash(name.p, name.n, 0));
	}
	return (uint32_t)(h ^ h >> 32);
}

/* h among the nhot sorted hot hashes. */
static int
is_hot(uint32_t h)
{
	return (hotbit[(h & 0xFFFF) >> 3] & 1 << (h & 7)) &&
	    u64_in(hot, nhot, h);
}

/* Note the hash of a post of u (whose strings are v). */
static void
count_post(struct unit *u, const signed char *sl, const struct str *v,
    enum role role)
{
	uint32_t h = post_hash(sl, v, role);
	struct part *p = sorter.on ? &late[h >> 28] : &parts[h >> 28];

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap + p->cap / 2 : 256;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = h;
	if (u->level == L_BUILDING) {
		uint16_t low = (uint16_t)h;

		memcpy(POST_LOW(v) + 2 * u->posts, &low, 2);
	}
	u->posts++;
}

/* What a grid or a building must have; some of it is a post. */
static const struct need {
	unsigned char level, attr;
	enum role role; /* the post (count_post), or P_NONE */
	const char *missing;
} needs[] = {
	{ L_GRID, A_LEADER, P_GRID_LEADER, N_("a grid without a leader") },
	{ L_GRID, A_PARTY_ORG, P_NONE,
	    N_("a grid without a party organisation") },
	{ L_BUILDING, A_OFFLINE, P_OFFLINE,
	    N_("a building without an offline leader") },
	{ L_BUILDING, A_ONLINE, P_ONLINE,
	    N_("a building without an online leader") },
};

/*
 * The leaders and the party organisation u (whose strings are v, its
 * level's slots sl) must have: what is missing is a problem (of class
 * cls), the posts held are noted (count_post).
 */
static void
leaders(struct unit *u, const signed char *sl, const struct str *v, int cls)
{
	const struct need *n;
	unsigned level = u->level;

	for (n = needs; n < needs + sizeof needs / sizeof needs[0]; n++) {
		if (n->level != level)
			continue;
		if (attr_in(sl, v, n->attr).n == 0)
			problem_kind(unit_file(u), u->line, u,
			    cli_text(n->missing), unit_name(u), V_PLAIN, cls);
		else if (n->role != P_NONE)
			count_post(u, sl, v, n->role);
	}
}

/* The role of the j-th post of u, whose strings are v (as leaders noted
 * them). */
static enum role
post_role(const struct unit *u, const struct str *v, unsigned j)
{
	const struct need *n;

	for (n = needs; n < needs + sizeof needs / sizeof needs[0]; n++)
		if (n->level == u->level && n->role != P_NONE &&
		    attr_in(slot[u->level], v, n->attr).n > 0 && j-- == 0)
			return n->role;
	return P_NONE;
}

int
check_posts_low(const struct unit *u, const unsigned char *lowp)
{
	uint16_t low[2];

	memcpy(low, lowp, sizeof low);
	return (hotbit[low[0] >> 3] & 1 << (low[0] & 7)) ||
	    (u->posts >= 2 && (hotbit[low[1] >> 3] & 1 << (low[1] & 7)));
}

void
check_posts_of(struct unit *u, const struct str *v)
{
	const struct need *n;
	enum role role;
	uint32_t h;

	/* not hot by their low bits: done */
	if (u->level == L_BUILDING && !check_posts_low(u, POST_LOW(v)))
		return;
	/* the posts as leaders noted them */
	for (n = needs; n < needs + sizeof needs / sizeof needs[0]; n++) {
		if (n->level != u->level || n->role == P_NONE ||
		    attr_in(slot[u->level], v, n->attr).n == 0)
			continue;
		role = n->role;
		if (!is_hot(h = post_hash(slot[u->level], v, role)))
			continue;
		if (nhotposts == caphotposts)
			hotposts = xgrow(hotposts, &caphotposts, 64,
			    sizeof *hotposts);
		hotposts[nhotposts].h = h;
		hotposts[nhotposts].u = u;
		hotposts[nhotposts].role = role;
		hotposts[nhotposts].order = nhotposts;
		nhotposts++;
	}
}

/* The second walk: the hot posts of list and of the units below. */
static void
hot_posts(struct unit *list)
{
	struct unit *u;

	for (u = list; u != NULL; u = u->next) {
		if (u->posts > 0)
			check_posts_of(u, unit_strs(u));
		if (u->level < L_BUILDING)
			hot_posts(u->child);
	}
}

/*
 * Among the posts of one hash, the people, compared exactly: on the first
 * post of each, how many posts they hold (n); the others' u NULL.  Then
 * back in the order of the walk.
 */
static void
count_people(void)
{
	char a[512], b[512];
	size_t x, y;

	qsort(hotposts, nhotposts, sizeof *hotposts, cmp_post);
	for (x = 0; x < nhotposts; x++) {
		if (hotposts[x].u == NULL)
			continue;
		post_key(hotposts[x].u, hotposts[x].role, a, sizeof a);
		hotposts[x].n = 1;
		for (y = x + 1; y < nhotposts && hotposts[y].h == hotposts[x].h;
		     y++)
			if (hotposts[y].u != NULL &&
			    strcmp(a,
				post_key(hotposts[y].u, hotposts[y].role, b,
				    sizeof b)) == 0) {
				hotposts[y].u = NULL;
				hotposts[x].n++;
			}
	}
	qsort(hotposts, nhotposts, sizeof *hotposts, cmp_post_order);
}

/* Sort a few hashes in place (insertion). */
static void
sort_few(uint32_t *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Sort a part of the hashes (a sixteenth: a copy as large is small): one
 * pass puts each in the bucket of its top byte, in a copy, then each
 * bucket is sorted by its low 24 bits, two passes of 12 or three of 8
 * (a bucket of fewer than 64 by sort_few), and copied back.
 */
static void
sort_hashes(uint32_t *v, size_t n)
{
	size_t count[4096]; /* (on the thread sorting, or the main one) */
	size_t start[257] = { 0 }, next[256], b, i, pass;
	uint32_t *tmp;

	if (n == 0) /* (v may be NULL) */
		return;
	for (i = 0; i < n; i++)
		start[(v[i] >> 24) + 1]++;
	for (b = 0; b < 256; b++) {
		start[b + 1] += start[b];
		next[b] = start[b];
	}
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	for (i = 0; i < n; i++)
		tmp[next[v[i] >> 24]++] = v[i];
	for (b = 0; b < 256; b++) {
		uint32_t *from = tmp + start[b], *to = v + start[b], *t;
		size_t m = start[b + 1] - start[b];
		/* passes of 12 bits, or for a bucket of fewer than 1024
		 * three of 8 (4096 counts cleared and summed would cost
		 * more than the hashes: 100,000 buildings give a few hundred a
		 * bucket; 1,000,000 a few thousand, where three cost more) */
		unsigned bits = m < 1024 ? 8 : 12;

		if (m < 64) {
			sort_few(from, m);
			continue;
		}
		for (pass = 0; pass < 24 / bits; pass++) {
			unsigned shift = (unsigned)pass * bits;
			size_t sum = 0, nc = (size_t)1 << bits, mask = nc - 1;

			memset(count, 0, nc * sizeof *count);
			for (i = 0; i < m; i++)
				count[from[i] >> shift & mask]++;
			for (i = 0; i < nc; i++) {
				size_t c = count[i];

				count[i] = sum;
				sum += c;
			}
			for (i = 0; i < m; i++)
				to[count[from[i] >> shift & mask]++] = from[i];
			t = from;
			from = to;
			to = t;
		}
		if (from != tmp + start[b]) /* (three passes: in v) */
			memcpy(tmp + start[b], from, m * sizeof *from);
	}
	memcpy(v, tmp, n * sizeof *v);
	free(tmp);
}

/* Forget the hashes of the posts. */
static void
free_parts(void)
{
	size_t b;

	for (b = 0; b < 16; b++) {
		free(parts[b].v);
		free(late[b].v);
		free(runs[b].v);
		parts[b].v = late[b].v = NULL;
		runs[b].v = NULL;
		parts[b].n = parts[b].cap = late[b].n = late[b].cap = 0;
		runs[b].n = runs[b].cap = 0;
	}
}

/* A hash that comes n times (dropped[*d] on: those of the dropped posts
 * not below it): noted when it is hot. */
static void
hot_one(uint32_t h, size_t n, size_t *d)
{
	while (*d < ndropped && dropped[*d] < h)
		++*d;
	for (; *d < ndropped && dropped[*d] == h; ++*d)
		n--;
	if (n <= (size_t)max_posts)
		return;
	if (nhot == caphot)
		hot = xgrow(hot, &caphot, 64, sizeof *hot);
	hot[nhot++] = h;
	hotbit[(h & 0xFFFF) >> 3] |= (unsigned char)(1 << (h & 7));
}

/* Part b sorted, and its runs (on the thread sorting, or the main one). */
static void
sort_part(size_t b)
{
	const uint32_t *v = parts[b].v;
	size_t m = parts[b].n, i, j;
	struct runs *r = &runs[b];

	sort_hashes(parts[b].v, m);
	for (i = 0; i < m; i = j) {
		for (j = i + 1; j < m && v[j] == v[i]; j++)
			;
		if (j - i <= (size_t)max_posts)
			continue;
		if (r->n == r->cap)
			r->v = xgrow(r->v, &r->cap, 16, sizeof *r->v);
		r->v[r->n].h = v[i];
		r->v[r->n++].n = j - i;
	}
}

/* How many times h is in v (m of them, sorted), when that is not more
 * than max-posts (else h is among the part's runs): the first not below
 * it found by halves, then those equal to it counted. */
static size_t
count_in(const uint32_t *v, size_t m, uint32_t h)
{
	const uint32_t *at = v, *end;
	size_t left = m;

	if (m == 0)
		return 0; /* (v may be NULL) */
	end = v + m;
	for (; left > 1; left -= left / 2)
		at += at[left / 2 - 1] < h ? left / 2 : 0;
	at += *at < h;
	for (left = 0; at < end && *at == h; at++)
		left++;
	return left;
}

/* The hot hashes of part b, in order: its runs, and the hashes of late[b]
 * (sorted), each with those of the part. */
static void
hot_part(size_t b, size_t *d)
{
	const struct runs *r = &runs[b];
	const uint32_t *w = late[b].v;
	size_t i = 0, j = 0, k = late[b].n, n;

	while (i < r->n || j < k) {
		uint32_t h = j == k || (i < r->n && r->v[i].h < w[j]) ?
		    r->v[i].h :
		    w[j];

		if (i < r->n && r->v[i].h == h)
			n = r->v[i++].n;
		else
			n = count_in(parts[b].v, parts[b].n, h);
		for (; j < k && w[j] == h; j++)
			n++;
		if (n > (size_t)max_posts)
			hot_one(h, n, d);
	}
}

static void *
sort_main(void *arg)
{
	size_t b;

	(void)arg;
	for (b = 0; b < 16; b++)
		sort_part(b);
	return NULL;
}

void
check_posts_sort(void)
{
	if (!sorter.on)
		sorter.on = pthread_create(&sorter.th, NULL, sort_main, NULL) ==
		    0;
}

/* The hashes that come more than max-posts times (hot), but for those
 * of the dropped buildings, sorted, and their bits in hotbit: the hashes
 * sorted in place (and freed). */
static void
hot_hashes(void)
{
	size_t d = 0, b;

	if (sorter.on) {
		pthread_join(sorter.th, NULL);
		sorter.on = 0;
	} else
		for (b = 0; b < 16; b++)
			sort_part(b);
	sort_hashes(dropped, ndropped);
	memset(hotbit, 0, sizeof hotbit);
	for (b = nhot = 0; b < 16; b++) {
		sort_hashes(late[b].v, late[b].n);
		hot_part(b, &d);
	}
	free_parts();
	free(dropped);
	dropped = NULL;
	ndropped = capdropped = 0;
}

/* A building listed twice, dropped: its posts are not posts. */
void
check_drop(struct unit *u)
{
	unsigned j;

	for (j = 0; j < u->posts; j++) {
		if (ndropped == capdropped)
			dropped = xgrow(dropped, &capdropped, 64,
			    sizeof *dropped);
		dropped[ndropped++] = post_hash(slot[u->level], unit_strs(u),
		    post_role(u, unit_strs(u), j));
	}
}

/* After the end's walk: the hot hashes. */
void
check_posts(void)
{
	hot_hashes();
}

int
check_posts_hot(void)
{
	return nhot > 0;
}

/*
 * After the second walk: the people behind the hot hashes, a problem on
 * the first post of each who holds more than max-posts (in the order of
 * the walk, not of the hashes).
 */
void
check_posts_end(void)
{
	size_t x;

	if (nhot > 0)
		count_people();
	for (x = 0; x < nhotposts; x++) {
		const struct post *p = &hotposts[x];

		if (p->u != NULL && p->n > max_posts) {
			char v[256];

			snprintf(v, sizeof v, "%s (%ld)",
			    unit_get(p->u, person[p->role].name), p->n);
			problem_kind(unit_file(p->u), p->u->line, p->u,
			    cli_text(N_(
				"one person holds more posts than max-posts")),
			    v, V_PLAIN, PC_POSTS);
		}
	}
	free(hotposts);
	free(hot);
	hotposts = NULL;
	hot = NULL;
	nhotposts = caphotposts = nhot = caphot = 0;
}

void
check_posts_walk(void)
{
	if (nhot > 0)
		hot_posts(roots);
	check_posts_end();
}

void
check_unit(struct unit *u)
{
	static const int phone_attrs[] = { A_LEADER_PHONE, A_OFFLINE_PHONE,
		A_ONLINE_PHONE };
	const struct str *s = unit_strs(u);
	const signed char *sl = slot[u->level];
	int cls = u->level == L_BUILDING ? PC_BUILDING : PC_WALK;
	const char *why;
	struct str v;
	size_t j;

	leaders(u, sl, s, cls);
	for (j = 0; j < 3; j++)
		if ((v = attr_in(sl, s, phone_attrs[j])).n > 0 &&
		    (why = check_phone(v)) != NULL)
			problem_kind(unit_file(u), u->line, u, why, v.p,
			    V_PHONE, cls);
	if ((v = attr_in(sl, s, A_ID)).n > 0 && (why = check_id(v)) != NULL)
		problem_kind(unit_file(u), u->line, u, why, v.p, V_ID, cls);
}

void
check_dropped(void)
{
	size_t i, n = 0;

	for (i = 0; i < nprob; i++) {
		if (probs[i].u->dropped) {
			free(probs[i].what);
			free(probs[i].value);
		} else
			probs[n++] = probs[i];
	}
	nprob = n;
}

/* ---- the problems, written (--check) ---- */

static int
cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	size_t fx = file_rank(x->file), fy = file_rank(y->file);

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->cls != y->cls)
		return x->cls < y->cls ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The name of a building's compound, "" for other units. */
static const char *
compound_of(const struct unit *u)
{
	return u->level == L_BUILDING && u->u.compound != NULL ?
	    unit_name(u->u.compound) :
	    "";
}

void
check_write(int fmt, unsigned flags)
{
	static const char *const cols[] = { "file", "line", "level", "code",
		"name", "compound", "problem", "value" };
	enum { NC = sizeof cols / sizeof cols[0] };
	struct str names[NC], f[NC];
	unsigned char types[NC];
	struct wr *w;
	size_t i;

	check_posts_walk();
	fld_header(cols, NC, cli.zh, names, types);
	w = wr_open(fmt, NC, names, types, flags);
	/* in the order of the sheets (then the order found) */
	for (i = 0; i < nprob; i++)
		probs[i].order = i;
	if (nprob > 0)
		qsort(probs, nprob, sizeof *probs, cmp_problem);
	for (i = 0; i < nprob; i++) {
		struct problem *p = &probs[i];
		char line[24], m[128], c[256];

		snprintf(line, sizeof line, "%ld", p->line);
		f[0] = str_c(p->file);
		f[1] = str_c(line);
		f[2] = str_c(cli_term(level_names[p->u->level]));
		f[3] = str_c(unit_code(p->u, c, sizeof c));
		/* which unit: a building by its compound too (its code
		 * holds only the compound's number) */
		f[4] = str_c(unit_name(p->u));
		f[5] = str_c(compound_of(p->u));
		f[6] = str_c(p->what);
		/* phones and identity numbers are masked in problems too */
		f[7] = str_c(shown(p->value, p->kind, m, sizeof m));
		wr_rec(w, f);
	}
	wr_close(w);
}

unsigned long long
check_count(void)
{
	return nprob;
}

void
check_reset(void)
{
	size_t i;

	for (i = 0; i < nprob; i++) {
		free(probs[i].what);
		free(probs[i].value);
	}
	free(probs);
	probs = NULL;
	nprob = capprob = 0;
	nfiles_seen = 0;
	free_parts();
	free(dropped);
	dropped = NULL;
	ndropped = capdropped = 0;
	free(hotposts);
	free(hot);
	hotposts = NULL;
	hot = NULL;
	nhotposts = caphotposts = nhot = caphot = 0;
}
