/* The national overview (include/paroer/overview.h): every row identical to
 * what paroer_coverage_compute() gives for that municipality — on the shipped
 * data (all 98 municipalities, two dates) and on random catalogs that reach
 * every branch of the checks — plus the JSON, the CSV, the options and
 * allocation failures. */
#include "test_coverage_util.h"
#include <jansson.h>
#include <math.h>
#include "overview_municipalities.h"

#define DATA_DIR PAROER_SOURCE_DIR "/data"

static const char *const SHIPPED[] = {DATA_DIR "/dk-offers.json", DATA_DIR "/statutory.json",
                                      DATA_DIR "/odsherred-policy.json", DATA_DIR "/municipal-policies.json"};

static paroer_catalog *shipped_catalog(void)
{
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_files(&c, SHIPPED, 4, NULL);
    if (rc) fail_msg("shipped data did not load: %s", paroer_error_last()->message);
    return c;
}

static paroer_overview *overview(const paroer_catalog *c, int32_t date, const int32_t *codes, size_t n)
{
    paroer_overview_options o;
    assert_int_equal(paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION), PAROER_OK);
    o.date = date;
    o.municipalities = codes;
    o.n_municipalities = n;
    paroer_overview *ov = NULL;
    int rc = paroer_overview_compute(&ov, c, &o);
    if (rc) fail_msg("overview failed: %s", paroer_error_last()->message);
    assert_non_null(ov);
    return ov;
}

/* Row i of ov against paroer_coverage_compute() for its municipality, figure by figure. */
static void compare_row(const paroer_catalog *c, const paroer_overview *ov, size_t i)
{
    const int32_t m = paroer_overview_municipality(ov, i);
    const int32_t date = paroer_overview_date(ov);
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    o.date = date;
    o.municipality = m;
    paroer_coverage *cov = NULL;
    assert_int_equal(paroer_coverage_compute(&cov, c, &o), PAROER_OK);

    size_t live = 0, local = 0;
    uint32_t kinds = 0;
    for (size_t k = 0; k < paroer_catalog_offer_count(c); k++) {
        const paroer_offer *of = paroer_catalog_offer(c, k);
        if (!paroer_offer_is_live(of, m, date)) continue;
        live++;
        if (!paroer_offer_nationwide(of)) {
            local++;
            kinds |= 1u << paroer_offer_kind(of);
        }
    }
    size_t covered = 0, pairs = 0;
    for (int32_t b = 0; b < 5; b++)
        for (int32_t r = 0; r < 6; r++)
            for (int32_t k = 0; k < 11; k++)
                for (int32_t n = 0; n < 11; n++) {
                    int v = paroer_coverage_covered(cov, b, r, k, n);
                    if (v < 0) continue;
                    pairs++;
                    covered += (size_t)v;
                }
    size_t goals = 0, unrealised = 0, organisational = 0;
    for (size_t g = 0; g < paroer_coverage_goal_count(cov); g++) {
        if (paroer_coverage_goal_organisational(cov, g)) {
            organisational++;
            continue;
        }
        goals++;
        if (!paroer_coverage_goal_realised_count(cov, g)) unrealised++;
    }
    if (paroer_overview_offers_live(ov, i) != live || paroer_overview_local_offers(ov, i) != local ||
        paroer_overview_kinds(ov, i) != kinds || paroer_overview_covered_cells(ov, i) != covered ||
        paroer_overview_cells(ov, i) != pairs || paroer_overview_goals(ov, i) != goals ||
        paroer_overview_goals_unrealised(ov, i) != unrealised ||
        paroer_overview_goals_organisational(ov, i) != organisational)
        fail_msg("municipality %d: overview live %zu local %zu kinds %x covered %zu/%zu goals %zu/%zu/%zu; "
                 "coverage live %zu local %zu kinds %x covered %zu/%zu goals %zu/%zu/%zu",
                 (int)m, paroer_overview_offers_live(ov, i), paroer_overview_local_offers(ov, i),
                 paroer_overview_kinds(ov, i), paroer_overview_covered_cells(ov, i), paroer_overview_cells(ov, i),
                 paroer_overview_goals(ov, i), paroer_overview_goals_unrealised(ov, i),
                 paroer_overview_goals_organisational(ov, i), live, local, kinds, covered, pairs, goals, unrealised,
                 organisational);
    /* the very same double */
    if (memcmp(&(double){paroer_overview_coverage_overall(ov, i)}, &(double){paroer_coverage_overall(cov)},
               sizeof(double)) != 0)
        fail_msg("municipality %d: overall %.17g, coverage %.17g", (int)m, paroer_overview_coverage_overall(ov, i),
                 paroer_coverage_overall(cov));
    assert_int_equal(paroer_coverage_check_count(cov), PAROER_OVERVIEW_CHECKS);
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        assert_string_equal(paroer_overview_check_code(k), paroer_coverage_check_code(cov, k));
        if (paroer_overview_check_status(ov, i, k) != paroer_coverage_check_status(cov, k))
            fail_msg("municipality %d: %s is %d in the overview, %d in coverage (%s)", (int)m,
                     paroer_overview_check_code(k), (int)paroer_overview_check_status(ov, i, k),
                     (int)paroer_coverage_check_status(cov, k), paroer_coverage_check_detail(cov, k, PAROER_LANG_EN));
    }
    const char *pid = paroer_coverage_policy_id(cov), *opid = paroer_overview_policy_id(ov, i);
    if (pid || opid) {
        assert_non_null(pid);
        assert_non_null(opid);
        assert_string_equal(pid, opid);
    }
    paroer_coverage_free(cov);
}

