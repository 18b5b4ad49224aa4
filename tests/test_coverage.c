/* Coverage of a municipality (contract section 5; docs/coverage.md): the
 * target-group matrix and its shares on catalogs small enough to count by
 * hand, the gaps, the bereavement list, policy coverage, every state of the
 * six checks, the JSON, options and allocation failures. */
#include "test_coverage_util.h"
#include <math.h>

#define CAT_HEAD "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,"
#define PROVIDERS                                                                                      \
    "\"providers\":[{\"id\":\"kom\",\"name\":\"Kommunen\",\"kind\":\"municipal\",\"area\":\"elderly\"}," \
    "{\"id\":\"forening\",\"name\":\"Foreningen\",\"kind\":\"civil_society\"}],"

static void assert_share(double got, double num, double den)
{
    if (fabs(got - num / den) > 1e-12) fail_msg("share %.10f, expected %g/%g = %.10f", got, num, den, num / den);
}

/* ---- the matrix ----------------------------------------------------------------- */

/* One live offer for spouses (18+) of people with dementia; the others are
 * not live in 306 on 2026-01-15 or are for the bereaved only. */
static const char *const cat_matrix = CAT_HEAD PROVIDERS
    "\"offers\":["
    "{\"id\":\"a-counsel\",\"name\":\"A\",\"kind\":\"counselling\",\"provider\":\"kom\","
    " \"target\":{\"relative_age\":{\"min\":18},\"relations\":[\"spouse_partner\"],\"conditions\":[\"dementia\"]}},"
    "{\"id\":\"b-paused\",\"name\":\"B\",\"kind\":\"respite_home\",\"status\":\"paused\"},"
    "{\"id\":\"c-expired\",\"name\":\"C\",\"kind\":\"respite_home\",\"valid_to\":\"2026-01-14\"},"
    "{\"id\":\"d-future\",\"name\":\"D\",\"kind\":\"respite_home\",\"valid_from\":\"2026-01-16\"},"
    "{\"id\":\"e-elsewhere\",\"name\":\"E\",\"kind\":\"respite_home\",\"municipalities\":[101]},"
    "{\"id\":\"f-bereaved\",\"name\":\"F\",\"kind\":\"peer_group\",\"target\":{\"bereaved\":\"only\"}}"
    "]}";

