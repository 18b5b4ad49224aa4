/* Allocation failure: every allocation the library makes through a
 * paroer_allocator, failed in turn.
 *
 * A pipeline that touches every allocating public function (load catalogs
 * from memory and from files, with diagnostics; merge; build a catalog;
 * load and build relatives; match one, with a matcher and in a batch, with
 * explanations and as JSON; load a population with bad rows; make relatives
 * from it; compute coverage for a municipality and nationally, as JSON,
 * and streamed from a file;
 * free) is run once with a counting allocator to learn how many allocations
 * it makes (N). Then, for every k in 1..N, it is run again with an allocator
 * that fails the k-th allocation (and only that one). Each run must
 *   - stop with exactly PAROER_ENOMEM from the call that hit the failure
 *     (never another code, never a success that hides the failure),
 *   - leave that call's out-parameter NULL (no partial object),
 *   - set the thread's error record to PAROER_ENOMEM,
 *   - and, once everything created so far is freed, give back every byte:
 *     the allocator's count of live blocks is 0.
 * The ASan build's LeakSanitizer checks the rest (jansson's allocations,
 * which do not pass through the hooks by design: docs/reliability.md).
 *
 * A second pass fails the k-th allocation and every one after it (as a
 * process that has run out of memory would), which catches clean-up paths
 * that themselves allocate. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <paroer/paroer.h>
#include "fuzz/fuzz_common.h"

/* ---- the failing, counting allocator ------------------------------------------ */

typedef struct fail_alloc {
    long count;    /* allocation attempts so far (malloc and realloc) */
    long fail_at;  /* 1-based attempt to fail; 0 never */
    int sticky;    /* fail every attempt from fail_at on */
    long failed;   /* attempts that were failed */
    long live;     /* blocks handed out and not yet freed */
    const char *failed_in; /* the step running when the first failure happened */
} fail_alloc;

/* The step now running (set by STEP), for messages. */
static const char *current_step = "";

static int should_fail(fail_alloc *f)
{
    f->count++;
    if (f->fail_at > 0 && (f->count == f->fail_at || (f->sticky && f->count > f->fail_at))) {
        if (f->failed++ == 0) f->failed_in = current_step;
        return 1;
    }
    return 0;
}

static void *fa_malloc(void *ctx, size_t size)
{
    fail_alloc *f = ctx;
    if (should_fail(f)) return NULL;
    void *p = malloc(size);
    if (p) f->live++;
    return p;
}

static void *fa_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    fail_alloc *f = ctx;
    (void)old_size;
    if (should_fail(f)) return NULL;
    void *p = realloc(ptr, new_size);
    if (p && !ptr) f->live++;
    return p;
}

static void fa_free(void *ctx, void *ptr)
{
    fail_alloc *f = ctx;
    if (ptr) f->live--;
    free(ptr);
}

/* ---- the pipeline ----------------------------------------------------------------- */

/* A catalog with an unknown key (a warning in the diagnostics) and an offer
 * that does not collide with FUZZ_CATALOG, for the merge. */
static const char EXTRA_CATALOG[] =
    "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,\"future_key\":1,"
    "\"offers\":[{\"id\":\"x-kursus\",\"name\":\"Kursus\",\"kind\":\"course\",\"newer\":true,"
    "\"codes\":[{\"system\":\"urn:oid:1.2.208.176.2.21\",\"code\":\"abc\"}],"
    "\"legal_basis\":[\"serviceloven-84\"],\"schedule\":\"FREQ=WEEKLY\","
    "\"contact\":{\"phone\":\"1\",\"email\":\"a@b\",\"url\":\"https://x\"}}]}";

/* A population of 400 relatives (some with two relations) over 40
 * municipalities, made once, so the reader's tables grow several times. */
static char *big_population;

static void make_big_population(void)
{
    static const char *const rel[] = {"spouse_partner", "son_daughter", "parent", "sibling", "other_family",
                                      "friend_neighbour"};
    static const char *const cond[] = {"dementia", "cancer", "frailty;physical_illness", "mental_illness",
                                       "brain_injury"};
    static const char *const needs[] = {"respite", "information;counselling", "", "peer_support;network",
                                        "financial;work_life"};
    size_t cap = 128 * 1024, n = 0;
    big_population = malloc(cap);
    assert_non_null(big_population);
    n += (size_t)snprintf(big_population + n, cap - n, "%s",
                          "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
                          "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots\n");
    for (int i = 0; i < 400; i++) {
        int rows = i % 7 == 0 ? 2 : 1;
        for (int r = 0; r < rows; r++) {
            const char *rl = rel[(i + r) % 6];
            int age = 20 + (i * 7) % 70;
            n += (size_t)snprintf(big_population + n, cap - n, "g%d,%d,%d,%d,%s,%s,%d,%d,%d,1,%d,0,%s,,\n", i, age,
                                  101 + (i % 40) * 10, i % 2, rl, cond[(i + r) % 5], 10 + (i * 13) % 80,
                                  (i * 3) % 40, i % 3 == 0, i % 11 == 0, needs[i % 5]);
            assert_true(n < cap);
        }
    }
}

