/* The catalog JSON loader (lib/load_catalog.c, lib/json_locate.c): every
 * default of the contract (section 2), every key, the forms a municipality
 * may take, null handling, unknown keys, several errors in one pass, merging
 * several files, allocation failures, and the real data in data/. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paroer/paroer.h>
#include "json_locate.h"

#define DATA_DIR PAROER_SOURCE_DIR "/data"

static int32_t date(const char *s)
{
    int32_t d = 0;
    assert_int_equal(paroer_date_parse(&d, s, strlen(s)), PAROER_OK);
    return d;
}

/* Loads `json`; asserts success and no diagnostics of any kind unless
 * `warnings` is non-NULL (then it receives the number of warnings). */
static paroer_catalog *load_ok(const char *json, size_t *warnings)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    assert_int_equal(paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    o.diagnostics = d;
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_buffer(&c, json, strlen(json), "test.json", &o);
    if (rc != PAROER_OK) {
        for (size_t i = 0; i < paroer_diagnostics_count(d); i++) print_error("%s\n", paroer_diagnostic_text(d, i));
        fail_msg("load failed with %d", rc);
    }
    assert_non_null(c);
    assert_int_equal(paroer_diagnostics_error_count(d), 0);
    if (warnings) *warnings = paroer_diagnostics_count(d);
    else assert_int_equal(paroer_diagnostics_count(d), 0);
    paroer_diagnostics_free(d);
    return c;
}

/* Loads `json` expecting failure `code`; returns the diagnostics (caller frees). */
static paroer_diagnostics *load_fail(const char *json, int code, uint32_t flags)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    assert_int_equal(paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    o.diagnostics = d;
    o.flags = flags;
    paroer_catalog *c = (paroer_catalog *)&o;
    assert_int_equal(paroer_catalog_load_buffer(&c, json, strlen(json), "test.json", &o), code);
    assert_null(c);
    return d;
}

#define HEAD "{\"format\": \"paroer-catalog\", \"version\": 1, "

/* ---- defaults ------------------------------------------------------------- */

static void test_offer_defaults(void **state)
{
    (void)state;
    paroer_catalog *c = load_ok(HEAD "\"municipality\": 306,\n"
                                "\"offers\": [{\"id\": \"o1\", \"name\": \"Kursus\", \"kind\": \"course\"}]}", NULL);
    assert_int_equal(paroer_catalog_municipality(c), 306);
    assert_int_equal(paroer_catalog_offer_count(c), 1);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_string_equal(paroer_offer_id(o), "o1");
    assert_string_equal(paroer_offer_name(o), "Kursus");
    assert_int_equal(paroer_offer_kind(o), PAROER_KIND_COURSE);
    /* needs = the kind's defaults */
    assert_int_equal(paroer_offer_needs(o), paroer_kind_default_needs(PAROER_KIND_COURSE));
    assert_int_equal(paroer_offer_needs(o), (1u << PAROER_NEED_EDUCATION) | (1u << PAROER_NEED_INFORMATION));
    /* municipalities = [the document's municipality] */
    assert_int_equal(paroer_offer_municipality_count(o), 1);
    assert_int_equal(paroer_offer_municipality(o, 0), 306);
    assert_int_equal(paroer_offer_nationwide(o), 0);
    assert_int_equal(paroer_offer_modes(o), 1u << PAROER_MODE_IN_PERSON);
    assert_int_equal(paroer_offer_slots(o), 0);                 /* flexible */
    assert_int_equal(paroer_offer_access(o), PAROER_ACCESS_OPEN);
    assert_int_equal(paroer_offer_language_count(o), 1);
    assert_string_equal(paroer_offer_language(o, c, 0), "da");
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_ACTIVE);
    assert_int_equal(paroer_offer_capacity(o), -1);             /* unlimited */
    assert_int_equal(paroer_offer_cost_free(o), -1);
    assert_true(isnan(paroer_offer_price_dkk(o)));
    assert_int_equal(paroer_offer_valid_from(o), PAROER_DATE_NONE);
    assert_int_equal(paroer_offer_valid_to(o), PAROER_DATE_NONE);
    assert_int_equal(paroer_offer_verified(o), PAROER_DATE_NONE);
    assert_null(paroer_offer_description(o));
    assert_null(paroer_offer_schedule(o));
    assert_null(paroer_offer_source(o));
    assert_null(paroer_offer_contact_phone(o));
    assert_null(paroer_offer_contact_email(o));
    assert_null(paroer_offer_contact_url(o));
    assert_null(paroer_offer_provider(o, c));
    assert_int_equal(paroer_offer_legal_basis_count(o), 0);
    assert_int_equal(paroer_offer_code_count(o), 0);
    /* target: open age bounds, any relation or condition, bereaved no */
    const paroer_target *t = paroer_offer_target(o);
    assert_int_equal(paroer_target_relative_age_min(t), 0);
    assert_int_equal(paroer_target_relative_age_max(t), INT32_MAX);
    assert_int_equal(paroer_target_cared_for_age_min(t), 0);
    assert_int_equal(paroer_target_cared_for_age_max(t), INT32_MAX);
    assert_int_equal(paroer_target_relations(t), 0);
    assert_int_equal(paroer_target_conditions(t), 0);
    assert_int_equal(paroer_target_requires(t), 0);
    assert_int_equal(paroer_target_bereaved(t), PAROER_BEREAVEMENT_NO);
    paroer_catalog_free(c);
}

static void test_defaults_per_kind(void **state)
{
    (void)state;
    static const char *kinds[] = {"respite_home", "respite_away", "activity_break", "counselling",
                                  "health_promotion", "peer_group", "cafe_network", "course", "information",
                                  "financial_support", "leave", "involvement"};
    for (int32_t k = 0; k < 12; k++) {
        char json[256];
        snprintf(json, sizeof json, HEAD "\"offers\": [{\"id\": \"o\", \"name\": \"n\", \"kind\": \"%s\", "
                                         "\"nationwide\": true}]}", kinds[k]);
        paroer_catalog *c = load_ok(json, NULL);
        const paroer_offer *o = paroer_catalog_offer(c, 0);
        assert_int_equal(paroer_offer_kind(o), k);
        assert_int_equal(paroer_offer_needs(o), paroer_kind_default_needs(k));
        assert_int_not_equal(paroer_offer_needs(o), 0);
        paroer_catalog_free(c);
    }
}