static void test_matrix_by_hand(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_matrix);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    assert_true(paroer_coverage_has_matrix(cov));
    assert_false(paroer_coverage_has_population(cov));
    assert_int_equal(paroer_coverage_municipality(cov), 306);
    assert_int_equal(paroer_coverage_date(cov), TC_DATE);
    /* 5 bands x 6 relations x 11 conditions, minus 2 bands x 2 relations x 11 */
    assert_int_equal(paroer_coverage_cell_count(cov), 286);
    /* young_adult, adult, senior x spouse_partner x dementia, each with counselling and information */
    assert_share(paroer_coverage_overall(cov), 6, 3146);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_COUNSELLING), 3, 286);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_INFORMATION), 3, 286);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_RESPITE), 0, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_PEER_SUPPORT), 0, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_CONDITION, PAROER_CONDITION_DEMENTIA), 6, 26 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_CONDITION, PAROER_CONDITION_CANCER), 0, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_SPOUSE_PARTNER), 6, 33 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_PARENT), 0, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_YOUNG_ADULT), 2, 66 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_CHILD), 0, 1);
    assert_true(paroer_coverage_share(cov, PAROER_VOCAB_MODE, 0) == -1.0);
    assert_true(paroer_coverage_share(cov, PAROER_VOCAB_NEED, 11) == -1.0);

    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_ADULT, PAROER_RELATION_SPOUSE_PARTNER,
                                             PAROER_CONDITION_DEMENTIA, PAROER_NEED_COUNSELLING), 1);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_ADULT, PAROER_RELATION_SPOUSE_PARTNER,
                                             PAROER_CONDITION_DEMENTIA, PAROER_NEED_RESPITE), 0);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_ADULT, PAROER_RELATION_PARENT,
                                             PAROER_CONDITION_DEMENTIA, PAROER_NEED_COUNSELLING), 0);
    /* cells that do not exist */
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_CHILD, PAROER_RELATION_SPOUSE_PARTNER,
                                             PAROER_CONDITION_DEMENTIA, PAROER_NEED_COUNSELLING), -1);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_YOUTH, PAROER_RELATION_PARENT, 0, 0), -1);
    assert_int_equal(paroer_coverage_covered(cov, 5, 0, 0, 0), -1);

    /* gaps: every other (cell, need), in code order */
    assert_int_equal(paroer_coverage_gap_count(cov), 3146 - 6);
    int32_t b, r, k, n;
    assert_int_equal(paroer_coverage_gap(cov, 0, &b, &r, &k, &n), PAROER_OK);
    assert_int_equal(b, PAROER_AGE_BAND_CHILD);
    assert_int_equal(r, PAROER_RELATION_SON_DAUGHTER);   /* child spouse_partner does not exist */
    assert_int_equal(k, PAROER_CONDITION_FRAILTY);
    assert_int_equal(n, PAROER_NEED_RESPITE);
    assert_int_equal(paroer_coverage_gap(cov, 3146 - 7, &b, &r, &k, &n), PAROER_OK);
    assert_int_equal(b, PAROER_AGE_BAND_SENIOR);
    assert_int_equal(r, PAROER_RELATION_FRIEND_NEIGHBOUR);
    assert_int_equal(k, PAROER_CONDITION_SOCIAL_PROBLEMS);
    assert_int_equal(n, PAROER_NEED_INVOLVEMENT);
    assert_int_equal(paroer_coverage_gap(cov, 3146 - 6, &b, &r, &k, &n), PAROER_EINVALID);
    /* no gap is a covered pair */
    for (size_t i = 0; i < paroer_coverage_gap_count(cov); i++) {
        assert_int_equal(paroer_coverage_gap(cov, i, &b, &r, &k, &n), PAROER_OK);
        assert_int_equal(paroer_coverage_covered(cov, b, r, k, n), 0);
    }

    /* the bereaved-only offer is listed apart, by need */
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_PEER_SUPPORT), 1);
    assert_string_equal(paroer_coverage_bereavement_offer(cov, PAROER_NEED_PEER_SUPPORT, 0), "f-bereaved");
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_NETWORK), 1);
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_COUNSELLING), 0);
    assert_null(paroer_coverage_bereavement_offer(cov, PAROER_NEED_PEER_SUPPORT, 1));
    assert_int_equal(paroer_coverage_bereavement_count(cov, 11), 0);
    paroer_coverage_free(cov);

    /* in 101 the e-elsewhere offer is live: respite and practical help for every cell */
    cov = tc_cov(c, 101, NULL, 0);
    assert_share(paroer_coverage_overall(cov), 2 * 286, 3146);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_RESPITE), 1, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_PRACTICAL_HELP), 1, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_COUNSELLING), 0, 1);
    assert_int_equal(paroer_coverage_gap_count(cov), 9 * 286);
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_PEER_SUPPORT), 0);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* Age-band overlap at the band edges, nationwide offers, and `bereaved: also`. */
static void test_matrix_bands_and_bereaved_also(void **state)
{
    (void)state;
    const char *json = CAT_HEAD
        "\"offers\":["
        "{\"id\":\"kids\",\"name\":\"K\",\"kind\":\"peer_group\",\"target\":{\"relative_age\":{\"max\":12}}},"
        "{\"id\":\"teen\",\"name\":\"T\",\"kind\":\"information\",\"nationwide\":true,"
        " \"municipalities\":[101],\"target\":{\"relative_age\":{\"min\":13,\"max\":13}}},"
        "{\"id\":\"also\",\"name\":\"A\",\"kind\":\"course\",\"target\":{\"relative_age\":{\"min\":65},"
        " \"relations\":[\"spouse_partner\",\"parent\"],\"conditions\":[\"cancer\",\"dementia\"],"
        " \"bereaved\":\"also\"}}"
        "]}";
    paroer_catalog *c = tc_catalog(json);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    /* kids: child x 4 relations x 11 conditions x 2 needs = 88; teen: youth x 4 x 11 x 1 = 44;
     * also: senior x 2 x 2 x 2 needs = 8 */
    assert_share(paroer_coverage_overall(cov), 140, 3146);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_CHILD), 88, 44 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_YOUTH), 44, 44 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_YOUNG_ADULT), 0, 1);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_SENIOR), 8, 66 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_INFORMATION), 44 + 4, 286);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_EDUCATION), 4, 286);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_NEED, PAROER_NEED_PEER_SUPPORT), 44, 286);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_SPOUSE_PARTNER), 4, 33 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_SON_DAUGHTER), 33, 55 * 11);
    assert_share(paroer_coverage_share(cov, PAROER_VOCAB_CONDITION, PAROER_CONDITION_CANCER), 16, 26 * 11);
    assert_int_equal(paroer_coverage_gap_count(cov), 3146 - 140);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_CHILD, PAROER_RELATION_SON_DAUGHTER,
                                             PAROER_CONDITION_FRAILTY, PAROER_NEED_PEER_SUPPORT), 1);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_YOUTH, PAROER_RELATION_SIBLING,
                                             PAROER_CONDITION_CANCER, PAROER_NEED_INFORMATION), 1);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_YOUTH, PAROER_RELATION_SIBLING,
                                             PAROER_CONDITION_CANCER, PAROER_NEED_PEER_SUPPORT), 0);
    assert_int_equal(paroer_coverage_covered(cov, PAROER_AGE_BAND_SENIOR, PAROER_RELATION_PARENT,
                                             PAROER_CONDITION_DEMENTIA, PAROER_NEED_EDUCATION), 1);
    /* `also` counts in the matrix and is listed apart */
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_EDUCATION), 1);
    assert_string_equal(paroer_coverage_bereavement_offer(cov, PAROER_NEED_INFORMATION, 0), "also");
    assert_int_equal(paroer_coverage_bereavement_count(cov, PAROER_NEED_PEER_SUPPORT), 0);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* ---- policy coverage ---------------------------------------------------------------- */

