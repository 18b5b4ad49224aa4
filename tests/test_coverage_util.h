/* Helpers shared by tests/test_coverage*.c and tests/test_population*.c:
 * catalogs from JSON text, populations from CSV text, coverage with options,
 * and an allocator that fails the k-th allocation.
 * Every helper fails the test (cmocka assert) when the library refuses. */
#ifndef TEST_COVERAGE_UTIL_H
#define TEST_COVERAGE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <paroer/paroer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TC_HEADER                                                                                          \
    "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,cared_at_home," \
    "terminal,bereaved,needs,modes,slots\n"

static inline int32_t tc_date(int y, int m, int d)
{
    int32_t v = 0;
    assert_int_equal(paroer_date_from_ymd(&v, y, m, d), PAROER_OK);
    return v;
}
#define TC_DATE tc_date(2026, 1, 15)

static inline paroer_catalog *tc_catalog(const char *json)
{
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_buffer(&c, json, strlen(json), "catalog.json", NULL);
    if (rc) fail_msg("catalog did not load: %s", paroer_error_last()->message);
    assert_non_null(c);
    return c;
}

static inline paroer_population *tc_pop(const char *csv)
{
    paroer_population *p = NULL;
    int rc = paroer_population_load_buffer(&p, csv, strlen(csv), "pop.csv", NULL);
    if (rc) fail_msg("population did not load: %s", paroer_error_last()->message);
    assert_non_null(p);
    return p;
}

/* Coverage of `muni` (-1: national) on 2026-01-15. */
static inline paroer_coverage *tc_cov(const paroer_catalog *c, int32_t muni, const paroer_population *p,
                                      uint32_t min_cell)
{
    paroer_coverage_options o;
    assert_int_equal(paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION), PAROER_OK);
    o.date = TC_DATE;
    o.municipality = muni;
    o.population = p;
    if (min_cell) o.min_cell = min_cell;
    paroer_coverage *cov = NULL;
    int rc = paroer_coverage_compute(&cov, c, &o);
    if (rc) fail_msg("coverage failed: %s", paroer_error_last()->message);
    assert_non_null(cov);
    return cov;
}

static inline char *tc_json(const paroer_coverage *cov)
{
    char *s = NULL;
    size_t len = 0;
    assert_int_equal(paroer_coverage_to_json(cov, &s, &len), PAROER_OK);
    assert_non_null(s);
    assert_int_equal(strlen(s), len);
    return s;
}

/* The index of check `code`, failing when absent. */
static inline size_t tc_check(const paroer_coverage *cov, const char *code)
{
    for (size_t i = 0; i < paroer_coverage_check_count(cov); i++)
        if (strcmp(paroer_coverage_check_code(cov, i), code) == 0) return i;
    fail_msg("no check %s", code);
    return 0;
}

/* ---- an allocator that fails once `budget` allocations have been made ---- */
typedef struct tc_failing {
    long budget;    /* allocations left; < 0: never fail */
    long live;      /* blocks not yet freed */
} tc_failing;

static inline void *tc_fail_malloc(void *ctx, size_t size)
{
    tc_failing *f = ctx;
    if (f->budget == 0) return NULL;
    if (f->budget > 0) f->budget--;
    void *p = malloc(size);
    if (p) f->live++;
    return p;
}
static inline void *tc_fail_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    tc_failing *f = ctx;
    (void)old_size;
    if (f->budget == 0) return NULL;
    if (f->budget > 0) f->budget--;
    void *p = realloc(ptr, new_size);
    if (p && !ptr) f->live++;
    return p;
}
static inline void tc_fail_free(void *ctx, void *ptr)
{
    tc_failing *f = ctx;
    if (ptr) f->live--;
    free(ptr);
}
static inline paroer_allocator tc_failing_allocator(tc_failing *f)
{
    paroer_allocator a = {tc_fail_malloc, tc_fail_realloc, tc_fail_free, f};
    return a;
}

#endif