static void test_empty_lists_are_defaults(void **state)
{
    (void)state;
    paroer_catalog *c = load_ok(HEAD "\"municipality\": 306, \"offers\": [{\"id\": \"o1\", \"name\": \"n\", "
                                "\"kind\": \"peer_group\", \"needs\": [], \"municipalities\": [], \"modes\": [], "
                                "\"slots\": [], \"languages\": [], \"legal_basis\": [], \"codes\": [], "
                                "\"target\": {\"relations\": [], \"conditions\": [], \"requires\": []}}]}", NULL);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_int_equal(paroer_offer_needs(o), paroer_kind_default_needs(PAROER_KIND_PEER_GROUP));
    assert_int_equal(paroer_offer_municipality_count(o), 1);
    assert_int_equal(paroer_offer_municipality(o, 0), 306);
    assert_int_equal(paroer_offer_modes(o), 1u << PAROER_MODE_IN_PERSON);
    assert_int_equal(paroer_offer_slots(o), 0);
    assert_string_equal(paroer_offer_language(o, c, 0), "da");
    assert_int_equal(paroer_target_relations(paroer_offer_target(o)), 0);
    assert_int_equal(paroer_target_conditions(paroer_offer_target(o)), 0);
    paroer_catalog_free(c);
}

static void test_null_is_absent(void **state)
{
    (void)state;
    paroer_catalog *c = load_ok(
        HEAD "\"municipality\": null, \"providers\": null, \"policies\": null, \"offers\": [{\"id\": \"o1\", "
        "\"name\": \"n\", \"kind\": \"information\", \"nationwide\": true, \"description\": null, \"provider\": null, "
        "\"needs\": null, \"municipalities\": null, \"modes\": null, \"slots\": null, \"schedule\": null, "
        "\"access\": null, \"status\": null, \"capacity\": null, \"languages\": null, \"valid_from\": null, "
        "\"valid_to\": null, \"verified\": null, \"legal_basis\": null, \"codes\": null, \"source\": null, "
        "\"contact\": {\"phone\": null, \"email\": null, \"url\": null}, \"cost\": {\"free\": null, \"price_dkk\": null}, "
        "\"target\": {\"relative_age\": {\"min\": null, \"max\": null}, \"cared_for_age\": null, \"relations\": null, "
        "\"conditions\": null, \"requires\": null, \"bereaved\": null}}]}",
        NULL);
    assert_int_equal(paroer_catalog_municipality(c), -1);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_int_equal(paroer_offer_needs(o), 1u << PAROER_NEED_INFORMATION);
    assert_int_equal(paroer_offer_access(o), PAROER_ACCESS_OPEN);
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_ACTIVE);
    assert_int_equal(paroer_offer_capacity(o), -1);
    assert_int_equal(paroer_offer_cost_free(o), -1);
    assert_true(isnan(paroer_offer_price_dkk(o)));
    assert_int_equal(paroer_offer_valid_to(o), PAROER_DATE_NONE);
    assert_null(paroer_offer_contact_phone(o));
    assert_int_equal(paroer_target_relative_age_max(paroer_offer_target(o)), INT32_MAX);
    assert_int_equal(paroer_target_bereaved(paroer_offer_target(o)), PAROER_BEREAVEMENT_NO);
    paroer_catalog_free(c);
}

/* ---- every key ------------------------------------------------------------ */

static const char FULL[] =
    "{\n"
    "  \"format\": \"paroer-catalog\", \"version\": 1,\n"
    "  \"municipality\": 306,\n"
    "  \"providers\": [ { \"id\": \"ods-omsorg\", \"name\": \"Center for Omsorg og Sundhed\",\n"
    "                   \"kind\": \"municipal\", \"area\": \"elderly\" },\n"
    "                 { \"id\": \"alz\", \"name\": \"Alzheimerforeningen\", \"kind\": \"civil_society\" } ],\n"
    "  \"offers\": [ {\n"
    "      \"id\": \"ods-demenscafe\", \"name\": \"Demenscaf\xc3\xa9\", \"description\": \"Hygge \\\"og\\\" kaffe\",\n"
    "      \"provider\": \"ods-omsorg\", \"kind\": \"cafe_network\", \"needs\": [\"network\", \"peer_support\", \"network\"],\n"
    "      \"municipalities\": [306, \"0316\", \"101\"], \"nationwide\": false,\n"
    "      \"target\": { \"relative_age\": {\"min\": 18}, \"relations\": [\"spouse_partner\", \"son_daughter\"],\n"
    "                  \"conditions\": [\"dementia\"], \"cared_for_age\": {\"min\": 0, \"max\": 130},\n"
    "                  \"requires\": [\"cared_at_home\", \"employed\"], \"bereaved\": \"also\" },\n"
    "      \"modes\": [\"in_person\", \"online\"], \"slots\": [\"weekday_day\", \"weekend\"],\n"
    "      \"schedule\": \"FREQ=MONTHLY;BYDAY=1TU\",\n"
    "      \"access\": \"registration\", \"cost\": {\"free\": false, \"price_dkk\": 25.5}, \"languages\": [\"da\", \"en\"],\n"
    "      \"capacity\": 20, \"status\": \"waitlist\",\n"
    "      \"valid_from\": \"2025-01-01\", \"valid_to\": \"2026-12-31\",\n"
    "      \"legal_basis\": [\"aeldreloven-16\", \"serviceloven-84\"],\n"
    "      \"contact\": {\"phone\": \"59 66 66 66\", \"email\": \"a@b.dk\", \"url\": \"https://x.dk\"},\n"
    "      \"source\": \"https://odsherred.dk\", \"verified\": \"2025-09-01\",\n"
    "      \"codes\": [ {\"system\": \"urn:oid:1.2.208.176.2.21\", \"code\": \"649b3428-4018-47da-bb36-1f2bfab3c8c1\"} ]\n"
    "  },\n"
    "  { \"id\": \"alz-raadgivning\", \"name\": \"R\xc3\xa5" "dgivning\", \"kind\": \"counselling\", \"provider\": \"alz\",\n"
    "    \"nationwide\": true, \"cost\": {\"free\": true}, \"capacity\": 0, \"status\": \"paused\", \"access\": \"referral\",\n"
    "    \"target\": {\"bereaved\": \"only\", \"relative_age\": {\"max\": 17}} } ],\n"
    "  \"policies\": [ {\n"
    "      \"id\": \"ods-politik-2025\", \"municipality\": \"0306\", \"title\": \"P\xc3\xa5r\xc3\xb8rendepolitik\",\n"
    "      \"adopted\": \"2025-03-01\", \"valid_to\": null, \"areas\": [\"cross_cutting\", \"health\"],\n"
    "      \"source\": \"seed 003\",\n"
    "      \"goals\": [ { \"id\": \"g-respite\", \"title\": \"Pauser\", \"category\": \"respite_support\",\n"
    "                   \"target\": { \"relative_age\": {\"min\": 18} },\n"
    "                   \"needs\": [\"respite\", \"practical_help\"], \"kinds\": [] },\n"
    "                 { \"id\": \"g-samarbejde\", \"title\": \"Samarbejde\", \"category\": \"collaboration\" },\n"
    "                 { \"id\": \"g-inddragelse\", \"title\": \"Inddragelse\", \"category\": \"user_involvement\",\n"
    "                   \"kinds\": [\"involvement\"] } ],\n"
    "      \"action_plans\": [ {\"title\": \"Handleplan 2026\", \"due\": \"2026-10-31\", \"adopted\": null},\n"
    "                          {\"title\": \"Handleplan 2025\", \"due\": null, \"adopted\": \"2025-06-01\"} ]\n"
    "  } ]\n"
    "}\n";

