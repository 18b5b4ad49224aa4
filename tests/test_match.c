/* Eligibility (contract section 4): each rule, each failure code, the order
 * of the rules, and the API around a result (options, counts, top N, codes). */
#include "test_match_util.h"

/* ---- rule 1: paused, rule 2: inactive ---- */

static void test_paused(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "paused", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
    tm_end(b);
    tm_offer(b, "paused-and-expired", PAROER_KIND_COURSE); /* paused is checked first */
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
    tm_int(b, PAROER_FIELD_VALID_TO, tm_date(2020, 1, 1));
    tm_end(b);
    tm_offer(b, "waitlist", PAROER_KIND_COURSE); /* waitlist is not paused */
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "paused"), "paused");
    assert_string_equal(TM_VERDICT(c, r, "paused-and-expired"), "paused");
    assert_string_equal(TM_VERDICT(c, r, "waitlist"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_valid_dates_inclusive(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "from-today", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VALID_FROM, TM_TODAY);
    tm_end(b);
    tm_offer(b, "from-tomorrow", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VALID_FROM, TM_TODAY + 1);
    tm_end(b);
    tm_offer(b, "to-today", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VALID_TO, TM_TODAY);
    tm_end(b);
    tm_offer(b, "to-yesterday", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VALID_TO, TM_TODAY - 1);
    tm_end(b);
    tm_offer(b, "one-day", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_VALID_FROM, TM_TODAY);
    tm_int(b, PAROER_FIELD_VALID_TO, TM_TODAY);
    tm_end(b);
    tm_plain(b, "open", PAROER_KIND_COURSE);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "from-today"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "from-tomorrow"), "inactive");
    assert_string_equal(TM_VERDICT(c, r, "to-today"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "to-yesterday"), "inactive");
    assert_string_equal(TM_VERDICT(c, r, "one-day"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "open"), "eligible");
    paroer_match_result *fast = tm_match(c, r, 0); /* explain off: the same four */
    assert_int_equal(paroer_match_result_count(fast), 4);
    assert_true(tm_rank_of(fast, "from-tomorrow") < 0);
    assert_true(tm_rank_of(fast, "to-yesterday") < 0);
    paroer_match_result_free(fast);
    /* The reference date decides: the day before, "one-day" is inactive. */
    paroer_match_options o = tm_opts(TM_TODAY - 1, 0, 1);
    paroer_match_result *res = NULL;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
    assert_string_equal(tm_excluded_code(res, "one-day"), "inactive");
    assert_string_equal(tm_excluded_code(res, "from-today"), "inactive");
    assert_true(tm_rank_of(res, "to-yesterday") >= 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* ---- rule 3: area ---- */

static void test_area(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "local", PAROER_KIND_COURSE);
    tm_offer(b, "elsewhere", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_MUNICIPALITIES, TM_OTHER_MUNI);
    tm_end(b);
    tm_offer(b, "both", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_MUNICIPALITIES, TM_OTHER_MUNI);
    tm_add(b, PAROER_FIELD_MUNICIPALITIES, TM_MUNI);
    tm_end(b);
    tm_offer(b, "national", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_NATIONWIDE, 1);
    tm_end(b);
    tm_offer(b, "elsewhere-and-expired", PAROER_KIND_COURSE); /* inactive comes before area */
    tm_add(b, PAROER_FIELD_MUNICIPALITIES, TM_OTHER_MUNI);
    tm_int(b, PAROER_FIELD_VALID_TO, tm_date(2020, 1, 1));
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "local"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "elsewhere"), "area");
    assert_string_equal(TM_VERDICT(c, r, "both"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "national"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "elsewhere-and-expired"), "inactive");
    /* Without explain the same offers are eligible, and no exclusions are listed. */
    paroer_match_result *res = tm_match(c, r, 0);
    assert_int_equal(paroer_match_result_count(res), 3);
    assert_int_equal(paroer_match_result_excluded_count(res), 0);
    assert_int_equal(paroer_match_result_outcome_count(res, PAROER_OUTCOME_EXCLUDED), 2);
    assert_true(tm_rank_of(res, "elsewhere") < 0);
    paroer_match_result_free(res);
    /* A relative of the other municipality. */
    paroer_relative *o = NULL;
    assert_int_equal(paroer_relative_new(&o, "r-2", 40, TM_OTHER_MUNI, NULL), PAROER_OK);
    tm_rel(o, PAROER_RELATION_SPOUSE_PARTNER);
    assert_string_equal(TM_VERDICT(c, o, "local"), "area");
    assert_string_equal(TM_VERDICT(c, o, "elsewhere"), "eligible");
    assert_string_equal(TM_VERDICT(c, o, "both"), "eligible");
    paroer_relative_free(o);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* ---- rule 4: relative_age ---- */

