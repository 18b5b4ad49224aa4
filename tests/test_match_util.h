/* Small helpers shared by the tests/test_match*.c programs: catalogs built
 * offer by offer through the builder API, relatives through relative.h, and
 * an allocator that counts (and can fail) allocations.
 * Every helper fails the test (cmocka assert) when the library refuses. */
#ifndef TEST_MATCH_UTIL_H
#define TEST_MATCH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <paroer/paroer.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#define TM_MUNI 306
#define TM_OTHER_MUNI 101

/* ---- dates ---- */
static inline int32_t tm_date(int y, int m, int d)
{
    int32_t v = 0;
    assert_int_equal(paroer_date_from_ymd(&v, y, m, d), PAROER_OK);
    return v;
}
#define TM_TODAY tm_date(2026, 3, 1)

/* ---- catalogs ---- */
static inline paroer_catalog_builder *tm_builder(void)
{
    paroer_catalog_builder *b = NULL;
    assert_int_equal(paroer_catalog_builder_new(&b, NULL), PAROER_OK);
    assert_int_equal(paroer_builder_set_municipality(b, TM_MUNI), PAROER_OK);
    return b;
}
/* Opens an offer whose name is "Name of <id>". */
static inline void tm_offer(paroer_catalog_builder *b, const char *id, int32_t kind)
{
    char name[128];
    snprintf(name, sizeof name, "Name of %s", id);
    assert_int_equal(paroer_builder_begin_offer(b, id, name, kind), PAROER_OK);
}
static inline void tm_int(paroer_catalog_builder *b, int32_t field, int64_t v)
{
    assert_int_equal(paroer_builder_set_int(b, field, v), PAROER_OK);
}
static inline void tm_add(paroer_catalog_builder *b, int32_t field, int32_t v)
{
    assert_int_equal(paroer_builder_add(b, field, v), PAROER_OK);
}
static inline void tm_text(paroer_catalog_builder *b, int32_t field, const char *s)
{
    assert_int_equal(paroer_builder_add_text(b, field, s), PAROER_OK);
}
static inline void tm_end(paroer_catalog_builder *b)
{
    assert_int_equal(paroer_builder_end_offer(b), PAROER_OK);
}
/* A plain offer: given kind, default everything. */
static inline void tm_plain(paroer_catalog_builder *b, const char *id, int32_t kind)
{
    tm_offer(b, id, kind);
    tm_end(b);
}
static inline paroer_catalog *tm_finish(paroer_catalog_builder *b)
{
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_builder_finish(b, &c), PAROER_OK);
    paroer_catalog_builder_free(b);
    assert_non_null(c);
    return c;
}

/* ---- relatives ---- */
static inline paroer_relative *tm_relative(const char *id, int32_t age)
{
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_new(&r, id, age, TM_MUNI, NULL), PAROER_OK);
    return r;
}
static inline size_t tm_rel(paroer_relative *r, int32_t relation)
{
    size_t i = 0;
    assert_int_equal(paroer_relative_add_relation(r, relation, &i), PAROER_OK);
    return i;
}
static inline void tm_cond(paroer_relative *r, size_t i, int32_t cond)
{
    assert_int_equal(paroer_relative_relation_add_condition(r, i, cond), PAROER_OK);
}
static inline void tm_flag(paroer_relative *r, size_t i, int32_t flag)
{
    assert_int_equal(paroer_relative_relation_set_flag(r, i, flag, 1), PAROER_OK);
}
static inline void tm_hours(paroer_relative *r, size_t i, double h)
{
    assert_int_equal(paroer_relative_relation_set_hours(r, i, h), PAROER_OK);
}
static inline void tm_cfa(paroer_relative *r, size_t i, int32_t age)
{
    assert_int_equal(paroer_relative_relation_set_cared_for_age(r, i, age), PAROER_OK);
}
static inline void tm_need(paroer_relative *r, int32_t need)
{
    assert_int_equal(paroer_relative_add_need(r, need), PAROER_OK);
}
/* A 50-year-old son caring for a mother with dementia, in TM_MUNI. */
static inline paroer_relative *tm_son(void)
{
    paroer_relative *r = tm_relative("r-1", 50);
    size_t i = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);
    tm_cond(r, i, PAROER_CONDITION_DEMENTIA);
    tm_cfa(r, i, 84);
    return r;
}