/* The summary, recounted from the rows. */
static void check_summary(const paroer_overview *ov)
{
    size_t n = paroer_overview_count(ov), with_local = 0, st[PAROER_OVERVIEW_CHECKS][3] = {{0}}, by_kind[12] = {0};
    for (size_t i = 0; i < n; i++) {
        if (paroer_overview_local_offers(ov, i)) with_local++;
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) st[k][paroer_overview_check_status(ov, i, k)]++;
        for (int k = 0; k < 12; k++)
            if (paroer_overview_kinds(ov, i) & (1u << k)) by_kind[k]++;
    }
    assert_int_equal(paroer_overview_summary_with_local_offers(ov), with_local);
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
        for (int32_t s = 0; s < 3; s++) assert_int_equal(paroer_overview_summary_checks(ov, k, s), st[k][s]);
    for (int k = 0; k < 12; k++) assert_int_equal(paroer_overview_summary_by_kind(ov, k), by_kind[k]);
    assert_int_equal(paroer_overview_summary_by_kind(ov, 12), 0);
    assert_int_equal(paroer_overview_summary_checks(ov, 6, 0), 0);
    assert_int_equal(paroer_overview_summary_checks(ov, 0, 3), 0);
}

/* ---- the shipped data -------------------------------------------------------------- */

