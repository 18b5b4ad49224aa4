/* Unknown facts (contract 3a, 4a): the three-valued evaluation of the rule
 * module against the definition by completions, by brute force.
 *
 * For thousands of random partial relatives on small random catalogs, every
 * completion is enumerated and matched as a fully known relative (the
 * two-valued reference, itself checked against an oracle written from the
 * contract in test_match_batch.c and against every fast path in
 * test_rules.c). An offer must be eligible exactly when it is eligible under
 * every completion, excluded exactly when under none, possible otherwise.
 *
 * The completions are enumerated by classes, which is exact:
 * - an age (the relative's, or a cared-for person's) enters an offer's rules
 *   only through "age within the target's range" (rule 4, or rule 5's
 *   cared_for_age part): between two consecutive bounds of the catalog's
 *   offers every offer's verdict is the same, so one age per interval
 *   (the interval's first) stands for all;
 * - conditions enter only through "shares a condition with the target's
 *   list" (or the target takes any): two condition sets meeting the same
 *   target lists give every offer the same verdict, so one set per pattern
 *   of lists met stands for all 2047 non-empty sets (test_condition_classes
 *   checks the reduction against all 2047 sets);
 * - flags take both values.
 * Also checked: the first failed rule of an excluded offer, and the relation
 * and score of an eligible or possible one, against the match of the offer's
 * most favourable completion built here independently; the missing facts;
 * question scores against a direct recomputation over every answer. */
#include "test_match_util.h"
#include "match_internal.h"

/* ---- partial relatives ---- */
#define U PAROER_UNKNOWN
typedef struct prel {
    int32_t kind;
    uint32_t conds; int conds_unknown;
    int32_t cfa;                  /* -1 missing, U unknown, 0..130 */
    int flag[4];                  /* 0, 1, U: cohabiting, cared_at_home, terminal, bereaved */
    double hours;
} prel;
typedef struct partial {
    int32_t age_lo, age_hi;
    int employed;                 /* 0, 1, U */
    int n; prel r[3];
    uint32_t needs, modes, slots;
} partial;

static paroer_relative *build(const partial *p)
{
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_new(&r, "p", p->age_lo, TM_MUNI, NULL), PAROER_OK);
    if (p->age_hi != p->age_lo) assert_int_equal(paroer_relative_set_age_range(r, p->age_lo, p->age_hi), PAROER_OK);
    assert_int_equal(paroer_relative_set_employed(r, p->employed), PAROER_OK);
    for (int j = 0; j < p->n; j++) {
        const prel *x = &p->r[j];
        size_t i = tm_rel(r, x->kind);
        if (x->conds_unknown) assert_int_equal(paroer_relative_relation_set_conditions_unknown(r, i), PAROER_OK);
        for (int c = 0; c < 11; c++)
            if (!x->conds_unknown && (x->conds & (1u << c))) tm_cond(r, i, c);
        assert_int_equal(paroer_relative_relation_set_cared_for_age(r, i, x->cfa), PAROER_OK);
        for (int f = 0; f < 4; f++) assert_int_equal(paroer_relative_relation_set_flag(r, i, f, x->flag[f]), PAROER_OK);
        if (x->hours) tm_hours(r, i, x->hours);
    }
    for (int k = 0; k < 11; k++) if (p->needs & (1u << k)) tm_need(r, k);
    for (int k = 0; k < 4; k++) if (p->modes & (1u << k)) assert_int_equal(paroer_relative_add_mode(r, k), PAROER_OK);
    for (int k = 0; k < 3; k++) if (p->slots & (1u << k)) assert_int_equal(paroer_relative_add_slot(r, k), PAROER_OK);
    return r;
}

static int n_unknown(const partial *p)
{
    int n = (p->age_lo != p->age_hi) + (p->employed == U);
    for (int j = 0; j < p->n; j++) {
        n += p->r[j].conds_unknown + (p->r[j].cfa == U);
        for (int f = 0; f < 4; f++) n += p->r[j].flag[f] == U;
    }
    return n;
}

