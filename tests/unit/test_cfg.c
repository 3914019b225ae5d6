/* Unit tests of lib/cfg.c: parsing, errors, getters, merge, print. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cfg.h"
#include "lib/date.h"
#include "tests/unit/t.h"

/* Parse text (length n) and expect the error message want. */
static void
bad_n(int line, const char *text, size_t n, const char *want)
{
	struct buf err = { 0 };
	struct cfg *c;
	int rc;

	rc = cfg_parse(text, n, "t.yaml", &c, &err);
	if (rc == -1 && c == NULL && err.p != NULL && strcmp(err.p, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: rc %d, message \"%s\", want \"%s\"\n",
		    __FILE__, line, rc, err.p != NULL ? err.p : "", want);
	}
	if (rc == 0)
		cfg_free(c);
	buf_free(&err);
}

#define BAD(text, want) bad_n(__LINE__, (text), strlen(text), (want))

/* Parse text or fail the test (NULL). */
static struct cfg *
good(int line, const char *text)
{
	struct buf err = { 0 };
	struct cfg *c;

	if (cfg_parse(text, strlen(text), "t.yaml", &c, &err) == 0) {
		t_pass++;
		return c;
	}
	t_fail++;
	printf("FAIL %s:%d: %s\n", __FILE__, line, err.p);
	buf_free(&err);
	return NULL;
}

#define GOOD(text) good(__LINE__, (text))

/* The printed form of a tree. */
static char *
printed(const struct cfg *c)
{
	struct buf b = { 0 };

	cfg_print(&b, c);
	return b.p;
}

static void
test_default(void)
{
	/* The State Council's arrangements, from shared data. */
	static const struct {
		const char *year, *kind;
		size_t n;
		const char *dates;
	} want[] = {
		{ "2024", "holidays", 28,
		    "2024-01-01 2024-02-10 2024-02-11 2024-02-12 2024-02-13 "
		    "2024-02-14 2024-02-15 2024-02-16 2024-02-17 2024-04-04 "
		    "2024-04-05 2024-04-06 2024-05-01 2024-05-02 2024-05-03 "
		    "2024-05-04 2024-05-05 2024-06-10 2024-09-15 2024-09-16 "
		    "2024-09-17 2024-10-01 2024-10-02 2024-10-03 2024-10-04 "
		    "2024-10-05 2024-10-06 2024-10-07" },
		{ "2024", "workdays", 8,
		    "2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 "
		    "2024-09-14 2024-09-29 2024-10-12" },
		{ "2025", "holidays", 28,
		    "2025-01-01 2025-01-28 2025-01-29 2025-01-30 2025-01-31 "
		    "2025-02-01 2025-02-02 2025-02-03 2025-02-04 2025-04-04 "
		    "2025-04-05 2025-04-06 2025-05-01 2025-05-02 2025-05-03 "
		    "2025-05-04 2025-05-05 2025-05-31 2025-06-01 2025-06-02 "
		    "2025-10-01 2025-10-02 2025-10-03 2025-10-04 2025-10-05 "
		    "2025-10-06 2025-10-07 2025-10-08" },
		{ "2025", "workdays", 5,
		    "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11" },
		{ "2026", "holidays", 33,
		    "2026-01-01 2026-01-02 2026-01-03 2026-02-15 2026-02-16 "
		    "2026-02-17 2026-02-18 2026-02-19 2026-02-20 2026-02-21 "
		    "2026-02-22 2026-02-23 2026-04-04 2026-04-05 2026-04-06 "
		    "2026-05-01 2026-05-02 2026-05-03 2026-05-04 2026-05-05 "
		    "2026-06-19 2026-06-20 2026-06-21 2026-09-25 2026-09-26 "
		    "2026-09-27 2026-10-01 2026-10-02 2026-10-03 2026-10-04 "
		    "2026-10-05 2026-10-06 2026-10-07" },
		{ "2026", "workdays", 6,
		    "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 "
		    "2026-10-10" },
	};
	struct buf err = { 0 };
	struct cfg *c = NULL, *d = NULL;
	const struct cfg *cal, *l;
	struct buf got = { 0 };
	char path[64], *p1, *p2;
	size_t i, j;

	T_INT(cfg_parse(cfg_default_text, cfg_default_len,
		  "zhili.yaml (built-in)", &c, &err),
	    0);
	if (c == NULL) {
		printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, err.p);
		return;
	}
	T_INT(c->kind, CFG_MAP);

	/* Every date of the calendar data, no other. */
	cal = cfg_map(c, "calendar");
	T_OK(cal != NULL && cal->len == 3);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		snprintf(path, sizeof path, "calendar.%s.%s", want[i].year,
		    want[i].kind);
		l = cfg_seq(c, path);
		T_OK(l != NULL);
		if (l == NULL)
			continue;
		T_INT(l->len, want[i].n);
		buf_reset(&got);
		for (j = 0; j < l->len; j++) {
			buf_printf(&got, "%s%s", j > 0 ? " " : "",
			    cfg_scalar_str(l->v[j]));
			/* each one a real date of its year */
			T_OK(cfg_date(l->v[j], "", -1) > 0);
			T_OK(strncmp(l->v[j]->s, want[i].year, 4) == 0);
		}
		T_STR(got.p, want[i].dates);
	}
	buf_free(&got);

	/* The shared sections. */
	T_STR(cfg_str(c, "office-hours.start", NULL), "09:00");
	T_STR(cfg_str(c, "office-hours.end", NULL), "17:00");
	T_OK(cfg_at(c, "office-hours.lunch-start") == NULL);
	T_STR(cfg_str(c, "money.unit", NULL), "fen");
	T_STR(cfg_str(c, "money.rounding", NULL), "half-away");
	T_INT(cfg_int(c, "regex.match-limit", 0), 1000000);
	T_OK(cfg_map(c, "aliases") != NULL && cfg_map(c, "aliases")->len == 0);

	/* Print and parse again: the same tree, and the same print. */
	p1 = printed(c);
	T_INT(cfg_parse(p1, strlen(p1), "printed", &d, &err), 0);
	T_OK(d != NULL && cfg_equal(c, d));
	p2 = printed(d);
	T_STR(p2, p1);
	free(p1);
	free(p2);
	cfg_free(c);
	cfg_free(d);
	buf_free(&err);

	/* cfg_setup with no file: the default, with no error. */
	unsetenv("ZHILI_CONFIG");
	cfg_setup(NULL);
	T_OK(cfg_root() != NULL);
	T_STR(cfg_str(cfg_root(), "money.unit", NULL), "fen");
	T_STR(cfg_root()->file, "zhili.yaml (built-in)");
}

