/* The relative JSON loader (lib/load_relative.c): every key of contract
 * section 3, its defaults, errors that never quote a relative's values,
 * unknown keys, and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paroer/paroer.h>

static paroer_relative *load_ok(const char *json)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    assert_int_equal(paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    o.diagnostics = d;
    paroer_relative *r = NULL;
    int rc = paroer_relative_load_buffer(&r, json, strlen(json), "r.json", &o);
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) print_error("%s\n", paroer_diagnostic_text(d, i));
    assert_int_equal(rc, PAROER_OK);
    assert_non_null(r);
    assert_int_equal(paroer_diagnostics_count(d), 0);
    paroer_diagnostics_free(d);
    return r;
}

static paroer_diagnostics *load_fail(const char *json, int code, uint32_t flags)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    assert_int_equal(paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    o.diagnostics = d;
    o.flags = flags;
    paroer_relative *r = (paroer_relative *)&o;
    assert_int_equal(paroer_relative_load_buffer(&r, json, strlen(json), "r.json", &o), code);
    assert_null(r);
    return d;
}

static const char CONTRACT_EXAMPLE[] =
    "{ \"id\": \"r-17\", \"age\": 52, \"municipality\": 306, \"employed\": true,\n"
    "  \"relations\": [ { \"relation\": \"son_daughter\", \"conditions\": [\"dementia\"], \"cared_for_age\": 84,\n"
    "                   \"hours_per_week\": 12, \"cohabiting\": false, \"cared_at_home\": true,\n"
    "                   \"terminal\": false, \"bereaved\": false } ],\n"
    "  \"needs\": [\"information\", \"respite\"], \"modes\": [\"in_person\", \"online\"],\n"
    "  \"slots\": [\"weekday_evening\", \"weekend\"], \"languages\": [\"da\"] }\n";

static void test_contract_example(void **state)
{
    (void)state;
    paroer_relative *r = load_ok(CONTRACT_EXAMPLE);
    assert_string_equal(paroer_relative_id(r), "r-17");
    assert_int_equal(paroer_relative_age(r), 52);
    assert_int_equal(paroer_relative_municipality(r), 306);
    assert_int_equal(paroer_relative_employed(r), 1);
    assert_int_equal(paroer_relative_needs(r), (1u << PAROER_NEED_INFORMATION) | (1u << PAROER_NEED_RESPITE));
    assert_int_equal(paroer_relative_modes(r), (1u << PAROER_MODE_IN_PERSON) | (1u << PAROER_MODE_ONLINE));
    assert_int_equal(paroer_relative_slots(r), (1u << PAROER_SLOT_WEEKDAY_EVENING) | (1u << PAROER_SLOT_WEEKEND));
    assert_int_equal(paroer_relative_language_count(r), 1);
    assert_string_equal(paroer_relative_language(r, 0), "da");
    assert_int_equal(paroer_relative_relation_count(r), 1);
    assert_int_equal(paroer_relative_relation_kind(r, 0), PAROER_RELATION_SON_DAUGHTER);
    assert_int_equal(paroer_relative_relation_conditions(r, 0), 1u << PAROER_CONDITION_DEMENTIA);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), 84);
    assert_true(paroer_relative_relation_hours(r, 0) == 12.0);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 1u << PAROER_FLAG_CARED_AT_HOME);
    paroer_relative_free(r);
}

static void test_defaults(void **state)
{
    (void)state;
    paroer_relative *r = load_ok("{\"age\": 17, \"municipality\": \"0306\", \"relations\": [{\"relation\": \"sibling\"}]}");
    assert_string_equal(paroer_relative_id(r), "");
    assert_int_equal(paroer_relative_age(r), 17);
    assert_int_equal(paroer_relative_municipality(r), 306);
    assert_int_equal(paroer_relative_employed(r), 0);
    assert_int_equal(paroer_relative_needs(r), 0);
    assert_int_equal(paroer_relative_modes(r), 0);
    assert_int_equal(paroer_relative_slots(r), 0);
    assert_int_equal(paroer_relative_language_count(r), 0);   /* speaks "da" */
    assert_int_equal(paroer_relative_relation_count(r), 1);
    assert_int_equal(paroer_relative_relation_kind(r, 0), PAROER_RELATION_SIBLING);
    assert_int_equal(paroer_relative_relation_conditions(r, 0), 0);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), -1);   /* unknown */
    assert_true(paroer_relative_relation_hours(r, 0) == 0.0);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 0);
    paroer_relative_free(r);

    /* null is the same as a missing key. */
    r = load_ok("{\"id\": null, \"age\": 0, \"municipality\": \"101\", \"employed\": null, \"needs\": null, "
                "\"modes\": null, \"slots\": null, \"languages\": null, \"relations\": [{\"relation\": \"parent\", "
                "\"conditions\": null, \"cared_for_age\": null, \"hours_per_week\": null, \"cohabiting\": null, "
                "\"cared_at_home\": null, \"terminal\": null, \"bereaved\": null}]}");
    assert_int_equal(paroer_relative_age(r), 0);
    assert_int_equal(paroer_relative_municipality(r), 101);
    assert_int_equal(paroer_relative_employed(r), 0);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), -1);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 0);
    paroer_relative_free(r);
}