static partial random_partial(tm_rng *g)
{
    partial p;
    memset(&p, 0, sizeof p);
    p.age_lo = p.age_hi = 10 + (int32_t)tm_below(g, 80);
    p.employed = (int)tm_below(g, 2);
    p.n = 1 + (int)tm_below(g, 3);
    for (int j = 0; j < p.n; j++) {
        prel *x = &p.r[j];
        x->kind = (int32_t)tm_below(g, 6);
        for (int q = (int)tm_below(g, 3); q > 0; q--) x->conds |= 1u << tm_below(g, 11);
        x->cfa = tm_chance(g, 60) ? (int32_t)tm_below(g, 100) : -1;
        for (int f = 0; f < 4; f++) x->flag[f] = tm_chance(g, f == 3 ? 10 : 45);
        if (tm_chance(g, 30)) x->hours = 25;
    }
    for (int q = (int)tm_below(g, 3); q > 0; q--) p.needs |= 1u << tm_below(g, 11);
    if (tm_chance(g, 20)) p.modes = 1u << tm_below(g, 4);
    if (tm_chance(g, 20)) p.slots = 1u << tm_below(g, 3);
    /* 1 to 5 unknown facts */
    for (int k = 1 + (int)tm_below(g, 5); k > 0; k--) {
        uint32_t what = tm_below(g, 10);
        prel *x = &p.r[tm_below(g, (uint32_t)p.n)];
        if (what == 0) {
            int32_t a = (int32_t)tm_below(g, 131), b = (int32_t)tm_below(g, 131);
            p.age_lo = a < b ? a : b;
            p.age_hi = a < b ? b : a;
            if (tm_chance(g, 20)) { p.age_lo = 0; p.age_hi = 130; }
        } else if (what == 1) p.employed = U;
        else if (what == 2) x->conds_unknown = 1;
        else if (what == 3) x->cfa = U;
        else x->flag[what % 4] = U;
    }
    return p;
}

/* ---- classes of completions ---- */
typedef struct classes {
    int32_t age[300]; int n_age;      /* starts of the relative-age intervals (all 0..130) */
    int32_t cfa[300]; int n_cfa;
    uint32_t cond[2048]; int n_cond;  /* one condition set per pattern */
} classes;

static int cmp_i32(const void *a, const void *b) { return (*(const int32_t *)a > *(const int32_t *)b) - (*(const int32_t *)a < *(const int32_t *)b); }

static void starts(int32_t *out, int *n, const int32_t *bounds, int nb)
{
    int32_t tmp[400];
    int m = 0;
    tmp[m++] = 0;
    for (int k = 0; k < nb; k++) if (bounds[k] > 0 && bounds[k] <= 130) tmp[m++] = bounds[k];
    qsort(tmp, (size_t)m, sizeof *tmp, cmp_i32);
    *n = 0;
    for (int k = 0; k < m; k++) if (!*n || out[*n - 1] != tmp[k]) out[(*n)++] = tmp[k];
}

static uint32_t cond_pattern(const paroer_catalog *c, uint32_t set)
{
    /* one bit per offer: the set meets its target's conditions (or any) */
    uint32_t sig = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(c) && i < 32; i++) {
        uint32_t t = paroer_target_conditions(paroer_offer_target(paroer_catalog_offer(c, i)));
        if (!t || (t & set)) sig |= 1u << i;
    }
    return sig;
}

static void make_classes(const paroer_catalog *c, classes *k)
{
    int32_t ab[200], cb[200];
    int na = 0, nc = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(c); i++) {
        const paroer_target *t = paroer_offer_target(paroer_catalog_offer(c, i));
        ab[na++] = paroer_target_relative_age_min(t);
        ab[na++] = paroer_target_relative_age_max(t) == INT32_MAX ? 131 : paroer_target_relative_age_max(t) + 1;
        cb[nc++] = paroer_target_cared_for_age_min(t);
        cb[nc++] = paroer_target_cared_for_age_max(t) == INT32_MAX ? 131 : paroer_target_cared_for_age_max(t) + 1;
    }
    starts(k->age, &k->n_age, ab, na);
    starts(k->cfa, &k->n_cfa, cb, nc);
    uint32_t seen[2048];
    k->n_cond = 0;
    for (uint32_t s = 1; s < 2048; s++) {
        uint32_t sig = cond_pattern(c, s);
        int dup = 0;
        for (int q = 0; q < k->n_cond && !dup; q++) dup = seen[q] == sig;
        if (!dup) { seen[k->n_cond] = sig; k->cond[k->n_cond++] = s; }
    }
}

