/* The catalog builder: defaults, validation with field paths, duplicate ids,
 * provider references, merging, look-ups, overlap and goal realisation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>
#include <paroer/paroer.h>

#define OK(x) assert_int_equal((x), PAROER_OK)
#define BIT(n) (1u << (n))

static int32_t date(const char *s)
{
    int32_t d;
    OK(paroer_date_parse(&d, s, strlen(s)));
    return d;
}

static paroer_catalog *small_catalog(void)
{
    paroer_catalog_builder *b;
    OK(paroer_catalog_builder_new(&b, NULL));
    OK(paroer_builder_set_municipality(b, 306));
    OK(paroer_builder_add_provider(b, "ods", "Odsherred Kommune", PAROER_PROVIDER_MUNICIPAL, PAROER_AREA_ELDERLY));
    OK(paroer_builder_begin_offer(b, "cafe", "Demenscafé", PAROER_KIND_CAFE_NETWORK));
    OK(paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "ods"));
    OK(paroer_builder_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA));
    OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18));
    OK(paroer_builder_end_offer(b));
    OK(paroer_builder_begin_offer(b, "respite", "Afløsning", PAROER_KIND_RESPITE_HOME));
    OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
    OK(paroer_builder_add_code(b, "urn:oid:1.2.208.176.2.21", "abc"));
    OK(paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "en"));
    OK(paroer_builder_add_text(b, PAROER_FIELD_LEGAL_BASIS, "aeldreloven-16"));
    OK(paroer_builder_set_int(b, PAROER_FIELD_CAPACITY, 4));
    OK(paroer_builder_set_int(b, PAROER_FIELD_VALID_FROM, date("2025-01-01")));
    OK(paroer_builder_set_int(b, PAROER_FIELD_VALID_TO, date("2025-12-31")));
    OK(paroer_builder_end_offer(b));
    OK(paroer_builder_begin_policy(b, "pol", 306, "Pårørendepolitik"));
    OK(paroer_builder_begin_goal(b, "g1", "Pauser", PAROER_GOAL_RESPITE_SUPPORT));
    OK(paroer_builder_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_RESPITE));
    OK(paroer_builder_end_goal(b));
    OK(paroer_builder_begin_goal(b, "g2", "Samarbejde", PAROER_GOAL_CROSS_SECTOR));
    OK(paroer_builder_end_goal(b));
    OK(paroer_builder_add_action_plan(b, "Handleplan", date("2026-10-31"), PAROER_DATE_NONE));
    OK(paroer_builder_end_policy(b));
    paroer_catalog *c;
    OK(paroer_catalog_builder_finish(b, &c));
    paroer_catalog_builder_free(b);
    return c;
}

static void test_defaults_and_accessors(void **state)
{
    (void)state;
    paroer_catalog *c = small_catalog();
    assert_int_equal(paroer_catalog_municipality(c), 306);
    assert_int_equal(paroer_catalog_offer_count(c), 2);
    assert_int_equal(paroer_catalog_provider_count(c), 1);
    const paroer_offer *o = paroer_catalog_find_offer(c, "cafe");
    assert_non_null(o);
    assert_int_equal(paroer_offer_index(o), 0);
    assert_string_equal(paroer_offer_name(o), "Demenscafé");
    assert_int_equal(paroer_offer_needs(o), BIT(PAROER_NEED_NETWORK) | BIT(PAROER_NEED_PEER_SUPPORT));
    assert_int_equal(paroer_offer_modes(o), BIT(PAROER_MODE_IN_PERSON));
    assert_int_equal(paroer_offer_slots(o), 0);
    assert_int_equal(paroer_offer_access(o), PAROER_ACCESS_OPEN);
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_ACTIVE);
    assert_int_equal(paroer_offer_capacity(o), -1);
    assert_int_equal(paroer_offer_cost_free(o), -1);
    assert_true(isnan(paroer_offer_price_dkk(o)));
    assert_int_equal(paroer_offer_municipality_count(o), 1);
    assert_int_equal(paroer_offer_municipality(o, 0), 306);
    assert_int_equal(paroer_offer_municipality(o, 1), -1);
    assert_int_equal(paroer_offer_language_count(o), 1);
    assert_string_equal(paroer_offer_language(o, c, 0), "da");
    assert_null(paroer_offer_description(o));
    assert_int_equal(paroer_offer_valid_from(o), PAROER_DATE_NONE);
    assert_string_equal(paroer_provider_name(paroer_offer_provider(o, c)), "Odsherred Kommune");
    const paroer_target *t = paroer_offer_target(o);
    assert_int_equal(paroer_target_relative_age_min(t), 18);
    assert_int_equal(paroer_target_relative_age_max(t), INT32_MAX);
    assert_int_equal(paroer_target_conditions(t), BIT(PAROER_CONDITION_DEMENTIA));
    assert_int_equal(paroer_target_relations(t), 0);
    assert_int_equal(paroer_target_bereaved(t), PAROER_BEREAVEMENT_NO);

    const paroer_offer *r = paroer_catalog_offer(c, 1);
    assert_int_equal(paroer_offer_nationwide(r), 1);
    assert_int_equal(paroer_offer_municipality_count(r), 0);  /* nationwide: no default municipality */
    assert_true(paroer_offer_serves_municipality(r, 101));
    assert_int_equal(paroer_offer_capacity(r), 4);
    assert_string_equal(paroer_offer_language(r, c, 0), "en");
    assert_string_equal(paroer_offer_legal_basis(r, 0), "aeldreloven-16");
    assert_string_equal(paroer_offer_code_system(r, 0), "urn:oid:1.2.208.176.2.21");
    assert_null(paroer_catalog_offer(c, 2));
    assert_null(paroer_catalog_find_offer(c, "nope"));

    const paroer_offer *found[2];
    assert_int_equal(paroer_catalog_find_by_code(c, "urn:oid:1.2.208.176.2.21", "abc", found, 2), 1);
    assert_ptr_equal(found[0], r);
    assert_int_equal(paroer_catalog_find_by_code(c, "urn:oid:1.2.208.176.2.21", "zzz", found, 2), 0);

    assert_true(paroer_catalog_memory_size(c) > 0);
    paroer_catalog_free(c);
}