static void test_relative_age_bounds(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "youth", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 13);
    tm_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, 17);
    tm_end(b);
    tm_offer(b, "adults", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 18);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    static const struct { int age; const char *youth, *adults; } cases[] = {
        {12, "relative_age", "relative_age"}, {13, "eligible", "relative_age"},
        {17, "eligible", "relative_age"}, {18, "relative_age", "eligible"}, {99, "relative_age", "eligible"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        paroer_relative *r = tm_relative("r", cases[k].age);
        tm_rel(r, PAROER_RELATION_SIBLING);
        assert_string_equal(TM_VERDICT(c, r, "youth"), cases[k].youth);
        assert_string_equal(TM_VERDICT(c, r, "adults"), cases[k].adults);
        paroer_relative_free(r);
    }
    paroer_catalog_free(c);
}

/* ---- rule 5: relation and its parts ---- */

static paroer_catalog *relation_catalog(void)
{
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "spouses", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_end(b);
    tm_offer(b, "dementia", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_end(b);
    tm_offer(b, "spouses-cancer", PAROER_KIND_PEER_GROUP);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_CANCER);
    tm_end(b);
    tm_offer(b, "children-of-young", PAROER_KIND_PEER_GROUP); /* cared-for 0..64 */
    tm_int(b, PAROER_FIELD_CARED_FOR_AGE_MAX, 64);
    tm_end(b);
    tm_offer(b, "cared-65-plus", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, 65);
    tm_end(b);
    tm_offer(b, "terminal", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_end(b);
    tm_offer(b, "cohabiting-terminal", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_end(b);
    tm_offer(b, "at-home", PAROER_KIND_RESPITE_HOME);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_CARED_AT_HOME);
    tm_end(b);
    tm_offer(b, "employed", PAROER_KIND_LEAVE);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_EMPLOYED);
    tm_end(b);
    tm_offer(b, "bereaved-only", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY);
    tm_end(b);
    tm_offer(b, "bereaved-also", PAROER_KIND_PEER_GROUP);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO);
    tm_end(b);
    tm_plain(b, "bereaved-no", PAROER_KIND_PEER_GROUP); /* the default */
    return tm_finish(b);
}

static void test_relation_part(void **state)
{
    (void)state;
    paroer_catalog *c = relation_catalog();
    paroer_relative *son = tm_son();
    assert_string_equal(TM_VERDICT(c, son, "spouses"), "relation");
    assert_string_equal(TM_VERDICT(c, son, "dementia"), "eligible");
    assert_string_equal(TM_VERDICT(c, son, "spouses-cancer"), "relation"); /* relation is checked first */
    paroer_relative *spouse = tm_relative("r-s", 70);
    size_t i = tm_rel(spouse, PAROER_RELATION_SPOUSE_PARTNER);
    tm_cond(spouse, i, PAROER_CONDITION_DEMENTIA);
    assert_string_equal(TM_VERDICT(c, spouse, "spouses"), "eligible");
    assert_string_equal(TM_VERDICT(c, spouse, "spouses-cancer"), "condition");
    tm_cond(spouse, i, PAROER_CONDITION_CANCER); /* one shared condition is enough */
    assert_string_equal(TM_VERDICT(c, spouse, "spouses-cancer"), "eligible");
    paroer_relative_free(spouse);
    paroer_relative_free(son);
    paroer_catalog_free(c);
}

