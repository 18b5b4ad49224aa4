/* Internal side of matching (lib/match.c, match_rank.c, match_json.c): the
 * result object. Matching works on the compact views of rules.h: pr_moff
 * (a matcher keeps an array of them for its catalog; the one-shot
 * paroer_match() builds each on the fly) and pr_mquery (a relative prepared
 * once per match). Nothing here is exported. */
#ifndef PR_MATCH_INTERNAL_H
#define PR_MATCH_INTERNAL_H

#include "rules.h"
#include <paroer/match.h>
#include <string.h>

/* The compact views (pr_moff, pr_mquery, pr_mrel), the rules, the score
 * and the reasons are in rules.h. */

/* ---- results --------------------------------------------------------------- */

typedef struct pr_mentry {
    int64_t key;           /* (score << 32) | (UINT32_MAX - id_rank): larger ranks first */
    const char *id;        /* for ties when no id ranks are known */
    int32_t score;
    uint32_t offer;        /* index in the catalog */
    uint32_t relation;     /* index in the relative */
    uint32_t reason_off;   /* into result->reasons */
    uint8_t n_reasons;
    uint8_t outcome;       /* paroer_outcome */
    uint8_t missing;       /* possible: PR_FACT_* bits */
} pr_mentry;

typedef struct pr_mexcl {
    uint32_t offer;
    uint8_t code;          /* PR_EX_* */
} pr_mexcl;

struct paroer_match_result {
    paroer_allocator alloc;
    const paroer_catalog *catalog;
    char *relative_id; size_t cap_relative_id;
    int32_t date;
    int explain;
    size_t n_eligible;                         /* before the top-N cut */
    size_t n_possible;                         /* before the top-N cut */
    int unknowns;                              /* the relative had unknown facts (possible outcomes asked for) */
    size_t n_entries_eligible;                 /* entries[0 .. n) eligible, the rest possible */
    pr_mentry *entries; size_t n_entries, cap_entries;
    pr_mentry *pentries; size_t cap_pentries;  /* every possible offer (n_possible), for the questions */
    pr_question *questions; size_t n_questions, cap_questions;
    uint8_t *reasons; size_t n_reasons, cap_reasons;
    pr_mexcl *excluded; size_t n_excluded, cap_excluded;
};

/* ---- ranking ---------------------------------------------------------------- */

static inline unsigned pr_ctz64(uint64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(v);
#else
    unsigned b = 0;
    while (!(v & 1u)) { v >>= 1; b++; }
    return b;

/* The reference evaluation (pr_rules_eval) of every offer of `c` for `r`:
 * out[0 .. n_offers). The slow, obvious path the fast ones are checked
 * against. Returns 0 or a negative paroer_status. */
int pr_match_reference(const paroer_catalog *c, const paroer_relative *r, int32_t date, pr_verdict *out);

#endif
}

/* 1 when a ranks before b: higher score, then (through the key's low half,
 * or byte order of the ids when no id ranks are known) lower id. */
static inline int pr_mentry_before(const pr_mentry *a, const pr_mentry *b)
{
    if (a->key != b->key) return a->key > b->key;
    return strcmp(a->id, b->id) < 0; /* strcmp compares as unsigned char */
}
/* Sorts entries best first. */
void pr_mentry_sort(pr_mentry *e, size_t n);

/* ---- an entry point for benchmarks and cross-checks ------------------------------
 * Writes the catalog indexes of the offers eligible for `r` on `date`
 * (PAROER_DATE_NONE: today), in ascending index order, to out[0..cap), without
 * ranking, reasons or result objects. Returns the number of eligible offers
 * (may exceed cap), or a negative paroer_status. Thread-safe like paroer_match(). */
int64_t pr_match_eligible(const paroer_catalog *c, const paroer_relative *r, int32_t date, uint32_t *out,
                       size_t cap);


/* The reference evaluation (pr_rules_eval) of every offer of `c` for `r`:
 * out[0 .. n_offers). The slow, obvious path the fast ones are checked
 * against. Returns 0 or a negative paroer_status. */
int pr_match_reference(const paroer_catalog *c, const paroer_relative *r, int32_t date, pr_verdict *out);

#endif
