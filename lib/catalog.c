/* Read-only accessors of a finished catalog, and the target/goal logic that
 * matching and coverage share. Nothing here writes: a catalog may be read by
 * any number of threads at once. */
#include "model.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int paroer_load_options_init(paroer_load_options *opts, uint32_t version)
{
    if (!opts || version < 1 || version > PAROER_LOAD_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown paroer_load_options version");
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return PAROER_OK;
}

void paroer_catalog_free(paroer_catalog *c)
{
    if (!c) return;
    paroer_allocator a = c->alloc;
    pr_strmap_free(&c->offer_ids);
    pr_strmap_free(&c->provider_ids);
    pr_strmap_free(&c->policy_ids);
    pr_free(&a, (void *)c->providers);
    pr_free(&a, (void *)c->offers);
    pr_free(&a, (void *)c->policies);
    pr_free(&a, (void *)c->languages);
    c->arena.alloc = &a;
    pr_arena_free(&c->arena);
    pr_free(&a, c);
}

int paroer_catalog_merge(paroer_catalog **out, const paroer_catalog *const *catalogs, size_t n,
                         const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (n && !catalogs) return pr_error(PAROER_EINVALID, "catalogs is NULL");
    paroer_catalog_builder *b;
    int rc = paroer_catalog_builder_new(&b, opts);
    if (rc) return rc;
    for (size_t i = 0; i < n && !rc; i++) {
        if (!catalogs[i]) rc = pr_error(PAROER_EINVALID, "catalogs[%zu] is NULL", i);
        else rc = paroer_builder_add_catalog(b, catalogs[i]);
    }
    if (!rc) rc = paroer_catalog_builder_finish(b, out);
    paroer_catalog_builder_free(b);
    return rc;
}

int32_t paroer_catalog_municipality(const paroer_catalog *c) { return c ? c->municipality : -1; }
size_t paroer_catalog_memory_size(const paroer_catalog *c) { return c ? c->memory_bytes : 0; }
size_t paroer_catalog_provider_count(const paroer_catalog *c) { return c ? c->n_providers : 0; }
size_t paroer_catalog_offer_count(const paroer_catalog *c) { return c ? c->n_offers : 0; }
size_t paroer_catalog_policy_count(const paroer_catalog *c) { return c ? c->n_policies : 0; }

const paroer_provider *paroer_catalog_provider(const paroer_catalog *c, size_t i)
{
    return c && i < c->n_providers ? &c->providers[i] : NULL;
}
const paroer_offer *paroer_catalog_offer(const paroer_catalog *c, size_t i)
{
    return c && i < c->n_offers ? &c->offers[i] : NULL;
}
const paroer_policy *paroer_catalog_policy(const paroer_catalog *c, size_t i)
{
    return c && i < c->n_policies ? &c->policies[i] : NULL;
}

const paroer_offer *paroer_catalog_find_offer(const paroer_catalog *c, const char *id)
{
    uint32_t i;
    return c && id && pr_strmap_get(&c->offer_ids, id, strlen(id), &i) ? &c->offers[i] : NULL;
}
const paroer_provider *paroer_catalog_find_provider(const paroer_catalog *c, const char *id)
{
    uint32_t i;
    return c && id && pr_strmap_get(&c->provider_ids, id, strlen(id), &i) ? &c->providers[i] : NULL;
}
const paroer_policy *paroer_catalog_find_policy(const paroer_catalog *c, const char *id)
{
    uint32_t i;
    return c && id && pr_strmap_get(&c->policy_ids, id, strlen(id), &i) ? &c->policies[i] : NULL;
}

const paroer_policy *paroer_catalog_policy_for(const paroer_catalog *c, int32_t municipality, int32_t date)
{
    if (!c) return NULL;
    const paroer_policy *current = NULL, *latest = NULL;
    for (uint32_t i = 0; i < c->n_policies; i++) {
        const paroer_policy *p = &c->policies[i];
        if (p->municipality != municipality) continue;
        /* "Latest" = most recently adopted (undated counts as oldest); ties keep document order. */
        if (!latest || (p->adopted != PAROER_DATE_NONE && (latest->adopted == PAROER_DATE_NONE || p->adopted > latest->adopted)))
            latest = p;
        int in_force = date == PAROER_DATE_NONE || p->valid_to == PAROER_DATE_NONE || date <= p->valid_to;
        if (date != PAROER_DATE_NONE && p->adopted != PAROER_DATE_NONE && p->adopted > date) in_force = 0;
        if (in_force && (!current || (p->adopted != PAROER_DATE_NONE &&
                                      (current->adopted == PAROER_DATE_NONE || p->adopted > current->adopted))))
            current = p;
    }
    return current ? current : latest;
}

size_t paroer_catalog_find_by_code(const paroer_catalog *c, const char *system, const char *code,
                                   const paroer_offer **out, size_t cap)
{
    if (!c || !system || !code) return 0;
    size_t n = 0;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const paroer_offer *o = &c->offers[i];
        for (uint32_t k = 0; k < o->n_codes; k++) {
            if (strcmp(o->codes[k].system, system) == 0 && strcmp(o->codes[k].code, code) == 0) {
                if (out && n < cap) out[n] = o;
                n++;
                break;
            }
        }
    }
    return n;
}

