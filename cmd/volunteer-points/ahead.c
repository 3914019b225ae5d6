/*
 * volunteer-points: the records read, their lookups done later (struct
 * pend, vp.h), in the order read: the volunteers and texts are numbered
 * as they would be at once.  FIND records later, its volunteer is found
 * (its slot asked for when it was read) and what is kept of the
 * volunteer asked for; AHEAD records later, the record is taken.  A
 * record whose volunteer was guessed (vol_guess) is taken at once, after
 * those pending: records round the volunteers, or each volunteer's
 * together, mostly never wait.
 */
#include <string.h>

#include "cmd/volunteer-points/vp.h"

#define FIND  2
#define AHEAD 4
#define RING  8 /* more than AHEAD, a power of two */

static _Thread_local struct {
	struct pend p[RING];
	size_t fill; /* the one being filled */
	size_t n;    /* pending, before it */
} pipe;

/* Service record p taken (its volunteer found). */
static void
svc_put(struct pend *p)
{
	struct svc *s;
	uint32_t team;

	if (data.nsvc == data.capsvc) /* twice as many, 2 MiB at first */
		svc_room(data.capsvc > 0 ? data.capsvc :
					   (1u << 21) / sizeof *data.svc);
	svc_at_line(p->line);
	s = &data.svc[data.nsvc++];
	*s = p->s;
	s->vol = p->vol;
	s->project = strs_put(&p->project);
	team = vol_team(s->vol, &p->team);
	if (data.svc_team != NULL)
		data.svc_team[data.nsvc - 1] = team;
	if (!p->ktext_known)
		s->ktext = strs_put(&p->kind);
	vol_service(s, team, &p->name);
}

/* Redemption p taken (its volunteer found). */
static void
red_put(struct pend *p)
{
	struct red *d;

	if (data.nred == data.capred)
		data.red = vp_grow(data.red, &data.capred, sizeof *data.red);
	d = &data.red[data.nred++];
	*d = p->d;
	d->vol = p->vol;
	d->item = strs_put(&p->kind);
}

/* The record k before the one being filled (k <= pipe.n). */
static struct pend *
before(size_t k)
{
	return &pipe.p[(pipe.fill - k) & (RING - 1)];
}

static void
find(struct pend *p)
{
	p->vol = vol_find(&p->id);
	vol_hot_ahead(p->vol);
	p->found = 1;
}

static void
take(struct pend *p)
{
	if (!p->found)
		find(p);
	if (p->red)
		red_put(p);
	else
		svc_put(p);
}

struct pend *
pend_slot(void)
{
	return &pipe.p[pipe.fill];
}

void
pend_push(void)
{
	struct pend *p = &pipe.p[pipe.fill];

	if (p->found) { /* guessed: those pending taken, then it, at once
			   (its slot used again) */
		pend_flush();
		take(p);
		return;
	}
	if (pipe.n >= FIND && !before(FIND)->found) {
		find(before(FIND));
		vol_seen(before(FIND)->vol, FIND);
	}
	if (pipe.n == AHEAD)
		take(before(pipe.n--));
	pipe.n++;
	pipe.fill = (pipe.fill + 1) & (RING - 1);
}

void
pend_flush(void)
{
	for (; pipe.n > 0; pipe.n--)
		take(before(pipe.n));
}

void
pend_free(void)
{
	size_t i, j;

	for (i = 0; i < RING; i++)
		for (j = 0; j < sizeof pipe.p[i].copy / sizeof *pipe.p[i].copy;
		     j++)
			buf_free(&pipe.p[i].copy[j]);
	memset(&pipe, 0, sizeof pipe);
}
