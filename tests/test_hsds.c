/* The catalog writer (lib/catalog_write.c) and the HSDS export and import
 * (lib/hsds_*.c): SHA-1 and UUIDv5 against published vectors; write → load →
 * write gives the same bytes and the same catalog through every accessor, for
 * every shipped catalog; export → import gives the same catalog, the same
 * match for every example relative and the same coverage for every
 * municipality, in HSDS 3.0 and 3.1; every example of the specification
 * imports (what maps is checked); foreign directories map as docs/hsds.md
 * says; errors point at line and column. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paroer/paroer.h>
#include "hsds_internal.h"

#define DATA PAROER_SOURCE_DIR "/data/"
#define HSDS PAROER_SOURCE_DIR "/tests/hsds/"
#define RELATIVES PAROER_SOURCE_DIR "/examples/relatives/"

static const char *const shipped[] = {DATA "dk-offers.json", DATA "statutory.json", DATA "odsherred-policy.json",
                                      DATA "municipal-policies.json"};

static int32_t day(const char *s)
{
    int32_t d = 0;
    assert_int_equal(paroer_date_parse(&d, s, strlen(s)), PAROER_OK);
    return d;
}

/* ---- SHA-1 and UUIDv5 ------------------------------------------------------------ */

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", d[i]);
}

static void sha1_of(const char *s, size_t n, size_t chunk, char out[41])
{
    pr_sha1 c;
    unsigned char d[20];
    pr_sha1_init(&c);
    for (size_t i = 0; i < n; i += chunk) pr_sha1_update(&c, s + i, n - i < chunk ? n - i : chunk);
    pr_sha1_final(&c, d);
    hex(d, 20, out);
}

