/* Building a relative through the API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

#define OK(x) assert_int_equal((x), PAROER_OK)

static void test_build_and_read(void **state)
{
    (void)state;
    paroer_relative *r;
    OK(paroer_relative_new(&r, "r-17", 52, 306, NULL));
    OK(paroer_relative_set_employed(r, 1));
    OK(paroer_relative_add_need(r, PAROER_NEED_RESPITE));
    OK(paroer_relative_add_need(r, PAROER_NEED_INFORMATION));
    OK(paroer_relative_add_mode(r, PAROER_MODE_ONLINE));
    OK(paroer_relative_add_slot(r, PAROER_SLOT_WEEKEND));
    OK(paroer_relative_add_language(r, "da"));
    OK(paroer_relative_add_language(r, "da"));   /* duplicates are ignored */
    OK(paroer_relative_add_language(r, "en"));
    size_t i, j;
    OK(paroer_relative_add_relation(r, PAROER_RELATION_SON_DAUGHTER, &i));
    OK(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_DEMENTIA));
    OK(paroer_relative_relation_set_cared_for_age(r, i, 84));
    OK(paroer_relative_relation_set_hours(r, i, 12.5));
    OK(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, 1));
    OK(paroer_relative_add_relation(r, PAROER_RELATION_SPOUSE_PARTNER, &j));
    assert_int_equal(j, 1);

    assert_string_equal(paroer_relative_id(r), "r-17");
    assert_int_equal(paroer_relative_age(r), 52);
    assert_int_equal(paroer_relative_municipality(r), 306);
    assert_int_equal(paroer_relative_employed(r), 1);
    assert_int_equal(paroer_relative_needs(r), (1u << PAROER_NEED_RESPITE) | (1u << PAROER_NEED_INFORMATION));
    assert_int_equal(paroer_relative_modes(r), 1u << PAROER_MODE_ONLINE);
    assert_int_equal(paroer_relative_slots(r), 1u << PAROER_SLOT_WEEKEND);
    assert_int_equal(paroer_relative_language_count(r), 2);
    assert_string_equal(paroer_relative_language(r, 1), "en");
    assert_int_equal(paroer_relative_relation_count(r), 2);
    assert_int_equal(paroer_relative_relation_kind(r, 0), PAROER_RELATION_SON_DAUGHTER);
    assert_int_equal(paroer_relative_relation_conditions(r, 0), 1u << PAROER_CONDITION_DEMENTIA);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), 84);
    assert_true(paroer_relative_relation_hours(r, 0) == 12.5);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 1u << PAROER_FLAG_CARED_AT_HOME);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 1), -1);  /* unknown by default */
    assert_int_equal(paroer_relative_relation_flags(r, 1), 0);
    OK(paroer_relative_relation_set_flag(r, 0, PAROER_FLAG_CARED_AT_HOME, 0));
    assert_int_equal(paroer_relative_relation_flags(r, 0), 0);
    assert_int_equal(paroer_relative_relation_kind(r, 2), -1);
    paroer_relative_free(r);
}

