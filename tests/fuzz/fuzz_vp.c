/*
 * fuzz_vp: libFuzzer target for volunteer-points: reading the records,
 * grouping them by volunteer and keeping the ledger.
 * fuzz-with: cmd/volunteer-points
 *
 * The first byte chooses the header (bits 0-1: service records,
 * redemptions, both in one file; bit 2: CSV rather than TSV) and the
 * configuration (bit 3: a daily cap of 0, no cap; bit 4: expiry after 1
 * month, else the default 24; bit 5: an unknown kind earns at 1); the
 * rest follows the header as the file's records, written to a file and
 * read as volunteer-points reads an input.  Invariants (a broken one
 * aborts): no crash, undefined behaviour or leak; every record read is
 * used, merged or rejected (in = out + rejected + merged); no balance is
 * ever negative, each event's is the one before it plus its change; a
 * volunteer's figures add up (earned = redeemed + expired + balance), the
 * hours counted are at most those written and at most the cap a day; the
 * star is the one of the hours.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* volunteer-points's options (main.c's own, not linked here) */
struct opts opt = { .report = R_BALANCE, .top = 10 };

static char path[] = "/tmp/fuzz_vp.XXXXXX";

static void
setup(void)
{
	static int done;
	int fd;

	if (done)
		return;
	done = 1;
	zl_init("volunteer-points");
	cfg_declare(&vp_section);
	cfg_setup(NULL);
	conf_load();
	opt.as_of = date_days(2030, 1, 1);
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
}

/* What the events showed, per run. */
static struct {
	unsigned long long redeemed; /* redemptions applied */
	const struct vol *v;	     /* the volunteer of the last event */
	long long balance;	     /* after it */
	long long last_t;
} seen;

static void
event(const struct event *e, void *arg)
{
	(void)arg;
	if (e->v != seen.v) {
		seen.v = e->v;
		seen.balance = 0;
		seen.last_t = -DAY_SECS * 1000000;
	}
	fuzz_check(e->balance >= 0);
	fuzz_check(e->balance == seen.balance + e->change);
	/* day by day (within a day, services before redemptions) */
	fuzz_check(date_floordiv(e->t, DAY_SECS) >=
	    date_floordiv(seen.last_t, DAY_SECS));
	fuzz_check(e->t < ((long long)opt.as_of + 1) * DAY_SECS);
	seen.balance = e->balance;
	seen.last_t = e->t;
	if (e->kind == EV_REDEEM) {
		fuzz_check(e->change < 0);
		seen.redeemed++;
	} else if (e->kind == EV_EARN) {
		fuzz_check(e->change >= 0 && e->hours >= 0);
		fuzz_check(e->hours <= (long long)e->s->hours);
		fuzz_check(rules.cap == 0 || e->hours <= rules.cap);
	} else
		fuzz_check(e->change < 0);
}

static void
check_volunteers(void)
{
	size_t i;
	int k;

	for (i = 0; i < data.nvol; i++) {
		const struct vol *v = &data.vol[i];
		long long bal = v->earned - v->redeemed - v->expired;

		fuzz_check(bal >= 0 && v->hours >= 0 && v->unverified >= 0);
		fuzz_check(v->nsvc > 0 || (v->earned == 0 && v->redeemed == 0));
		for (k = 0; k < v->star; k++)
			fuzz_check(v->hours >= rules.stars[k]);
		fuzz_check(
		    v->star == VP_STARS || v->hours < rules.stars[v->star]);
	}
}

/* The configuration the first byte asks for (the built-in one's kinds,
 * words and stars). */
static void
configure(unsigned c)
{
	rules.cap = c & 8 ? 0 : 800;
	rules.expiry = c & 16 ? 1 : 24;
	rules.dflt_mult = c & 32 ? 100 : -1;
	/* the encoding and format as given: their guessing is fuzz_rd's, and
	 * a header guessed otherwise (UTF-16 from NUL bytes) ends the run */
	cli.enc = ENC_UTF8;
	cli.in_fmt = c & 4 ? FMT_CSV : FMT_TSV;
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	static const char *const heads[] = {
		"volunteer_id\tvolunteer_name\tteam\tproject\tdate\thours\tkind"
		"\tverified\n",
		"volunteer_id\tdate\tpoints\titem\n",
		"volunteer_id\tteam\tproject\tdate\thours\tkind\tverified"
		"\tpoints\titem\n",
	};
	struct ledger_cb cb = { event, NULL, NULL };
	unsigned long long n0, r0, used;
	char *arg = path;
	const char *h;
	FILE *f;

	setup();
	if (size < 1)
		return 0;
	configure(in[0]);
	h = heads[(in[0] & 3) % 3];
	if (!(f = fopen(path, "w")))
		abort();
	if (in[0] & 4) { /* the same header, as CSV */
		for (; *h != '\0'; h++)
			fputc(*h == '\t' ? ',' : *h, f);
	} else
		fputs(h, f);
	fwrite(in + 1, 1, size - 1, f);
	fclose(f);
	n0 = rej_nread;
	r0 = rej_count();
	memset(&seen, 0, sizeof seen);
	input_read(1, &arg);
	ledger_run(&cb);
	check_volunteers();
	used = data.nsvc - data.merged + seen.redeemed;
	fuzz_check(rej_nread - n0 == used + (rej_count() - r0) + data.merged);
	input_reset();
	return 0;
}
