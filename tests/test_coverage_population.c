/* Population reach (contract section 5; docs/coverage.md): reach and needs
 * met counted by hand, the breakdowns and their suppression, the unmet
 * pairs, national reach, the strain-first allocation, the JSON, and a
 * cross-check of the fast eligibility path against paroer_match's engine on
 * random catalogs and populations. */
#include "test_coverage_util.h"
#include "coverage_impl.h"
#include "match_internal.h"

#define CAT_HEAD "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,"

/* ---- reach by hand ----------------------------------------------------------------- */

static const char *const cat_reach = CAT_HEAD
    "\"offers\":["
    "{\"id\":\"resp\",\"name\":\"R\",\"kind\":\"respite_home\",\"target\":{\"relative_age\":{\"min\":18}}},"
    "{\"id\":\"cafe\",\"name\":\"C\",\"kind\":\"cafe_network\",\"target\":{\"conditions\":[\"dementia\"]}},"
    "{\"id\":\"young\",\"name\":\"Y\",\"kind\":\"counselling\",\"target\":{\"relative_age\":{\"max\":17}}},"
    "{\"id\":\"natl\",\"name\":\"N\",\"kind\":\"information\",\"nationwide\":true,"
    " \"target\":{\"relations\":[\"son_daughter\"]}},"
    "{\"id\":\"e101\",\"name\":\"E\",\"kind\":\"course\",\"municipalities\":[101]}"
    "]}";

/* Who is reached and met is written beside each relative (see the offers above). */
static const char *const pop_reach = TC_HEADER
    "a1,50,306,0,son_daughter,dementia,80,5,0,1,0,0,respite;network,,\n"        /* resp, cafe: met */
    "a2,70,306,0,spouse_partner,dementia,72,5,0,1,0,0,respite;education,,\n"    /* resp: not met */
    "a3,40,306,0,parent,cancer,10,5,0,1,0,0,,,\n"                               /* resp: met (no needs) */
    "a4,15,306,0,sibling,mental_illness,20,5,0,1,0,0,counselling,,\n"           /* young: met */
    "a5,16,306,0,son_daughter,cancer,45,5,0,1,0,0,peer_support,,\n"             /* none */
    "a6,30,306,0,friend_neighbour,dementia,80,5,0,1,0,0,education,,\n"          /* none */
    "a7,55,306,0,son_daughter,dementia,85,5,0,1,0,0,information;respite,,\n"    /* resp, natl: met */
    "a8,60,306,0,spouse_partner,dementia;frailty,62,5,0,1,0,0,education,,\n"    /* none */
    "a9,45,306,0,son_daughter,dementia,75,5,0,1,0,0,education;respite,,\n"      /* resp: not met */
    "a9,45,306,0,parent,cancer,12,5,0,1,0,0,education;respite,,\n"
    "a10,35,306,0,sibling,dementia,40,5,0,1,0,0,education,,\n"                  /* none */
    "a11,80,306,0,spouse_partner,dementia,82,5,0,1,0,0,education;network,,\n"   /* cafe: not met */
    "a12,25,306,0,son_daughter,dementia,55,5,0,1,0,0,information,,\n"           /* natl: met */
    "b1,50,101,0,son_daughter,dementia,80,5,0,1,0,0,education,,\n"              /* e101: met */
    "b2,50,101,0,parent,cancer,10,5,0,1,0,0,respite,,\n"                        /* none */
    "b3,10,101,0,sibling,cancer,12,5,0,1,0,0,information,,\n";                  /* e101: met */

static void expect_cell(const paroer_coverage *cov, int32_t bd, size_t i, int32_t code, int shown,
                        uint64_t relatives, uint64_t reached, uint64_t met)
{
    int32_t c = -1;
    uint64_t n = 99, r = 99, m = 99;
    assert_int_equal(paroer_coverage_breakdown_cell(cov, bd, i, &c, &n, &r, &m), shown);
    assert_int_equal(c, code);
    assert_int_equal(n, shown ? relatives : 0);
    assert_int_equal(r, shown ? reached : 0);
    assert_int_equal(m, shown ? met : 0);
}