/* The three-valued setters take 0, 1 or PAROER_UNKNOWN and nothing else. */
static void test_unknown_setters(void **state)
{
    (void)state;
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_new(&r, "x", PAROER_UNKNOWN, 306, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_age_min(r), 0);
    assert_int_equal(paroer_relative_age_max(r), 130);
    assert_int_equal(paroer_relative_set_age(r, 41), PAROER_OK);
    assert_int_equal(paroer_relative_age(r), 41);
    assert_int_equal(paroer_relative_set_age_range(r, 50, 40), PAROER_EINVALID);
    assert_int_equal(paroer_relative_set_age_range(r, -1, 40), PAROER_EINVALID);
    assert_int_equal(paroer_relative_set_age_range(r, 40, 131), PAROER_EINVALID);
    assert_int_equal(paroer_relative_age(r), 41);
    assert_int_equal(paroer_relative_set_age_range(r, 60, 69), PAROER_OK);
    assert_int_equal(paroer_relative_age(r), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_set_age(r, -1), PAROER_EINVALID);
    for (int v = -3; v <= 3; v++) {
        int ok = v == 0 || v == 1 || v == PAROER_UNKNOWN;
        assert_int_equal(paroer_relative_set_employed(r, v), ok ? PAROER_OK : PAROER_EINVALID);
    }
    assert_int_equal(paroer_relative_employed_state(r), 1); /* the last accepted value */
    size_t i = 0;
    assert_int_equal(paroer_relative_add_relation(r, PAROER_RELATION_PARENT, &i), PAROER_OK);
    for (int v = -3; v <= 3; v++) {
        int ok = v == 0 || v == 1 || v == PAROER_UNKNOWN;
        assert_int_equal(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_TERMINAL, v), ok ? PAROER_OK : PAROER_EINVALID);
    }
    assert_int_equal(paroer_relative_relation_flag(r, i, PAROER_FLAG_TERMINAL), 1);
    assert_int_equal(paroer_relative_relation_set_flag(r, i, PAROER_FLAG_TERMINAL, PAROER_UNKNOWN), PAROER_OK);
    assert_int_equal(paroer_relative_relation_flag(r, i, PAROER_FLAG_TERMINAL), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flags(r, i), 0);
    assert_int_equal(paroer_relative_relation_set_cared_for_age(r, i, PAROER_UNKNOWN), PAROER_OK);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, i), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_set_cared_for_age(r, i, -3), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_set_cared_for_age(r, i, -1), PAROER_OK);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, i), -1);
    assert_int_equal(paroer_relative_relation_set_conditions_unknown(r, i), PAROER_OK);
    assert_int_equal(paroer_relative_relation_conditions_known(r, i), 0);
    assert_int_equal(paroer_relative_relation_add_condition(r, i, PAROER_CONDITION_CANCER), PAROER_OK);
    assert_int_equal(paroer_relative_relation_conditions_known(r, i), 1);
    assert_int_equal(paroer_relative_relation_set_conditions_unknown(r, 5), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_flag(r, 5, PAROER_FLAG_TERMINAL), -1);
    paroer_relative_free(r);
}

static void test_rejects(void **state)
{
    (void)state;
    paroer_relative *r;
    assert_int_equal(paroer_relative_new(&r, "x", -1, 306, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_new(&r, "x", 131, 306, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_new(&r, "x", 40, 0, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_new(&r, "x", 40, 1000, NULL), PAROER_EINVALID);
    OK(paroer_relative_new(&r, NULL, 40, 101, NULL));
    assert_string_equal(paroer_relative_id(r), "");
    assert_int_equal(paroer_relative_add_need(r, 11), PAROER_EINVALID);
    assert_int_equal(paroer_relative_add_mode(r, -1), PAROER_EINVALID);
    assert_int_equal(paroer_relative_add_relation(r, 6, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_add_condition(r, 0, 0), PAROER_EINVALID);  /* no relation yet */
    OK(paroer_relative_add_relation(r, PAROER_RELATION_PARENT, NULL));
    assert_int_equal(paroer_relative_relation_set_flag(r, 0, PAROER_FLAG_EMPLOYED, 1), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_set_hours(r, 0, 169), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_set_hours(r, 0, -0.5), PAROER_EINVALID);
    assert_int_equal(paroer_relative_relation_set_cared_for_age(r, 0, 131), PAROER_EINVALID);
    assert_int_equal(paroer_relative_add_language(r, ""), PAROER_EINVALID);
    /* The message names the field, not the relative's value. */
    assert_null(strstr(paroer_error_last()->message, "40"));
    paroer_relative_free(r);
    paroer_relative_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_build_and_read), cmocka_unit_test(test_rejects),
                                       cmocka_unit_test(test_unknown_setters)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
