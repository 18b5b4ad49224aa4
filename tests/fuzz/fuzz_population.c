/* libFuzzer target: the population CSV reader (contract section 5).
 *
 * The input is loaded leniently with diagnostics (bad rows are left out) and
 * strictly; a population that loads is read relative by relative, each turned
 * into a paroer_relative, and its population reach computed against a fixed
 * catalog, nationally and for municipality 306. The same bytes are then
 * streamed from a file (paroer_coverage_options.population_file) on 1 and
 * 3 threads: when neither path rejected a row, the coverage JSON must be
 * byte for byte the stored path's. The fuzzing build of the library cuts
 * the stream into pieces of a few hundred bytes (tests/fuzz/CMakeLists.txt),
 * so relatives, CR LF pairs and the buffer's growth meet every boundary. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_common.h"

#include <stdio.h>
#include <unistd.h>

/* One scratch file for the process, rewritten for every input. */
static const char *scratch_path(void)
{
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/fuzz-population-%ld.csv", (long)getpid());
    }
    return path;
}

static char *coverage_json(const paroer_catalog *c, const paroer_coverage_options *co, int *rc, uint64_t *rejected)
{
    paroer_coverage *cov = NULL;
    *rc = paroer_coverage_compute(&cov, c, co);
    if (*rc != PAROER_OK) {
        FUZZ_CHECK(cov == NULL);
        return NULL;
    }
    *rejected = paroer_coverage_pop_rejected_rows(cov);
    char *json = NULL;
    size_t len = 0;
    int jrc = paroer_coverage_to_json(cov, &json, &len);
    FUZZ_CHECK(jrc == PAROER_OK || jrc == PAROER_ENOMEM);
    paroer_coverage_free(cov);
    return json;
}

/* Streamed reach of `data` equals the stored reach of `p` (loaded from it). */
static void compare_streamed(const char *data, size_t size, const paroer_population *p)
{
    const char *path = scratch_path();
    FILE *f = fopen(path, "wb");
    if (!f) return;   /* no scratch space: nothing to compare */
    int ok = fwrite(data, 1, size, f) == size;
    if (fclose(f) != 0 || !ok) return;

    const paroer_catalog *c = fuzz_fixed_catalog();
    paroer_coverage_options co;
    FUZZ_CHECK(paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION) == PAROER_OK);
    co.date = fuzz_date();
    co.min_cell = 3;
    co.municipality = -1;
    co.population = p;
    int rc = 0;
    uint64_t rejected = 0;
    char *stored = coverage_json(c, &co, &rc, &rejected);
    FUZZ_CHECK(rc == PAROER_OK);
    co.population = NULL;
    co.population_file = path;
    static const uint32_t threads[] = {1, 3};
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        co.threads = threads[t];
        uint64_t srej = 0;
        int src = 0;
        char *streamed = coverage_json(c, &co, &src, &srej);
        /* The stream keeps no ids, so a relative whose rows come back later is
         * one more relative there and a rejected row in the stored path
         * (docs/coverage.md): compare only inputs that neither path rejects. */
        FUZZ_CHECK(src == PAROER_OK || src == PAROER_ENOMEM);
        if (src == PAROER_OK && rejected == 0 && srej == 0 && stored && streamed)
            FUZZ_CHECK(strcmp(stored, streamed) == 0);
        paroer_free(streamed);
    }
    paroer_free(stored);
    unlink(path);
}

static void use_population(const paroer_population *p)
{
    size_t n = paroer_population_count(p);
    FUZZ_CHECK(paroer_population_relation_total(p) >= n);
    FUZZ_CHECK(paroer_population_source(p) != NULL);
    for (size_t i = 0; i < n && i < 256; i++) {
        const char *id = paroer_population_id(p, i);
        FUZZ_CHECK(id != NULL);
        FUZZ_CHECK(paroer_population_find(p, id) >= 0);
        FUZZ_CHECK(paroer_population_line(p, i) >= 2);
        FUZZ_CHECK(paroer_population_relation_count(p, i) >= 1);
        paroer_relative *r = NULL;
        FUZZ_CHECK(paroer_population_relative(&r, p, i, NULL) == PAROER_OK);
        FUZZ_CHECK(paroer_relative_age(r) == paroer_population_age(p, i));
        FUZZ_CHECK(paroer_relative_municipality(r) == paroer_population_municipality(p, i));
        FUZZ_CHECK(paroer_relative_relation_count(r) == paroer_population_relation_count(p, i));
        fuzz_walk_relative(r);
        paroer_relative_free(r);
    }
    paroer_relative *none = NULL;
    FUZZ_CHECK(paroer_population_relative(&none, p, n, NULL) == PAROER_EINVALID && none == NULL);

    const paroer_catalog *c = fuzz_fixed_catalog();
    paroer_coverage_options co;
    FUZZ_CHECK(paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION) == PAROER_OK);
    co.date = fuzz_date();
    co.population = p;
    co.min_cell = 3;
    for (int k = 0; k < 2; k++) {
        co.municipality = k == 0 ? -1 : 306;
        paroer_coverage *cov = NULL;
        FUZZ_CHECK(paroer_coverage_compute(&cov, c, &co) == PAROER_OK);
        FUZZ_CHECK(paroer_coverage_has_population(cov) == 1);
        FUZZ_CHECK(paroer_coverage_pop_reached(cov) <= paroer_coverage_pop_relatives(cov));
        FUZZ_CHECK(paroer_coverage_pop_needs_met(cov) <= paroer_coverage_pop_reached(cov));
        fuzz_walk_coverage(cov);
        paroer_coverage_free(cov);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    paroer_diagnostics *diag = NULL;
    FUZZ_CHECK(paroer_diagnostics_new(&diag, NULL) == PAROER_OK);
    paroer_load_options opts;
    FUZZ_CHECK(paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION) == PAROER_OK);
    opts.diagnostics = diag;
    opts.max_errors = 5;

    paroer_population *p = NULL;
    int rc = paroer_population_load_buffer(&p, text, size, "pop.csv", &opts);
    fuzz_walk_diagnostics(diag);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(p != NULL);
        use_population(p);
        compare_streamed(text, size, p);
    } else {
        FUZZ_CHECK(p == NULL);
        fuzz_check_error(rc);
        FUZZ_CHECK(rc == PAROER_EPARSE || rc == PAROER_ESCHEMA || rc == PAROER_ENOMEM);
    }

    paroer_diagnostics_clear(diag);
    opts.flags = PAROER_LOAD_STRICT;
    paroer_population *strict = NULL;
    int rcs = paroer_population_load_buffer(&strict, text, size, "pop.csv", &opts);
    if (rcs == PAROER_OK) {
        FUZZ_CHECK(rc == PAROER_OK);
        FUZZ_CHECK(paroer_population_rejected_rows(strict) == 0);
        FUZZ_CHECK(paroer_population_count(strict) == paroer_population_count(p));
    } else {
        FUZZ_CHECK(strict == NULL);
        fuzz_check_error(rcs);
    }
    fuzz_walk_diagnostics(diag);
    paroer_population_free(strict);
    paroer_population_free(p);
    paroer_diagnostics_free(diag);
    return 0;
}