static void test_municipality_table(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog("{\"format\":\"paroer-catalog\",\"version\":1}");
    paroer_overview *ov = overview(c, TC_DATE, NULL, 0);
    FILE *f = fopen(DATA_DIR "/municipalities.csv", "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f));
    size_t i = 0;
    int32_t last = 0;
    while (fgets(line, sizeof line, f)) {
        char *comma = strchr(line, ',');
        assert_non_null(comma);
        char *end = strchr(comma + 1, ',');
        assert_non_null(end);
        *end = '\0';
        int32_t code = (int32_t)strtol(line, NULL, 10);
        assert_true(code > last); /* the file is in code order, as the rows */
        last = code;
        assert_true(i < paroer_overview_count(ov));
        assert_int_equal(paroer_overview_municipality(ov, i), code);
        assert_string_equal(paroer_overview_name(ov, i), comma + 1);
        assert_int_equal(paroer_overview_find(ov, code), i);
        i++;
    }
    fclose(f);
    assert_int_equal(i, 98);
    assert_int_equal(paroer_overview_count(ov), 98);
    /* The internal table (used by HSDS) is the public one. */
    assert_int_equal(paroer_municipality_count(), PR_OV_N_MUNICIPALITIES);
    for (size_t k = 0; k < PR_OV_N_MUNICIPALITIES; k++) {
        assert_int_equal(paroer_municipality_code(k), pr_ov_municipalities[k].code);
        assert_string_equal(paroer_municipality_name(pr_ov_municipalities[k].code), pr_ov_municipalities[k].name);
    }
    /* An empty catalog: nothing live, every (cell, need) a gap, respite fails. */
    for (size_t k = 0; k < 98; k++) {
        assert_int_equal(paroer_overview_offers_live(ov, k), 0);
        assert_int_equal(paroer_overview_cells(ov, k), 3146);
        assert_int_equal(paroer_overview_covered_cells(ov, k), 0);
        assert_int_equal(paroer_overview_check_status(ov, k, 0), PAROER_CHECK_FAIL);
        compare_row(c, ov, k);
    }
    assert_int_equal(paroer_overview_find(ov, 999), (size_t)-1);
    paroer_overview_free(ov);
    paroer_catalog_free(c);
}

static void test_shipped_all_98(void **state)
{
    (void)state;
    paroer_catalog *c = shipped_catalog();
    const int32_t dates[] = {TC_DATE, tc_date(2025, 6, 1), tc_date(2027, 1, 1)};
    for (size_t d = 0; d < 3; d++) {
        paroer_overview *ov = overview(c, dates[d], NULL, 0);
        assert_int_equal(paroer_overview_count(ov), 98);
        assert_int_equal(paroer_overview_date(ov), dates[d]);
        for (size_t i = 0; i < 98; i++) compare_row(c, ov, i);
        check_summary(ov);
        /* Facts of the shipped data the page relies on. */
        size_t ods = paroer_overview_find(ov, 306), her = paroer_overview_find(ov, 657);
        assert_string_equal(paroer_overview_name(ov, ods), "Odsherred");
        assert_int_equal(paroer_overview_check_status(ov, ods, 1), PAROER_CHECK_PASS);
        assert_string_equal(paroer_overview_name(ov, her), "Herning");
        assert_true(paroer_overview_goals_organisational(ov, her) > 0);
        assert_true(paroer_overview_summary_with_local_offers(ov) >= 60);
        /* The statutory catalog is nationwide: every municipality has respite. */
        assert_int_equal(paroer_overview_summary_checks(ov, 0, PAROER_CHECK_PASS), 98);
        paroer_overview_free(ov);
    }
    paroer_catalog_free(c);
}

/* ---- random catalogs ---------------------------------------------------------------- */

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((rng_state >> 33) % n);
}

static const char *pick(const char *const *list, size_t n) { return list[rnd((uint32_t)n)]; }
#define PICK(a) pick(a, sizeof a / sizeof a[0])

static const char *const KINDS[] = {"respite_home", "respite_away", "activity_break", "counselling",
                                    "health_promotion", "peer_group", "cafe_network", "course", "information",
                                    "financial_support", "leave", "involvement"};
static const char *const NEEDS[] = {"respite", "practical_help", "information", "education", "peer_support",
                                    "counselling", "own_health", "financial", "work_life", "network", "involvement"};
static const char *const RELS[] = {"spouse_partner", "son_daughter", "parent", "sibling", "other_family",
                                   "friend_neighbour"};
static const char *const CONDS[] = {"frailty", "dementia", "physical_illness", "physical_disability", "cancer",
                                    "brain_injury", "mental_illness", "substance_abuse", "cognitive_disability",
                                    "neurodevelopmental", "social_problems"};
static const char *const DATES[] = {"2025-01-01", "2025-12-31", "2026-01-15", "2026-03-01", "2026-04-15",
                                    "2026-04-16", "2026-12-31", "2027-06-30"};
static const int32_t MUNIS[] = {101, 147, 306, 657, 740, 450, 430, 851, 860, 999};


typedef struct sbuf_t { char *p; size_t len, cap; } sbuf_t;

