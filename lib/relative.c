/* A relative built through the API (the JSON loader in load_relative.c uses
 * the same setters, so both paths validate alike). Error messages name the
 * field, never a value a person entered about themselves. */
#include "model.h"
#include <math.h>
#include <string.h>

int paroer_relative_new(paroer_relative **out, const char *id, int32_t age, int32_t municipality,
                        const paroer_allocator *allocator)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if ((age < 0 || age > 130) && age != PAROER_UNKNOWN)
        return pr_error(PAROER_EINVALID, "age must be 0..130 (or PAROER_UNKNOWN)");
    if (municipality < 1 || municipality > 999) return pr_error(PAROER_EINVALID, "municipality must be 1..999");
    paroer_allocator a;
    pr_alloc_resolve(&a, allocator);
    paroer_relative *r = pr_calloc(&a, 1, sizeof *r);
    if (!r) return pr_error(PAROER_ENOMEM, "out of memory");
    r->alloc = a;
    r->id = pr_strndup(&r->alloc, id ? id : "", id ? strlen(id) : 0);
    if (!r->id) {
        pr_free(&a, r);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    r->age = age == PAROER_UNKNOWN ? 0 : age;
    r->age_max = age == PAROER_UNKNOWN ? 130 : age;
    r->municipality = municipality;
    *out = r;
    return PAROER_OK;
}

void paroer_relative_free(paroer_relative *r)
{
    if (!r) return;
    paroer_allocator a = r->alloc;
    for (size_t i = 0; i < r->n_languages; i++) pr_free(&a, r->languages[i]);
    pr_free(&a, r->languages);
    pr_free(&a, r->relations);
    pr_free(&a, r->id);
    pr_free(&a, r);
}

static int add_code(paroer_relative *r, uint32_t *mask, int32_t v, int32_t n, const char *what)
{
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    if (v < 0 || v >= n) return pr_error(PAROER_EINVALID, "unknown %s value %d", what, (int)v);
    *mask |= PR_BIT(v);
    return PAROER_OK;
}

/* A three-valued setter's value: 0, 1 or PAROER_UNKNOWN. */
static int check_tri(int value, const char *what)
{
    if (value == 0 || value == 1 || value == PAROER_UNKNOWN) return PAROER_OK;
    return pr_error(PAROER_EINVALID, "%s must be 0, 1 or PAROER_UNKNOWN", what);
}

int paroer_relative_set_employed(paroer_relative *r, int employed)
{
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    if (check_tri(employed, "employed")) return PAROER_EINVALID;
    r->employed = employed == 1;
    r->employed_unknown = employed == PAROER_UNKNOWN;
    return PAROER_OK;
}

int paroer_relative_set_age(paroer_relative *r, int32_t age)
{
    if (age == PAROER_UNKNOWN) return paroer_relative_set_age_range(r, 0, 130);
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    if (age < 0 || age > 130) return pr_error(PAROER_EINVALID, "age must be 0..130 (or PAROER_UNKNOWN)");
    r->age = r->age_max = age;
    return PAROER_OK;
}

int paroer_relative_set_age_range(paroer_relative *r, int32_t min, int32_t max)
{
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    if (min < 0 || max > 130 || min > max) return pr_error(PAROER_EINVALID, "an age range must have 0 <= min <= max <= 130");
    r->age = min;
    r->age_max = max;
    return PAROER_OK;
}
int paroer_relative_add_need(paroer_relative *r, int32_t need)
{
    return add_code(r, r ? &r->needs : NULL, need, PR_N_NEED, "need");
}
int paroer_relative_add_mode(paroer_relative *r, int32_t mode)
{
    return add_code(r, r ? &r->modes : NULL, mode, PR_N_MODE, "mode");
}
int paroer_relative_add_slot(paroer_relative *r, int32_t slot)
{
    return add_code(r, r ? &r->slots : NULL, slot, PR_N_SLOT, "slot");
}