static void test_every_key(void **state)
{
    (void)state;
    paroer_catalog *c = load_ok(FULL, NULL);
    assert_int_equal(paroer_catalog_provider_count(c), 2);
    const paroer_provider *p = paroer_catalog_find_provider(c, "ods-omsorg");
    assert_non_null(p);
    assert_string_equal(paroer_provider_name(p), "Center for Omsorg og Sundhed");
    assert_int_equal(paroer_provider_kind(p), PAROER_PROVIDER_MUNICIPAL);
    assert_int_equal(paroer_provider_area(p), PAROER_AREA_ELDERLY);
    p = paroer_catalog_find_provider(c, "alz");
    assert_int_equal(paroer_provider_kind(p), PAROER_PROVIDER_CIVIL_SOCIETY);
    assert_int_equal(paroer_provider_area(p), -1);

    assert_int_equal(paroer_catalog_offer_count(c), 2);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_string_equal(paroer_offer_id(o), "ods-demenscafe");
    assert_string_equal(paroer_offer_name(o), "Demenscaf\xc3\xa9");
    assert_string_equal(paroer_offer_description(o), "Hygge \"og\" kaffe");
    assert_ptr_equal(paroer_offer_provider(o, c), paroer_catalog_find_provider(c, "ods-omsorg"));
    assert_int_equal(paroer_offer_kind(o), PAROER_KIND_CAFE_NETWORK);
    assert_int_equal(paroer_offer_needs(o), (1u << PAROER_NEED_NETWORK) | (1u << PAROER_NEED_PEER_SUPPORT));
    assert_int_equal(paroer_offer_municipality_count(o), 3);
    assert_int_equal(paroer_offer_municipality(o, 0), 306);
    assert_int_equal(paroer_offer_municipality(o, 1), 316);
    assert_int_equal(paroer_offer_municipality(o, 2), 101);
    assert_true(paroer_offer_serves_municipality(o, 316));
    assert_false(paroer_offer_serves_municipality(o, 320));
    const paroer_target *t = paroer_offer_target(o);
    assert_int_equal(paroer_target_relative_age_min(t), 18);
    assert_int_equal(paroer_target_relative_age_max(t), INT32_MAX);
    assert_int_equal(paroer_target_relations(t),
                     (1u << PAROER_RELATION_SPOUSE_PARTNER) | (1u << PAROER_RELATION_SON_DAUGHTER));
    assert_int_equal(paroer_target_conditions(t), 1u << PAROER_CONDITION_DEMENTIA);
    assert_int_equal(paroer_target_cared_for_age_min(t), 0);
    assert_int_equal(paroer_target_cared_for_age_max(t), 130);
    assert_int_equal(paroer_target_requires(t), (1u << PAROER_FLAG_CARED_AT_HOME) | (1u << PAROER_FLAG_EMPLOYED));
    assert_int_equal(paroer_target_bereaved(t), PAROER_BEREAVEMENT_ALSO);
    assert_int_equal(paroer_offer_modes(o), (1u << PAROER_MODE_IN_PERSON) | (1u << PAROER_MODE_ONLINE));
    assert_int_equal(paroer_offer_slots(o), (1u << PAROER_SLOT_WEEKDAY_DAY) | (1u << PAROER_SLOT_WEEKEND));
    assert_string_equal(paroer_offer_schedule(o), "FREQ=MONTHLY;BYDAY=1TU");
    assert_int_equal(paroer_offer_access(o), PAROER_ACCESS_REGISTRATION);
    assert_int_equal(paroer_offer_cost_free(o), 0);
    assert_true(paroer_offer_price_dkk(o) == 25.5);
    assert_int_equal(paroer_offer_language_count(o), 2);
    assert_string_equal(paroer_offer_language(o, c, 0), "da");
    assert_string_equal(paroer_offer_language(o, c, 1), "en");
    assert_int_equal(paroer_offer_capacity(o), 20);
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_WAITLIST);
    assert_int_equal(paroer_offer_valid_from(o), date("2025-01-01"));
    assert_int_equal(paroer_offer_valid_to(o), date("2026-12-31"));
    assert_int_equal(paroer_offer_verified(o), date("2025-09-01"));
    assert_int_equal(paroer_offer_legal_basis_count(o), 2);
    assert_string_equal(paroer_offer_legal_basis(o, 0), "aeldreloven-16");
    assert_string_equal(paroer_offer_legal_basis(o, 1), "serviceloven-84");
    assert_string_equal(paroer_offer_contact_phone(o), "59 66 66 66");
    assert_string_equal(paroer_offer_contact_email(o), "a@b.dk");
    assert_string_equal(paroer_offer_contact_url(o), "https://x.dk");
    assert_string_equal(paroer_offer_source(o), "https://odsherred.dk");
    assert_int_equal(paroer_offer_code_count(o), 1);
    assert_string_equal(paroer_offer_code_system(o, 0), "urn:oid:1.2.208.176.2.21");
    assert_string_equal(paroer_offer_code_value(o, 0), "649b3428-4018-47da-bb36-1f2bfab3c8c1");
    const paroer_offer *found[2];
    assert_int_equal(paroer_catalog_find_by_code(c, "urn:oid:1.2.208.176.2.21", "649b3428-4018-47da-bb36-1f2bfab3c8c1",
                                                 found, 2), 1);
    assert_ptr_equal(found[0], o);

    o = paroer_catalog_offer(c, 1);
    assert_string_equal(paroer_offer_id(o), "alz-raadgivning");
    assert_int_equal(paroer_offer_nationwide(o), 1);
    assert_int_equal(paroer_offer_municipality_count(o), 0);   /* nationwide: the default municipality is not added */
    assert_true(paroer_offer_serves_municipality(o, 851));
    assert_int_equal(paroer_offer_cost_free(o), 1);
    assert_true(isnan(paroer_offer_price_dkk(o)));
    assert_int_equal(paroer_offer_capacity(o), 0);
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_PAUSED);
    assert_int_equal(paroer_offer_access(o), PAROER_ACCESS_REFERRAL);
    assert_int_equal(paroer_target_bereaved(paroer_offer_target(o)), PAROER_BEREAVEMENT_ONLY);
    assert_int_equal(paroer_target_relative_age_min(paroer_offer_target(o)), 0);
    assert_int_equal(paroer_target_relative_age_max(paroer_offer_target(o)), 17);

    assert_int_equal(paroer_catalog_policy_count(c), 1);
    const paroer_policy *pol = paroer_catalog_find_policy(c, "ods-politik-2025");
    assert_non_null(pol);
    assert_int_equal(paroer_policy_municipality(pol), 306);
    assert_string_equal(paroer_policy_title(pol), "P\xc3\xa5r\xc3\xb8rendepolitik");
    assert_string_equal(paroer_policy_source(pol), "seed 003");
    assert_int_equal(paroer_policy_adopted(pol), date("2025-03-01"));
    assert_int_equal(paroer_policy_valid_to(pol), PAROER_DATE_NONE);
    assert_int_equal(paroer_policy_areas(pol), (1u << PAROER_AREA_CROSS_CUTTING) | (1u << PAROER_AREA_HEALTH));
    assert_int_equal(paroer_policy_goal_count(pol), 3);
    const paroer_goal *g = paroer_policy_goal(pol, 0);
    assert_string_equal(paroer_goal_id(g), "g-respite");
    assert_string_equal(paroer_goal_title(g), "Pauser");
    assert_int_equal(paroer_goal_category(g), PAROER_GOAL_RESPITE_SUPPORT);
    assert_int_equal(paroer_goal_needs(g), (1u << PAROER_NEED_RESPITE) | (1u << PAROER_NEED_PRACTICAL_HELP));
    assert_int_equal(paroer_goal_kinds(g), 0);
    assert_int_equal(paroer_target_relative_age_min(paroer_goal_target(g)), 18);
    assert_false(paroer_goal_is_organisational(g));
    assert_ptr_equal(paroer_goal_policy(g), pol);
    g = paroer_policy_goal(pol, 1);
    assert_true(paroer_goal_is_organisational(g));
    g = paroer_policy_goal(pol, 2);
    assert_int_equal(paroer_goal_kinds(g), 1u << PAROER_KIND_INVOLVEMENT);
    assert_int_equal(paroer_policy_action_plan_count(pol), 2);
    assert_string_equal(paroer_policy_action_plan_title(pol, 0), "Handleplan 2026");
    assert_int_equal(paroer_policy_action_plan_due(pol, 0), date("2026-10-31"));
    assert_int_equal(paroer_policy_action_plan_adopted(pol, 0), PAROER_DATE_NONE);
    assert_int_equal(paroer_policy_action_plan_due(pol, 1), PAROER_DATE_NONE);
    assert_int_equal(paroer_policy_action_plan_adopted(pol, 1), date("2025-06-01"));
    paroer_catalog_free(c);
}

