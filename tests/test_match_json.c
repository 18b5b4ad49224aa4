/* paroer_match_result_to_json(): the exact JSON of `paroer match --format
 * json` (contract section 6). */
#include "test_match_util.h"
#include <jansson.h>

static paroer_catalog *json_catalog(void)
{
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "ods-demenscafe", PAROER_KIND_CAFE_NETWORK);
    assert_int_equal(paroer_builder_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA), PAROER_OK);
    tm_end(b);
    assert_int_equal(paroer_builder_begin_offer(b, "ods-afloesning", "Afl\xc3\xb8sning \"i\" hjemmet",
                                                PAROER_KIND_RESPITE_HOME), PAROER_OK);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    tm_end(b);
    tm_offer(b, "ods-paused", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
    tm_end(b);
    tm_offer(b, "ods-terminal", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_end(b);
    return tm_finish(b);
}

static paroer_relative *json_relative(const char *id)
{
    paroer_relative *r = tm_relative(id, 52);
    size_t i = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);
    tm_cond(r, i, PAROER_CONDITION_DEMENTIA);
    tm_hours(r, i, 25);
    tm_need(r, PAROER_NEED_RESPITE);
    tm_need(r, PAROER_NEED_NETWORK);
    return r;
}

static char *to_json(const paroer_match_result *res, size_t *len)
{
    char *s = (char *)1;
    assert_int_equal(paroer_match_result_to_json(res, &s, len), PAROER_OK);
    assert_non_null(s);
    return s;
}

static void test_exact_json(void **state)
{
    (void)state;
    paroer_catalog *c = json_catalog();
    paroer_relative *r = json_relative("r-17");
    paroer_match_result *res = tm_match(c, r, 0);
    size_t len = 0;
    char *s = to_json(res, &len);
    const char *want =
        "{\"relative\":\"r-17\",\"date\":\"2026-03-01\",\"matches\":["
        "{\"offer\":\"ods-demenscafe\",\"name\":\"Name of ods-demenscafe\",\"kind\":\"cafe_network\",\"score\":220,"
        "\"relation\":0,\"reasons\":[\"need:network\",\"condition:dementia\"]},"
        "{\"offer\":\"ods-afloesning\",\"name\":\"Afl\xc3\xb8sning \\\"i\\\" hjemmet\",\"kind\":\"respite_home\","
        "\"score\":190,\"relation\":0,\"reasons\":[\"need:respite\",\"strain:high\",\"waitlist\"]}]}";
    assert_string_equal(s, want);
    assert_int_equal(len, strlen(want));
    paroer_free(s);
    paroer_match_result_free(res);

    /* explain adds "excluded" in catalog order */
    res = tm_match(c, r, 1);
    s = to_json(res, NULL);
    const char *tail = ",\"excluded\":[{\"offer\":\"ods-paused\",\"rule\":\"paused\"},"
                       "{\"offer\":\"ods-terminal\",\"rule\":\"requires:terminal\"}]}";
    assert_true(strlen(s) > strlen(tail));
    assert_string_equal(s + strlen(s) - strlen(tail), tail);
    assert_memory_equal(s, want, strlen(want) - 1); /* same beginning */
    paroer_free(s);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* The document parses and has the contract's keys in the contract's order. */
static void test_shape(void **state)
{
    (void)state;
    paroer_catalog *c = json_catalog();
    paroer_relative *r = json_relative("r-1");
    paroer_match_result *res = tm_match(c, r, 1);
    char *s = to_json(res, NULL);
    json_error_t err;
    json_t *doc = json_loads(s, 0, &err);
    assert_non_null(doc);
    const char *key;
    json_t *v;
    static const char *top_keys[] = {"relative", "date", "matches", "excluded"};
    size_t k = 0;
    json_object_foreach(doc, key, v) {
        assert_true(k < 4);
        assert_string_equal(key, top_keys[k++]);
    }
    assert_int_equal(k, 4);
    json_t *m0 = json_array_get(json_object_get(doc, "matches"), 0);
    static const char *match_keys[] = {"offer", "name", "kind", "score", "relation", "reasons"};
    k = 0;
    json_object_foreach(m0, key, v) assert_string_equal(key, match_keys[k++]);
    assert_int_equal(k, 6);
    assert_true(json_is_integer(json_object_get(m0, "score")));
    assert_true(json_is_integer(json_object_get(m0, "relation")));
    json_decref(doc);
    paroer_free(s);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_no_match_and_no_id(void **state)
{
    (void)state;
    paroer_catalog *c = json_catalog();
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_new(&r, NULL, 30, TM_OTHER_MUNI, NULL), PAROER_OK);
    tm_rel(r, PAROER_RELATION_SIBLING);
    paroer_match_options o = tm_opts(tm_date(2025, 12, 31), 0, 0);
    paroer_match_result *res = NULL;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
    char *s = to_json(res, NULL);
    assert_string_equal(s, "{\"relative\":null,\"date\":\"2025-12-31\",\"matches\":[]}");
    paroer_free(s);
    paroer_match_result_free(res);
    o.explain = 1;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
    s = to_json(res, NULL);
    assert_string_equal(s, "{\"relative\":null,\"date\":\"2025-12-31\",\"matches\":[],\"excluded\":["
                           "{\"offer\":\"ods-demenscafe\",\"rule\":\"area\"},"
                           "{\"offer\":\"ods-afloesning\",\"rule\":\"area\"},"
                           "{\"offer\":\"ods-paused\",\"rule\":\"paused\"},"
                           "{\"offer\":\"ods-terminal\",\"rule\":\"area\"}]}");
    paroer_free(s);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_escaping_and_bad_utf8(void **state)
{
    (void)state;
    paroer_catalog *c = json_catalog();
    paroer_relative *r = json_relative("r/\"1\"\n\xc3\xa6");
    paroer_match_result *res = tm_match(c, r, 0);
    char *s = to_json(res, NULL);
    static const char prefix[] = "{\"relative\":\"r/\\\"1\\\"\\n\xc3\xa6\",";
    assert_memory_equal(s, prefix, sizeof prefix - 1);
    paroer_free(s);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    /* an id that is not UTF-8 cannot be written as JSON */
    r = json_relative("r-\xff");
    res = tm_match(c, r, 0);
    s = (char *)1;
    size_t len = 7;
    assert_int_equal(paroer_match_result_to_json(res, &s, &len), PAROER_EINVALID);
    assert_null(s);
    assert_int_equal(len, 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    /* overlong, surrogate */
    static const char *bad[] = {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"};
    for (size_t k = 0; k < 4; k++) {
        r = json_relative(bad[k]);
        res = tm_match(c, r, 0);
        assert_int_equal(paroer_match_result_to_json(res, &s, NULL), PAROER_EINVALID);
        paroer_match_result_free(res);
        paroer_relative_free(r);
    }
    assert_int_equal(paroer_match_result_to_json(NULL, &s, NULL), PAROER_EINVALID);
    r = json_relative("r-1");
    res = tm_match(c, r, 0);
    assert_int_equal(paroer_match_result_to_json(res, NULL, NULL), PAROER_EINVALID);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_json),
        cmocka_unit_test(test_shape),
        cmocka_unit_test(test_no_match_and_no_id),
        cmocka_unit_test(test_escaping_and_bad_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