/* Everything the pipeline creates, so a failure at any step can free it all. */
typedef struct pipeline {
    paroer_diagnostics *diag;
    paroer_catalog *cat, *extra, *merged, *files, *built;
    paroer_catalog_builder *builder;
    paroer_relative *rel, *rel_built, *pop_rel;
    paroer_relative *batch[FUZZ_RELATIVE_COUNT];
    paroer_match_result *match;
    paroer_matcher *matcher;
    paroer_population *pop, *pop_file, *pop_big, *pop_pipe;
    paroer_coverage *cov, *cov_national, *cov_stream;
    char *json;
    const paroer_allocator *alloc;
    char *fingerprint;       /* what the pipeline computed (libc memory), see fingerprint_add */
    const char *failed_step; /* the step that returned an error */
    int failed_out_null;     /* 1 when that step's out-parameter was NULL */
} pipeline;

/* Appends text to the fingerprint: every result the pipeline computes, so a
 * run that survives a failed allocation can be compared with a clean run. */
static void fingerprint_add(pipeline *p, const char *text)
{
    size_t old = p->fingerprint ? strlen(p->fingerprint) : 0, add = strlen(text);
    char *n = realloc(p->fingerprint, old + add + 2);
    assert_non_null(n);
    memcpy(n + old, text, add);
    n[old + add] = '\n';
    n[old + add + 1] = '\0';
    p->fingerprint = n;
}

static void fingerprint_num(pipeline *p, const char *what, size_t value)
{
    char buf[96];
    snprintf(buf, sizeof buf, "%s=%zu", what, value);
    fingerprint_add(p, buf);
}

static void pipeline_free(pipeline *p)
{
    if (p->json) p->alloc->free_fn(p->alloc->ctx, p->json);
    paroer_coverage_free(p->cov_national);
    paroer_coverage_free(p->cov_stream);
    paroer_coverage_free(p->cov);
    paroer_population_free(p->pop_pipe);
    paroer_population_free(p->pop_big);
    paroer_population_free(p->pop_file);
    paroer_population_free(p->pop);
    paroer_matcher_free(p->matcher);
    paroer_match_result_free(p->match);
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++) paroer_relative_free(p->batch[i]);
    paroer_relative_free(p->pop_rel);
    paroer_relative_free(p->rel_built);
    paroer_relative_free(p->rel);
    paroer_catalog_builder_free(p->builder);
    paroer_catalog_free(p->built);
    paroer_catalog_free(p->files);
    paroer_catalog_free(p->merged);
    paroer_catalog_free(p->extra);
    paroer_catalog_free(p->cat);
    paroer_diagnostics_free(p->diag);
    free(p->fingerprint);
    p->fingerprint = NULL;
}

/* Runs one step; on failure records which and whether its object is NULL. */
#define STEP(name, call, outp)                                   \
    do {                                                         \
        current_step = (name);                                   \
        int rc_ = (call);                                        \
        if (rc_ != PAROER_OK) {                                  \
            p->failed_step = (name);                             \
            p->failed_out_null = (outp) == NULL;                 \
            return rc_;                                          \
        }                                                        \
    } while (0)

/* Same for calls without an out-parameter. */
#define STEP0(name, call)                                        \
    do {                                                         \
        current_step = (name);                                   \
        int rc_ = (call);                                        \
        if (rc_ != PAROER_OK) {                                  \
            p->failed_step = (name);                             \
            p->failed_out_null = 1;                              \
            return rc_;                                          \
        }                                                        \
    } while (0)

static int on_batch(size_t index, const paroer_match_result *result, void *userdata)
{
    (void)index;
    size_t *total = userdata;
    *total += paroer_match_result_count(result);
    return 0;
}