static const char *const cat_policy = CAT_HEAD PROVIDERS
    "\"offers\":["
    "{\"id\":\"r1\",\"name\":\"R\",\"kind\":\"respite_home\",\"provider\":\"kom\"},"
    "{\"id\":\"adult-counsel\",\"name\":\"AC\",\"kind\":\"counselling\",\"provider\":\"forening\","
    " \"target\":{\"relative_age\":{\"min\":18}}},"
    "{\"id\":\"kids-counsel\",\"name\":\"KC\",\"kind\":\"counselling\",\"provider\":\"forening\","
    " \"target\":{\"relative_age\":{\"max\":17}}},"
    "{\"id\":\"paused-course\",\"name\":\"PC\",\"kind\":\"course\",\"status\":\"paused\"}"
    "],"
    "\"policies\":[{\"id\":\"pol\",\"municipality\":306,\"title\":\"Pårørendepolitik\",\"adopted\":\"2025-06-01\","
    " \"goals\":["
    "  {\"id\":\"g-respite\",\"title\":\"Pusterum\",\"category\":\"respite_support\","
    "   \"target\":{\"relative_age\":{\"min\":18}},\"needs\":[\"respite\"]},"
    "  {\"id\":\"g-course\",\"title\":\"Kurser\",\"category\":\"access_information\",\"kinds\":[\"course\"]},"
    "  {\"id\":\"g-collab\",\"title\":\"Samarbejde\",\"category\":\"collaboration\"},"
    "  {\"id\":\"g-children\",\"title\":\"Børn\",\"category\":\"children_youth\","
    "   \"target\":{\"relative_age\":{\"max\":17}},\"needs\":[\"counselling\"]}"
    " ],"
    " \"action_plans\":[{\"title\":\"Handleplan 2026\",\"due\":\"2026-10-31\",\"adopted\":null}]}]}";

static void test_policy_coverage(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_policy);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    assert_string_equal(paroer_coverage_policy_id(cov), "pol");
    assert_int_equal(paroer_coverage_goal_count(cov), 4);
    assert_string_equal(paroer_coverage_goal_id(cov, 0), "g-respite");
    assert_int_equal(paroer_coverage_goal_organisational(cov, 0), 0);
    assert_int_equal(paroer_coverage_goal_realised_count(cov, 0), 1);
    assert_string_equal(paroer_coverage_goal_realised_by(cov, 0, 0), "r1");
    assert_null(paroer_coverage_goal_realised_by(cov, 0, 1));
    /* the only course is paused: unrealised */
    assert_int_equal(paroer_coverage_goal_realised_count(cov, 1), 0);
    assert_int_equal(paroer_coverage_goal_organisational(cov, 2), 1);
    assert_int_equal(paroer_coverage_goal_realised_count(cov, 2), 0);
    /* the children's goal: the adults' counselling does not overlap */
    assert_int_equal(paroer_coverage_goal_realised_count(cov, 3), 1);
    assert_string_equal(paroer_coverage_goal_realised_by(cov, 3, 0), "kids-counsel");
    assert_int_equal(paroer_coverage_goal_organisational(cov, 4), -1);
    assert_null(paroer_coverage_goal_id(cov, 4));

    char *js = tc_json(cov);
    assert_non_null(strstr(js, ",\"policy\":{\"goals\":[{\"id\":\"g-respite\",\"realised_by\":[\"r1\"]},"
                               "{\"id\":\"g-course\",\"realised_by\":[]},"
                               "{\"id\":\"g-children\",\"realised_by\":[\"kids-counsel\"]}],"
                               "\"unrealised\":[\"g-course\"],\"organisational\":[\"g-collab\"]},"));
    paroer_free(js);
    paroer_coverage_free(cov);

    /* another municipality has no policy */
    cov = tc_cov(c, 101, NULL, 0);
    assert_null(paroer_coverage_policy_id(cov));
    assert_int_equal(paroer_coverage_goal_count(cov), 0);
    js = tc_json(cov);
    assert_non_null(strstr(js, ",\"policy\":{\"goals\":[],\"unrealised\":[],\"organisational\":[]},"));
    paroer_free(js);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* ---- the checks ---------------------------------------------------------------------- */

/* Builds a catalog for 306 from offer objects and an optional policy object. */
static paroer_catalog *catalog_of(const char *offers, const char *policy)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, CAT_HEAD PROVIDERS "\"offers\":[%s],\"policies\":[%s]}", offers, policy ? policy : "");
    return tc_catalog(buf);
}

/* Status (and details) of one check. */
static int32_t check_of(const char *offers, const char *policy, const char *code, char *en, char *da)
{
    paroer_catalog *c = catalog_of(offers, policy);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    assert_int_equal(paroer_coverage_check_count(cov), 6);
    size_t i = tc_check(cov, code);
    int32_t st = paroer_coverage_check_status(cov, i);
    if (en) snprintf(en, 512, "%s", paroer_coverage_check_detail(cov, i, PAROER_LANG_EN));
    if (da) snprintf(da, 512, "%s", paroer_coverage_check_detail(cov, i, PAROER_LANG_DA));
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
    return st;
}

#define POLICY(extra)                                                                              \
    "{\"id\":\"pol\",\"municipality\":306,\"title\":\"Politik\",\"adopted\":\"2024-01-01\"" extra \
    ",\"goals\":[{\"id\":\"g1\",\"title\":\"G\",\"category\":\"recognition\"}]}"