/* ---- matching ---- */
static inline paroer_match_options tm_opts(int32_t date, uint32_t top, int explain)
{
    paroer_match_options o;
    assert_int_equal(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION), PAROER_OK);
    o.date = date;
    o.top = top;
    o.explain = explain;
    return o;
}
static inline paroer_match_result *tm_match(const paroer_catalog *c, const paroer_relative *r, int explain)
{
    paroer_match_options o = tm_opts(TM_TODAY, 0, explain);
    paroer_match_result *res = NULL;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
    assert_non_null(res);
    return res;
}
/* Index of offer `id` among the ranked entries, or -1. */
static inline long tm_rank_of(const paroer_match_result *res, const char *id)
{
    for (size_t i = 0; i < paroer_match_result_count(res); i++)
        if (strcmp(paroer_offer_id(paroer_match_result_offer(res, i)), id) == 0) return (long)i;
    return -1;
}
/* The exclusion code of offer `id`, NULL when it is not listed as excluded. */
static inline const char *tm_excluded_code(const paroer_match_result *res, const char *id)
{
    for (size_t i = 0; i < paroer_match_result_excluded_count(res); i++)
        if (strcmp(paroer_offer_id(paroer_match_result_excluded_offer(res, i)), id) == 0)
            return paroer_match_result_excluded_code(res, i);
    return NULL;
}
/* "eligible" or the exclusion code of `id` for `r` (explain on). */
static inline const char *tm_verdict_buf(const paroer_catalog *c, const paroer_relative *r, const char *id,
                                         char *buf, size_t cap)
{
    paroer_match_result *res = tm_match(c, r, 1);
    const char *code = tm_excluded_code(res, id);
    long rank = tm_rank_of(res, id);
    assert_true((code != NULL) != (rank >= 0)); /* exactly one of the two lists */
    snprintf(buf, cap, "%s", code ? code : "eligible");
    paroer_match_result_free(res);
    return buf;
}
#define TM_VERDICT(c, r, id) tm_verdict_buf((c), (r), (id), (char[64]){0}, 64)

/* The reasons of ranked entry i joined by ',' into buf. */
static inline const char *tm_reasons(const paroer_match_result *res, size_t i, char *buf, size_t cap)
{
    buf[0] = '\0';
    size_t n = paroer_match_result_reason_count(res, i);
    for (size_t k = 0; k < n; k++) {
        if (k) strncat(buf, ",", cap - strlen(buf) - 1);
        strncat(buf, paroer_match_result_reason(res, i, k), cap - strlen(buf) - 1);
    }
    return buf;
}
#define TM_REASONS(res, i) tm_reasons((res), (i), (char[512]){0}, 512)

/* ---- a counting allocator that fails the allocation numbered fail_at (0-based; -1 never) ---- */
typedef struct tm_alloc_ctx {
    long fail_at;
    long count;        /* allocations attempted */
    long live;         /* allocations not yet freed */
} tm_alloc_ctx;

static inline void *tm_malloc_fn(void *ctx, size_t size)
{
    tm_alloc_ctx *a = ctx;
    if (a->count++ == a->fail_at) return NULL;
    void *p = malloc(size);
    if (p) a->live++;
    return p;
}
static inline void *tm_realloc_fn(void *ctx, void *p, size_t old_size, size_t new_size)
{
    tm_alloc_ctx *a = ctx;
    (void)old_size;
    if (a->count++ == a->fail_at) return NULL;
    void *q = realloc(p, new_size);
    if (q && !p) a->live++;
    return q;
}
static inline void tm_free_fn(void *ctx, void *p)
{
    tm_alloc_ctx *a = ctx;
    if (p) { a->live--; free(p); }
}
static inline paroer_allocator tm_allocator(tm_alloc_ctx *ctx)
{
    paroer_allocator al = {tm_malloc_fn, tm_realloc_fn, tm_free_fn, ctx};
    return al;
}