static void test_several_relations(void **state)
{
    (void)state;
    paroer_relative *r = load_ok(
        "{\"age\": 130, \"municipality\": 999, \"languages\": [\"ar\", \"da\"], \"relations\": [\n"
        " {\"relation\": \"spouse_partner\", \"conditions\": [\"cancer\", \"frailty\"], \"terminal\": true,\n"
        "  \"cohabiting\": true, \"cared_for_age\": 0, \"hours_per_week\": 168},\n"
        " {\"relation\": \"parent\", \"bereaved\": true, \"cared_for_age\": 130, \"hours_per_week\": 2.5}]}");
    assert_int_equal(paroer_relative_age(r), 130);
    assert_int_equal(paroer_relative_municipality(r), 999);
    assert_int_equal(paroer_relative_language_count(r), 2);
    assert_string_equal(paroer_relative_language(r, 0), "ar");
    assert_int_equal(paroer_relative_relation_count(r), 2);
    assert_int_equal(paroer_relative_relation_conditions(r, 0),
                     (1u << PAROER_CONDITION_CANCER) | (1u << PAROER_CONDITION_FRAILTY));
    assert_int_equal(paroer_relative_relation_flags(r, 0), (1u << PAROER_FLAG_TERMINAL) | (1u << PAROER_FLAG_COHABITING));
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), 0);
    assert_true(paroer_relative_relation_hours(r, 0) == 168.0);
    assert_int_equal(paroer_relative_relation_kind(r, 1), PAROER_RELATION_PARENT);
    assert_int_equal(paroer_relative_relation_flags(r, 1), 1u << PAROER_FLAG_BEREAVED);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 1), 130);
    assert_true(paroer_relative_relation_hours(r, 1) == 2.5);
    paroer_relative_free(r);
}

/* Errors name the field but never a relative's value. */
/* Contract 3a: "unknown" and age ranges; a missing key keeps its old meaning. */
static void test_unknown_facts(void **state)
{
    (void)state;
    paroer_relative *r = load_ok(
        "{\"id\": \"r-u\", \"age\": {\"min\": 60, \"max\": 69}, \"municipality\": 306, \"employed\": \"unknown\","
        " \"relations\": [{\"relation\": \"son_daughter\", \"conditions\": \"unknown\", \"cared_for_age\": \"unknown\","
        " \"cohabiting\": \"unknown\", \"cared_at_home\": true, \"terminal\": \"unknown\", \"bereaved\": \"unknown\"},"
        " {\"relation\": \"parent\", \"conditions\": [\"cancer\"]}]}");
    assert_int_equal(paroer_relative_age(r), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_age_min(r), 60);
    assert_int_equal(paroer_relative_age_max(r), 69);
    assert_int_equal(paroer_relative_employed(r), 0);
    assert_int_equal(paroer_relative_employed_state(r), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_has_unknowns(r), 1);
    assert_int_equal(paroer_relative_relation_conditions_known(r, 0), 0);
    assert_int_equal(paroer_relative_relation_conditions(r, 0), 0);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flag(r, 0, PAROER_FLAG_COHABITING), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flag(r, 0, PAROER_FLAG_CARED_AT_HOME), 1);
    assert_int_equal(paroer_relative_relation_flag(r, 0, PAROER_FLAG_TERMINAL), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flag(r, 0, PAROER_FLAG_BEREAVED), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flag(r, 0, PAROER_FLAG_EMPLOYED), PAROER_UNKNOWN);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 1u << PAROER_FLAG_CARED_AT_HOME);
    assert_int_equal(paroer_relative_relation_unknown_flags(r, 0),
                     (1u << PAROER_FLAG_COHABITING) | (1u << PAROER_FLAG_TERMINAL) | (1u << PAROER_FLAG_BEREAVED));
    /* the second relation: everything known, missing keys as before */
    assert_int_equal(paroer_relative_relation_conditions_known(r, 1), 1);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 1), -1);
    assert_int_equal(paroer_relative_relation_flag(r, 1, PAROER_FLAG_COHABITING), 0);
    assert_int_equal(paroer_relative_relation_unknown_flags(r, 1), 0);
    paroer_relative_free(r);
    /* "unknown" age is 0..130; a one-value range is a known age; open bounds */
    r = load_ok("{\"age\": \"unknown\", \"municipality\": 306, \"relations\": [{\"relation\": \"parent\"}]}");
    assert_int_equal(paroer_relative_age_min(r), 0);
    assert_int_equal(paroer_relative_age_max(r), 130);
    paroer_relative_free(r);
    r = load_ok("{\"age\": {\"min\": 40, \"max\": 40}, \"municipality\": 306, \"relations\": [{\"relation\": \"parent\"}]}");
    assert_int_equal(paroer_relative_age(r), 40);
    assert_int_equal(paroer_relative_has_unknowns(r), 0);
    paroer_relative_free(r);
    r = load_ok("{\"age\": {\"min\": 65}, \"municipality\": 306, \"relations\": [{\"relation\": \"parent\"}]}");
    assert_int_equal(paroer_relative_age_min(r), 65);
    assert_int_equal(paroer_relative_age_max(r), 130);
    paroer_relative_free(r);
    /* an old document has no unknowns */
    r = load_ok("{\"age\": 52, \"municipality\": 306, \"employed\": true, \"relations\": [{\"relation\": \"parent\","
                " \"cared_for_age\": null, \"cohabiting\": true}]}");
    assert_int_equal(paroer_relative_has_unknowns(r), 0);
    assert_int_equal(paroer_relative_employed_state(r), 1);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), -1);
    paroer_relative_free(r);
}