static void test_liveness_and_goals(void **state)
{
    (void)state;
    paroer_catalog *c = small_catalog();
    const paroer_offer *r = paroer_catalog_find_offer(c, "respite");
    assert_true(paroer_offer_is_live(r, 306, date("2025-01-01")));
    assert_true(paroer_offer_is_live(r, 306, date("2025-12-31")));
    assert_false(paroer_offer_is_live(r, 306, date("2024-12-31")));
    assert_false(paroer_offer_is_live(r, 306, date("2026-01-01")));
    const paroer_offer *cafe = paroer_catalog_find_offer(c, "cafe");
    assert_false(paroer_offer_is_live(cafe, 101, date("2025-06-01")));
    assert_true(paroer_offer_is_live(cafe, 306, PAROER_DATE_NONE));   /* today */
    assert_false(paroer_offer_is_live(r, 306, PAROER_DATE_NONE));     /* expired by today */
    const paroer_provider *pv = paroer_offer_provider(cafe, c);
    assert_ptr_equal(paroer_catalog_provider(c, paroer_provider_index(pv)), pv);

    const paroer_policy *p = paroer_catalog_policy_for(c, 306, date("2025-06-01"));
    assert_non_null(p);
    assert_ptr_equal(p, paroer_catalog_find_policy(c, "pol"));
    assert_null(paroer_catalog_policy_for(c, 101, PAROER_DATE_NONE));
    assert_int_equal(paroer_policy_goal_count(p), 2);
    const paroer_goal *g1 = paroer_policy_goal(p, 0), *g2 = paroer_policy_goal(p, 1);
    assert_ptr_equal(paroer_goal_policy(g1), p);
    assert_false(paroer_goal_is_organisational(g1));
    assert_true(paroer_goal_is_organisational(g2));
    assert_true(paroer_goal_realised_by(g1, r, date("2025-06-01")));
    assert_false(paroer_goal_realised_by(g1, r, date("2026-06-01")));   /* expired */
    assert_false(paroer_goal_realised_by(g1, cafe, date("2025-06-01"))); /* serves no respite */
    assert_false(paroer_goal_realised_by(g2, r, date("2025-06-01")));
    assert_int_equal(paroer_policy_action_plan_count(p), 1);
    assert_int_equal(paroer_policy_action_plan_due(p, 0), date("2026-10-31"));
    assert_int_equal(paroer_policy_action_plan_adopted(p, 0), PAROER_DATE_NONE);
    paroer_catalog_free(c);
}

