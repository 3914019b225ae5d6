/*
 * Unit tests of lib/fld.c: fields declared by a program, lookup by name,
 * title and alias, the configuration's aliases: section, the columns of a
 * reader's header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cfg.h"
#include "lib/fld.h"
#include "lib/wr.h"
#include "tests/unit/t.h"

/* Two programs' tables that share a field (as zhili-cat links both). */
static const struct fld one[] = {
	{ "reported_at", "上报时间", "受理时间|登记时间", 0 },
	{ "community", "社区", "", 0 },
	{ "total", "总数", "合计数", 1 },
	{ NULL, NULL, NULL, 0 },
};
static const struct fld two[] = {
	{ "community", "社区", "所属社区名", 0 },
	{ "households", "户数", "", 1 },
	{ "closed_at", "办结时间", "", 0 },
	{ "grid", "网格", "", 0 },
	{ NULL, NULL, NULL, 0 },
};
FLD_DECLARE(one)
FLD_DECLARE(two)

static void
setup_file(const void *path)
{
	cfg_setup(path);
	fld_setup();
}

#define FILE_DIES(text, fmt) T_FILE_DIES(setup_file, text, fmt)

static const char *
canon(const char *name)
{
	return fld_canon(str_c(name), NULL);
}

static void
test_declared(void)
{
	const char *cols[] = { "community", "total", "nope" };
	struct str names[3];
	unsigned char types[3];

	T_STR(canon("reported_at"), "reported_at");
	T_STR(canon("上报时间"), "reported_at");
	T_STR(canon(" 受理时间 "), "reported_at");
	T_STR(canon("登记时间\xe3\x80\x80"), "reported_at");
	T_STR(canon("REPORTED_AT"), "reported_at");
	/* the aliases of both tables */
	T_STR(canon("社区"), "community");
	T_STR(canon("所属社区名"), "community");
	T_OK(canon("受理") == NULL);
	T_OK(canon("") == NULL);
	T_STR(fld_zh("households"), "户数");
	T_STR(fld_zh("unknown_field"), "unknown_field");
	T_OK(fld_num("total"));
	T_OK(fld_num("households"));
	T_OK(!fld_num("community"));
	T_OK(!fld_num("nope"));
	fld_header(cols, 3, 0, names, types);
	T_MEM(names[0].p, names[0].n, "community");
	T_INT(types[0], COL_STR);
	T_INT(types[1], COL_NUM);
	T_INT(types[2], COL_STR);
	fld_header(cols, 3, 1, names, NULL);
	T_MEM(names[0].p, names[0].n, "社区");
	T_MEM(names[1].p, names[1].n, "总数");
	T_MEM(names[2].p, names[2].n, "nope");
}

/* A second table that contradicts the first: an internal error. */
static void
declare(const void *table)
{
	fld_declare(table);
}

static void
test_conflicts(void)
{
	static const struct fld title[] = { { "community", "小区", "", 0 },
		{ NULL, NULL, NULL, 0 } };
	static const struct fld alias[] = { { "grid", "网格", "社区", 0 },
		{ NULL, NULL, NULL, 0 } };
	static const struct fld same[] = { { "community", "社区", "", 0 },
		{ NULL, NULL, NULL, 0 } };
	char out[512];

	T_INT(t_child(declare, title, out, sizeof out), 128 + 6);
	T_STR(out,
	    "internal error: fld_declare: two titles for 'community' "
	    "and '小区'");
	T_INT(t_child(declare, alias, out, sizeof out), 128 + 6);
	T_STR(out,
	    "internal error: fld_declare: one alias for 'community' "
	    "and 'grid'");
	T_INT(t_child(declare, same, out, sizeof out), 0);
	T_STR(out, "");
}

static void
test_aliases(void)
{
	const char *text = "aliases:\n"
			   "  reported_at: [报案时间, \" 发生时间 \", Report "
			   "Time]\n"
			   "  community: 所属社区\n"
			   "  closed_at: [结案时间]\n"
			   "  grid:\n";
	const char *f = t_tmpfile(text, strlen(text));
	struct str s;

	cfg_setup(f);
	fld_setup();
	unlink(f);
	T_STR(fld_alias(str_c("报案时间")), "reported_at");
	T_STR(fld_alias(str_c("  发生时间\t")), "reported_at");
	T_STR(fld_alias(str_c("发生时间\xe3\x80\x80")), "reported_at");
	T_STR(fld_alias(str_c("REPORT TIME")), "reported_at");
	T_STR(fld_alias(str_c("report time")), "reported_at");
	T_STR(fld_alias(str_c("所属社区")), "community");
	T_STR(fld_alias(str_c("结案时间")), "closed_at");
	T_OK(fld_alias(str_c("reported_at")) == NULL);
	T_OK(fld_alias(str_c("报案")) == NULL);
	T_OK(fld_alias(str_c("报案时间x")) == NULL);
	T_OK(fld_alias(str_c("")) == NULL);
	T_OK(fld_alias(str_c("grid")) == NULL);
	/* Not NUL-terminated. */
	s.p = "所属社区 and more";
	s.n = strlen("所属社区");
	T_STR(fld_alias(s), "community");
	/* Through the lookup. */
	T_STR(canon("报案时间"), "reported_at");
	T_STR(fld_zh(canon("报案时间")), "上报时间");
	T_STR(canon("结案时间"), "closed_at");
	T_STR(fld_lookup(str_c("结案时间"))->zh, "办结时间");
	/* The default has none. */
	cfg_setup(NULL);
	fld_setup();
	T_OK(fld_alias(str_c("报案时间")) == NULL);
	T_OK(canon("报案时间") == NULL);

	FILE_DIES("aliases: {grid: [x], total: [\" X \"]}\n",
	    "test_fld: %s:1:30: alias ' X ' is given for both 'grid' and "
	    "'total'");
	FILE_DIES("aliases: {grid: {x: y}}\n",
	    "test_fld: %s:1:17: expected a list of header names, got a "
	    "mapping");
	FILE_DIES("aliases: {grid: [[x]]}\n",
	    "test_fld: %s:1:18: expected a header name, got a list");
	FILE_DIES("aliases: {grid: [\"  \"]}\n",
	    "test_fld: %s:1:18: expected a header name, got '  '");
	/* a key is a field's canonical name: a slip, a title, no field */
	FILE_DIES("aliases:\n  reportedat: [x]\n",
	    "test_fld: %s:2:3: aliases: unknown field 'reportedat' (did you "
	    "mean 'reported_at'?)");
	FILE_DIES("aliases:\n  上报时间: [x]\n",
	    "test_fld: %s:2:3: aliases: unknown field '上报时间' (did you "
	    "mean 'reported_at'?)");
	FILE_DIES("aliases:\n  owner: [x]\n",
	    "test_fld: %s:2:3: aliases: unknown field 'owner' (a key is a "
	    "field's name, as the programs' manual pages list them)");
}