static void test_reach_by_hand(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    paroer_population *p = tc_pop(pop_reach);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_true(paroer_coverage_has_population(cov));
    assert_int_equal(paroer_coverage_pop_relatives(cov), 12);
    assert_int_equal(paroer_coverage_pop_rejected_rows(cov), 0);
    assert_int_equal(paroer_coverage_pop_reached(cov), 8);
    assert_int_equal(paroer_coverage_pop_needs_met(cov), 5);

    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY), 1);
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, 306, 1, 12, 8, 5);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_CONDITION), 11);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_DEMENTIA, PAROER_CONDITION_DEMENTIA, 1, 9, 6, 3);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_CANCER, PAROER_CONDITION_CANCER, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_FRAILTY, PAROER_CONDITION_FRAILTY, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_SOCIAL_PROBLEMS, PAROER_CONDITION_SOCIAL_PROBLEMS,
                0, 0, 0, 0);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_RELATION), 6);
    /* a9 counts as son_daughter and as parent */
    expect_cell(cov, PAROER_BREAKDOWN_RELATION, PAROER_RELATION_SON_DAUGHTER, PAROER_RELATION_SON_DAUGHTER, 1, 5, 4,
                3);
    expect_cell(cov, PAROER_BREAKDOWN_RELATION, PAROER_RELATION_SPOUSE_PARTNER, PAROER_RELATION_SPOUSE_PARTNER, 0, 0,
                0, 0);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_AGE_BAND), 5);
    expect_cell(cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_AGE_BAND_ADULT, PAROER_AGE_BAND_ADULT, 1, 7, 4, 3);
    expect_cell(cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_AGE_BAND_YOUTH, PAROER_AGE_BAND_YOUTH, 0, 0, 0, 0);
    assert_int_equal(paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_AGE_BAND, 5, NULL, NULL, NULL, NULL),
                     PAROER_EINVALID);
    assert_int_equal(paroer_coverage_breakdown_count(cov, 4), 0);

    /* unmet pairs of at least 5 relatives: only (education, dementia) */
    assert_int_equal(paroer_coverage_unmet_count(cov), 1);
    int32_t need, cond;
    uint64_t n;
    assert_int_equal(paroer_coverage_unmet(cov, 0, &need, &cond, &n), PAROER_OK);
    assert_int_equal(need, PAROER_NEED_EDUCATION);
    assert_int_equal(cond, PAROER_CONDITION_DEMENTIA);
    assert_int_equal(n, 6);
    assert_int_equal(paroer_coverage_unmet(cov, 1, &need, &cond, &n), PAROER_EINVALID);
    assert_int_equal(paroer_coverage_allocation_count(cov), 0);

    char *js = tc_json(cov);
    /* Shares at full precision (contract 5a): 8/12 and 5/12 overall, 6/9 and
     * 3/9 for dementia, 4/5 and 3/5 for son_daughter, 4/7 and 3/7 for adults. */
    const char *pop_json =
        ",\"population\":{\"relatives\":12,\"rejected_rows\":0,\"reached\":0.6666666666666666,\"needs_met\":0.4166666666666667,"
        "\"reached_count\":8,\"needs_met_count\":5,"
        "\"by_municipality\":{\"306\":{\"relatives\":12,\"reached\":0.6666666666666666,\"needs_met\":0.4166666666666667,"
        "\"reached_count\":8,\"needs_met_count\":5}},"
        "\"by_condition\":{\"frailty\":{\"suppressed\":true},"
        "\"dementia\":{\"relatives\":9,\"reached\":0.6666666666666666,\"needs_met\":0.3333333333333333,"
        "\"reached_count\":6,\"needs_met_count\":3},"
        "\"physical_illness\":{\"suppressed\":true},\"physical_disability\":{\"suppressed\":true},"
        "\"cancer\":{\"suppressed\":true},\"brain_injury\":{\"suppressed\":true},"
        "\"mental_illness\":{\"suppressed\":true},\"substance_abuse\":{\"suppressed\":true},"
        "\"cognitive_disability\":{\"suppressed\":true},\"neurodevelopmental\":{\"suppressed\":true},"
        "\"social_problems\":{\"suppressed\":true}},"
        "\"by_relation\":{\"spouse_partner\":{\"suppressed\":true},"
        "\"son_daughter\":{\"relatives\":5,\"reached\":0.8,\"needs_met\":0.6,\"reached_count\":4,\"needs_met_count\":3},"
        "\"parent\":{\"suppressed\":true},\"sibling\":{\"suppressed\":true},\"other_family\":{\"suppressed\":true},"
        "\"friend_neighbour\":{\"suppressed\":true}},"
        "\"by_age_band\":{\"child\":{\"suppressed\":true},\"youth\":{\"suppressed\":true},"
        "\"young_adult\":{\"suppressed\":true},"
        "\"adult\":{\"relatives\":7,\"reached\":0.5714285714285714,\"needs_met\":0.42857142857142855,"
        "\"reached_count\":4,\"needs_met_count\":3},\"senior\":{\"suppressed\":true}},"
        "\"unmet\":[{\"need\":\"education\",\"condition\":\"dementia\",\"relatives\":6}]}}";
    const char *at = strstr(js, ",\"population\":");
    assert_non_null(at);
    assert_string_equal(at, pop_json);
    assert_non_null(strstr(js, "\"checks\":["));
    paroer_free(js);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