static void test_municipality_forms(void **state)
{
    (void)state;
    static const char *forms[] = {"306", "\"306\"", "\"0306\""};
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            char json[512];
            snprintf(json, sizeof json,
                     HEAD "\"municipality\": %s, \"offers\": [{\"id\": \"a\", \"name\": \"n\", \"kind\": \"course\"}, "
                          "{\"id\": \"b\", \"name\": \"n\", \"kind\": \"course\", \"municipalities\": [%s]}], "
                          "\"policies\": [{\"id\": \"p\", \"municipality\": %s, \"title\": \"t\"}]}",
                     forms[i], forms[j], forms[j]);
            paroer_catalog *c = load_ok(json, NULL);
            assert_int_equal(paroer_catalog_municipality(c), 306);
            assert_int_equal(paroer_offer_municipality(paroer_catalog_offer(c, 0), 0), 306);
            assert_int_equal(paroer_offer_municipality(paroer_catalog_offer(c, 1), 0), 306);
            assert_int_equal(paroer_policy_municipality(paroer_catalog_policy(c, 0)), 306);
            paroer_catalog_free(c);
        }
    }
    /* Single- and two-digit codes and the extremes of the range. */
    paroer_catalog *c = load_ok(HEAD "\"offers\": [{\"id\": \"a\", \"name\": \"n\", \"kind\": \"course\", "
                                "\"municipalities\": [1, \"9\", \"0099\", 999, \"999\"]}]}", NULL);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_int_equal(paroer_offer_municipality_count(o), 4);   /* duplicates dropped */
    assert_int_equal(paroer_offer_municipality(o, 0), 1);
    assert_int_equal(paroer_offer_municipality(o, 1), 9);
    assert_int_equal(paroer_offer_municipality(o, 2), 99);
    assert_int_equal(paroer_offer_municipality(o, 3), 999);
    paroer_catalog_free(c);
    /* Other forms are errors. */
    static const char *bad[] = {"0", "1000", "-306", "306.0", "\"\"", "\"00306\"", "\"306 \"", "\" 306\"",
                                "\"+306\"", "\"3O6\"", "true", "[306]"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char json[256];
        snprintf(json, sizeof json, HEAD "\"municipality\": %s}", bad[i]);
        paroer_diagnostics *d = load_fail(json, PAROER_ESCHEMA, 0);
        assert_int_equal(paroer_diagnostics_error_count(d), 1);
        assert_string_equal(paroer_diagnostic_path(d, 0), "municipality");
        paroer_diagnostics_free(d);
    }
}

static void test_key_order(void **state)
{
    (void)state;
    /* Offers before providers, version before format: order does not matter. */
    paroer_catalog *c = load_ok("{\"offers\": [{\"kind\": \"course\", \"provider\": \"p1\", \"name\": \"n\", \"id\": \"o1\", \"nationwide\": true}],"
                                " \"policies\": [], \"providers\": [{\"kind\": \"regional\", \"name\": \"P\", \"id\": \"p1\"}],"
                                " \"version\": 1, \"format\": \"paroer-catalog\"}", NULL);
    const paroer_offer *o = paroer_catalog_find_offer(c, "o1");
    assert_non_null(o);
    assert_ptr_equal(paroer_offer_provider(o, c), paroer_catalog_find_provider(c, "p1"));
    paroer_catalog_free(c);
}

static void test_escaped_keys_and_bom(void **state)
{
    (void)state;
    /* A UTF-8 byte order mark is skipped; keys may be written with escapes. */
    const char json[] = "\xef\xbb\xbf{\"\\u0066ormat\": \"paroer-catalog\", \"version\": 1, \"offers\": "
                        "[{\"id\": \"o\\u00e9\", \"name\": \"n\", \"kind\": \"course\", \"nationwide\": true}]}";
    paroer_catalog *c = load_ok(json, NULL);
    assert_non_null(paroer_catalog_find_offer(c, "o\xc3\xa9"));
    paroer_catalog_free(c);
}

