/*
 * volunteer-points: what its files share.  main.c reads the options;
 * section.c checks the configuration's section and conf.c reads it;
 * input.c reads the service records and redemptions into the tables
 * below; ledger.c keeps each volunteer's ledger (duplicates, the unit,
 * the daily cap, points, expiry, redemptions) and hands its events and
 * figures to report.c, which writes the report asked for.
 *
 * Hours and points are integer hundredths throughout (1.5 h is 150).
 */
#ifndef VP_H
#define VP_H

#include <stdint.h>

#include "lib/cli.h"
#include "lib/intern.h"
#include "lib/rej.h"

#include "cmd/volunteer-points/skey.h"

#define VP_MAX_HOURS 2400 /* hundredths: 24 h, the most in one record */
#define VP_STARS     5

enum report { R_BALANCE, R_LEDGER, R_TEAMS, R_RANK, R_STARS };

struct opts {
	int report;
	long as_of;	       /* day: balances and expiry as of its end */
	const char *volunteer; /* --volunteer (ledger) */
	long top;	       /* --top (rank) */
	int by_points;	       /* --by points (rank) */
	int total;	       /* --total */
	int jobs;	       /* -j: threads reading a file */
};
extern struct opts opt;

/* The rules of the volunteer-points: section (conf.c). */
struct kind {
	const char *name;
	long long mult; /* hundredths */
};
struct rules {
	long long pph;	    /* points per hour, hundredths */
	struct kind *kinds; /* nkinds of them */
	size_t nkinds;
	long long dflt_mult;	   /* -1: an unknown kind is rejected */
	long long unit;		   /* hundredths of an hour */
	long long cap;		   /* hundredths of an hour a day; 0: none */
	const char **verified;	   /* NULL-ended */
	long expiry;		   /* months; 0: never */
	long long stars[VP_STARS]; /* hundredths of an hour */
};
extern struct rules rules;
void conf_load(void);
extern const struct cfg_section vp_section;
/*
 * A decimal with at most two decimals, not negative, as written in the
 * configuration ("10", "1.5"): 0 and its hundredths in *v, or -1.
 */
int conf_hundredths(const char *s, long long *v);

/* A service record as kept: 20 bytes (a million of them are); its team,
 * for the teams report only, in data.svc_team; its line in data.jumps
 * (svc_line). */
struct svc {
	uint32_t vol;		 /* volunteer index (group.c) */
	int32_t day;		 /* days since 1970-01-01 */
	unsigned int tod : 17;	 /* seconds into the day */
	unsigned int hours : 12; /* hundredths, as written (before the unit) */
	unsigned int flags : 2;	 /* S_* */
	uint32_t project;	 /* pool id */
	uint32_t ktext;		 /* pool id of the kind as written */
};

/* The services' lines: service at and those after it until the next
 * jump are on lines line, line + 1, ... (most files: one jump). */
struct jump {
	size_t at;
	long line;
};
enum { S_VERIFIED = 1, S_MERGED = 2 };

/* A redemption as kept, with its record for a rejection at the end. */
struct red {
	long long points; /* hundredths */
	union {
		const struct red_rec *rec; /* its record kept (input.c) */
		long long mark;		   /* rd_mark's, when again */
	} at;
	uint32_t vol; /* volunteer index (group.c) */
	int32_t day, tod;
	uint32_t item; /* pool id */
	uint32_t line; /* when again */
	uint16_t file; /* when again: its reader */
	char again;    /* read again at its mark, not kept */
};

/* A volunteer. */
struct vol {
	uint32_t id;	     /* pool id of the volunteer_id */
	uint32_t name, team; /* of the latest service record (ids in
				data.names, data.strs) */
	uint32_t nsvc;	     /* service records (merged ones too) */
	/* the ledger's figures, as of --as-of (ledger.c) */
	long long hours, earned, redeemed, expired, unverified;
	/* in the period (teams, rank) */
	long long p_hours, p_earned;
	int star;
};

/* All that was read (input.c). */
struct data {
	struct svc *svc;
	size_t nsvc, capsvc;
	uint32_t *svc_team; /* the pool id of each one's team (teams) */
	struct red *red;
	size_t nred, capred;
	struct vol *vol;
	size_t nvol, capvol;
	struct intern *ids;   /* volunteer ids */
	struct intern *names; /* volunteers' names */
	struct intern *strs;  /* teams, projects, kinds, items */
	uint32_t *order;      /* vol_order's, once made */
	const char **files;   /* the input files' names, for messages */
	size_t nfiles;
	size_t *svc_from;   /* the first service of each file (nfiles) */
	struct jump *jumps; /* the services' lines (svc_line) */
	size_t njump, capjump;
	long next_line;		 /* the line of the next service with no jump */
	long long *mult_by_text; /* the multiplier of a kind by its pool id */
	uint32_t nmult;		 /* (ids past them: the default multiplier) */
	unsigned long long used; /* records taken (for in = out + ...) */
	unsigned long long merged; /* of them, services merged */
};
/* Each thread's: a worker's (jobs.c) is taken into the main thread's. */
extern _Thread_local struct data data;
void input_read(int nfiles, char *const *files);
/* The columns of a file's fields (-1: none). */
struct cols {
	long id, name, team, project, date, hours, kind, verified, points, item;
};
/* One record of a file of columns c (read by this thread). */
void input_take(const struct rec *rec, const struct cols *c);
/* This thread's pools (data.ids, strs, names), the kinds first in strs;
 * room for the records of size bytes of a file of columns c (NULL: none),
 * read by r, the file-th input. */
