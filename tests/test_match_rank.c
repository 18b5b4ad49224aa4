/* Ranking (contract section 4 and docs/matching.md): each ordering property
 * the contract names, the exact score, the reasons and their order, the
 * choice of the matched relation, and ties by offer id. */
#include "test_match_util.h"

static paroer_match_result *ranked(const paroer_catalog *c, const paroer_relative *r)
{
    return tm_match(c, r, 0);
}

static int32_t score_of(const paroer_match_result *res, const char *id)
{
    long k = tm_rank_of(res, id);
    assert_true(k >= 0);
    return paroer_match_result_score(res, (size_t)k);
}

static void test_more_needs_rank_higher(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "a-one-need", PAROER_KIND_INFORMATION); /* information */
    tm_offer(b, "b-two-needs", PAROER_KIND_INFORMATION);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_INFORMATION);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_NETWORK);
    tm_end(b);
    tm_offer(b, "c-three-needs", PAROER_KIND_INFORMATION);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_INFORMATION);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_NETWORK);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_RESPITE);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_FINANCIAL); /* not stated: does not count */
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    tm_need(r, PAROER_NEED_RESPITE);
    tm_need(r, PAROER_NEED_NETWORK);
    tm_need(r, PAROER_NEED_INFORMATION);
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(tm_rank_of(res, "c-three-needs"), 0);
    assert_int_equal(tm_rank_of(res, "b-two-needs"), 1);
    assert_int_equal(tm_rank_of(res, "a-one-need"), 2);
    assert_int_equal(score_of(res, "a-one-need"), 200);
    assert_int_equal(score_of(res, "b-two-needs"), 400);
    assert_int_equal(score_of(res, "c-three-needs"), 600);
    assert_string_equal(TM_REASONS(res, 0), "need:respite,need:information,need:network");
    assert_string_equal(TM_REASONS(res, 2), "need:information");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_named_condition_and_relation_rank_higher(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "a-generic", PAROER_KIND_PEER_GROUP);
    tm_offer(b, "b-relation", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SON_DAUGHTER);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_end(b);
    tm_offer(b, "c-condition", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_CANCER);
    tm_end(b);
    tm_offer(b, "d-both", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SON_DAUGHTER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(tm_rank_of(res, "d-both"), 0);
    assert_int_equal(tm_rank_of(res, "c-condition"), 1);
    assert_int_equal(tm_rank_of(res, "b-relation"), 2);
    assert_int_equal(tm_rank_of(res, "a-generic"), 3);
    assert_int_equal(score_of(res, "a-generic"), 0);
    assert_int_equal(score_of(res, "b-relation"), 10);
    assert_int_equal(score_of(res, "c-condition"), 20);
    assert_int_equal(score_of(res, "d-both"), 30);
    assert_string_equal(TM_REASONS(res, 0), "condition:dementia,relation:son_daughter");
    assert_string_equal(TM_REASONS(res, 1), "condition:dementia"); /* only the shared condition */
    assert_string_equal(TM_REASONS(res, 2), "relation:son_daughter");
    assert_string_equal(TM_REASONS(res, 3), "");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_waitlist_ranks_lower(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "a-waitlist", PAROER_KIND_COURSE); /* would win the id tie-break */
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    tm_end(b);
    tm_plain(b, "b-active", PAROER_KIND_COURSE);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(tm_rank_of(res, "b-active"), 0);
    assert_int_equal(tm_rank_of(res, "a-waitlist"), 1);
    assert_int_equal(score_of(res, "a-waitlist"), -40);
    assert_string_equal(TM_REASONS(res, 1), "waitlist");
    assert_string_equal(TM_REASONS(res, 0), "");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_stale_ranks_lower(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "a-stale", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VERIFIED, TM_TODAY - 366);
    tm_end(b);
    tm_offer(b, "b-365-days", PAROER_KIND_COURSE); /* exactly 365 days: not stale */
    tm_int(b, PAROER_FIELD_VERIFIED, TM_TODAY - 365);
    tm_end(b);
    tm_plain(b, "c-never-verified", PAROER_KIND_COURSE); /* unknown: not stale */
    tm_offer(b, "d-fresh", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VERIFIED, TM_TODAY);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(tm_rank_of(res, "b-365-days"), 0);
    assert_int_equal(tm_rank_of(res, "c-never-verified"), 1);
    assert_int_equal(tm_rank_of(res, "d-fresh"), 2);
    assert_int_equal(tm_rank_of(res, "a-stale"), 3);
    assert_int_equal(score_of(res, "a-stale"), -20);
    assert_string_equal(TM_REASONS(res, 3), "stale");
    for (size_t i = 0; i < 3; i++) assert_int_equal(paroer_match_result_reason_count(res, i), 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static paroer_catalog *strain_catalog(void)
{
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "a-course", PAROER_KIND_COURSE);
    tm_plain(b, "b-peer", PAROER_KIND_PEER_GROUP);
    tm_plain(b, "c-respite-home", PAROER_KIND_RESPITE_HOME);
    tm_plain(b, "d-respite-away", PAROER_KIND_RESPITE_AWAY);
    tm_plain(b, "e-counselling", PAROER_KIND_COUNSELLING);
    tm_plain(b, "f-activity", PAROER_KIND_ACTIVITY_BREAK); /* not respite_*: not lifted */
    return tm_finish(b);
}

static void check_strain(const paroer_catalog *c, const paroer_relative *r, int heavy)
{
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(paroer_match_result_count(res), 6);
    static const char *lifted[] = {"c-respite-home", "d-respite-away", "e-counselling"};
    static const char *plain[] = {"a-course", "b-peer", "f-activity"};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(score_of(res, lifted[k]), heavy ? 30 : 0);
        assert_int_equal(score_of(res, plain[k]), 0);
        if (heavy) assert_int_equal(tm_rank_of(res, lifted[k]), (long)k);
        long i = tm_rank_of(res, lifted[k]);
        assert_string_equal(TM_REASONS(res, (size_t)i), heavy ? "strain:high" : "");
    }
    paroer_match_result_free(res);
}