/* The values a completion gives one unknown; the range's classes. */
static int values_of_range(const int32_t *st, int n, int32_t lo, int32_t hi, int32_t *out)
{
    int m = 0;
    out[m++] = lo;
    for (int k = 0; k < n; k++) if (st[k] > lo && st[k] <= hi) out[m++] = st[k];
    return m;
}

typedef struct agg { int all_yes, any_yes; } agg;

/* Enumerates every completion (by classes) of p; calls back with each. */
typedef struct enumctx {
    const paroer_catalog *c;
    const classes *k;
    agg *a;
    pr_verdict *ref;
    long n;
} enumctx;

static void visit(enumctx *e, const partial *full)
{
    paroer_relative *r = build(full);
    assert_int_equal(pr_match_reference(e->c, r, TM_TODAY, e->ref), PAROER_OK);
    for (size_t i = 0; i < paroer_catalog_offer_count(e->c); i++) {
        int yes = e->ref[i].value == PR_YES;
        e->a[i].all_yes &= yes;
        e->a[i].any_yes |= yes;
    }
    paroer_relative_free(r);
    e->n++;
}

static void complete(enumctx *e, partial p, int slot)
{
    /* slot: 0 age, 1 employed, then 2 + 6 * j + part */
    for (; slot < 2 + 6 * p.n; slot++) {
        int32_t vals[300];
        if (slot == 0 && p.age_lo != p.age_hi) {
            int m = values_of_range(e->k->age, e->k->n_age, p.age_lo, p.age_hi, vals);
            for (int q = 0; q < m; q++) { partial x = p; x.age_lo = x.age_hi = vals[q]; complete(e, x, slot + 1); }
            return;
        }
        if (slot == 1 && p.employed == U) {
            for (int v = 0; v < 2; v++) { partial x = p; x.employed = v; complete(e, x, slot + 1); }
            return;
        }
        if (slot < 2) continue;
        int j = (slot - 2) / 6, part = (slot - 2) % 6;
        prel *r = &p.r[j];
        if (part == 0 && r->conds_unknown) {
            for (int q = 0; q < e->k->n_cond; q++) {
                partial x = p; x.r[j].conds_unknown = 0; x.r[j].conds = e->k->cond[q]; complete(e, x, slot + 1);
            }
            return;
        }
        if (part == 1 && r->cfa == U) {
            int m = values_of_range(e->k->cfa, e->k->n_cfa, 0, 130, vals);
            for (int q = 0; q < m; q++) { partial x = p; x.r[j].cfa = vals[q]; complete(e, x, slot + 1); }
            return;
        }
        if (part >= 2 && r->flag[part - 2] == U) {
            for (int v = 0; v < 2; v++) { partial x = p; x.r[j].flag[part - 2] = v; complete(e, x, slot + 1); }
            return;
        }
    }
    visit(e, &p);
}