static void test_suppression_threshold(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    paroer_population *p = tc_pop(pop_reach);
    paroer_coverage *cov = tc_cov(c, 306, p, 3);
    /* with 3, cells of 3 relatives are shown, cells of 2 are not */
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_CANCER, PAROER_CONDITION_CANCER, 1, 3, 2, 1);
    expect_cell(cov, PAROER_BREAKDOWN_RELATION, PAROER_RELATION_SPOUSE_PARTNER, PAROER_RELATION_SPOUSE_PARTNER, 1, 3,
                2, 0);
    expect_cell(cov, PAROER_BREAKDOWN_RELATION, PAROER_RELATION_PARENT, PAROER_RELATION_PARENT, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_AGE_BAND_YOUTH, PAROER_AGE_BAND_YOUTH, 0, 0, 0, 0);
    paroer_coverage_free(cov);

    /* with 10, even dementia (9) is suppressed, and the unmet pair (6) is left out */
    cov = tc_cov(c, 306, p, 10);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_DEMENTIA, PAROER_CONDITION_DEMENTIA, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, 306, 1, 12, 8, 5);
    assert_int_equal(paroer_coverage_unmet_count(cov), 0);
    char *js = tc_json(cov);
    assert_non_null(strstr(js, "\"dementia\":{\"suppressed\":true}"));
    assert_non_null(strstr(js, "\"unmet\":[]"));
    paroer_free(js);
    paroer_coverage_free(cov);

    /* below 3 is refused */
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    o.municipality = 306;
    o.population = p;
    o.min_cell = 2;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_EINVALID);
    assert_null(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

static void test_national_reach(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    paroer_population *p = tc_pop(pop_reach);
    paroer_coverage *cov = tc_cov(c, -1, p, 0);
    assert_false(paroer_coverage_has_matrix(cov));
    assert_int_equal(paroer_coverage_check_count(cov), 0);
    assert_int_equal(paroer_coverage_cell_count(cov), 0);
    assert_int_equal(paroer_coverage_pop_relatives(cov), 15);
    assert_int_equal(paroer_coverage_pop_reached(cov), 10);
    assert_int_equal(paroer_coverage_pop_needs_met(cov), 7);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY), 2);
    /* 101 (3 relatives) is suppressed, and so is 306: 15 - 12 would give 101 away (5a) */
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, 101, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 1, 306, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_DEMENTIA, PAROER_CONDITION_DEMENTIA, 1, 10, 7, 4);
    expect_cell(cov, PAROER_BREAKDOWN_CONDITION, PAROER_CONDITION_CANCER, PAROER_CONDITION_CANCER, 1, 5, 3, 2);
    char *js = tc_json(cov);
    const char *head = "{\"municipality\":null,\"date\":\"2026-01-15\",\"population\":{\"relatives\":15,"
                       "\"rejected_rows\":0,\"reached\":0.6666666666666666,\"needs_met\":0.4666666666666667,"
                       "\"reached_count\":10,\"needs_met_count\":7,\"by_municipality\":{\"101\":{\"suppressed\":true},\"306\":{\"suppressed\":true}},";
    assert_memory_equal(js, head, strlen(head));
    assert_null(strstr(js, "\"coverage\""));
    assert_null(strstr(js, "\"checks\""));
    assert_null(strstr(js, "\"policy\""));
    paroer_free(js);
    paroer_coverage_free(cov);

    cov = tc_cov(c, -1, p, 3);
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, 101, 1, 3, 2, 2);
    paroer_coverage_free(cov);

    /* a municipality without relatives: an empty population part */
    cov = tc_cov(c, 147, p, 0);
    assert_int_equal(paroer_coverage_pop_relatives(cov), 0);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY), 0);
    js = tc_json(cov);
    assert_non_null(strstr(js, ",\"population\":{\"relatives\":0,\"rejected_rows\":0,\"suppressed\":true,"
                               "\"by_municipality\":{},"));
    paroer_free(js);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* ---- secondary suppression (contract 5a; #11 item 8) ------------------------------------ */

/* The example: 6 relatives, 5 adults and 1 senior. Publishing the
 * adults would give the senior away by subtraction, so they are suppressed
 * too; the whole population (6) is still published. */
static void test_secondary_suppression_example(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    const char *csv = TC_HEADER
        "s1,40,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "s2,41,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "s3,42,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "s4,43,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "s5,44,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "s6,70,306,0,spouse_partner,dementia,72,5,0,1,0,0,respite,,\n";
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_false(paroer_coverage_pop_suppressed(cov));
    assert_int_equal(paroer_coverage_pop_relatives(cov), 6);
    assert_int_equal(paroer_coverage_pop_reached(cov), 6);
    for (int b = 0; b <= PAROER_AGE_BAND_SENIOR; b++) expect_cell(cov, PAROER_BREAKDOWN_AGE_BAND, (size_t)b, b, 0, 0, 0, 0);
    expect_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, 306, 1, 6, 6, 6);
    paroer_coverage_free(cov);

    /* with a threshold of 3 the lone senior alone is hidden; 1 < 3, so the adults go too */
    cov = tc_cov(c, 306, p, 3);
    expect_cell(cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_AGE_BAND_ADULT, PAROER_AGE_BAND_ADULT, 0, 0, 0, 0);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* Municipalities: the smallest published cell goes first, and only as many as needed. */
static void test_secondary_suppression_municipalities(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    char csv[8192];
    size_t o = (size_t)snprintf(csv, sizeof csv, "%s", TC_HEADER);
    const struct { int muni, n; } m[] = {{101, 3}, {147, 7}, {306, 12}, {461, 9}};
    int k = 0;
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        for (int j = 0; j < m[i].n; j++)
            o += (size_t)snprintf(csv + o, sizeof csv - o, "m%d,50,%d,0,son_daughter,dementia,80,5,0,1,0,0,,,\n", k++,
                                  m[i].muni);
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, -1, p, 0);
    assert_int_equal(paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY), 4);
    int32_t code;
    uint64_t n;
    /* 101 (3) primary; 3 < 5, so 147 (7, the smallest published) as well; 306 and 461 stay */
    assert_int_equal(paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 0, &code, &n, NULL, NULL), 0);
    assert_int_equal(paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 1, &code, &n, NULL, NULL), 0);
    assert_int_equal(code, 147);
    assert_int_equal(paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 2, &code, &n, NULL, NULL), 1);
    assert_int_equal(n, 12);
    assert_int_equal(paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, 3, &code, &n, NULL, NULL), 1);
    assert_int_equal(n, 9);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* A population smaller than the threshold: its own figures are withheld too. */