static void test_checks_order_and_presence(void **state)
{
    (void)state;
    static const char *const codes[6] = {"respite_offered", "policy_present", "policy_current",
                                         "action_plan_due", "children_as_relatives", "counsellor_present"};
    paroer_catalog *c = catalog_of("", NULL);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    assert_int_equal(paroer_coverage_check_count(cov), 6);
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(paroer_coverage_check_code(cov, i), codes[i]);
        assert_non_null(paroer_coverage_check_detail(cov, i, PAROER_LANG_EN));
        assert_non_null(paroer_coverage_check_detail(cov, i, PAROER_LANG_DA));
    }
    assert_null(paroer_coverage_check_code(cov, 6));
    assert_int_equal(paroer_coverage_check_status(cov, 6), -1);
    assert_null(paroer_coverage_check_detail(cov, 0, 7));
    /* an empty catalog: every check but the advisory ones fails */
    assert_int_equal(paroer_coverage_check_status(cov, 0), PAROER_CHECK_FAIL);
    assert_int_equal(paroer_coverage_check_status(cov, 1), PAROER_CHECK_FAIL);
    assert_int_equal(paroer_coverage_check_status(cov, 2), PAROER_CHECK_FAIL);
    assert_int_equal(paroer_coverage_check_status(cov, 3), PAROER_CHECK_FAIL);
    assert_int_equal(paroer_coverage_check_status(cov, 4), PAROER_CHECK_WARN);
    assert_int_equal(paroer_coverage_check_status(cov, 5), PAROER_CHECK_WARN);
    assert_string_equal(paroer_check_status_code(PAROER_CHECK_PASS), "pass");
    assert_string_equal(paroer_check_status_code(PAROER_CHECK_WARN), "warn");
    assert_string_equal(paroer_check_status_code(PAROER_CHECK_FAIL), "fail");
    assert_null(paroer_check_status_code(3));
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

static void test_check_respite_offered(void **state)
{
    (void)state;
    char en[512], da[512];
    assert_int_equal(check_of("{\"id\":\"r1\",\"name\":\"R\",\"kind\":\"respite_home\"},"
                              "{\"id\":\"r2\",\"name\":\"R2\",\"kind\":\"respite_away\",\"status\":\"waitlist\"}",
                              NULL, "respite_offered", en, da),
                     PAROER_CHECK_PASS);
    assert_string_equal(en, "2 live respite offers (afløsning/aflastning), e.g. r1");
    assert_string_equal(da, "2 aktuelle tilbud om afløsning/aflastning, fx r1");
    assert_int_equal(check_of("{\"id\":\"r2\",\"name\":\"R2\",\"kind\":\"respite_away\",\"status\":\"waitlist\"}",
                              NULL, "respite_offered", en, NULL),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "afløsning/aflastning is offered only with a waiting list (r2)");
    assert_int_equal(check_of("{\"id\":\"br\",\"name\":\"B\",\"kind\":\"activity_break\"}", NULL, "respite_offered",
                              en, NULL),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "no afløsning or aflastning offer, respite only through br "
                            "(Ældreloven § 16 requires afløsning or aflastning)");
    assert_int_equal(check_of("{\"id\":\"r1\",\"name\":\"R\",\"kind\":\"respite_home\",\"status\":\"paused\"},"
                              "{\"id\":\"r3\",\"name\":\"R\",\"kind\":\"respite_home\",\"municipalities\":[101]},"
                              "{\"id\":\"c\",\"name\":\"C\",\"kind\":\"counselling\"}",
                              NULL, "respite_offered", en, da),
                     PAROER_CHECK_FAIL);
    assert_string_equal(en, "no live offer of afløsning or aflastning, as Ældreloven § 16 requires");
    assert_string_equal(da, "intet aktuelt tilbud om afløsning eller aflastning, som Ældreloven § 16 kræver");
    /* a nationwide respite offer counts */
    assert_int_equal(check_of("{\"id\":\"r3\",\"name\":\"R\",\"kind\":\"respite_home\",\"nationwide\":true,"
                              "\"municipalities\":[101]}",
                              NULL, "respite_offered", NULL, NULL),
                     PAROER_CHECK_PASS);
}

static void test_check_policy_present_and_current(void **state)
{
    (void)state;
    char en[512], da[512];
    assert_int_equal(check_of("", NULL, "policy_present", en, da), PAROER_CHECK_FAIL);
    assert_string_equal(en, "no relatives' policy for municipality 306");
    assert_string_equal(da, "ingen pårørendepolitik for kommune 306");
    assert_int_equal(check_of("", POLICY(""), "policy_present", en, NULL), PAROER_CHECK_PASS);
    assert_string_equal(en, "relatives' policy pol (Politik)");

    assert_int_equal(check_of("", NULL, "policy_current", en, NULL), PAROER_CHECK_FAIL);
    assert_string_equal(en, "no relatives' policy");
    assert_int_equal(check_of("", POLICY(""), "policy_current", en, NULL), PAROER_CHECK_PASS);
    assert_string_equal(en, "policy pol has no end date");
    assert_int_equal(check_of("", POLICY(",\"valid_to\":\"2026-04-16\""), "policy_current", en, NULL),
                     PAROER_CHECK_PASS);   /* 91 days ahead */
    assert_string_equal(en, "policy pol is valid until 2026-04-16");
    assert_int_equal(check_of("", POLICY(",\"valid_to\":\"2026-04-15\""), "policy_current", en, da),
                     PAROER_CHECK_WARN);   /* 90 days ahead */
    assert_string_equal(en, "policy pol expires on 2026-04-15 (in 90 days)");
    assert_string_equal(da, "pårørendepolitik pol udløber 2026-04-15 (om 90 dage)");
    assert_int_equal(check_of("", POLICY(",\"valid_to\":\"2026-01-15\""), "policy_current", NULL, NULL),
                     PAROER_CHECK_WARN);   /* its last day */
    assert_int_equal(check_of("", POLICY(",\"valid_to\":\"2026-01-14\""), "policy_current", en, da),
                     PAROER_CHECK_FAIL);
    assert_string_equal(en, "policy pol expired on 2026-01-14");
    assert_string_equal(da, "pårørendepolitik pol udløb 2026-01-14");
}

