/*
 * splitter: the baseline of the benchmark, the least a line-oriented tool
 * must do.  Reads FILE (or standard input) with read(2) in 1 MiB blocks,
 * finds each line with memchr(3) and writes it to a standard output
 * buffered in 1 MiB.
 *
 * splitter [FILE]
 */

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (1 << 20)

/* glibc ignores the size given to setvbuf(3) without a buffer. */
static char obuf[BLOCK];

int
main(int argc, char *argv[])
{
	char *buf, *line, *end, *nl, *nbuf;
	size_t cap, have;
	ssize_t n;
	int fd;

	if (argc > 2) {
		fprintf(stderr, "usage: splitter [FILE]\n");
		return 2;
	}
	fd = STDIN_FILENO;
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (fd = open(argv[1], O_RDONLY)) == -1)
		err(3, "%s", argv[1]);
	if (setvbuf(stdout, obuf, _IOFBF, BLOCK) != 0)
		err(3, "setvbuf");
	cap = 2 * BLOCK;
	if ((buf = malloc(cap)) == NULL)
		err(3, NULL);

	/* buf holds the start of a line that has no end yet. */
	have = 0;
	for (;;) {
		if (cap - have < BLOCK) {
			if ((nbuf = realloc(buf, cap * 2)) == NULL)
				err(3, NULL);
			buf = nbuf;
			cap *= 2;
		}
		if ((n = read(fd, buf + have, BLOCK)) == -1) {
			if (errno == EINTR)
				continue;
			err(3, "%s", argc == 2 ? argv[1] : "<stdin>");
		}
		if (n == 0)
			break;
		line = buf;
		end = buf + have + n;
		nl = memchr(buf + have, '\n', (size_t)n);
		while (nl != NULL) {
			fwrite(line, 1, (size_t)(nl + 1 - line), stdout);
			line = nl + 1;
			nl = memchr(line, '\n', (size_t)(end - line));
		}
		have = (size_t)(end - line);
		memmove(buf, line, have);
	}
	if (have > 0)
		fwrite(buf, 1, have, stdout);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(3, "write");
	return 0;
}