void input_pools(unsigned long long size, const struct cols *c, struct rd *r,
    uint16_t file);
/* The memory of this thread's redemptions' records kept (for a rejection
 * after the reading) handed over by a worker, taken or let go by the main
 * thread; red_shift: the line of d, kept or as kept, moved by shift. */
struct keep_part {
	char **chunk;
	size_t n;
};
void input_kept_hand(struct keep_part *k);
void input_kept_take(struct keep_part *k);
void input_kept_free(struct keep_part *k);
void red_shift(struct red *d, long shift);
/* What this thread's reading kept for itself (buffers, pending records,
 * the index of texts) let go. */
void input_thread_free(void);

/*
 * jobs.c: a file of service records or redemptions (not both) read in
 * parts by opt.jobs threads (rd_parts), taken in order into this thread's
 * data as one pass takes them; the records read (given), or JOBS_NONE when
 * it is not to be (one thread, standard input, --strict, --progress...).
 */
#define JOBS_NONE ((size_t)-1)
size_t jobs_read(struct rd *r, const struct cols *c, uint16_t file);
/* The worker's records that jobs_read left to copy (by threads: the
 * table data.svc is not to be read or grown before) copied; drop: and the
 * grouping of jobs_group let go (before services are added). */
void jobs_wait(int drop);
/* Before a file of redemptions alone: the services grouped by volunteer
 * meanwhile (ledger.c's group), by a thread; jobs_grouped: 1 and the
 * grouping when it is of the services as they are now, else 0. */
void jobs_group(void);
int jobs_grouped(uint32_t **at, uint32_t **idx);
/* The index of the file service s was read from, and its line there
 * (0xFFFFFFFF past that). */
uint16_t svc_file(const struct svc *s);
uint32_t svc_line(const struct svc *s);
/* Service data.nsvc (the next) is on line (a jump when not the one after
 * the last's; svc_jump keeps one). */
void svc_jump(long line);
static inline void
svc_at_line(long line)
{
	if (line != data.next_line)
		svc_jump(line);
	data.next_line = line + 1;
}
/* The pool id (data.strs) of k, through an index of one line a text (for
 * the texts of SKEY_MAX bytes or fewer). */
uint32_t strs_put(const struct skey *k);
/* k's slot asked for before strs_put needs it. */
void strs_ahead(const struct skey *k);
void strs_free(void);

/* group.c: the index of the volunteer of this id (made when new); the
 * index of the volunteers, and the latest service record of each as read
 * (vol_service), let go by vol_free. */
uint32_t vol_find(const struct skey *id);
void vol_reserve(size_t n);
/* Its slot asked for before vol_find needs it. */
void vol_ahead(const struct skey *id);
/*
 * The volunteer of id (its words, no hash) in *vi when it is the one as
 * many after the last known as records were read since, or that one
 * (records that come round the volunteers in the order met, or each
 * volunteer's together): 1, else 0 for vol_find.  vol_seen: vi found for
 * the record age records before the last read.
 */
int vol_guess(const struct skey *id, uint32_t *vi);
void vol_seen(uint32_t vi, uint32_t age);
/* What vol_team and vol_service need of volunteer vi asked for. */
void vol_hot_ahead(uint32_t vi);
/*
 * A service record of s->vol taken, of team (pool id), named name (its
 * text of SKEY_MAX bytes or fewer as words, else kept as text): the count
 * of the volunteer's records, the name and team of the latest.
 */
void vol_service(const struct svc *s, uint32_t team, const struct skey *name);
/* Each volunteer's count of service records so far, into n[0..nvol). */
void vol_counts(uint32_t *n);
/* After the reading: each volunteer's count, name and team in data.vol. */
void vol_settle(void);
void vol_free(void);
/* A worker's volunteers, as its reading kept them (jobs.c): taken from
 * its thread by vol_detach; found or made in this thread's by vol_join,
 * in the order met (vmap: their indices here, by their indices in d),
 * what the reading keeps of each taken as if its records were read here
 * after those before (smap: d's texts' ids here); then let go
 * (vol_part_free, when not taken). */
