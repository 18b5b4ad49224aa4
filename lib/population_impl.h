/* The compact in-memory form of a population (lib/population.c), the
 * streaming reader over a population CSV (lib/population_stream.c), and the
 * per-relative evaluation of population reach (lib/coverage_population.c).
 *
 * A national file holds two million relatives, and on many machines touching
 * fresh memory costs more than parsing, so the records are small: 16 bytes a
 * relative, 8 bytes a relation, ids in one string pool, and an id table of
 * 32-bit entries. Every code list is a bit mask as in model.h. */
#ifndef PR_POPULATION_IMPL_H
#define PR_POPULATION_IMPL_H

#include "model.h"
#include "csv.h"
#include <paroer/population.h>

#define PR_POP_AGE_UNKNOWN 255u   /* cared_for_age not given; a relative's age `?` (range 0..130) */
#define PR_POP_EMPLOYED_UNKNOWN 2u

/* pr_pop_relation.unknown: paroer_flag bits of the relation's flags given as
 * `?`, and: */
#define PR_POP_U_CONDITIONS (1u << 5)   /* conditions `?` (any non-empty set) */
#define PR_POP_U_CFA (1u << 6)          /* cared_for_age `?` (0..130; not the same as empty) */

typedef struct pr_pop_relation {
    uint16_t conditions;     /* paroer_condition bits */
    uint16_t hours;          /* hours a week in hundredths (0..16800) */
    uint8_t relation;        /* paroer_relation */
    uint8_t flags;           /* paroer_flag bits: COHABITING, CARED_AT_HOME, TERMINAL, BEREAVED (known true) */
    uint8_t cared_for_age;   /* 0..130, or PR_POP_AGE_UNKNOWN */
    uint8_t unknown;         /* PR_POP_U_* and unknown flag bits; 0 when all is known */
} pr_pop_relation;

typedef struct pr_pop_relative {
    uint32_t first;          /* index of its first relation; they run to the next relative's first */
    uint32_t id;             /* offset of its NUL-terminated id in the pool */
    uint16_t municipality;   /* 1..999 */
    uint16_t needs;          /* paroer_need bits; 0 = none stated */
    uint8_t age;             /* 0..130, or PR_POP_AGE_UNKNOWN */
    uint8_t employed;        /* 0/1, or PR_POP_EMPLOYED_UNKNOWN */
    uint8_t modes, slots;    /* 0 = not given */
} pr_pop_relative;

struct paroer_population {
    paroer_allocator alloc;
    char *source;
    pr_pop_relative *rel; size_t n_rel, cap_rel;
    uint32_t *line;                      /* line of each relative's first row (0 beyond 2^32) */
    pr_pop_relation *rn; size_t n_rn, cap_rn;
    char *ids; size_t n_ids, cap_ids;
    /* id -> relative, open addressing: entry = (tag & ~mask) | (index + 1), 0 = empty */
    uint32_t *table; size_t table_cap;
    size_t rejected;
};

/* Number of relations of relative i. */
static inline uint32_t pr_pop_nrel(const struct paroer_population *p, size_t i)
{
    uint32_t end = i + 1 < p->n_rel ? p->rel[i + 1].first : (uint32_t)p->n_rn;
    return end - p->rel[i].first;
}

/* 1 when some fact of the relative is unknown (`?`). */
static inline int pr_pop_partial(const pr_pop_relative *r, const pr_pop_relation *rn, uint32_t n)
{
    if (r->age == PR_POP_AGE_UNKNOWN || r->employed == PR_POP_EMPLOYED_UNKNOWN) return 1;
    for (uint32_t j = 0; j < n; j++)
        if (rn[j].unknown) return 1;
    return 0;
}

/* ---- reading rows: shared by the stored loader and the streaming reader ---------- */

#define PR_POP_MAX_FIELDS 64

typedef struct pr_pop_reader pr_pop_reader;   /* header, code tables, memo (lib/population.c) */

/* One row error, its lines relative to the piece it was found in. */
typedef struct pr_pop_error {
    int64_t line;            /* the row's line */
    int64_t ref_line;        /* > 0: " (line N)" is appended to the message, N this line */
    int code;                /* PAROER_ESCHEMA or PAROER_EPARSE */
    const char *column;      /* static column name, or "" */
    char msg[512];
} pr_pop_error;

/* What a scan hands out: each complete relative (its first row's line), and
 * each bad row. Either callback returns 0 to go on, or a status to stop. */
typedef struct pr_pop_sink {
    void *ctx;
    /* A good row starts a new relative: 1 rejects the row (the reader holds
     * the error), 0 accepts it, a negative status stops. May be NULL. */
    int (*begin)(void *ctx, const char *id, size_t id_len);
    int (*relative)(void *ctx, const char *id, size_t id_len, const pr_pop_relative *r, const pr_pop_relation *rn,
                    uint32_t n, int64_t line);
    int (*error)(void *ctx, const pr_pop_error *e);
} pr_pop_sink;

/* Creates a reader for `source` (borrowed) from the load options (allocator,
 * diagnostics, flags, max_errors). */
int pr_pop_reader_new(pr_pop_reader **out, const char *source, const paroer_load_options *opts);
/* A reader with the same header for another thread (its own memo). */
int pr_pop_reader_clone(pr_pop_reader **out, const pr_pop_reader *from);
void pr_pop_reader_free(pr_pop_reader *rd);
/* Reads the header from the start of a file (data[0..len), at least its
 * first line). On success *body is the offset of the first data line and
 * *body_line its line number, and `sep` the separator. A header problem is
 * recorded (diagnostics, error record) and returned. */
int pr_pop_reader_header(pr_pop_reader *rd, const char *data, size_t len, int final, size_t *body,
                         int64_t *body_line);
char pr_pop_reader_sep(const pr_pop_reader *rd);
size_t pr_pop_reader_id_field(const pr_pop_reader *rd);
int pr_pop_reader_strict(const pr_pop_reader *rd);
uint32_t pr_pop_reader_max_errors(const pr_pop_reader *rd);
paroer_diagnostics *pr_pop_reader_diagnostics(const pr_pop_reader *rd);
const char *pr_pop_reader_source(const pr_pop_reader *rd);
const paroer_allocator *pr_pop_reader_allocator(const pr_pop_reader *rd);

/* Reads every row of data[0..len) (whole lines; the first at `line`) and
 * hands the relatives and bad rows to the sink. A relative's rows must lie
 * in one piece (lib/population_stream.c cuts pieces so). Counts the rows
 * read in *lines_read (line ends). Returns 0, PAROER_ENOMEM or what a sink
 * callback returned. */
int pr_pop_scan(pr_pop_reader *rd, const char *data, size_t len, int64_t line, const pr_pop_sink *sink,
                int64_t *lines_read);

/* The offset in data[lo..hi) of a line start s (lo < s <= t) where a new
 * relative begins: the first row at or after s with a readable id has
 * another id than the last such row before s. Returns 0 when there is none
 * in (lo, t]. Lines are complete up to hi (`final`: hi is the end of input). */
size_t pr_pop_split(const pr_pop_reader *rd, const char *data, size_t lo, size_t t, size_t hi, int final);

/* Records "cannot WHAT the file: WHY" for errno `err`; returns PAROER_EIO. */
int pr_pop_io_error(const char *path, const char *what, int err, paroer_diagnostics *diag);

/* Formats a row error as its diagnostic text (message and ref line), with
 * `base` added to the ref line. */
void pr_pop_error_text(const pr_pop_error *e, int64_t base, char *out, size_t cap);

#endif