static void test_sha1_vectors(void **state)
{
    (void)state;
    char out[41];
    /* FIPS 180-2 appendix A and the usual empty-string vector. */
    sha1_of("", 0, 1, out);
    assert_string_equal(out, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    sha1_of("abc", 3, 3, out);
    assert_string_equal(out, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    for (size_t chunk = 1; chunk <= 64; chunk *= 4) {
        sha1_of(two, strlen(two), chunk, out);
        assert_string_equal(out, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    }
    char *million = malloc(1000000);
    assert_non_null(million);
    memset(million, 'a', 1000000);
    sha1_of(million, 1000000, 1000, out);
    assert_string_equal(out, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    sha1_of(million, 1000000, 999999, out);
    assert_string_equal(out, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    free(million);
}

static void test_uuid5_vectors(void **state)
{
    (void)state;
    /* RFC 4122 appendix C namespaces; values as Python's uuid.uuid5 gives them. */
    unsigned char dns[16], url[16];
    assert_int_equal(pr_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", 36, dns), 0);
    assert_int_equal(pr_uuid_parse("6BA7B811-9DAD-11D1-80B4-00C04FD430C8", 36, url), 0);
    char out[37];
    pr_uuid5(dns, "python.org", 10, out);
    assert_string_equal(out, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    pr_uuid5(dns, "www.example.com", 15, out);
    assert_string_equal(out, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    /* Our namespace is uuid5(URL, "urn:paroer:hsds"). */
    pr_uuid5(url, "urn:paroer:hsds", 15, out);
    char ns[37];
    pr_uuid_format(pr_hsds_ns, ns);
    assert_string_equal(out, ns);
    unsigned char u[16];
    assert_int_equal(pr_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c", 35, u), -1);
    assert_int_equal(pr_uuid_parse("6ba7b810x9dad-11d1-80b4-00c04fd430c8", 36, u), -1);
    assert_int_equal(pr_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430cg", 36, u), -1);
}

/* ---- helpers ------------------------------------------------------------------------ */

static paroer_catalog *load_files(const char *const *paths, size_t n)
{
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_files(&c, paths, n, NULL);
    if (rc) fail_msg("load: %s", paroer_error_last()->message);
    return c;
}

static paroer_catalog *load_text(const char *text, size_t len)
{
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_buffer(&c, text, len, "written.json", NULL);
    if (rc) fail_msg("reload: %s", paroer_error_last()->message);
    return c;
}

static char *to_json(const paroer_catalog *c, size_t *len)
{
    char *t = NULL;
    assert_int_equal(paroer_catalog_to_json(c, &t, len), PAROER_OK);
    assert_non_null(t);
    return t;
}

static void str_eq(const char *a, const char *b)
{
    if (!a || !b) assert_ptr_equal(a, b);
    else assert_string_equal(a, b);
}

static void target_eq(const paroer_target *a, const paroer_target *b)
{
    assert_int_equal(paroer_target_relative_age_min(a), paroer_target_relative_age_min(b));
    assert_int_equal(paroer_target_relative_age_max(a), paroer_target_relative_age_max(b));
    assert_int_equal(paroer_target_cared_for_age_min(a), paroer_target_cared_for_age_min(b));
    assert_int_equal(paroer_target_cared_for_age_max(a), paroer_target_cared_for_age_max(b));
    assert_int_equal(paroer_target_relations(a), paroer_target_relations(b));
    assert_int_equal(paroer_target_conditions(a), paroer_target_conditions(b));
    assert_int_equal(paroer_target_requires(a), paroer_target_requires(b));
    assert_int_equal(paroer_target_bereaved(a), paroer_target_bereaved(b));
}

/* Every accessor of catalog.h gives the same on both. */
static void catalogs_equal(const paroer_catalog *a, const paroer_catalog *b)
{
    assert_int_equal(paroer_catalog_provider_count(a), paroer_catalog_provider_count(b));
    for (size_t i = 0; i < paroer_catalog_provider_count(a); i++) {
        const paroer_provider *p = paroer_catalog_provider(a, i), *q = paroer_catalog_provider(b, i);
        str_eq(paroer_provider_id(p), paroer_provider_id(q));
        str_eq(paroer_provider_name(p), paroer_provider_name(q));
        assert_int_equal(paroer_provider_kind(p), paroer_provider_kind(q));
        assert_int_equal(paroer_provider_area(p), paroer_provider_area(q));
    }
    assert_int_equal(paroer_catalog_offer_count(a), paroer_catalog_offer_count(b));
    for (size_t i = 0; i < paroer_catalog_offer_count(a); i++) {
        const paroer_offer *o = paroer_catalog_offer(a, i), *p = paroer_catalog_offer(b, i);
        str_eq(paroer_offer_id(o), paroer_offer_id(p));
        str_eq(paroer_offer_name(o), paroer_offer_name(p));
        str_eq(paroer_offer_description(o), paroer_offer_description(p));
        str_eq(paroer_offer_schedule(o), paroer_offer_schedule(p));
        str_eq(paroer_offer_source(o), paroer_offer_source(p));
        str_eq(paroer_offer_contact_phone(o), paroer_offer_contact_phone(p));
        str_eq(paroer_offer_contact_email(o), paroer_offer_contact_email(p));
        str_eq(paroer_offer_contact_url(o), paroer_offer_contact_url(p));
        const paroer_provider *po = paroer_offer_provider(o, a), *pp = paroer_offer_provider(p, b);
        str_eq(po ? paroer_provider_id(po) : NULL, pp ? paroer_provider_id(pp) : NULL);
        assert_int_equal(paroer_offer_kind(o), paroer_offer_kind(p));
        assert_int_equal(paroer_offer_access(o), paroer_offer_access(p));
        assert_int_equal(paroer_offer_status(o), paroer_offer_status(p));
        assert_int_equal(paroer_offer_needs(o), paroer_offer_needs(p));
        assert_int_equal(paroer_offer_modes(o), paroer_offer_modes(p));
        assert_int_equal(paroer_offer_slots(o), paroer_offer_slots(p));
        assert_int_equal(paroer_offer_nationwide(o), paroer_offer_nationwide(p));
        assert_int_equal(paroer_offer_municipality_count(o), paroer_offer_municipality_count(p));
        for (size_t k = 0; k < paroer_offer_municipality_count(o); k++)
            assert_int_equal(paroer_offer_municipality(o, k), paroer_offer_municipality(p, k));
        assert_int_equal(paroer_offer_language_count(o), paroer_offer_language_count(p));
        for (size_t k = 0; k < paroer_offer_language_count(o); k++)
            str_eq(paroer_offer_language(o, a, k), paroer_offer_language(p, b, k));
        assert_int_equal(paroer_offer_capacity(o), paroer_offer_capacity(p));
        assert_int_equal(paroer_offer_cost_free(o), paroer_offer_cost_free(p));
        double x = paroer_offer_price_dkk(o), y = paroer_offer_price_dkk(p);
        assert_true((isnan(x) && isnan(y)) || x == y);
        assert_int_equal(paroer_offer_valid_from(o), paroer_offer_valid_from(p));
        assert_int_equal(paroer_offer_valid_to(o), paroer_offer_valid_to(p));
        assert_int_equal(paroer_offer_verified(o), paroer_offer_verified(p));
        assert_int_equal(paroer_offer_legal_basis_count(o), paroer_offer_legal_basis_count(p));
        for (size_t k = 0; k < paroer_offer_legal_basis_count(o); k++)
            str_eq(paroer_offer_legal_basis(o, k), paroer_offer_legal_basis(p, k));
        assert_int_equal(paroer_offer_code_count(o), paroer_offer_code_count(p));
        for (size_t k = 0; k < paroer_offer_code_count(o); k++) {
            str_eq(paroer_offer_code_system(o, k), paroer_offer_code_system(p, k));
            str_eq(paroer_offer_code_value(o, k), paroer_offer_code_value(p, k));
        }
        target_eq(paroer_offer_target(o), paroer_offer_target(p));
    }
    assert_int_equal(paroer_catalog_policy_count(a), paroer_catalog_policy_count(b));
    for (size_t i = 0; i < paroer_catalog_policy_count(a); i++) {
        const paroer_policy *p = paroer_catalog_policy(a, i), *q = paroer_catalog_policy(b, i);
        str_eq(paroer_policy_id(p), paroer_policy_id(q));
        str_eq(paroer_policy_title(p), paroer_policy_title(q));
        str_eq(paroer_policy_source(p), paroer_policy_source(q));
        assert_int_equal(paroer_policy_municipality(p), paroer_policy_municipality(q));
        assert_int_equal(paroer_policy_adopted(p), paroer_policy_adopted(q));
        assert_int_equal(paroer_policy_valid_to(p), paroer_policy_valid_to(q));
        assert_int_equal(paroer_policy_areas(p), paroer_policy_areas(q));
        assert_int_equal(paroer_policy_goal_count(p), paroer_policy_goal_count(q));
        for (size_t k = 0; k < paroer_policy_goal_count(p); k++) {
            const paroer_goal *g = paroer_policy_goal(p, k), *h = paroer_policy_goal(q, k);
            str_eq(paroer_goal_id(g), paroer_goal_id(h));
            str_eq(paroer_goal_title(g), paroer_goal_title(h));
            assert_int_equal(paroer_goal_category(g), paroer_goal_category(h));
            assert_int_equal(paroer_goal_needs(g), paroer_goal_needs(h));
            assert_int_equal(paroer_goal_kinds(g), paroer_goal_kinds(h));
            target_eq(paroer_goal_target(g), paroer_goal_target(h));
        }
        assert_int_equal(paroer_policy_action_plan_count(p), paroer_policy_action_plan_count(q));
        for (size_t k = 0; k < paroer_policy_action_plan_count(p); k++) {
            str_eq(paroer_policy_action_plan_title(p, k), paroer_policy_action_plan_title(q, k));
            assert_int_equal(paroer_policy_action_plan_due(p, k), paroer_policy_action_plan_due(q, k));
            assert_int_equal(paroer_policy_action_plan_adopted(p, k), paroer_policy_action_plan_adopted(q, k));
        }
    }
}

/* write → load → write: the same bytes and the same catalog. */
static void check_writer(const paroer_catalog *c)
{
    size_t n1, n2;
    char *t1 = to_json(c, &n1);
    paroer_catalog *d = load_text(t1, n1);
    char *t2 = to_json(d, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(t1, t2, n1);
    catalogs_equal(c, d);
    paroer_catalog_free(d);
    paroer_free(t1);
    paroer_free(t2);
}

static void test_writer_shipped(void **state)
{
    (void)state;
    for (size_t i = 0; i < PR_COUNT_OF(shipped); i++) {
        paroer_catalog *c = load_files(&shipped[i], 1);
        check_writer(c);
        paroer_catalog_free(c);
    }
    paroer_catalog *all = load_files(shipped, PR_COUNT_OF(shipped));
    check_writer(all);
    paroer_catalog_free(all);
}

/* Everything the builder can set, including what no shipped catalog has. */
static paroer_catalog *built(void)
{
    paroer_catalog_builder *b = NULL;
    assert_int_equal(paroer_catalog_builder_new(&b, NULL), PAROER_OK);
    assert_int_equal(paroer_builder_set_municipality(b, 306), PAROER_OK);
    assert_int_equal(paroer_builder_add_provider(b, "p1", "Center for Omsorg", PAROER_PROVIDER_MUNICIPAL, PAROER_AREA_ELDERLY), 0);
    assert_int_equal(paroer_builder_add_provider(b, "p2", "Ældre Sagen", PAROER_PROVIDER_CIVIL_SOCIETY, -1), 0);
    assert_int_equal(paroer_builder_begin_offer(b, "o1", "Demenscafé \"Mødestedet\"", PAROER_KIND_CAFE_NETWORK), 0);
    paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "p1");
    paroer_builder_set_text(b, PAROER_FIELD_DESCRIPTION, "Kaffe, kage og\nsnak.\ttab");
    paroer_builder_set_text(b, PAROER_FIELD_SCHEDULE, "FREQ=MONTHLY;BYDAY=1TU");
    paroer_builder_set_text(b, PAROER_FIELD_SOURCE, "https://www.odsherred.dk/pårørende café");
    paroer_builder_set_text(b, PAROER_FIELD_CONTACT_PHONE, "59 66 66 66");
    paroer_builder_set_text(b, PAROER_FIELD_CONTACT_EMAIL, "ikke en adresse");
    paroer_builder_set_text(b, PAROER_FIELD_CONTACT_URL, "www.odsherred.dk");
    paroer_builder_set_int(b, PAROER_FIELD_ACCESS, PAROER_ACCESS_REGISTRATION);
    paroer_builder_set_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    paroer_builder_set_int(b, PAROER_FIELD_CAPACITY, 20);
    paroer_builder_set_int(b, PAROER_FIELD_COST_FREE, 0);
    paroer_builder_set_double(b, PAROER_FIELD_PRICE_DKK, 37.5);
    paroer_builder_set_int(b, PAROER_FIELD_VALID_FROM, day("2025-01-01"));
    paroer_builder_set_int(b, PAROER_FIELD_VALID_TO, day("2027-12-31"));
    paroer_builder_set_int(b, PAROER_FIELD_VERIFIED, day("2025-09-01"));
    paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18);
    paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 99);
    paroer_builder_set_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, 60);
    paroer_builder_set_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO);
    paroer_builder_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_NETWORK);
    paroer_builder_add(b, PAROER_FIELD_MODES, PAROER_MODE_ONLINE);
    paroer_builder_add(b, PAROER_FIELD_MODES, PAROER_MODE_PHONE);
    paroer_builder_add(b, PAROER_FIELD_SLOTS, PAROER_SLOT_WEEKEND);
    paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, 306);
    paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, 101);
    paroer_builder_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    paroer_builder_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    paroer_builder_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "da");
    paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "ar");
    paroer_builder_add_text(b, PAROER_FIELD_LEGAL_BASIS, "serviceloven-84");
    paroer_builder_add_code(b, "urn:oid:1.2.208.176.2.21", "649b3428-4018-47da-bb36-1f2bfab3c8c1");
    assert_int_equal(paroer_builder_end_offer(b), PAROER_OK);
    assert_int_equal(paroer_builder_begin_offer(b, "o2", "Afløsning (hver dag kl. 10)", PAROER_KIND_RESPITE_HOME), 0);
    paroer_builder_set_text(b, PAROER_FIELD_PROVIDER, "p2");
    paroer_builder_set_text(b, PAROER_FIELD_SCHEDULE, "FREQ=DAILY;BYHOUR=10");
    paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1);
    paroer_builder_set_int(b, PAROER_FIELD_COST_FREE, 1);
    paroer_builder_set_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
    paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 17);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_OK);
    assert_int_equal(paroer_builder_begin_offer(b, "o3", "Uge-gruppe", PAROER_KIND_PEER_GROUP), 0);
    paroer_builder_set_text(b, PAROER_FIELD_SCHEDULE, "FREQ=WEEKLY;BYDAY=MO;INTERVAL=2;UNTIL=20261231");
    paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, 860);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_OK);
    assert_int_equal(paroer_builder_begin_policy(b, "pol", 306, "Pårørendepolitik"), 0);
    paroer_builder_set_int(b, PAROER_FIELD_ADOPTED, day("2025-03-01"));
    paroer_builder_set_text(b, PAROER_FIELD_SOURCE, "https://example.org/politik");
    paroer_builder_add(b, PAROER_FIELD_AREAS, PAROER_AREA_CROSS_CUTTING);
    assert_int_equal(paroer_builder_begin_goal(b, "g1", "Pauser", PAROER_GOAL_RESPITE_SUPPORT), 0);
    paroer_builder_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_RESPITE);
    paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18);
    assert_int_equal(paroer_builder_end_goal(b), 0);
    assert_int_equal(paroer_builder_begin_goal(b, "g2", "Samarbejde", PAROER_GOAL_COLLABORATION), 0);
    assert_int_equal(paroer_builder_end_goal(b), 0);
    assert_int_equal(paroer_builder_add_action_plan(b, "Handleplan", day("2026-10-31"), PAROER_DATE_NONE), 0);
    assert_int_equal(paroer_builder_end_policy(b), 0);
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_builder_finish(b, &c), PAROER_OK);
    paroer_catalog_builder_free(b);
    return c;
}