static void test_small_population_withheld(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    const char *csv = TC_HEADER
        "t1,40,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "t2,41,306,0,son_daughter,dementia,80,5,0,1,0,0,education,,\n"
        "t3,42,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
        "t4,43,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n";
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_true(paroer_coverage_pop_suppressed(cov));
    assert_int_equal(paroer_coverage_pop_relatives(cov), 4);
    assert_int_equal(paroer_coverage_pop_reached(cov), 0);
    assert_int_equal(paroer_coverage_pop_needs_met(cov), 0);
    char *js = tc_json(cov);
    assert_non_null(strstr(js, "\"population\":{\"relatives\":4,\"rejected_rows\":0,\"suppressed\":true,"
                               "\"by_municipality\":{\"306\":{\"suppressed\":true}},"));
    assert_null(strstr(js, "reached"));
    paroer_free(js);
    for (int bd = 0; bd < 4; bd++)
        for (size_t i = 0; i < paroer_coverage_breakdown_count(cov, bd); i++)
            assert_int_equal(paroer_coverage_breakdown_cell(cov, bd, i, NULL, NULL, NULL, NULL), 0);
    paroer_coverage_free(cov);
    cov = tc_cov(c, 306, p, 4);
    assert_false(paroer_coverage_pop_suppressed(cov));
    assert_int_equal(paroer_coverage_pop_reached(cov), 3);   /* t2 asks for education only */
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* On random populations, for both partitioning breakdowns and several
 * thresholds: the suppressed cells together hold no relative or at least the
 * threshold, every cell under it is suppressed, and the published cells are
 * exact. The true counts come from the population itself. */
static void test_secondary_suppression_random(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    static const int munis[] = {101, 147, 306, 461, 751};
    static const int ages[] = {8, 15, 22, 45, 70};
    uint32_t seed = 12345;
    for (int round = 0; round < 200; round++) {
        char *csv = malloc(64 * 1024);
        size_t o = (size_t)sprintf(csv, "%s", TC_HEADER);
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        uint64_t true_muni[5] = {0}, true_band[5] = {0};
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            int mu = (int)((seed >> 8) % 5), ag = (int)((seed >> 16) % 5);
            if ((seed >> 24) % 3 == 0) mu = 2;   /* uneven sizes */
            true_muni[mu]++;
            true_band[ag]++;
            o += (size_t)sprintf(csv + o, "x%d,%d,%d,0,sibling,cancer,50,1,0,1,0,0,,,\n", i, ages[ag], munis[mu]);
        }
        paroer_population *p = tc_pop(csv);
        for (uint32_t min_cell = 3; min_cell <= 8; min_cell++) {
            paroer_coverage *cov = tc_cov(c, -1, p, min_cell);
            assert_int_equal(paroer_coverage_pop_suppressed(cov), (uint64_t)n < min_cell);
            for (int which = 0; which < 2; which++) {
                int32_t bd = which ? PAROER_BREAKDOWN_AGE_BAND : PAROER_BREAKDOWN_MUNICIPALITY;
                uint64_t hidden = 0;
                for (size_t i = 0; i < paroer_coverage_breakdown_count(cov, bd); i++) {
                    int32_t code;
                    uint64_t rel;
                    int shown = paroer_coverage_breakdown_cell(cov, bd, i, &code, &rel, NULL, NULL);
                    uint64_t truth = 0;
                    if (which) truth = true_band[code];
                    else
                        for (int k = 0; k < 5; k++)
                            if (munis[k] == code) truth = true_muni[k];
                    if (shown) assert_int_equal(rel, truth);
                    else hidden += truth;
                    if (truth < min_cell) assert_int_equal(shown, 0);
                }
                /* (a population under the threshold hides everything but its size) */
                assert_true(hidden == 0 || hidden >= min_cell || (uint64_t)n < min_cell);
            }
            paroer_coverage_free(cov);
        }
        paroer_population_free(p);
        free(csv);
    }
    paroer_catalog_free(c);
}