int paroer_relative_add_language(paroer_relative *r, const char *language)
{
    if (!r || !language) return pr_error(PAROER_EINVALID, "NULL argument");
    size_t len = strlen(language);
    if (len == 0 || len > 35) return pr_error(PAROER_EINVALID, "a language code must be 1 to 35 characters");
    for (size_t i = 0; i < r->n_languages; i++)
        if (strcmp(r->languages[i], language) == 0) return PAROER_OK;
    if (pr_grow(&r->alloc, (void **)&r->languages, &r->cap_languages, r->n_languages + 1, sizeof(char *)))
        return pr_error(PAROER_ENOMEM, "out of memory");
    char *s = pr_strndup(&r->alloc, language, len);
    if (!s) return pr_error(PAROER_ENOMEM, "out of memory");
    r->languages[r->n_languages++] = s;
    return PAROER_OK;
}

int paroer_relative_add_relation(paroer_relative *r, int32_t relation, size_t *index)
{
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    if (relation < 0 || relation >= PR_N_RELATION) return pr_error(PAROER_EINVALID, "unknown relation value %d", (int)relation);
    if (r->n_relations >= 64) return pr_error(PAROER_EINVALID, "a relative can have at most 64 relations");
    if (pr_grow(&r->alloc, (void **)&r->relations, &r->cap_relations, r->n_relations + 1, sizeof *r->relations))
        return pr_error(PAROER_ENOMEM, "out of memory");
    pr_relation *rel = &r->relations[r->n_relations];
    memset(rel, 0, sizeof *rel);
    rel->relation = relation;
    rel->cared_for_age = -1;
    if (index) *index = r->n_relations;
    r->n_relations++;
    return PAROER_OK;
}

static pr_relation *relation_at(paroer_relative *r, size_t i)
{
    if (!r || i >= r->n_relations) {
        pr_error(PAROER_EINVALID, "no relation %zu", i);
        return NULL;
    }
    return &r->relations[i];
}

int paroer_relative_relation_add_condition(paroer_relative *r, size_t i, int32_t condition)
{
    pr_relation *rel = relation_at(r, i);
    if (!rel) return PAROER_EINVALID;
    int rc = add_code(r, &rel->conditions, condition, PR_N_CONDITION, "condition");
    if (!rc) rel->unknown &= ~PR_RU_CONDITIONS;
    return rc;
}

int paroer_relative_relation_set_conditions_unknown(paroer_relative *r, size_t i)
{
    pr_relation *rel = relation_at(r, i);
    if (!rel) return PAROER_EINVALID;
    rel->conditions = 0;
    rel->unknown |= PR_RU_CONDITIONS;
    return PAROER_OK;
}

int paroer_relative_relation_set_cared_for_age(paroer_relative *r, size_t i, int32_t age)
{
    pr_relation *rel = relation_at(r, i);
    if (!rel) return PAROER_EINVALID;
    if ((age < -1 || age > 130) && age != PAROER_UNKNOWN)
        return pr_error(PAROER_EINVALID, "cared_for_age must be 0..130, -1 (not given) or PAROER_UNKNOWN");
    rel->cared_for_age = age == PAROER_UNKNOWN ? -1 : age;
    if (age == PAROER_UNKNOWN) rel->unknown |= PR_RU_CFA;
    else rel->unknown &= ~PR_RU_CFA;
    return PAROER_OK;
}

int paroer_relative_relation_set_hours(paroer_relative *r, size_t i, double hours)
{
    pr_relation *rel = relation_at(r, i);
    if (!rel) return PAROER_EINVALID;
    if (!(hours >= 0 && hours <= 168)) return pr_error(PAROER_EINVALID, "hours_per_week must be 0..168");
    rel->hours_per_week = hours;
    return PAROER_OK;
}

