/*
 * t.h: the unit-test harness.  Each check prints nothing when it passes and
 * "FAIL file:line: ..." when it fails; t_done() prints "N passed, N failed"
 * and returns the exit status for main.
 */
#ifndef T_H
#define T_H

#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int t_pass, t_fail;

#define T_OK(cond)                                                             \
	do {                                                                   \
		if (cond)                                                      \
			t_pass++;                                              \
		else {                                                         \
			t_fail++;                                              \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                              \
	} while (0)

#define T_INT(got, want)                                                   \
	do {                                                               \
		long long t_g = (long long)(got), t_w = (long long)(want); \
		if (t_g == t_w)                                            \
			t_pass++;                                          \
		else {                                                     \
			t_fail++;                                          \
			printf("FAIL %s:%d: %s == %lld, want %lld\n",      \
			    __FILE__, __LINE__, #got, t_g, t_w);           \
		}                                                          \
	} while (0)

#define T_DBL(got, want, eps)                                           \
	do {                                                            \
		double t_g = (got), t_w = (want);                       \
		if (t_g - t_w <= (eps) && t_w - t_g <= (eps))           \
			t_pass++;                                       \
		else {                                                  \
			t_fail++;                                       \
			printf("FAIL %s:%d: %s == %.10g, want %.10g\n", \
			    __FILE__, __LINE__, #got, t_g, t_w);        \
		}                                                       \
	} while (0)

/* Byte strings: got (pointer, length) against a C string. */
#define T_MEM(gp, gn, want)                                                   \
	do {                                                                  \
		const char *t_gp = (gp), *t_w = (want);                       \
		size_t t_gn = (gn);                                           \
		if (t_gn == strlen(t_w) && memcmp(t_gp, t_w, t_gn) == 0)      \
			t_pass++;                                             \
		else {                                                        \
			t_fail++;                                             \
			printf("FAIL %s:%d: %s == \"%.*s\", want \"%.*s\"\n", \
			    __FILE__, __LINE__, #gp,                          \
			    (int)(t_gn < 400 ? t_gn : 400), t_gp,             \
			    (int)(strlen(t_w) < 400 ? strlen(t_w) : 400),     \
			    t_w);                                             \
		}                                                             \
	} while (0)

#define T_STR(got, want)                                                \
	do {                                                            \
		const char *t_g2 = (got);                               \
		if (t_g2 == NULL) {                                     \
			t_fail++;                                       \
			printf("FAIL %s:%d: %s is NULL, want \"%s\"\n", \
			    __FILE__, __LINE__, #got, (want));          \
		} else                                                  \
			T_MEM(t_g2, strlen(t_g2), (want));              \
	} while (0)

/*
 * Run fn(arg) in a child with stderr into out (the last newline dropped):
 * its exit status (128 plus the signal when one ended it), 0 when fn
 * returned.
 */
static inline int
t_child(void (*fn)(const void *), const void *arg, char *out, size_t max)
{
	int fd[2], st;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if (pipe(fd) == -1 || (pid = fork()) == -1) {
		perror("t_child");
		exit(99);
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		close(fd[1]);
		fn(arg);
		fflush(stderr);
		_exit(0);
	}
	close(fd[1]);
	while (n + 1 < max && (r = read(fd[0], out + n, max - 1 - n)) > 0)
		n += (size_t)r;
	close(fd[0]);
	out[n] = '\0';
	if (n > 0 && out[n - 1] == '\n')
		out[n - 1] = '\0';
	if (waitpid(pid, &st, 0) == -1)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Expect fn(arg) to exit 2 with the message want (line: the caller's). */
#define t_dies(line, fn, arg, want) \
	t_dies_at(__FILE__, (line), (fn), (arg), (want))
static inline void
t_dies_at(const char *file, int line, void (*fn)(const void *), const void *arg,
    const char *want)
{
	char out[4096];
	int rc = t_child(fn, arg, out, sizeof out);

	if (rc == 2 && strcmp(out, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: exit %d, stderr \"%s\", want exit 2, "
		       "\"%s\"\n",
		    file, line, rc, out, want);
	}
}

/* A temporary file holding text; the name is static storage. */
static inline const char *
t_tmpfile(const char *text, size_t n)
{
	static char path[8][64];
	static int next;
	char *p = path[next++ % 8];
	int fd;

	snprintf(p, 64, "/tmp/zhili-test.XXXXXX");
	if ((fd = mkstemp(p)) == -1 || write(fd, text, n) != (ssize_t)n) {
		perror("t_tmpfile");
		exit(99);
	}
	close(fd);
	return p;
}

/*
 * fn(path of a file holding text) must die with the message fmt, in
 * which %s stands for the file's name.
 */
#define T_FILE_DIES(fn, text, fmt)                                \
	do {                                                      \
		const char *f_ = t_tmpfile((text), strlen(text)); \
		char w_[512];                                     \
		snprintf(w_, sizeof w_, (fmt), f_);               \
		t_dies(__LINE__, (fn), f_, w_);                   \
		unlink(f_);                                       \
	} while (0)

static inline int
t_done(void)
{
	printf("%d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}

#endif
