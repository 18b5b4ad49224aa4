/* The JSON of `paroer coverage --format json` (contract sections 6 and 5a),
 * written from a computed result through the library's one JSON writer
 * (json_write.h): one line, no spaces, keys in the contract's order; shares
 * are written at full precision (the shortest text that reads back as the
 * same double) and never follow the process's locale. */
#include "coverage_impl.h"
#include "json_write.h"
#include <stdio.h>
#include <string.h>

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }

/* A share 0..1 (a value outside is clamped: it can only come from rounding). */
static void put_share(pr_jw *w, double v)
{
    if (!(v >= 0)) v = 0;
    if (v > 1) v = 1;
    pr_jw_double(w, v);
}

static void put_share_map(pr_jw *w, const char *key, int32_t list, const double *v, int32_t n)
{
    pr_jw_key(w, key);
    pr_jw_object(w);
    for (int32_t i = 0; i < n; i++) {
        pr_jw_key(w, paroer_vocab_code(list, i));
        put_share(w, v[i]);
    }
    pr_jw_end(w);
}

static void put_code(pr_jw *w, const char *key, int32_t list, int32_t value)
{
    pr_jw_kstr(w, key, paroer_vocab_code(list, value));
}

static void put_count(pr_jw *w, const char *key, const pr_pair_count *c)
{
    pr_jw_key(w, key);
    pr_jw_object(w);
    pr_jw_kuint(w, "covered", c->covered);
    pr_jw_kuint(w, "cells", c->pairs);
    pr_jw_end(w);
}

static void put_count_map(pr_jw *w, const char *key, int32_t list, const pr_pair_count *c, int32_t n)
{
    pr_jw_key(w, key);
    pr_jw_object(w);
    for (int32_t i = 0; i < n; i++) put_count(w, paroer_vocab_code(list, i), &c[i]);
    pr_jw_end(w);
}