/* The completion most favourable to offer o, built from the contract's words. */
static partial favourable(const partial *p, const paroer_offer *o)
{
    const paroer_target *t = paroer_offer_target(o);
    partial x = *p;
    if (x.age_lo != x.age_hi) {
        int32_t a = paroer_target_relative_age_min(t) > x.age_lo ? paroer_target_relative_age_min(t) : x.age_lo;
        x.age_lo = x.age_hi = a > x.age_hi ? x.age_hi : a;
    }
    uint32_t req = paroer_target_requires(t);
    if (x.employed == U) x.employed = (req >> PAROER_FLAG_EMPLOYED) & 1;
    int lifted = paroer_offer_kind(o) == PAROER_KIND_RESPITE_HOME || paroer_offer_kind(o) == PAROER_KIND_RESPITE_AWAY ||
                 paroer_offer_kind(o) == PAROER_KIND_COUNSELLING;
    for (int j = 0; j < x.n; j++) {
        prel *r = &x.r[j];
        if (r->conds_unknown) {
            r->conds_unknown = 0;
            r->conds = paroer_target_conditions(t) ? paroer_target_conditions(t) : 1u;
        }
        if (r->cfa == U) {
            int32_t a = paroer_target_cared_for_age_min(t);
            r->cfa = a > 130 ? 130 : a;
        }
        for (int f = 0; f < 3; f++)
            if (r->flag[f] == U) r->flag[f] = ((req >> f) & 1) || (f == PAROER_FLAG_TERMINAL && lifted);
        if (r->flag[3] == U) r->flag[3] = paroer_target_bereaved(t) == PAROER_BEREAVEMENT_ONLY;
    }
    return x;
}

static paroer_match_result *match_possible(const paroer_catalog *c, const paroer_relative *r)
{
    paroer_match_options o = tm_opts(TM_TODAY, 0, 1);
    o.possible = 1;
    paroer_match_result *res = NULL;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
    return res;
}

static void check_partial(const paroer_catalog *c, const classes *k, const partial *p, long *stats)
{
    size_t n = paroer_catalog_offer_count(c);
    agg a[64];
    pr_verdict ref[64];
    for (size_t i = 0; i < n; i++) { a[i].all_yes = 1; a[i].any_yes = 0; }
    enumctx e = {c, k, a, ref, 0};
    complete(&e, *p, 0);
    paroer_relative *r = build(p);
    paroer_match_result *res = match_possible(c, r);
    int outcome[64];
    for (size_t i = 0; i < n; i++) outcome[i] = PAROER_OUTCOME_EXCLUDED;
    for (size_t i = 0; i < paroer_match_result_count(res); i++)
        outcome[paroer_offer_index(paroer_match_result_offer(res, i))] = paroer_match_result_outcome(res, i);
    for (size_t i = 0; i < n; i++) {
        int want = a[i].all_yes ? PAROER_OUTCOME_ELIGIBLE : a[i].any_yes ? PAROER_OUTCOME_POSSIBLE : PAROER_OUTCOME_EXCLUDED;
        if (outcome[i] != want)
            fail_msg("offer %zu: outcome %d, by completions %d (%ld completions)", i, outcome[i], want, e.n);
        stats[want]++;
    }
    /* excluded: the first failed rule under the favourable completion */
    for (size_t x = 0; x < paroer_match_result_excluded_count(res); x++) {
        const paroer_offer *o = paroer_match_result_excluded_offer(res, x);
        partial f = favourable(p, o);
        paroer_relative *fr = build(&f);
        assert_int_equal(pr_match_reference(c, fr, TM_TODAY, ref), PAROER_OK);
        assert_string_equal(paroer_match_result_excluded_code(res, x),
                            pr_exclusion_code((unsigned)ref[paroer_offer_index(o)].code));
        paroer_relative_free(fr);
    }
    /* eligible and possible: relation and score of the favourable completion */
    for (size_t i = 0; i < paroer_match_result_count(res); i++) {
        const paroer_offer *o = paroer_match_result_offer(res, i);
        size_t idx = paroer_offer_index(o);
        partial f = favourable(p, o);
        int32_t rel = paroer_match_result_relation(res, i);
        if (paroer_match_result_outcome(res, i) == PAROER_OUTCOME_ELIGIBLE) {
            assert_int_equal(paroer_match_result_missing_count(res, i), 0);
        } else {
            assert_true(paroer_match_result_missing_count(res, i) > 0);
            /* only the matched relation, favourably completed: eligible with that score */
            f.r[0] = f.r[rel];
            f.n = 1;
        }
        paroer_relative *fr = build(&f);
        assert_int_equal(pr_match_reference(c, fr, TM_TODAY, ref), PAROER_OK);
        assert_int_equal(ref[idx].value, PR_YES);
        assert_int_equal(ref[idx].score, paroer_match_result_score(res, i));
        if (paroer_match_result_outcome(res, i) == PAROER_OUTCOME_ELIGIBLE)
            assert_int_equal((int32_t)ref[idx].relation, rel);
        /* every missing fact is unknown, and the reasons end with them */
        size_t nm = paroer_match_result_missing_count(res, i), nr = paroer_match_result_reason_count(res, i);
        for (size_t q = 0; q < nm; q++) {
            int32_t fact = paroer_match_result_missing(res, i, q);
            int unknown = fact == PAROER_FACT_AGE ? p->age_lo != p->age_hi
                        : fact == PAROER_FACT_EMPLOYED ? p->employed == U
                        : fact == PAROER_FACT_CONDITIONS ? p->r[rel].conds_unknown
                        : fact == PAROER_FACT_CARED_FOR_AGE ? p->r[rel].cfa == U
                        : p->r[rel].flag[fact - PAROER_FACT_COHABITING] == U;
            assert_true(unknown);
            char want[40];
            snprintf(want, sizeof want, "missing:%s", paroer_fact_code(fact));
            assert_string_equal(paroer_match_result_reason(res, i, nr - nm + q), want);
        }
        paroer_relative_free(fr);
    }
    paroer_match_result_free(res);
    paroer_relative_free(r);
}