static void test_overlap(void **state)
{
    (void)state;
    paroer_catalog_builder *b;
    OK(paroer_catalog_builder_new(&b, NULL));
    const int kinds[3] = {PAROER_KIND_COURSE, PAROER_KIND_COURSE, PAROER_KIND_COURSE};
    const char *ids[3] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        OK(paroer_builder_begin_offer(b, ids[i], ids[i], kinds[i]));
        OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
        if (i == 0) { OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 17));
                      OK(paroer_builder_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SIBLING)); }
        if (i == 1) { OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18)); }
        if (i == 2) { OK(paroer_builder_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER));
                      OK(paroer_builder_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL)); }
        OK(paroer_builder_end_offer(b));
    }
    paroer_catalog *c;
    OK(paroer_catalog_builder_finish(b, &c));
    paroer_catalog_builder_free(b);
    const paroer_target *ta = paroer_offer_target(paroer_catalog_offer(c, 0));
    const paroer_target *tb = paroer_offer_target(paroer_catalog_offer(c, 1));
    const paroer_target *tc = paroer_offer_target(paroer_catalog_offer(c, 2));
    assert_false(paroer_target_overlaps(ta, tb));  /* ages 0..17 vs 18.. */
    assert_false(paroer_target_overlaps(ta, tc));  /* sibling vs spouse */
    assert_true(paroer_target_overlaps(tb, tc));   /* open relations on b; requires plays no part */
    assert_true(paroer_target_overlaps(tc, tc));
    paroer_catalog_free(c);
}

/* A builder recording into a new diagnostics list (the caller frees both). */
static paroer_catalog_builder *builder_with_diagnostics(paroer_diagnostics **d)
{
    OK(paroer_diagnostics_new(d, NULL));
    paroer_load_options opts;
    OK(paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION));
    opts.diagnostics = *d;
    paroer_catalog_builder *b;
    OK(paroer_catalog_builder_new(&b, &opts));
    return b;
}

static void test_validation_errors(void **state)
{
    (void)state;
    paroer_diagnostics *d;
    paroer_catalog_builder *b = builder_with_diagnostics(&d);
    OK(paroer_builder_set_municipality(b, 306));
    /* min > max */
    OK(paroer_builder_begin_offer(b, "x", "X", PAROER_KIND_COURSE));
    OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 30));
    OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 20));
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    assert_string_equal(paroer_diagnostic_path(d, 0), "offers[0].target.relative_age");
    assert_non_null(strstr(paroer_diagnostic_message(d, 0), "min 30 is greater than max 20"));
    assert_int_equal(paroer_error_last()->code, PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->path, "offers[0].target.relative_age");
    /* dangling provider */
    OK(paroer_builder_begin_offer(b, "y", "Y", PAROER_KIND_COURSE));
    OK(paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "ghost"));
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    assert_string_equal(paroer_diagnostic_path(d, 1), "offers[1].provider");
    /* valid offer, then a duplicate of it */
    OK(paroer_builder_begin_offer(b, "z", "Z", PAROER_KIND_COURSE));
    OK(paroer_builder_end_offer(b));
    OK(paroer_builder_begin_offer(b, "z", "Z again", PAROER_KIND_COURSE));
    assert_int_equal(paroer_builder_end_offer(b), PAROER_EDUPLICATE);
    assert_string_equal(paroer_diagnostic_path(d, 2), "offers[3].id");
    assert_non_null(strstr(paroer_diagnostic_message(d, 2), "duplicate offer id \"z\""));
    /* codes out of range, bereaved as a requirement */
    OK(paroer_builder_begin_offer(b, "w", "W", PAROER_KIND_COURSE));
    assert_int_equal(paroer_builder_add(b, PAROER_FIELD_CONDITIONS, 11), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_BEREAVED), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, 1000), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_set_int(b, PAROER_FIELD_STATUS, 3), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_set_double(b, PAROER_FIELD_PRICE_DKK, -1.0), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_set_int(b, PAROER_FIELD_VALID_FROM, 20000), PAROER_OK);
    assert_int_equal(paroer_builder_set_int(b, PAROER_FIELD_VALID_TO, 19999), PAROER_OK);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    /* wrong setter for a field, and no open object */
    assert_int_equal(paroer_builder_set_text(b, PAROER_FIELD_DESCRIPTION, "x"), PAROER_EINVALID);
    OK(paroer_builder_begin_offer(b, "v", "V", PAROER_KIND_COURSE));
    assert_int_equal(paroer_builder_set_text(b, PAROER_FIELD_CAPACITY, "x"), PAROER_EINVALID);
    assert_int_equal(paroer_builder_set_int(b, PAROER_FIELD_DESCRIPTION, 1), PAROER_EINVALID);
    assert_int_equal(paroer_builder_begin_offer(b, "u", "U", PAROER_KIND_COURSE), PAROER_EINVALID);
    OK(paroer_builder_end_offer(b));
    /* every failing call sets the thread's record about itself */
    OK(paroer_builder_begin_offer(b, "d", "D", PAROER_KIND_COURSE));
    assert_int_equal(paroer_builder_add(b, PAROER_FIELD_SLOTS, 9), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->path, "offers[6].slots");
    OK(paroer_builder_discard(b));   /* abandon it */
    OK(paroer_builder_begin_offer(b, "d2", "D2", PAROER_KIND_COURSE));
    OK(paroer_builder_end_offer(b));
    /* empty id and unknown kind */
    assert_int_equal(paroer_builder_begin_offer(b, "", "E", PAROER_KIND_COURSE), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_begin_offer(b, "k", "K", 42), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    assert_true(paroer_diagnostics_error_count(d) >= 9);
    /* A builder with errors does not finish. */
    paroer_catalog *c = (paroer_catalog *)1;
    assert_int_equal(paroer_catalog_builder_finish(b, &c), PAROER_ESCHEMA);
    assert_null(c);
    /* ... and finishing reports the first error again. */
    assert_string_equal(paroer_error_last()->path, "offers[0].target.relative_age");
    paroer_catalog_builder_free(b);
    paroer_diagnostics_free(d);
}