/* ---- unknown keys --------------------------------------------------------- */

static const char UNKNOWN[] =
    "{\"format\": \"paroer-catalog\", \"version\": 1, \"generator\": \"x\",\n"
    " \"providers\": [{\"id\": \"p\", \"name\": \"P\", \"kind\": \"private\", \"phone\": \"1\"}],\n"
    " \"offers\": [{\"id\": \"o\", \"name\": \"n\", \"kind\": \"course\", \"nationwide\": true, \"colour\": \"red\",\n"
    "   \"target\": {\"gender\": \"any\", \"relative_age\": {\"min\": 1, \"avg\": 2}},\n"
    "   \"cost\": {\"currency\": \"DKK\"}, \"contact\": {\"fax\": \"1\"},\n"
    "   \"codes\": [{\"system\": \"s\", \"code\": \"c\", \"label\": \"l\"}], \"a key\": 1}],\n"
    " \"policies\": [{\"id\": \"p\", \"municipality\": 306, \"title\": \"t\", \"owner\": \"x\",\n"
    "   \"goals\": [{\"id\": \"g\", \"title\": \"t\", \"category\": \"network\", \"weight\": 1}],\n"
    "   \"action_plans\": [{\"title\": \"t\", \"budget\": 1}]}]}\n";

static void test_unknown_keys_warn(void **state)
{
    (void)state;
    size_t warnings = 0;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_buffer(&c, UNKNOWN, strlen(UNKNOWN), "u.json", &o), PAROER_OK);
    assert_non_null(c);
    warnings = paroer_diagnostics_count(d);
    assert_int_equal(paroer_diagnostics_error_count(d), 0);
    static const char *expected[] = {
        "u.json:1:57: warning: unknown key \"generator\" (ignored) in generator",
        "u.json:2:69: warning: unknown key \"phone\" (ignored) in providers[0].phone",
        "u.json:3:86: warning: unknown key \"colour\" (ignored) in offers[0].colour",
        "u.json:4:25: warning: unknown key \"gender\" (ignored) in offers[0].target.gender",
        "u.json:4:66: warning: unknown key \"avg\" (ignored) in offers[0].target.relative_age.avg",
        "u.json:5:25: warning: unknown key \"currency\" (ignored) in offers[0].cost.currency",
        "u.json:5:52: warning: unknown key \"fax\" (ignored) in offers[0].contact.fax",
        "u.json:6:52: warning: unknown key \"label\" (ignored) in offers[0].codes[0].label",
        "u.json:3:13: warning: unknown key \"a key\" (ignored) in offers[0]",
        "u.json:7:71: warning: unknown key \"owner\" (ignored) in policies[0].owner",
        "u.json:8:73: warning: unknown key \"weight\" (ignored) in policies[0].goals[0].weight",
        "u.json:9:46: warning: unknown key \"budget\" (ignored) in policies[0].action_plans[0].budget",
    };
    for (size_t i = 0; i < warnings && i < sizeof expected / sizeof *expected; i++) {
        assert_int_equal(paroer_diagnostic_severity(d, i), PAROER_SEVERITY_WARNING);
        assert_int_equal(paroer_diagnostic_code(d, i), 0);
        assert_string_equal(paroer_diagnostic_text(d, i), expected[i]);
    }
    assert_int_equal(warnings, sizeof expected / sizeof *expected);
    paroer_catalog_free(c);
    paroer_diagnostics_free(d);

    /* Strict: the same keys are errors, all of them reported, and no catalog. */
    d = load_fail(UNKNOWN, PAROER_ESCHEMA, PAROER_LOAD_STRICT);
    assert_int_equal(paroer_diagnostics_error_count(d), sizeof expected / sizeof *expected);
    assert_string_equal(paroer_diagnostic_text(d, 0), "test.json:1:57: error: unknown key \"generator\" in generator");
    assert_string_equal(paroer_diagnostic_message(d, 0), "unknown key \"generator\" in generator");
    paroer_diagnostics_free(d);
}

/* ---- several errors, limits, the thread's record --------------------------- */

static const char THREE_ERRORS[] =
    "{\"format\": \"paroer-catalog\", \"version\": 1,\n"
    " \"offers\": [\n"
    "  {\"id\": \"a\", \"name\": \"n\", \"kind\": \"course\", \"nationwide\": true, \"modes\": [\"video\"]},\n"
    "  {\"id\": \"b\", \"name\": \"n\", \"kind\": \"kursus\", \"nationwide\": true},\n"
    "  {\"id\": \"a\", \"name\": \"n\", \"kind\": \"course\", \"nationwide\": true, \"valid_to\": \"2026-02-30\"}\n"
    " ]}\n";

static void test_all_errors_reported(void **state)
{
    (void)state;
    paroer_diagnostics *d = load_fail(THREE_ERRORS, PAROER_ESCHEMA, 0);
    assert_int_equal(paroer_diagnostics_error_count(d), 4);
    assert_string_equal(paroer_diagnostic_text(d, 0),
                        "test.json:3:76: error: unknown mode \"video\" (expected one of: in_person, online, phone, "
                        "home) in offers[0].modes[0]");
    assert_string_equal(paroer_diagnostic_path(d, 1), "offers[1].kind");
    assert_int_equal(paroer_diagnostic_line(d, 1), 4);
    assert_string_equal(paroer_diagnostic_path(d, 2), "offers[2].valid_to");
    assert_string_equal(paroer_diagnostic_message(d, 2), "\"2026-02-30\" is not a calendar date in offers[2].valid_to");
    /* The duplicate is found although the first "a" was itself broken. */
    assert_string_equal(paroer_diagnostic_path(d, 3), "offers[2].id");
    assert_int_equal(paroer_diagnostic_code(d, 3), PAROER_EDUPLICATE);
    paroer_diagnostics_free(d);
}

static void test_max_errors(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    o.max_errors = 2;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_buffer(&c, THREE_ERRORS, strlen(THREE_ERRORS), NULL, &o), PAROER_ESCHEMA);
    assert_null(c);
    assert_int_equal(paroer_diagnostics_error_count(d), 2);
    assert_string_equal(paroer_diagnostic_source(d, 0), "<buffer>");
    paroer_diagnostics_free(d);
}