/* In a child: fld_need of the field named by arg on the reader r_need. */
static struct rd *r_need;

static void
need(const void *name)
{
	fld_need(r_need, name);
}

/* fld_need of name must exit 3 with the message want (%s: the file). */
static void
need_dies(int line, const char *file, const char *name, const char *fmt)
{
	char out[512], want[512];
	int rc = t_child(need, name, out, sizeof out);

	snprintf(want, sizeof want, fmt, file);
	if (rc == ZL_IOERR && strcmp(out, want) == 0)
		t_pass++;
	else {
		t_fail++;
		printf("FAIL %s:%d: exit %d, stderr \"%s\", want exit 3, "
		       "\"%s\"\n",
		    __FILE__, line, rc, out, want);
	}
}

/* In a child: fld_need_all of total, households and grid on r_need. */
static void
need_all(const void *arg)
{
	(void)arg;
	fld_need_all(r_need,
	    (const char *const[]) { "total", "households", "grid", NULL });
}

/* Every missing field at once, and the aliases: line for the headers
 * nearest to them (a name YAML needs quoted, quoted). */
static void
test_need_all(void)
{
	static const char text[] = "合计\t户数:\t网\n1\t2\t3\n";
	const char *f = t_tmpfile(text, sizeof text - 1);
	char *files[1], out[1024], want[1024];
	struct rd_opts o = { 0 };

	files[0] = (char *)f;
	o.canon = fld_canon;
	r_need = rd_open(1, files, &o);
	T_INT(t_child(need_all, NULL, out, sizeof out), ZL_IOERR);
	snprintf(want, sizeof want,
	    "test_fld: %s:1: no fields 'total' (总数, 合计数), "
	    "'households' (户数), 'grid' (网格); the header has 合计, "
	    "户数:, 网; if they are these columns, add to zhili.yaml: "
	    "aliases: {total: [合计], households: [\"户数:\"], grid: [网]}",
	    f);
	T_STR(out, want);
	/* a field two tables declare: the aliases of both (one has none) */
	need_dies(__LINE__, f, "community",
	    "test_fld: %s:1: no field 'community' (社区, 所属社区名); the "
	    "header has 合计, 户数:, 网");
	rd_close(r_need);
	unlink(f);
}

/* The columns of a reader's header, by canonical name. */
static void
test_columns(void)
{
	static const char text[] =
	    "Community\t受理时间\tnote\n社区一\t2024-01-02\tx\n";
	const char *f = t_tmpfile(text, sizeof text - 1);
	char *files[1];
	struct rd_opts o = { 0 };
	struct rd *r;

	files[0] = (char *)f;
	o.canon = fld_canon;
	r = rd_open(1, files, &o);
	T_INT(fld_col(r, "community"), 0);
	T_INT(fld_col(r, "reported_at"), 1);
	T_INT(fld_col(r, "note"), 2);
	T_INT(fld_col(r, "households"), -1);
	T_INT(fld_need(r, "reported_at"), 1);
	/* A missing field: its title and aliases named, exit 3. */
	r_need = r;
	need_dies(__LINE__, f, "total",
	    "test_fld: %s:1: no field 'total' (总数, 合计数); the header has "
	    "Community, 受理时间, note");
	need_dies(__LINE__, f, "households",
	    "test_fld: %s:1: no field 'households' (户数); the header has "
	    "Community, 受理时间, note");
	need_dies(__LINE__, f, "nosuch",
	    "test_fld: %s:1: no field 'nosuch'; the header has Community, "
	    "受理时间, note");
	T_OK(fld_lookup(str_c("nosuch")) == NULL);
	T_STR(fld_lookup(str_c(" 合计数 "))->name, "total");
	T_INT(fld_lookup(str_c("总数"))->num, 1);
	rd_close(r);
	unlink(f);
}

int
main(void)
{
	zl_init("test_fld");
	unsetenv("ZHILI_CONFIG");
	cfg_setup(NULL);
	test_declared();
	test_conflicts();
	test_aliases();
	test_columns();
	test_need_all();
	return t_done();
}