/* A coverage result as JSON, into the fingerprint. */
#define COVERAGE_JSON_STEP(name, cov)                                        \
    do {                                                                     \
        STEP(name, paroer_coverage_to_json((cov), &p->json, &len), p->json); \
        fingerprint_add(p, p->json);                                         \
        a->free_fn(a->ctx, p->json);                                         \
        p->json = NULL;                                                      \
    } while (0)

static int run_pipeline(pipeline *p, const paroer_allocator *a)
{
    memset(p, 0, sizeof *p);
    p->alloc = a;

    /* Loading catalogs, with diagnostics (the extra one has warnings). */
    STEP("diagnostics_new", paroer_diagnostics_new(&p->diag, a), p->diag);
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.allocator = a;
    lo.diagnostics = p->diag;
    STEP("catalog_load_buffer",
         paroer_catalog_load_buffer(&p->cat, FUZZ_CATALOG, sizeof FUZZ_CATALOG - 1, "fixed.json", &lo),
         p->cat);
    STEP("catalog_load_buffer(extra)",
         paroer_catalog_load_buffer(&p->extra, EXTRA_CATALOG, sizeof EXTRA_CATALOG - 1, "extra.json", &lo),
         p->extra);
    const paroer_catalog *both[2] = {p->cat, p->extra};
    STEP("catalog_merge", paroer_catalog_merge(&p->merged, both, 2, &lo), p->merged);
    const char *const paths[2] = {PAROER_SOURCE_DIR "/data/odsherred-policy.json",
                                  PAROER_SOURCE_DIR "/data/statutory.json"};
    STEP("catalog_load_files", paroer_catalog_load_files(&p->files, paths, 2, &lo), p->files);

    /* The builder. */
    STEP("catalog_builder_new", paroer_catalog_builder_new(&p->builder, &lo), p->builder);
    STEP0("builder_set_municipality", paroer_builder_set_municipality(p->builder, 306));
    STEP0("builder_add_provider", paroer_builder_add_provider(p->builder, "b-p", "Builder provider",
                                                              PAROER_PROVIDER_MUNICIPAL, PAROER_AREA_HEALTH));
    STEP0("builder_begin_offer", paroer_builder_begin_offer(p->builder, "b-o", "Built offer",
                                                            PAROER_KIND_RESPITE_AWAY));
    STEP0("builder_set_text", paroer_builder_set_text(p->builder, PAROER_FIELD_DESCRIPTION, "Beskrivelse"));
    STEP0("builder_add", paroer_builder_add(p->builder, PAROER_FIELD_CONDITIONS, PAROER_CONDITION_DEMENTIA));
    STEP0("builder_add_text", paroer_builder_add_text(p->builder, PAROER_FIELD_LANGUAGES, "en"));
    STEP0("builder_add_code", paroer_builder_add_code(p->builder, "urn:oid:1.2.208.176.2.21", "b-code"));
    STEP0("builder_end_offer", paroer_builder_end_offer(p->builder));
    STEP0("builder_add_catalog", paroer_builder_add_catalog(p->builder, p->extra));
    STEP("catalog_builder_finish", paroer_catalog_builder_finish(p->builder, &p->built), p->built);
    paroer_catalog_builder_free(p->builder);
    p->builder = NULL;

    /* Relatives: loaded and built. */
    STEP("relative_load_buffer",
         paroer_relative_load_buffer(&p->rel, FUZZ_RELATIVES[0], strlen(FUZZ_RELATIVES[0]), "r.json", &lo),
         p->rel);
    STEP("relative_new", paroer_relative_new(&p->rel_built, "b-1", 40, 306, a), p->rel_built);
    size_t ri = 0;
    STEP0("relative_add_relation", paroer_relative_add_relation(p->rel_built, PAROER_RELATION_PARENT, &ri));
    STEP0("relation_add_condition",
          paroer_relative_relation_add_condition(p->rel_built, ri, PAROER_CONDITION_CANCER));
    STEP0("relative_add_language", paroer_relative_add_language(p->rel_built, "en"));
    STEP0("relative_add_need", paroer_relative_add_need(p->rel_built, PAROER_NEED_RESPITE));
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++)
        STEP("relative_load_buffer(batch)",
             paroer_relative_load_buffer(&p->batch[i], FUZZ_RELATIVES[i], strlen(FUZZ_RELATIVES[i]), NULL, &lo),
             p->batch[i]);

    /* Matching. */
    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.allocator = a;
    mo.date = fuzz_date();
    mo.explain = 1;
    STEP("match", paroer_match(&p->match, p->merged, p->rel, &mo), p->match);
    size_t len = 0;
    STEP("match_result_to_json", paroer_match_result_to_json(p->match, &p->json, &len), p->json);
    fingerprint_add(p, p->json);
    a->free_fn(a->ctx, p->json);
    p->json = NULL;
    STEP("matcher_new", paroer_matcher_new(&p->matcher, p->merged, &mo), p->matcher);
    for (int round = 0; round < 2; round++) {
        const paroer_match_result *mr = NULL;
        STEP("matcher_match", paroer_matcher_match(p->matcher, round ? p->rel_built : p->rel, &mr), mr);
        fingerprint_num(p, "matcher", paroer_match_result_count(mr));
    }
    size_t total = 0;
    mo.top = 2;
    STEP0("match_batch", paroer_match_batch(p->built, (const paroer_relative *const *)p->batch,
                                            FUZZ_RELATIVE_COUNT, &mo, on_batch, &total));
    fingerprint_num(p, "batch", total);

    /* A population with bad rows, from memory and from a file. */
    STEP("population_load_buffer",
         paroer_population_load_buffer(&p->pop, FUZZ_POPULATION, sizeof FUZZ_POPULATION - 1, "pop.csv", &lo),
         p->pop);
    STEP("population_load_file",
         paroer_population_load_file(&p->pop_file, PAROER_SOURCE_DIR "/tests/data/pop-bad.csv", &lo),
         p->pop_file);
    STEP("population_load_buffer(big)",
         paroer_population_load_buffer(&p->pop_big, big_population, strlen(big_population), "big.csv", &lo),
         p->pop_big);