uint32_t pr_catalog_language_id(const paroer_catalog *c, const char *code, size_t len)
{
    for (uint32_t i = 0; i < c->n_languages; i++)
        if (strlen(c->languages[i]) == len && memcmp(c->languages[i], code, len) == 0) return i;
    return PR_NONE;
}

/* providers */
size_t paroer_provider_index(const paroer_provider *p) { return p ? p->index : 0; }
const char *paroer_provider_id(const paroer_provider *p) { return p ? p->id : NULL; }
const char *paroer_provider_name(const paroer_provider *p) { return p ? p->name : NULL; }
int32_t paroer_provider_kind(const paroer_provider *p) { return p ? p->kind : -1; }
int32_t paroer_provider_area(const paroer_provider *p) { return p ? p->area : -1; }

/* offers */
size_t paroer_offer_index(const paroer_offer *o) { return o ? o->index : 0; }
const char *paroer_offer_id(const paroer_offer *o) { return o ? o->id : NULL; }
const char *paroer_offer_name(const paroer_offer *o) { return o ? o->name : NULL; }
const char *paroer_offer_description(const paroer_offer *o) { return o ? o->description : NULL; }
const char *paroer_offer_schedule(const paroer_offer *o) { return o ? o->schedule : NULL; }
const char *paroer_offer_source(const paroer_offer *o) { return o ? o->source : NULL; }
const char *paroer_offer_contact_phone(const paroer_offer *o) { return o ? o->contact_phone : NULL; }
const char *paroer_offer_contact_email(const paroer_offer *o) { return o ? o->contact_email : NULL; }
const char *paroer_offer_contact_url(const paroer_offer *o) { return o ? o->contact_url : NULL; }
const paroer_provider *paroer_offer_provider(const paroer_offer *o, const paroer_catalog *c)
{
    return o && c && o->provider != PR_NONE && o->provider < c->n_providers ? &c->providers[o->provider] : NULL;
}
int32_t paroer_offer_kind(const paroer_offer *o) { return o ? o->kind : -1; }
int32_t paroer_offer_access(const paroer_offer *o) { return o ? o->access : -1; }
int32_t paroer_offer_status(const paroer_offer *o) { return o ? o->status : -1; }
uint32_t paroer_offer_needs(const paroer_offer *o) { return o ? o->needs : 0; }
uint32_t paroer_offer_modes(const paroer_offer *o) { return o ? o->modes : 0; }
uint32_t paroer_offer_slots(const paroer_offer *o) { return o ? o->slots : 0; }
int paroer_offer_nationwide(const paroer_offer *o) { return o ? o->nationwide : 0; }
size_t paroer_offer_municipality_count(const paroer_offer *o) { return o ? o->n_municipalities : 0; }
int32_t paroer_offer_municipality(const paroer_offer *o, size_t i)
{
    return o && i < o->n_municipalities ? o->municipalities[i] : -1;
}
int paroer_offer_serves_municipality(const paroer_offer *o, int32_t municipality)
{
    if (!o) return 0;
    if (o->nationwide) return 1;
    for (uint32_t i = 0; i < o->n_municipalities; i++)
        if (o->municipalities[i] == municipality) return 1;
    return 0;
}
size_t paroer_offer_language_count(const paroer_offer *o) { return o ? o->n_languages : 0; }
const char *paroer_offer_language(const paroer_offer *o, const paroer_catalog *c, size_t i)
{
    return o && c && i < o->n_languages && o->languages[i] < c->n_languages ? c->languages[o->languages[i]] : NULL;
}
int64_t paroer_offer_capacity(const paroer_offer *o) { return o ? o->capacity : -1; }
int paroer_offer_cost_free(const paroer_offer *o) { return o ? o->cost_free : -1; }
double paroer_offer_price_dkk(const paroer_offer *o) { return o ? o->price_dkk : NAN; }
int32_t paroer_offer_valid_from(const paroer_offer *o) { return o ? o->valid_from : PAROER_DATE_NONE; }
int32_t paroer_offer_valid_to(const paroer_offer *o) { return o ? o->valid_to : PAROER_DATE_NONE; }
int32_t paroer_offer_verified(const paroer_offer *o) { return o ? o->verified : PAROER_DATE_NONE; }
size_t paroer_offer_legal_basis_count(const paroer_offer *o) { return o ? o->n_legal_basis : 0; }
const char *paroer_offer_legal_basis(const paroer_offer *o, size_t i)
{
    return o && i < o->n_legal_basis ? o->legal_basis[i] : NULL;
}
size_t paroer_offer_code_count(const paroer_offer *o) { return o ? o->n_codes : 0; }
const char *paroer_offer_code_system(const paroer_offer *o, size_t i) { return o && i < o->n_codes ? o->codes[i].system : NULL; }
const char *paroer_offer_code_value(const paroer_offer *o, size_t i) { return o && i < o->n_codes ? o->codes[i].code : NULL; }
const paroer_target *paroer_offer_target(const paroer_offer *o) { return o ? &o->target : NULL; }

