/* fld: fields by canonical name and alias. */
#include <string.h>

#include "lib/cfg.h"
#include "lib/fld.h"

/* Does name match one of the '|'-separated words of list? */
static int
in_list(struct str name, const char *list)
{
	const char *p = list;

	while (*p != '\0') {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char word[128];

		if (n < sizeof word) {
			memcpy(word, p, n);
			word[n] = '\0';
			if (str_eqi(name, word))
				return 1;
		}
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return 0;
}

static const struct fld *
by_name(const char *name)
{
	size_t i;

	for (i = 0; i < fld_ntable; i++)
		if (strcmp(fld_table[i].name, name) == 0)
			return &fld_table[i];
	return NULL;
}

const struct fld *
fld_lookup(struct str name)
{
	const char *c;
	size_t i;

	name = str_trim(name);
	for (i = 0; i < fld_ntable; i++) {
		const struct fld *f = &fld_table[i];

		if (str_eqi(name, f->name) || str_eqi(name, f->zh) ||
		    in_list(name, f->aliases))
			return f;
	}
	if (cfg_root() != NULL && (c = cfg_alias(name)) != NULL) {
		static struct fld user;
		const struct fld *f = by_name(c);

		if (f != NULL)
			return f;
		/* a field the toolkit does not know, named by the user */
		user.name = c;
		user.zh = c;
		user.aliases = "";
		return &user;
	}
	return NULL;
}

const char *
fld_canon(struct str name, void *arg)
{
	const struct fld *f = fld_lookup(name);

	(void)arg;
	return f ? f->name : NULL;
}

const char *
fld_zh(const char *name)
{
	const struct fld *f = by_name(name);

	return f ? f->zh : name;
}

void
fld_titles(const char *const *names, size_t n, int zh, struct str *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = str_c(zh ? fld_zh(names[i]) : names[i]);
}

long
fld_col(const struct rd *r, const char *name)
{
	const struct str *names = rd_names(r);
	size_t i, n = rd_nfields(r);

	for (i = 0; i < n; i++) {
		const char *c = fld_canon(names[i], NULL);

		if (c != NULL ? strcmp(c, name) == 0 :
				str_eqi(str_trim(names[i]), name))
			return (long)i;
	}
	return -1;
}

long
fld_need(const struct rd *r, const char *name)
{
	long i = fld_col(r, name);
	const struct fld *f;

	if (i >= 0)
		return i;
	f = by_name(name);
	if (f != NULL && f->aliases[0] != '\0') {
		struct buf b = { 0 };
		const char *p;

		for (p = f->aliases; *p; p++)
			if (*p == '|')
				buf_adds(&b, ", ");
			else
				buf_addc(&b, *p);
		zl_die_at(ZL_IOERR, rd_first_file(r), 1,
		    _("no field '%s' (%s, %s)"), name, f->zh, b.p);
	}
	if (f != NULL)
		zl_die_at(ZL_IOERR, rd_first_file(r), 1,
		    _("no field '%s' (%s)"), name, f->zh);
	zl_die_at(ZL_IOERR, rd_first_file(r), 1, _("no field '%s'"), name);
}
