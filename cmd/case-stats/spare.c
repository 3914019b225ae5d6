/*
 * case-stats: big blocks given back, kept for the next big one asked for.
 * Memory the program has not touched yet costs the kernel a page fault
 * and zeroing, and in this kind of virtual machine sometimes much more
 * (pages freed are given back to the host, which has to give them again:
 * 128 MiB of huge pages touched took 12 ms most times, 95-230 ms some).
 * The blocks of a run come and go in turn: the parts' pools of durations
 * are given back when the parts end, and the filter of hashes and the
 * durations put together at the end (as many again) take their memory.
 * The blocks kept are not zeroed: what takes one writes before it reads.
 */
#include <pthread.h>
#include <stdlib.h>

#include "cmd/case-stats/case-stats.h"

#define NSPARE 8
#define BIG    (2u << 20) /* smaller ones: malloc's */

static struct {
	void *p;
	size_t n;
} spare[NSPARE];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void *
big_alloc(size_t n)
{
	size_t i, best = NSPARE;
	void *p = NULL;

	pthread_mutex_lock(&lock);
	for (i = 0; i < NSPARE; i++)
		if (spare[i].p != NULL && spare[i].n >= n &&
		    (best == NSPARE || spare[i].n < spare[best].n))
			best = i;
	if (best < NSPARE) {
		p = spare[best].p;
		spare[best].p = NULL;
	}
	pthread_mutex_unlock(&lock);
	return p != NULL ? p : xhuge(n);
}

void
big_free(void *p, size_t n)
{
	size_t i, least = 0;

	if (p == NULL || n < BIG) {
		free(p);
		return;
	}
	pthread_mutex_lock(&lock);
	for (i = 0; i < NSPARE; i++)
		if (spare[i].p == NULL) {
			least = i;
			break;
		} else if (spare[i].n < spare[least].n)
			least = i;
	if (spare[least].p == NULL || spare[least].n < n) {
		void *q = spare[least].p;

		spare[least].p = p;
		spare[least].n = n;
		p = q;
	}
	pthread_mutex_unlock(&lock);
	free(p);
}

void
big_drop(void)
{
	size_t i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < NSPARE; i++) {
		free(spare[i].p);
		spare[i].p = NULL;
	}
	pthread_mutex_unlock(&lock);
}