static void sput(sbuf_t *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        assert_true(n >= 0);
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = b->cap * 2 + (size_t)n + 64;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
}

static void put_list(sbuf_t *b, const char *key, const char *const *codes, size_t n, uint32_t max)
{
    uint32_t k = rnd(max + 1);
    sput(b, "\"%s\":[", key);
    for (uint32_t i = 0; i < k; i++) sput(b, "%s\"%s\"", i ? "," : "", codes[rnd((uint32_t)n)]);
    sput(b, "]");
}

static void put_target(sbuf_t *b)
{
    static const char *const AGES[] = {"", "\"relative_age\":{\"min\":18},", "\"relative_age\":{\"max\":17},",
                                       "\"relative_age\":{\"min\":13,\"max\":17},",
                                       "\"relative_age\":{\"min\":65},", "\"relative_age\":{\"min\":0,\"max\":12},"};
    static const char *const BEREAVED[] = {"no", "no", "no", "also", "only"};
    sput(b, "\"target\":{%s", PICK(AGES));
    put_list(b, "relations", RELS, 6, rnd(3) ? 0 : 2);
    sput(b, ",");
    put_list(b, "conditions", CONDS, 11, rnd(2) ? 0 : 3);
    sput(b, ",\"bereaved\":\"%s\"}", PICK(BEREAVED));
}

/* Maybe a start date, maybe an end date, never the end before the start. */
static void put_dates(sbuf_t *b, const char *from_key, const char *to_key)
{
    const uint32_t n = sizeof DATES / sizeof DATES[0];
    uint32_t from = rnd(n), to = from + rnd(n - from);
    if (rnd(3) == 0) sput(b, "\"%s\":\"%s\",", from_key, DATES[from]);
    if (rnd(3) == 0) sput(b, "\"%s\":\"%s\",", to_key, DATES[to]);
}

/* A random catalog: providers of every kind, offers with every status, validity,
 * municipality list and target shape, policies with goals and action plans. */
static char *random_catalog(uint64_t seed, size_t n_offers)
{
    rng_state = seed;
    sbuf_t b = {malloc(4096), 0, 4096};
    assert_non_null(b.p);
    static const char *const PKINDS[] = {"municipal", "regional", "civil_society", "private"};
    sput(&b, "{\"format\":\"paroer-catalog\",\"version\":1,\"providers\":[");
    for (int p = 0; p < 4; p++) sput(&b, "%s{\"id\":\"p%d\",\"name\":\"P%d\",\"kind\":\"%s\"}", p ? "," : "", p, p, PKINDS[p]);
    sput(&b, "],\"offers\":[");
    static const char *const STATUS[] = {"active", "active", "active", "waitlist", "paused"};
    for (size_t i = 0; i < n_offers; i++) {
        sput(&b, "%s{\"id\":\"o%zu\",\"name\":\"O\",\"kind\":\"%s\",\"provider\":\"p%u\",\"status\":\"%s\",", i ? "," : "",
             i, PICK(KINDS), rnd(4), PICK(STATUS));
        if (rnd(3) == 0) {
            put_list(&b, "needs", NEEDS, 11, 3);
            sput(&b, ",");
        }
        put_dates(&b, "valid_from", "valid_to");
        if (rnd(6) == 0) {
            sput(&b, "\"nationwide\":true,");
        } else {
            uint32_t k = 1 + rnd(3);
            sput(&b, "\"municipalities\":[");
            for (uint32_t j = 0; j < k; j++) sput(&b, "%s%d", j ? "," : "", (int)MUNIS[rnd(10)]);
            sput(&b, "],");
        }
        put_target(&b);
        sput(&b, "}");
    }
    sput(&b, "],\"policies\":[");
    int first = 1;
    for (size_t m = 0; m < 10; m++) {
        uint32_t n_pol = rnd(3); /* 0, 1 or 2 policies */
        for (uint32_t p = 0; p < n_pol; p++) {
            sput(&b, "%s{\"id\":\"pol-%d-%u\",\"municipality\":%d,\"title\":\"T\",", first ? "" : ",", (int)MUNIS[m], p,
                 (int)MUNIS[m]);
            first = 0;
            put_dates(&b, "adopted", "valid_to");
            sput(&b, "\"goals\":[");
            uint32_t ng = rnd(5);
            for (uint32_t g = 0; g < ng; g++) {
                sput(&b, "%s{\"id\":\"g-%d-%u-%u\",\"title\":\"G\",\"category\":\"network\",", g ? "," : "",
                     (int)MUNIS[m], p, g);
                put_list(&b, "needs", NEEDS, 11, 2);
                sput(&b, ",");
                put_list(&b, "kinds", KINDS, 12, 1);
                sput(&b, ",");
                put_target(&b);
                sput(&b, "}");
            }
            sput(&b, "],\"action_plans\":[");
            uint32_t na = rnd(3);
            for (uint32_t a = 0; a < na; a++) {
                sput(&b, "%s{\"title\":\"H%u\"", a ? "," : "", a);
                if (rnd(4)) sput(&b, ",\"due\":\"%s\"", PICK(DATES));
                if (rnd(3) == 0) sput(&b, ",\"adopted\":\"%s\"", PICK(DATES));
                sput(&b, "}");
            }
            sput(&b, "]}");
        }
    }
    sput(&b, "]}");
    return b.p;
}