int paroer_relative_relation_set_flag(paroer_relative *r, size_t i, int32_t flag, int value)
{
    pr_relation *rel = relation_at(r, i);
    if (!rel) return PAROER_EINVALID;
    if (flag == PAROER_FLAG_EMPLOYED) return pr_error(PAROER_EINVALID, "employed belongs to the relative, not a relation");
    if (flag < 0 || flag >= PR_N_FLAG) return pr_error(PAROER_EINVALID, "unknown flag value %d", (int)flag);
    if (check_tri(value, "a flag's value")) return PAROER_EINVALID;
    rel->flags &= ~PR_BIT(flag);
    rel->unknown &= ~PR_BIT(flag);
    if (value == 1) rel->flags |= PR_BIT(flag);
    else if (value == PAROER_UNKNOWN) rel->unknown |= PR_BIT(flag);
    return PAROER_OK;
}

const char *paroer_relative_id(const paroer_relative *r) { return r ? r->id : NULL; }
int32_t paroer_relative_age(const paroer_relative *r)
{
    if (!r) return -1;
    return r->age == r->age_max ? r->age : PAROER_UNKNOWN;
}
int32_t paroer_relative_age_min(const paroer_relative *r) { return r ? r->age : -1; }
int32_t paroer_relative_age_max(const paroer_relative *r) { return r ? r->age_max : -1; }
int paroer_relative_employed_state(const paroer_relative *r)
{
    if (!r) return 0;
    return r->employed_unknown ? PAROER_UNKNOWN : r->employed;
}
int paroer_relative_has_unknowns(const paroer_relative *r)
{
    if (!r) return 0;
    if (r->age != r->age_max || r->employed_unknown) return 1;
    for (size_t i = 0; i < r->n_relations; i++)
        if (r->relations[i].unknown) return 1;
    return 0;
}
int32_t paroer_relative_municipality(const paroer_relative *r) { return r ? r->municipality : -1; }
int paroer_relative_employed(const paroer_relative *r) { return r ? r->employed : 0; }
uint32_t paroer_relative_needs(const paroer_relative *r) { return r ? r->needs : 0; }
uint32_t paroer_relative_modes(const paroer_relative *r) { return r ? r->modes : 0; }
uint32_t paroer_relative_slots(const paroer_relative *r) { return r ? r->slots : 0; }
size_t paroer_relative_language_count(const paroer_relative *r) { return r ? r->n_languages : 0; }
const char *paroer_relative_language(const paroer_relative *r, size_t i)
{
    return r && i < r->n_languages ? r->languages[i] : NULL;
}
size_t paroer_relative_relation_count(const paroer_relative *r) { return r ? r->n_relations : 0; }
int32_t paroer_relative_relation_kind(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations ? r->relations[i].relation : -1;
}
uint32_t paroer_relative_relation_conditions(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations ? r->relations[i].conditions : 0;
}
int32_t paroer_relative_relation_cared_for_age(const paroer_relative *r, size_t i)
{
    if (!r || i >= r->n_relations) return -1;
    return (r->relations[i].unknown & PR_RU_CFA) ? PAROER_UNKNOWN : r->relations[i].cared_for_age;
}
int paroer_relative_relation_conditions_known(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations && !(r->relations[i].unknown & PR_RU_CONDITIONS);
}
int paroer_relative_relation_flag(const paroer_relative *r, size_t i, int32_t flag)
{
    if (!r || i >= r->n_relations || flag < 0 || flag >= PR_N_FLAG) return -1;
    if (flag == PAROER_FLAG_EMPLOYED) return paroer_relative_employed_state(r);
    const pr_relation *rel = &r->relations[i];
    if (rel->unknown & PR_BIT(flag)) return PAROER_UNKNOWN;
    return (rel->flags & PR_BIT(flag)) != 0;
}
uint32_t paroer_relative_relation_unknown_flags(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations ? r->relations[i].unknown & PR_ALL(PR_N_FLAG) : 0;
}
double paroer_relative_relation_hours(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations ? r->relations[i].hours_per_week : 0.0;
}
uint32_t paroer_relative_relation_flags(const paroer_relative *r, size_t i)
{
    return r && i < r->n_relations ? r->relations[i].flags : 0;
}