static void test_brute_force(void **state)
{
    (void)state;
    long stats[3] = {0, 0, 0}, relatives = 0;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        paroer_catalog *c = tm_random_catalog(seed, 6, 4); /* 6 local offers in 4 municipalities + 4 nationwide */
        static classes k;
        make_classes(c, &k);
        tm_rng g = {seed * 31337};
        for (int t = 0; t < 60; t++) {
            partial p = random_partial(&g);
            if (!n_unknown(&p)) continue;
            check_partial(c, &k, &p, stats);
            relatives++;
        }
        paroer_catalog_free(c);
    }
    assert_true(relatives >= 2000);
    assert_true(stats[PAROER_OUTCOME_POSSIBLE] > 1000);
    assert_true(stats[PAROER_OUTCOME_ELIGIBLE] > 1000);
    assert_true(stats[PAROER_OUTCOME_EXCLUDED] > 10000);
}

/* The reduction of condition sets: on a catalog, every one of the 2047 sets
 * gives each offer the verdict of its class representative. */
static void test_condition_classes(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(3, 6, 4);
    classes k;
    make_classes(c, &k);
    size_t n = paroer_catalog_offer_count(c);
    pr_verdict rep[64], got[64];
    tm_rng g = {77};
    for (int t = 0; t < 20; t++) {
        partial p = random_partial(&g);
        p.age_lo = p.age_hi;
        p.employed = 1;
        for (int j = 0; j < p.n; j++) {
            p.r[j].conds_unknown = 0;
            if (p.r[j].cfa == U) p.r[j].cfa = 50;
            for (int f = 0; f < 4; f++) if (p.r[j].flag[f] == U) p.r[j].flag[f] = 1;
        }
        for (uint32_t s = 1; s < 2048; s++) {
            uint32_t sig = cond_pattern(c, s), r0 = 0;
            for (int q = 0; q < k.n_cond && !r0; q++) if (cond_pattern(c, k.cond[q]) == sig) r0 = k.cond[q];
            assert_true(r0 != 0);
            partial a = p, b = p;
            a.r[0].conds = s;
            b.r[0].conds = r0;
            paroer_relative *ra = build(&a), *rb = build(&b);
            assert_int_equal(pr_match_reference(c, ra, TM_TODAY, got), PAROER_OK);
            assert_int_equal(pr_match_reference(c, rb, TM_TODAY, rep), PAROER_OK);
            for (size_t i = 0; i < n; i++) assert_int_equal(got[i].value, rep[i].value);
            paroer_relative_free(ra);
            paroer_relative_free(rb);
        }
    }
    paroer_catalog_free(c);
}