static void test_random_catalogs(void **state)
{
    (void)state;
    size_t seen[PAROER_OVERVIEW_CHECKS][3] = {{0}};
    for (uint64_t seed = 1; seed <= 60; seed++) {
        char *json = random_catalog(seed, 5 + (size_t)(seed % 40));
        paroer_catalog *c = NULL;
        if (paroer_catalog_load_buffer(&c, json, strlen(json), "random.json", NULL))
            fail_msg("seed %llu: %s", (unsigned long long)seed, paroer_error_last()->message);
        free(json);
        paroer_overview *ov = overview(c, TC_DATE, MUNIS, 10);
        assert_int_equal(paroer_overview_count(ov), 10);
        for (size_t i = 0; i < 10; i++) compare_row(c, ov, i);
        check_summary(ov);
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
            for (int32_t st = 0; st < 3; st++) seen[k][st] += paroer_overview_summary_checks(ov, k, st);
        assert_string_equal(paroer_overview_name(ov, 9), ""); /* 999 is not a municipality */
        paroer_overview_free(ov);
        /* and all 98 */
        ov = overview(c, tc_date(2026, 4, 15), NULL, 0);
        for (size_t i = 0; i < 98; i++) compare_row(c, ov, i);
        paroer_overview_free(ov);
        paroer_catalog_free(c);
    }
    /* Every status a check can have was reached (so the comparison tested every branch). */
    static const char possible[PAROER_OVERVIEW_CHECKS][4] = {"pwf", "p-f", "pwf", "pwf", "pw-", "pw-"};
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
        for (int st = 0; st < 3; st++)
            if (possible[k][st] != '-' && !seen[k][st])
                fail_msg("no random row has %s %s", paroer_overview_check_code(k), paroer_check_status_code(st));
}

/* ---- the writers --------------------------------------------------------------------- */