int paroer_offer_is_live(const paroer_offer *o, int32_t municipality, int32_t date)
{
    if (!o || o->status == PAROER_STATUS_PAUSED) return 0;
    if (date == PAROER_DATE_NONE) date = paroer_date_today();
    if (o->valid_from != PAROER_DATE_NONE && date < o->valid_from) return 0;
    if (o->valid_to != PAROER_DATE_NONE && date > o->valid_to) return 0;
    return paroer_offer_serves_municipality(o, municipality);
}

/* targets */
int32_t paroer_target_relative_age_min(const paroer_target *t) { return t ? t->relative_age.min : 0; }
int32_t paroer_target_relative_age_max(const paroer_target *t) { return t ? t->relative_age.max : INT32_MAX; }
int32_t paroer_target_cared_for_age_min(const paroer_target *t) { return t ? t->cared_for_age.min : 0; }
int32_t paroer_target_cared_for_age_max(const paroer_target *t) { return t ? t->cared_for_age.max : INT32_MAX; }
uint32_t paroer_target_relations(const paroer_target *t) { return t ? t->relations : 0; }
uint32_t paroer_target_conditions(const paroer_target *t) { return t ? t->conditions : 0; }
uint32_t paroer_target_requires(const paroer_target *t) { return t ? t->requires : 0; }
int32_t paroer_target_bereaved(const paroer_target *t) { return t ? t->bereaved : PAROER_BEREAVEMENT_NO; }