#ifdef __linux__
    /* A file that cannot be mapped (a pipe) is read in chunks instead. */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], FUZZ_POPULATION, sizeof FUZZ_POPULATION - 1), (ssize_t)(sizeof FUZZ_POPULATION - 1));
    close(fds[1]);
    char pipe_path[64];
    snprintf(pipe_path, sizeof pipe_path, "/dev/fd/%d", fds[0]);
    int prc = paroer_population_load_file(&p->pop_pipe, pipe_path, &lo);
    close(fds[0]);
    STEP("population_load_file(pipe)", prc, p->pop_pipe);
    fingerprint_num(p, "pop_pipe", paroer_population_count(p->pop_pipe));
#endif
    fingerprint_num(p, "pop", paroer_population_count(p->pop));
    fingerprint_num(p, "pop_rejected", paroer_population_rejected_rows(p->pop));
    fingerprint_num(p, "pop_file", paroer_population_count(p->pop_file));
    fingerprint_num(p, "pop_big", paroer_population_count(p->pop_big));
    fingerprint_num(p, "pop_big_relations", paroer_population_relation_total(p->pop_big));
    STEP("population_relative", paroer_population_relative(&p->pop_rel, p->pop, 1, a), p->pop_rel);

    /* Coverage. */
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.allocator = a;
    co.date = fuzz_date();
    co.municipality = 306;
    co.population = p->pop;
    co.min_cell = 3;
    STEP("coverage_compute", paroer_coverage_compute(&p->cov, p->merged, &co), p->cov);
    COVERAGE_JSON_STEP("coverage_to_json", p->cov);
    co.municipality = -1;
    co.population = p->pop_big;
    STEP("coverage_compute(national)", paroer_coverage_compute(&p->cov_national, p->files, &co),
         p->cov_national);
    COVERAGE_JSON_STEP("coverage_to_json(national)", p->cov_national);
    /* The same file streamed (one thread: the failures fall in the same place every run;
     * test_coverage_threads fails allocations with threads of its own). */
    co.population = NULL;
    co.population_file = PAROER_SOURCE_DIR "/tests/data/pop-bad.csv";
    co.population_load = &lo;
    co.threads = 1;
    STEP("coverage_compute(streamed)", paroer_coverage_compute(&p->cov_stream, p->files, &co), p->cov_stream);
    COVERAGE_JSON_STEP("coverage_to_json(streamed)", p->cov_stream);
    fingerprint_num(p, "catalog_offers", paroer_catalog_offer_count(p->files) + paroer_catalog_offer_count(p->merged) +
                                             paroer_catalog_offer_count(p->built));
    for (size_t i = 0; i < paroer_diagnostics_count(p->diag); i++)
        fingerprint_add(p, paroer_diagnostic_text(p->diag, i));
    return PAROER_OK;
}

/* ---- the tests -------------------------------------------------------------------- */