static void test_json(void **state)
{
    (void)state;
    paroer_catalog *c = shipped_catalog();
    paroer_overview *ov = overview(c, TC_DATE, NULL, 0);
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(paroer_overview_to_json(ov, &text, &len), PAROER_OK);
    assert_int_equal(strlen(text), len);
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    if (!doc) fail_msg("not JSON: %s", err.text);
    assert_string_equal(json_string_value(json_object_get(doc, "date")), "2026-01-15");
    json_t *rows = json_object_get(doc, "municipalities");
    assert_int_equal(json_array_size(rows), 98);
    for (size_t i = 0; i < 98; i++) {
        json_t *r = json_array_get(rows, i);
        assert_int_equal(json_integer_value(json_object_get(r, "municipality")), paroer_overview_municipality(ov, i));
        assert_string_equal(json_string_value(json_object_get(r, "name")), paroer_overview_name(ov, i));
        assert_int_equal(json_integer_value(json_object_get(r, "offers_live")), paroer_overview_offers_live(ov, i));
        assert_int_equal(json_integer_value(json_object_get(r, "local_offers")), paroer_overview_local_offers(ov, i));
        assert_int_equal(json_integer_value(json_object_get(r, "covered_cells")), paroer_overview_covered_cells(ov, i));
        assert_int_equal(json_integer_value(json_object_get(r, "cells")), 3146);
        assert_int_equal(json_integer_value(json_object_get(r, "goals")), paroer_overview_goals(ov, i));
        assert_int_equal(json_integer_value(json_object_get(r, "goals_unrealised")),
                         paroer_overview_goals_unrealised(ov, i));
        double share = json_number_value(json_object_get(r, "coverage_overall"));
        assert_true(share == paroer_overview_coverage_overall(ov, i)); /* round trip */
        json_t *kinds = json_object_get(r, "kinds");
        uint32_t mask = 0;
        for (size_t k = 0; k < json_array_size(kinds); k++) {
            int32_t v = -1;
            const char *code = json_string_value(json_array_get(kinds, k));
            assert_int_equal(paroer_vocab_parse(&v, PAROER_VOCAB_OFFER_KIND, code, strlen(code)), PAROER_OK);
            assert_true(!k || (1u << v) > mask); /* code order */
            mask |= 1u << v;
        }
        assert_int_equal(mask, paroer_overview_kinds(ov, i));
        json_t *checks = json_object_get(r, "checks");
        assert_int_equal(json_object_size(checks), 6);
        for (size_t k = 0; k < 6; k++)
            assert_string_equal(json_string_value(json_object_get(checks, paroer_overview_check_code(k))),
                                paroer_check_status_code(paroer_overview_check_status(ov, i, k)));
    }
    json_t *sum = json_object_get(doc, "summary");
    assert_int_equal(json_integer_value(json_object_get(sum, "municipalities")), 98);
    assert_int_equal(json_integer_value(json_object_get(sum, "with_local_offers")),
                     paroer_overview_summary_with_local_offers(ov));
    json_t *checks = json_object_get(sum, "checks");
    for (size_t k = 0; k < 6; k++) {
        json_t *one = json_object_get(checks, paroer_overview_check_code(k));
        size_t total = 0;
        for (int32_t s = 0; s < 3; s++) {
            json_int_t v = json_integer_value(json_object_get(one, paroer_check_status_code(s)));
            assert_int_equal(v, paroer_overview_summary_checks(ov, k, s));
            total += (size_t)v;
        }
        assert_int_equal(total, 98);
    }
    json_t *by_kind = json_object_get(sum, "by_kind");
    assert_int_equal(json_object_size(by_kind), 12);
    for (int32_t k = 0; k < 12; k++)
        assert_int_equal(json_integer_value(json_object_get(by_kind, paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, k))),
                         paroer_overview_summary_by_kind(ov, k));
    json_decref(doc);
    paroer_free(text);
    paroer_overview_free(ov);
    paroer_catalog_free(c);
}