static void test_errors_hide_values(void **state)
{
    (void)state;
    const char *json = "{\"id\": \"SECRET-ID\", \"age\": 4711, \"municipality\": \"Hemmeligby\", \"employed\": \"SECRET\",\n"
                       " \"relations\": [{\"relation\": \"parent\", \"cared_for_age\": 4712, \"hours_per_week\": 4713,\n"
                       "   \"cohabiting\": \"SECRET\"}], \"needs\": [\"demensia\"]}";
    paroer_diagnostics *d = load_fail(json, PAROER_ESCHEMA, 0);
    assert_int_equal(paroer_diagnostics_error_count(d), 7);
    static const char *expected[] = {
        "r.json:1:28: error: age must be 0..130 in age",
        "r.json:1:50: error: invalid municipality code (expected 1..999, written 306, \"306\" or \"0306\") in municipality",
        "r.json:1:76: error: expected true, false or \"unknown\", found a string in employed",
        "r.json:2:56: error: cared_for_age must be 0..130 in relations[0].cared_for_age",
        "r.json:2:80: error: hours_per_week must be 0..168 in relations[0].hours_per_week",
        "r.json:3:18: error: expected true, false or \"unknown\", found a string in relations[0].cohabiting",
        ("r.json:3:40: error: unknown need \"demensia\" (expected one of: respite, practical_help, information, education, "
         "peer_support, counselling, own_health, financial, work_life, network, involvement) in needs[0]"),
    };
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        const char *t = paroer_diagnostic_text(d, i);
        assert_null(strstr(t, "SECRET"));
        assert_null(strstr(t, "471"));
        assert_null(strstr(t, "Hemmelig"));
        assert_string_equal(t, expected[i]);
    }
    assert_null(strstr(paroer_error_last()->message, "4711"));
    paroer_diagnostics_free(d);

    /* The parser's messages do not quote the text either. */
    d = load_fail("{\"age\": 52, \"id\": \"SECRET\" \"municipality\": 306}", PAROER_EPARSE, 0);
    assert_string_equal(paroer_diagnostic_text(d, 0), "r.json:1:28: error: invalid JSON: expected ',' or '}' (is a comma missing?)");
    paroer_diagnostics_free(d);
    d = load_fail("{\"age\": 52, \"id\": \"SECRET\xff\"}", PAROER_EPARSE, 0);
    assert_null(strstr(paroer_diagnostic_text(d, 0), "SECRET"));
    paroer_diagnostics_free(d);
}

