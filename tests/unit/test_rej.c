/*
 * Unit tests of lib/rej.c: rejected records counted and reported, the
 * --reject file (its header with _error, a record kept as it was read or
 * written field by field, TSV escapes and CSV quotes, its mode), the
 * summary at zl_finish and its exit status, --strict.
 *
 * rej keeps its state in statics (the file, its format, the count), so each
 * case runs in a child of a process that never rejected anything.
 */
#include <sys/stat.h>

#include <glob.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rej.h"
#include "lib/wr.h"
#include "tests/unit/t.h"

static char path[] = "/tmp/zhili-test-rej.XXXXXX";

/* The stream's header: id, name, note; from a CSV or a TSV file, in the
 * stream's order or not. */
static const struct str names[] = { { "id", 2 }, { "name", 4 }, { "note", 4 } };
static const struct rd_head csv_same = { 3, names, FMT_CSV, 1 };
static const struct rd_head csv_other = { 3, names, FMT_CSV, 0 };
static const struct rd_head tsv_same = { 3, names, FMT_TSV, 1 };
static const struct rd_head tsv_other = { 3, names, FMT_TSV, 0 };

/*
 * A record of h from file at line: its fields (nf of them; 0: none, as for
 * a line that could not be split) and the line as read.
 */
static struct rec *
mk(const struct rd_head *h, const char *file, long line, const char *raw,
    size_t nf, const char *f0, const char *f1, const char *f2)
{
	static struct rec r;
	static struct str f[3];

	f[0] = str_c(f0 != NULL ? f0 : "");
	f[1] = str_c(f1 != NULL ? f1 : "");
	f[2] = str_c(f2 != NULL ? f2 : "");
	memset(&r, 0, sizeof r);
	r.nf = nf;
	r.f = nf > 0 ? f : NULL;
	r.file = file;
	r.line = line;
	r.raw = str_c(raw);
	r.pos = -1;
	r.head = h;
	return &r;
}