static void test_writer_builder(void **state)
{
    (void)state;
    paroer_catalog *c = built();
    check_writer(c);
    size_t n;
    char *t = to_json(c, &n);
    assert_non_null(strstr(t, "\"price_dkk\":37.5"));
    assert_non_null(strstr(t, "\"municipality\":306"));
    paroer_free(t);
    paroer_catalog_free(c);
    char *out = (char *)1;
    assert_int_equal(paroer_catalog_to_json(NULL, &out, NULL), PAROER_EINVALID);
    assert_null(out);
}

/* An offer with neither municipalities nor nationwide: the document's
 * municipality is left out, or the reload would give it that one. */
static void test_writer_no_municipality(void **state)
{
    (void)state;
    paroer_catalog_builder *b = NULL;
    assert_int_equal(paroer_catalog_builder_new(&b, NULL), PAROER_OK);
    assert_int_equal(paroer_builder_begin_offer(b, "a", "A", PAROER_KIND_COURSE), 0);
    assert_int_equal(paroer_builder_end_offer(b), PAROER_OK);
    assert_int_equal(paroer_builder_set_municipality(b, 306), PAROER_OK);
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_builder_finish(b, &c), PAROER_OK);
    paroer_catalog_builder_free(b);
    assert_int_equal(paroer_offer_municipality_count(paroer_catalog_offer(c, 0)), 0);
    size_t n;
    char *t = to_json(c, &n);
    assert_null(strstr(t, "\"municipality\""));
    paroer_catalog *d = load_text(t, n);
    catalogs_equal(c, d);
    paroer_catalog_free(d);
    paroer_free(t);
    paroer_catalog_free(c);
}