static void test_rejected_rows_counted(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_reach);
    const char *csv = TC_HEADER "a1,50,306,0,son_daughter,dementia,80,5,0,1,0,0,respite,,\n"
                                "a2,50,306,maybe,son_daughter,dementia,80,5,0,1,0,0,respite,,\n";
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_int_equal(paroer_coverage_pop_relatives(cov), 1);
    assert_int_equal(paroer_coverage_pop_rejected_rows(cov), 1);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* ---- allocation -------------------------------------------------------------------- */

/* x and y serve respite with one place each; y only takes relatives up to 40.
 * They score the same for every relative here, so x (the smaller id) ranks first. */
static const char *const cat_alloc = CAT_HEAD
    "\"offers\":["
    "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"respite_home\",\"capacity\":1},"
    "{\"id\":\"y\",\"name\":\"Y\",\"kind\":\"respite_away\",\"capacity\":1,\"target\":{\"relative_age\":{\"max\":40}}},"
    "{\"id\":\"cafe\",\"name\":\"C\",\"kind\":\"cafe_network\"}"
    "]}";

static void alloc_of(const char *catalog, const char *rows, uint64_t xs, uint64_t xw, uint64_t ys, uint64_t yw)
{
    char csv[4096];
    snprintf(csv, sizeof csv, "%s%s", TC_HEADER, rows);
    paroer_catalog *c = tc_catalog(catalog);
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_int_equal(paroer_coverage_allocation_count(cov), 2);
    const char *id = NULL;
    int64_t cap = 0;
    uint64_t served = 99, wait = 99;
    assert_int_equal(paroer_coverage_allocation(cov, 0, &id, &cap, &served, &wait), PAROER_OK);
    assert_string_equal(id, "x");
    assert_true(cap >= 0);
    assert_int_equal(served, xs);
    assert_int_equal(wait, xw);
    assert_int_equal(paroer_coverage_allocation(cov, 1, &id, &cap, &served, &wait), PAROER_OK);
    assert_string_equal(id, "y");
    assert_int_equal(served, ys);
    assert_int_equal(wait, yw);
    assert_int_equal(paroer_coverage_allocation(cov, 2, &id, &cap, &served, &wait), PAROER_EINVALID);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

static void test_allocation_terminal_first(void **state)
{
    (void)state;
    /* B (50, 30 h) comes first in the file and has more hours, but A is terminal:
     * A takes x, B (too old for y) waits for x. */
    alloc_of(cat_alloc,
             "B,50,306,0,spouse_partner,cancer,52,30,1,1,0,0,respite,,\n"
             "A,30,306,0,son_daughter,cancer,60,5,0,1,1,0,respite,,\n",
             1, 1, 0, 0);
}

static void test_allocation_hours_then_file_order(void **state)
{
    (void)state;
    /* more hours first: B takes x, A gets y */
    alloc_of(cat_alloc,
             "A,30,306,0,son_daughter,cancer,60,5,0,1,0,0,respite,,\n"
             "B,50,306,0,spouse_partner,cancer,52,30,1,1,0,0,respite,,\n",
             1, 0, 1, 0);
    /* equal hours: file order; A takes x, B waits */
    alloc_of(cat_alloc,
             "A,30,306,0,son_daughter,cancer,60,10,0,1,0,0,respite,,\n"
             "B,50,306,0,spouse_partner,cancer,52,10,1,1,0,0,respite,,\n",
             1, 1, 0, 0);
    alloc_of(cat_alloc,
             "B,50,306,0,spouse_partner,cancer,52,10,1,1,0,0,respite,,\n"
             "A,30,306,0,son_daughter,cancer,60,10,0,1,0,0,respite,,\n",
             1, 0, 1, 0);
    /* hours are summed over relations: A's 15 + 10 beat B's 20 */
    alloc_of(cat_alloc,
             "B,50,306,0,spouse_partner,cancer,52,20,1,1,0,0,respite,,\n"
             "A,30,306,0,son_daughter,cancer,60,15,0,1,0,0,respite,,\n"
             "A,30,306,0,sibling,cancer,33,10,0,1,0,0,respite,,\n",
             1, 1, 0, 0);
    /* more relatives than places: everyone after the places are gone waits at their top offer */
    alloc_of(cat_alloc,
             "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,respite,,\n"
             "B,31,306,0,son_daughter,cancer,60,30,0,1,0,0,respite,,\n"
             "C,32,306,0,son_daughter,cancer,60,20,0,1,0,0,respite,,\n"
             "D,60,306,0,son_daughter,cancer,90,10,0,1,0,0,respite,,\n",
             1, 2, 1, 0);
}

static void test_allocation_needs(void **state)
{
    (void)state;
    /* a need that an unlimited offer serves takes no place; a need no capped offer serves neither */
    alloc_of(cat_alloc, "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,network,,\n", 0, 0, 0, 0);
    /* stating no needs: a place in the top offer */
    alloc_of(cat_alloc, "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,,,\n", 0, 0, 0, 0);
    const char *capped_only = CAT_HEAD
        "\"offers\":["
        "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"respite_home\",\"capacity\":1},"
        "{\"id\":\"y\",\"name\":\"Y\",\"kind\":\"respite_away\",\"capacity\":0}"
        "]}";
    alloc_of(capped_only,
             "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,,,\n"
             "B,30,306,0,son_daughter,cancer,60,30,0,1,0,0,,,\n",
             1, 1, 0, 0);
    /* a place in an offer serves every need it serves: one place for respite and practical help */
    alloc_of(capped_only, "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,respite;practical_help,,\n", 1, 0, 0, 0);
    /* capacity 0: always wait-listed there; the better-ranked offer first */
    const char *zero = CAT_HEAD
        "\"offers\":["
        "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"respite_home\",\"capacity\":0,"
        " \"target\":{\"conditions\":[\"cancer\"]}},"
        "{\"id\":\"y\",\"name\":\"Y\",\"kind\":\"respite_away\",\"capacity\":1}"
        "]}";
    alloc_of(zero,
             "A,30,306,0,son_daughter,cancer,60,40,0,1,0,0,respite,,\n"
             "B,30,306,0,son_daughter,cancer,60,30,0,1,0,0,respite,,\n",
             0, 1, 1, 0);
}

/* The ranking decides where a relative asks first: an offer naming the
 * relative's condition ranks above a generic one, whatever its id. */
static void test_allocation_follows_ranking(void **state)
{
    (void)state;
    const char *json = CAT_HEAD
        "\"offers\":["
        "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"respite_home\",\"capacity\":5},"
        "{\"id\":\"y\",\"name\":\"Y\",\"kind\":\"respite_away\",\"capacity\":5,"
        " \"target\":{\"conditions\":[\"dementia\"]}}"
        "]}";
    alloc_of(json,
             "A,30,306,0,son_daughter,dementia,60,40,0,1,0,0,respite,,\n"
             "B,31,306,0,son_daughter,cancer,60,30,0,1,0,0,respite,,\n",
             1, 0, 1, 0);
    char csv[512];
    snprintf(csv, sizeof csv, "%s%s", TC_HEADER, "A,30,306,0,son_daughter,dementia,60,40,0,1,0,0,respite,,\n");
    paroer_catalog *c = tc_catalog(json);
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    char *js = tc_json(cov);
    assert_non_null(strstr(js, ",\"allocation\":[{\"offer\":\"x\",\"capacity\":5,\"served\":0,\"waitlisted\":0},"
                               "{\"offer\":\"y\",\"capacity\":5,\"served\":1,\"waitlisted\":0}]}}"));
    paroer_free(js);
    paroer_coverage_free(cov);
    /* the same relative through the matching API ranks y first */
    paroer_relative *r = NULL;
    assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = TC_DATE;
    paroer_match_result *res = NULL;
    assert_int_equal(paroer_match(&res, c, r, &mo), PAROER_OK);
    assert_int_equal(paroer_match_result_count(res), 2);
    assert_string_equal(paroer_offer_id(paroer_match_result_offer(res, 0)), "y");
    paroer_match_result_free(res);
    paroer_relative_free(r);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* ---- the fast path agrees with the matching engine -------------------------------------- */

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static size_t put(char *buf, size_t at, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + at, cap - at, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < cap - at);
    return at + (size_t)n;
}

static size_t put_codes(char *buf, size_t at, size_t cap, int32_t list, uint32_t mask, const char *sep,
                        const char *quote)
{
    int first = 1;
    for (int32_t i = 0; i < paroer_vocab_count(list); i++) {
        if (!(mask & (1u << i))) continue;
        at = put(buf, at, cap, "%s%s%s%s", first ? "" : sep, quote, paroer_vocab_code(list, i), quote);
        first = 0;
    }
    return at;
}

static uint32_t some(int32_t list, uint32_t chance_of_none)
{
    if (rnd(100) < chance_of_none) return 0;
    uint32_t n = (uint32_t)paroer_vocab_count(list), m = 0;
    int k = 1 + (int)rnd(3);
    while (k--) m |= 1u << rnd(n);
    return m;
}

static const int munis[] = {306, 101, 147};

static char *random_catalog(void)
{
    size_t cap = 1 << 20, at = 0;
    char *b = malloc(cap);
    assert_non_null(b);
    at = put(b, at, cap, CAT_HEAD "\"offers\":[");
    for (int i = 0; i < 80; i++) {
        at = put(b, at, cap, "%s{\"id\":\"o%02d\",\"name\":\"O\",\"kind\":\"%s\"", i ? "," : "", i,
                 paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, (int32_t)rnd(12)));
        if (rnd(4) == 0) at = put(b, at, cap, ",\"nationwide\":true");
        else at = put(b, at, cap, ",\"municipalities\":[%d]", munis[rnd(3)]);
        static const char *const st[] = {"active", "active", "active", "waitlist", "paused"};
        at = put(b, at, cap, ",\"status\":\"%s\"", st[rnd(5)]);
        switch (rnd(8)) {
        case 0: at = put(b, at, cap, ",\"valid_to\":\"2026-01-14\""); break;
        case 1: at = put(b, at, cap, ",\"valid_from\":\"2026-01-16\""); break;
        case 2: at = put(b, at, cap, ",\"valid_from\":\"2026-01-15\",\"valid_to\":\"2026-01-15\""); break;
        default: break;
        }
        if (rnd(3) == 0) {
            at = put(b, at, cap, ",\"needs\":[");
            at = put_codes(b, at, cap, PAROER_VOCAB_NEED, some(PAROER_VOCAB_NEED, 0), ",", "\"");
            at = put(b, at, cap, "]");
        }
        at = put(b, at, cap, ",\"modes\":[");
        at = put_codes(b, at, cap, PAROER_VOCAB_MODE, some(PAROER_VOCAB_MODE, 0), ",", "\"");
        at = put(b, at, cap, "]");
        uint32_t slots = some(PAROER_VOCAB_SLOT, 50);
        if (slots) {
            at = put(b, at, cap, ",\"slots\":[");
            at = put_codes(b, at, cap, PAROER_VOCAB_SLOT, slots, ",", "\"");
            at = put(b, at, cap, "]");
        }
        static const char *const langs[] = {"[\"da\"]", "[\"da\",\"en\"]", "[\"en\"]", "[\"en\",\"da\"]"};
        if (rnd(3) == 0) at = put(b, at, cap, ",\"languages\":%s", langs[rnd(4)]);
        if (rnd(3) == 0) at = put(b, at, cap, ",\"capacity\":%u", rnd(4));
        at = put(b, at, cap, ",\"target\":{");
        int lo = (int)rnd(70), hi = lo + (int)rnd(60);
        at = put(b, at, cap, "\"relative_age\":{\"min\":%d,\"max\":%d}", rnd(3) ? 0 : lo, rnd(2) ? 130 : hi);
        if (rnd(2)) at = put(b, at, cap, ",\"cared_for_age\":{\"min\":%u,\"max\":%u}", rnd(40), 40 + rnd(90));
        at = put(b, at, cap, ",\"relations\":[");
        at = put_codes(b, at, cap, PAROER_VOCAB_RELATION, some(PAROER_VOCAB_RELATION, 50), ",", "\"");
        at = put(b, at, cap, "],\"conditions\":[");
        at = put_codes(b, at, cap, PAROER_VOCAB_CONDITION, some(PAROER_VOCAB_CONDITION, 40), ",", "\"");
        at = put(b, at, cap, "],\"requires\":[");
        uint32_t req = rnd(4) == 0 ? (1u << rnd(5)) & ~(1u << PAROER_FLAG_BEREAVED) : 0;
        at = put_codes(b, at, cap, PAROER_VOCAB_FLAG, req, ",", "\"");
        static const char *const ber[] = {"no", "no", "also", "only"};
        at = put(b, at, cap, "],\"bereaved\":\"%s\"}}", ber[rnd(4)]);
    }
    put(b, at, cap, "]}");
    return b;
}

