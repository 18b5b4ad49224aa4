/* Ranking of eligible offers: the score, the reasons and the order.
 * Everything is integer arithmetic, so the ranking is the same on every
 * platform and compiler. docs/matching.md is the user-facing description;
 * keep the two in step. */
#include "match_internal.h"
#include <stdlib.h>
#include <string.h>

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

static int popcount32(uint32_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcount(v);
#else
    int n = 0;
    for (; v; v &= v - 1) n++;
    return n;
#endif
}

int pr_offer_is_stale(int32_t verified, int32_t date)
{
    return verified != PAROER_DATE_NONE && (int64_t)date - (int64_t)verified > PR_STALE_DAYS;
}

int32_t pr_match_score(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel)
{
    int32_t s = PR_W_NEED * popcount32(o->needs & q->needs);
    if (o->t_conditions) s += PR_W_CONDITION;
    if (o->t_relations) s += PR_W_RELATION;
    s += PR_W_REQUIRES * popcount32(o->t_requires);
    if (o->bereaved == PAROER_BEREAVEMENT_ONLY) s += PR_W_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && rel->heavy) s += PR_W_STRAIN;
    if (o->flags & PR_MOFF_WAITLIST) s += PR_W_WAITLIST;
    if (pr_offer_is_stale(o->verified, q->date)) s += PR_W_STALE;
    return s;
}

size_t pr_match_reasons(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel, uint8_t *out)
{
    size_t n = 0;
    uint32_t m = o->needs & q->needs;
    for (unsigned b = 0; b < PR_N_NEED; b++)
        if (m & PR_BIT(b)) out[n++] = (uint8_t)(PR_RS_NEED0 + b);
    if (o->t_conditions) {
        m = o->t_conditions & rel->conditions;
        for (unsigned b = 0; b < PR_N_CONDITION; b++)
            if (m & PR_BIT(b)) out[n++] = (uint8_t)(PR_RS_CONDITION0 + b);
    }
    if (o->t_relations) {
        for (unsigned b = 0; b < PR_N_RELATION; b++)
            if (rel->rel_bit == PR_BIT(b)) out[n++] = (uint8_t)(PR_RS_RELATION0 + b);
    }
    for (unsigned b = 0; b < PR_N_FLAG; b++)
        if (o->t_requires & PR_BIT(b)) out[n++] = (uint8_t)(PR_RS_REQUIRES0 + b);
    if (rel->bereaved) out[n++] = PR_RS_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && rel->heavy) out[n++] = PR_RS_STRAIN_HIGH;
    if (o->flags & PR_MOFF_WAITLIST) out[n++] = PR_RS_WAITLIST;
    if (pr_offer_is_stale(o->verified, q->date)) out[n++] = PR_RS_STALE;
    return n;
}

int pr_mentry_before(const pr_mentry *a, const pr_mentry *b)
{
    if (a->key != b->key) return a->key > b->key;
    /* Same score and no id ranks: byte order of the ids (strcmp compares as unsigned char). */
    return strcmp(a->id, b->id) < 0;
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