/* ---- HSDS round trip --------------------------------------------------------------- */

static char *export(const paroer_catalog *c, int32_t version, size_t *len)
{
    paroer_hsds_options o;
    assert_int_equal(paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION), PAROER_OK);
    o.hsds_version = version;
    o.date = day("2026-01-01");
    char *t = NULL;
    int rc = paroer_catalog_to_hsds(c, &o, &t, len);
    if (rc) fail_msg("export: %s", paroer_error_last()->message);
    return t;
}

static paroer_catalog *import(const char *text, size_t len, uint32_t flags, size_t *warnings)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_hsds_options o;
    assert_int_equal(paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION), PAROER_OK);
    o.diagnostics = d;
    o.flags = flags;
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_from_hsds_buffer(&c, text, len, "export.json", &o);
    if (rc) fail_msg("import: %s", paroer_error_last()->message);
    if (warnings) *warnings = paroer_diagnostics_count(d);
    else if (paroer_diagnostics_count(d)) fail_msg("import: %s", paroer_diagnostic_text(d, 0));
    paroer_diagnostics_free(d);
    return c;
}

static void same_results(const paroer_catalog *a, const paroer_catalog *b)
{
    const char *rel[] = {RELATIVES "daughter-dementia.json", RELATIVES "spouse-cancer-terminal.json",
                         RELATIVES "youth-mother-mental-illness.json"};
    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = day("2026-01-15");
    mo.explain = 1;
    for (size_t i = 0; i < PR_COUNT_OF(rel); i++) {
        paroer_relative *r = NULL;
        assert_int_equal(paroer_relative_load_file(&r, rel[i], NULL), PAROER_OK);
        paroer_match_result *x = NULL, *y = NULL;
        assert_int_equal(paroer_match(&x, a, r, &mo), PAROER_OK);
        assert_int_equal(paroer_match(&y, b, r, &mo), PAROER_OK);
        char *jx, *jy;
        assert_int_equal(paroer_match_result_to_json(x, &jx, NULL), PAROER_OK);
        assert_int_equal(paroer_match_result_to_json(y, &jy, NULL), PAROER_OK);
        assert_string_equal(jx, jy);
        paroer_free(jx);
        paroer_free(jy);
        paroer_match_result_free(x);
        paroer_match_result_free(y);
        paroer_relative_free(r);
    }
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.date = day("2026-01-15");
    size_t n = 0;
    for (int32_t m = 1; m <= 999; m++) {
        if (!pr_hsds_muni_name(m)) continue;
        n++;
        co.municipality = m;
        paroer_coverage *x = NULL, *y = NULL;
        assert_int_equal(paroer_coverage_compute(&x, a, &co), PAROER_OK);
        assert_int_equal(paroer_coverage_compute(&y, b, &co), PAROER_OK);
        char *jx, *jy;
        assert_int_equal(paroer_coverage_to_json(x, &jx, NULL), PAROER_OK);
        assert_int_equal(paroer_coverage_to_json(y, &jy, NULL), PAROER_OK);
        assert_string_equal(jx, jy);
        paroer_free(jx);
        paroer_free(jy);
        paroer_coverage_free(x);
        paroer_coverage_free(y);
    }
    assert_int_equal(n, 98);
}

