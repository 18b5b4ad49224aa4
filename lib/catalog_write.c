/* paroer_catalog_to_json: a catalog as a catalog document of the contract
 * (section 2), through the library's one JSON writer (lib/json_write.h).
 * Loading what it writes gives the same catalog: every default is written
 * out (needs, modes, languages, access, status), so nothing depends on the
 * document's municipality, and the output of write → load → write is the
 * same bytes (tests/test_catalog_write.c). */
#include "json_write.h"
#include "model.h"

/* Also used by the HSDS export (lib/hsds_export.c), for its extension. */
void pr_catalog_write_provider(pr_jw *w, const struct paroer_provider *p);
void pr_catalog_write_policy(pr_jw *w, const struct paroer_policy *p);
int pr_catalog_write(pr_jw *w, const paroer_catalog *c);
#include <math.h>
#include <string.h>

static void mask(pr_jw *w, const char *key, int32_t list, uint32_t m)
{
    pr_jw_key(w, key);
    pr_jw_array(w);
    for (int32_t i = 0; i < 32; i++)
        if (m & PR_BIT(i)) pr_jw_str(w, paroer_vocab_code(list, i));
    pr_jw_end(w);
}

static void code(pr_jw *w, const char *key, int32_t list, int32_t v)
{
    pr_jw_kstr(w, key, paroer_vocab_code(list, v));
}

static void date(pr_jw *w, const char *key, int32_t d)
{
    pr_jw_key(w, key);
    pr_jw_date(w, d);
}

static void range(pr_jw *w, const char *key, pr_range r)
{
    if (r.min == PR_AGE_MIN && r.max == PR_AGE_MAX) return;
    pr_jw_key(w, key);
    pr_jw_object(w);
    if (r.min != PR_AGE_MIN) pr_jw_kint(w, "min", r.min);
    if (r.max != PR_AGE_MAX) pr_jw_kint(w, "max", r.max);
    pr_jw_end(w);
}

static int target_is_default(const paroer_target *t)
{
    return t->relative_age.min == PR_AGE_MIN && t->relative_age.max == PR_AGE_MAX &&
           t->cared_for_age.min == PR_AGE_MIN && t->cared_for_age.max == PR_AGE_MAX && !t->relations &&
           !t->conditions && !t->requires && t->bereaved == PAROER_BEREAVEMENT_NO;
}

static void target(pr_jw *w, const paroer_target *t)
{
    if (target_is_default(t)) return;
    pr_jw_key(w, "target");
    pr_jw_object(w);
    range(w, "relative_age", t->relative_age);
    range(w, "cared_for_age", t->cared_for_age);
    if (t->relations) mask(w, "relations", PAROER_VOCAB_RELATION, t->relations);
    if (t->conditions) mask(w, "conditions", PAROER_VOCAB_CONDITION, t->conditions);
    if (t->requires) mask(w, "requires", PAROER_VOCAB_FLAG, t->requires);
    if (t->bereaved != PAROER_BEREAVEMENT_NO) code(w, "bereaved", PAROER_VOCAB_BEREAVEMENT, t->bereaved);
    pr_jw_end(w);
}