static void test_csv(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog(
        "{\"format\":\"paroer-catalog\",\"version\":1,\"providers\":[{\"id\":\"p\",\"name\":\"P\",\"kind\":\"municipal\"}],"
        "\"offers\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"counselling\",\"provider\":\"p\",\"municipalities\":[306]},"
        "{\"id\":\"b\",\"name\":\"B\",\"kind\":\"respite_home\",\"municipalities\":[306]},"
        "{\"id\":\"n\",\"name\":\"N\",\"kind\":\"information\",\"nationwide\":true}],"
        "\"policies\":[{\"id\":\"pol,\\\"x\\\"\",\"municipality\":306,\"title\":\"T\",\"goals\":["
        "{\"id\":\"g1\",\"title\":\"G\",\"category\":\"network\",\"needs\":[\"network\"]},"
        "{\"id\":\"g2\",\"title\":\"G\",\"category\":\"collaboration\"},"
        "{\"id\":\"g3\",\"title\":\"G\",\"category\":\"respite_support\",\"needs\":[\"respite\"]}]}]}");
    const int32_t codes[] = {306, 101};
    paroer_overview *ov = overview(c, TC_DATE, codes, 2);
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(paroer_overview_to_csv(ov, &text, &len), PAROER_OK);
    assert_int_equal(strlen(text), len);
    const char *expect =
        "municipality,name,offers_live,local_offers,kinds,covered_cells,cells,coverage_overall,respite_offered,"
        "policy_present,policy_current,action_plan_due,children_as_relatives,counsellor_present,goals,"
        "goals_unrealised,goals_organisational,policy\n";
    assert_memory_equal(text, expect, strlen(expect));
    const char *row1 = text + strlen(expect);
    char want[512];
    snprintf(want, sizeof want,
             "306,Odsherred,3,2,respite_home;counselling,%zu,3146,", paroer_overview_covered_cells(ov, 0));
    assert_memory_equal(row1, want, strlen(want));
    assert_non_null(strstr(row1, ",pass,pass,pass,warn,warn,pass,2,1,1,\"pol,\"\"x\"\"\"\n101,København,1,0,,"));
    assert_non_null(strstr(text, ",fail,fail,fail,fail,warn,warn,0,0,0,\n"));
    size_t lines = 0;
    for (const char *p = text; *p; p++) lines += *p == '\n';
    assert_int_equal(lines, 3);
    paroer_free(text);
    /* The share reads back as the same double. */
    char *json = NULL;
    assert_int_equal(paroer_overview_to_json(ov, &json, NULL), PAROER_OK);
    assert_non_null(strstr(json, "\"kinds\":[\"respite_home\",\"counselling\"]"));
    assert_non_null(strstr(json, "\"checks\":{\"respite_offered\":\"pass\",\"policy_present\":\"pass\""));
    assert_non_null(strstr(json, "\"policy\":null}"));
    paroer_free(json);
    assert_int_equal(paroer_overview_to_csv(NULL, &text, &len), PAROER_EINVALID);
    assert_int_equal(paroer_overview_to_json(ov, NULL, &len), PAROER_EINVALID);
    paroer_overview_free(ov);
    paroer_catalog_free(c);
}

static void test_html(void **state)
{
    (void)state;
    paroer_catalog *c = shipped_catalog();
    paroer_overview *ov = overview(c, TC_DATE, NULL, 0);
    for (int32_t lang = 0; lang < 2; lang++) {
        char *html = NULL;
        size_t len = 0;
        assert_int_equal(paroer_overview_to_html(ov, lang, &html, &len), PAROER_OK);
        assert_int_equal(strlen(html), len);
        assert_memory_equal(html, "<!DOCTYPE html>", 15);
        assert_non_null(strstr(html, "Content-Security-Policy"));
        size_t rows = 0;
        for (const char *p = html; (p = strstr(p, "<tr><td data-v=")) != NULL; p++) rows++;
        assert_int_equal(rows, 98);
        assert_non_null(strstr(html, lang == PAROER_LANG_DA ? "Et katalog er en stikprøve" : "A catalog is a sample"));
        assert_non_null(strstr(html, "Odsherred"));
        assert_null(strstr(html, "<script src"));
        paroer_free(html);
    }
    char *html = (char *)1;
    assert_int_equal(paroer_overview_to_html(ov, 7, &html, NULL), PAROER_EINVALID);
    assert_null(html);
    assert_int_equal(paroer_overview_to_html(NULL, 0, &html, NULL), PAROER_EINVALID);
    paroer_overview_free(ov);
    paroer_catalog_free(c);
}

/* ---- options, bad arguments, allocation failures ---------------------------------------- */