static void test_thread_error_without_diagnostics(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    paroer_error_clear();
    assert_int_equal(paroer_catalog_load_buffer(&c, THREE_ERRORS, strlen(THREE_ERRORS), "x.json", NULL),
                     PAROER_ESCHEMA);
    assert_null(c);
    const paroer_error_info *e = paroer_error_last();
    assert_int_equal(e->code, PAROER_ESCHEMA);
    assert_string_equal(e->source, "x.json");
    assert_int_equal(e->line, 3);
    assert_int_equal(e->column, 76);
    assert_int_equal(e->byte_offset, 131);
    assert_string_equal(e->path, "offers[0].modes[0]");
    assert_non_null(strstr(e->message, "unknown mode \"video\""));

    /* Syntax errors carry the parser's position. */
    const char *broken = "{\"format\": \"paroer-catalog\",\n \"version\": 1,\n \"offers\": [}\n";
    assert_int_equal(paroer_catalog_load_buffer(&c, broken, strlen(broken), "y.json", NULL), PAROER_EPARSE);
    e = paroer_error_last();
    assert_int_equal(e->code, PAROER_EPARSE);
    assert_string_equal(e->source, "y.json");
    assert_int_equal(e->line, 3);
    assert_int_equal(e->column, 13);
    assert_string_equal(e->path, "");
    assert_string_equal(e->message, "invalid JSON: unexpected token near \"}\"");
}

/* ---- files ---------------------------------------------------------------- */

static char *write_temp(const char *text)
{
    char *path = malloc(64);
    static int counter;
    snprintf(path, 64, "test_load_catalog_%d_%d.json", (int)counter++, (int)sizeof(void *));
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_load_files_merge(void **state)
{
    (void)state;
    char *a = write_temp(HEAD "\"municipality\": 306, \"providers\": [{\"id\": \"p\", \"name\": \"P\", \"kind\": \"municipal\"}],"
                         " \"offers\": [{\"id\": \"o1\", \"name\": \"n\", \"kind\": \"course\"}]}");
    char *b = write_temp(HEAD "\"municipality\": \"0101\", \"offers\": [{\"id\": \"o2\", \"name\": \"n\", \"kind\": \"leave\", "
                         "\"provider\": \"p\"}]}");
    char *dup = write_temp(HEAD "\"offers\": [{\"id\": \"o2\", \"name\": \"x\", \"kind\": \"leave\", \"nationwide\": true},"
                           "{\"id\": \"o1\", \"name\": \"x\", \"kind\": \"leave\", \"nationwide\": true}]}");
    const char *paths[] = {a, b, dup};
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_files(&c, paths, 2, NULL), PAROER_OK);
    assert_int_equal(paroer_catalog_offer_count(c), 2);
    assert_int_equal(paroer_catalog_municipality(c), 306);   /* the first document's */
    const paroer_offer *o2 = paroer_catalog_find_offer(c, "o2");
    assert_int_equal(paroer_offer_municipality(o2, 0), 101); /* each document's own default */
    assert_ptr_equal(paroer_offer_provider(o2, c), paroer_catalog_find_provider(c, "p"));
    assert_int_equal(paroer_offer_municipality(paroer_catalog_find_offer(c, "o1"), 0), 306);
    paroer_catalog_free(c);

    /* Duplicates across files: both reported, naming where the first was defined. */
    paroer_diagnostics *d = NULL;
    paroer_diagnostics_new(&d, NULL);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    assert_int_equal(paroer_catalog_load_files(&c, paths, 3, &o), PAROER_EDUPLICATE);
    assert_null(c);
    assert_int_equal(paroer_diagnostics_error_count(d), 2);
    char want[256];
    snprintf(want, sizeof want, "%s:1:62: error: duplicate offer id \"o2\" (first defined in %s at offers[0]) in offers[0].id",
             dup, b);
    assert_string_equal(paroer_diagnostic_text(d, 0), want);
    assert_string_equal(paroer_diagnostic_source(d, 1), dup);
    paroer_diagnostics_free(d);

    /* A provider must come from a document loaded before (or the same one). */
    const char *reversed[] = {b, a};
    assert_int_equal(paroer_catalog_load_files(&c, reversed, 2, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->path, "offers[0].provider");
    assert_string_equal(paroer_error_last()->source, b);

    remove(a); remove(b); remove(dup);
    free(a); free(b); free(dup);
}

static void test_missing_file(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    paroer_diagnostics_new(&d, NULL);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_file(&c, "/nonexistent/catalog.json", &o), PAROER_EIO);
    assert_null(c);
    assert_string_equal(paroer_diagnostic_text(d, 0),
                        "/nonexistent/catalog.json: error: cannot open the file: no such file or directory");
    assert_int_equal(paroer_error_last()->code, PAROER_EIO);
    assert_string_equal(paroer_error_last()->source, "/nonexistent/catalog.json");
    /* A directory is not a document either. */
    paroer_diagnostics_clear(d);
    assert_int_equal(paroer_catalog_load_file(&c, PAROER_SOURCE_DIR "/data", &o), PAROER_EIO);
    assert_int_equal(paroer_diagnostics_error_count(d), 1);
    /* With several files, the others are still checked. */
    paroer_diagnostics_clear(d);
    const char *paths[] = {"/nonexistent/a.json", DATA_DIR "/statutory.json", "/nonexistent/b.json"};
    assert_int_equal(paroer_catalog_load_files(&c, paths, 3, &o), PAROER_EIO);
    assert_int_equal(paroer_diagnostics_error_count(d), 2);
    paroer_diagnostics_free(d);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_buffer(NULL, "{}", 2, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_catalog_load_buffer(&c, NULL, 5, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_catalog_load_file(&c, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_catalog_load_file(NULL, "x", NULL), PAROER_EINVALID);
    assert_int_equal(paroer_catalog_load_files(&c, NULL, 1, NULL), PAROER_EINVALID);
    const char *none[] = {NULL};
    assert_int_equal(paroer_catalog_load_files(&c, none, 1, NULL), PAROER_EINVALID);
    const char *one[] = {"x"};
    assert_int_equal(paroer_catalog_load_files(&c, one, 0, NULL), PAROER_EINVALID);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.version = 99;
    assert_int_equal(paroer_catalog_load_buffer(&c, "{}", 2, NULL, &o), PAROER_EINVALID);
    assert_null(c);
    /* NULL data with length 0 is an empty document. */
    assert_int_equal(paroer_catalog_load_buffer(&c, NULL, 0, NULL, NULL), PAROER_EPARSE);
}

/* ---- the shipped data ----------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reads data/municipalities.csv: known[code] = 1 for each listed code; returns how many. */
static size_t read_municipality_codes(int known[1000])
{
    memset(known, 0, 1000 * sizeof *known);
    FILE *f = fopen(DATA_DIR "/municipalities.csv", "r");
    assert_non_null(f);
    char line[512];
    size_t n = 0;
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    assert_int_equal(strncmp(line, "code,name,", 10), 0);
    while (fgets(line, sizeof line, f)) {
        char *end = NULL;
        long code = strtol(line, &end, 10);
        if (end == line || *end != ',' || code < 1 || code > 999) fail_msg("municipalities.csv: bad line %s", line);
        if (known[code]) fail_msg("municipalities.csv: code %ld twice", code);
        known[code] = 1;
        n++;
    }
    fclose(f);
    return n;
}

/* Every data/NAME.json loads without errors (warnings are printed), alone and all together. */
static void test_data_files(void **state)
{
    (void)state;
    DIR *dir = opendir(DATA_DIR);
    assert_non_null(dir);
    char *paths[64];
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL && n < 64) {
        size_t len = strlen(ent->d_name);
        if (len < 6 || strcmp(ent->d_name + len - 5, ".json") != 0) continue;
        paths[n] = malloc(strlen(DATA_DIR) + len + 2);
        sprintf(paths[n], "%s/%s", DATA_DIR, ent->d_name);
        n++;
    }
    closedir(dir);
    qsort(paths, n, sizeof *paths, by_name);
    /* statutory.json, dk-offers.json, odsherred-policy.json, municipal-policies.json at least */
    assert_true(n >= 4);
    int known[1000];
    size_t n_known = read_municipality_codes(known);
    assert_int_equal(n_known, 98);
    size_t total_offers = 0;
    for (size_t i = 0; i < n; i++) {
        paroer_diagnostics *d = NULL;
        paroer_diagnostics_new(&d, NULL);
        paroer_load_options o;
        paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
        o.diagnostics = d;
        paroer_catalog *c = NULL;
        int rc = paroer_catalog_load_file(&c, paths[i], &o);
        for (size_t k = 0; k < paroer_diagnostics_count(d); k++) print_message("%s\n", paroer_diagnostic_text(d, k));
        if (rc != PAROER_OK) fail_msg("%s does not load: %d", paths[i], rc);
        assert_int_equal(paroer_diagnostics_error_count(d), 0);
        print_message("%s: %zu providers, %zu offers, %zu policies, %zu warnings\n", paths[i],
                      paroer_catalog_provider_count(c), paroer_catalog_offer_count(c), paroer_catalog_policy_count(c),
                      paroer_diagnostics_count(d));
        total_offers += paroer_catalog_offer_count(c);
        /* Every municipality an offer or a policy names is one of municipalities.csv. */
        for (size_t k = 0; k < paroer_catalog_offer_count(c); k++) {
            const paroer_offer *of = paroer_catalog_offer(c, k);
            for (size_t m = 0; m < paroer_offer_municipality_count(of); m++) {
                int32_t code = paroer_offer_municipality(of, m);
                if (code < 1 || code > 999 || !known[code])
                    fail_msg("%s: offer %s names municipality %d, not in municipalities.csv", paths[i],
                             paroer_offer_id(of), (int)code);
            }
        }
        for (size_t k = 0; k < paroer_catalog_policy_count(c); k++) {
            int32_t code = paroer_policy_municipality(paroer_catalog_policy(c, k));
            if (code < 1 || code > 999 || !known[code])
                fail_msg("%s: a policy names municipality %d, not in municipalities.csv", paths[i], (int)code);
        }
        paroer_catalog_free(c);
        paroer_diagnostics_free(d);
    }
    /* And all of them together (ids are unique across the shipped files). */
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_files(&c, (const char *const *)paths, n, NULL), PAROER_OK);
    assert_int_equal(paroer_catalog_offer_count(c), total_offers);
    assert_non_null(paroer_catalog_find_offer(c, "dk-stat-aeldreloven-16-afloesning"));
    assert_non_null(paroer_catalog_policy_for(c, 306, PAROER_DATE_NONE));
    /* The second edition's policies (municipal-policies.json). */
    const int32_t policy_municipalities[] = {657, 740, 450, 430};
    for (size_t k = 0; k < 4; k++) assert_non_null(paroer_catalog_policy_for(c, policy_municipalities[k], PAROER_DATE_NONE));
    paroer_catalog_free(c);
    for (size_t i = 0; i < n; i++) free(paths[i]);
}

