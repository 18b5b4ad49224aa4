/* The vocabulary: stable numeric values, codes, labels, defaults. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

/* The contract's code lists, in the order that fixes their numeric values. */
static const char *const expected[][13] = {
    {"frailty", "dementia", "physical_illness", "physical_disability", "cancer", "brain_injury", "mental_illness",
     "substance_abuse", "cognitive_disability", "neurodevelopmental", "social_problems", NULL},
    {"spouse_partner", "son_daughter", "parent", "sibling", "other_family", "friend_neighbour", NULL},
    {"child", "youth", "young_adult", "adult", "senior", NULL},
    {"cohabiting", "cared_at_home", "terminal", "bereaved", "employed", NULL},
    {"no", "also", "only", NULL},
    {"respite", "practical_help", "information", "education", "peer_support", "counselling", "own_health",
     "financial", "work_life", "network", "involvement", NULL},
    {"respite_home", "respite_away", "activity_break", "counselling", "health_promotion", "peer_group",
     "cafe_network", "course", "information", "financial_support", "leave", "involvement", NULL},
    {"in_person", "online", "phone", "home", NULL},
    {"weekday_day", "weekday_evening", "weekend", NULL},
    {"open", "registration", "referral", "assessment", NULL},
    {"municipal", "regional", "civil_society", "private", NULL},
    {"elderly", "health", "social", "children_family", "employment", "cross_cutting", NULL},
    {"active", "waitlist", "paused", NULL},
    {"recognition", "collaboration", "access_information", "cross_sector", "respite_support", "economy_leave",
     "prevention_health", "network", "user_involvement", "children_youth", NULL},
};
static const char *const list_names[] = {"condition", "relation", "age_band", "flag", "bereavement", "need",
    "offer_kind", "mode", "slot", "access", "provider_kind", "area", "status", "goal_category"};

static void test_lists(void **state)
{
    (void)state;
    assert_int_equal(paroer_vocab_list_count(), 14);
    for (int32_t l = 0; l < 14; l++) {
        assert_string_equal(paroer_vocab_list_name(l), list_names[l]);
        int32_t parsed;
        assert_int_equal(paroer_vocab_list_parse(&parsed, list_names[l]), PAROER_OK);
        assert_int_equal(parsed, l);
        int32_t n = 0;
        while (expected[l][n]) n++;
        assert_int_equal(paroer_vocab_count(l), n);
        for (int32_t v = 0; v < n; v++) {
            assert_string_equal(paroer_vocab_code(l, v), expected[l][v]);
            int32_t back = -1;
            assert_int_equal(paroer_vocab_parse(&back, l, expected[l][v], strlen(expected[l][v])), PAROER_OK);
            assert_int_equal(back, v);
            const char *da = paroer_vocab_label(l, v, PAROER_LANG_DA), *en = paroer_vocab_label(l, v, PAROER_LANG_EN);
            assert_non_null(da); assert_non_null(en);
            assert_true(strlen(da) > 0 && strlen(en) > 0);
        }
        assert_null(paroer_vocab_code(l, n));
        assert_null(paroer_vocab_code(l, -1));
    }
    int32_t out;
    assert_int_equal(paroer_vocab_list_parse(&out, "conditions"), PAROER_ENOTFOUND);
    assert_null(paroer_vocab_list_name(14));
    assert_int_equal(paroer_vocab_count(99), 0);
}

static void test_enum_values(void **state)
{
    (void)state;
    assert_string_equal(paroer_vocab_code(PAROER_VOCAB_CONDITION, PAROER_CONDITION_DEMENTIA), "dementia");
    assert_string_equal(paroer_vocab_code(PAROER_VOCAB_NEED, PAROER_NEED_INVOLVEMENT), "involvement");
    assert_string_equal(paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, PAROER_KIND_LEAVE), "leave");
    assert_string_equal(paroer_vocab_code(PAROER_VOCAB_GOAL_CATEGORY, PAROER_GOAL_CHILDREN_YOUTH), "children_youth");
    assert_string_equal(paroer_vocab_label(PAROER_VOCAB_CONDITION, PAROER_CONDITION_DEMENTIA, PAROER_LANG_DA), "Demens");
    assert_null(paroer_vocab_label(PAROER_VOCAB_CONDITION, 0, 7));
}

static void test_parse_rejects(void **state)
{
    (void)state;
    int32_t v;
    assert_int_equal(paroer_vocab_parse(&v, PAROER_VOCAB_CONDITION, "demensia", 8), PAROER_ENOTFOUND);
    assert_int_equal(paroer_vocab_parse(&v, PAROER_VOCAB_CONDITION, "Dementia", 8), PAROER_ENOTFOUND);
    assert_int_equal(paroer_vocab_parse(&v, PAROER_VOCAB_CONDITION, "dementiax", 8), PAROER_OK);  /* length-bounded */
    assert_int_equal(paroer_vocab_parse(&v, 99, "x", 1), PAROER_EINVALID);
}

static void test_kind_defaults(void **state)
{
    (void)state;
#define B(n) (1u << PAROER_NEED_##n)
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_RESPITE_HOME), B(RESPITE) | B(PRACTICAL_HELP));
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_ACTIVITY_BREAK), B(RESPITE) | B(OWN_HEALTH) | B(NETWORK));
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_COUNSELLING), B(COUNSELLING) | B(INFORMATION));
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_CAFE_NETWORK), B(NETWORK) | B(PEER_SUPPORT));
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_FINANCIAL_SUPPORT), B(FINANCIAL) | B(WORK_LIFE));
    assert_int_equal(paroer_kind_default_needs(PAROER_KIND_INVOLVEMENT), B(INVOLVEMENT));
    assert_int_equal(paroer_kind_default_needs(99), 0);
#undef B
}

static void test_age_bands(void **state)
{
    (void)state;
    assert_int_equal(paroer_age_band_of(0), PAROER_AGE_BAND_CHILD);
    assert_int_equal(paroer_age_band_of(12), PAROER_AGE_BAND_CHILD);
    assert_int_equal(paroer_age_band_of(13), PAROER_AGE_BAND_YOUTH);
    assert_int_equal(paroer_age_band_of(17), PAROER_AGE_BAND_YOUTH);
    assert_int_equal(paroer_age_band_of(18), PAROER_AGE_BAND_YOUNG_ADULT);
    assert_int_equal(paroer_age_band_of(29), PAROER_AGE_BAND_YOUNG_ADULT);
    assert_int_equal(paroer_age_band_of(30), PAROER_AGE_BAND_ADULT);
    assert_int_equal(paroer_age_band_of(64), PAROER_AGE_BAND_ADULT);
    assert_int_equal(paroer_age_band_of(65), PAROER_AGE_BAND_SENIOR);
    assert_int_equal(paroer_age_band_of(-1), -1);
    int32_t lo, hi;
    assert_int_equal(paroer_age_band_range(PAROER_AGE_BAND_ADULT, &lo, &hi), PAROER_OK);
    assert_int_equal(lo, 30); assert_int_equal(hi, 64);
    assert_int_equal(paroer_age_band_range(9, &lo, &hi), PAROER_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists), cmocka_unit_test(test_enum_values), cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_kind_defaults), cmocka_unit_test(test_age_bands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