static void offer(pr_jw *w, const paroer_catalog *c, const struct paroer_offer *o)
{
    pr_jw_object(w);
    pr_jw_kstr(w, "id", o->id);
    pr_jw_kstr(w, "name", o->name);
    if (o->description) pr_jw_kstr(w, "description", o->description);
    if (o->provider != PR_NONE) pr_jw_kstr(w, "provider", c->providers[o->provider].id);
    else if (o->provider_id) pr_jw_kstr(w, "provider", o->provider_id);
    code(w, "kind", PAROER_VOCAB_OFFER_KIND, o->kind);
    mask(w, "needs", PAROER_VOCAB_NEED, o->needs);
    if (o->n_municipalities) {
        pr_jw_key(w, "municipalities");
        pr_jw_array(w);
        for (uint32_t i = 0; i < o->n_municipalities; i++) pr_jw_int(w, o->municipalities[i]);
        pr_jw_end(w);
    }
    if (o->nationwide) pr_jw_kbool(w, "nationwide", 1);
    target(w, &o->target);
    mask(w, "modes", PAROER_VOCAB_MODE, o->modes);
    if (o->slots) mask(w, "slots", PAROER_VOCAB_SLOT, o->slots);
    if (o->schedule) pr_jw_kstr(w, "schedule", o->schedule);
    code(w, "access", PAROER_VOCAB_ACCESS, o->access);
    if (o->cost_free >= 0 || !isnan(o->price_dkk)) {
        pr_jw_key(w, "cost");
        pr_jw_object(w);
        pr_jw_key(w, "free");
        if (o->cost_free >= 0) pr_jw_bool(w, o->cost_free);
        else pr_jw_null(w);
        pr_jw_key(w, "price_dkk");
        if (isnan(o->price_dkk)) pr_jw_null(w);
        else pr_jw_double(w, o->price_dkk);
        pr_jw_end(w);
    }
    pr_jw_key(w, "languages");
    pr_jw_array(w);
    for (uint32_t i = 0; i < o->n_languages; i++) pr_jw_str(w, c->languages[o->languages[i]]);
    pr_jw_end(w);
    if (o->capacity >= 0) pr_jw_kint(w, "capacity", o->capacity);
    code(w, "status", PAROER_VOCAB_STATUS, o->status);
    if (o->valid_from != PAROER_DATE_NONE) date(w, "valid_from", o->valid_from);
    if (o->valid_to != PAROER_DATE_NONE) date(w, "valid_to", o->valid_to);
    if (o->n_legal_basis) {
        pr_jw_key(w, "legal_basis");
        pr_jw_array(w);
        for (uint32_t i = 0; i < o->n_legal_basis; i++) pr_jw_str(w, o->legal_basis[i]);
        pr_jw_end(w);
    }
    if (o->contact_phone || o->contact_email || o->contact_url) {
        pr_jw_key(w, "contact");
        pr_jw_object(w);
        if (o->contact_phone) pr_jw_kstr(w, "phone", o->contact_phone);
        if (o->contact_email) pr_jw_kstr(w, "email", o->contact_email);
        if (o->contact_url) pr_jw_kstr(w, "url", o->contact_url);
        pr_jw_end(w);
    }
    if (o->source) pr_jw_kstr(w, "source", o->source);
    if (o->verified != PAROER_DATE_NONE) date(w, "verified", o->verified);
    if (o->n_codes) {
        pr_jw_key(w, "codes");
        pr_jw_array(w);
        for (uint32_t i = 0; i < o->n_codes; i++) {
            pr_jw_object(w);
            pr_jw_kstr(w, "system", o->codes[i].system);
            pr_jw_kstr(w, "code", o->codes[i].code);
            pr_jw_end(w);
        }
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

void pr_catalog_write_policy(pr_jw *w, const struct paroer_policy *p)
{
    pr_jw_object(w);
    pr_jw_kstr(w, "id", p->id);
    pr_jw_kint(w, "municipality", p->municipality);
    pr_jw_kstr(w, "title", p->title);
    if (p->adopted != PAROER_DATE_NONE) date(w, "adopted", p->adopted);
    if (p->valid_to != PAROER_DATE_NONE) date(w, "valid_to", p->valid_to);
    if (p->areas) mask(w, "areas", PAROER_VOCAB_AREA, p->areas);
    if (p->source) pr_jw_kstr(w, "source", p->source);
    pr_jw_key(w, "goals");
    pr_jw_array(w);
    for (uint32_t i = 0; i < p->n_goals; i++) {
        const struct paroer_goal *g = &p->goals[i];
        pr_jw_object(w);
        pr_jw_kstr(w, "id", g->id);
        pr_jw_kstr(w, "title", g->title);
        code(w, "category", PAROER_VOCAB_GOAL_CATEGORY, g->category);
        target(w, &g->target);
        mask(w, "needs", PAROER_VOCAB_NEED, g->needs);
        mask(w, "kinds", PAROER_VOCAB_OFFER_KIND, g->kinds);
        pr_jw_end(w);
    }
    pr_jw_end(w);
    if (p->n_action_plans) {
        pr_jw_key(w, "action_plans");
        pr_jw_array(w);
        for (uint32_t i = 0; i < p->n_action_plans; i++) {
            const pr_action_plan *a = &p->action_plans[i];
            pr_jw_object(w);
            pr_jw_kstr(w, "title", a->title);
            date(w, "due", a->due);
            date(w, "adopted", a->adopted);
            pr_jw_end(w);
        }
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

void pr_catalog_write_provider(pr_jw *w, const struct paroer_provider *p)
{
    pr_jw_object(w);
    pr_jw_kstr(w, "id", p->id);
    pr_jw_kstr(w, "name", p->name);
    code(w, "kind", PAROER_VOCAB_PROVIDER_KIND, p->kind);
    if (p->area >= 0) code(w, "area", PAROER_VOCAB_AREA, p->area);
    pr_jw_end(w);
}

int pr_catalog_write(pr_jw *w, const paroer_catalog *c)
{
    pr_jw_object(w);
    pr_jw_kstr(w, "format", "paroer-catalog");
    pr_jw_kint(w, "version", 1);
    /* The document's municipality is a default for offers that list none;
     * every offer is written with its own list, so it is only written when no
     * offer could pick it up by mistake. */
    int municipality = c->municipality > 0;
    for (uint32_t i = 0; municipality && i < c->n_offers; i++)
        if (!c->offers[i].n_municipalities && !c->offers[i].nationwide) municipality = 0;
    if (municipality) pr_jw_kint(w, "municipality", c->municipality);
    pr_jw_key(w, "providers");
    pr_jw_array(w);
    for (uint32_t i = 0; i < c->n_providers; i++) pr_catalog_write_provider(w, &c->providers[i]);
    pr_jw_end(w);
    pr_jw_key(w, "offers");
    pr_jw_array(w);
    for (uint32_t i = 0; i < c->n_offers; i++) offer(w, c, &c->offers[i]);
    pr_jw_end(w);
    pr_jw_key(w, "policies");
    pr_jw_array(w);
    for (uint32_t i = 0; i < c->n_policies; i++) pr_catalog_write_policy(w, &c->policies[i]);
    pr_jw_end(w);
    pr_jw_end(w);
    return w->b.err;
}

int paroer_catalog_to_json(const paroer_catalog *c, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!c || !out) return pr_error(PAROER_EINVALID, "%s is NULL", c ? "out" : "catalog");
    pr_jw w;
    pr_jw_init(&w, &c->alloc);
    pr_catalog_write(&w, c);
    return pr_jw_finish(&w, out, len);
}