/* ---- allocation failures -------------------------------------------------- */

typedef struct failing {
    long budget;   /* allocations left before failing; <0: never fail */
    long live;
} failing;

static void *f_malloc(void *ctx, size_t n)
{
    failing *f = ctx;
    if (f->budget == 0) return NULL;
    if (f->budget > 0) f->budget--;
    void *p = malloc(n);
    if (p) f->live++;
    return p;
}
static void *f_realloc(void *ctx, void *p, size_t old, size_t n)
{
    failing *f = ctx;
    (void)old;
    if (f->budget == 0) return NULL;
    if (f->budget > 0) f->budget--;
    void *q = realloc(p, n);
    if (q && !p) f->live++;
    return q;
}
static void f_free(void *ctx, void *p)
{
    failing *f = ctx;
    if (p) f->live--;
    free(p);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    int succeeded = 0;
    for (long k = 0; k < 100000 && !succeeded; k++) {
        failing f = {k, 0};
        paroer_allocator a = {f_malloc, f_realloc, f_free, &f};
        paroer_load_options o;
        paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
        o.allocator = &a;
        paroer_catalog *c = NULL;
        int rc = paroer_catalog_load_buffer(&c, FULL, strlen(FULL), "full.json", &o);
        if (rc == PAROER_OK) {
            succeeded = 1;
            assert_non_null(c);
            assert_int_equal(paroer_catalog_offer_count(c), 2);
            paroer_catalog_free(c);
        } else {
            if (rc != PAROER_ENOMEM) fail_msg("allocation %ld failed: status %d, not ENOMEM", k, rc);
            assert_null(c);
            assert_int_equal(paroer_error_last()->code, PAROER_ENOMEM);
        }
        if (f.live != 0) fail_msg("allocation %ld failed: %ld blocks leaked", k, f.live);
    }
    assert_true(succeeded);
}

/* ---- the locator ---------------------------------------------------------- */

static void locate(const char *text, const char *path, int expect_rc, int64_t line, int64_t column)
{
    pr_locate_ctx ctx = {.data = text, .len = strlen(text), .offset = -1};
    int64_t l = -5, col = -5, off = -5;
    int rc = pr_json_locate(&ctx, path, &l, &col, &off);
    if (rc != expect_rc || l != line || col != column)
        fail_msg("locate(%s): rc %d line %lld col %lld; expected rc %d line %lld col %lld", path, rc, (long long)l,
                 (long long)col, expect_rc, (long long)line, (long long)column);
}

