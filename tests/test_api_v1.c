/* The API fixes before 1.0 (docs/abi.md): status-only variants agree with the
 * accessors they complement and report bad arguments as a status; the
 * builder under one prefix; creators with options; offers know their catalog. */
#include "test_coverage_util.h"

static const char CAT[] =
    "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,"
    "\"providers\":[{\"id\":\"p1\",\"name\":\"P1\",\"kind\":\"municipal\"}],"
    "\"offers\":[{\"id\":\"o1\",\"name\":\"O1\",\"kind\":\"respite_home\",\"provider\":\"p1\"},"
    "{\"id\":\"o2\",\"name\":\"O2\",\"kind\":\"course\"}]}";

static void test_covered_get(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(CAT);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    int n = 0;
    for (int32_t b = 0; b < paroer_vocab_count(PAROER_VOCAB_AGE_BAND); b++)
        for (int32_t r = 0; r < paroer_vocab_count(PAROER_VOCAB_RELATION); r++)
            for (int32_t cd = 0; cd < paroer_vocab_count(PAROER_VOCAB_CONDITION); cd++)
                for (int32_t nd = 0; nd < paroer_vocab_count(PAROER_VOCAB_NEED); nd++) {
                    int old = paroer_coverage_covered(cov, b, r, cd, nd), got = 7;
                    int rc = paroer_coverage_covered_get(cov, b, r, cd, nd, &got);
                    if (old < 0) {
                        assert_int_equal(rc, PAROER_ENOTFOUND);
                        assert_int_equal(got, 0);
                    } else {
                        assert_int_equal(rc, PAROER_OK);
                        assert_int_equal(got, old);
                        n += got;
                    }
                }
    assert_true(n > 0);
    int got;
    assert_int_equal(paroer_coverage_covered_get(cov, 99, 0, 0, 0, &got), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_covered_get(cov, 0, 0, 0, -1, &got), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_covered_get(cov, 0, 1, 0, 0, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_covered_get(NULL, 0, 1, 0, 0, &got), PAROER_EINVALID);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

static void test_breakdown_cell_get(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(CAT);
    char csv[4096];
    size_t k = (size_t)snprintf(csv, sizeof csv, "%s", TC_HEADER);
    for (int i = 0; i < 7; i++)
        k += (size_t)snprintf(csv + k, sizeof csv - k, "r-%d,50,306,1,son_daughter,dementia,80,10,0,1,0,0,respite,,\n", i);
    k += (size_t)snprintf(csv + k, sizeof csv - k, "x-1,20,306,1,sibling,cancer,30,10,0,1,0,0,respite,,\n");
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    int seen[2] = {0, 0};
    for (int32_t bd = 0; bd < 4; bd++)
        for (size_t i = 0; i < paroer_coverage_breakdown_count(cov, bd); i++) {
            int32_t c1 = -5, c2 = -6;
            uint64_t r1, r2, a1, a2, m1, m2;
            int old = paroer_coverage_breakdown_cell(cov, bd, i, &c1, &r1, &a1, &m1), rep = 9;
            assert_int_equal(paroer_coverage_breakdown_cell_get(cov, bd, i, &rep, &c2, &r2, &a2, &m2), PAROER_OK);
            assert_int_equal(rep, old);
            assert_int_equal(c1, c2);
            assert_true(r1 == r2 && a1 == a2 && m1 == m2);
            seen[rep]++;
        }
    assert_true(seen[0] > 0 && seen[1] > 0); /* suppressed and reported cells */
    int rep = 9;
    assert_int_equal(paroer_coverage_breakdown_cell_get(cov, 0, 999, &rep, NULL, NULL, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(rep, 0);
    assert_int_equal(paroer_coverage_breakdown_cell_get(cov, 9, 0, NULL, NULL, NULL, NULL, NULL), PAROER_EINVALID);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

static void test_diagnostic_code_get(void **state)
{
    (void)state;
    paroer_diagnostics_options o;
    assert_int_equal(paroer_diagnostics_options_init(&o, 2), PAROER_EINVALID);
    assert_int_equal(paroer_diagnostics_options_init(NULL, 1), PAROER_EINVALID);
    assert_int_equal(paroer_diagnostics_options_init(&o, PAROER_DIAGNOSTICS_OPTIONS_VERSION), PAROER_OK);
    tc_failing f = {-1, 0};
    paroer_allocator a = tc_failing_allocator(&f);
    o.allocator = &a;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new_with_options(&d, &o), PAROER_OK);
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    paroer_catalog *c = NULL;
    const char bad[] = "{\"format\":\"paroer-catalog\",\"version\":1,\"offers\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"x\"}]}";
    assert_int_equal(paroer_catalog_load_buffer(&c, bad, strlen(bad), "bad.json", &lo), PAROER_ESCHEMA);
    assert_true(paroer_diagnostics_count(d) > 0);
    assert_true(f.live > 0); /* the list used the options' allocator */
    int code = 1;
    assert_int_equal(paroer_diagnostic_code_get(d, 0, &code), PAROER_OK);
    assert_int_equal(code, paroer_diagnostic_code(d, 0));
    assert_int_equal(code, PAROER_ESCHEMA);
    assert_int_equal(paroer_diagnostic_code_get(d, paroer_diagnostics_count(d), &code), PAROER_EINVALID);
    assert_int_equal(code, 0);
    assert_int_equal(paroer_diagnostic_code_get(NULL, 0, &code), PAROER_EINVALID);
    paroer_diagnostics_free(d);
    assert_int_equal(f.live, 0);
    o.version = 3;
    assert_int_equal(paroer_diagnostics_new_with_options(&d, &o), PAROER_EINVALID);
    assert_null(d);
    assert_int_equal(paroer_diagnostics_new_with_options(&d, NULL), PAROER_OK);
    paroer_diagnostics_free(d);
}

static void test_offer_knows_catalog(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(CAT);
    const paroer_offer *o1 = paroer_catalog_find_offer(c, "o1"), *o2 = paroer_catalog_find_offer(c, "o2");
    assert_ptr_equal(paroer_offer_catalog(o1), c);
    const paroer_provider *p = (const paroer_provider *)1;
    assert_int_equal(paroer_offer_provider_get(o1, &p), PAROER_OK);
    assert_ptr_equal(p, paroer_offer_provider(o1, c));
    assert_string_equal(paroer_provider_id(p), "p1");
    assert_int_equal(paroer_offer_provider_get(o2, &p), PAROER_OK);
    assert_null(p);
    assert_int_equal(paroer_offer_provider_get(NULL, &p), PAROER_EINVALID);
    assert_int_equal(paroer_offer_provider_get(o1, NULL), PAROER_EINVALID);
    assert_null(paroer_offer_catalog(NULL));
    size_t idx = 9;
    assert_int_equal(paroer_provider_index_get(paroer_catalog_find_provider(c, "p1"), &idx), PAROER_OK);
    assert_int_equal(idx, 0);
    assert_int_equal(paroer_provider_index_get(NULL, &idx), PAROER_EINVALID);
    /* A merged catalog's offers know the merged catalog, not the source. */
    paroer_catalog_builder *b = NULL;
    assert_int_equal(paroer_builder_new(&b, NULL), PAROER_OK);
    assert_int_equal(paroer_builder_add_catalog(b, c), PAROER_OK);
    paroer_catalog *m = NULL;
    assert_int_equal(paroer_builder_finish(b, &m), PAROER_OK);
    paroer_builder_free(b);
    paroer_catalog_free(c);
    const paroer_offer *mo = paroer_catalog_find_offer(m, "o1");
    assert_ptr_equal(paroer_offer_catalog(mo), m);
    assert_int_equal(paroer_offer_provider_get(mo, &p), PAROER_OK);
    assert_string_equal(paroer_provider_name(p), "P1");
    paroer_catalog_free(m);
    paroer_builder_free(NULL);
}

static void test_relative_with_options(void **state)
{
    (void)state;
    paroer_relative_options o;
    assert_int_equal(paroer_relative_options_init(&o, 0), PAROER_EINVALID);
    assert_int_equal(paroer_relative_options_init(&o, PAROER_RELATIVE_OPTIONS_VERSION), PAROER_OK);
    tc_failing f = {-1, 0};
    paroer_allocator a = tc_failing_allocator(&f);
    o.allocator = &a;
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_new_with_options(&r, "x", 40, 306, &o), PAROER_OK);
    assert_true(f.live > 0);
    paroer_relative_free(r);
    assert_int_equal(f.live, 0);
    assert_int_equal(paroer_relative_new_with_options(&r, "x", 400, 306, NULL), PAROER_EINVALID);
    assert_null(r);
    o.version = 2;
    assert_int_equal(paroer_relative_new_with_options(&r, "x", 40, 306, &o), PAROER_EINVALID);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_covered_get),         cmocka_unit_test(test_breakdown_cell_get),
        cmocka_unit_test(test_diagnostic_code_get), cmocka_unit_test(test_offer_knows_catalog),
        cmocka_unit_test(test_relative_with_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