/* ---- pseudo-random catalogs and relatives (deterministic, for cross-checks) ---- */
typedef struct tm_rng { uint64_t s; } tm_rng;
static inline uint32_t tm_next(tm_rng *g)
{
    g->s ^= g->s << 13; g->s ^= g->s >> 7; g->s ^= g->s << 17;
    return (uint32_t)(g->s >> 16);
}
static inline uint32_t tm_below(tm_rng *g, uint32_t n) { return tm_next(g) % n; }
static inline int tm_chance(tm_rng *g, uint32_t percent) { return tm_below(g, 100) < percent; }

static const int32_t tm_munis[] = {101, 147, 306, 851};
#define TM_N_MUNIS 4

/* A catalog of `per_muni` offers in each of tm_munis plus `n_nat` nationwide ones. */
static inline paroer_catalog *tm_random_catalog(uint64_t seed, int per_muni, int n_nat)
{
    tm_rng g = {seed * 2654435761u + 1};
    paroer_catalog_builder *b = NULL;
    assert_int_equal(paroer_catalog_builder_new(&b, NULL), PAROER_OK);
    int n = per_muni * TM_N_MUNIS + n_nat;
    for (int k = 0; k < n; k++) {
        char id[32];
        /* ids not in index order, so the id tie-break is exercised */
        snprintf(id, sizeof id, "o%03u-%d", (unsigned)tm_below(&g, 1000), k);
        tm_offer(b, id, (int32_t)tm_below(&g, 12));
        if (k < per_muni * TM_N_MUNIS) {
            tm_add(b, PAROER_FIELD_MUNICIPALITIES, tm_munis[k % TM_N_MUNIS]);
            if (tm_chance(&g, 10)) tm_add(b, PAROER_FIELD_MUNICIPALITIES, tm_munis[tm_below(&g, TM_N_MUNIS)]);
        } else {
            tm_int(b, PAROER_FIELD_NATIONWIDE, 1);
        }
        if (tm_chance(&g, 5)) tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
        else if (tm_chance(&g, 10)) tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
        int32_t from = TM_TODAY - 30;
        if (tm_chance(&g, 10)) {
            from += (int32_t)tm_below(&g, 60);
            tm_int(b, PAROER_FIELD_VALID_FROM, from);
        }
        if (tm_chance(&g, 10)) tm_int(b, PAROER_FIELD_VALID_TO, from + (int32_t)tm_below(&g, 60));
        if (tm_chance(&g, 70)) tm_int(b, PAROER_FIELD_VERIFIED, TM_TODAY - (int32_t)tm_below(&g, 800));
        if (tm_chance(&g, 20)) tm_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18);
        else if (tm_chance(&g, 10)) tm_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 17);
        if (tm_chance(&g, 30)) {
            tm_add(b, PAROER_FIELD_RELATIONS, (int32_t)tm_below(&g, 6));
            if (tm_chance(&g, 50)) tm_add(b, PAROER_FIELD_RELATIONS, (int32_t)tm_below(&g, 6));
        }
        if (tm_chance(&g, 40)) {
            int m = 1 + (int)tm_below(&g, 3);
            for (int j = 0; j < m; j++) tm_add(b, PAROER_FIELD_CONDITIONS, (int32_t)tm_below(&g, 11));
        }
        if (tm_chance(&g, 15)) tm_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, 65);
        else if (tm_chance(&g, 10)) tm_int(b, PAROER_FIELD_CARED_FOR_AGE_MAX, 17);
        if (tm_chance(&g, 20)) {
            static const int32_t fl[] = {PAROER_FLAG_COHABITING, PAROER_FLAG_CARED_AT_HOME, PAROER_FLAG_TERMINAL,
                                         PAROER_FLAG_EMPLOYED};
            tm_add(b, PAROER_FIELD_REQUIRES, fl[tm_below(&g, 4)]);
            if (tm_chance(&g, 30)) tm_add(b, PAROER_FIELD_REQUIRES, fl[tm_below(&g, 4)]);
        }
        if (tm_chance(&g, 10)) tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO);
        else if (tm_chance(&g, 6)) tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY);
        if (tm_chance(&g, 50)) {
            int m = 1 + (int)tm_below(&g, 2);
            for (int j = 0; j < m; j++) tm_add(b, PAROER_FIELD_MODES, (int32_t)tm_below(&g, 4));
        }
        if (tm_chance(&g, 50)) tm_add(b, PAROER_FIELD_SLOTS, (int32_t)tm_below(&g, 3));
        if (tm_chance(&g, 40)) {
            int m = 1 + (int)tm_below(&g, 3);
            for (int j = 0; j < m; j++) tm_add(b, PAROER_FIELD_NEEDS, (int32_t)tm_below(&g, 11));
        }
        if (tm_chance(&g, 10)) {
            tm_text(b, PAROER_FIELD_LANGUAGES, "en");
            if (tm_chance(&g, 50)) tm_text(b, PAROER_FIELD_LANGUAGES, "da");
        }
        tm_end(b);
    }
    return tm_finish(b);
}