/* The text of the --reject file (static storage). */
static const char *
contents(void)
{
	static char text[4096];
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (f != NULL) {
		n = fread(text, 1, sizeof text - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

/* Run case fn in a child; its exit status, its stderr in err. */
static int
run(void (*fn)(const void *), char *err, size_t max)
{
	return t_child(fn, path, err, max);
}

/* CSV records in the stream's order: each kept as read, the message
 * quoted as CSV needs. */
static void
csv_kept(const void *p)
{
	rej_open(p);
	rej_read();
	rej_read();
	rej_read();
	rec_reject(mk(&csv_same, "in.csv", 3, "2,\"a,b\",c,d", 0, NULL, NULL,
		       NULL),
	    "%d fields, the header has %d", 4, 3);
	rec_reject(mk(&csv_same, "in.csv", 4, "3,x,\"\ty\"", 3, "3", "x",
		       "\ty"),
	    "field '%s': bad", "note");
	_exit(zl_finish(ZL_OK) + 10 * (int)rej_count());
}

/* CSV records in another order: written field by field with CSV quotes (a
 * field that begins or ends with a TAB or a space among them). */
static void
csv_fields(const void *p)
{
	rej_open(p);
	rec_reject(mk(&csv_other, "b.csv", 2, "raw,not,used", 3, "\tx", "y\t",
		       "a\"b"),
	    "bad");
	rec_reject(mk(&csv_other, "b.csv", 3, "raw", 3, " lead", "trail ",
		       "in side"),
	    "bad, again");
	rec_reject(mk(&csv_other, "b.csv", 4, "", 3, "", "line\nend", "ok"),
	    "bad");
	/* a TSV file's record in a CSV --reject file */
	rec_reject(mk(&tsv_same, "c.tsv", 2, "1\tx\ty", 3, "1", "x,y", "z"),
	    "bad");
	/* no fields (the line could not be split): kept as read */
	rec_reject(mk(&csv_other, "b.csv", 5, "1,\"open", 0, NULL, NULL, NULL),
	    "unterminated");
	_exit(zl_finish(ZL_OK));
}

/* TSV records: kept as read in the stream's order, else written field by
 * field with TSV's escapes; the message escaped too. */
static void
tsv_records(const void *p)
{
	rej_open(p);
	rec_reject(mk(&tsv_same, "a.tsv", 2, "1\tx\\ty\tz", 3, "1", "x\ty",
		       "z"),
	    "field 'name': bad ('%s')", "x\ty");
	rec_reject(mk(&tsv_other, "b.tsv", 2, "raw", 3, "2", "a\tb", "c\\d"),
	    "bad");
	rec_reject(mk(&csv_same, "c.csv", 2, "3,\"p\nq\",r", 3, "3", "p\nq",
		       "r\r"),
	    "bad");
	_exit(zl_finish(ZL_OK));
}

/* No --reject file: counted and reported all the same. */
static void
no_file(const void *p)
{
	(void)p;
	rej_read();
	rej_read();
	rec_reject(mk(&csv_same, "in.csv", 2, "x", 0, NULL, NULL, NULL), "bad");
	if (rej_count() != 1)
		_exit(20);
	rec_reject(mk(NULL, "in.csv", 3, "y", 0, NULL, NULL, NULL), "worse");
	if (rej_count() != 2)
		_exit(21);
	_exit(zl_finish(ZL_OK));
}

/* Nothing rejected: no summary, the status as it was; the file made. */
static void
none(const void *p)
{
	rej_open(p);
	rej_read();
	_exit(zl_finish(ZL_OK) + 10 * (int)rej_count());
}

/* A worse status than 1 stays. */
static void
worse(const void *p)
{
	(void)p;
	rec_reject(mk(&csv_same, "in.csv", 2, "x", 0, NULL, NULL, NULL), "bad");
	_exit(zl_finish(ZL_IOERR));
}

/* Files left beside path (path.XXXXXX). */
static int
tmp_left(void)
{
	char pat[300];
	glob_t g;
	int n;

	snprintf(pat, sizeof pat, "%s.??????", path);
	n = glob(pat, 0, NULL, &g) == 0 ? (int)g.gl_pathc : 0;
	globfree(&g);
	return n;
}

/* A fatal error: the file closed with what it has, no summary. */
static void
fatal(const void *p)
{
	rej_open(p);
	rec_reject(mk(&tsv_same, "a.tsv", 2, "1\tx\ty", 3, "1", "x", "y"),
	    "bad");
	zl_die(ZL_USAGE, "stop");
}

/* --strict: the first rejected record ends the program, exit 1. */
static void
strict(const void *p)
{
	rej_open(p);
	rej_strict(1);
	rej_read();
	rej_read();
	rec_reject(mk(&csv_same, "in.csv", 2, "1,x,y", 3, "1", "x", "y"),
	    "bad");
	_exit(50);
}

static void
strict_no_file(const void *p)
{
	(void)p;
	rej_strict(1);
	rej_read();
	rec_reject(mk(&csv_same, "in.csv", 2, "1,x,y", 3, "1", "x", "y"),
	    "bad");
	_exit(50);
}

static void
test_files(void)
{
	char err[4096];

	T_INT(run(csv_kept, err, sizeof err), 1 + 20);
	T_STR(err,
	    "test_rej: in.csv:3: 4 fields, the header has 3\n"
	    "test_rej: in.csv:4: field 'note': bad\n"
	    "test_rej: 2 of 3 records rejected");
	T_STR(contents(),
	    "id,name,note,_error,_raw\n"
	    ",,,\"in.csv:3: 4 fields, the header has 3\","
	    "\"2,\"\"a,b\"\",c,d\"\n"
	    "3,x,\"\ty\",in.csv:4: field 'note': bad,\n");

	T_INT(run(csv_fields, err, sizeof err), 1);
	T_STR(contents(),
	    "id,name,note,_error,_raw\n"
	    "\"\tx\",\"y\t\",\"a\"\"b\",b.csv:2: bad,\n"
	    "\" lead\",\"trail \",in side,\"b.csv:3: bad, "
	    "again\",\n"
	    ",\"line\nend\",ok,b.csv:4: bad,\n"
	    "1,\"x,y\",z,c.tsv:2: bad,\n"
	    ",,,b.csv:5: unterminated,\"1,\"\"open\"\n");

	T_INT(run(tsv_records, err, sizeof err), 1);
	T_STR(contents(),
	    "id\tname\tnote\t_error\t_raw\n"
	    "1\tx\\ty\tz\ta.tsv:2: field 'name': bad "
	    "('x\\ty')\t\n"
	    "2\ta\\tb\tc\\\\d\tb.tsv:2: bad\t\n"
	    "3\tp\\nq\tr\\r\tc.csv:2: bad\t\n");
}

static void
test_counts(void)
{
	char err[4096];
	struct stat st;
	FILE *f;

	T_INT(run(no_file, err, sizeof err), 1);
	T_STR(err,
	    "test_rej: in.csv:2: bad\n"
	    "test_rej: in.csv:3: worse\n"
	    "test_rej: 2 of 2 records rejected");

	/* A new file is readable by its owner only; an existing one is
	 * made afresh and keeps its mode. */
	unlink(path);
	T_INT(run(none, err, sizeof err), 0);
	T_INT(stat(path, &st), 0);
	T_INT(st.st_mode & 0777, 0600);
	if ((f = fopen(path, "w")) != NULL) {
		fputs("id\t_error\t_raw\n1\told\t\n", f);
		fclose(f);
	}
	chmod(path, 0644);
	T_INT(run(none, err, sizeof err), 0);
	T_STR(err, "");
	T_STR(contents(), "");
	T_INT(stat(path, &st), 0);
	T_INT(st.st_mode & 0777, 0644);

	T_INT(run(worse, err, sizeof err), ZL_IOERR);
	T_STR(err,
	    "test_rej: in.csv:2: bad\n"
	    "test_rej: 1 of 0 records rejected");

	/* a fatal error leaves an existing file as it was... */
	T_INT(run(fatal, err, sizeof err), ZL_USAGE);
	T_STR(err, "test_rej: a.tsv:2: bad\ntest_rej: stop");
	T_STR(contents(), "");
	/* ...and keeps what was rejected in a new one */
	unlink(path);
	T_INT(run(fatal, err, sizeof err), ZL_USAGE);
	T_STR(contents(),
	    "id\tname\tnote\t_error\t_raw\n"
	    "1\tx\ty\ta.tsv:2: bad\t\n");
	/* no temporary file is left beside it */
	T_INT(tmp_left(), 0);
}

static void
test_strict(void)
{
	char err[4096];

	T_INT(run(strict, err, sizeof err), 1);
	T_STR(err,
	    "test_rej: in.csv:2: bad\n"
	    "test_rej: 1 of 2 records rejected");
	T_STR(contents(), "id,name,note,_error,_raw\n1,x,y,in.csv:2: bad,\n");
	T_INT(run(strict_no_file, err, sizeof err), 1);
	T_STR(err,
	    "test_rej: in.csv:2: bad\n"
	    "test_rej: 1 of 1 records rejected");
}

/* In a child: rej_open of a path that cannot be made. */
static void
open_bad(const void *p)
{
	(void)p;
	rej_open("/nonexistent/rejected.csv");
	_exit(50);
}

static void
test_open_bad(void)
{
	char err[512];

	T_INT(t_child(open_bad, NULL, err, sizeof err), ZL_IOERR);
	T_STR(err,
	    "test_rej: /nonexistent/rejected.csv: No such file or "
	    "directory");
}

/*
 * Exit 0 when zl_init, with fd (a file or a terminal) as stderr, buffers
 * messages: a line at a time to a terminal (tty), else a buffer at a time.
 */
static int
buffering(int fd, int tty)
{
	pid_t pid;
	int st;

	fflush(stderr);
	if ((pid = fork()) == 0) {
		dup2(fd, 2);
		zl_init("test_rej");
		_exit(__fbufsize(stderr) >= 4096 && !__flbf(stderr) == !tty ?
			0 :
			1);
	}
	close(fd);
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Rejecting many records costs few writes: stderr is buffered. */
static void
test_stderr_buffered(void)
{
	int pty = posix_openpt(O_RDWR | O_NOCTTY);

	T_INT(buffering(open("/dev/null", O_WRONLY), 0), 0);
	T_INT(pty >= 0 && grantpt(pty) == 0 && unlockpt(pty) == 0, 1);
	T_INT(buffering(open(ptsname(pty), O_WRONLY | O_NOCTTY), 1), 0);
	close(pty);
}

/* rec_keep_at: two copies back to back in one block, each whole and
 * aligned, as rec_keep makes one; a record without fields. */
static void
test_keep_at(void)
{
	static _Alignas(8) char mem[1024];
	const struct rec *r = mk(&tsv_same, "a.tsv", 7, "1\tli\tx", 3, "1",
	    "li", "x");
	size_t n = rec_keep_size(r), m;
	struct rec *a = rec_keep_at(r, mem), *b, *c = rec_keep(r);

	T_INT(n % 8, 0);
	T_OK(n >= sizeof *r + 3 * sizeof(struct str) + 8 + 6);
	r = mk(&csv_other, "b.csv", 9, "2,wang", 0, NULL, NULL, NULL);
	m = rec_keep_size(r);
	b = rec_keep_at(r, mem + n);
	T_OK(n + m <= sizeof mem);
	T_INT(a->nf, 3);
	T_INT(a->line, 7);
	T_INT(a->pos, -1);
	T_OK(a->head == &tsv_same && strcmp(a->file, "a.tsv") == 0);
	T_OK(a->f[1].n == 2 && memcmp(a->f[1].p, "li", 2) == 0);
	T_OK(a->f[2].n == 1 && a->f[2].p[0] == 'x');
	T_OK(a->raw.n == 6 && memcmp(a->raw.p, "1\tli\tx", 6) == 0);
	T_OK((char *)a->raw.p + a->raw.n < mem + n);
	T_OK(c->nf == 3 && c->f[1].n == 2 && memcmp(c->f[1].p, "li", 2) == 0);
	T_OK(c->raw.n == 6 && memcmp(c->raw.p, a->raw.p, 6) == 0);
	T_OK(b->f == NULL && b->nf == 0 && b->line == 9);
	T_OK(b->raw.n == 6 && memcmp(b->raw.p, "2,wang", 6) == 0);
	T_OK((char *)b->raw.p + b->raw.n < mem + n + m);
	free(c);
}

int
main(void)
{
	int fd;

	zl_init("test_rej");
	if ((fd = mkstemp(path)) == -1) {
		perror("test_rej");
		return 99;
	}
	close(fd);
	T_INT(rej_count(), 0);
	test_files();
	test_counts();
	test_strict();
	test_open_bad();
	test_stderr_buffered();
	test_keep_at();
	T_INT(rej_count(), 0);
	unlink(path);
	return t_done();
}
