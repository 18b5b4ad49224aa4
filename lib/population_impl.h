/* The compact in-memory form of a population (lib/population.c), read
 * directly by population reach (lib/coverage_population.c).
 *
 * A national file holds two million relatives, and on many machines touching
 * fresh memory costs more than parsing, so the records are small: 16 bytes a
 * relative, 8 bytes a relation, ids in one string pool, and an id table of
 * 32-bit entries. Every code list is a bit mask as in model.h. */
#ifndef PR_POPULATION_IMPL_H
#define PR_POPULATION_IMPL_H

#include "model.h"

#define PR_POP_AGE_UNKNOWN 255u   /* cared_for_age not given */

typedef struct pr_pop_relation {
    uint16_t conditions;     /* paroer_condition bits */
    uint16_t hours;          /* hours a week in hundredths (0..16800) */
    uint8_t relation;        /* paroer_relation */
    uint8_t flags;           /* paroer_flag bits: COHABITING, CARED_AT_HOME, TERMINAL, BEREAVED */
    uint8_t cared_for_age;   /* 0..130, or PR_POP_AGE_UNKNOWN */
    uint8_t pad;
} pr_pop_relation;

typedef struct pr_pop_relative {
    uint32_t first;          /* index of its first relation; they run to the next relative's first */
    uint32_t id;             /* offset of its NUL-terminated id in the pool */
    uint16_t municipality;   /* 1..999 */
    uint16_t needs;          /* paroer_need bits; 0 = none stated */
    uint8_t age;             /* 0..130 */
    uint8_t employed;        /* 0/1 */
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

#endif
