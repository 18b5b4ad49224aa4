/* Internal side of matching (lib/match.c, match_rank.c, match_json.c).
 *
 * Matching works on two compact views:
 * - pr_moff: the fields of an offer that eligibility and ranking read, packed
 *   into one 64-byte cache line. A matcher keeps an array of them for its
 *   catalog; the one-shot paroer_match() builds each on the fly.
 * - pr_mquery: a relative prepared once per match (masks, interned language
 *   ids, one pr_mrel per relation).
 * Nothing here is exported. */
#ifndef PR_MATCH_INTERNAL_H
#define PR_MATCH_INTERNAL_H

#include "model.h"
#include <paroer/match.h>
#include <string.h>

/* ---- compact views ----------------------------------------------------------- */

enum {
    PR_MOFF_NATIONWIDE = 1u << 0,
    PR_MOFF_LIFTED = 1u << 1,     /* respite_home, respite_away or counselling: strain lifts it */
    PR_MOFF_PAUSED = 1u << 2,
    PR_MOFF_WAITLIST = 1u << 3
};

/* Bit 31 is no code of any list: set in an offer's mask it means "the other
 * side gave nothing, so this passes"; an all-ones mask means "any". Every
 * list test is then one AND: (offer_x & query_x) != 0. */
#define PR_ANY_BIT (1u << 31)

typedef struct pr_moff {
    uint32_t needs_x;      /* needs | PR_ANY_BIT */
    uint32_t modes_x;      /* modes | PR_ANY_BIT */
    uint32_t slots_x;      /* slots | PR_ANY_BIT, or all ones when flexible */
    uint32_t rel_x;        /* target relations, or all ones for any */
    uint32_t cond_x;       /* target conditions, or all ones for any */
    uint32_t t_requires;   /* paroer_flag bits */
    int32_t ra_min;        /* relative_age: (uint32)(age - ra_min) <= ra_span */
    uint32_t ra_span;
    int32_t cfa_min, cfa_max;
    int32_t valid_from;    /* validity: (uint32)(date - valid_from) <= valid_span; open = INT32_MIN / INT32_MAX */
    uint32_t valid_span;
    int32_t verified;      /* PAROER_DATE_NONE when unknown */
    uint32_t id_rank;      /* position of the id in byte order (matcher), else 0 */
    uint8_t flags;         /* PR_MOFF_* */
    uint8_t bereaved;      /* paroer_bereavement */
    uint8_t kind;
    uint8_t n_languages;   /* capped at 255; the rest are read from the offer */
    uint16_t lang0;        /* first language id */
    uint16_t pad_;
} pr_moff;

/* The raw masks back from the extended ones. */
static inline uint32_t pr_moff_needs(const pr_moff *m) { return m->needs_x & ~PR_ANY_BIT; }
static inline uint32_t pr_moff_relations(const pr_moff *m) { return m->rel_x == UINT32_MAX ? 0 : m->rel_x; }
static inline uint32_t pr_moff_conditions(const pr_moff *m) { return m->cond_x == UINT32_MAX ? 0 : m->cond_x; }

typedef struct pr_mrel {
    uint32_t rel_bit;      /* 1 << relation */
    uint32_t cond_x;       /* conditions | PR_ANY_BIT */
    int32_t cared_for_age; /* -1 unknown */
    uint32_t flags;        /* paroer_flag bits, with EMPLOYED from the relative */
    uint8_t bereaved;      /* 0/1 */
    uint8_t heavy;         /* >= 20 hours a week or terminal */
} pr_mrel;

#define PR_MQ_INLINE_RELS 8
#define PR_MQ_INLINE_LANGS 8

typedef struct pr_mquery {
    int32_t date, age, municipality;
    uint32_t needs;                           /* stated needs (0 = none) */
    uint32_t needs_x, modes_x, slots_x;       /* the mask, or PR_ANY_BIT when not given */
    uint32_t rel_union, cond_union;           /* over the relations (cond_union has PR_ANY_BIT) */
    uint64_t lang_mask;                       /* language ids < 64 */
    const uint16_t *lang_hi; size_t n_lang_hi;/* language ids >= 64 */
    const pr_mrel *rels; size_t n_rels;
} pr_mquery;

/* Fills *m from an offer. */
void pr_moff_fill(pr_moff *m, const struct paroer_offer *o, uint16_t lang_da);

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
} pr_mentry;

typedef struct pr_mexcl {
    uint32_t offer;
    uint8_t code;          /* PR_EX_* */
} pr_mexcl;

/* Exclusion codes: one per distinct contract code string. */
enum {
    PR_EX_PAUSED = 0, PR_EX_INACTIVE, PR_EX_AREA, PR_EX_RELATIVE_AGE, PR_EX_RELATION, PR_EX_CONDITION,
    PR_EX_CARED_FOR_AGE, PR_EX_REQUIRES0, /* + paroer_flag */
    PR_EX_BEREAVED = PR_EX_REQUIRES0 + PR_N_FLAG, PR_EX_MODE, PR_EX_SLOT, PR_EX_LANGUAGE, PR_EX_NEED,
    PR_EX_COUNT
};