struct vol_part;
struct vol_part *vol_detach(void);
void vol_join(struct vol_part *p, const struct data *d, const uint32_t *smap,
    uint32_t *vmap);
void vol_part_free(struct vol_part *p);
/* Room for more services (and their teams, for the teams report). */
void svc_room(size_t more);

/*
 * ahead.c: a record read and checked (input.c), its lookups left until
 * AHEAD more are read: meanwhile the slots of its volunteer and project
 * come into the caches (each was a miss of 50 to 100 ns).  Its texts as
 * words (copied when longer), the reader's buffer being gone by then.
 */
struct pend {
	int red;   /* a redemption (d), else a service record (s) */
	int found; /* its volunteer found: vol */
	uint32_t vol;
	int ktext_known; /* s.ktext set, else the text of kind */
	long line;	 /* of a service record */
	struct svc s;	 /* but vol and project (and ktext) */
	struct red d;	 /* but vol and item (the text of kind) */
	struct skey id, project, team, name, kind;
	struct buf copy[5];
};
/* The record to fill, then pend_push to leave it pending. */
struct pend *pend_slot(void);
void pend_push(void);
/* Every record pending taken (at the end of a file). */
void pend_flush(void);
void pend_free(void);
/* The team of the latest service record of volunteer vi, when it is the
 * text of team (no hash, no lookup: mostly so), else strs_put's. */
uint32_t vol_team(uint32_t vi, struct skey *team);

/* After the last rejection: the readers closed. */
void input_close(void);
/* All that was read let go (for a fuzz target that reads again). */
void input_reset(void);
/* Reject a redemption after the reading (its record kept). */
void red_reject(const struct red *d, const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The ledger (ledger.c): events handed to a report as they happen. */
enum ev_kind { EV_EARN, EV_REDEEM, EV_EXPIRE };
struct event {
	enum ev_kind kind;
	const struct vol *v;
	long long t;	     /* its time (seconds), day * DAY_SECS + tod */
	const struct svc *s; /* EV_EARN */
	const struct red *d; /* EV_REDEEM */
	long month;	     /* EV_EXPIRE: the month the points were earned */
	long long hours;     /* EV_EARN: counted hours */
	long long change;    /* + earned, - redeemed or expired */
	long long balance;   /* after it */
};
/* Each volunteer's ledger; each event to ev (NULL: none), each service
 * kept (verified or not) to svc (NULL: none) with its counted hours and
 * points and whether it is in the period of the date options. */
struct ledger_cb {
	void (*ev)(const struct event *e, void *arg);
	void (*svc)(const struct svc *s, long long hours, long long points,
	    int in_period, void *arg);
	void *arg;
};
void ledger_run(const struct ledger_cb *cb);
/* The ledgers of the volunteers order[from..to) (by this thread). */
void ledger_span(const struct ledger_cb *cb, const uint32_t *order, size_t from,
    size_t to);
/*
 * A thread of the ledger's (jobs.c) keeps its rejections (ledger_defer),
 * and hands them with the records it merged (ledger_hand) to the main
 * thread, which rejects and counts them in their turn (ledger_take).
 */
struct refusal {
	const struct red *d;
	const char *reason;
	char *msg;
};
/* A record merged into another: where each was read. */
struct merge {
	uint32_t dup_line, kept_line;
	uint16_t dup_file, kept_file;
};
struct ledger_left {
	struct refusal *rf;
	size_t nrf;
	struct merge *m;
	size_t nm;
};
void ledger_defer(void);
void ledger_hand(struct ledger_left *l);
void ledger_take(struct ledger_left *l);
/* jobs.c: ledger_span over the volunteers in order, in spans of a thread
 * each when the report takes no events (balance, rank, stars). */
void jobs_ledger(const struct ledger_cb *cb, const uint32_t *order);
/* The volunteers' indices by volunteer_id (byte order), made once
 * (group.c). */
const uint32_t *vol_order(void);

/* report.c */
void report_write(void);

/* n bytes, in huge pages when they are 1 MiB or more (xhuge: a huge page
 * zeroed costs about as much as 256 small ones faulted in). */
void *vp_alloc(size_t n);
/* n zeroed bytes aligned on 64 (whole lines of the caches), in huge pages
 * from 1 MiB; *mem is what to free() (skey.c). */
void *vp_lines(size_t n, void **mem);
/* p, of *cap items of size bytes, grown to twice as many (at first 2 MiB
 * of them) in huge pages. */
void *vp_grow(void *p, size_t *cap, size_t size);

/* "12.50", "-3.00": a number of hundredths into buf (at least 32 bytes). */
size_t hundredths_fmt(long long v, char *buf);

#endif