static void
test_syntax(void)
{
	static char big[CFG_MAX_SIZE + 2];
	char *deep;
	size_t i;

	/* libyaml's message and position, with its context. */
	BAD("money:\n  unit: fen\n bad: 1\n",
	    "t.yaml:3:2: did not find expected key (while parsing a block "
	    "mapping at line 1, column 1)");
	BAD("money:\n\tunit: fen\n",
	    "t.yaml:2:1: found character that cannot start any token (while "
	    "scanning for the next token at line 2, column 1)");
	BAD("money: {unit: \"fen}\n",
	    "t.yaml:2:1: found unexpected end of stream (while scanning a "
	    "quoted scalar at line 1, column 15)");
	BAD("money: [a, b\n",
	    "t.yaml:2:1: did not find expected ',' or ']' (while parsing a "
	    "flow sequence at line 1, column 8)");
	/* The end of a text without a last line end: on its last line,
	 * not the line after it. */
	BAD("money: [a, b",
	    "t.yaml:1:13: did not find expected ',' or ']' (while parsing a "
	    "flow sequence at line 1, column 8)");
	BAD("money: [",
	    "t.yaml:1:9: did not find expected node content (while parsing "
	    "a flow node at line 1, column 9)");
	BAD("money: [分",
	    "t.yaml:1:10: did not find expected ',' or ']' (while parsing a "
	    "flow sequence at line 1, column 8)");
	BAD("money:\n  unit: {x:\n  m",
	    "t.yaml:3:4: did not find expected ',' or '}' (while parsing a "
	    "flow mapping at line 2, column 9)");
	/* Reader errors: position from the byte offset. */
	BAD("money:\n  unit: \xd6\xd0\xce\xc4\n",
	    "t.yaml:2:9: invalid UTF-8 (bytes D6 D0): save the file as "
	    "UTF-8");
	BAD("\xef\xbb\xbfmoney:\n  unit: 分\xff\n",
	    "t.yaml:2:10: invalid UTF-8 (bytes FF): save the file as UTF-8");
	BAD("money: \xe5\x88",
	    "t.yaml:1:8: invalid UTF-8 (bytes E5 88): "
	    "save the file as UTF-8");
	/* NUL bytes: raw, and from an escape. */
	bad_n(__LINE__, "money:\n  unit: f\0n\n", 18,
	    "t.yaml:2:10: NUL bytes are not allowed");
	BAD("money:\n  unit: \"f\\0n\"\n",
	    "t.yaml:2:9: NUL bytes are not allowed");
	BAD("money:\n  \"u\\0\": fen\n",
	    "t.yaml:2:3: NUL bytes are not allowed");

	/* Anchors, aliases, tags. */
	BAD("money: &m {unit: fen}\n",
	    "t.yaml:1:8: anchors and aliases are not supported");
	BAD("money:\n  unit: &u fen\nregex: [*u]\n",
	    "t.yaml:2:9: anchors and aliases are not supported");
	BAD("regex: [*u]\n",
	    "t.yaml:1:9: anchors and aliases are not supported");
	BAD("money: [&x a]\n",
	    "t.yaml:1:9: anchors and aliases are not supported");
	BAD("money: !!map {}\n",
	    "t.yaml:1:8: unknown tag 'tag:yaml.org,2002:map' (the tags are "
	    "'!replace' and '!words')");
	BAD("money:\n  unit: !yuan x\n",
	    "t.yaml:2:9: unknown tag '!yuan' (the tags are '!replace' and "
	    "'!words')");
	BAD("money: !word []\n",
	    "t.yaml:1:8: unknown tag '!word' (did you mean '!words'?)");
	BAD("money: [!replce a]\n",
	    "t.yaml:1:9: unknown tag '!replce' (did you mean '!replace'?)");
	BAD("money: !REPLACE {}\n",
	    "t.yaml:1:8: unknown tag '!REPLACE' (did you mean '!replace'?)");
	BAD("!replace\nmoney: {}\n",
	    "t.yaml:1:1: tag '!replace' on the whole file: put it on a value");
	BAD("money:\n  !replace unit: fen\n",
	    "t.yaml:2:3: tag '!replace' on a key: put it after the colon");
	BAD("money: {!replace unit: fen}\n",
	    "t.yaml:1:9: tag '!replace' on a key: put it after the colon");

	/* Duplicate keys, anywhere; also with many keys (hashed). */
	BAD("money:\n  unit: fen\n  rounding: up\n  unit: yuan\n",
	    "t.yaml:4:3: duplicate key 'unit' (first at line 2)");
	BAD("money: {}\nregex: {}\nmoney: {}\n",
	    "t.yaml:3:1: duplicate key 'money' (first at line 1)");
	BAD("aliases: {a: [x], b: [], a: []}\n",
	    "t.yaml:1:26: duplicate key 'a' (first at line 1)");
	{
		struct buf b = { 0 };

		buf_adds(&b, "aliases:\n");
		for (i = 0; i < 1000; i++)
			buf_printf(&b, "  k%zu: [x]\n", i);
		buf_adds(&b, "  k517: []\n");
		bad_n(__LINE__, b.p, b.n,
		    "t.yaml:1002:3: duplicate key 'k517' (first at line 519)");
		buf_free(&b);
	}

	/* Keys. */
	BAD("money:\n  ~: 1\n", "t.yaml:2:3: a key must not be empty or null");
	BAD("money:\n  \"\": 1\n",
	    "t.yaml:2:3: a key must not be empty or null");
	BAD("money:\n  ? [a]\n  : 1\n",
	    "t.yaml:2:5: a key must be a plain value, not a list or mapping");
	BAD("money: {{a: 1}: 2}\n",
	    "t.yaml:1:9: a key must be a plain value, not a list or mapping");

	/* One document only. */
	BAD("money: {}\n---\nregex: {}\n",
	    "t.yaml:2:1: more than one document (only one is allowed)");
	BAD("---\nmoney: {}\n...\n---\n",
	    "t.yaml:4:1: more than one document (only one is allowed)");

	/* The top level. */
	BAD("- a\n",
	    "t.yaml:1:1: expected a mapping of sections at the top "
	    "level, got a list");
	BAD("hello\n",
	    "t.yaml:1:1: expected a mapping of sections at the "
	    "top level, got 'hello'");
	BAD("calender:\n  2025: {}\n",
	    "t.yaml:1:1: unknown section 'calender' (did you mean "
	    "'calendar'?)");
	BAD("money: {}\ncase_stats: {}\n",
	    "t.yaml:2:1: unknown section 'case_stats' (did you mean "
	    "'case-stats'?)");
	BAD("Regex: {}\n",
	    "t.yaml:1:1: unknown section 'Regex' (did you mean 'regex'?)");
	BAD("settings:\n  x: 1\n", "t.yaml:1:1: unknown section 'settings'");

	/* Nesting: 64 levels are fine, 65 are not. */
	deep = malloc(200001);
	memcpy(deep, "aliases: ", 9);
	memset(deep + 9, '[', 63);
	memset(deep + 9 + 63, ']', 63);
	deep[9 + 126] = '\0';
	{
		struct cfg *c = GOOD(deep);

		cfg_free(c);
	}
	memset(deep + 9, '[', 64);
	memset(deep + 9 + 64, ']', 64);
	deep[9 + 128] = '\0';
	BAD(deep, "t.yaml:1:73: nesting deeper than 64 levels");
	BAD("aliases:\n  a:\n    - b:\n        - {c: [[[[[[[[[[[[[[[[[[[[[[[["
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]"
	    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
	    "t.yaml:4:73: nesting deeper than 64 levels");
	/* 100,000 deep: refused at once (libyaml alone takes a minute). */
	memset(deep, '[', 100000);
	memset(deep + 100000, ']', 100000);
	deep[200000] = '\0';
	BAD(deep, "t.yaml:1:65: nesting deeper than 64 levels");
	memcpy(deep, "aliases: ", 9);
	BAD(deep, "t.yaml:1:73: nesting deeper than 64 levels");
	memcpy(deep, "{aliases: ", 10);
	for (i = 0; i < 49000; i++)
		memcpy(deep + 10 + 4 * i, "{a: ", 4);
	deep[10 + 4 * 49000] = '\0';
	BAD(deep, "t.yaml:1:263: nesting deeper than 64 levels");
	/* A mapping as a key is refused before it nests. */
	memset(deep, '{', 100000);
	deep[100000] = '\0';
	BAD(deep,
	    "t.yaml:1:2: a key must be a plain value, not a list or "
	    "mapping");
	free(deep);

	/* The size limit: 1 MiB is fine, one byte more is not. */
	big[0] = '#';
	memset(big + 1, ' ', CFG_MAX_SIZE - 2);
	big[CFG_MAX_SIZE - 1] = '\n';
	{
		struct cfg *c = NULL;
		struct buf err = { 0 };

		T_INT(cfg_parse(big, CFG_MAX_SIZE, "t.yaml", &c, &err), 0);
		T_OK(c != NULL && c->kind == CFG_MAP && c->len == 0);
		cfg_free(c);
		buf_free(&err);
	}
	big[CFG_MAX_SIZE] = '\n';
	bad_n(__LINE__, big, CFG_MAX_SIZE + 1,
	    "t.yaml: file larger than 1 MiB");
}

