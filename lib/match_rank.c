/* Ranking of eligible offers: the reasons and the order (the score itself
 * is inline in match_internal.h). Everything is integer arithmetic, so the
 * ranking is the same on every platform and compiler. docs/matching.md is
 * the user-facing description; keep the two in step. */
#include "match_internal.h"
#include <stdlib.h>
#include <string.h>

static const char *const reason_codes[PR_RS_COUNT] = {
    /* PR_RS_NEED0 + paroer_need */
    "need:respite", "need:practical_help", "need:information", "need:education", "need:peer_support",
    "need:counselling", "need:own_health", "need:financial", "need:work_life", "need:network",
    "need:involvement",
    /* PR_RS_CONDITION0 + paroer_condition */
    "condition:frailty", "condition:dementia", "condition:physical_illness", "condition:physical_disability",
    "condition:cancer", "condition:brain_injury", "condition:mental_illness", "condition:substance_abuse",
    "condition:cognitive_disability", "condition:neurodevelopmental", "condition:social_problems",
    /* PR_RS_RELATION0 + paroer_relation */
    "relation:spouse_partner", "relation:son_daughter", "relation:parent", "relation:sibling",
    "relation:other_family", "relation:friend_neighbour",
    /* PR_RS_REQUIRES0 + paroer_flag */
    "requires:cohabiting", "requires:cared_at_home", "requires:terminal", "requires:bereaved",
    "requires:employed",
    "bereaved", "strain:high", "waitlist", "stale",
};
_Static_assert(PR_COUNT_OF(reason_codes) == PR_RS_COUNT, "reason table");
_Static_assert(PR_RS_COUNT <= PR_MAX_REASONS, "PR_MAX_REASONS");

static const char *const exclusion_codes[PR_EX_COUNT] = {
    "paused", "inactive", "area", "relative_age", "relation", "condition", "cared_for_age",
    "requires:cohabiting", "requires:cared_at_home", "requires:terminal", "requires:bereaved",
    "requires:employed",
    "bereaved", "mode", "slot", "language", "need",
};
_Static_assert(PR_COUNT_OF(exclusion_codes) == PR_EX_COUNT, "exclusion table");

const char *pr_reason_code(unsigned reason)
{
    return reason < PR_RS_COUNT ? reason_codes[reason] : NULL;
}

const char *pr_exclusion_code(unsigned code)
{
    return code < PR_EX_COUNT ? exclusion_codes[code] : NULL;
}

size_t pr_match_reasons(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel, uint8_t *out)
{
    size_t n = 0;
    /* Set bits in ascending order: the codes' order. */
    for (uint32_t m = pr_moff_needs(o) & q->needs & PR_ALL(PR_N_NEED); m; m &= m - 1)
        out[n++] = (uint8_t)(PR_RS_NEED0 + pr_ctz32(m));
    if (pr_moff_conditions(o))
        for (uint32_t m = pr_moff_conditions(o) & rel->cond_x & PR_ALL(PR_N_CONDITION); m; m &= m - 1)
            out[n++] = (uint8_t)(PR_RS_CONDITION0 + pr_ctz32(m));
    if (pr_moff_relations(o) && (rel->rel_bit & PR_ALL(PR_N_RELATION)))
        out[n++] = (uint8_t)(PR_RS_RELATION0 + pr_ctz32(rel->rel_bit));
    for (uint32_t m = o->t_requires & PR_ALL(PR_N_FLAG); m; m &= m - 1)
        out[n++] = (uint8_t)(PR_RS_REQUIRES0 + pr_ctz32(m));
    if (rel->bereaved) out[n++] = PR_RS_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && rel->heavy) out[n++] = PR_RS_STRAIN_HIGH;
    if (o->flags & PR_MOFF_WAITLIST) out[n++] = PR_RS_WAITLIST;
    if (pr_offer_is_stale(o->verified, q->date)) out[n++] = PR_RS_STALE;
    return n;
}

static int cmp_entries(const void *pa, const void *pb)
{
    const pr_mentry *a = pa, *b = pb;
    if (pr_mentry_before(a, b)) return -1;
    if (pr_mentry_before(b, a)) return 1;
    return 0;
}

void pr_mentry_sort(pr_mentry *e, size_t n)
{
    if (n < 2) return;
    if (n <= 24) {
        for (size_t i = 1; i < n; i++) {
            pr_mentry x = e[i];
            size_t j = i;
            while (j > 0 && pr_mentry_before(&x, &e[j - 1])) { e[j] = e[j - 1]; j--; }
            e[j] = x;
        }
        return;
    }
    /* Ids are unique, so the order is total and qsort's instability cannot show. */
    qsort(e, n, sizeof *e, cmp_entries);
}