/* Question scores against a direct recomputation over every answer. */
static void test_question_scores(void **state)
{
    (void)state;
    long checked = 0;
    for (uint64_t seed = 50; seed < 62; seed++) {
        paroer_catalog *c = tm_random_catalog(seed, 6, 4);
        tm_rng g = {seed * 101};
        for (int t = 0; t < 40; t++) {
            partial p = random_partial(&g);
            if (!n_unknown(&p)) continue;
            paroer_relative *r = build(&p);
            paroer_match_result *res = match_possible(c, r);
            int was_possible[64] = {0};
            for (size_t i = 0; i < paroer_match_result_count(res); i++)
                if (paroer_match_result_outcome(res, i) == PAROER_OUTCOME_POSSIBLE)
                    was_possible[paroer_offer_index(paroer_match_result_offer(res, i))] = 1;
            /* every unknown fact, as a question: slot 0 age, 1 employed, 2 + 6j + part */
            uint64_t want_dec[20] = {0};
            uint32_t want_ans[20] = {0};
            for (int slot = 0; slot < 2 + 6 * p.n; slot++) {
                int j = slot >= 2 ? (slot - 2) / 6 : 0, part = slot >= 2 ? (slot - 2) % 6 : -1;
                int32_t lo = 0, hi = -1;
                if (slot == 0 && p.age_lo != p.age_hi) { lo = p.age_lo; hi = p.age_hi; }
                if (slot == 1 && p.employed == U) hi = 1;
                if (part == 0 && p.r[j].conds_unknown) hi = 10;
                if (part == 1 && p.r[j].cfa == U) hi = 130;
                if (part >= 2 && p.r[j].flag[part - 2] == U) hi = 1;
                for (int32_t a = lo; a <= hi; a++) {
                    partial x = p;
                    if (slot == 0) x.age_lo = x.age_hi = a;
                    else if (slot == 1) x.employed = a;
                    else if (part == 0) { x.r[j].conds_unknown = 0; x.r[j].conds = 1u << a; }
                    else if (part == 1) x.r[j].cfa = a;
                    else x.r[j].flag[part - 2] = a;
                    paroer_relative *xr = build(&x);
                    paroer_match_result *xs = match_possible(c, xr);
                    uint64_t decided = 0;
                    for (size_t i = 0; i < paroer_catalog_offer_count(c); i++) if (was_possible[i]) decided++;
                    for (size_t i = 0; i < paroer_match_result_count(xs); i++)
                        if (paroer_match_result_outcome(xs, i) == PAROER_OUTCOME_POSSIBLE &&
                            was_possible[paroer_offer_index(paroer_match_result_offer(xs, i))])
                            decided--;
                    want_dec[slot] += decided;
                    want_ans[slot]++;
                    paroer_match_result_free(xs);
                    paroer_relative_free(xr);
                }
            }
            /* the result's questions: exactly those with decided > 0, in order */
            size_t nq = paroer_match_result_question_count(res), expect = 0;
            for (int slot = 0; slot < 2 + 6 * p.n; slot++) expect += want_dec[slot] > 0;
            assert_int_equal(nq, expect);
            for (size_t q = 0; q < nq; q++) {
                int32_t fact = paroer_match_result_question_fact(res, q);
                int32_t rel = paroer_match_result_question_relation(res, q);
                int slot = fact < 2 ? fact : 2 + 6 * rel + (fact - 2);
                assert_int_equal(paroer_match_result_question_decided(res, q), want_dec[slot]);
                assert_int_equal(paroer_match_result_question_answers(res, q), want_ans[slot]);
                if (q) { /* score non-increasing, ties in fact order */
                    uint64_t d0 = paroer_match_result_question_decided(res, q - 1);
                    uint64_t a0 = paroer_match_result_question_answers(res, q - 1);
                    uint64_t d1 = want_dec[slot], a1 = want_ans[slot];
                    assert_true(d0 * a1 >= d1 * a0);
                }
                checked++;
            }
            if (nq) {
                char code[48];
                size_t len = paroer_match_result_question_code(res, 0, code, sizeof code);
                assert_int_equal(len, strlen(code));
            }
            paroer_match_result_free(res);
            paroer_relative_free(r);
        }
        paroer_catalog_free(c);
    }
    assert_true(checked > 100);
}