/* The billion laughs: refused at the first anchor, nothing expanded. */
static void
test_laughs(void)
{
	struct buf b = { 0 };
	int i, j;

	buf_adds(&b,
	    "aliases:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, "
	    "lol, lol]\n");
	for (i = 1; i < 9; i++) {
		buf_printf(&b, "  %c: &%c [", 'a' + i, 'a' + i);
		for (j = 0; j < 9; j++)
			buf_printf(&b, "%s*%c", j > 0 ? ", " : "", 'a' + i - 1);
		buf_adds(&b, "]\n");
	}
	bad_n(__LINE__, b.p, b.n,
	    "t.yaml:2:6: anchors and aliases are not supported");
	/* The same as a flow mapping on one line. */
	buf_reset(&b);
	buf_adds(&b, "{aliases: {a: [*lol, *lol]}}");
	bad_n(__LINE__, b.p, b.n,
	    "t.yaml:1:16: anchors and aliases are not supported");
	buf_free(&b);
}

static struct cfg *gt; /* the tree of the getter tests */

static void
get_int(const void *path)
{
	cfg_int(gt, path, 0);
}

static void
get_str(const void *path)
{
	cfg_str(gt, path, NULL);
}

static void
get_bool(const void *path)
{
	cfg_bool(gt, path, 0);
}

static void
get_decimal(const void *path)
{
	cfg_decimal(gt, path, NULL);
}

static void
get_date(const void *path)
{
	cfg_date(gt, path, 0);
}

static void
get_seq(const void *path)
{
	cfg_seq(gt, path);
}

static void
get_map(const void *path)
{
	cfg_map(gt, path);
}

static void
get_range(const void *path)
{
	cfg_int_range(gt, path, 5, 1, 10);
}

static void
get_enum(const void *path)
{
	static const char *const units[] = { "fen", "jiao", "yuan", NULL };

	cfg_enum(gt, path, units, 0);
}

static void
get_scalar(const void *path)
{
	cfg_scalar_str(cfg_at(gt, path));
}

static void
err_null(const void *arg)
{
	(void)arg;
	cfg_error(NULL, "no place: %d", 42);
}

static void
err_node(const void *path)
{
	cfg_error(cfg_at(gt, path), "bad %s", "thing");
}

