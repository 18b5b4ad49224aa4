#define _POSIX_C_SOURCE 200809L
/* The statutory catalog: it is found, loads, and its rules hold for relatives
 * drawn from the domain reference (issue: real data, item 3). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

#define OK(x) assert_int_equal((x), PAROER_OK)

static paroer_catalog *cat;

static int setup(void **state)
{
    (void)state;
    setenv("PAROER_DATADIR", PAROER_SOURCE_DIR "/data", 1);
    const char *odsherred = PAROER_SOURCE_DIR "/data/odsherred-policy.json";
    return paroer_catalog_load_with_statutory(&cat, &odsherred, 1, NULL);
}

static int teardown(void **state)
{
    (void)state;
    paroer_catalog_free(cat);
    return 0;
}

static int eligible(const paroer_relative *r, const char *offer_id)
{
    paroer_match_options o;
    OK(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION));
    OK(paroer_date_parse(&o.date, "2026-11-23", 10));
    paroer_match_result *res;
    OK(paroer_match(&res, cat, r, &o));
    int found = 0;
    for (size_t i = 0; i < paroer_match_result_count(res); i++)
        if (paroer_match_result_outcome(res, i) == PAROER_OUTCOME_ELIGIBLE &&
            strcmp(paroer_offer_id(paroer_match_result_offer(res, i)), offer_id) == 0)
            found = 1;
    paroer_match_result_free(res);
    return found;
}

static void test_found_and_nationwide(void **state)
{
    (void)state;
    char path[4096];
    OK(paroer_statutory_path(path, sizeof path));
    assert_non_null(strstr(path, "statutory.json"));
    assert_int_equal(paroer_statutory_path(path, 5), PAROER_EINVALID);
    size_t n = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(cat); i++) {
        const paroer_offer *o = paroer_catalog_offer(cat, i);
        if (strncmp(paroer_offer_id(o), "dk-stat-", 8) != 0) continue;
        n++;
        assert_true(paroer_offer_nationwide(o));
        assert_true(paroer_offer_legal_basis_count(o) >= 1);
        assert_non_null(paroer_offer_source(o));
    }
    assert_true(n >= 15);
    /* FSIII: the case system's § 16 afløsning code finds our offer. */
    const paroer_offer *hit[2];
    assert_int_equal(paroer_catalog_find_by_code(cat, PAROER_SYSTEM_FSIII, "649b3428-4018-47da-bb36-1f2bfab3c8c1", hit, 2), 1);
    assert_string_equal(paroer_offer_id(hit[0]), "dk-stat-aeldreloven-16-afloesning");
}

/* A spouse caring at home for a dying husband gets plejevederlag. */
static void test_plejevederlag(void **state)
{
    (void)state;
    paroer_relative *r;
    size_t i;
    OK(paroer_relative_new(&r, "t1", 71, 306, NULL));
    OK(paroer_relative_add_relation(r, PAROER_RELATION_SPOUSE_PARTNER, &i));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_CANCER));
    OK(paroer_relative_relation_set_cared_for_age(r, i, 74));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_TERMINAL, 1));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, 1));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_COHABITING, 1));
    assert_true(eligible(r, "dk-stat-aeldreloven-24-plejevederlag"));
    /* Not when the husband is not dying. */
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_TERMINAL, 0));
    assert_false(eligible(r, "dk-stat-aeldreloven-24-plejevederlag"));
    paroer_relative_free(r);
}

/* A working daughter whose father has dementia gets § 16 respite and care-days leave. */
static void test_working_daughter(void **state)
{
    (void)state;
    paroer_relative *r;
    size_t i;
    OK(paroer_relative_new(&r, "t2", 52, 306, NULL));
    OK(paroer_relative_set_employed(r, 1));
    OK(paroer_relative_add_relation(r, PAROER_RELATION_SON_DAUGHTER, &i));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_DEMENTIA));
    OK(paroer_relative_relation_set_cared_for_age(r, i, 84));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, 1));
    assert_true(eligible(r, "dk-stat-aeldreloven-16-afloesning"));
    assert_true(eligible(r, "dk-stat-aeldreloven-16-aflastning"));
    assert_true(eligible(r, "dk-stat-fravaersloven-omsorgsorlov"));
    assert_false(eligible(r, "dk-stat-serviceloven-84-1-afloesning"));
    /* Leave needs work. */
    OK(paroer_relative_set_employed(r, 0));
    assert_false(eligible(r, "dk-stat-fravaersloven-omsorgsorlov"));
    paroer_relative_free(r);
}

