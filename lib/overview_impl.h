/* The inside of a paroer_overview result (lib/overview.c computes it,
 * lib/overview_write.c writes its JSON and CSV). Names come from the
 * library's static table and policy ids are copied into the result's arena,
 * so it outlives the catalog. */
#ifndef PR_OVERVIEW_IMPL_H
#define PR_OVERVIEW_IMPL_H

#include "coverage_impl.h"
#include <paroer/overview.h>

typedef struct pr_ov_row {
    int32_t municipality;
    const char *name;            /* static; "" when the code is not in the shipped list */
    const char *policy_id;       /* arena copy, or NULL */
    uint32_t offers_live, local_offers;
    uint32_t kinds;              /* paroer_offer_kind bits of the live local offers */
    uint32_t covered_cells, cells;
    double overall;
    int8_t checks[PAROER_OVERVIEW_CHECKS]; /* paroer_check_status */
    uint32_t goals, goals_unrealised, goals_organisational;
} pr_ov_row;

struct paroer_overview {
    paroer_allocator alloc;
    pr_arena arena;
    int32_t date;
    pr_ov_row *rows; size_t n_rows;
    size_t summary_checks[PAROER_OVERVIEW_CHECKS][3];
    size_t with_local;
    size_t by_kind[PR_N_KIND];
};

#endif