static inline paroer_relative *tm_random_relative(tm_rng *g, int k)
{
    char id[32];
    snprintf(id, sizeof id, "r-%d", k);
    paroer_relative *r = NULL;
    int32_t muni = tm_chance(g, 10) ? 999 : tm_munis[tm_below(g, TM_N_MUNIS)];
    assert_int_equal(paroer_relative_new(&r, id, 10 + (int32_t)tm_below(g, 80), muni, NULL), PAROER_OK);
    if (tm_chance(g, 60)) assert_int_equal(paroer_relative_set_employed(r, 1), PAROER_OK);
    int n_rel = 1 + (int)tm_below(g, 3);
    for (int j = 0; j < n_rel; j++) {
        size_t i = tm_rel(r, (int32_t)tm_below(g, 6));
        int nc = (int)tm_below(g, 3);
        for (int q = 0; q < nc; q++) tm_cond(r, i, (int32_t)tm_below(g, 11));
        if (tm_chance(g, 60)) tm_cfa(r, i, (int32_t)tm_below(g, 100));
        if (tm_chance(g, 50)) tm_hours(r, i, (double)tm_below(g, 40));
        if (tm_chance(g, 40)) tm_flag(r, i, PAROER_FLAG_COHABITING);
        if (tm_chance(g, 60)) tm_flag(r, i, PAROER_FLAG_CARED_AT_HOME);
        if (tm_chance(g, 10)) tm_flag(r, i, PAROER_FLAG_TERMINAL);
        if (tm_chance(g, 10)) tm_flag(r, i, PAROER_FLAG_BEREAVED);
    }
    int nn = (int)tm_below(g, 4);
    for (int q = 0; q < nn; q++) tm_need(r, (int32_t)tm_below(g, 11));
    if (tm_chance(g, 30)) assert_int_equal(paroer_relative_add_mode(r, (int32_t)tm_below(g, 4)), PAROER_OK);
    if (tm_chance(g, 30)) assert_int_equal(paroer_relative_add_slot(r, (int32_t)tm_below(g, 3)), PAROER_OK);
    if (tm_chance(g, 10)) assert_int_equal(paroer_relative_add_language(r, "en"), PAROER_OK);
    return r;
}

#endif