static void roundtrip(const paroer_catalog *c, int check_results)
{
    int32_t versions[] = {PAROER_HSDS_3_0, PAROER_HSDS_3_1};
    for (size_t v = 0; v < 2; v++) {
        size_t n;
        char *h = export(c, versions[v], &n);
        size_t n2;
        char *h2 = export(c, versions[v], &n2);   /* deterministic */
        assert_int_equal(n, n2);
        assert_memory_equal(h, h2, n);
        paroer_free(h2);
        paroer_catalog *d = import(h, n, PAROER_HSDS_STRICT, NULL);
        catalogs_equal(c, d);
        size_t a, b;
        char *ja = to_json(c, &a), *jb = to_json(d, &b);
        assert_string_equal(ja, jb);
        paroer_free(ja);
        paroer_free(jb);
        if (check_results) same_results(c, d);
        paroer_catalog_free(d);
        paroer_free(h);
    }
}

static void test_roundtrip_shipped(void **state)
{
    (void)state;
    paroer_catalog *all = load_files(shipped, PR_COUNT_OF(shipped));
    assert_true(paroer_catalog_policy_count(all) > 0);
    roundtrip(all, 1);
    paroer_catalog_free(all);
    const char *dk[] = {DATA "dk-offers.json"};
    paroer_catalog *c = load_files(dk, 1);
    roundtrip(c, 0);
    paroer_catalog_free(c);
}

static void test_roundtrip_built(void **state)
{
    (void)state;
    paroer_catalog *c = built();
    roundtrip(c, 0);
    size_t n;
    char *h = export(c, PAROER_HSDS_3_1, &n);
    /* The mappable rule went into HSDS fields; the other one is kept whole. */
    assert_non_null(strstr(h, "\"freq\":\"MONTHLY\",\"byday\":\"1TU\""));
    assert_non_null(strstr(h, "\"rrule\":\"FREQ=DAILY;BYHOUR=10\""));
    assert_non_null(strstr(h, "\"rrule\":\"FREQ=WEEKLY;BYDAY=MO;INTERVAL=2;UNTIL=20261231\""));
    assert_non_null(strstr(h, "\"until\":\"2026-12-31\""));
    /* An IRI is percent-encoded for the uri format; ours is kept in the extension. */
    assert_non_null(strstr(h, "https://www.odsherred.dk/p%C3%A5r%C3%B8rende%20caf%C3%A9"));
    /* A URL without a scheme is no "uri": only the extension has it. */
    const char *u = strstr(h, "\"url\":\"www.odsherred.dk\"");
    assert_non_null(u);
    assert_null(strstr(u + 1, "\"url\":\"www.odsherred.dk\""));
    assert_non_null(strstr(h, "\"x-paroer\":{\"source\":\"https://www.odsherred.dk/pårørende café\",\"url\":\"www.odsherred.dk\",\"email\":\"ikke en adresse\""));
    assert_non_null(strstr(h, "\"capacities\""));
    assert_non_null(strstr(h, "\"name\":\"Odsherred\""));
    assert_non_null(strstr(h, "\"name\":\"Danmark\""));
    assert_non_null(strstr(h, "\"code\":\"1286\""));
    assert_non_null(strstr(h, "\"code\":\"300\""));   /* young carers: relative_age up to 17 */
    assert_non_null(strstr(h, "\"status\":\"temporarily closed\""));
    assert_non_null(strstr(h, "\"alert\":\"Venteliste\""));
    paroer_free(h);
    h = export(c, PAROER_HSDS_3_0, &n);
    assert_null(strstr(h, "\"capacities\""));
    assert_null(strstr(h, "\"additional_urls\""));
    assert_non_null(strstr(h, "\"code\":\"capacity\""));
    paroer_free(h);
    paroer_catalog_free(c);
}