static void
test_getters(void)
{
	static const char *const units[] = { "fen", "jiao", "yuan", NULL };
	const struct cfg *l, *m;

	gt = GOOD("zhili-cat:\n"  /* 1 */
		  "  s: hello\n"  /* 2 */
		  "  q: \"12\"\n" /* 3 */
		  "  i: -42\n"
		  "  big: 99999999999999999999\n" /* 5 */
		  "  bad: abc\n"
		  "  t: true\n"
		  "  T: TRUE\n"
		  "  f: false\n"
		  "  y: yes\n" /* 10 */
		  "  d: 0.08\n"
		  "  d2: -12\n"
		  "  d3: 1.\n"
		  "  date: 2025-01-28\n"
		  "  date2: 2025-02-30\n" /* 15 */
		  "  n: ~\n"
		  "  e: \"\"\n"
		  "  l: [a, b, ~]\n"
		  "  m: {x: 1, y: {z: deep}}\n"
		  "  min: -9223372036854775808\n" /* 20 */
		  "  max: 9223372036854775807\n"
		  "  over: -9223372036854775809\n"
		  "  u: yuan\n"
		  "  nul: null\n"
		  "  empty:\n" /* 25 */
		  "  N: NULL\n"
		  "  plus: +7\n");
	if (gt == NULL)
		return;

	/* Values, defaults for absent and null ones. */
	T_STR(cfg_str(gt, "zhili-cat.s", "d"), "hello");
	T_STR(cfg_str(gt, "zhili-cat.absent", "d"), "d");
	T_OK(cfg_str(gt, "zhili-cat.absent", NULL) == NULL);
	T_STR(cfg_str(gt, "zhili-cat.n", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.nul", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.empty", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.N", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.e", "d"), "");
	T_STR(cfg_str(gt, "nothing.at.all", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.n.below", "d"), "d");
	T_STR(cfg_str(gt, "zhili-cat.i", "d"), "-42");
	T_STR(cfg_str(NULL, "x", "d"), "d");
	T_INT(cfg_int(gt, "zhili-cat.i", 0), -42);
	T_INT(cfg_int(gt, "zhili-cat.q", 0), 12);
	T_INT(cfg_int(gt, "zhili-cat.plus", 0), 7);
	T_INT(cfg_int(gt, "zhili-cat.n", 99), 99);
	T_INT(cfg_int(gt, "zhili-cat.absent", 99), 99);
	T_OK(cfg_int(gt, "zhili-cat.min", 0) == -9223372036854775807LL - 1);
	T_OK(cfg_int(gt, "zhili-cat.max", 0) == 9223372036854775807LL);
	T_INT(cfg_int_range(gt, "zhili-cat.q", 0, 1, 12), 12);
	T_INT(cfg_int_range(gt, "zhili-cat.absent", 5, 1, 10), 5);
	T_INT(cfg_enum(gt, "zhili-cat.u", units, 0), 2);
	T_INT(cfg_enum(gt, "zhili-cat.absent", units, 1), 1);
	T_INT(cfg_bool(gt, "zhili-cat.t", 0), 1);
	T_INT(cfg_bool(gt, "zhili-cat.T", 0), 1);
	T_INT(cfg_bool(gt, "zhili-cat.f", 1), 0);
	T_INT(cfg_bool(gt, "zhili-cat.n", 1), 1);
	T_INT(cfg_bool(gt, "zhili-cat.absent", 0), 0);
	T_STR(cfg_decimal(gt, "zhili-cat.d", NULL), "0.08");
	T_STR(cfg_decimal(gt, "zhili-cat.d2", NULL), "-12");
	T_STR(cfg_decimal(gt, "zhili-cat.i", NULL), "-42");
	T_STR(cfg_decimal(gt, "zhili-cat.absent", "1.5"), "1.5");
	T_INT(cfg_date(gt, "zhili-cat.date", 0), date_days(2025, 1, 28));
	T_INT(cfg_date(gt, "zhili-cat.absent", -7), -7);
	l = cfg_seq(gt, "zhili-cat.l");
	T_OK(l != NULL && l->len == 3);
	if (l != NULL && l->len == 3) {
		T_STR(cfg_scalar_str(l->v[0]), "a");
		T_STR(cfg_str(l->v[1], "", NULL), "b");
		T_OK(cfg_is_null(l->v[2]));
		T_STR(cfg_str(l->v[2], "", "d"), "d");
	}
	T_OK(cfg_seq(gt, "zhili-cat.absent") == NULL);
	T_OK(cfg_seq(gt, "zhili-cat.n") == NULL);
	m = cfg_map(gt, "zhili-cat.m");
	T_OK(m != NULL && m->len == 2);
	T_STR(cfg_str(m, "y.z", NULL), "deep");
	T_STR(cfg_str(gt, "zhili-cat.m.y.z", NULL), "deep");
	T_OK(cfg_map(gt, "zhili-cat.absent") == NULL);
	T_OK(cfg_at(gt, "") == gt);
	T_OK(cfg_at(gt, "zhili-cat.s.x") == NULL);
	T_OK(cfg_at(gt, "zhili-cat.l.a") == NULL);
	T_OK(cfg_at(gt, "zhili-cat.n") != NULL);
	T_OK(cfg_is_null(cfg_at(gt, "zhili-cat.n")));
	T_OK(!cfg_is_null(cfg_at(gt, "zhili-cat.e")));
	T_OK(cfg_at(NULL, "a") == NULL);
	T_OK(cfg_scalar_str(NULL) == NULL);
	T_INT(cfg_at(gt, "zhili-cat.date")->line, 14);
	T_INT(cfg_at(gt, "zhili-cat.date")->col, 9);
	T_STR(cfg_at(gt, "zhili-cat.date")->file, "t.yaml");

	/* Wrong types: exit 2 with file:line:col. */
	t_dies(__LINE__, get_int, "zhili-cat.bad",
	    "test_cfg: t.yaml:6:8: expected an integer, got 'abc'");
	t_dies(__LINE__, get_int, "zhili-cat.d",
	    "test_cfg: t.yaml:11:6: expected an integer, got '0.08'");
	t_dies(__LINE__, get_int, "zhili-cat.big",
	    "test_cfg: t.yaml:5:8: integer out of range, got "
	    "'99999999999999999999'");
	t_dies(__LINE__, get_int, "zhili-cat.over",
	    "test_cfg: t.yaml:22:9: integer out of range, got "
	    "'-9223372036854775809'");
	t_dies(__LINE__, get_int, "zhili-cat.l",
	    "test_cfg: t.yaml:18:6: expected an integer, got a list");
	t_dies(__LINE__, get_range, "zhili-cat.i",
	    "test_cfg: t.yaml:4:6: expected an integer from 1 to 10, got "
	    "'-42'");
	t_dies(__LINE__, get_range, "zhili-cat.bad",
	    "test_cfg: t.yaml:6:8: expected an integer from 1 to 10, got "
	    "'abc'");
	t_dies(__LINE__, get_enum, "zhili-cat.s",
	    "test_cfg: t.yaml:2:6: expected one of fen, jiao, yuan, got "
	    "'hello'");
	t_dies(__LINE__, get_bool, "zhili-cat.y",
	    "test_cfg: t.yaml:10:6: expected true or false, got 'yes'");
	t_dies(__LINE__, get_bool, "zhili-cat.i",
	    "test_cfg: t.yaml:4:6: expected true or false, got '-42'");
	t_dies(__LINE__, get_decimal, "zhili-cat.d3",
	    "test_cfg: t.yaml:13:7: expected a decimal number, got '1.'");
	t_dies(__LINE__, get_decimal, "zhili-cat.plus",
	    "test_cfg: t.yaml:27:9: expected a decimal number, got '+7'");
	t_dies(__LINE__, get_date, "zhili-cat.date2",
	    "test_cfg: t.yaml:15:10: expected a date (YYYY-MM-DD), got "
	    "'2025-02-30'");
	t_dies(__LINE__, get_date, "zhili-cat.s",
	    "test_cfg: t.yaml:2:6: expected a date (YYYY-MM-DD), got "
	    "'hello'");
	t_dies(__LINE__, get_str, "zhili-cat.m",
	    "test_cfg: t.yaml:19:6: expected a string, got a mapping");
	t_dies(__LINE__, get_str, "zhili-cat.s.x",
	    "test_cfg: t.yaml:2:6: expected a mapping, got 'hello'");
	t_dies(__LINE__, get_seq, "zhili-cat.m",
	    "test_cfg: t.yaml:19:6: expected a list, got a mapping");
	t_dies(__LINE__, get_seq, "zhili-cat.s",
	    "test_cfg: t.yaml:2:6: expected a list, got 'hello'");
	t_dies(__LINE__, get_map, "zhili-cat.l",
	    "test_cfg: t.yaml:18:6: expected a mapping, got a list");
	t_dies(__LINE__, get_scalar, "zhili-cat.l",
	    "test_cfg: t.yaml:18:6: expected a string, got a list");
	t_dies(__LINE__, get_scalar, "zhili-cat.n",
	    "test_cfg: t.yaml:16:6: expected a string, got nothing");
	t_dies(__LINE__, err_null, NULL, "test_cfg: no place: 42");
	t_dies(__LINE__, err_node, "zhili-cat.u",
	    "test_cfg: t.yaml:23:6: bad thing");
	cfg_free(gt);
	gt = NULL;
}

/* base merged with over, printed. */
static void
merged(int line, const char *base, const char *over, const char *want)
{
	struct cfg *b = good(line, base), *o = good(line, over);
	char *p;

	if (b == NULL || o == NULL) {
		cfg_free(b);
		cfg_free(o);
		return;
	}
	cfg_merge(b, o);
	p = printed(b);
	if (strcmp(p, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: merged:\n%s--- want:\n%s", __FILE__, line,
		    p, want);
	}
	free(p);
	cfg_free(b);
}

static void
test_merge(void)
{
	struct cfg *b, *o;

	/* Maps merge key by key, recursively; new keys come last. */
	merged(__LINE__,
	    "money: {unit: fen, rounding: up}\nregex: {match-limit: 5}\n",
	    "money: {rounding: down}\naliases: {a: [x]}\n",
	    "money:\n  unit: fen\n  rounding: down\nregex:\n  match-limit: 5\n"
	    "aliases:\n  a: [x]\n");
	merged(__LINE__,
	    "calendar:\n  2025: {holidays: [2025-01-01], workdays: []}\n",
	    "calendar:\n  2025: {workdays: [2025-01-26]}\n  2027: {}\n",
	    "calendar:\n  2025:\n    holidays: [2025-01-01]\n"
	    "    workdays: [2025-01-26]\n  2027: {}\n");
	/* Sequences replace, they do not append. */
	merged(__LINE__, "aliases: {a: [x, y]}\n", "aliases: {a: [z]}\n",
	    "aliases:\n  a: [z]\n");
	merged(__LINE__, "aliases: {a: [x, y]}\n", "aliases: {a: []}\n",
	    "aliases:\n  a: []\n");
	/* Scalars replace; a kind replaces another kind. */
	merged(__LINE__, "money: {unit: fen}\n", "money: {unit: yuan}\n",
	    "money:\n  unit: yuan\n");
	merged(__LINE__, "money: {unit: {a: 1}}\n", "money: {unit: [1]}\n",
	    "money:\n  unit: [1]\n");
	merged(__LINE__, "money: {unit: [1]}\n", "money: {unit: {a: 1}}\n",
	    "money:\n  unit:\n    a: 1\n");
	/* A map over a null fills it; {} over a map keeps it. */
	merged(__LINE__, "money:\n", "money: {unit: jiao}\n",
	    "money:\n  unit: jiao\n");
	merged(__LINE__, "money: {unit: fen}\n", "money: {}\n",
	    "money:\n  unit: fen\n");
	/* A null leaves what is below it; a new null key is kept. */
	merged(__LINE__, "money: {unit: fen}\ncalendar: {2025: {x: 1}}\n",
	    "money:\n  unit:\ncalendar:\nregex: ~\n",
	    "money:\n  unit: fen\ncalendar:\n  2025:\n    x: 1\nregex: ~\n");
	/* !replace: a mapping replaces instead of merging, a null empties,
	 * a scalar or list replaces as it would; a new key keeps its tag. */
	merged(__LINE__, "money: {unit: fen, rounding: up}\n",
	    "money: !replace {unit: jiao}\n",
	    "money: !replace\n  unit: jiao\n");
	merged(__LINE__, "money: {unit: fen, rounding: up}\n",
	    "money:\n  unit: !replace\n",
	    "money:\n  unit: !replace ~\n"
	    "  rounding: up\n");
	merged(__LINE__, "money: {unit: fen}\n", "money: !replace\n",
	    "money: !replace ~\n");
	merged(__LINE__, "aliases: {a: [x, y]}\n",
	    "aliases: {a: !replace [z]}\n", "aliases:\n  a: !replace [z]\n");
	merged(__LINE__, "aliases: {a: [x]}\n", "aliases: {b: !replace {}}\n",
	    "aliases:\n  a: [x]\n  b: !replace {}\n");
	merged(__LINE__, "money: {unit: [x]}\n", "money: {unit: !replace y}\n",
	    "money:\n  unit: !replace y\n");
	/* Word lists (!words): a list adds; a mapping is a group of lists
	 * in which a word moves to the key it is given under; !replace
	 * replaces; a null, or another kind, as for any value. */
	merged(__LINE__, "aliases: {w: !words [a, b]}\n",
	    "aliases: {w: [c, a, d]}\n",
	    "aliases:\n  w: !words [a, b, c, d]\n");
	merged(__LINE__, "aliases: {w: !words [a, b]}\n",
	    "aliases: {w: !replace [c]}\n", "aliases:\n  w: !replace [c]\n");
	merged(__LINE__, "aliases: {w: !words [a, b]}\n", "aliases: {w: }\n",
	    "aliases:\n  w: !words [a, b]\n");
	merged(__LINE__, "aliases: {w: !words [a, b]}\n", "aliases: {w: x}\n",
	    "aliases:\n  w: x\n");
	merged(__LINE__,
	    "aliases: {g: !words {x: [a, b], y: [c], z: [d, a]}}\n",
	    "aliases: {g: {y: [a, e], w: [f]}}\n",
	    "aliases:\n  g: !words\n    x: [b]\n    y: [c, a, e]\n"
	    "    z: [d]\n    w: [f]\n");
	merged(__LINE__, "aliases: {g: !words {x: [a, b], y: [c]}}\n",
	    "aliases: {g: {y: !replace [a], x: ~}}\n",
	    "aliases:\n  g: !words\n    x: [b]\n    y: !replace [a]\n");
	merged(__LINE__, "aliases: {g: !words {x: [a, b], y: [c]}}\n",
	    "aliases: {g: !replace {y: [a]}}\n",
	    "aliases:\n  g: !replace\n    y: [a]\n");
	merged(__LINE__, "aliases: {g: !words {x: [a, b], y: [c]}}\n",
	    "aliases: {g: {x: q}}\n",
	    "aliases:\n  g: !words\n    x: q\n"
	    "    y: [c]\n");
	/* An empty file changes nothing. */
	merged(__LINE__, "money: {unit: fen}\n", "", "money:\n  unit: fen\n");
	merged(__LINE__, "money: {unit: fen}\n", "# only comments\n",
	    "money:\n  unit: fen\n");

	/* Positions follow the value that won. */
	b = GOOD("money:\n  unit: fen\n  rounding: up\n");
	o = GOOD("\n\nmoney:\n    unit: yuan\n");
	if (b != NULL && o != NULL) {
		cfg_merge(b, o);
		T_INT(cfg_at(b, "money.unit")->line, 4);
		T_INT(cfg_at(b, "money.unit")->col, 11);
		T_INT(cfg_at(b, "money")->keyline[0], 4);
		T_INT(cfg_at(b, "money")->keycol[0], 5);
		T_INT(cfg_at(b, "money.rounding")->line, 3);
		o = NULL;
	}
	cfg_free(b);
	cfg_free(o);
}

/* Print, parse again: equal trees and the printed text wanted. */
static void
round_trip(int line, const char *text, const char *want)
{
	struct cfg *a = good(line, text), *b = NULL;
	struct buf err = { 0 };
	char *p;

	if (a == NULL)
		return;
	p = printed(a);
	if (want != NULL && strcmp(p, want) != 0) {
		t_fail++;
		printf("FAIL %s:%d: printed:\n%s--- want:\n%s", __FILE__, line,
		    p, want);
	}
	if (cfg_parse(p, strlen(p), "printed", &b, &err) != 0) {
		t_fail++;
		printf("FAIL %s:%d: printed text does not parse: %s\n%s",
		    __FILE__, line, err.p, p);
	} else if (!cfg_equal(a, b)) {
		t_fail++;
		printf("FAIL %s:%d: printed text differs:\n%s", __FILE__, line,
		    p);
	} else
		t_pass++;
	free(p);
	cfg_free(a);
	cfg_free(b);
	buf_free(&err);
}

static void
test_print(void)
{
	struct buf b = { 0 };
	size_t i;

	/* Plain where it reads back the same, else double quotes. */
	round_trip(__LINE__,
	    "money:\n"
	    "  plain: a b c\n"
	    "  num: -5\n"
	    "  time: \"09:00\"\n"
	    "  t: 'true'\n"
	    "  tilde: \"~\"\n"
	    "  nothing: ~\n"
	    "  empty: \"\"\n"
	    "  \"null\": null\n"
	    "  dash: \"- x\"\n"
	    "  colon: \"a: b\"\n"
	    "  url: a:b\n"
	    "  hash: \"a #b\"\n"
	    "  lead: \" x\"\n"
	    "  esc: \"1\\n2\\t3 \\x85 \\u2028 \\uFEFF \\x7f \\x01 \\\\ \\\"\"\n"
	    "  \"---\": \"...\"\n"
	    "  cjk: 报案时间\n"
	    "  block: |\n    line\n    two\n"
	    "  list: [a, \"b,c\", ~, \"\", \"x: y\", \"[\", a:b, -1, 中文]\n"
	    "  nested: [[a, b], [], {}, {x: 1, y: [1, 2]}, [[c]]]\n"
	    "  map: {}\n",
	    "money:\n"
	    "  plain: a b c\n"
	    "  num: -5\n"
	    "  time: \"09:00\"\n"
	    "  t: \"true\"\n"
	    "  tilde: \"~\"\n"
	    "  nothing: ~\n"
	    "  empty: \"\"\n"
	    "  \"null\": ~\n"
	    "  dash: \"- x\"\n"
	    "  colon: \"a: b\"\n"
	    "  url: a:b\n"
	    "  hash: \"a #b\"\n"
	    "  lead: \" x\"\n"
	    "  esc: \"1\\n2\\t3 \\x85 \\u2028 \\uFEFF \\x7F \\x01 \\\\ \\\"\"\n"
	    "  \"---\": \"...\"\n"
	    "  cjk: 报案时间\n"
	    "  block: \"line\\ntwo\\n\"\n"
	    "  list: [a, \"b,c\", ~, \"\", \"x: y\", \"[\", \"a:b\", -1, 中文]\n"
	    "  nested:\n"
	    "    - [a, b]\n"
	    "    - []\n"
	    "    - {}\n"
	    "    - x: 1\n"
	    "      y: [1, 2]\n"
	    "    - - [c]\n"
	    "  map: {}\n");
	round_trip(__LINE__, "", "{}\n");
	/* Tags, before every kind of value. */
	round_trip(__LINE__,
	    "aliases:\n"
	    "  a: !replace [x, !replace y]\n"
	    "  b: !replace {}\n"
	    "  c: !replace []\n"
	    "  d: !replace ~\n"
	    "  e: !replace \"q\"\n"
	    "  f: !replace {x: 1, y: !replace [1]}\n"
	    "  g: !replace [[a], {x: 1}, !replace {y: 2}, !replace [b]]\n"
	    "  h: [!replace [a], !replace {}, !replace {y: [1, 2]}]\n",
	    "aliases:\n"
	    "  a: !replace [x, !replace y]\n"
	    "  b: !replace {}\n"
	    "  c: !replace []\n"
	    "  d: !replace ~\n"
	    "  e: !replace \"q\"\n"
	    "  f: !replace\n"
	    "    x: 1\n"
	    "    y: !replace [1]\n"
	    "  g: !replace\n"
	    "    - [a]\n"
	    "    - x: 1\n"
	    "    - !replace\n"
	    "      y: 2\n"
	    "    - !replace [b]\n"
	    "  h:\n"
	    "    - !replace [a]\n"
	    "    - !replace {}\n"
	    "    - !replace\n"
	    "      y: [1, 2]\n");
	/* A tag makes a difference to cfg_equal. */
	{
		struct cfg *x = GOOD("money: [a]\n"),
			   *y = GOOD("money: !replace [a]\n");

		T_OK(x != NULL && y != NULL && !cfg_equal(x, y));
		cfg_free(x);
		cfg_free(y);
	}
	/* Long lists wrap. */
	round_trip(__LINE__,
	    "aliases:\n  a: [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, "
	    "eeeeeeeeee, ffffffffff, gggggggggg]\n",
	    "aliases:\n  a: [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, "
	    "eeeeeeeeee, ffffffffff,\n    gggggggggg]\n");
	/* Keys longer than libyaml's 1024-character simple keys. */
	buf_adds(&b, "aliases:\n  ? \"");
	for (i = 0; i < 1500; i++)
		buf_addc(&b, 'k');
	buf_adds(&b, "\"\n  : {a: [1]}\n  b:\n    - ? \"");
	for (i = 0; i < 1500; i++)
		buf_adds(&b, i % 2 ? "y" : "\\x01");
	buf_adds(&b, "\"\n      : 1\n");
	round_trip(__LINE__, b.p, NULL);
	buf_free(&b);
}

static void
setup_file(const void *path)
{
	cfg_setup(path);
}

static void
setup_env(const void *path)
{
	setenv("ZHILI_CONFIG", path, 1);
	cfg_setup(NULL);
}

static void
known_2025(const void *arg)
{
	static const char *const known[] = { "holidays", "workdays", NULL };

	(void)arg;
	cfg_known(cfg_map(cfg_root(), "calendar.2025"), known);
}

static void
known_tree(const void *arg)
{
	static const char *const known[] = { "holidays", "workdays", NULL };

	cfg_known(arg, known);
}

#define FILE_DIES(text, fmt) T_FILE_DIES(setup_file, text, fmt)

static void
test_setup(void)
{
	static const char *const known[] = { "holidays", "workdays", NULL };
	static char big[CFG_MAX_SIZE + 1];
	const char *f, *text;
	char want[512];
	struct cfg *c;

	/* A file merged over the default. */
	text = "money:\n  unit: yuan\ncalendar:\n  2025:\n"
	       "    holdays: [2025-01-01]\n";
	f = t_tmpfile(text, strlen(text));
	cfg_setup(f);
	T_STR(cfg_str(cfg_root(), "money.unit", NULL), "yuan");
	T_STR(cfg_str(cfg_root(), "money.rounding", NULL), "half-away");
	T_STR(cfg_at(cfg_root(), "money.unit")->file, f);
	T_STR(cfg_at(cfg_root(), "money.rounding")->file,
	    "zhili.yaml (built-in)");
	T_OK(cfg_seq(cfg_root(), "calendar.2025.holidays") != NULL &&
	    cfg_seq(cfg_root(), "calendar.2025.holidays")->len == 28);
	T_OK(cfg_seq(cfg_root(), "calendar.2024.holidays") != NULL);
	/* cfg_known names the section's path and the nearest key. */
	snprintf(want, sizeof want,
	    "test_cfg: %s:5:5: unknown key 'holdays' in 'calendar.2025' "
	    "(did you mean 'holidays'?)",
	    f);
	t_dies(__LINE__, known_2025, NULL, want);
	cfg_known(cfg_map(cfg_root(), "calendar.2024"), known);
	cfg_known(NULL, known);
	T_OK(1);
	unlink(f);
	/* Outside the effective configuration: no path. */
	c = GOOD("aliases:\n  holydays: 1\n  Workdays: 2\n  other: 3\n");
	if (c != NULL) {
		t_dies(__LINE__, known_tree, cfg_at(c, "aliases"),
		    "test_cfg: t.yaml:2:3: unknown key 'holydays' (did you "
		    "mean 'holidays'?)");
		cfg_free(c);
	}
	c = GOOD("aliases:\n  other: 3\n");
	if (c != NULL) {
		t_dies(__LINE__, known_tree, cfg_at(c, "aliases"),
		    "test_cfg: t.yaml:2:3: unknown key 'other'");
		cfg_free(c);
	}

	/* $ZHILI_CONFIG when no file is given; -c wins over it. */
	f = t_tmpfile("money: {rounding: down}\n", 24);
	setenv("ZHILI_CONFIG", f, 1);
	cfg_setup(NULL);
	T_STR(cfg_str(cfg_root(), "money.rounding", NULL), "down");
	{
		const char *g = t_tmpfile("money: {rounding: up}\n", 22);

		cfg_setup(g);
		T_STR(cfg_str(cfg_root(), "money.rounding", NULL), "up");
		unlink(g);
	}
	setenv("ZHILI_CONFIG", "", 1);
	cfg_setup(NULL);
	T_STR(cfg_str(cfg_root(), "money.rounding", NULL), "half-away");
	unsetenv("ZHILI_CONFIG");
	unlink(f);

	/* Errors: in the user's file, exit 2. */
	FILE_DIES("money:\n  unit: cents\n",
	    "test_cfg: %s:2:9: expected one of fen, jiao, yuan, got 'cents'");
	FILE_DIES("money:\n  rounding: nearest\n",
	    "test_cfg: %s:2:13: expected one of half-away, up, down, got "
	    "'nearest'");
	FILE_DIES("money:\n  units: fen\n",
	    "test_cfg: %s:2:3: unknown key 'units' in 'money' (did you mean "
	    "'unit'?)");
	FILE_DIES("regex:\n  match_limit: 5\n",
	    "test_cfg: %s:2:3: unknown key 'match_limit' in 'regex' (did you "
	    "mean 'match-limit'?)");
	FILE_DIES("money: [fen]\n",
	    "test_cfg: %s:1:8: expected a mapping, got a list");
	FILE_DIES("monye:\n  unit: fen\n",
	    "test_cfg: %s:1:1: unknown section 'monye' (did you mean "
	    "'money'?)");
	FILE_DIES("money:\n  unit: fen\n unit: yuan\n",
	    "test_cfg: %s:3:2: did not find expected key (while parsing a "
	    "block mapping at line 1, column 1)");
	t_dies(__LINE__, setup_file, "/nonexistent/zhili.yaml",
	    "test_cfg: /nonexistent/zhili.yaml: No such file or directory");
	t_dies(__LINE__, setup_env, "/nonexistent/env.yaml",
	    "test_cfg: /nonexistent/env.yaml: No such file or directory");
	t_dies(__LINE__, setup_file, "/tmp", "test_cfg: /tmp: Is a directory");
	memset(big, '\n', sizeof big);
	f = t_tmpfile(big, sizeof big);
	snprintf(want, sizeof want, "test_cfg: %s: file larger than 1 MiB", f);
	t_dies(__LINE__, setup_file, f, want);
	unlink(f);
	f = t_tmpfile(big, sizeof big - 1);
	cfg_setup(f);
	T_STR(cfg_str(cfg_root(), "money.unit", NULL), "fen");
	unlink(f);
}

/* The words of the list at path of the effective configuration, with
 * spaces between ("-": none there). */
static char *
words_at(const char *path)
{
	const struct cfg *l = cfg_at(cfg_root(), path);
	struct buf b = { 0 };
	size_t i;

	if (l == NULL || cfg_is_null(l))
		return xstrdup("-");
	if (l->kind != CFG_SEQ)
		return xstrdup(l->kind == CFG_SCALAR ? l->s : "?");
	buf_grow(&b, 0);
	for (i = 0; i < l->len; i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "", l->v[i]->s);
	return b.p;
}

#define T_WORDS(path, want)                \
	do {                               \
		char *w_ = words_at(path); \
		T_STR(w_, want);           \
		free(w_);                  \
	} while (0)

/* cfg_setup with a file holding text (removed again). */
static void
setup_text(const char *text)
{
	const char *f = t_tmpfile(text, strlen(text));

	cfg_setup(f);
	unlink(f);
}

/* The effective configuration printed and given as the user's file
 * gives the same effective configuration. */
static void
reloads(int line)
{
	struct buf b = { 0 }, c = { 0 };
	const char *f;

	cfg_print(&b, cfg_root());
	f = t_tmpfile(b.p, b.n);
	cfg_setup(f);
	unlink(f);
	cfg_print(&c, cfg_root());
	if (strcmp(b.p, c.p) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: printed, loaded again:\n%s--- was:\n%s",
		    __FILE__, line, c.p, b.p);
	}
	buf_free(&b);
	buf_free(&c);
}

#define CLOSED "办结 已办结 结案 已结案 已完成"
#define OPEN   "受理 已受理 待受理 已派遣 处置中 办理中 待核查"

static void
test_words(void)
{
	setup_text("");
	T_WORDS("case-stats.statuses.closed", CLOSED);

	/* Added; a word of another list moves; one already there stays. */
	setup_text(
	    "case-stats:\n  statuses:\n    closed: [已结, 办理中, 办结]\n");
	T_WORDS("case-stats.statuses.closed", CLOSED " 已结 办理中");
	T_WORDS("case-stats.statuses.open",
	    "受理 已受理 待受理 已派遣 处置中 待核查");
	T_WORDS("case-stats.statuses.returned", "退回 已退回");
	reloads(__LINE__);
	T_WORDS("case-stats.statuses.open",
	    "受理 已受理 待受理 已派遣 处置中 待核查");
	/* !replace replaces one list; its words still leave the others. */
	setup_text(
	    "case-stats:\n  statuses:\n    closed: !replace [已结, 受理]\n"
	    "    open: [办结]\n");
	T_WORDS("case-stats.statuses.closed", "已结 受理");
	T_WORDS("case-stats.statuses.open",
	    "已受理 待受理 已派遣 处置中 办理中 待核查 办结");
	T_WORDS("case-stats.statuses.cancelled", "作废 撤销 重复件 无效");
	reloads(__LINE__);
	T_WORDS("case-stats.statuses.closed", "已结 受理");
	T_WORDS("case-stats.statuses.open",
	    "已受理 待受理 已派遣 处置中 办理中 待核查 办结");
	/* ... and a mapping tagged !replace, or a section, all below it. */
	setup_text("case-stats:\n  statuses: !replace\n    closed: [已结]\n");
	T_WORDS("case-stats.statuses.closed", "已结");
	T_WORDS("case-stats.statuses.open", "-");
	T_WORDS("case-stats.satisfied", "满意 非常满意 4 5");
	setup_text("case-stats: !replace\n  satisfied: [好]\n");
	T_WORDS("case-stats.satisfied", "好");
	T_WORDS("case-stats.statuses.closed", "-");
	/* Word lists of their own (not a group). */
	setup_text("case-stats:\n  satisfied: [基本满意, 无]\n");
	T_WORDS("case-stats.satisfied", "满意 非常满意 4 5 基本满意 无");
	T_WORDS("case-stats.unrated", "未评价 不评价 无");
	/* Null and [] change nothing; !replace [] empties, !replace ~ too. */
	setup_text("case-stats:\n  statuses:\n    closed:\n    open: []\n");
	T_WORDS("case-stats.statuses.closed", CLOSED);
	T_WORDS("case-stats.statuses.open", OPEN);
	setup_text("case-stats:\n  statuses:\n    closed: !replace []\n"
		   "    open: !replace\n");
	T_WORDS("case-stats.statuses.closed", "");
	T_WORDS("case-stats.statuses.open", "-");
	/* Not a list: replaced, for the program to refuse. */
	setup_text("case-stats: {statuses: {closed: 已结}}\n");
	T_WORDS("case-stats.statuses.closed", "已结");
	T_WORDS("case-stats.statuses.open", OPEN);
	/* Other lists replace. */
	setup_text(
	    "aliases: {case_id: [a]}\ncalendar: {2025: {workdays: []}}\n");
	T_WORDS("calendar.2025.workdays", "");
	/* One word under two lists of a group. */
	FILE_DIES("case-stats:\n  statuses:\n    closed: [已结]\n"
		  "    open: [a, 已结]\n",
	    "test_cfg: %s:4:15: '已结' is under both 'closed' (line 3) and "
	    "'open' of 'statuses': a word means one thing");
	FILE_DIES("case-stats: {statuses: {open: [无], closed: [x, 无]}}\n",
	    "test_cfg: %s:1:48: '无' is under both 'open' (line 1) and "
	    "'closed' of 'statuses': a word means one thing");
	/* !words in the user's file changes nothing. */
	setup_text(
	    "case-stats:\n  statuses: !words\n    closed: !words [已结]\n"
	    "  other: !words 别的\n");
	T_WORDS("case-stats.statuses.closed", CLOSED " 已结");
	T_STR(cfg_str(cfg_root(), "case-stats.other", NULL), "别的");
	setup_text("");
}

/* cfg_advice for word in case-stats.statuses.closed (and word2 in open
 * unless NULL), with the user's file text (NULL: none): the advice, %s for
 * the file's name. */
static void
advice(int line, const char *text, const char *word, const char *word2,
    const char *fmt)
{
	struct cfg *adds;
	const char *f = NULL;
	struct buf b = { 0 };
	char want[512];

	if (text != NULL) {
		f = t_tmpfile(text, strlen(text));
		cfg_setup(f);
	} else
		cfg_setup(NULL);
	snprintf(want, sizeof want, fmt, f, f, f);
	adds = cfg_advice_add(NULL, "case-stats.statuses.closed", word,
	    strlen(word));
	if (word2 != NULL)
		adds = cfg_advice_add(adds, "case-stats.statuses.open", word2,
		    strlen(word2));
	cfg_advice(&b, adds);
	cfg_free(adds);
	if (b.p != NULL && strcmp(b.p, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: \"%s\", want \"%s\"\n", __FILE__, line, b.p,
		    want);
	}
	buf_free(&b);
	if (f != NULL)
		unlink(f);
}

/* Follow the advice of a line to add: the file with the line, the word
 * among the default words. */
static void
follow_line(int line, const char *text)
{
	struct buf b = { 0 }, t = { 0 };
	const char *f = t_tmpfile(text, strlen(text)), *p;
	struct cfg *adds;
	char *w;

	cfg_setup(text[0] != '\0' ? f : NULL);
	adds = cfg_advice_add(NULL, "case-stats.statuses.closed", "已,结", 7);
	adds = cfg_advice_add(adds, "case-stats.statuses.open", "待办", 6);
	adds = cfg_advice_add(adds, "case-stats.statuses.closed", "已,结", 7);
	cfg_advice(&b, adds);
	cfg_free(adds);
	p = strstr(b.p, ": case-stats: ");
	buf_adds(&t, text);
	buf_adds(&t, p != NULL ? p + 2 : "?");
	buf_addc(&t, '\n');
	unlink(f);
	setup_text(t.p);
	T_WORDS("case-stats.statuses.open", OPEN " 待办");
	w = words_at("case-stats.statuses.closed");
	if (strcmp(w, CLOSED " 已,结") == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: advice \"%s\", words %s\n", __FILE__, line,
		    b.p, w);
	}
	free(w);
	buf_free(&b);
	buf_free(&t);
}