/* Without the option a relative with unknown facts is an error; the matcher
 * and the batch agree with the one-shot call; a relative without unknowns
 * is matched as before even with the option. */
static void test_option_and_entry_points(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(8, 10, 5);
    tm_rng g = {5};
    paroer_match_options plain = tm_opts(TM_TODAY, 0, 0), with = plain;
    with.possible = 1;
    paroer_matcher *m = NULL;
    assert_int_equal(paroer_matcher_new(&m, c, &with), PAROER_OK);
    for (int t = 0; t < 200; t++) {
        partial p = random_partial(&g);
        paroer_relative *r = build(&p);
        paroer_match_result *res = NULL;
        if (n_unknown(&p)) {
            assert_int_equal(paroer_match(&res, c, r, &plain), PAROER_EINVALID);
            assert_null(res);
            assert_non_null(strstr(paroer_error_last()->message, "unknown facts"));
        }
        assert_int_equal(paroer_match(&res, c, r, &with), PAROER_OK);
        const paroer_match_result *mr = NULL;
        assert_int_equal(paroer_matcher_match(m, r, &mr), PAROER_OK);
        char *a = NULL, *b = NULL;
        assert_int_equal(paroer_match_result_to_json(res, &a, NULL), PAROER_OK);
        assert_int_equal(paroer_match_result_to_json(mr, &b, NULL), PAROER_OK);
        assert_string_equal(a, b);
        assert_int_equal(paroer_match_result_has_unknowns(res), n_unknown(&p) > 0);
        assert_int_equal(paroer_match_result_count(res),
                         paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE) +
                             paroer_match_result_outcome_count(res, PAROER_OUTCOME_POSSIBLE));
        paroer_free(a);
        paroer_free(b);
        paroer_match_result_free(res);
        paroer_relative_free(r);
    }
    paroer_matcher_free(m);
    paroer_catalog_free(c);
}

/* Named cases: one certain and one possible relation; age ranges across an
 * offer's bound; the excluded code under the favourable completion. */
