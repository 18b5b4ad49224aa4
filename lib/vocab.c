/* Code <-> value conversion and labels for every code list. */
#include "vocab_tables.h"

_Static_assert(PR_COUNT_OF(condition_codes) == PR_N_CONDITION, "condition table");
_Static_assert(PR_COUNT_OF(relation_codes) == PR_N_RELATION, "relation table");
_Static_assert(PR_COUNT_OF(age_band_codes) == PR_N_AGE_BAND, "age_band table");
_Static_assert(PR_COUNT_OF(flag_codes) == PR_N_FLAG, "flag table");
_Static_assert(PR_COUNT_OF(bereavement_codes) == PR_N_BEREAVEMENT, "bereavement table");
_Static_assert(PR_COUNT_OF(need_codes) == PR_N_NEED, "need table");
_Static_assert(PR_COUNT_OF(offer_kind_codes) == PR_N_KIND, "offer_kind table");
_Static_assert(PR_COUNT_OF(mode_codes) == PR_N_MODE, "mode table");
_Static_assert(PR_COUNT_OF(slot_codes) == PR_N_SLOT, "slot table");
_Static_assert(PR_COUNT_OF(access_codes) == PR_N_ACCESS, "access table");
_Static_assert(PR_COUNT_OF(provider_kind_codes) == PR_N_PROVIDER_KIND, "provider_kind table");
_Static_assert(PR_COUNT_OF(area_codes) == PR_N_AREA, "area table");
_Static_assert(PR_COUNT_OF(status_codes) == PR_N_STATUS, "status table");
_Static_assert(PR_COUNT_OF(goal_category_codes) == PR_N_GOAL_CATEGORY, "goal_category table");
_Static_assert(PR_COUNT_OF(lists) == PR_N_VOCAB, "list table");

static const pr_list *list_of(int32_t list)
{
    return list >= 0 && list < (int32_t)PR_COUNT_OF(lists) ? &lists[list] : NULL;
}

int32_t paroer_vocab_list_count(void) { return (int32_t)PR_COUNT_OF(lists); }

const char *paroer_vocab_list_name(int32_t list)
{
    const pr_list *l = list_of(list);
    return l ? l->name : NULL;
}

int paroer_vocab_list_parse(int32_t *out, const char *name)
{
    if (!out || !name) return pr_error(PAROER_EINVALID, "NULL argument");
    for (int32_t i = 0; i < (int32_t)PR_COUNT_OF(lists); i++) {
        if (strcmp(lists[i].name, name) == 0) { *out = i; return PAROER_OK; }
    }
    char q[160];
    pr_quote(q, sizeof q, name, strlen(name), 64);
    return pr_error(PAROER_ENOTFOUND, "unknown code list %s", q);
}

int32_t paroer_vocab_count(int32_t list)
{
    const pr_list *l = list_of(list);
    return l ? l->count : 0;
}

const char *paroer_vocab_code(int32_t list, int32_t value)
{
    const pr_list *l = list_of(list);
    return l && value >= 0 && value < l->count ? l->codes[value].code : NULL;
}

const char *paroer_vocab_label(int32_t list, int32_t value, int32_t lang)
{
    const pr_list *l = list_of(list);
    if (!l || value < 0 || value >= l->count) return NULL;
    if (lang == PAROER_LANG_DA) return l->codes[value].da;
    if (lang == PAROER_LANG_EN) return l->codes[value].en;
    return NULL;
}

int paroer_vocab_parse(int32_t *out, int32_t list, const char *code, size_t len)
{
    const pr_list *l = list_of(list);
    if (!out || !l || (!code && len)) return PAROER_EINVALID;
    for (int32_t i = 0; i < l->count; i++) {
        const char *c = l->codes[i].code;
        if (strlen(c) == len && memcmp(c, code, len) == 0) { *out = i; return PAROER_OK; }
    }
    return PAROER_ENOTFOUND;
}

uint32_t paroer_kind_default_needs(int32_t kind)
{
    /* Contract section 1, the offer_kind table. */
    static const uint32_t defaults[PR_N_KIND] = {
        [PAROER_KIND_RESPITE_HOME] = PR_BIT(PAROER_NEED_RESPITE) | PR_BIT(PAROER_NEED_PRACTICAL_HELP),
        [PAROER_KIND_RESPITE_AWAY] = PR_BIT(PAROER_NEED_RESPITE) | PR_BIT(PAROER_NEED_PRACTICAL_HELP),
        [PAROER_KIND_ACTIVITY_BREAK] = PR_BIT(PAROER_NEED_RESPITE) | PR_BIT(PAROER_NEED_OWN_HEALTH) |
                                       PR_BIT(PAROER_NEED_NETWORK),
        [PAROER_KIND_COUNSELLING] = PR_BIT(PAROER_NEED_COUNSELLING) | PR_BIT(PAROER_NEED_INFORMATION),
        [PAROER_KIND_HEALTH_PROMOTION] = PR_BIT(PAROER_NEED_OWN_HEALTH),
        [PAROER_KIND_PEER_GROUP] = PR_BIT(PAROER_NEED_PEER_SUPPORT) | PR_BIT(PAROER_NEED_NETWORK),
        [PAROER_KIND_CAFE_NETWORK] = PR_BIT(PAROER_NEED_NETWORK) | PR_BIT(PAROER_NEED_PEER_SUPPORT),
        [PAROER_KIND_COURSE] = PR_BIT(PAROER_NEED_EDUCATION) | PR_BIT(PAROER_NEED_INFORMATION),
        [PAROER_KIND_INFORMATION] = PR_BIT(PAROER_NEED_INFORMATION),
        [PAROER_KIND_FINANCIAL_SUPPORT] = PR_BIT(PAROER_NEED_FINANCIAL) | PR_BIT(PAROER_NEED_WORK_LIFE),
        [PAROER_KIND_LEAVE] = PR_BIT(PAROER_NEED_WORK_LIFE),
        [PAROER_KIND_INVOLVEMENT] = PR_BIT(PAROER_NEED_INVOLVEMENT),
    };
    return kind >= 0 && kind < PR_N_KIND ? defaults[kind] : 0;
}

int32_t paroer_age_band_of(int32_t age)
{
    if (age < 0) return -1;
    if (age <= 12) return PAROER_AGE_BAND_CHILD;
    if (age <= 17) return PAROER_AGE_BAND_YOUTH;
    if (age <= 29) return PAROER_AGE_BAND_YOUNG_ADULT;
    if (age <= 64) return PAROER_AGE_BAND_ADULT;
    return PAROER_AGE_BAND_SENIOR;
}

int paroer_age_band_range(int32_t band, int32_t *min, int32_t *max)
{
    static const int32_t lo[PR_N_AGE_BAND] = {0, 13, 18, 30, 65};
    static const int32_t hi[PR_N_AGE_BAND] = {12, 17, 29, 64, INT32_MAX};
    if (band < 0 || band >= PR_N_AGE_BAND || !min || !max) return pr_error(PAROER_EINVALID, "unknown age band");
    *min = lo[band];
    *max = hi[band];
    return PAROER_OK;
}