static long count_allocations(char **fingerprint)
{
    fail_alloc f = {0, 0, 0, 0, 0, NULL};
    paroer_allocator a = {fa_malloc, fa_realloc, fa_free, &f};
    pipeline p;
    int rc = run_pipeline(&p, &a);
    if (rc != PAROER_OK)
        fail_msg("the pipeline fails without any allocation failure: step %s gave %d (%s)", p.failed_step, rc,
                 paroer_error_last()->message);
    if (fingerprint) {
        *fingerprint = p.fingerprint;
        p.fingerprint = NULL;
    }
    pipeline_free(&p);
    assert_int_equal(f.live, 0);
    return f.count;
}

static void fail_each(int sticky)
{
    char *reference = NULL;
    long n = count_allocations(&reference);
    assert_true(n > 100);
    long tested = 0, bad = 0, optional = 0;
    char optional_steps[512] = "";
    for (long k = 1; k <= n; k++) {
        fail_alloc f = {0, k, sticky, 0, 0, NULL};
        paroer_allocator a = {fa_malloc, fa_realloc, fa_free, &f};
        pipeline p;
        paroer_error_clear();
        int rc = run_pipeline(&p, &a);
        int err_code = paroer_error_last()->code;
        const char *step = p.failed_step ? p.failed_step : "(none)";
        const char *where = f.failed_in ? f.failed_in : "(none)";
        int out_null = p.failed_out_null;
        int same = rc == PAROER_OK && p.fingerprint && !strcmp(p.fingerprint, reference);
        pipeline_free(&p);
        tested++;
        if (f.failed == 0) {
            /* The k-th allocation was not reached: the path is not deterministic. */
            print_error("k=%ld: only %ld allocations this time\n", k, f.count);
            bad++;
            continue;
        }
        if (rc == PAROER_OK && same && !sticky) {
            /* An optional allocation (a cache, a speed-up): the library went on
             * without it and computed exactly the same results. */
            optional++;
            if (!strstr(optional_steps, where) && strlen(optional_steps) + strlen(where) + 3 < sizeof optional_steps) {
                if (optional_steps[0]) strcat(optional_steps, ", ");
                strcat(optional_steps, where);
            }
        } else if (rc != PAROER_ENOMEM) {
            print_error("k=%ld%s: allocation failed in step %s, but step %s returned %d (%s), not PAROER_ENOMEM\n",
                        k, sticky ? "+" : "", where, step, rc, paroer_strerror(rc));
            bad++;
        } else if (!out_null) {
            print_error("k=%ld%s: step %s failed but left a partial object\n", k, sticky ? "+" : "", step);
            bad++;
        } else if (err_code != PAROER_ENOMEM) {
            print_error("k=%ld%s: step %s: error record says %d, not PAROER_ENOMEM\n", k, sticky ? "+" : "", step,
                        err_code);
            bad++;
        }
        if (f.live != 0) {
            print_error("k=%ld%s: step %s: %ld blocks leaked\n", k, sticky ? "+" : "", step, f.live);
            bad++;
        }
        if (bad > 20) break;
    }
    print_message("allocation points tested%s: %ld of %ld (%ld optional: same results without them%s%s), "
                  "failures: %ld\n", sticky ? " (failing from the k-th on)" : "", tested, n, optional,
                  optional ? ", in " : "", optional_steps, bad);
    free(reference);
    assert_int_equal(bad, 0);
    assert_int_equal(tested, n);
}

static void test_fail_each_allocation(void **state)
{
    (void)state;
    fail_each(0);
}

static void test_fail_from_kth_on(void **state)
{
    (void)state;
    fail_each(1);
}

/* The count is stable: the same pipeline makes the same allocations. */
static void test_count_is_deterministic(void **state)
{
    (void)state;
    long a = count_allocations(NULL);
    long b = count_allocations(NULL);
    assert_int_equal(a, b);
}

/* An allocator without realloc_fn is allowed (the library copies instead). */
static void test_allocator_without_realloc(void **state)
{
    (void)state;
    fail_alloc f = {0, 0, 0, 0, 0, NULL};
    paroer_allocator a = {fa_malloc, NULL, fa_free, &f};
    pipeline p;
    assert_int_equal(run_pipeline(&p, &a), PAROER_OK);
    pipeline_free(&p);
    assert_int_equal(f.live, 0);
    assert_true(f.count > 0);
}

/* ---- failing loads under allocation failure ------------------------------------ */

/* A document that must not load: with any allocation failing, the load gives
 * either its own error or PAROER_ENOMEM, never an object, and leaks nothing. */
