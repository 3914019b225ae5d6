/*
 * grid-import: the arena's pages made ready ahead of it, by a thread of
 * their own (-j 2 and more).  A roster of millions of buildings fills
 * hundreds of megabytes, and on this project's VM faulting a page in
 * (the kernel zeroing it) costs about a fifth of the run: the thread
 * asks the kernel for the pages (MADV_POPULATE_WRITE) a few megabytes
 * before the arena reaches them, so the thread that makes the units
 * rarely faults.  Only whole pages inside a chunk are asked for, and
 * nothing is written to them: the output cannot change.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cmd/grid-import/grid-import.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* how far ahead of the arena, and in steps of */
#define AHEAD (4u << 20)
#define STEP  (256u << 10)

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t th;
	int on, quit;
	uintptr_t done, want, end; /* ready up to done; wanted up to want,
				      in the chunk ending at end */
} ah = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void *
ahead_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&ah.mu);
	for (;;) {
		uintptr_t lo, hi;

		while (!ah.quit && ah.done >= ah.want)
			pthread_cond_wait(&ah.cv, &ah.mu);
		if (ah.quit)
			break;
		lo = ah.done;
		hi = lo + STEP < ah.want ? lo + STEP : ah.want;
		ah.done = hi;
		pthread_mutex_unlock(&ah.mu);
		if (madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE) != 0 &&
		    errno != ENOMEM && errno != EINTR) {
			pthread_mutex_lock(&ah.mu);
			ah.quit = 1; /* an older kernel: the arena faults */
			break;
		}
		pthread_mutex_lock(&ah.mu);
	}
	pthread_mutex_unlock(&ah.mu);
	return NULL;
}

void
ahead_start(void)
{
	if (ah.on)
		return;
	ah.on = pthread_create(&ah.th, NULL, ahead_main, NULL) == 0;
}

void
ahead_chunk(void *p, size_t n)
{
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);

	if (!ah.on)
		return;
	pthread_mutex_lock(&ah.mu);
	ah.done = ah.want = ((uintptr_t)p + pg - 1) & ~(pg - 1);
	ah.end = ((uintptr_t)p + n) & ~(pg - 1);
	if (ah.end < ah.done)
		ah.end = ah.done;
	pthread_mutex_unlock(&ah.mu);
}

void
ahead_at(const void *pos)
{
	uintptr_t w = ((uintptr_t)pos + AHEAD) & ~(uintptr_t)4095;

	if (!ah.on)
		return;
	pthread_mutex_lock(&ah.mu);
	if (w > ah.end)
		w = ah.end;
	if (w > ah.want) {
		ah.want = w;
		pthread_cond_signal(&ah.cv);
	}
	pthread_mutex_unlock(&ah.mu);
}

void
ahead_stop(void)
{
	if (!ah.on)
		return;
	pthread_mutex_lock(&ah.mu);
	ah.quit = 1;
	pthread_cond_signal(&ah.cv);
	pthread_mutex_unlock(&ah.mu);
	pthread_join(ah.th, NULL);
	ah.on = ah.quit = 0;
}
