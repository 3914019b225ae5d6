/*
 * fuzz_cfgsec: libFuzzer target for the checking of the configuration:
 * the fuzzed bytes are a user's zhili.yaml (-c FILE), merged over the
 * built-in one and checked as --print-config checks it (cli_config: the
 * aliases, max-rejected, regex:, the calendar and its office hours, and
 * every program's section, each program's section.c being linked).
 * Bytes that are not YAML are fuzz_cfg's: only their message is checked.
 *
 * Invariants (a broken one aborts): no crash, undefined behaviour, leak or
 * exit; the file is accepted, or each error is one line naming a line of
 * the fuzzed file or of the built-in text, the errors in the order of the
 * files and lines, each once; a file the check accepts, a normal run
 * accepts too (an error would exit).
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cfg.h"
#include "lib/cli.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BUILTIN "zhili.yaml (built-in)"

static char path[64];
static int fd = -1, errfd = -1;
static long builtin_lines;

/* Lines of s: LF, CR LF and CR end one (as YAML and the messages
 * count). */
static long
lines_of(const char *s, size_t n)
{
	long k = 1;
	size_t i;

	for (i = 0; i < n; i++)
		k += s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
	return k;
}

static void
setup(void)
{
	if (fd >= 0)
		return;
	zl_init("fuzz");
	fd = fuzz_memfile("fuzz-cfgsec", path, sizeof path);
	errfd = fuzz_memfile("fuzz-cfgsec-err", NULL, 0);
	builtin_lines = lines_of(cfg_default_text, cfg_default_len);
	cli.config = path;
}

/*
 * "file:line:col: " or "file:line: " at the start of s, file one of the
 * two: its line and column (0 when absent) in *line and *col, the file
 * (0: the fuzzed one, 1: the built-in text); -1 when s names none.
 */
static int
place(const char *s, long *line, long *col)
{
	const char *p;
	char *end;
	int which;

	if (strncmp(s, path, strlen(path)) == 0 && s[strlen(path)] == ':') {
		which = 0;
		p = s + strlen(path) + 1;
	} else if (strncmp(s, BUILTIN ":", strlen(BUILTIN) + 1) == 0) {
		which = 1;
		p = s + strlen(BUILTIN) + 1;
	} else
		return -1;
	*line = strtol(p, &end, 10);
	if (end == p || *end != ':')
		return -1;
	p = end + 1;
	*col = 0;
	if (*p >= '0' && *p <= '9') {
		*col = strtol(p, &end, 10);
		if (*end != ':')
			return -1;
		p = end + 1;
	}
	return *p == ' ' ? which : -1;
}

/* The messages on stderr (text, n bytes): each "fuzz: PLACE: message",
 * in order, once. */
static void
check_messages(char *text, size_t n, long nlines)
{
	long line, col, last[3] = { -1, 0, 0 };
	char *s = text, *nl, *prev = NULL;
	int which;

	while (s < text + n) {
		nl = memchr(s, '\n', (size_t)(text + n - s));
		fuzz_check(nl != NULL);
		*nl = '\0';
		if (strncmp(s, "fuzz: ", 6) != 0 ||
		    (which = place(s + 6, &line, &col)) < 0 || line < 1 ||
		    line > (which == 0 ? nlines : builtin_lines)) {
			fprintf(stderr, "a message not at a line: %s\n", s);
			abort();
		}
		if (which < last[0] ||
		    (which == last[0] &&
			(line < last[1] ||
			    (line == last[1] && col < last[2])))) {
			fprintf(stderr, "out of order: %s\n", s);
			abort();
		}
		fuzz_check(prev == NULL || strcmp(prev, s) != 0);
		last[0] = which;
		last[1] = line;
		last[2] = col;
		prev = s;
		s = nl + 1;
	}
}

/* The configuration checked as --print-config checks it: the errors, on
 * stderr, into b. */
static size_t
checked(struct buf *b)
{
	int saved;
	size_t n;
	ssize_t k;
	char chunk[4096];

	fflush(stderr);
	saved = dup(2);
	fuzz_check(saved >= 0 && ftruncate(errfd, 0) == 0 &&
	    lseek(errfd, 0, SEEK_SET) == 0 && dup2(errfd, 2) == 2);
	cli.print_config = 1;
	n = cli_config();
	fflush(stderr);
	fuzz_check(dup2(saved, 2) == 2 && close(saved) == 0);
	fuzz_check(lseek(errfd, 0, SEEK_SET) == 0);
	while ((k = read(errfd, chunk, sizeof chunk)) > 0)
		buf_add(b, chunk, (size_t)k);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	long nlines = lines_of(text, size);
	struct buf err = { 0 }, msgs = { 0 };
	struct cfg *c;
	long line, col;
	size_t n;

	setup();
	if (cfg_parse(text, size, path, &c, &err) != 0) {
		/* not YAML (fuzz_cfg's): the message at a line of it */
		fuzz_check(place(err.p, &line, &col) == 0 && line >= 1 &&
		    line <= nlines);
		buf_free(&err);
		return 0;
	}
	cfg_free(c);
	buf_free(&err);
	fuzz_check(ftruncate(fd, 0) == 0 &&
	    (size == 0 || pwrite(fd, data, size, 0) == (ssize_t)size));
	n = checked(&msgs);
	/* each error once, on a line of its own */
	fuzz_check(lines_of(msgs.p ? msgs.p : "", msgs.n) - 1 == (long)n);
	check_messages(msgs.p ? msgs.p : "", msgs.n, nlines);
	buf_free(&msgs);
	if (n == 0) {
		/* a normal run: an error exits */
		cli.print_config = 0;
		cli_config();
	}
	return 0;
}