static void test_options(void **state)
{
    (void)state;
    paroer_catalog *c = tc_catalog("{\"format\":\"paroer-catalog\",\"version\":1}");
    paroer_overview_options o;
    assert_int_equal(paroer_overview_options_init(NULL, 1), PAROER_EINVALID);
    assert_int_equal(paroer_overview_options_init(&o, 0), PAROER_EINVALID);
    assert_int_equal(paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION + 1), PAROER_EINVALID);
    assert_int_equal(paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION), PAROER_OK);
    assert_null(o.municipalities);
    assert_int_equal(o.date, PAROER_DATE_NONE);
    paroer_overview *ov = (paroer_overview *)1;
    assert_int_equal(paroer_overview_compute(&ov, NULL, &o), PAROER_EINVALID);
    assert_null(ov);
    assert_int_equal(paroer_overview_compute(NULL, c, &o), PAROER_EINVALID);
    const int32_t twice[] = {306, 101, 306}, bad[] = {306, 1000}, zero[] = {0};
    o.municipalities = twice;
    o.n_municipalities = 3;
    assert_int_equal(paroer_overview_compute(&ov, c, &o), PAROER_EINVALID);
    assert_non_null(strstr(paroer_error_last()->message, "306 is listed twice"));
    o.municipalities = bad;
    o.n_municipalities = 2;
    assert_int_equal(paroer_overview_compute(&ov, c, &o), PAROER_EINVALID);
    o.municipalities = zero;
    o.n_municipalities = 1;
    assert_int_equal(paroer_overview_compute(&ov, c, &o), PAROER_EINVALID);
    o.n_municipalities = 0;
    assert_int_equal(paroer_overview_compute(&ov, c, &o), PAROER_EINVALID);
    o.version = 99;
    assert_int_equal(paroer_overview_compute(&ov, c, &o), PAROER_EINVALID);
    /* NULL options: today, the 98. */
    assert_int_equal(paroer_overview_compute(&ov, c, NULL), PAROER_OK);
    assert_int_equal(paroer_overview_count(ov), 98);
    assert_int_equal(paroer_overview_date(ov), paroer_date_today());
    /* out of range */
    assert_int_equal(paroer_overview_municipality(ov, 98), -1);
    assert_null(paroer_overview_name(ov, 98));
    assert_true(paroer_overview_coverage_overall(ov, 98) < 0);
    assert_int_equal(paroer_overview_check_status(ov, 0, 6), -1);
    assert_null(paroer_overview_check_code(6));
    paroer_overview_free(ov);
    paroer_overview_free(NULL);
    paroer_catalog_free(c);
}

static void test_alloc_failure(void **state)
{
    (void)state;
    char *json = random_catalog(7, 30);
    paroer_catalog *c = tc_catalog(json);
    free(json);
    int ok = 0;
    for (long budget = 0; !ok && budget < 100000; budget++) {
        tc_failing f = {budget, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        paroer_overview_options o;
        paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION);
        o.date = TC_DATE;
        o.allocator = &a;
        paroer_overview *ov = NULL;
        int rc = paroer_overview_compute(&ov, c, &o);
        if (rc == PAROER_OK) {
            char *text = NULL;
            rc = paroer_overview_to_json(ov, &text, NULL);
            if (rc == PAROER_OK) {
                a.free_fn(a.ctx, text);
                rc = paroer_overview_to_csv(ov, &text, NULL);
                if (rc == PAROER_OK) {
                    a.free_fn(a.ctx, text);
                    rc = paroer_overview_to_html(ov, PAROER_LANG_EN, &text, NULL);
                    if (rc == PAROER_OK) {
                        paroer_free(text); /* the page is always the C library's (as the report's) */
                        ok = 1;
                    }
                }
            }
            paroer_overview_free(ov);
        } else {
            assert_null(ov);
        }
        if (rc != PAROER_OK) assert_int_equal(rc, PAROER_ENOMEM);
        assert_int_equal(f.live, 0);
    }
    assert_true(ok);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_municipality_table), cmocka_unit_test(test_shipped_all_98),
        cmocka_unit_test(test_random_catalogs),    cmocka_unit_test(test_json),
        cmocka_unit_test(test_csv),                cmocka_unit_test(test_options),
        cmocka_unit_test(test_html),               cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
