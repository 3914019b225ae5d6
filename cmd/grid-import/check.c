/*
 * grid-import: the checks.  Phone numbers (the PCRE2 patterns of the
 * configuration) and resident identity numbers (GB 11643-1999: 18
 * characters, a valid date of birth, the ISO 7064 MOD 11-2 check
 * character), masked with --mask; the leaders and party organisations a
 * grid or building must have; the posts a person holds (no more than
 * max-posts).  The problems found are kept, and written with --check in
 * the order of the sheets.
 */
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

static struct rx **phones;
static size_t nphones;
static long max_posts = 3;

void
check_conf(void)
{
	const struct cfg *p;
	size_t i;

	max_posts = cfg_int_range(cfg_root(), "grid-import.max-posts", 3, 1,
	    1000000);
	p = cfg_seq(cfg_root(), "grid-import.phones");
	if (p == NULL)
		return;
	phones = xcalloc(p->len + 1, sizeof *phones);
	for (i = 0; i < p->len; i++)
		phones[nphones++] = rx_compile_cfg(p->v[i], 0);
}

const char *
check_phone(struct str v)
{
	char d[64];
	size_t i, n = 0;

	for (i = 0; i < v.n; i++) {
		if (v.p[i] == ' ' || v.p[i] == '-')
			continue;
		if (n + 1 >= sizeof d)
			return _("an invalid phone number");
		d[n++] = v.p[i];
	}
	for (i = 0; i < nphones; i++)
		if (rx_match(phones[i], d, n) == 1)
			return NULL;
	return _("an invalid phone number");
}

const char *
check_id(struct str v)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9,
		10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	int i, sum = 0, y, m, d;
	char c;

	if (v.n == 15) {
		for (i = 0; i < 15; i++)
			if (v.p[i] < '0' || v.p[i] > '9')
				return _("an invalid identity number (not 18 "
					 "characters)");
		return _("an identity number of the old 15-digit form");
	}
	if (v.n != 18)
		return _("an invalid identity number (not 18 characters)");
	for (i = 0; i < 17; i++) {
		if (v.p[i] < '0' || v.p[i] > '9')
			return _("an invalid identity number (not digits)");
		sum += (v.p[i] - '0') * weight[i];
	}
	y = (v.p[6] - '0') * 1000 + (v.p[7] - '0') * 100 + (v.p[8] - '0') * 10 +
	    (v.p[9] - '0');
	m = (v.p[10] - '0') * 10 + (v.p[11] - '0');
	d = (v.p[12] - '0') * 10 + (v.p[13] - '0');
	if (y < 1900 || !date_valid(y, m, d))
		return _("an invalid identity number (date of birth)");
	c = v.p[17] == 'x' ? 'X' : v.p[17];
	if (c != check[sum % 11])
		return _("an invalid identity number (check character)");
	return NULL;
}

/*
 * Keep the first 6 (identity numbers) or 3 (phones) characters and the
 * last 4, each other character an asterisk; too short to keep both ends:
 * only the last 4, or nothing.  Characters, not bytes: 转 is one.
 */
const char *
mask(struct str v, int is_id, char *buf, size_t size)
{
	size_t head = is_id ? 6 : 3, tail = 4, chars = 0, i, c, o = 0;

	for (i = 0; i < v.n; i++)
		if (((unsigned char)v.p[i] & 0xC0) != 0x80)
			chars++;
	if (chars <= head + tail) {
		head = 0;
		tail = chars > 4 ? 4 : 0;
	}
	for (i = 0, c = 0; i < v.n; c++) {
		size_t k = 1;

		while (i + k < v.n &&
		    ((unsigned char)v.p[i + k] & 0xC0) == 0x80)
			k++;
		if (c < head || c >= chars - tail) {
			if (o + k + 1 > size)
				break;
			memcpy(buf + o, v.p + i, k);
			o += k;
		} else {
			if (o + 2 > size)
				break;
			buf[o++] = '*';
		}
		i += k;
	}
	buf[o] = '\0';
	return buf;
}

/* ---- the problems ---- */

struct problem {
	const char *file;
	long line;
	const struct unit *u;
	char *what, *value;
	int kind; /* the value: 0 as is, 1 a phone, 2 an identity number */
	size_t order;
};

static struct problem *probs;
static size_t nprob, capprob;

void
problem_kind(const char *file, long line, const struct unit *u,
    const char *what, const char *value, int kind)
{
	if (nprob == capprob) {
		capprob = capprob ? capprob * 2 : 64;
		probs = xreallocarray(probs, capprob, sizeof *probs);
	}
	probs[nprob].file = file;
	probs[nprob].line = line;
	probs[nprob].u = u;
	probs[nprob].what = xstrdup(what);
	probs[nprob].value = xstrdup(value ? value : "");
	probs[nprob].kind = kind;
	nprob++;
}