static void test_check_action_plan_due(void **state)
{
    (void)state;
    char en[512], da[512];
    assert_int_equal(check_of("", NULL, "action_plan_due", en, da), PAROER_CHECK_FAIL);
    assert_string_equal(en, "no relatives' policy, so no action plan");
    assert_int_equal(check_of("", POLICY(""), "action_plan_due", en, da), PAROER_CHECK_WARN);
    assert_string_equal(en, "policy pol has no action plans");
    assert_string_equal(da, "pårørendepolitik pol har ingen handleplaner");
    /* all adopted */
    assert_int_equal(
        check_of("", POLICY(",\"action_plans\":[{\"title\":\"A\",\"due\":\"2025-10-31\",\"adopted\":\"2025-10-01\"},"
                            "{\"title\":\"B\",\"due\":\"2026-10-31\",\"adopted\":\"2026-01-10\"}]"),
                 "action_plan_due", en, da),
        PAROER_CHECK_PASS);
    assert_string_equal(en, "all 2 action plans are adopted");
    assert_string_equal(da, "alle 2 handleplaner er vedtaget");
    /* due within 90 days (the earliest unadopted one decides) */
    assert_int_equal(
        check_of("", POLICY(",\"action_plans\":[{\"title\":\"Later\",\"due\":\"2026-12-31\"},"
                            "{\"title\":\"Soon\",\"due\":\"2026-03-01\"},"
                            "{\"title\":\"Done\",\"due\":\"2025-01-01\",\"adopted\":\"2024-12-01\"}]"),
                 "action_plan_due", en, da),
        PAROER_CHECK_WARN);
    assert_string_equal(en, "action plan \"Soon\" is due on 2026-03-01 (in 45 days)");
    assert_string_equal(da, "handleplan \"Soon\" skal vedtages senest 2026-03-01 (om 45 dage)");
    /* a title's control characters are escaped, its quotes kept (one escaping for every message) */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Late\\n\\u001b[2J \\\"x\\\"\",\"due\":\"2026-01-14\"}]"),
                              "action_plan_due", en, da),
                     PAROER_CHECK_FAIL);
    assert_string_equal(en, "action plan \"Late\\u000a\\u001b[2J \"x\"\" was due on 2026-01-14 and is not adopted");
    /* overdue */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Late\",\"due\":\"2026-01-14\"}]"),
                              "action_plan_due", en, da),
                     PAROER_CHECK_FAIL);
    assert_string_equal(en, "action plan \"Late\" was due on 2026-01-14 and is not adopted");
    assert_string_equal(da, "handleplan \"Late\" skulle være vedtaget 2026-01-14 og er det ikke");
    /* an untitled plan (the title is optional) is named by its due date, never by "" */
    static const struct { const char *plans; int status; const char *en, *da; } untitled[] = {
        {"[{\"due\":\"2026-01-14\"}]", PAROER_CHECK_FAIL, "the action plan due on 2026-01-14 is not adopted",
         "handleplanen med frist 2026-01-14 er ikke vedtaget"},
        {"[{\"title\":\"\",\"due\":\"2026-03-01\"}]", PAROER_CHECK_WARN,
         "the action plan due on 2026-03-01 is not adopted yet (in 45 days)",
         "handleplanen med frist 2026-03-01 er endnu ikke vedtaget (om 45 dage)"},
        {"[{\"due\":\"2026-10-31\"}]", PAROER_CHECK_PASS, "the next action plan is due on 2026-10-31",
         "næste handleplan har frist 2026-10-31"},
        {"[{}]", PAROER_CHECK_WARN, "an untitled action plan is not adopted and has no due date",
         "en handleplan uden titel er ikke vedtaget og har ingen frist"},
    };
    for (size_t i = 0; i < sizeof untitled / sizeof untitled[0]; i++) {
        char extra[128];
        snprintf(extra, sizeof extra, ",\"action_plans\":%s", untitled[i].plans);
        char doc[512];
        snprintf(doc, sizeof doc, POLICY("%s"), extra);
        assert_int_equal(check_of("", doc, "action_plan_due", en, da), untitled[i].status);
        assert_string_equal(en, untitled[i].en);
        assert_string_equal(da, untitled[i].da);
    }
    /* due today is not yet overdue */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Now\",\"due\":\"2026-01-15\"}]"),
                              "action_plan_due", NULL, NULL),
                     PAROER_CHECK_WARN);
    /* adopted only after the reference date: not adopted on it */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Late\",\"due\":\"2026-01-01\","
                                         "\"adopted\":\"2026-02-01\"}]"),
                              "action_plan_due", NULL, NULL),
                     PAROER_CHECK_FAIL);
    /* far ahead */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Next\",\"due\":\"2026-10-31\"}]"),
                              "action_plan_due", en, NULL),
                     PAROER_CHECK_PASS);
    assert_string_equal(en, "next action plan \"Next\" is due on 2026-10-31");
    /* not adopted and no due date */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Open\"}]"), "action_plan_due", en, NULL),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "action plan \"Open\" is not adopted and has no due date");
    /* a dated plan comes before an undated one */
    assert_int_equal(check_of("", POLICY(",\"action_plans\":[{\"title\":\"Open\"},"
                                         "{\"title\":\"Late\",\"due\":\"2025-06-01\"}]"),
                              "action_plan_due", NULL, NULL),
                     PAROER_CHECK_FAIL);
}

