/* test_rx: lib/rx.c, PCRE2 in UTF mode with limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cfg.h"
#include "lib/rx.h"
#include "lib/zl.h"
#include "tests/unit/t.h"

static struct rx *
comp(const char *pat, unsigned flags)
{
	return rx_compile(pat, strlen(pat), flags, NULL, 0, 0);
}

/* rx_search of a C string; *so and *eo are -1 when it does not match. */
static int
search(const char *pat, unsigned flags, const char *s, long *so, long *eo)
{
	struct rx *re = comp(pat, flags);
	size_t mso, meo;
	int rc;

	rc = rx_search(re, s, strlen(s), &mso, &meo);
	*so = rc == 1 ? (long)mso : -1;
	*eo = rc == 1 ? (long)meo : -1;
	rx_free(re);
	return rc;
}

struct badpat {
	const char *pat;
	size_t n; /* 0: strlen(pat) */
	const char *file;
	long line, col;
};

static void
compile_bad(const void *arg)
{
	const struct badpat *b = arg;

	rx_compile(b->pat, b->n ? b->n : strlen(b->pat), 0, b->file, b->line,
	    b->col);
}

static void
compile_bad_cfg(const void *arg)
{
	rx_compile_cfg(arg, 0);
}

static void
test_chinese(void)
{
	long so, eo;

	/* \w is Unicode (UCP): Chinese is a word character. */
	T_INT(search("\\w+", 0, "违法停车占道", &so, &eo), 1);
	T_INT(so, 0);
	T_INT(eo, 18);
	T_INT(search("停车", 0, "违法停车占道", &so, &eo), 1);
	T_INT(so, 6);
	T_INT(eo, 12);
	/* The full-width colon is not a word character. */
	T_INT(search("\\w+", 0, "地址：双滦区", &so, &eo), 1);
	T_INT(so, 0);
	T_INT(eo, 6);
	T_INT(search("\\w+区", 0, "地址：双滦区", &so, &eo), 1);
	T_INT(so, 9);
	T_INT(eo, 18);
	T_INT(search("\\p{Han}{3}", 0, "ab双滦区cd", &so, &eo), 1);
	T_INT(so, 2);
	T_INT(eo, 11);

	T_INT(search("(乱停|违停|违法停车)", 0, "路边违法停车", &so, &eo), 1);
	T_INT(so, 6);
	T_INT(eo, 18);
	T_INT(search("(乱停|违停|违法停车)", 0, "乱停乱放", &so, &eo), 1);
	T_INT(so, 0);
	T_INT(eo, 6);
	T_INT(search("(乱停|违停|违法停车)", 0, "停车场满了", &so, &eo), 0);
	T_INT(so, -1);
	T_INT(search("^(乱停|违停)$", 0, "违停车", &so, &eo), 0);
}

static void
test_caseless(void)
{
	long so, eo;

	T_INT(search("wifi", 0, "小区WiFi故障", &so, &eo), 0);
	T_INT(search("wifi", RX_CASELESS, "小区WiFi故障", &so, &eo), 1);
	T_INT(so, 6);
	T_INT(eo, 10);
	/* Unicode case folding, full-width letters included. */
	T_INT(search("ärzte", RX_CASELESS, "ÄRZTE", &so, &eo), 1);
	T_INT(search("ａｂｃ", RX_CASELESS, "ＡＢＣ", &so, &eo), 1);
	T_INT(eo, 9);
	T_INT(search("ａｂｃ", 0, "ＡＢＣ", &so, &eo), 0);
	/* (?i) in the pattern works too. */
	T_INT(search("(?i)GRID", 0, "grid-07", &so, &eo), 1);
}

static void
test_digits(void)
{
	long so, eo;

	/* With UCP \d matches full-width digits; [0-9] does not. */
	T_INT(search("\\d+", 0, "编号１２３", &so, &eo), 1);
	T_INT(so, 6);
	T_INT(eo, 15);
	T_INT(search("[0-9]+", 0, "编号１２３", &so, &eo), 0);
	T_INT(search("^[0-9]+$", 0, "123", &so, &eo), 1);
	T_INT(search("^[0-9]+$", 0, "12３", &so, &eo), 0);
}