static void test_policies_without_offers(void **state)
{
    (void)state;
    const char *p[] = {DATA "odsherred-policy.json"};
    paroer_catalog *c = load_files(p, 1);
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_hsds_options o;
    paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION);
    o.diagnostics = d;
    char *t = NULL;
    size_t n;
    assert_int_equal(paroer_catalog_to_hsds(c, &o, &t, &n), PAROER_OK);
    assert_string_equal(t, "[]");
    assert_int_equal(paroer_diagnostics_count(d), 1);
    assert_non_null(strstr(paroer_diagnostic_message(d, 0), "1 policy not exported"));
    paroer_free(t);
    o.hsds_version = 32;
    assert_int_equal(paroer_catalog_to_hsds(c, &o, &t, &n), PAROER_EINVALID);
    assert_null(t);
    paroer_diagnostics_free(d);
    paroer_catalog_free(c);
}

/* ---- the specification's examples -------------------------------------------------- */

typedef struct example { const char *file; size_t offers, offers_guessing; } example;

static void test_spec_examples(void **state)
{
    (void)state;
    /* Every example is read; the services in them name no kind of offer our
     * way, so only guessing from the words ("Counselling") maps them. */
    static const example ex[] = {
        {"base.json", 0, 0}, {"location.json", 0, 0}, {"organization_full.json", 0, 1},
        {"organization_list.json", 0, 0}, {"service_at_location_full.json", 0, 1},
        {"service_at_location_list.json", 0, 1}, {"service_full.json", 0, 1}, {"service_list.json", 0, 1},
        {"tabular.json", 0, 1}, {"taxonomy.json", 0, 0}, {"taxonomy_list.json", 0, 0}, {"taxonomy_term.json", 0, 0},
        {"taxonomy_term_list.json", 0, 0}, {"csv", 0, 1}};
    const char *versions[] = {"3.0", "3.1"};
    for (size_t v = 0; v < 2; v++)
        for (size_t i = 0; i < PR_COUNT_OF(ex); i++)
            for (int guess = 0; guess < 2; guess++) {
                char path[512];
                snprintf(path, sizeof path, HSDS "%s/examples/%s", versions[v], ex[i].file);
                paroer_diagnostics *d = NULL;
                assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
                paroer_hsds_options o;
                paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION);
                o.diagnostics = d;
                if (guess) o.flags |= PAROER_HSDS_GUESS_KIND;
                paroer_catalog *c = NULL;
                int rc = paroer_catalog_from_hsds_file(&c, path, &o);
                if (rc) fail_msg("%s: %s", path, paroer_error_last()->message);
                size_t want = guess ? ex[i].offers_guessing : ex[i].offers;
                if (paroer_catalog_offer_count(c) != want)
                    fail_msg("%s: %zu offers, expected %zu", path, paroer_catalog_offer_count(c), want);
                /* Nothing is dropped silently: a document without a mapped offer says why. */
                if (!want) assert_true(paroer_diagnostics_count(d) > 0);
                assert_int_equal(paroer_diagnostics_error_count(d), 0);
                if (want && !strcmp(ex[i].file, "service_full.json")) {
                    const paroer_offer *of = paroer_catalog_offer(c, 0);
                    assert_string_equal(paroer_offer_id(of), "ac148810-d857-441c-9679-408f346de14b");
                    assert_int_equal(paroer_offer_kind(of), PAROER_KIND_COUNSELLING);
                    assert_int_equal(paroer_target_relative_age_min(paroer_offer_target(of)), 12);
                    assert_int_equal(paroer_target_relative_age_max(paroer_offer_target(of)), 100);
                    assert_string_equal(paroer_offer_language(of, c, 0), "ur");
                    assert_int_equal(paroer_offer_verified(of), day("2005-01-01"));
                    assert_int_equal(paroer_offer_cost_free(of), 0);
                    assert_true(isnan(paroer_offer_price_dkk(of)));   /* in GBP */
                    assert_string_equal(paroer_offer_contact_email(of), "email@example.com");
                    assert_non_null(strstr(paroer_offer_schedule(of), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH,FR"));
                    assert_int_equal(paroer_offer_municipality_count(of), 0);   /* MyCity is not Danish */
                    assert_int_equal(paroer_offer_capacity(of), v == 1 ? 10 : -1);
                    const paroer_provider *p = paroer_offer_provider(of, c);
                    assert_string_equal(paroer_provider_name(p), "Example Organization Inc.");
                }
                paroer_catalog_free(c);
                paroer_diagnostics_free(d);
            }
    /* Strict: the unmappable service is an error. */
    paroer_hsds_options o;
    paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION);
    o.flags = PAROER_HSDS_STRICT;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_from_hsds_file(&c, HSDS "3.1/examples/service_full.json", &o), PAROER_ESCHEMA);
    assert_null(c);
    assert_non_null(strstr(paroer_error_last()->message, "\"Community Counselling\""));
    assert_non_null(strstr(paroer_error_last()->message, "not imported"));
}