static char *random_population(size_t n)
{
    size_t cap = 1 << 21, at = 0;
    char *b = malloc(cap);
    assert_non_null(b);
    at = put(b, at, cap, TC_HEADER);
    for (size_t i = 0; i < n; i++) {
        int age = (int)rnd(100), muni = munis[rnd(3)], emp = (int)rnd(2);
        uint32_t needs = some(PAROER_VOCAB_NEED, 20), modes = some(PAROER_VOCAB_MODE, 40),
                 slots = some(PAROER_VOCAB_SLOT, 40);
        int rows = 1 + (int)rnd(3);
        for (int j = 0; j < rows; j++) {
            at = put(b, at, cap, "r%zu,%d,%d,%d,%s,", i, age, muni, emp,
                     paroer_vocab_code(PAROER_VOCAB_RELATION, (int32_t)rnd(6)));
            at = put_codes(b, at, cap, PAROER_VOCAB_CONDITION, some(PAROER_VOCAB_CONDITION, 10), ";", "");
            if (rnd(5)) at = put(b, at, cap, ",%u", rnd(100));
            else at = put(b, at, cap, ",");
            at = put(b, at, cap, ",%u.%u,%u,%u,%u,%u,", rnd(40), rnd(10), rnd(2), rnd(2), rnd(8) == 0, rnd(6) == 0);
            at = put_codes(b, at, cap, PAROER_VOCAB_NEED, needs, ";", "");
            at = put(b, at, cap, ",");
            at = put_codes(b, at, cap, PAROER_VOCAB_MODE, modes, ";", "");
            at = put(b, at, cap, ",");
            at = put_codes(b, at, cap, PAROER_VOCAB_SLOT, slots, ";", "");
            at = put(b, at, cap, "\n");
        }
    }
    return b;
}