static void
test_advice(void)
{
	struct buf b = { 0 };

	/* Written as in a flow list. */
	cfg_put_flow(&b, "已结", 6);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "已结案", 6); /* (not ending in a NUL) */
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "4", 1);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "a,b", 3);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "x: y", 4);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "- x", 3);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "~", 1);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "", 0);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, " a\"", 3);
	buf_addc(&b, ' ');
	cfg_put_flow(&b, "a\0b", 3);
	T_STR(b.p,
	    "已结 已结 4 \"a,b\" \"x: y\" \"- x\" \"~\" \"\" \" a\\\"\" "
	    "\"a\\x00b\"");
	buf_free(&b);

	advice(__LINE__, NULL, "已结", NULL,
	    "put this line in a file given with -c: case-stats: {statuses: "
	    "{closed: [已结]}}");
	advice(__LINE__, NULL, "已结", "待办",
	    "put this line in a file given with -c: case-stats: {statuses: "
	    "{closed: [已结], open: [待办]}}");
	advice(__LINE__, "money: {unit: fen}\n", "已结", NULL,
	    "add this line to %s: case-stats: {statuses: {closed: [已结]}}");
	advice(__LINE__, "", "a, b", NULL,
	    "add this line to %s: case-stats: {statuses: {closed: [\"a, "
	    "b\"]}}");
	advice(__LINE__, "\ncase-stats:\n  other: 其他\n", "已结", "待办",
	    "add under 'case-stats' (%s:2): statuses: {closed: [已结], open: "
	    "[待办]}");
	advice(__LINE__, "case-stats:\n  statuses:\n    open: [x]\n", "已结",
	    NULL, "add under 'statuses' (%s:2): closed: [已结]");
	advice(__LINE__, "case-stats:\n  statuses:\n    open: [x]\n", "已结",
	    "待办",
	    "add under 'statuses' (%s:2): closed: [已结]; add 待办 to the "
	    "list 'open' (%s:3)");
	advice(__LINE__, "case-stats:\n  statuses:\n    closed: [x]\n", "已结",
	    NULL, "add 已结 to the list 'closed' (%s:3)");
	advice(__LINE__, "case-stats:\n  statuses:\n    closed: !replace [x]\n",
	    "[", NULL, "add \"[\" to the list 'closed' (%s:3)");
	advice(__LINE__, "case-stats:\n  # statuses:\n", "已结", "待办",
	    "write 'case-stats' (%s:1) as: case-stats: {statuses: {closed: "
	    "[已结], open: [待办]}}");
	advice(__LINE__, "case-stats:\n  statuses:\n    closed:\n", "已结",
	    NULL, "write 'closed' (%s:3) as: closed: [已结]");
	advice(__LINE__, "case-stats:\n  statuses: ~\n", "已结", NULL,
	    "write 'statuses' (%s:2) as: statuses: {closed: [已结]}");
	/* The same word twice: once. */
	{
		struct cfg *a = cfg_advice_add(NULL, "x.y", "w", 1);

		a = cfg_advice_add(a, "x.y", "w", 1);
		a = cfg_advice_add(a, "x.y", "v", 1);
		cfg_setup(NULL);
		cfg_advice(&b, a);
		T_STR(b.p,
		    "put this line in a file given with -c: x: {y: "
		    "[w, v]}");
		buf_free(&b);
		cfg_free(a);
	}
	/* The lines to add, added, work. */
	follow_line(__LINE__, "");
	follow_line(__LINE__, "money: {unit: fen}\n");
	follow_line(__LINE__, "# nothing\n");
	setup_text("");
}