static void test_heavy_strain_lifts_respite_and_counselling(void **state)
{
    (void)state;
    paroer_catalog *c = strain_catalog();
    paroer_relative *r = tm_son();
    check_strain(c, r, 0);
    tm_hours(r, 0, 19.5);
    check_strain(c, r, 0);
    tm_hours(r, 0, 20);   /* >= 20 hours a week */
    check_strain(c, r, 1);
    paroer_relative_free(r);
    r = tm_son();
    tm_flag(r, 0, PAROER_FLAG_TERMINAL); /* or terminal */
    check_strain(c, r, 1);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* The matched relation is the one giving the best score: the heavy one for
 * an offer strain lifts, else the first relation that satisfies the target. */
static void test_relation_choice(void **state)
{
    (void)state;
    paroer_catalog *c = strain_catalog();
    paroer_relative *r = tm_relative("r", 60);
    size_t friend_ = tm_rel(r, PAROER_RELATION_FRIEND_NEIGHBOUR);
    tm_hours(r, friend_, 2);
    size_t spouse = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    tm_hours(r, spouse, 35);
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(paroer_match_result_relation(res, (size_t)tm_rank_of(res, "c-respite-home")), 1);
    assert_int_equal(paroer_match_result_relation(res, (size_t)tm_rank_of(res, "e-counselling")), 1);
    assert_int_equal(paroer_match_result_relation(res, (size_t)tm_rank_of(res, "a-course")), 0);
    assert_int_equal(paroer_match_result_relation(res, (size_t)tm_rank_of(res, "f-activity")), 0);
    assert_int_equal(score_of(res, "c-respite-home"), 30);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    /* No heavy relation: the first one, for every offer. */
    r = tm_relative("r", 60);
    tm_hours(r, tm_rel(r, PAROER_RELATION_SIBLING), 5);
    tm_hours(r, tm_rel(r, PAROER_RELATION_PARENT), 10);
    tm_rel(r, PAROER_RELATION_OTHER_FAMILY);
    res = ranked(c, r);
    for (size_t i = 0; i < paroer_match_result_count(res); i++)
        assert_int_equal(paroer_match_result_relation(res, i), 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_exact_score_and_reason_order(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "everything", PAROER_KIND_RESPITE_AWAY);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_RESPITE);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_PRACTICAL_HELP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_FRAILTY);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    tm_int(b, PAROER_FIELD_VERIFIED, TM_TODAY - 1000);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_relative("r", 78);
    size_t i = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    tm_cond(r, i, PAROER_CONDITION_FRAILTY);
    tm_cond(r, i, PAROER_CONDITION_DEMENTIA);
    tm_flag(r, i, PAROER_FLAG_TERMINAL);
    tm_flag(r, i, PAROER_FLAG_COHABITING);
    tm_need(r, PAROER_NEED_PRACTICAL_HELP);
    tm_need(r, PAROER_NEED_RESPITE);
    tm_need(r, PAROER_NEED_COUNSELLING);
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(paroer_match_result_count(res), 1);
    /* 2 needs, condition, relation, 2 requires, strain, waitlist, stale */
    assert_int_equal(paroer_match_result_score(res, 0), 400 + 20 + 10 + 20 + 30 - 40 - 20);
    assert_string_equal(TM_REASONS(res, 0),
                        "need:respite,need:practical_help,condition:frailty,condition:dementia,"
                        "relation:spouse_partner,requires:cohabiting,requires:terminal,strain:high,waitlist,stale");
    int32_t buf[4] = {0, 0, 0, 0};
    assert_int_equal(paroer_match_result_scores(res, buf, 4), 1);
    assert_int_equal(buf[0], 420);
    assert_int_equal(buf[1], 0);
    assert_int_equal(paroer_match_result_scores(res, NULL, 0), 1);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_bereaved_reason(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "a-also", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO);
    tm_end(b);
    tm_offer(b, "b-only", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_relative("r", 70);
    size_t i = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    tm_flag(r, i, PAROER_FLAG_BEREAVED);
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(tm_rank_of(res, "b-only"), 0); /* made for the bereaved: ranks first */
    assert_int_equal(score_of(res, "b-only"), 10);
    assert_int_equal(score_of(res, "a-also"), 0);
    assert_string_equal(TM_REASONS(res, 0), "bereaved");
    assert_string_equal(TM_REASONS(res, 1), "bereaved");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* Equal scores: ascending byte order of the offer ids, in every entry point. */
static void test_ties_by_id(void **state)
{
    (void)state;
    static const char *ids[] = {"zeta", "\xc3\xa9ta", "Zeta", "alpha", "alpha-2", "Alpha"};
    static const char *sorted[] = {"Alpha", "Zeta", "alpha", "alpha-2", "zeta", "\xc3\xa9ta"};
    paroer_catalog_builder *b = tm_builder();
    for (size_t k = 0; k < 6; k++) tm_plain(b, ids[k], PAROER_KIND_INFORMATION);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    for (int explain = 0; explain <= 1; explain++) {
        for (uint32_t top = 0; top <= 6; top += 3) {
            paroer_match_options o = tm_opts(TM_TODAY, top, explain);
            paroer_match_result *res = NULL;
            assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
            size_t n = top ? top : 6;
            assert_int_equal(paroer_match_result_count(res), n);
            for (size_t i = 0; i < n; i++)
                assert_string_equal(paroer_offer_id(paroer_match_result_offer(res, i)), sorted[i]);
            paroer_match_result_free(res);
            paroer_matcher *m = NULL;
            const paroer_match_result *mr = NULL;
            assert_int_equal(paroer_matcher_new(&m, c, &o), PAROER_OK);
            assert_int_equal(paroer_matcher_match(m, r, &mr), PAROER_OK);
            assert_int_equal(paroer_match_result_count(mr), n);
            for (size_t i = 0; i < n; i++)
                assert_string_equal(paroer_offer_id(paroer_match_result_offer(mr, i)), sorted[i]);
            paroer_matcher_free(m);
        }
    }
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* Every part of the score adds up (docs/matching.md). */
static void test_score_is_additive(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "a-specific-no-need", PAROER_KIND_RESPITE_HOME);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_PRACTICAL_HELP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SON_DAUGHTER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_CARED_AT_HOME);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_end(b);
    tm_plain(b, "b-serves-information", PAROER_KIND_INFORMATION);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    tm_flag(r, 0, PAROER_FLAG_TERMINAL);
    tm_flag(r, 0, PAROER_FLAG_CARED_AT_HOME);
    tm_flag(r, 0, PAROER_FLAG_COHABITING);
    tm_need(r, PAROER_NEED_INFORMATION);
    tm_need(r, PAROER_NEED_PRACTICAL_HELP);
    paroer_match_result *res = ranked(c, r);
    /* 200 + 20 + 10 + 30 + 30 = 290 against 200 */
    assert_int_equal(score_of(res, "a-specific-no-need"), 290);
    assert_int_equal(score_of(res, "b-serves-information"), 200);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* The number of stated needs served comes first: two needs waitlisted and
 * stale outrank one need with every bonus there is. */
static void test_needs_come_first(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "a-one-need-every-bonus", PAROER_KIND_RESPITE_HOME);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_CANCER);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_CARED_AT_HOME);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_EMPLOYED);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY);
    tm_end(b);
    tm_offer(b, "b-two-needs-every-penalty", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_RESPITE);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_EDUCATION);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    tm_int(b, PAROER_FIELD_VERIFIED, tm_date(2020, 1, 1));
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_relative("r", 70);
    size_t i = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    tm_cond(r, i, PAROER_CONDITION_CANCER);
    tm_flag(r, i, PAROER_FLAG_COHABITING);
    tm_flag(r, i, PAROER_FLAG_CARED_AT_HOME);
    tm_flag(r, i, PAROER_FLAG_TERMINAL);
    tm_flag(r, i, PAROER_FLAG_BEREAVED);
    assert_int_equal(paroer_relative_set_employed(r, 1), PAROER_OK);
    tm_need(r, PAROER_NEED_RESPITE);
    tm_need(r, PAROER_NEED_EDUCATION);
    paroer_match_result *res = ranked(c, r);
    assert_int_equal(score_of(res, "a-one-need-every-bonus"), 200 + 20 + 10 + 40 + 10 + 30);
    assert_int_equal(score_of(res, "b-two-needs-every-penalty"), 400 - 40 - 20);
    assert_int_equal(tm_rank_of(res, "b-two-needs-every-penalty"), 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_more_needs_rank_higher),
        cmocka_unit_test(test_named_condition_and_relation_rank_higher),
        cmocka_unit_test(test_waitlist_ranks_lower),
        cmocka_unit_test(test_stale_ranks_lower),
        cmocka_unit_test(test_heavy_strain_lifts_respite_and_counselling),
        cmocka_unit_test(test_relation_choice),
        cmocka_unit_test(test_exact_score_and_reason_order),
        cmocka_unit_test(test_bereaved_reason),
        cmocka_unit_test(test_ties_by_id),
        cmocka_unit_test(test_score_is_additive),
        cmocka_unit_test(test_needs_come_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