static void test_condition_part(void **state)
{
    (void)state;
    paroer_catalog *c = relation_catalog();
    paroer_relative *r = tm_relative("r", 50);
    size_t i = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);
    assert_string_equal(TM_VERDICT(c, r, "dementia"), "condition"); /* no condition at all */
    tm_cond(r, i, PAROER_CONDITION_FRAILTY);
    assert_string_equal(TM_VERDICT(c, r, "dementia"), "condition");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-no"), "eligible"); /* no conditions in target: any */
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_cared_for_age_part(void **state)
{
    (void)state;
    paroer_catalog *c = relation_catalog();
    paroer_relative *r = tm_relative("r", 50);
    size_t i = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);
    /* Unknown cared-for age passes both. */
    assert_string_equal(TM_VERDICT(c, r, "children-of-young"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "cared-65-plus"), "eligible");
    tm_cfa(r, i, 64);
    assert_string_equal(TM_VERDICT(c, r, "children-of-young"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "cared-65-plus"), "cared_for_age");
    tm_cfa(r, i, 65);
    assert_string_equal(TM_VERDICT(c, r, "children-of-young"), "cared_for_age");
    assert_string_equal(TM_VERDICT(c, r, "cared-65-plus"), "eligible");
    tm_cfa(r, i, -1); /* back to unknown */
    assert_string_equal(TM_VERDICT(c, r, "children-of-young"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_requires_part(void **state)
{
    (void)state;
    paroer_catalog *c = relation_catalog();
    paroer_relative *r = tm_relative("r", 50);
    size_t i = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    assert_string_equal(TM_VERDICT(c, r, "terminal"), "requires:terminal");
    assert_string_equal(TM_VERDICT(c, r, "at-home"), "requires:cared_at_home");
    assert_string_equal(TM_VERDICT(c, r, "employed"), "requires:employed");
    /* Flags are checked in code order: cohabiting before terminal. */
    assert_string_equal(TM_VERDICT(c, r, "cohabiting-terminal"), "requires:cohabiting");
    tm_flag(r, i, PAROER_FLAG_COHABITING);
    assert_string_equal(TM_VERDICT(c, r, "cohabiting-terminal"), "requires:terminal");
    tm_flag(r, i, PAROER_FLAG_TERMINAL);
    assert_string_equal(TM_VERDICT(c, r, "cohabiting-terminal"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "terminal"), "eligible");
    tm_flag(r, i, PAROER_FLAG_CARED_AT_HOME);
    assert_string_equal(TM_VERDICT(c, r, "at-home"), "eligible");
    /* employed belongs to the relative, not to the relation */
    assert_int_equal(paroer_relative_set_employed(r, 1), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "employed"), "eligible");
    /* The flag accessor and rule enum agree with the code. */
    assert_int_equal(paroer_relative_set_employed(r, 0), PAROER_OK);
    paroer_match_result *res = tm_match(c, r, 1);
    int seen = 0;
    for (size_t k = 0; k < paroer_match_result_excluded_count(res); k++) {
        if (strcmp(paroer_offer_id(paroer_match_result_excluded_offer(res, k)), "employed") == 0) {
            assert_int_equal(paroer_match_result_excluded_rule(res, k), PAROER_RULE_REQUIRES);
            assert_int_equal(paroer_match_result_excluded_flag(res, k), PAROER_FLAG_EMPLOYED);
            seen = 1;
        } else {
            assert_int_equal(paroer_match_result_excluded_flag(res, k), -1);
        }
    }
    assert_true(seen);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_bereaved_part(void **state)
{
    (void)state;
    paroer_catalog *c = relation_catalog();
    paroer_relative *r = tm_relative("r", 50);
    size_t i = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);
    assert_string_equal(TM_VERDICT(c, r, "bereaved-only"), "bereaved");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-also"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-no"), "eligible");
    tm_flag(r, i, PAROER_FLAG_BEREAVED);
    assert_string_equal(TM_VERDICT(c, r, "bereaved-only"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-also"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-no"), "bereaved");
    /* A relative with a bereaved and a living relation passes all three. */
    size_t j = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);
    (void)j;
    assert_string_equal(TM_VERDICT(c, r, "bereaved-only"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "bereaved-no"), "eligible");
    paroer_match_result *res = tm_match(c, r, 0);
    long k = tm_rank_of(res, "bereaved-no");
    assert_true(k >= 0);
    assert_int_equal(paroer_match_result_relation(res, (size_t)k), 1);
    k = tm_rank_of(res, "bereaved-only");
    assert_int_equal(paroer_match_result_relation(res, (size_t)k), 0);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* The failure code is the part where the relation that got furthest failed. */