/* ---- foreign directories ----------------------------------------------------------- */

static void test_foreign_danish(void **state)
{
    (void)state;
    const char *json =
        "{\"id\": \"org-1\", \"name\": \"Alzheimerforeningen\", \"description\": \"Forening\", \"services\": [\n"
        " {\"id\": \"s1\", \"name\": \"Aflastning\", \"status\": \"active\", \"minimum_age\": 17.5,\n"
        "  \"service_areas\": [{\"id\": \"a\", \"name\": \"Københavns Kommune\"},\n"
        "                    {\"id\": \"b\", \"name\": \"x\", \"uri\": \"https://api.dataforsyningen.dk/kommuner/0306\"},\n"
        "                    {\"id\": \"c\", \"name\": \"Vesterbro\"}],\n"
        "  \"languages\": [{\"id\": \"l\", \"code\": \"da\"}, {\"id\": \"m\", \"code\": \"en\"}],\n"
        "  \"cost_options\": [{\"id\": \"c\", \"amount\": 50, \"currency\": \"DKK\"}],\n"
        "  \"schedules\": [{\"id\": \"s\", \"freq\": \"MONTHLY\", \"byday\": \"1TU\"}],\n"
        "  \"attributes\": [{\"id\": \"t\", \"taxonomy_term\": {\"id\": \"x\", \"code\": \"1286\", \"name\": \"Relief\",\n"
        "     \"description\": \"d\", \"taxonomy_details\": {\"id\": \"y\", \"name\": \"Open Eligibility\"}}}]},\n"
        " {\"id\": \"s2\", \"name\": \"Hele landet\", \"status\": \"inactive\",\n"
        "  \"service_areas\": [{\"id\": \"d\", \"name\": \"Danmark\"}],\n"
        "  \"attributes\": [{\"id\": \"t\", \"taxonomy_term\": {\"id\": \"x\", \"code\": \"298\", \"name\": \"n\",\n"
        "     \"description\": \"d\", \"taxonomy_detail\": {\"id\": \"y\", \"name\": \"esd\"}}}]},\n"
        " {\"id\": \"s3\", \"name\": \"Ukendt\", \"status\": \"active\"}]}";
    size_t warnings = 0;
    paroer_catalog *c = import(json, strlen(json), 0, &warnings);
    assert_int_equal(warnings, 2);   /* Vesterbro; s3 has no kind */
    assert_int_equal(paroer_catalog_offer_count(c), 2);
    const paroer_offer *o = paroer_catalog_offer(c, 0);
    assert_int_equal(paroer_offer_kind(o), PAROER_KIND_RESPITE_AWAY);
    assert_int_equal(paroer_offer_municipality_count(o), 2);
    assert_int_equal(paroer_offer_municipality(o, 0), 101);
    assert_int_equal(paroer_offer_municipality(o, 1), 306);
    assert_int_equal(paroer_target_relative_age_min(paroer_offer_target(o)), 18);
    assert_int_equal(paroer_offer_language_count(o), 2);
    assert_int_equal(paroer_offer_cost_free(o), 0);
    assert_true(paroer_offer_price_dkk(o) == 50.0);
    assert_string_equal(paroer_offer_schedule(o), "FREQ=MONTHLY;BYDAY=1TU");
    assert_string_equal(paroer_provider_id(paroer_offer_provider(o, c)), "org-1");
    assert_int_equal(paroer_provider_kind(paroer_offer_provider(o, c)), PAROER_PROVIDER_CIVIL_SOCIETY);
    o = paroer_catalog_offer(c, 1);
    assert_int_equal(paroer_offer_kind(o), PAROER_KIND_PEER_GROUP);
    assert_int_equal(paroer_offer_nationwide(o), 1);
    assert_int_equal(paroer_offer_status(o), PAROER_STATUS_PAUSED);
    paroer_catalog_free(c);
    /* A default municipality for a one-municipality directory. */
    const char *one = "[{\"id\": \"s\", \"name\": \"Rådgivning\", \"status\": \"active\"}]";
    paroer_hsds_options ho;
    paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION);
    ho.municipality = 316;
    ho.flags = PAROER_HSDS_GUESS_KIND;
    assert_int_equal(paroer_catalog_from_hsds_buffer(&c, one, strlen(one), NULL, &ho), PAROER_OK);
    assert_int_equal(paroer_offer_kind(paroer_catalog_offer(c, 0)), PAROER_KIND_COUNSELLING);
    assert_int_equal(paroer_offer_municipality(paroer_catalog_offer(c, 0), 0), 316);
    paroer_catalog_free(c);
    ho.municipality = 1000;
    assert_int_equal(paroer_catalog_from_hsds_buffer(&c, one, strlen(one), NULL, &ho), PAROER_EINVALID);
}