/* ---- checking: errors kept (cfg_check_begin ... cfg_check_end) ---- */

static void
stop_at(const void *what)
{
	cfg_error_at("c.yaml", 4, 2, "stop: %s", (const char *)what);
}

static void
said(const void *what)
{
	fprintf(stderr, "%s\n", (const char *)what);
}

/* Reports and goes on; the line after it runs. */
static void
report_then_go_on(const void *unused)
{
	(void)unused;
	cfg_report("c.yaml", 9, 1, "reported");
	said("went on");
}

/* Errors kept, printed sorted by file, line and column, each once. */
static void
kept(const void *unused)
{
	(void)unused;
	fprintf(stderr, "checking %d\n", cfg_checking());
	cfg_check_begin();
	fprintf(stderr, "checking %d\n", cfg_checking());
	cfg_report("b.yaml", 3, 1, "three");
	cfg_report("a.yaml", 5, 2, "five");
	cfg_report("a.yaml", 2, 7, "two");
	cfg_report("a.yaml", 5, 2, "five");	 /* again: shown once */
	cfg_report("a.yaml", 2, 7, "two again"); /* other words: shown */
	cfg_report("a.yaml", 5, 1, "five, column 1");
	cfg_report(NULL, 0, 0, "no place");
	cfg_report_node(NULL, "no node");
	fprintf(stderr, "%zu\n", cfg_check_end());
	fprintf(stderr, "checking %d", cfg_checking());
}