static void
test_invalid_utf8(void)
{
	long so, eo;

	/* Invalid bytes never match and act as barriers; no error. */
	T_INT(search("停车", 0, "违法\xff停车", &so, &eo), 1);
	T_INT(so, 7);
	T_INT(eo, 13);
	T_INT(search("\\w+", 0,
		  "\xe5\x81"
		  "abc",
		  &so, &eo),
	    1);
	T_INT(so, 2);
	T_INT(eo, 5);
	T_INT(search("\\w+", 0, "ab\xc3", &so, &eo), 1);
	T_INT(so, 0);
	T_INT(eo, 2);
	T_INT(search("违.停", 0, "违\xff停", &so, &eo), 0);
	T_INT(search(".", 0, "\xff\xfe\x80", &so, &eo), 0);
	T_INT(search("^违法$", 0, "违法\x80", &so, &eo), 0);
	/* A surrogate and an overlong form are invalid too. */
	T_INT(search("a.b", 0,
		  "a\xed\xa0\x80"
		  "b",
		  &so, &eo),
	    0);
	T_INT(search("a.b", 0,
		  "a\xc0\xaf"
		  "b",
		  &so, &eo),
	    0);
	T_INT(search("a.b", 0,
		  "a\xe4\xb8\xad"
		  "b",
		  &so, &eo),
	    1);
}

static void
test_lengths(void)
{
	struct rx *re;
	size_t so, eo;

	/* The subject length is what counts: no NUL-termination. */
	re = comp("cd", 0);
	T_INT(rx_search(re, "ab\0cd", 5, &so, &eo), 1);
	T_INT(so, 3);
	T_INT(eo, 5);
	T_INT(rx_match(re, "abcdef", 3), 0);
	T_INT(rx_match(re, "abcdef", 4), 1);
	T_STR(rx_pattern(re), "cd");
	rx_free(re);

	re = comp("^$", 0);
	T_INT(rx_match(re, "", 0), 1);
	T_INT(rx_match(re, NULL, 0), 1);
	T_INT(rx_match(re, "x", 1), 0);
	rx_free(re);

	/* A pattern with a NUL in it. */
	re = rx_compile("a\0b", 3, 0, NULL, 0, 0);
	T_INT(rx_search(re, "xa\0b", 4, &so, &eo), 1);
	T_INT(so, 1);
	T_INT(eo, 4);
	T_INT(rx_match(re, "ab", 2), 0);
	rx_free(re);
	rx_free(NULL);
}

static void
test_limits(void)
{
	struct rx *re;
	char *s;
	size_t so, eo;

	/* Catastrophic backtracking is stopped by the match limit. */
	s = xmalloc(64);
	memset(s, 'a', 45);
	s[45] = '!';
	re = comp("(a+)+$", 0);
	T_INT(rx_match(re, s, 46), -1);
	T_STR(rx_errmsg(), "match limit exceeded");
	/* The shared match data and context still work afterwards. */
	T_INT(rx_match(re, "aaa", 3), 1);
	T_INT(rx_match(re, "aaaaaaaaaaaa!", 13), 0);
	rx_free(re);
	free(s);

	/*
	 * Needs more than the default 32 KiB JIT stack (or a deep
	 * interpreter backtrack) for 20,000 characters, more than the
	 * limits allow for 100,000.
	 */
	s = xmalloc(100001);
	memset(s, 'a', 100000);
	re = comp("^(?:(a)|b)*c", 0);
	s[20000] = 'c';
	T_INT(rx_search(re, s, 20001, &so, &eo), 1);
	T_INT(so, 0);
	T_INT(eo, 20001);
	s[20000] = 'a';
	s[100000] = 'c';
	T_INT(rx_search(re, s, 100001, &so, &eo), -1);
	T_STR(rx_errmsg(), "match depth limit exceeded");
	rx_free(re);
	free(s);
}