static void test_errors_located(void **state)
{
    (void)state;
    const char *json = "[\n  {\"id\": \"s\", \"name\": \"n\", \"status\": \"active\",\n   \"attributes\": [\n"
                       "     {\"id\": \"a\", \"taxonomy_term\": {\"id\": \"t\", \"code\": \"kind:cafe\", \"name\": \"n\",\n"
                       "      \"description\": \"d\", \"taxonomy\": \"paroer\"}}]}]";
    paroer_catalog *c = (paroer_catalog *)1;
    assert_int_equal(paroer_catalog_from_hsds_buffer(&c, json, strlen(json), "x.json", NULL), PAROER_ESCHEMA);
    assert_null(c);
    const paroer_error_info *e = paroer_error_last();
    assert_string_equal(e->source, "x.json");
    assert_string_equal(e->path, "[0].attributes[0].taxonomy_term.code");
    assert_int_equal(e->line, 4);
    assert_int_equal(e->column, 55);
    assert_non_null(strstr(e->message, "unknown offer_kind \"cafe\""));
    assert_int_equal(paroer_catalog_from_hsds_buffer(&c, "[1,", 3, "y.json", NULL), PAROER_EPARSE);
    assert_int_equal(paroer_error_last()->line, 1);
    assert_int_equal(paroer_catalog_from_hsds_file(&c, HSDS "does-not-exist.json", NULL), PAROER_EIO);
}

static void test_detect(void **state)
{
    (void)state;
    const char *yes[] = {"[{\"id\":\"x\",\"name\":\"n\",\"status\":\"active\"}]", "{\"contents\":[]}",
                         "{\"name\":\"o\",\"services\":[]}", "{\"status\":\"active\",\"name\":\"s\"}"};
    const char *no[] = {"{\"format\":\"paroer-catalog\",\"version\":1}", "{\"relations\":[]}", "[]", "[1", "",
                        "{\"offers\":[]}"};
    for (size_t i = 0; i < PR_COUNT_OF(yes); i++) assert_int_equal(paroer_hsds_detect(yes[i], strlen(yes[i])), 1);
    for (size_t i = 0; i < PR_COUNT_OF(no); i++) assert_int_equal(paroer_hsds_detect(no[i], strlen(no[i])), 0);
    assert_int_equal(paroer_hsds_detect(NULL, 0), 0);
}

static void test_municipality_names(void **state)
{
    (void)state;
    assert_string_equal(pr_hsds_muni_name(306), "Odsherred");
    assert_null(pr_hsds_muni_name(999));
    assert_int_equal(pr_hsds_muni_by_name("Odsherred", 9), 306);
    assert_int_equal(pr_hsds_muni_by_name("odsherred kommune", 17), 306);
    assert_int_equal(pr_hsds_muni_by_name("Københavns Kommune", strlen("Københavns Kommune")), 101);
    assert_int_equal(pr_hsds_muni_by_name("Hjørring", strlen("Hjørring")), 860);
    assert_int_equal(pr_hsds_muni_by_name("MyCity", 6), -1);
}

/* ---- allocation failures -------------------------------------------------------------- */

typedef struct failing { long live, count, fail_at; } failing;
static void *f_malloc(void *ctx, size_t n)
{
    failing *f = ctx;
    if (f->count++ == f->fail_at) return NULL;
    void *p = malloc(n);
    if (p) f->live++;
    return p;
}
static void *f_realloc(void *ctx, void *p, size_t old, size_t n)
{
    failing *f = ctx;
    (void)old;
    if (f->count++ == f->fail_at) return NULL;
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

/* Every allocation of the export and the import failing in turn: ENOMEM,
 * nothing leaked; and the run with no failure gives the full result. */
static void test_allocation_failures(void **state)
{
    (void)state;
    paroer_catalog *c = built();
    size_t n;
    char *h = export(c, PAROER_HSDS_3_1, &n);
    int done_export = 0, done_import = 0;
    for (long k = 0; k < 100000 && !(done_export && done_import); k++) {
        failing f = {0, 0, k};
        paroer_allocator a = {f_malloc, f_realloc, f_free, &f};
        paroer_hsds_options o;
        paroer_hsds_options_init(&o, PAROER_HSDS_OPTIONS_VERSION);
        o.allocator = &a;
        o.date = day("2026-01-01");
        if (!done_export) {
            char *t = NULL;
            int rc = paroer_catalog_to_hsds(c, &o, &t, NULL);
            if (rc == PAROER_OK) {
                assert_string_equal(t, h);
                f_free(&f, t);
                done_export = 1;
            } else {
                assert_int_equal(rc, PAROER_ENOMEM);
                assert_null(t);
            }
            assert_int_equal(f.live, 0);
        }
        if (!done_import) {
            f.count = 0;
            paroer_catalog *d = NULL;
            int rc = paroer_catalog_from_hsds_buffer(&d, h, n, "x.json", &o);
            if (rc == PAROER_OK) {
                catalogs_equal(c, d);
                done_import = 1;
            } else {
                assert_int_equal(rc, PAROER_ENOMEM);
                assert_null(d);
            }
            paroer_catalog_free(d);
            assert_int_equal(f.live, 0);
        }
    }
    assert_true(done_export && done_import);
    paroer_free(h);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha1_vectors),         cmocka_unit_test(test_uuid5_vectors),
        cmocka_unit_test(test_writer_shipped),       cmocka_unit_test(test_writer_builder),
        cmocka_unit_test(test_writer_no_municipality), cmocka_unit_test(test_roundtrip_shipped),
        cmocka_unit_test(test_roundtrip_built),      cmocka_unit_test(test_policies_without_offers),
        cmocka_unit_test(test_spec_examples),        cmocka_unit_test(test_foreign_danish),
        cmocka_unit_test(test_errors_located),       cmocka_unit_test(test_detect),
        cmocka_unit_test(test_municipality_names),   cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