int pr_range_overlaps(pr_range a, pr_range b) { return a.min <= b.max && b.min <= a.max; }

/* Contract section 2: age ranges overlap, and relations and conditions each
 * intersect or are left open on at least one side; requires plays no part. */
int pr_target_overlaps(const paroer_target *a, const paroer_target *b)
{
    if (!pr_range_overlaps(a->relative_age, b->relative_age)) return 0;
    if (!pr_range_overlaps(a->cared_for_age, b->cared_for_age)) return 0;
    if (a->relations && b->relations && !(a->relations & b->relations)) return 0;
    if (a->conditions && b->conditions && !(a->conditions & b->conditions)) return 0;
    return 1;
}

int paroer_target_overlaps(const paroer_target *a, const paroer_target *b)
{
    return a && b ? pr_target_overlaps(a, b) : 0;
}

/* policies */
const char *paroer_policy_id(const paroer_policy *p) { return p ? p->id : NULL; }
const char *paroer_policy_title(const paroer_policy *p) { return p ? p->title : NULL; }
const char *paroer_policy_source(const paroer_policy *p) { return p ? p->source : NULL; }
int32_t paroer_policy_municipality(const paroer_policy *p) { return p ? p->municipality : -1; }
int32_t paroer_policy_adopted(const paroer_policy *p) { return p ? p->adopted : PAROER_DATE_NONE; }
int32_t paroer_policy_valid_to(const paroer_policy *p) { return p ? p->valid_to : PAROER_DATE_NONE; }
uint32_t paroer_policy_areas(const paroer_policy *p) { return p ? p->areas : 0; }
size_t paroer_policy_goal_count(const paroer_policy *p) { return p ? p->n_goals : 0; }
const paroer_goal *paroer_policy_goal(const paroer_policy *p, size_t i) { return p && i < p->n_goals ? &p->goals[i] : NULL; }
size_t paroer_policy_action_plan_count(const paroer_policy *p) { return p ? p->n_action_plans : 0; }
const char *paroer_policy_action_plan_title(const paroer_policy *p, size_t i)
{
    return p && i < p->n_action_plans ? p->action_plans[i].title : NULL;
}
int32_t paroer_policy_action_plan_due(const paroer_policy *p, size_t i)
{
    return p && i < p->n_action_plans ? p->action_plans[i].due : PAROER_DATE_NONE;
}
int32_t paroer_policy_action_plan_adopted(const paroer_policy *p, size_t i)
{
    return p && i < p->n_action_plans ? p->action_plans[i].adopted : PAROER_DATE_NONE;
}

/* goals */
const char *paroer_goal_id(const paroer_goal *g) { return g ? g->id : NULL; }
const char *paroer_goal_title(const paroer_goal *g) { return g ? g->title : NULL; }
int32_t paroer_goal_category(const paroer_goal *g) { return g ? g->category : -1; }
uint32_t paroer_goal_needs(const paroer_goal *g) { return g ? g->needs : 0; }
uint32_t paroer_goal_kinds(const paroer_goal *g) { return g ? g->kinds : 0; }
int paroer_goal_is_organisational(const paroer_goal *g) { return g && !g->needs && !g->kinds; }
const paroer_target *paroer_goal_target(const paroer_goal *g) { return g ? &g->target : NULL; }
const paroer_policy *paroer_goal_policy(const paroer_goal *g) { return g ? g->policy : NULL; }

int paroer_goal_realised_by(const paroer_goal *g, const paroer_offer *o, int32_t date)
{
    if (!g || !o || !g->policy) return 0;
    if (!(o->needs & g->needs) && !(PR_BIT(o->kind) & g->kinds)) return 0;
    if (!pr_target_overlaps(&o->target, &g->target)) return 0;
    return paroer_offer_is_live(o, g->policy->municipality, date);
}