static void test_unknown_keys(void **state)
{
    (void)state;
    const char *json = "{\"age\": 52, \"municipality\": 306, \"name\": \"Jens\",\n"
                       " \"relations\": [{\"relation\": \"parent\", \"diagnosis\": \"F00\"}]}";
    paroer_diagnostics *d = NULL;
    paroer_diagnostics_new(&d, NULL);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_load_buffer(&r, json, strlen(json), "r.json", &o), PAROER_OK);
    assert_non_null(r);
    assert_int_equal(paroer_diagnostics_count(d), 2);
    assert_int_equal(paroer_diagnostics_error_count(d), 0);
    assert_string_equal(paroer_diagnostic_text(d, 0), "r.json:1:42: warning: unknown key \"name\" (ignored) in name");
    assert_string_equal(paroer_diagnostic_text(d, 1),
                        "r.json:2:52: warning: unknown key \"diagnosis\" (ignored) in relations[0].diagnosis");
    paroer_relative_free(r);
    paroer_diagnostics_free(d);

    d = load_fail(json, PAROER_ESCHEMA, PAROER_LOAD_STRICT);
    assert_int_equal(paroer_diagnostics_error_count(d), 2);
    assert_string_equal(paroer_diagnostic_text(d, 0), "r.json:1:42: error: unknown key \"name\" in name");
    paroer_diagnostics_free(d);
}

static void test_required(void **state)
{
    (void)state;
    paroer_diagnostics *d = load_fail("{}", PAROER_ESCHEMA, 0);
    assert_int_equal(paroer_diagnostics_error_count(d), 3);
    assert_string_equal(paroer_diagnostic_message(d, 0), "a relative needs \"age\" (a required key)");
    assert_string_equal(paroer_diagnostic_message(d, 1), "a relative needs \"municipality\" (a required key)");
    assert_string_equal(paroer_diagnostic_message(d, 2),
                        "a relative needs \"relations\" (a required key with at least one relation)");
    paroer_diagnostics_free(d);
}

static void test_files_and_arguments(void **state)
{
    (void)state;
    const char *path = "test_load_relative_tmp.json";
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(CONTRACT_EXAMPLE, f);
    fclose(f);
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_load_file(&r, path, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_age(r), 52);
    paroer_relative_free(r);
    remove(path);

    r = (paroer_relative *)&r;
    assert_int_equal(paroer_relative_load_file(&r, "/nonexistent/r.json", NULL), PAROER_EIO);
    assert_null(r);
    assert_string_equal(paroer_error_last()->source, "/nonexistent/r.json");
    assert_string_equal(paroer_error_last()->message, "cannot open the file: no such file or directory");

    assert_int_equal(paroer_relative_load_buffer(NULL, "{}", 2, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_load_buffer(&r, NULL, 3, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_relative_load_file(&r, NULL, NULL), PAROER_EINVALID);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.version = 0;
    assert_int_equal(paroer_relative_load_buffer(&r, "{}", 2, NULL, &o), PAROER_EINVALID);
    assert_int_equal(paroer_relative_load_buffer(&r, "{}", 2, NULL, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->source, "<buffer>");
}

typedef struct failing {
    long budget;
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
    const char *json = "{\"id\": \"r\", \"age\": 40, \"municipality\": 306, \"languages\": [\"da\", \"en\", \"de\"],"
                       " \"relations\": [{\"relation\": \"parent\"}, {\"relation\": \"sibling\"}, {\"relation\": \"friend_neighbour\"}]}";
    int succeeded = 0;
    for (long k = 0; k < 10000 && !succeeded; k++) {
        failing f = {k, 0};
        paroer_allocator a = {f_malloc, f_realloc, f_free, &f};
        paroer_load_options o;
        paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
        o.allocator = &a;
        paroer_relative *r = NULL;
        int rc = paroer_relative_load_buffer(&r, json, strlen(json), NULL, &o);
        if (rc == PAROER_OK) {
            succeeded = 1;
            assert_int_equal(paroer_relative_relation_count(r), 3);
            assert_int_equal(paroer_relative_language_count(r), 3);
            paroer_relative_free(r);
        } else {
            if (rc != PAROER_ENOMEM) fail_msg("allocation %ld failed: status %d, not ENOMEM", k, rc);
            assert_null(r);
        }
        if (f.live != 0) fail_msg("allocation %ld failed: %ld blocks leaked", k, f.live);
    }
    assert_true(succeeded);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contract_example),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_several_relations),
        cmocka_unit_test(test_unknown_facts),
        cmocka_unit_test(test_errors_hide_values),
        cmocka_unit_test(test_unknown_keys),
        cmocka_unit_test(test_required),
        cmocka_unit_test(test_files_and_arguments),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