/* Parents of a 9-year-old with a serious illness get the Barnets Lov schemes. */
static void test_parents_of_sick_child(void **state)
{
    (void)state;
    paroer_relative *r;
    size_t i;
    OK(paroer_relative_new(&r, "t3", 38, 306, NULL));
    OK(paroer_relative_set_employed(r, 1));
    OK(paroer_relative_add_relation(r, PAROER_RELATION_PARENT, &i));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_PHYSICAL_ILLNESS));
    OK(paroer_relative_relation_set_cared_for_age(r, i, 9));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, 1));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_COHABITING, 1));
    assert_true(eligible(r, "dk-stat-barnetsloven-86-merudgifter"));
    assert_true(eligible(r, "dk-stat-barnetsloven-87-tabt-arbejdsfortjeneste"));
    assert_true(eligible(r, "dk-stat-barnetsloven-32-aflastning"));
    assert_true(eligible(r, "dk-stat-barselsloven-26-alvorligt-sygt-barn"));
    /* Adult schemes do not apply to a child. */
    assert_false(eligible(r, "dk-stat-serviceloven-84-1-afloesning"));
    assert_false(eligible(r, "dk-stat-aeldreloven-16-afloesning"));
    paroer_relative_free(r);
}

/* A 70-year-old caring for an 85-year-old gets Ældreloven respite, not Serviceloven § 84. */
static void test_elderly_spouse(void **state)
{
    (void)state;
    paroer_relative *r;
    size_t i;
    OK(paroer_relative_new(&r, "t4", 70, 306, NULL));
    OK(paroer_relative_add_relation(r, PAROER_RELATION_SPOUSE_PARTNER, &i));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_FRAILTY));
    OK(paroer_relative_relation_set_cared_for_age(r, i, 85));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, 1));
    assert_true(eligible(r, "dk-stat-aeldreloven-16-afloesning"));
    assert_false(eligible(r, "dk-stat-serviceloven-84-1-afloesning"));
    assert_false(eligible(r, "dk-stat-serviceloven-84-1-aflastning"));
    /* Caring for a 50-year-old with a brain injury: Serviceloven § 84 instead. */
    OK(paroer_relative_relation_set_cared_for_age(r, i, 50));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_BRAIN_INJURY));
    assert_true(eligible(r, "dk-stat-serviceloven-84-1-afloesning"));
    assert_false(eligible(r, "dk-stat-aeldreloven-16-afloesning"));
    paroer_relative_free(r);
}

/* paroer_data_path() in the static library: $PAROER_DATADIR, then (for a
 * program of the build tree, as this one) the source tree's data/. The shared
 * library's order is tested by tests/install/data_dir_test.py. */
static void test_data_path(void **state)
{
    (void)state;
    char path[4096];
    OK(paroer_data_path(path, sizeof path, "municipalities.csv"));
    assert_string_equal(path, PAROER_SOURCE_DIR "/data/municipalities.csv");
    OK(paroer_data_path(path, sizeof path, NULL));
    assert_string_equal(path, PAROER_SOURCE_DIR "/data");
    assert_int_equal(paroer_data_path(path, sizeof path, "no-such-file.json"), PAROER_ENOTFOUND);
    assert_string_equal(path, "");
    assert_non_null(strstr(paroer_error_last()->message, "no-such-file.json not found"));
    assert_non_null(strstr(paroer_error_last()->message, "$PAROER_DATADIR"));
    assert_int_equal(paroer_data_path(path, sizeof path, "../data/statutory.json"), PAROER_EINVALID);
    assert_int_equal(paroer_data_path(path, sizeof path, "/etc/passwd"), PAROER_EINVALID);
    assert_int_equal(paroer_data_path(NULL, 10, "statutory.json"), PAROER_EINVALID);
    assert_int_equal(paroer_data_path(path, 0, "statutory.json"), PAROER_EINVALID);
    /* Without $PAROER_DATADIR: the configured data directory, else the source tree. */
    unsetenv("PAROER_DATADIR");
    OK(paroer_statutory_path(path, sizeof path));
    assert_non_null(strstr(path, "/statutory.json"));
    /* A data directory of the caller's. */
    setenv("PAROER_DATADIR", PAROER_SOURCE_DIR "/tests/data", 1);
    OK(paroer_data_path(path, sizeof path, "pop-small.csv"));
    assert_string_equal(path, PAROER_SOURCE_DIR "/tests/data/pop-small.csv");
    setenv("PAROER_DATADIR", PAROER_SOURCE_DIR "/data", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_found_and_nationwide), cmocka_unit_test(test_plejevederlag),
        cmocka_unit_test(test_working_daughter), cmocka_unit_test(test_parents_of_sick_child),
        cmocka_unit_test(test_elderly_spouse), cmocka_unit_test(test_data_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