static void put_matrix(pr_jw *w, const paroer_coverage *cov)
{
    pr_jw_key(w, "coverage");
    pr_jw_object(w);
    pr_jw_key(w, "overall");
    put_share(w, cov->overall);
    put_share_map(w, "by_need", PAROER_VOCAB_NEED, cov->by_need, PR_N_NEED);
    put_share_map(w, "by_condition", PAROER_VOCAB_CONDITION, cov->by_condition, PR_N_CONDITION);
    put_share_map(w, "by_relation", PAROER_VOCAB_RELATION, cov->by_relation, PR_N_RELATION);
    put_share_map(w, "by_age_band", PAROER_VOCAB_AGE_BAND, cov->by_age_band, PR_N_AGE_BAND);
    pr_jw_end(w);

    /* The counts of each share (contract 5a): "cells" are the (cell, need)
     * pairs the share is over, "covered" those covered. */
    pr_jw_key(w, "counts");
    pr_jw_object(w);
    put_count(w, "overall", &cov->count_overall);
    put_count_map(w, "by_need", PAROER_VOCAB_NEED, cov->count_need, PR_N_NEED);
    put_count_map(w, "by_condition", PAROER_VOCAB_CONDITION, cov->count_condition, PR_N_CONDITION);
    put_count_map(w, "by_relation", PAROER_VOCAB_RELATION, cov->count_relation, PR_N_RELATION);
    put_count_map(w, "by_age_band", PAROER_VOCAB_AGE_BAND, cov->count_age_band, PR_N_AGE_BAND);
    pr_jw_end(w);

    pr_jw_key(w, "gaps");
    pr_jw_array(w);
    for (size_t i = 0; i < cov->n_gaps; i++) {
        const pr_gap *g = &cov->gaps[i];
        pr_jw_object(w);
        put_code(w, "age_band", PAROER_VOCAB_AGE_BAND, g->band);
        put_code(w, "relation", PAROER_VOCAB_RELATION, g->relation);
        put_code(w, "condition", PAROER_VOCAB_CONDITION, g->condition);
        put_code(w, "need", PAROER_VOCAB_NEED, g->need);
        pr_jw_end(w);
    }
    pr_jw_end(w);

    pr_jw_key(w, "bereavement");
    pr_jw_array(w);
    for (int n = 0; n < PR_N_NEED; n++) {
        pr_jw_object(w);
        put_code(w, "need", PAROER_VOCAB_NEED, n);
        pr_jw_key(w, "offers");
        pr_jw_array(w);
        for (size_t i = 0; i < cov->n_bereaved[n]; i++) pr_jw_str(w, cov->bereaved[n][i]);
        pr_jw_end(w);
        pr_jw_end(w);
    }
    pr_jw_end(w);

    pr_jw_key(w, "policy");
    pr_jw_object(w);
    pr_jw_key(w, "goals");
    pr_jw_array(w);
    for (size_t g = 0; g < cov->n_goals; g++) {
        const pr_goal_cov *gc = &cov->goals[g];
        if (gc->organisational) continue;
        pr_jw_object(w);
        pr_jw_kstr(w, "id", gc->id);
        pr_jw_key(w, "realised_by");
        pr_jw_array(w);
        for (size_t j = 0; j < gc->n_realised; j++) pr_jw_str(w, gc->realised_by[j]);
        pr_jw_end(w);
        pr_jw_end(w);
    }
    pr_jw_end(w);
    pr_jw_key(w, "unrealised");
    pr_jw_array(w);
    for (size_t g = 0; g < cov->n_goals; g++)
        if (!cov->goals[g].organisational && !cov->goals[g].n_realised) pr_jw_str(w, cov->goals[g].id);
    pr_jw_end(w);
    pr_jw_key(w, "organisational");
    pr_jw_array(w);
    for (size_t g = 0; g < cov->n_goals; g++)
        if (cov->goals[g].organisational) pr_jw_str(w, cov->goals[g].id);
    pr_jw_end(w);
    pr_jw_end(w);

    pr_jw_key(w, "checks");
    pr_jw_array(w);
    for (size_t i = 0; i < cov->n_checks; i++) {
        const pr_check *k = &cov->checks[i];
        pr_jw_object(w);
        pr_jw_kstr(w, "code", k->code);
        pr_jw_kstr(w, "status", paroer_check_status_code(k->status));
        pr_jw_kstr(w, "detail", k->detail[cov->lang == PAROER_LANG_DA ? PAROER_LANG_DA : PAROER_LANG_EN]);
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

/* The upper bounds (contract 4a), written when some relative has unknown facts. */
static void put_possible(pr_jw *w, uint64_t reached, uint64_t met, uint64_t relatives)
{
    pr_jw_key(w, "reached_possible");
    put_share(w, ratio(reached, relatives));
    pr_jw_key(w, "needs_met_possible");
    put_share(w, ratio(met, relatives));
    pr_jw_kuint(w, "reached_possible_count", reached);
    pr_jw_kuint(w, "needs_met_possible_count", met);
}

static void put_breakdown(pr_jw *w, const char *key, const paroer_coverage *cov, int bd, int32_t list)
{
    pr_jw_key(w, key);
    pr_jw_object(w);
    for (size_t i = 0; i < cov->n_bd[bd]; i++) {
        const pr_bd_cell *c = &cov->bd[bd][i];
        if (list < 0) {
            char t[16];
            snprintf(t, sizeof t, "%d", (int)c->code);
            pr_jw_key(w, t);
        } else {
            pr_jw_key(w, paroer_vocab_code(list, c->code));
        }
        pr_jw_object(w);
        if (c->suppressed) {
            pr_jw_kbool(w, "suppressed", 1);
        } else {
            pr_jw_kuint(w, "relatives", c->relatives);
            pr_jw_key(w, "reached");
            put_share(w, ratio(c->reached, c->relatives));
            pr_jw_key(w, "needs_met");
            put_share(w, ratio(c->needs_met, c->relatives));
            pr_jw_kuint(w, "reached_count", c->reached);
            pr_jw_kuint(w, "needs_met_count", c->needs_met);
            if (cov->pop_partial) put_possible(w, c->reached_possible, c->needs_met_possible, c->relatives);
        }
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

static void put_population(pr_jw *w, const paroer_coverage *cov)
{
    pr_jw_key(w, "population");
    pr_jw_object(w);
    pr_jw_kuint(w, "relatives", cov->pop_relatives);
    pr_jw_kuint(w, "rejected_rows", cov->pop_rejected);
    if (cov->pop_suppressed) {
        /* fewer relatives than min_cell: the population's own figures are withheld (5a) */
        pr_jw_kbool(w, "suppressed", 1);
    } else {
        pr_jw_key(w, "reached");
        put_share(w, ratio(cov->pop_reached, cov->pop_relatives));
        pr_jw_key(w, "needs_met");
        put_share(w, ratio(cov->pop_met, cov->pop_relatives));
        pr_jw_kuint(w, "reached_count", cov->pop_reached);
        pr_jw_kuint(w, "needs_met_count", cov->pop_met);
        if (cov->pop_partial) put_possible(w, cov->pop_reached_possible, cov->pop_met_possible, cov->pop_relatives);
    }
    put_breakdown(w, "by_municipality", cov, PAROER_BREAKDOWN_MUNICIPALITY, -1);
    put_breakdown(w, "by_condition", cov, PAROER_BREAKDOWN_CONDITION, PAROER_VOCAB_CONDITION);
    put_breakdown(w, "by_relation", cov, PAROER_BREAKDOWN_RELATION, PAROER_VOCAB_RELATION);
    put_breakdown(w, "by_age_band", cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_VOCAB_AGE_BAND);
    pr_jw_key(w, "unmet");
    pr_jw_array(w);
    for (size_t i = 0; i < cov->n_unmet; i++) {
        pr_jw_object(w);
        put_code(w, "need", PAROER_VOCAB_NEED, cov->unmet[i].need);
        put_code(w, "condition", PAROER_VOCAB_CONDITION, cov->unmet[i].condition);
        pr_jw_kuint(w, "relatives", cov->unmet[i].relatives);
        pr_jw_end(w);
    }
    pr_jw_end(w);
    if (cov->n_alloc) {
        pr_jw_key(w, "allocation");
        pr_jw_array(w);
        for (size_t i = 0; i < cov->n_alloc; i++) {
            const pr_alloc_entry *e = &cov->alloc_entries[i];
            pr_jw_object(w);
            pr_jw_kstr(w, "offer", e->offer_id);
            pr_jw_kint(w, "capacity", e->capacity);
            pr_jw_kuint(w, "served", e->served);
            pr_jw_kuint(w, "waitlisted", e->waitlisted);
            pr_jw_end(w);
        }
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

int paroer_coverage_to_json(const paroer_coverage *cov, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!cov || !out) return pr_error(PAROER_EINVALID, "NULL argument");
    pr_jw w;
    pr_jw_init(&w, &cov->alloc);
    pr_jw_object(&w);
    pr_jw_key(&w, "municipality");
    if (cov->municipality < 0) pr_jw_null(&w);
    else pr_jw_int(&w, cov->municipality);
    pr_jw_key(&w, "date");
    pr_jw_date(&w, cov->date);
    if (cov->has_matrix) put_matrix(&w, cov);
    if (cov->has_population) put_population(&w, cov);
    pr_jw_end(&w);
    return pr_jw_finish(&w, out, len);
}
