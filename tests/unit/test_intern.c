/*
 * test_intern: strings kept once each: numbers in the order first put,
 * the same number again, found or not, kept through the table's growth,
 * long strings, the empty one, byte order ranks.
 */
#include <stdio.h>
#include <string.h>

#include "lib/intern.h"
#include "t.h"

static struct str
S(const char *s) {
	return str_c(s);
}

static void
test_put(void)
{
	struct intern *t = intern_new();
	struct str got;

	T_INT(intern_put(t, S("甲单位")), 0);
	T_INT(intern_put(t, S("b")), 1);
	T_INT(intern_put(t, S("")), 2);
	T_INT(intern_put(t, S("甲单位")), 0);
	T_INT(intern_put(t, S("")), 2);
	T_INT(intern_find(t, S("b")), 1);
	T_INT(intern_find(t, S("B")), -1);
	T_INT(intern_find(t, S("甲")), -1);
	T_INT(intern_len(t), 3);
	got = intern_get(t, 0);
	T_OK(got.n == strlen("甲单位") && strcmp(got.p, "甲单位") == 0);
	T_INT(intern_get(t, 2).n, 0);
	T_INT(intern_get(t, 2).p[0], '\0');
	intern_free(t);
}

/* 100,000 strings: the table grows many times, every one found. */
static void
test_many(void)
{
	struct intern *t = intern_new();
	char b[32];
	unsigned i, bad = 0;

	for (i = 0; i < 100000; i++) {
		snprintf(b, sizeof b, "M%06u", i * 7919 % 100000);
		if (intern_put(t, S(b)) != i)
			bad++;
	}
	for (i = 0; i < 100000; i++) {
		snprintf(b, sizeof b, "M%06u", i * 7919 % 100000);
		if (intern_find(t, S(b)) != (long long)i ||
		    strcmp(intern_get(t, i).p, b) != 0)
			bad++;
	}
	T_INT(bad, 0);
	T_INT(intern_find(t, S("M100000")), -1);
	intern_free(t);
}

/* Strings longer than a chunk's first sizes, and than a quarter chunk. */
static void
test_long(void)
{
	static char big[400000];
	struct intern *t = intern_new();
	struct str s = { big, 0 };

	memset(big, 'x', sizeof big);
	s.n = 100000;
	T_INT(intern_put(t, s), 0);
	s.n = 399999;
	T_INT(intern_put(t, s), 1);
	s.n = 100000;
	T_INT(intern_find(t, s), 0);
	T_INT(intern_get(t, 1).n, 399999);
	T_INT(intern_get(t, 1).p[399999], '\0');
	intern_free(t);
}

static void
test_ranks(void)
{
	struct intern *t = intern_new();
	uint32_t *r;

	intern_put(t, S("b"));
	intern_put(t, S("ab"));
	intern_put(t, S("a"));
	intern_put(t, S("甲"));
	intern_put(t, S(""));
	r = intern_ranks(t);
	T_INT(r[0], 3);
	T_INT(r[1], 2);
	T_INT(r[2], 1);
	T_INT(r[3], 4);
	T_INT(r[4], 0);
	free(r);
	intern_free(t);
}

/* Strings appended: numbered in turn, kept (a copy, NUL-terminated),
 * the same string twice numbered twice (the caller keeps its own index),
 * past the first 1024 numbers (the table of numbers grown). */
static void
test_append(void)
{
	struct intern *t = intern_new();
	char b[16];
	uint32_t i, bad = 0;

	T_INT(intern_append(t, S("V1")), 0);
	T_INT(intern_append(t, S("")), 1);
	T_INT(intern_append(t, S("V1")), 2);
	T_INT(intern_len(t), 3);
	T_OK(strcmp(intern_get(t, 2).p, "V1") == 0);
	T_INT(intern_get(t, 1).n, 0);
	for (i = 3; i < 5000; i++) {
		snprintf(b, sizeof b, "A%u", i);
		if (intern_append(t, S(b)) != i)
			bad++;
	}
	for (i = 3; i < 5000; i++) {
		snprintf(b, sizeof b, "A%u", i);
		if (strcmp(intern_get(t, i).p, b) != 0)
			bad++;
	}
	T_INT(bad, 0);
	T_INT(intern_len(t), 5000);
	intern_free(t);
}

int
main(void)
{
	test_append();
	test_put();
	test_many();
	test_long();
	test_ranks();
	return t_done();
}