static void test_locator(void **state)
{
    (void)state;
    const char *doc = "{\n"
                      "  \"a\": {\"b\": [10, {\"c\": \"x\\\"}]{[\"}, [1, [2, 3]]],\n"
                      "         \"d\\u00e9\": null, \"e\\\"f\": true},\n"
                      "  \"offers\": [ {}, {\"id\" : \"o\", \"target\": {\"conditions\": [\"a\", \"b\"]}} ]\n"
                      "}";
    locate(doc, "", 0, 1, 1);
    locate(doc, "a", 0, 2, 8);
    locate(doc, "a.b", 0, 2, 14);
    locate(doc, "a.b[0]", 0, 2, 15);
    locate(doc, "a.b[1]", 0, 2, 19);
    locate(doc, "a.b[1].c", 0, 2, 25);
    locate(doc, "a.b[2]", 0, 2, 37);
    locate(doc, "a.b[2][1][1]", 0, 2, 45);
    locate(doc, "a.d\xc3\xa9", 0, 3, 21);
    locate(doc, "offers[1].target.conditions[1]", 0, 4, 63);
    locate(doc, "offers[1].id", 0, 4, 27);
    /* Missing parts: the innermost existing value. */
    locate(doc, "offers[1].name", 1, 4, 19);
    locate(doc, "offers[7]", 1, 4, 13);
    locate(doc, "a.b[1].c.d", 1, 2, 25);
    locate(doc, "zzz", 1, 1, 1);
    /* BOM and CRLF: columns count bytes from the line start. */
    locate("\xef\xbb\xbf{\"a\": 1}", "a", 0, 1, 10);
    locate("{\r\n \"a\":\r\n  [1, 2]}", "a[1]", 0, 3, 7);
    /* Fixed positions answer every path. */
    pr_locate_ctx fixed = {.data = "{}", .len = 2, .fixed = 1, .line = 7, .column = 9, .offset = 99};
    int64_t l, c, o;
    assert_int_equal(pr_json_locate(&fixed, "x.y", &l, &c, &o), 0);
    assert_int_equal(l, 7);
    assert_int_equal(c, 9);
    assert_int_equal(o, 99);
    /* Malformed or empty text never crashes. */
    pr_locate_ctx junk = {.data = "{\"a\": [1, {\"b\"", .len = 14, .offset = -1};
    assert_int_equal(pr_json_locate(&junk, "a[1].b.c", &l, &c, &o), 1);
    pr_locate_ctx empty = {.data = "   ", .len = 3, .offset = -1};
    assert_int_equal(pr_json_locate(&empty, "a", &l, &c, &o), -1);
    assert_int_equal(pr_json_locate(NULL, "a", &l, &c, &o), -1);
}

/* The locator resumes from its last answer: in any order of paths (forward,
 * backward, missing ones in between), one context answers exactly what a
 * fresh context answers for each path alone. */
static void test_locator_cache(void **state)
{
    (void)state;
    const char *docs[] = {
        "{\n"
        "  \"a\": {\"b\": [10, {\"c\": \"x\\\"}]{[\"}, [1, [2, 3]]],\n"
        "         \"d\\u00e9\": null, \"e\\\"f\": true},\n"
        "  \"offers\": [ {}, {\"id\" : \"o\", \"target\": {\"conditions\": [\"a\", \"b\"]}},\n"
        "    {\"id\": \"p\", \"k1\": 1, \"k2\": [], \"k3\": {\"z\": [[], [0, 1, 2]]}} ],\n"
        "  \"z\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
        "}",
        "{\"offers\": [{\"id\": \"a\", \"x\": 1}, {\"id\": \"b\", \"y\": 2}, {\"id\": \"c\"}], \"k1\": 0, \"k2\": 1, "
        "\"k3\": 2, \"k4\": [3, 4]}",
    };
    const char *paths[] = {
        "", "a", "a.b", "a.b[0]", "a.b[1]", "a.b[1].c", "a.b[2]", "a.b[2][1][1]", "a.b[2][1][0]", "a.d\xc3\xa9",
        "offers", "offers[0]", "offers[1]", "offers[1].target.conditions[1]", "offers[1].target.conditions[0]",
        "offers[1].id", "offers[1].name", "offers[2].k3.z[1][2]", "offers[2].k1", "offers[2].k2", "offers[2].k3",
        "offers[2].id", "offers[0].id", "offers[7]", "offers[2].k9", "a.b[1].c.d", "zzz", "z[3]", "z[9]", "z[10]",
        "z[4]", "z[0]", "z[1]", "k1", "k2", "k3", "k4[1]", "k4[0]", "k2", "offers[1].x", "offers[1].y",
        "offers[0].x", "offers[2]",
    };
    size_t np = sizeof paths / sizeof paths[0];
    for (size_t d = 0; d < 2; d++) {
        for (unsigned seed = 1; seed <= 40; seed++) {
            pr_locate_ctx cached = {.data = docs[d], .len = strlen(docs[d]), .offset = -1};
            unsigned x = seed;
            for (size_t step = 0; step < 3 * np; step++) {
                /* Mostly in order, with jumps. */
                x = x * 1103515245u + 12345u;
                const char *path = seed == 1 ? paths[step % np] : paths[(x >> 8) % np];
                pr_locate_ctx fresh = {.data = docs[d], .len = strlen(docs[d]), .offset = -1};
                int64_t l1 = -5, c1 = -5, o1 = -5, l2 = -5, c2 = -5, o2 = -5;
                int r1 = pr_json_locate(&fresh, path, &l1, &c1, &o1);
                int r2 = pr_json_locate(&cached, path, &l2, &c2, &o2);
                if (r1 != r2 || l1 != l2 || c1 != c2 || o1 != o2)
                    fail_msg("doc %zu seed %u step %zu \"%s\": fresh rc %d %lld:%lld@%lld, cached rc %d %lld:%lld@%lld",
                             d, seed, step, path, r1, (long long)l1, (long long)c1, (long long)o1, r2, (long long)l2,
                             (long long)c2, (long long)o2);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locator_cache),
        cmocka_unit_test(test_offer_defaults),
        cmocka_unit_test(test_defaults_per_kind),
        cmocka_unit_test(test_empty_lists_are_defaults),
        cmocka_unit_test(test_null_is_absent),
        cmocka_unit_test(test_every_key),
        cmocka_unit_test(test_municipality_forms),
        cmocka_unit_test(test_key_order),
        cmocka_unit_test(test_escaped_keys_and_bom),
        cmocka_unit_test(test_unknown_keys_warn),
        cmocka_unit_test(test_all_errors_reported),
        cmocka_unit_test(test_max_errors),
        cmocka_unit_test(test_thread_error_without_diagnostics),
        cmocka_unit_test(test_load_files_merge),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_data_files),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_locator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