static void test_fast_path_agrees_with_match(void **state)
{
    (void)state;
    rng_state = 0x9E3779B97F4A7C15ull;
    for (int round = 0; round < 6; round++) {
        char *cj = random_catalog();
        char *pc = random_population(400);
        paroer_catalog *c = tc_catalog(cj);
        paroer_population *p = tc_pop(pc);
        assert_int_equal(paroer_population_count(p), 400);
        uint32_t a[128], b[128];
        uint64_t reached = 0, met = 0, reached306 = 0, met306 = 0, n306 = 0;
        for (size_t i = 0; i < paroer_population_count(p); i++) {
            paroer_relative *r = NULL;
            assert_int_equal(paroer_population_relative(&r, p, i, NULL), PAROER_OK);
            int64_t x = pr_population_eligible(c, p, i, TC_DATE, a, 128);
            int64_t y = pr_match_eligible(c, r, TC_DATE, b, 128);
            assert_true(x >= 0 && x <= 128);
            assert_int_equal(x, y);
            assert_memory_equal(a, b, (size_t)x * sizeof a[0]);
            uint32_t served = 0;
            for (int64_t k = 0; k < y; k++) served |= paroer_offer_needs(paroer_catalog_offer(c, b[k]));
            uint32_t needs = paroer_relative_needs(r);
            int is_reached = y > 0, is_met = y > 0 && (served & needs) == needs;
            reached += (uint64_t)is_reached;
            met += (uint64_t)is_met;
            if (paroer_relative_municipality(r) == 306) {
                n306++;
                reached306 += (uint64_t)is_reached;
                met306 += (uint64_t)is_met;
            }
            paroer_relative_free(r);
        }
        /* the random data must exercise both outcomes */
        assert_true(reached > 40 && reached < 400 && met > 0 && met < reached);
        paroer_coverage *cov = tc_cov(c, -1, p, 0);
        assert_int_equal(paroer_coverage_pop_reached(cov), reached);
        assert_int_equal(paroer_coverage_pop_needs_met(cov), met);
        paroer_coverage_free(cov);
        cov = tc_cov(c, 306, p, 0);
        assert_int_equal(paroer_coverage_pop_relatives(cov), n306);
        assert_int_equal(paroer_coverage_pop_reached(cov), reached306);
        assert_int_equal(paroer_coverage_pop_needs_met(cov), met306);
        paroer_coverage_free(cov);
        paroer_population_free(p);
        paroer_catalog_free(c);
        free(cj);
        free(pc);
    }
}