static void
test_compile_errors(void)
{
	static char big[70001];
	static char deep[201];
	struct badpat b;
	struct cfg node;
	char err[4096], want[1024];
	int rc;

	b = (struct badpat) { "(abc", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex '(abc': missing closing parenthesis at offset 4");
	/* Offsets count characters, not bytes (13 bytes here). */
	b = (struct badpat) { "违法[停车", 0, "zhili.yaml", 12, 9 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: zhili.yaml:12:9: regex '违法[停车': missing "
	    "terminating ] for character class at offset 5");
	b = (struct badpat) { "违停**", 0, "zhili.yaml", 3, 1 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: zhili.yaml:3:1: regex '违停**': quantifier does not "
	    "follow a repeatable item at offset 3");
	b = (struct badpat) { "(乱停|违停", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex '(乱停|违停': missing closing parenthesis at "
	    "offset 6");
	b = (struct badpat) { "[z-a]", 0, "x.yaml", 1, 2 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: x.yaml:1:2: regex '[z-a]': range out of order in "
	    "character class at offset 3");
	/* \C could split a UTF-8 character: disabled. */
	b = (struct badpat) { "a\\Cb", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex 'a\\Cb': using \\C is disabled by the "
	    "application at offset 3");
	/* Invalid UTF-8 in the pattern: shown escaped. */
	b = (struct badpat) { "ab\xff", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex 'ab\\xFF': UTF-8 error: illegal byte (0xfe or "
	    "0xff) at offset 2");
	b = (struct badpat) { "违\xe5停", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex '违\\xE5停': UTF-8 error: byte 2 top bits not "
	    "0x80 at offset 1");
	/* Control characters are escaped: the message stays one line. */
	b = (struct badpat) { "a\n(\t", 0, NULL, 0, 0 };
	t_dies(__LINE__, compile_bad, &b,
	    "test_rx: regex 'a\\n(\\t': missing closing parenthesis at "
	    "offset 4");

	/* The length limit; a long pattern is cut in the message. */
	memset(big, 'a', sizeof big - 1);
	b = (struct badpat) { big, 0, NULL, 0, 0 };
	snprintf(want, sizeof want,
	    "test_rx: regex '%.200s...': pattern string is longer than the "
	    "limit set by the application at offset 0",
	    big);
	t_dies(__LINE__, compile_bad, &b, want);
	/* The nesting limit. */
	memset(deep, '(', 100);
	memset(deep + 100, ')', 100);
	b = (struct badpat) { deep, 0, NULL, 0, 0 };
	snprintf(want, sizeof want,
	    "test_rx: regex '%.200s': parentheses are too deeply nested at "
	    "offset 65",
	    deep);
	t_dies(__LINE__, compile_bad, &b, want);

	/* A configuration node: its file, line and column. */
	memset(&node, 0, sizeof node);
	node.kind = CFG_SCALAR;
	node.file = "etc/zhili.yaml";
	node.line = 41;
	node.col = 14;
	node.s = "(违停|乱停))";
	node.n = strlen(node.s);
	node.quoted = 1;
	rc = t_child(compile_bad_cfg, &node, err, sizeof err);
	T_INT(rc, 2);
	T_STR(err,
	    "test_rx: etc/zhili.yaml:41:14: regex '(违停|乱停))': "
	    "unmatched closing parenthesis at offset 7");

	/* Patterns of a size shown whole, and good ones: no exit. */
	node.s = "违停|乱停";
	node.n = strlen(node.s);
	{
		struct rx *re = rx_compile_cfg(&node, RX_CASELESS);

		T_INT(rx_match(re, "路边违停", strlen("路边违停")), 1);
		T_STR(rx_pattern(re), "违停|乱停");
		rx_free(re);
	}
}

/*
 * Load the configuration text arg, then run a pattern that needs 2^12 steps:
 * exit 10 when the match limit stopped it, 11 when it ran to the end.
 */
static void
setup_limit(const void *arg)
{
	char path[] = "/tmp/test_rx.XXXXXX";
	struct rx *re;
	int fd;

	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, arg, strlen(arg)) != (ssize_t)strlen(arg)) {
		perror("test_rx");
		_exit(98);
	}
	close(fd);
	cfg_setup(path);
	unlink(path);
	re = comp("(a+)+$", 0);
	/* 2^12 steps: under the default, over a limit of 50. */
	if (rx_match(re, "aaaaaaaaaaaa!", 13) == -1) {
		fputs(rx_errmsg(), stderr);
		fflush(stderr);
		_exit(10);
	}
	_exit(11);
}

static void
test_config(void)
{
	char err[4096];
	struct rx *re;
	int rc;

	/* No configuration loaded: the default limit. */
	re = comp("(a+)+$", 0);
	T_INT(rx_match(re, "aaaaaaaaaaaa!", 13), 0);
	rx_free(re);

	rc = t_child(setup_limit, "regex:\n  match-limit: 50\n", err,
	    sizeof err);
	T_INT(rc, 10);
	T_STR(err, "match limit exceeded");
	rc = t_child(setup_limit, "# nothing\n", err, sizeof err);
	T_INT(rc, 11);
	T_STR(err, "");
	rc = t_child(setup_limit, "regex:\n  match-limit: 0\n", err,
	    sizeof err);
	T_INT(rc, 2);
	T_OK(strstr(err,
		 ":2:16: expected an integer from 1 to 4294967295, "
		 "got '0'") != NULL);
	rc = t_child(setup_limit, "regex:\n  match-limit: lots\n", err,
	    sizeof err);
	T_INT(rc, 2);
}

int
main(void)
{
	zl_init("test_rx");
	test_chinese();
	test_caseless();
	test_digits();
	test_invalid_utf8();
	test_lengths();
	test_limits();
	test_compile_errors();
	test_config();
	return t_done();
}