static void test_named_cases(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "co", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_end(b);
    tm_offer(b, "te", PAROER_KIND_RESPITE_HOME);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_end(b);
    tm_offer(b, "adult", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_CANCER);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    partial p;
    memset(&p, 0, sizeof p);
    p.age_lo = 10; p.age_hi = 30;
    p.n = 2;
    p.r[0].kind = PAROER_RELATION_PARENT; p.r[0].cfa = -1; p.r[0].flag[0] = 1; p.r[0].conds = 1u << PAROER_CONDITION_DEMENTIA;
    p.r[1].kind = PAROER_RELATION_SIBLING; p.r[1].cfa = -1; p.r[1].flag[2] = U; p.r[1].conds_unknown = 1;
    paroer_relative *r = build(&p);
    paroer_match_result *res = match_possible(c, r);
    /* co: certain through relation 0 */
    long i = tm_rank_of(res, "co");
    assert_true(i >= 0);
    assert_int_equal(paroer_match_result_outcome(res, (size_t)i), PAROER_OUTCOME_ELIGIBLE);
    assert_int_equal(paroer_match_result_relation(res, (size_t)i), 0);
    /* te: possible through relation 1, missing terminal; strain counted in the favourable completion */
    i = tm_rank_of(res, "te");
    assert_int_equal(paroer_match_result_outcome(res, (size_t)i), PAROER_OUTCOME_POSSIBLE);
    assert_int_equal(paroer_match_result_relation(res, (size_t)i), 1);
    assert_int_equal(paroer_match_result_missing_count(res, (size_t)i), 1);
    assert_int_equal(paroer_match_result_missing(res, (size_t)i, 0), PAROER_FACT_TERMINAL);
    assert_string_equal(TM_REASONS(res, (size_t)i), "requires:terminal,strain:high,missing:terminal");
    /* adult: age 10..30 across 18, conditions of relation 1 unknown: possible, missing age and conditions */
    i = tm_rank_of(res, "adult");
    assert_int_equal(paroer_match_result_outcome(res, (size_t)i), PAROER_OUTCOME_POSSIBLE);
    assert_int_equal(paroer_match_result_relation(res, (size_t)i), 1);
    assert_int_equal(paroer_match_result_missing_count(res, (size_t)i), 2);
    assert_int_equal(paroer_match_result_missing(res, (size_t)i, 0), PAROER_FACT_AGE);
    assert_int_equal(paroer_match_result_missing(res, (size_t)i, 1), PAROER_FACT_CONDITIONS);
    /* the questions: terminal decides "te" either way (2 / 2); an age below 18
     * excludes "adult" (8 / 21); a condition other than cancer excludes it
     * (10 / 11); cancer leaves the age open */
    assert_int_equal(paroer_match_result_question_count(res), 3);
    char code[48];
    paroer_match_result_question_code(res, 0, code, sizeof code);
    assert_string_equal(code, "relations[1].terminal");
    paroer_match_result_question_code(res, 1, code, sizeof code);
    assert_string_equal(code, "relations[1].conditions");
    assert_int_equal(paroer_match_result_question_decided(res, 1), 10);
    assert_int_equal(paroer_match_result_question_answers(res, 1), 11);
    paroer_match_result_question_code(res, 2, code, sizeof code);
    assert_string_equal(code, "age");
    assert_int_equal(paroer_match_result_question_decided(res, 2), 8);
    assert_int_equal(paroer_match_result_question_answers(res, 2), 21);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    /* age within the range: eligible on age; below it: excluded with relative_age */
    p.age_lo = 20; p.age_hi = 30;
    p.r[1].conds_unknown = 0; p.r[1].conds = 1u << PAROER_CONDITION_CANCER;
    r = build(&p);
    res = match_possible(c, r);
    i = tm_rank_of(res, "adult");
    assert_int_equal(paroer_match_result_outcome(res, (size_t)i), PAROER_OUTCOME_ELIGIBLE);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    p.age_lo = 5; p.age_hi = 17;
    p.r[1].conds_unknown = 1;
    r = build(&p);
    res = match_possible(c, r);
    assert_int_equal(tm_rank_of(res, "adult"), -1);
    assert_string_equal(tm_excluded_code(res, "adult"), "relative_age");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* A warmed matcher allocates nothing, unknown facts and questions included. */
static void test_warmed_matcher_allocates_nothing(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(12, 10, 5);
    tm_alloc_ctx ctx = {-1, 0, 0};
    paroer_allocator al = tm_allocator(&ctx);
    paroer_match_options o = tm_opts(TM_TODAY, 5, 1);
    o.possible = 1;
    o.allocator = &al;
    paroer_matcher *m = NULL;
    assert_int_equal(paroer_matcher_new(&m, c, &o), PAROER_OK);
    paroer_relative *rels[100];
    tm_rng g = {4242};
    for (int k = 0; k < 100; k++) {
        partial p = random_partial(&g);
        rels[k] = build(&p);
    }
    const paroer_match_result *res;
    for (int k = 0; k < 100; k++) assert_int_equal(paroer_matcher_match(m, rels[k], &res), PAROER_OK);
    long before = ctx.count;
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < 100; k++) assert_int_equal(paroer_matcher_match(m, rels[k], &res), PAROER_OK);
    assert_int_equal(ctx.count, before);
    paroer_matcher_free(m);
    assert_int_equal(ctx.live, 0);
    for (int k = 0; k < 100; k++) paroer_relative_free(rels[k]);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brute_force),
        cmocka_unit_test(test_condition_classes),
        cmocka_unit_test(test_question_scores),
        cmocka_unit_test(test_option_and_entry_points),
        cmocka_unit_test(test_warmed_matcher_allocates_nothing),
        cmocka_unit_test(test_named_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