/* ---- allocation failures --------------------------------------------------------------- */

static void test_allocation_failures(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(cat_alloc);
    paroer_population *p = tc_pop(pop_reach);
    int ok = 0;
    for (long k = 0; k < 500 && !ok; k++) {
        tc_failing f = {k, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        paroer_coverage_options o;
        paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
        o.date = TC_DATE;
        o.municipality = -1;
        o.population = p;
        o.allocator = &a;
        paroer_coverage *cov = NULL;
        int rc = paroer_coverage_compute(&cov, c, &o);
        if (rc == PAROER_OK) {
            ok = 1;
            assert_int_equal(paroer_coverage_allocation_count(cov), 2);
            paroer_coverage_free(cov);
        } else {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(cov);
        }
        assert_int_equal(f.live, 0);
    }
    assert_true(ok);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reach_by_hand),
        cmocka_unit_test(test_suppression_threshold),
        cmocka_unit_test(test_secondary_suppression_example),
        cmocka_unit_test(test_secondary_suppression_municipalities),
        cmocka_unit_test(test_small_population_withheld),
        cmocka_unit_test(test_secondary_suppression_random),
        cmocka_unit_test(test_national_reach),
        cmocka_unit_test(test_rejected_rows_counted),
        cmocka_unit_test(test_allocation_terminal_first),
        cmocka_unit_test(test_allocation_hours_then_file_order),
        cmocka_unit_test(test_allocation_needs),
        cmocka_unit_test(test_allocation_follows_ranking),
        cmocka_unit_test(test_fast_path_agrees_with_match),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