static void test_policy_errors(void **state)
{
    (void)state;
    paroer_catalog_builder *b;
    OK(paroer_catalog_builder_new(&b, NULL));
    assert_int_equal(paroer_builder_begin_goal(b, "g", "G", 0), PAROER_EINVALID);  /* no policy open */
    OK(paroer_builder_begin_policy(b, "p", 306, "P"));
    OK(paroer_builder_begin_goal(b, "g", "G", PAROER_GOAL_NETWORK));
    assert_int_equal(paroer_builder_end_policy(b), PAROER_EINVALID);   /* goal still open */
    OK(paroer_builder_set_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, 20));
    OK(paroer_builder_set_int(b, PAROER_FIELD_CARED_FOR_AGE_MAX, 10));
    assert_int_equal(paroer_builder_end_goal(b), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->path, "policies[0].goals[0].target.cared_for_age");
    assert_int_equal(paroer_builder_end_policy(b), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_begin_policy(b, "q", 0, "Q"), PAROER_ESCHEMA);
    paroer_catalog_builder_free(b);
}

static void test_merge(void **state)
{
    (void)state;
    paroer_catalog *a = small_catalog();
    paroer_catalog_builder *b;
    OK(paroer_catalog_builder_new(&b, NULL));
    OK(paroer_builder_begin_offer(b, "other", "Other", PAROER_KIND_PEER_GROUP));
    OK(paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, 101));
    OK(paroer_builder_end_offer(b));
    paroer_catalog *o;
    OK(paroer_catalog_builder_finish(b, &o));
    /* The builder is reusable after finish. */
    OK(paroer_builder_begin_offer(b, "third", "Third", PAROER_KIND_PEER_GROUP));
    OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
    OK(paroer_builder_end_offer(b));
    paroer_catalog *t;
    OK(paroer_catalog_builder_finish(b, &t));
    paroer_catalog_builder_free(b);

    const paroer_catalog *in[3] = {a, o, t};
    paroer_catalog *m;
    OK(paroer_catalog_merge(&m, in, 3, NULL));
    paroer_catalog_free(o);
    paroer_catalog_free(t);
    assert_int_equal(paroer_catalog_offer_count(m), 4);
    assert_int_equal(paroer_catalog_municipality(m), 306);
    const paroer_offer *cafe = paroer_catalog_find_offer(m, "cafe");
    assert_string_equal(paroer_provider_id(paroer_offer_provider(cafe, m)), "ods");
    assert_int_equal(paroer_offer_needs(cafe), paroer_offer_needs(paroer_catalog_find_offer(a, "cafe")));
    const paroer_offer *resp = paroer_catalog_find_offer(m, "respite");
    assert_string_equal(paroer_offer_language(resp, m, 0), "en");
    assert_int_equal(paroer_offer_valid_to(resp), paroer_offer_valid_to(paroer_catalog_find_offer(a, "respite")));
    assert_int_equal(paroer_policy_goal_count(paroer_catalog_find_policy(m, "pol")), 2);
    assert_int_equal(paroer_offer_municipality(paroer_catalog_find_offer(m, "other"), 0), 101);
    /* merging a catalog with itself duplicates every id */
    const paroer_catalog *twice[2] = {a, a};
    paroer_catalog *bad = (paroer_catalog *)1;
    assert_int_equal(paroer_catalog_merge(&bad, twice, 2, NULL), PAROER_EDUPLICATE);
    assert_null(bad);
    paroer_catalog_free(m);
    paroer_catalog_free(a);
}