static void test_check_children_as_relatives(void **state)
{
    (void)state;
    char en[512], da[512];
    assert_int_equal(check_of("{\"id\":\"kids\",\"name\":\"K\",\"kind\":\"peer_group\","
                              "\"target\":{\"relative_age\":{\"min\":7,\"max\":17}}}",
                              NULL, "children_as_relatives", en, da),
                     PAROER_CHECK_PASS);
    assert_string_equal(en, "offer kids is for relatives aged 17 or younger");
    assert_string_equal(da, "tilbud kids er for pårørende på 17 år eller yngre");
    assert_int_equal(check_of("",
                              "{\"id\":\"pol\",\"municipality\":306,\"title\":\"P\",\"goals\":[{\"id\":\"gb\","
                              "\"title\":\"B\",\"category\":\"children_youth\",\"target\":{\"relative_age\":"
                              "{\"max\":12}}}]}",
                              "children_as_relatives", en, NULL),
                     PAROER_CHECK_PASS);
    assert_string_equal(en, "policy goal gb is for relatives aged 17 or younger");
    /* 18 is an adult; a paused children's offer does not count */
    assert_int_equal(check_of("{\"id\":\"a\",\"name\":\"A\",\"kind\":\"peer_group\","
                              "\"target\":{\"relative_age\":{\"max\":18}}},"
                              "{\"id\":\"kids\",\"name\":\"K\",\"kind\":\"peer_group\",\"status\":\"paused\","
                              "\"target\":{\"relative_age\":{\"max\":17}}}",
                              POLICY(""), "children_as_relatives", en, da),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "neither a live offer nor a policy goal is for relatives aged 17 or younger");
}

static void test_check_counsellor_present(void **state)
{
    (void)state;
    char en[512], da[512];
    assert_int_equal(check_of("{\"id\":\"v\",\"name\":\"V\",\"kind\":\"counselling\",\"provider\":\"kom\"}", NULL,
                              "counsellor_present", en, da),
                     PAROER_CHECK_PASS);
    assert_string_equal(en, "municipal counselling for relatives: v");
    assert_string_equal(da, "kommunal rådgivning af pårørende: v");
    assert_int_equal(check_of("{\"id\":\"f\",\"name\":\"F\",\"kind\":\"counselling\",\"provider\":\"forening\"},"
                              "{\"id\":\"v\",\"name\":\"V\",\"kind\":\"counselling\",\"provider\":\"kom\","
                              "\"status\":\"paused\"},"
                              "{\"id\":\"g\",\"name\":\"G\",\"kind\":\"peer_group\",\"provider\":\"kom\"}",
                              NULL, "counsellor_present", en, da),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "no municipal counselling offer (pårørendevejleder), only other providers' such as f");
    assert_int_equal(check_of("{\"id\":\"n\",\"name\":\"N\",\"kind\":\"counselling\"}", NULL, "counsellor_present",
                              en, NULL),
                     PAROER_CHECK_WARN);
    assert_string_equal(en, "no municipal counselling offer (pårørendevejleder), only other providers' such as n");
    assert_int_equal(check_of("", NULL, "counsellor_present", en, da), PAROER_CHECK_WARN);
    assert_string_equal(en, "no live counselling offer for relatives (pårørendevejleder)");
    assert_string_equal(da, "intet aktuelt rådgivningstilbud til pårørende (pårørendevejleder)");
}

/* ---- the JSON --------------------------------------------------------------------------- */