void
problem(const char *file, long line, const struct unit *u, const char *what,
    const char *value)
{
	problem_kind(file, line, u, what, value, 0);
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

unsigned long long
check_count(void)
{
	return nprob;
}

/* ---- checks of the units ---- */

/*
 * Posts a person holds: the hash of every post's person (identity number,
 * or else name and phone) is noted, 8 bytes a post; the hashes are sorted;
 * those that come more than max-posts times are few, and only their posts
 * are looked at again, comparing people exactly.
 */
static const int post_attr[3][3] = { { A_LEADER, A_LEADER_PHONE, -1 },
	{ A_OFFLINE, A_OFFLINE_PHONE, A_ID },
	{ A_ONLINE, A_ONLINE_PHONE, -1 } };

static uint64_t *hashes, *hot;
static size_t nhashes, caphashes, nhot;

struct post {
	uint64_t h;
	struct unit *u;
	int role; /* 0 grid leader, 1 offline, 2 online building leader */
	size_t order;
};

static int
cmp_post(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct post *hotposts;
static size_t nhotposts, caphotposts;

/* The person of a post: "id:..." or "name|phone" into buf. */
static const char *
post_key(const struct unit *u, int role, char *buf, size_t size,
    const char **name)
{
	const char *id = post_attr[role][2] >= 0 ?
	    unit_get(u, post_attr[role][2]) : NULL;
	const char *ph = unit_get(u, post_attr[role][1]);

	*name = unit_get(u, post_attr[role][0]);
	if (id != NULL)
		snprintf(buf, size, "id:%s", id);
	else
		snprintf(buf, size, "%s|%s", *name, ph ? ph : "");
	return buf;
}

/* The hash of post_key's text, without making it. */
static uint64_t
post_hash(const struct unit *u, int role)
{
	const char *id = post_attr[role][2] >= 0 ?
	    unit_get(u, post_attr[role][2]) : NULL;
	const char *a = id != NULL ? id : unit_get(u, post_attr[role][0]);
	const char *b = id != NULL ? NULL : unit_get(u, post_attr[role][1]);
	uint64_t h;

	h = hash_str(id != NULL ? "id:" : "", id != NULL ? 3 : 0,
	    0xcbf29ce484222325ULL);
	h = hash_str(a, strlen(a), h);
	h = hash_str(id != NULL ? "" : "|", id != NULL ? 0 : 1, h);
	return hash_str(b ? b : "", b ? strlen(b) : 0, h);
}

static int
is_hot(uint64_t h)
{
	size_t lo = 0, hi = nhot;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (hot[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nhot && hot[lo] == h;
}

/*
 * First walk: note the hash; second walk (the same order): keep the post
 * if its hash, noted then, is hot.
 */
static size_t second;

static void
count_post(struct unit *u, int role)
{
	uint64_t h;

	if (hot == NULL) {
		if (nhashes == caphashes) {
			caphashes = caphashes ? caphashes + caphashes / 2 :
						4096;
			hashes = xreallocarray(hashes, caphashes,
			    sizeof *hashes);
		}
		hashes[nhashes++] = post_hash(u, role);
		return;
	}
	h = hashes[second++];
	if (!is_hot(h))
		return;
	if (nhotposts == caphotposts) {
		caphotposts = caphotposts ? caphotposts * 2 : 64;
		hotposts = xreallocarray(hotposts, caphotposts,
		    sizeof *hotposts);
	}
	hotposts[nhotposts].h = h;
	hotposts[nhotposts].u = u;
	hotposts[nhotposts].role = role;
	hotposts[nhotposts].order = nhotposts;
	nhotposts++;
}

/* The second walk over the posts (see check_posts). */
static void
posts_of(struct unit *list)
{
	struct unit *u;

	for (u = list; u != NULL; u = u->next) {
		if (u->level == L_GRID && unit_get(u, A_LEADER) != NULL)
			count_post(u, 0);
		if (u->level == L_BUILDING) {
			if (unit_get(u, A_OFFLINE) != NULL)
				count_post(u, 1);
			if (unit_get(u, A_ONLINE) != NULL)
				count_post(u, 2);
		}
		if (u->level < L_BUILDING)
			posts_of(u->child);
	}
}

/* After the first walk: the hot hashes; then the exact count of the
 * people behind them. */
void
check_posts(void)
{
	size_t i, j, x, y;
	char a[512], b[512];
	const char *name, *other;
	uint64_t *sorted;

	sorted = xreallocarray(NULL, nhashes ? nhashes : 1, sizeof *sorted);
	if (nhashes > 0)
		memcpy(sorted, hashes, nhashes * sizeof *sorted);
	sort_u64(sorted, nhashes);
	for (i = 0; i < nhashes; i = j) {
		for (j = i + 1; j < nhashes && sorted[j] == sorted[i]; j++)
			;
		if ((long)(j - i) > max_posts) {
			hot = xreallocarray(hot, nhot + 1, sizeof *hot);
			hot[nhot++] = sorted[i];
		}
	}
	free(sorted);
	if (nhot > 0)
		posts_of(roots);
	free(hashes);
	hashes = NULL;
	if (nhot == 0)
		return;
	/* people compared exactly, among the posts of one hash */
	qsort(hotposts, nhotposts, sizeof *hotposts, cmp_post);
	for (x = 0; x < nhotposts; x++) {
		long n = 1;

		if (hotposts[x].u == NULL)
			continue;
		post_key(hotposts[x].u, hotposts[x].role, a, sizeof a, &name);
		for (y = x + 1; y < nhotposts && hotposts[y].h == hotposts[x].h;
		     y++)
			if (hotposts[y].u != NULL &&
			    strcmp(a, post_key(hotposts[y].u, hotposts[y].role,
					  b, sizeof b, &other)) == 0) {
				hotposts[y].u = NULL;
				n++;
			}
		if (n > max_posts) {
			struct unit *u = hotposts[x].u;
			char v[256];

			snprintf(v, sizeof v, "%s (%ld)", name, n);
			problem(u->file, u->line, u,
			    _("one person holds more posts than max-posts"), v);
		}
	}
	free(hotposts);
	free(hot);
}

void
check_unit(struct unit *u)
{
	static const int phones[] = { A_LEADER_PHONE, A_OFFLINE_PHONE,
		A_ONLINE_PHONE };
	const char *why, *v;
	size_t j;

	if (u->level == L_GRID) {
		if (unit_get(u, A_LEADER) == NULL)
			problem(u->file, u->line, u,
			    _("a grid without a leader"), unit_name(u));
		else
			count_post(u, 0);
		if (unit_get(u, A_PARTY_ORG) == NULL)
			problem(u->file, u->line, u,
			    _("a grid without a party organisation"),
			    unit_name(u));
	}
	if (u->level == L_BUILDING) {
		if (unit_get(u, A_OFFLINE) == NULL)
			problem(u->file, u->line, u,
			    _("a building without an offline leader"),
			    unit_name(u));
		else
			count_post(u, 1);
		if (unit_get(u, A_ONLINE) == NULL)
			problem(u->file, u->line, u,
			    _("a building without an online leader"),
			    unit_name(u));
		else
			count_post(u, 2);
	}
	for (j = 0; j < 3; j++)
		if ((v = unit_get(u, phones[j])) != NULL &&
		    (why = check_phone(str_c(v))) != NULL)
			problem_kind(u->file, u->line, u, why, v, 1);
	if ((v = unit_get(u, A_ID)) != NULL &&
	    (why = check_id(str_c(v))) != NULL)
		problem_kind(u->file, u->line, u, why, v, 2);
}

static int
cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	size_t fx = file_rank(x->file), fy = file_rank(y->file);

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
check_write(int fmt, unsigned flags)
{
	static const char *const cols[] = { "file", "line", "level", "code",
		"problem", "value" };
	struct str names[6], f[6];
	unsigned char types[6];
	struct wr *w;
	size_t i;

	fld_header(cols, 6, cli.zh, names, types);
	w = wr_open(fmt, 6, names, types, flags);
	/* in the order of the sheets (then the order found) */
	for (i = 0; i < nprob; i++)
		probs[i].order = i;
	if (nprob > 0)
		qsort(probs, nprob, sizeof *probs, cmp_problem);
	for (i = 0; i < nprob; i++) {
		struct problem *p = &probs[i];
		char line[24], m[128], c[256];
		const char *v = p->value;

		/* phones and identity numbers are masked in problems too */
		if (gopt.mask && p->kind != 0)
			v = mask(str_c(v), p->kind == 2, m, sizeof m);
		snprintf(line, sizeof line, "%ld", p->line);
		f[0] = str_c(p->file);
		f[1] = str_c(line);
		f[2] = str_c(level_names[p->u->level]);
		f[3] = str_c(unit_code(p->u, c, sizeof c));
		f[4] = str_c(p->what);
		f[5] = str_c(v);
		wr_rec(w, f);
	}
	wr_close(w);
}