/* Every error of one pass, as texts; returns how many. */
static size_t error_texts(const paroer_diagnostics *d, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < paroer_diagnostics_count(d) && n < max; i++)
        if (paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR) out[n++] = paroer_diagnostic_text(d, i);
    return n;
}

/* One error never hides another: a broken provider still resolves references
 * and counts for duplicates; every duplicate says where the first one is. */
static void test_one_pass(void **state)
{
    (void)state;
    paroer_diagnostics *d;
    paroer_catalog_builder *b = builder_with_diagnostics(&d);
    assert_int_equal(paroer_builder_add_provider(b, "p", "P", 99, -1), PAROER_ESCHEMA);
    assert_int_equal(paroer_builder_add_provider(b, "p", "P again", PAROER_PROVIDER_MUNICIPAL, -1), PAROER_EDUPLICATE);
    OK(paroer_builder_begin_offer(b, "o", "O", PAROER_KIND_COURSE));
    OK(paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "p"));   /* names the broken provider: no error */
    OK(paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "p"));
    OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
    OK(paroer_builder_set_int(b, PAROER_FIELD_VALID_FROM, date("2025-02-01")));
    OK(paroer_builder_set_int(b, PAROER_FIELD_VALID_TO, date("2025-01-01")));
    assert_int_equal(paroer_builder_end_offer(b), PAROER_ESCHEMA);
    OK(paroer_builder_begin_offer(b, "o", "O2", PAROER_KIND_COURSE));
    OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
    assert_int_equal(paroer_builder_end_offer(b), PAROER_EDUPLICATE);
    OK(paroer_builder_begin_policy(b, "pol", 306, "P"));
    OK(paroer_builder_begin_goal(b, "g", "G", PAROER_GOAL_RESPITE_SUPPORT));
    OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 60));
    OK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 20));
    assert_int_equal(paroer_builder_end_goal(b), PAROER_ESCHEMA);
    OK(paroer_builder_begin_goal(b, "g", "G2", PAROER_GOAL_RESPITE_SUPPORT));
    assert_int_equal(paroer_builder_end_goal(b), PAROER_EDUPLICATE);
    assert_int_not_equal(paroer_builder_end_policy(b), PAROER_OK);
    OK(paroer_builder_begin_policy(b, "pol", 306, "P2"));
    assert_int_equal(paroer_builder_end_policy(b), PAROER_EDUPLICATE);
    paroer_catalog *c = (paroer_catalog *)1;
    assert_int_not_equal(paroer_catalog_builder_finish(b, &c), PAROER_OK);
    assert_null(c);
    const char *t[16];
    assert_int_equal(error_texts(d, t, 16), 7);
    assert_string_equal(t[0], "<builder>: error: unknown provider_kind value 99 in providers[0].kind");
    assert_string_equal(t[1], "<builder>: error: duplicate provider id \"p\" (first defined in <builder> at "
                              "providers[0]) in providers[1].id");
    assert_string_equal(t[2], "<builder>: error: valid_to is before valid_from in offers[0].valid_to");
    assert_string_equal(t[3], "<builder>: error: duplicate offer id \"o\" (first defined in <builder> at offers[0]) "
                              "in offers[1].id");
    assert_string_equal(t[4], "<builder>: error: min 60 is greater than max 20 in policies[0].goals[0].target.relative_age");
    assert_string_equal(t[5], "<builder>: error: duplicate goal id \"g\" (first defined in <builder> at "
                              "policies[0].goals[0]) in policies[0].goals[1].id");
    assert_string_equal(t[6], "<builder>: error: duplicate policy id \"pol\" (first defined in <builder> at "
                              "policies[0]) in policies[1].id");
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) assert_int_equal(paroer_diagnostic_document(d, i), 0);
    assert_int_equal(paroer_diagnostic_document(d, 99), (size_t)-1);
    paroer_catalog_builder_free(b);
    paroer_diagnostics_free(d);
}