/* An error that cannot go on ends the cfg_try it is in (-1); the check
 * goes on with the next; a report goes on where it is. */
static void
tries(const void *unused)
{
	(void)unused;
	cfg_check_begin();
	fprintf(stderr, "%d\n", cfg_try(stop_at, "first"));
	fprintf(stderr, "%d\n", cfg_try(report_then_go_on, NULL));
	fprintf(stderr, "%d\n", cfg_try(get_int, "zhili-cat.s"));
	fprintf(stderr, "%d\n", cfg_try(said, "next"));
	fprintf(stderr, "%zu", cfg_check_end());
}

/* An inner cfg_try's error returns to it, the outer one goes on, until
 * an error of its own ends it. */
static void
outer(const void *unused)
{
	(void)unused;
	fprintf(stderr, "inner %d\n", cfg_try(stop_at, "inner"));
	cfg_report("c.yaml", 1, 1, "outer goes on");
	stop_at("outer");
	said("not reached");
}

static void
nested(const void *unused)
{
	(void)unused;
	cfg_check_begin();
	fprintf(stderr, "outer %d\n", cfg_try(outer, NULL));
	fprintf(stderr, "%zu", cfg_check_end());
}

/* An error outside any cfg_try of a check: the errors kept, then exit 2. */
static void
untried(const void *unused)
{
	(void)unused;
	cfg_check_begin();
	cfg_report("c.yaml", 7, 1, "kept");
	stop_at("untried");
	said("not reached");
}