typedef struct bad_doc {
    int kind; /* 0 catalog, 1 relative, 2 population (strict) */
    const char *text;
    int expected;
} bad_doc;

static const bad_doc bad_docs[] = {
    {0, "{\"format\":\"paroer-catalog\",\"version\":1,\"offers\":[{\"id\":\"a\",\"name\":\"A\","
        "\"kind\":\"respite_home\",\"target\":{\"conditions\":[\"demensia\"]}},"
        "{\"id\":\"a\",\"name\":\"B\",\"kind\":\"nope\",\"x\":1}]}", PAROER_ESCHEMA},
    {0, "{\"format\":\"paroer-catalog\",\"version\":1,\"offers\":[{\"id\":", PAROER_EPARSE},
    {1, "{\"id\":\"r\",\"age\":-3,\"municipality\":306,\"relations\":[{\"relation\":\"aunt\"}],\"y\":2}",
        PAROER_ESCHEMA},
    {2, "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,"
        "cared_at_home,terminal,bereaved,needs,modes,slots\na,52,306,1,son_daughter,dementia,84,12,0,1,0,0,,,\n"
        "b,x,306,1,parent,cancer,10,30,1,1,1,0,,,\n", PAROER_ESCHEMA},
};

static int load_bad(const bad_doc *b, const paroer_allocator *a, paroer_diagnostics *diag, int *out_null)
{
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.allocator = a;
    lo.diagnostics = diag;
    int rc;
    if (b->kind == 0) {
        paroer_catalog *c = NULL;
        rc = paroer_catalog_load_buffer(&c, b->text, strlen(b->text), "bad.json", &lo);
        *out_null = c == NULL;
        paroer_catalog_free(c);
    } else if (b->kind == 1) {
        paroer_relative *r = NULL;
        rc = paroer_relative_load_buffer(&r, b->text, strlen(b->text), "bad.json", &lo);
        *out_null = r == NULL;
        paroer_relative_free(r);
    } else {
        paroer_population *pop = NULL;
        lo.flags = PAROER_LOAD_STRICT;
        rc = paroer_population_load_buffer(&pop, b->text, strlen(b->text), "bad.csv", &lo);
        *out_null = pop == NULL;
        paroer_population_free(pop);
    }
    return rc;
}

static void test_bad_documents_under_failure(void **state)
{
    (void)state;
    long points = 0;
    for (size_t d = 0; d < sizeof bad_docs / sizeof bad_docs[0]; d++) {
        for (int with_diag = 0; with_diag < 2; with_diag++) {
            fail_alloc f = {0, 0, 0, 0, 0, NULL};
            paroer_allocator a = {fa_malloc, fa_realloc, fa_free, &f};
            paroer_diagnostics *diag = NULL;
            if (with_diag) assert_int_equal(paroer_diagnostics_new(&diag, &a), PAROER_OK);
            int out_null = 0;
            assert_int_equal(load_bad(&bad_docs[d], &a, diag, &out_null), bad_docs[d].expected);
            assert_true(out_null);
            paroer_diagnostics_free(diag);
            assert_int_equal(f.live, 0);
            long n = f.count;
            for (long k = 1; k <= n; k++) {
                fail_alloc g = {0, k, 0, 0, 0, NULL};
                paroer_allocator ga = {fa_malloc, fa_realloc, fa_free, &g};
                paroer_diagnostics *gd = NULL;
                if (with_diag && paroer_diagnostics_new(&gd, &ga) != PAROER_OK) {
                    assert_null(gd);
                    assert_int_equal(g.live, 0);
                    points++;
                    continue;
                }
                int rc = load_bad(&bad_docs[d], &ga, gd, &out_null);
                paroer_diagnostics_free(gd);
                if (rc != bad_docs[d].expected && rc != PAROER_ENOMEM)
                    fail_msg("bad document %zu, k=%ld: returned %d", d, k, rc);
                assert_true(out_null);
                assert_int_equal(g.live, 0);
                points++;
            }
        }
    }
    print_message("allocation points tested on failing loads: %ld\n", points);
    assert_true(points > 10);
}

int main(void)
{
    make_big_population();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_is_deterministic),
        cmocka_unit_test(test_allocator_without_realloc),
        cmocka_unit_test(test_fail_each_allocation),
        cmocka_unit_test(test_fail_from_kth_on),
        cmocka_unit_test(test_bad_documents_under_failure),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(big_population);
    return failed;
}