static void test_several_relations_furthest(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "spouse-dementia-65-terminal-only", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SPOUSE_PARTNER);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SON_DAUGHTER);
    tm_add(b, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA);
    tm_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, 65);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_COHABITING);
    tm_add(b, PAROER_FIELD_REQUIRES, PAROER_FLAG_TERMINAL);
    tm_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    const char *id = "spouse-dementia-65-terminal-only";

    paroer_relative *r = tm_relative("r", 60);
    tm_rel(r, PAROER_RELATION_FRIEND_NEIGHBOUR);                 /* fails relation */
    assert_string_equal(TM_VERDICT(c, r, id), "relation");
    size_t s = tm_rel(r, PAROER_RELATION_SIBLING);               /* fails relation too */
    (void)s;
    assert_string_equal(TM_VERDICT(c, r, id), "relation");
    size_t a = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);          /* gets to condition */
    tm_cond(r, a, PAROER_CONDITION_CANCER);
    assert_string_equal(TM_VERDICT(c, r, id), "condition");
    size_t d = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);        /* gets to cared_for_age */
    tm_cond(r, d, PAROER_CONDITION_DEMENTIA);
    tm_cfa(r, d, 60);
    assert_string_equal(TM_VERDICT(c, r, id), "cared_for_age");
    size_t e = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);          /* gets to requires:cohabiting */
    tm_cond(r, e, PAROER_CONDITION_DEMENTIA);                    /* cared-for age unknown: passes */
    assert_string_equal(TM_VERDICT(c, r, id), "requires:cohabiting");
    tm_flag(r, e, PAROER_FLAG_COHABITING);                       /* now gets to requires:terminal */
    assert_string_equal(TM_VERDICT(c, r, id), "requires:terminal");
    tm_flag(r, e, PAROER_FLAG_TERMINAL);                         /* now gets to bereaved */
    assert_string_equal(TM_VERDICT(c, r, id), "bereaved");
    tm_flag(r, e, PAROER_FLAG_BEREAVED);
    assert_string_equal(TM_VERDICT(c, r, id), "eligible");
    paroer_match_result *res = tm_match(c, r, 0);
    assert_int_equal(paroer_match_result_count(res), 1);
    assert_int_equal(paroer_match_result_relation(res, 0), (int32_t)e);
    paroer_match_result_free(res);
    paroer_relative_free(r);

    /* The order in which relations are given does not matter. */
    r = tm_relative("r", 60);
    size_t x = tm_rel(r, PAROER_RELATION_SPOUSE_PARTNER);        /* furthest: cared_for_age */
    tm_cond(r, x, PAROER_CONDITION_DEMENTIA);
    tm_cfa(r, x, 30);
    size_t y = tm_rel(r, PAROER_RELATION_SON_DAUGHTER);          /* condition */
    tm_cond(r, y, PAROER_CONDITION_FRAILTY);
    tm_rel(r, PAROER_RELATION_PARENT);                            /* relation */
    assert_string_equal(TM_VERDICT(c, r, id), "cared_for_age");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* A relative without relations (possible through the API) fails rule 5 as `relation`. */
static void test_no_relations(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "any", PAROER_KIND_INFORMATION);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_relative("r", 50);
    assert_string_equal(TM_VERDICT(c, r, "any"), "relation");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* ---- rules 6-9 ---- */