static void test_json(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_matrix);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    char *js = tc_json(cov);
    /* Shares at full precision (contract 5a): 6/3146 covered (cell, need)
     * pairs overall, 3/286 for information and counselling, 6/286 for
     * dementia, 6/363 for spouse_partner, 2/726 for each adult age band; and
     * those integer counts next to them, as the C API gives them. */
    size_t covered = 99, pairs = 99;
    assert_int_equal(paroer_coverage_share_counts(cov, -1, 0, &covered, &pairs), PAROER_OK);
    assert_int_equal(covered, 6);
    assert_int_equal(pairs, 3146);
    assert_int_equal(paroer_coverage_share_counts(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_SPOUSE_PARTNER, &covered,
                                                  &pairs), PAROER_OK);
    assert_int_equal(covered, 6);
    assert_int_equal(pairs, 363);
    assert_true(paroer_coverage_share(cov, PAROER_VOCAB_RELATION, PAROER_RELATION_SPOUSE_PARTNER) ==
                (double)covered / (double)pairs);
    assert_int_equal(paroer_coverage_share_counts(cov, PAROER_VOCAB_AGE_BAND, PAROER_AGE_BAND_CHILD, &covered, &pairs),
                     PAROER_OK);
    assert_int_equal(covered, 0);
    assert_int_equal(pairs, 484);
    assert_int_equal(paroer_coverage_share_counts(cov, PAROER_VOCAB_SLOT, 0, &covered, &pairs), PAROER_EINVALID);
    assert_int_equal(covered + pairs, 0);
    assert_int_equal(paroer_coverage_share_counts(cov, PAROER_VOCAB_NEED, 11, NULL, NULL),
                     PAROER_EINVALID);
    assert_int_equal(paroer_coverage_share_counts(NULL, -1, 0, &covered, &pairs), PAROER_EINVALID);
    const char *prefix =
        "{\"municipality\":306,\"date\":\"2026-01-15\",\"coverage\":{\"overall\":0.0019071837253655435,"
        "\"by_need\":{\"respite\":0,\"practical_help\":0,\"information\":0.01048951048951049,\"education\":0,\"peer_support\":0,"
        "\"counselling\":0.01048951048951049,\"own_health\":0,\"financial\":0,\"work_life\":0,\"network\":0,\"involvement\":0},"
        "\"by_condition\":{\"frailty\":0,\"dementia\":0.02097902097902098,\"physical_illness\":0,\"physical_disability\":0,"
        "\"cancer\":0,\"brain_injury\":0,\"mental_illness\":0,\"substance_abuse\":0,\"cognitive_disability\":0,"
        "\"neurodevelopmental\":0,\"social_problems\":0},"
        "\"by_relation\":{\"spouse_partner\":0.01652892561983471,\"son_daughter\":0,\"parent\":0,\"sibling\":0,"
        "\"other_family\":0,\"friend_neighbour\":0},"
        "\"by_age_band\":{\"child\":0,\"youth\":0,\"young_adult\":0.0027548209366391185,\"adult\":0.0027548209366391185,\"senior\":0.0027548209366391185}},"
        "\"counts\":{\"overall\":{\"covered\":6,\"cells\":3146},"
        "\"by_need\":{\"respite\":{\"covered\":0,\"cells\":286},\"practical_help\":{\"covered\":0,\"cells\":286},\"information\":{\"covered\":3,\"cells\":286},\"education\":{\"covered\":0,\"cells\":286},\"peer_support\":{\"covered\":0,\"cells\":286},\"counselling\":{\"covered\":3,\"cells\":286},\"own_health\":{\"covered\":0,\"cells\":286},\"financial\":{\"covered\":0,\"cells\":286},\"work_life\":{\"covered\":0,\"cells\":286},\"network\":{\"covered\":0,\"cells\":286},\"involvement\":{\"covered\":0,\"cells\":286}},"
        "\"by_condition\":{\"frailty\":{\"covered\":0,\"cells\":286},\"dementia\":{\"covered\":6,\"cells\":286},\"physical_illness\":{\"covered\":0,\"cells\":286},\"physical_disability\":{\"covered\":0,\"cells\":286},\"cancer\":{\"covered\":0,\"cells\":286},\"brain_injury\":{\"covered\":0,\"cells\":286},\"mental_illness\":{\"covered\":0,\"cells\":286},\"substance_abuse\":{\"covered\":0,\"cells\":286},\"cognitive_disability\":{\"covered\":0,\"cells\":286},\"neurodevelopmental\":{\"covered\":0,\"cells\":286},\"social_problems\":{\"covered\":0,\"cells\":286}},"
        "\"by_relation\":{\"spouse_partner\":{\"covered\":6,\"cells\":363},\"son_daughter\":{\"covered\":0,\"cells\":605},\"parent\":{\"covered\":0,\"cells\":363},\"sibling\":{\"covered\":0,\"cells\":605},\"other_family\":{\"covered\":0,\"cells\":605},\"friend_neighbour\":{\"covered\":0,\"cells\":605}},"
        "\"by_age_band\":{\"child\":{\"covered\":0,\"cells\":484},\"youth\":{\"covered\":0,\"cells\":484},\"young_adult\":{\"covered\":2,\"cells\":726},\"adult\":{\"covered\":2,\"cells\":726},\"senior\":{\"covered\":2,\"cells\":726}}},"
        "\"gaps\":[{\"age_band\":\"child\",\"relation\":\"son_daughter\",\"condition\":\"frailty\","
        "\"need\":\"respite\"},";
    assert_memory_equal(js, prefix, strlen(prefix));
    const char *tail =
        "{\"age_band\":\"senior\",\"relation\":\"friend_neighbour\",\"condition\":\"social_problems\","
        "\"need\":\"involvement\"}],"
        "\"bereavement\":[{\"need\":\"respite\",\"offers\":[]},{\"need\":\"practical_help\",\"offers\":[]},"
        "{\"need\":\"information\",\"offers\":[]},{\"need\":\"education\",\"offers\":[]},"
        "{\"need\":\"peer_support\",\"offers\":[\"f-bereaved\"]},{\"need\":\"counselling\",\"offers\":[]},"
        "{\"need\":\"own_health\",\"offers\":[]},{\"need\":\"financial\",\"offers\":[]},"
        "{\"need\":\"work_life\",\"offers\":[]},{\"need\":\"network\",\"offers\":[\"f-bereaved\"]},"
        "{\"need\":\"involvement\",\"offers\":[]}],"
        "\"policy\":{\"goals\":[],\"unrealised\":[],\"organisational\":[]},"
        "\"checks\":[{\"code\":\"respite_offered\",\"status\":\"fail\",\"detail\":\"no live offer of afløsning or "
        "aflastning, as Ældreloven § 16 requires\"},";
    assert_non_null(strstr(js, tail));
    assert_non_null(strstr(js, "{\"code\":\"counsellor_present\",\"status\":\"pass\",\"detail\":\"municipal "
                               "counselling for relatives: a-counsel\"}]}"));
    assert_null(strstr(js, "\"population\""));
    size_t len = strlen(js);
    assert_string_equal(js + len - 2, "]}");
    /* one gap object per gap */
    size_t gaps = 0;
    for (const char *p = js; (p = strstr(p, "{\"age_band\":")) != NULL; p++) gaps++;
    assert_int_equal(gaps, 3140);
    paroer_free(js);
    paroer_coverage_free(cov);

    /* Danish details on request */
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    o.date = TC_DATE;
    o.municipality = 306;
    o.lang = PAROER_LANG_DA;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_OK);
    js = tc_json(cov);
    assert_non_null(strstr(js, "\"detail\":\"kommunal rådgivning af pårørende: a-counsel\""));
    paroer_free(js);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* Ids with characters JSON must escape. */