/* Adds `n` distinct language tags (x0000, x0001, …, from `start`) over offers
 * of 1000 tags; returns the first failing status (0 when all fit). */
static int add_tags(paroer_catalog_builder *b, int start, int n, int *serial)
{
    int rc = 0;
    for (int k = 0; k < n && !rc;) {
        char id[32];
        snprintf(id, sizeof id, "o%d", (*serial)++);
        OK(paroer_builder_begin_offer(b, id, "O", PAROER_KIND_COURSE));
        OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
        for (int m = 0; m < 1000 && k < n && !rc; m++, k++) {
            char tag[16];
            snprintf(tag, sizeof tag, "x%05d", start + k);
            rc = paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, tag);
        }
        int end = paroer_builder_end_offer(b);
        if (!rc) rc = end;
    }
    return rc;
}

/* 65,535 distinct language tags with "da" is the limit, in every order: a
 * validation error naming it, never PAROER_ENOMEM. */
static void test_language_limit(void **state)
{
    (void)state;
    for (int order = 0; order < 4; order++) {
        paroer_diagnostics *d;
        paroer_catalog_builder *b = builder_with_diagnostics(&d);
        int serial = 0, rc;
        if (order == 0) {          /* "da" first, then one tag too many */
            OK(paroer_builder_begin_offer(b, "da", "D", PAROER_KIND_COURSE));
            OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
            OK(paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "da"));
            OK(paroer_builder_end_offer(b));
            rc = add_tags(b, 0, 65535, &serial);
        } else if (order == 1) {   /* never "da": its place is kept, the 65,535th other tag is too many */
            rc = add_tags(b, 0, 65535, &serial);
        } else if (order == 2) {   /* exactly the limit, "da" given last */
            OK(add_tags(b, 0, 65534, &serial));
            OK(paroer_builder_begin_offer(b, "da", "D", PAROER_KIND_COURSE));
            OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
            rc = paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "da");
            OK(rc);
            OK(paroer_builder_end_offer(b));
        } else {                   /* exactly the limit, "da" only by default */
            OK(add_tags(b, 0, 65534, &serial));
            OK(paroer_builder_begin_offer(b, "default", "D", PAROER_KIND_COURSE));
            OK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1));
            rc = paroer_builder_end_offer(b);
            OK(rc);
        }
        paroer_catalog *c = NULL;
        int fin = paroer_catalog_builder_finish(b, &c);
        if (order < 2) {
            assert_int_equal(rc, PAROER_ESCHEMA);
            assert_int_equal(fin, PAROER_ESCHEMA);
            assert_null(c);
            assert_int_equal(paroer_diagnostics_error_count(d), 1);   /* said once */
            assert_non_null(strstr(paroer_diagnostic_message(d, 0), "at most 65535 (\"da\" included)"));
        } else {
            OK(fin);
            assert_int_equal(paroer_diagnostics_error_count(d), 0);
            const paroer_offer *last = paroer_catalog_offer(c, paroer_catalog_offer_count(c) - 1);
            assert_string_equal(paroer_offer_language(last, c, 0), "da");
            const paroer_offer *first = paroer_catalog_offer(c, 0);
            assert_int_equal(paroer_offer_language_count(first), 1000);
            assert_string_equal(paroer_offer_language(first, c, 999), "x00999");
        }
        paroer_catalog_free(c);
        paroer_catalog_builder_free(b);
        paroer_diagnostics_free(d);
    }
}

static void test_null_safety(void **state)
{
    (void)state;
    paroer_catalog_free(NULL);
    paroer_catalog_builder_free(NULL);
    assert_int_equal(paroer_catalog_builder_new(NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_builder_end_offer(NULL), PAROER_EINVALID);
    assert_int_equal(paroer_catalog_offer_count(NULL), 0);
    assert_null(paroer_offer_id(NULL));
    assert_null(paroer_catalog_find_offer(NULL, "x"));
    paroer_load_options o;
    assert_int_equal(paroer_load_options_init(&o, 99), PAROER_EINVALID);
    o.version = 99;
    paroer_catalog_builder *b;
    assert_int_equal(paroer_catalog_builder_new(&b, &o), PAROER_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_accessors), cmocka_unit_test(test_liveness_and_goals),
        cmocka_unit_test(test_overlap), cmocka_unit_test(test_validation_errors),
        cmocka_unit_test(test_policy_errors), cmocka_unit_test(test_merge), cmocka_unit_test(test_null_safety),
        cmocka_unit_test(test_one_pass), cmocka_unit_test(test_language_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
