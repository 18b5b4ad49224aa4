/* libFuzzer target: matching and coverage on a fuzzed catalog (sections 4, 5).
 *
 * The input is a catalog document. When it loads, fixed relatives are matched
 * against it (one call, a reusable matcher, a batch; with and without
 * explanations and a top-N cut, which must agree), and coverage is computed
 * for municipality 306 and nationally with a fixed population. */
#include "fuzz_common.h"

typedef struct batch_ctx {
    size_t calls;
    size_t counts[FUZZ_RELATIVE_COUNT];
} batch_ctx;

static int on_batch(size_t index, const paroer_match_result *result, void *userdata)
{
    batch_ctx *b = userdata;
    FUZZ_CHECK(index == b->calls && index < FUZZ_RELATIVE_COUNT);
    FUZZ_CHECK(paroer_match_result_count(result) == b->counts[index]);
    fuzz_walk_match(result);
    b->calls++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    paroer_catalog *c = NULL;
    if (paroer_catalog_load_buffer(&c, (const char *)data, size, "fuzz.json", NULL) != PAROER_OK)
        return 0;

    paroer_relative *rel[FUZZ_RELATIVE_COUNT];
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++)
        FUZZ_CHECK(paroer_relative_load_buffer(&rel[i], FUZZ_RELATIVES[i], strlen(FUZZ_RELATIVES[i]),
                                               NULL, NULL) == PAROER_OK);

    paroer_match_options mo;
    FUZZ_CHECK(paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION) == PAROER_OK);
    mo.date = fuzz_date();
    mo.explain = 1;
    paroer_matcher *matcher = NULL;
    FUZZ_CHECK(paroer_matcher_new(&matcher, c, &mo) == PAROER_OK);
    batch_ctx b = {0, {0}};
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++) {
        paroer_match_result *m = NULL;
        FUZZ_CHECK(paroer_match(&m, c, rel[i], &mo) == PAROER_OK);
        fuzz_walk_match(m);
        size_t n = paroer_match_result_count(m);
        FUZZ_CHECK(n + paroer_match_result_excluded_count(m) == paroer_catalog_offer_count(c));
        b.counts[i] = n;

        const paroer_match_result *mm = NULL;
        FUZZ_CHECK(paroer_matcher_match(matcher, rel[i], &mm) == PAROER_OK);
        FUZZ_CHECK(paroer_match_result_count(mm) == n);
        for (size_t k = 0; k < n; k++) {
            FUZZ_CHECK(paroer_match_result_offer(mm, k) == paroer_match_result_offer(m, k));
            FUZZ_CHECK(paroer_match_result_score(mm, k) == paroer_match_result_score(m, k));
        }

        /* The top 2 are the first 2 of the full ranking. */
        paroer_match_options top = mo;
        top.top = 2;
        top.explain = 0;
        paroer_match_result *t = NULL;
        FUZZ_CHECK(paroer_match(&t, c, rel[i], &top) == PAROER_OK);
        FUZZ_CHECK(paroer_match_result_count(t) == (n < 2 ? n : 2));
        for (size_t k = 0; k < paroer_match_result_count(t); k++)
            FUZZ_CHECK(paroer_match_result_offer(t, k) == paroer_match_result_offer(m, k));
        FUZZ_CHECK(paroer_match_result_excluded_count(t) == 0);
        paroer_match_result_free(t);
        paroer_match_result_free(m);
    }
    paroer_matcher_free(matcher);
    FUZZ_CHECK(paroer_match_batch(c, (const paroer_relative *const *)rel, FUZZ_RELATIVE_COUNT, &mo,
                                  on_batch, &b) == PAROER_OK);
    FUZZ_CHECK(b.calls == FUZZ_RELATIVE_COUNT);
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++) paroer_relative_free(rel[i]);

    paroer_population *pop = NULL;
    FUZZ_CHECK(paroer_population_load_buffer(&pop, FUZZ_POPULATION, sizeof FUZZ_POPULATION - 1,
                                             "pop.csv", NULL) == PAROER_OK);
    paroer_coverage_options co;
    FUZZ_CHECK(paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION) == PAROER_OK);
    co.date = fuzz_date();
    const int32_t munis[3] = {306, 101, -1};
    for (int k = 0; k < 3; k++) {
        co.municipality = munis[k];
        co.population = k == 0 ? NULL : pop;
        co.min_cell = (uint32_t)(3 + k);
        co.lang = k == 1 ? PAROER_LANG_DA : PAROER_LANG_EN;
        paroer_coverage *cov = NULL;
        FUZZ_CHECK(paroer_coverage_compute(&cov, c, &co) == PAROER_OK);
        FUZZ_CHECK(paroer_coverage_has_matrix(cov) == (munis[k] > 0));
        if (munis[k] > 0) {
            FUZZ_CHECK(paroer_coverage_cell_count(cov) == 286);
            FUZZ_CHECK(paroer_coverage_check_count(cov) == 6);
        }
        fuzz_walk_coverage(cov);
        paroer_coverage_free(cov);
    }
    paroer_population_free(pop);
    paroer_catalog_free(c);
    return 0;
}