static void test_mode(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "default-in-person", PAROER_KIND_COUNSELLING);
    tm_offer(b, "phone-online", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_MODES, PAROER_MODE_PHONE);
    tm_add(b, PAROER_FIELD_MODES, PAROER_MODE_ONLINE);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "default-in-person"), "eligible"); /* no modes given: any */
    assert_string_equal(TM_VERDICT(c, r, "phone-online"), "eligible");
    assert_int_equal(paroer_relative_add_mode(r, PAROER_MODE_ONLINE), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "default-in-person"), "mode");
    assert_string_equal(TM_VERDICT(c, r, "phone-online"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_slot(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "flexible", PAROER_KIND_COUNSELLING);
    tm_offer(b, "daytime", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_SLOTS, PAROER_SLOT_WEEKDAY_DAY);
    tm_end(b);
    tm_offer(b, "evening-weekend", PAROER_KIND_COUNSELLING);
    tm_add(b, PAROER_FIELD_SLOTS, PAROER_SLOT_WEEKDAY_EVENING);
    tm_add(b, PAROER_FIELD_SLOTS, PAROER_SLOT_WEEKEND);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "daytime"), "eligible"); /* relative gives no slots */
    assert_int_equal(paroer_relative_add_slot(r, PAROER_SLOT_WEEKEND), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "flexible"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "daytime"), "slot");
    assert_string_equal(TM_VERDICT(c, r, "evening-weekend"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_language(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "danish", PAROER_KIND_COURSE);
    tm_offer(b, "english", PAROER_KIND_COURSE);
    tm_text(b, PAROER_FIELD_LANGUAGES, "en");
    tm_end(b);
    tm_offer(b, "arabic-danish", PAROER_KIND_COURSE);
    tm_text(b, PAROER_FIELD_LANGUAGES, "ar");
    tm_text(b, PAROER_FIELD_LANGUAGES, "da");
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son(); /* speaks "da" by default */
    assert_string_equal(TM_VERDICT(c, r, "danish"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "english"), "language");
    assert_string_equal(TM_VERDICT(c, r, "arabic-danish"), "eligible");
    paroer_relative_free(r);
    r = tm_son();
    assert_int_equal(paroer_relative_add_language(r, "ar"), PAROER_OK); /* no longer the default "da" */
    assert_string_equal(TM_VERDICT(c, r, "danish"), "language");
    assert_string_equal(TM_VERDICT(c, r, "english"), "language");
    assert_string_equal(TM_VERDICT(c, r, "arabic-danish"), "eligible"); /* second language of the offer */
    assert_int_equal(paroer_relative_add_language(r, "uk"), PAROER_OK); /* unknown to the catalog */
    assert_int_equal(paroer_relative_add_language(r, "en"), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "english"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_many_languages(void **state)
{
    /* More than 64 interned languages: ids beyond the fast mask still match. */
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    char code[16], id[24];
    for (int k = 0; k < 80; k++) {
        snprintf(code, sizeof code, "x%02d", k);
        snprintf(id, sizeof id, "lang-%02d", k);
        tm_offer(b, id, PAROER_KIND_COURSE);
        tm_text(b, PAROER_FIELD_LANGUAGES, code);
        tm_end(b);
    }
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_int_equal(paroer_relative_add_language(r, "x75"), PAROER_OK);
    assert_int_equal(paroer_relative_add_language(r, "x03"), PAROER_OK);
    paroer_match_result *res = tm_match(c, r, 1);
    assert_int_equal(paroer_match_result_count(res), 2);
    assert_true(tm_rank_of(res, "lang-75") >= 0);
    assert_true(tm_rank_of(res, "lang-03") >= 0);
    assert_string_equal(tm_excluded_code(res, "lang-74"), "language");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_need(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "course", PAROER_KIND_COURSE); /* education, information by default */
    tm_offer(b, "course-with-network", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_NEEDS, PAROER_NEED_NETWORK); /* given needs replace the kind's */
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "course"), "eligible"); /* no needs stated */
    tm_need(r, PAROER_NEED_RESPITE);
    assert_string_equal(TM_VERDICT(c, r, "course"), "need");
    tm_need(r, PAROER_NEED_INFORMATION);
    assert_string_equal(TM_VERDICT(c, r, "course"), "eligible");
    assert_string_equal(TM_VERDICT(c, r, "course-with-network"), "need");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* An offer that fails every rule from 4 on reports each one as the earlier ones are fixed. */
static void test_rule_order(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_offer(b, "picky", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, 30);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_PARENT);
    tm_add(b, PAROER_FIELD_MODES, PAROER_MODE_ONLINE);
    tm_add(b, PAROER_FIELD_SLOTS, PAROER_SLOT_WEEKEND);
    tm_text(b, PAROER_FIELD_LANGUAGES, "en");
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_relative("r", 20);
    size_t i = tm_rel(r, PAROER_RELATION_SIBLING);
    (void)i;
    assert_int_equal(paroer_relative_add_mode(r, PAROER_MODE_HOME), PAROER_OK);
    assert_int_equal(paroer_relative_add_slot(r, PAROER_SLOT_WEEKDAY_DAY), PAROER_OK);
    tm_need(r, PAROER_NEED_RESPITE);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "relative_age");
    paroer_relative_free(r);
    r = tm_relative("r", 40);
    tm_rel(r, PAROER_RELATION_SIBLING);
    assert_int_equal(paroer_relative_add_mode(r, PAROER_MODE_HOME), PAROER_OK);
    assert_int_equal(paroer_relative_add_slot(r, PAROER_SLOT_WEEKDAY_DAY), PAROER_OK);
    tm_need(r, PAROER_NEED_RESPITE);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "relation");
    tm_rel(r, PAROER_RELATION_PARENT);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "mode");
    assert_int_equal(paroer_relative_add_mode(r, PAROER_MODE_ONLINE), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "slot");
    assert_int_equal(paroer_relative_add_slot(r, PAROER_SLOT_WEEKEND), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "language");
    assert_int_equal(paroer_relative_add_language(r, "en"), PAROER_OK);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "need");
    tm_need(r, PAROER_NEED_EDUCATION);
    assert_string_equal(TM_VERDICT(c, r, "picky"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* ---- the result object ---- */

static void test_excluded_in_catalog_order_and_counts(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "e1", PAROER_KIND_COURSE);
    tm_offer(b, "x1", PAROER_KIND_COURSE);
    tm_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED);
    tm_end(b);
    tm_plain(b, "e2", PAROER_KIND_INFORMATION);
    tm_offer(b, "x2", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_MUNICIPALITIES, TM_OTHER_MUNI);
    tm_end(b);
    tm_offer(b, "x3", PAROER_KIND_COURSE);
    tm_add(b, PAROER_FIELD_RELATIONS, PAROER_RELATION_SIBLING);
    tm_end(b);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = tm_match(c, r, 1);
    assert_true(paroer_match_result_explained(res));
    assert_int_equal(paroer_match_result_count(res), 2);
    assert_int_equal(paroer_match_result_excluded_count(res), 3);
    assert_string_equal(paroer_offer_id(paroer_match_result_excluded_offer(res, 0)), "x1");
    assert_string_equal(paroer_offer_id(paroer_match_result_excluded_offer(res, 1)), "x2");
    assert_string_equal(paroer_offer_id(paroer_match_result_excluded_offer(res, 2)), "x3");
    assert_int_equal(paroer_match_result_excluded_rule(res, 0), PAROER_RULE_PAUSED);
    assert_int_equal(paroer_match_result_excluded_rule(res, 1), PAROER_RULE_AREA);
    assert_int_equal(paroer_match_result_excluded_rule(res, 2), PAROER_RULE_RELATION);
    assert_int_equal(paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE), 2);
    assert_int_equal(paroer_match_result_outcome_count(res, PAROER_OUTCOME_EXCLUDED), 3);
    assert_int_equal(paroer_match_result_outcome_count(res, PAROER_OUTCOME_POSSIBLE), 0);
    assert_int_equal(paroer_match_result_outcome_count(res, 77), 0);
    for (size_t i = 0; i < paroer_match_result_count(res); i++)
        assert_int_equal(paroer_match_result_outcome(res, i), PAROER_OUTCOME_ELIGIBLE);
    /* out of range */
    assert_null(paroer_match_result_offer(res, 2));
    assert_int_equal(paroer_match_result_outcome(res, 2), -1);
    assert_int_equal(paroer_match_result_score(res, 2), INT32_MIN);
    assert_int_equal(paroer_match_result_relation(res, 2), -1);
    assert_int_equal(paroer_match_result_reason_count(res, 2), 0);
    assert_null(paroer_match_result_reason(res, 0, 99));
    assert_null(paroer_match_result_excluded_offer(res, 3));
    assert_int_equal(paroer_match_result_excluded_rule(res, 3), -1);
    assert_null(paroer_match_result_excluded_code(res, 3));
    assert_ptr_equal(paroer_match_result_catalog(res), c);
    assert_string_equal(paroer_match_result_relative_id(res), "r-1");
    assert_int_equal(paroer_match_result_date(res), TM_TODAY);
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_top_n(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    const char *ids[] = {"o-e", "o-c", "o-a", "o-d", "o-b"};
    for (size_t k = 0; k < 5; k++) tm_plain(b, ids[k], PAROER_KIND_INFORMATION);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    for (uint32_t top = 0; top <= 6; top++) {
        paroer_match_options o = tm_opts(TM_TODAY, top, 0);
        paroer_match_result *res = NULL;
        assert_int_equal(paroer_match(&res, c, r, &o), PAROER_OK);
        size_t want = top == 0 || top > 5 ? 5 : top;
        assert_int_equal(paroer_match_result_count(res), want);
        assert_int_equal(paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE), 5);
        static const char *sorted[] = {"o-a", "o-b", "o-c", "o-d", "o-e"}; /* equal scores: by id */
        for (size_t i = 0; i < want; i++)
            assert_string_equal(paroer_offer_id(paroer_match_result_offer(res, i)), sorted[i]);
        paroer_match_result_free(res);
    }
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_options(void **state)
{
    (void)state;
    paroer_match_options o;
    assert_int_equal(paroer_match_options_init(NULL, 1), PAROER_EINVALID);
    assert_int_equal(paroer_match_options_init(&o, 0), PAROER_EINVALID);
    assert_int_equal(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION + 1), PAROER_EINVALID);
    memset(&o, 0x5a, sizeof o);
    assert_int_equal(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION), PAROER_OK);
    assert_int_equal(o.version, PAROER_MATCH_OPTIONS_VERSION);
    assert_int_equal(o.date, PAROER_DATE_NONE);
    assert_int_equal(o.top, 0);
    assert_int_equal(o.explain, 0);
    assert_null(o.allocator);

    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "a", PAROER_KIND_COURSE);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = (paroer_match_result *)1;
    /* NULL options: today, everything, no explanations. */
    int32_t before = paroer_date_today();
    assert_int_equal(paroer_match(&res, c, r, NULL), PAROER_OK);
    int32_t d = paroer_match_result_date(res);
    assert_true(d == before || d == paroer_date_today());
    assert_false(paroer_match_result_explained(res));
    assert_int_equal(paroer_match_result_count(res), 1);
    paroer_match_result_free(res);
    /* A bad version or date is refused, and *out is NULL. */
    o.version = 99;
    res = (paroer_match_result *)1;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_EINVALID);
    assert_null(res);
    o = tm_opts(INT32_MAX, 0, 0);
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_EINVALID);
    assert_int_equal(paroer_error_last()->code, PAROER_EINVALID);
    paroer_allocator half = {NULL, NULL, NULL, NULL};
    o = tm_opts(TM_TODAY, 0, 0);
    o.allocator = &half;
    assert_int_equal(paroer_match(&res, c, r, &o), PAROER_EINVALID);
    /* NULL arguments */
    assert_int_equal(paroer_match(NULL, c, r, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_match(&res, NULL, r, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_match(&res, c, NULL, NULL), PAROER_EINVALID);
    paroer_match_result_free(NULL);
    /* accessors on NULL */
    assert_int_equal(paroer_match_result_count(NULL), 0);
    assert_string_equal(paroer_match_result_relative_id(NULL), "");
    assert_int_equal(paroer_match_result_excluded_count(NULL), 0);
    assert_int_equal(paroer_match_result_outcome_count(NULL, 0), 0);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

static void test_codes(void **state)
{
    (void)state;
    static const struct { int32_t rule, flag; const char *code; } cases[] = {
        {PAROER_RULE_PAUSED, -1, "paused"}, {PAROER_RULE_INACTIVE, -1, "inactive"},
        {PAROER_RULE_AREA, -1, "area"}, {PAROER_RULE_RELATIVE_AGE, -1, "relative_age"},
        {PAROER_RULE_RELATION, -1, "relation"}, {PAROER_RULE_CONDITION, -1, "condition"},
        {PAROER_RULE_CARED_FOR_AGE, -1, "cared_for_age"},
        {PAROER_RULE_REQUIRES, PAROER_FLAG_COHABITING, "requires:cohabiting"},
        {PAROER_RULE_REQUIRES, PAROER_FLAG_CARED_AT_HOME, "requires:cared_at_home"},
        {PAROER_RULE_REQUIRES, PAROER_FLAG_TERMINAL, "requires:terminal"},
        {PAROER_RULE_REQUIRES, PAROER_FLAG_EMPLOYED, "requires:employed"},
        {PAROER_RULE_BEREAVED, -1, "bereaved"}, {PAROER_RULE_MODE, -1, "mode"},
        {PAROER_RULE_SLOT, -1, "slot"}, {PAROER_RULE_LANGUAGE, -1, "language"},
        {PAROER_RULE_NEED, -1, "need"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        assert_string_equal(paroer_match_rule_code(cases[k].rule, cases[k].flag), cases[k].code);
    assert_null(paroer_match_rule_code(PAROER_RULE_NONE, -1));
    assert_null(paroer_match_rule_code(14, -1));
    assert_null(paroer_match_rule_code(PAROER_RULE_REQUIRES, PAROER_FLAG_BEREAVED));
    assert_null(paroer_match_rule_code(PAROER_RULE_REQUIRES, 5));
    assert_string_equal(paroer_match_outcome_code(PAROER_OUTCOME_ELIGIBLE), "eligible");
    assert_string_equal(paroer_match_outcome_code(PAROER_OUTCOME_EXCLUDED), "excluded");
    assert_string_equal(paroer_match_outcome_code(PAROER_OUTCOME_POSSIBLE), "possible");
    assert_null(paroer_match_outcome_code(3));
    /* The rule values follow the contract's order. */
    assert_int_equal(PAROER_RULE_PAUSED, 1);
    assert_int_equal(PAROER_RULE_NEED, 13);
}

/* The relative may be freed after matching: the result keeps its own copy of the id. */
static void test_result_outlives_relative(void **state)
{
    (void)state;
    paroer_catalog_builder *b = tm_builder();
    tm_plain(b, "a", PAROER_KIND_COURSE);
    paroer_catalog *c = tm_finish(b);
    paroer_relative *r = tm_son();
    paroer_match_result *res = tm_match(c, r, 0);
    paroer_relative_free(r);
    assert_string_equal(paroer_match_result_relative_id(res), "r-1");
    assert_int_equal(paroer_match_result_count(res), 1);
    paroer_match_result_free(res);
    /* and a relative without an id */
    assert_int_equal(paroer_relative_new(&r, NULL, 50, TM_MUNI, NULL), PAROER_OK);
    tm_rel(r, PAROER_RELATION_SIBLING);
    res = tm_match(c, r, 0);
    assert_string_equal(paroer_match_result_relative_id(res), "");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

/* The statutory respite of Ældreloven § 16 from a JSON catalog, end to end. */
static void test_json_catalog(void **state)
{
    (void)state;
    static const char doc[] =
        "{\"format\": \"paroer-catalog\", \"version\": 1, \"municipality\": 306,"
        " \"offers\": ["
        "  {\"id\": \"ods-afloesning\", \"name\": \"Afløsning\", \"kind\": \"respite_home\","
        "   \"target\": {\"relations\": [\"spouse_partner\"], \"requires\": [\"cared_at_home\"]}},"
        "  {\"id\": \"ods-demenscafe\", \"name\": \"Demenscafé\", \"kind\": \"cafe_network\","
        "   \"target\": {\"conditions\": [\"dementia\"]}, \"valid_from\": \"2025-01-01\"}"
        " ]}";
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_buffer(&c, doc, sizeof doc - 1, "doc", NULL), PAROER_OK);
    paroer_relative *r = tm_son();
    assert_string_equal(TM_VERDICT(c, r, "ods-afloesning"), "relation");
    assert_string_equal(TM_VERDICT(c, r, "ods-demenscafe"), "eligible");
    paroer_relative_free(r);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paused),
        cmocka_unit_test(test_valid_dates_inclusive),
        cmocka_unit_test(test_area),
        cmocka_unit_test(test_relative_age_bounds),
        cmocka_unit_test(test_relation_part),
        cmocka_unit_test(test_condition_part),
        cmocka_unit_test(test_cared_for_age_part),
        cmocka_unit_test(test_requires_part),
        cmocka_unit_test(test_bereaved_part),
        cmocka_unit_test(test_several_relations_furthest),
        cmocka_unit_test(test_no_relations),
        cmocka_unit_test(test_mode),
        cmocka_unit_test(test_slot),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_many_languages),
        cmocka_unit_test(test_need),
        cmocka_unit_test(test_rule_order),
        cmocka_unit_test(test_excluded_in_catalog_order_and_counts),
        cmocka_unit_test(test_top_n),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_result_outlives_relative),
        cmocka_unit_test(test_json_catalog),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