/* Reason codes (see the table in match_rank.c). */
enum {
    PR_RS_NEED0 = 0,                              /* + paroer_need */
    PR_RS_CONDITION0 = PR_RS_NEED0 + PR_N_NEED,   /* + paroer_condition */
    PR_RS_RELATION0 = PR_RS_CONDITION0 + PR_N_CONDITION,
    PR_RS_REQUIRES0 = PR_RS_RELATION0 + PR_N_RELATION,
    PR_RS_BEREAVED = PR_RS_REQUIRES0 + PR_N_FLAG,
    PR_RS_STRAIN_HIGH, PR_RS_WAITLIST, PR_RS_STALE,
    PR_RS_COUNT
};
#define PR_MAX_REASONS 40  /* an upper bound on reasons per match (>= PR_RS_COUNT) */

struct paroer_match_result {
    paroer_allocator alloc;
    const paroer_catalog *catalog;
    char *relative_id; size_t cap_relative_id;
    int32_t date;
    int explain;
    size_t n_eligible;                         /* before the top-N cut */
    pr_mentry *entries; size_t n_entries, cap_entries;
    uint8_t *reasons; size_t n_reasons, cap_reasons;
    pr_mexcl *excluded; size_t n_excluded, cap_excluded;
};

/* ---- ranking (the score here, inline for the hot loop; the rest in match_rank.c) ----
 * docs/matching.md is the user-facing description; keep the two in step.
 * Everything is integer arithmetic, so the ranking is the same everywhere. */

/* The score's weights (docs/matching.md, "Score"). */
enum {
    PR_W_NEED = 200,       /* per stated need the offer serves; more than all other parts can differ */
    PR_W_CONDITION = 20,   /* the target names conditions (so the matched one) */
    PR_W_RELATION = 10,    /* the target names relations (so the matched one) */
    PR_W_REQUIRES = 10,    /* per required flag (all hold for the matched relation) */
    PR_W_BEREAVED = 10,    /* the target is for bereaved relatives only */
    PR_W_STRAIN = 30,      /* heavy strain and a respite_* or counselling offer */
    PR_W_WAITLIST = -40,   /* status waitlist */
    PR_W_STALE = -20       /* verified more than 365 days before the date */
};

#define PR_STALE_DAYS 365

/* Index of the lowest set bit of a non-zero v. */
static inline unsigned pr_ctz32(uint32_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctz(v);
#else
    unsigned b = 0;
    while (!(v & 1u)) { v >>= 1; b++; }
    return b;
#endif
}

static inline unsigned pr_ctz64(uint64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(v);
#else
    unsigned b = 0;
    while (!(v & 1u)) { v >>= 1; b++; }
    return b;
#endif
}

/* Population count: the instruction where the target has one, else SWAR
 * (no libgcc call). */
static inline int pr_popcount32(uint32_t v)
{
#if (defined(__GNUC__) || defined(__clang__)) && defined(__POPCNT__)
    return __builtin_popcount(v);
#else
    v = v - ((v >> 1) & 0x55555555u);
    v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
    v = (v + (v >> 4)) & 0x0F0F0F0Fu;
    return (int)((v * 0x01010101u) >> 24);
#endif
}

/* Stale: verified more than 365 days before the date. */
static inline int pr_offer_is_stale(int32_t verified, int32_t date)
{
    return verified != PAROER_DATE_NONE && (int64_t)date - (int64_t)verified > PR_STALE_DAYS;
}

/* Score of an eligible offer matched through relation `rel`. */
static inline int32_t pr_match_score(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel)
{
    int32_t s = PR_W_NEED * pr_popcount32(o->needs_x & q->needs);
    if (pr_moff_conditions(o)) s += PR_W_CONDITION;
    if (pr_moff_relations(o)) s += PR_W_RELATION;
    s += PR_W_REQUIRES * pr_popcount32(o->t_requires);
    if (o->bereaved == PAROER_BEREAVEMENT_ONLY) s += PR_W_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && rel->heavy) s += PR_W_STRAIN;
    if (o->flags & PR_MOFF_WAITLIST) s += PR_W_WAITLIST;
    if (pr_offer_is_stale(o->verified, q->date)) s += PR_W_STALE;
    return s;
}

/* Writes the reason codes (PR_RS_*) of a match to out[PR_MAX_REASONS]; returns how many. */
size_t pr_match_reasons(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel, uint8_t *out);
/* 1 when a ranks before b: higher score, then (through the key's low half,
 * or byte order of the ids when no id ranks are known) lower id. */
static inline int pr_mentry_before(const pr_mentry *a, const pr_mentry *b)
{
    if (a->key != b->key) return a->key > b->key;
    return strcmp(a->id, b->id) < 0; /* strcmp compares as unsigned char */
}
/* Sorts entries best first. */
void pr_mentry_sort(pr_mentry *e, size_t n);
/* Static code strings. */
const char *pr_reason_code(unsigned reason);
const char *pr_exclusion_code(unsigned code);

/* ---- an entry point for benchmarks and cross-checks ------------------------------
 * Writes the catalog indexes of the offers eligible for `r` on `date`
 * (PAROER_DATE_NONE: today), in ascending index order, to out[0..cap), without
 * ranking, reasons or result objects. Returns the number of eligible offers
 * (may exceed cap), or a negative paroer_status. Thread-safe like paroer_match(). */
int64_t pr_match_eligible(const paroer_catalog *c, const paroer_relative *r, int32_t date, uint32_t *out,
                       size_t cap);

#endif