/* Outside a check cfg_try runs fn, and an error exits 2 as it is found. */
static void
try_outside(const void *what)
{
	fprintf(stderr, "%d\n", cfg_try(said, what));
	cfg_try(stop_at, what);
	said("not reached");
}

static void
report_outside(const void *unused)
{
	(void)unused;
	cfg_report("c.yaml", 3, 0, "reported");
	said("not reached");
}

static void
child_is(int line, void (*fn)(const void *), int want_rc, const char *want)
{
	char out[4096];
	int rc = t_child(fn, NULL, out, sizeof out);

	if (rc == want_rc && strcmp(out, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: exit %d, stderr \"%s\", want exit %d, "
		       "\"%s\"\n",
		    __FILE__, line, rc, out, want_rc, want);
	}
}

static void
test_check(void)
{
	gt = GOOD("zhili-cat:\n  s: hello\n");
	child_is(__LINE__, kept, 0,
	    "checking 0\n"
	    "checking 1\n"
	    "test_cfg: no place\n"
	    "test_cfg: no node\n"
	    "test_cfg: a.yaml:2:7: two\n"
	    "test_cfg: a.yaml:2:7: two again\n"
	    "test_cfg: a.yaml:5:1: five, column 1\n"
	    "test_cfg: a.yaml:5:2: five\n"
	    "test_cfg: b.yaml:3:1: three\n"
	    "7\n"
	    "checking 0");
	child_is(__LINE__, tries, 0,
	    "-1\n"
	    "went on\n"
	    "0\n"
	    "-1\n"
	    "next\n"
	    "0\n"
	    "test_cfg: c.yaml:4:2: stop: first\n"
	    "test_cfg: c.yaml:9:1: reported\n"
	    "test_cfg: t.yaml:2:6: expected an integer, got 'hello'\n"
	    "3");
	child_is(__LINE__, nested, 0,
	    "inner -1\n"
	    "outer -1\n"
	    "test_cfg: c.yaml:1:1: outer goes on\n"
	    "test_cfg: c.yaml:4:2: stop: inner\n"
	    "test_cfg: c.yaml:4:2: stop: outer\n"
	    "3");
	child_is(__LINE__, untried, 2,
	    "test_cfg: c.yaml:4:2: stop: untried\n"
	    "test_cfg: c.yaml:7:1: kept");
	t_dies(__LINE__, try_outside, "out",
	    "out\n0\ntest_cfg: c.yaml:4:2: stop: out");
	t_dies(__LINE__, report_outside, NULL, "test_cfg: c.yaml:3: reported");
	cfg_free(gt);
	gt = NULL;
}

/*
 * A program's section is declared before main runs (CFG_SECTION); a text
 * parsed before cfg_setup knows the built-in sections all the same.  (The
 * first test: no parse may have loaded them before.)
 */
static void
test_declared_first(void)
{
	static const char *const keys[] = { "k", NULL };
	static const struct cfg_section prog = { "test-prog", keys, NULL };
	struct cfg *c;

	cfg_declare(&prog);
	c = GOOD("calendar: {}\ntest-prog: {k: 1}\n");
	cfg_free(c);
	BAD("nosuch: {}\n", "t.yaml:1:1: unknown section 'nosuch'");
}

int
main(void)
{
	zl_init("test_cfg");
	unsetenv("ZHILI_CONFIG");
	test_declared_first();
	test_default();
	test_syntax();
	test_laughs();
	test_getters();
	test_merge();
	test_print();
	test_setup();
	test_words();
	test_advice();
	test_check();
	return t_done();
}