static void test_json_escapes(void **state)
{
    (void)state;
    const char *json = CAT_HEAD "\"offers\":[{\"id\":\"q\\\"b\\\\s\\u0001\",\"name\":\"Q\",\"kind\":\"peer_group\","
                                "\"target\":{\"bereaved\":\"only\"}}]}";
    paroer_catalog *c = tc_catalog(json);
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    char *js = tc_json(cov);
    assert_non_null(strstr(js, "{\"need\":\"peer_support\",\"offers\":[\"q\\\"b\\\\s\\u0001\"]}"));
    paroer_free(js);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* ---- options ------------------------------------------------------------------------------ */

static void test_options(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_matrix);
    paroer_coverage_options o;
    paroer_coverage *cov = NULL;
    assert_int_equal(paroer_coverage_options_init(NULL, 1), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_options_init(&o, 0), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION + 1), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION), PAROER_OK);
    assert_int_equal(o.date, PAROER_DATE_NONE);
    assert_int_equal(o.municipality, -1);
    assert_null(o.population);
    assert_int_equal(o.min_cell, 5);
    assert_int_equal(o.lang, PAROER_LANG_EN);

    /* no municipality and no population: nothing to compute */
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_compute(&cov, c, NULL), PAROER_EINVALID);
    o.municipality = 0;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    o.municipality = 1000;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    o.municipality = 306;
    o.min_cell = 2;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    assert_null(cov);
    o.min_cell = 3;
    o.lang = 9;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    o.lang = PAROER_LANG_EN;
    o.version = 0;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    o.version = PAROER_COVERAGE_OPTIONS_VERSION;
    assert_int_equal(paroer_coverage_compute(&cov, NULL, &o), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_compute(NULL, c, &o), PAROER_EINVALID);

    /* the date defaults to today */
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_OK);
    assert_int_equal(paroer_coverage_date(cov), paroer_date_today());
    paroer_coverage_free(cov);

    /* NULL-safe accessors */
    assert_int_equal(paroer_coverage_to_json(NULL, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_gap_count(NULL), 0);
    assert_int_equal(paroer_coverage_check_count(NULL), 0);
    assert_true(paroer_coverage_overall(NULL) == 0.0);
    assert_int_equal(paroer_coverage_municipality(NULL), -1);
    paroer_coverage_free(NULL);
    paroer_catalog_free(c);
}

/* Every allocation fails in turn: ENOMEM, nothing leaked, then success. */
static void test_allocation_failures(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_policy);
    int ok = 0;
    for (long k = 0; k < 500 && !ok; k++) {
        tc_failing f = {k, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        paroer_coverage_options o;
        paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
        o.date = TC_DATE;
        o.municipality = 306;
        o.allocator = &a;
        paroer_coverage *cov = NULL;
        int rc = paroer_coverage_compute(&cov, c, &o);
        if (rc == PAROER_OK) {
            char *js = NULL;
            rc = paroer_coverage_to_json(cov, &js, NULL);
            if (rc == PAROER_OK) {
                ok = 1;
                a.free_fn(a.ctx, js);
            } else {
                assert_int_equal(rc, PAROER_ENOMEM);
                assert_null(js);
            }
            paroer_coverage_free(cov);
        } else {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(cov);
        }
        assert_int_equal(f.live, 0);
    }
    assert_true(ok);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matrix_by_hand),
        cmocka_unit_test(test_matrix_bands_and_bereaved_also),
        cmocka_unit_test(test_policy_coverage),
        cmocka_unit_test(test_checks_order_and_presence),
        cmocka_unit_test(test_check_respite_offered),
        cmocka_unit_test(test_check_policy_present_and_current),
        cmocka_unit_test(test_check_action_plan_due),
        cmocka_unit_test(test_check_children_as_relatives),
        cmocka_unit_test(test_check_counsellor_present),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
