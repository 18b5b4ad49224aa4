/* The inside of a paroer_coverage result (lib/coverage.c computes the matrix,
 * the policy coverage and the checks; lib/coverage_population.c population
 * reach; lib/coverage_json.c writes the JSON). The result owns copies of every
 * string it reports (in its arena), so it outlives the catalog. */
#ifndef PR_COVERAGE_IMPL_H
#define PR_COVERAGE_IMPL_H

#include "model.h"
#include "population_impl.h"
#include <paroer/coverage.h>

#define PR_N_CHECKS 6
#define PR_N_BREAKDOWNS 4
#define PR_SOON_DAYS 90      /* "due within 90 days" */

typedef struct pr_gap { uint8_t band, relation, condition, need; } pr_gap;

typedef struct pr_goal_cov {
    const char *id;
    int organisational;
    const char **realised_by; size_t n_realised;
} pr_goal_cov;

typedef struct pr_check {
    const char *code;
    int32_t status;              /* paroer_check_status */
    const char *detail[2];       /* PAROER_LANG_DA, PAROER_LANG_EN */
} pr_check;

typedef struct pr_bd_cell {
    int32_t code;
    int suppressed;
    uint64_t relatives, reached, needs_met;   /* all 0 when suppressed */
    uint64_t reached_possible, needs_met_possible;   /* upper bounds (contract 4a) */
} pr_bd_cell;

typedef struct pr_unmet_pair { int32_t need, condition; uint64_t relatives; } pr_unmet_pair;

typedef struct pr_alloc_entry {
    const char *offer_id;
    uint32_t offer;              /* catalog index */
    int64_t capacity;
    uint64_t served, waitlisted;
} pr_alloc_entry;

typedef struct pr_pair_count { size_t covered, pairs; } pr_pair_count;

struct paroer_coverage {
    paroer_allocator alloc;
    pr_arena arena;
    int32_t municipality, date, lang;
    uint32_t min_cell, max_unmet;
    int has_matrix, has_population;

    /* target-group coverage: the needs covered in each cell */
    uint16_t covered[PR_N_AGE_BAND][PR_N_RELATION][PR_N_CONDITION];
    size_t n_cells;
    double overall;
    double by_need[PR_N_NEED], by_condition[PR_N_CONDITION], by_relation[PR_N_RELATION],
        by_age_band[PR_N_AGE_BAND];
    /* the integer counts behind each share (contract 5a): covered (cell, need)
     * pairs and all pairs; index 0 of count_overall only */
    pr_pair_count count_overall, count_need[PR_N_NEED], count_condition[PR_N_CONDITION],
        count_relation[PR_N_RELATION], count_age_band[PR_N_AGE_BAND];
    pr_gap *gaps; size_t n_gaps;
    const char **bereaved[PR_N_NEED]; size_t n_bereaved[PR_N_NEED];

    /* policy coverage */
    const char *policy_id;
    pr_goal_cov *goals; size_t n_goals;

    /* checks */
    pr_check checks[PR_N_CHECKS]; size_t n_checks;

    /* population reach */
    uint64_t pop_relatives, pop_rejected, pop_reached, pop_met;
    int pop_suppressed;          /* fewer than min_cell relatives: reached/needs_met not published (5a) */
    uint64_t pop_reached_possible, pop_met_possible;   /* upper bounds (4a) */
    uint64_t pop_partial;        /* relatives with unknown facts: the bounds are written when > 0 */
    pr_bd_cell *bd[PR_N_BREAKDOWNS]; size_t n_bd[PR_N_BREAKDOWNS];
    pr_unmet_pair *unmet; size_t n_unmet;
    pr_alloc_entry *alloc_entries; size_t n_alloc;
};

/* 1 when the cell exists (no under-18 spouse_partner or parent). */
int pr_cell_exists(int band, int relation);
/* 1 when the offer is live in `municipality` (-1: anywhere) on `date`. */
int pr_offer_live(const struct paroer_offer *o, int32_t municipality, int32_t date);
/* Copies a string into the result's arena ("" for NULL); NULL on failure. */
const char *pr_cov_strdup(paroer_coverage *cov, const char *s);

/* The policy checks (policy_present, policy_current, action_plan_due) of `pol`
 * (NULL: none) on cov->date into cov->checks[1..3]; the overview shares them
 * (lib/overview.c). Needs cov->date, cov->municipality and cov->arena set.
 * Returns 0 or PAROER_ENOMEM. */
int pr_coverage_policy_checks(paroer_coverage *cov, const paroer_policy *pol);

/* Population reach (lib/coverage_population.c). Returns 0 or PAROER_ENOMEM. */
int pr_coverage_population(paroer_coverage *cov, const paroer_catalog *c, const paroer_population *pop);
/* Population reach in pieces (lib/coverage_population.c), for the streaming
 * reader (lib/population_stream.c): a pr_reach holds the compiled offers
 * (read-only once made, tables built on first use under a lock), each
 * thread adds relatives to its own pr_reach_acc, pieces are merged in file
 * order, and pr_reach_finish() writes the result into the coverage. */
typedef struct pr_reach pr_reach;
typedef struct pr_reach_acc pr_reach_acc;
int pr_reach_new(pr_reach **out, paroer_coverage *cov, const paroer_catalog *c);
void pr_reach_free(pr_reach *R);
int pr_reach_acc_new(const pr_reach *R, pr_reach_acc **out);
void pr_reach_acc_free(const pr_reach *R, pr_reach_acc *A);
int pr_reach_add(pr_reach *R, pr_reach_acc *A, const pr_pop_relative *r, const pr_pop_relation *rn, uint32_t n);
int pr_reach_merge(const pr_reach *R, pr_reach_acc *into, pr_reach_acc *from);
int pr_reach_finish(pr_reach *R, pr_reach_acc *A);

/* Population reach streamed from a CSV file (lib/population_stream.c). */
int pr_coverage_population_file(paroer_coverage *cov, const paroer_catalog *c, const char *path,
                                const paroer_load_options *lo, uint32_t threads, paroer_parallel_for_fn pfor,
                                void *pctx);
/* The number of threads for `threads` (0: the cores), 1..64. */
unsigned pr_stream_threads(uint32_t threads);

/* For tests: the catalog indexes of the offers eligible for relative i of
 * `pop` on `date` by population reach's fast path, ascending, written to
 * out[0..cap); returns how many (may exceed cap), or a negative status. */
int64_t pr_population_eligible(const paroer_catalog *c, const paroer_population *pop, size_t i, int32_t date,
                               uint32_t *out, size_t cap);

#endif
