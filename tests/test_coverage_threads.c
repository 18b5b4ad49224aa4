#define _POSIX_C_SOURCE 200809L
/* Population reach streamed from a file (paroer_coverage_options.population_file):
 * the same result as the stored population (paroer_population_load_file +
 * options.population), byte for byte in the JSON and entry for entry in the
 * diagnostics, for every number of threads and through a host parallel-for.
 * Named *threads* so that the TSan stage (ctest -R threads) runs it.
 *
 * Files: the test data, the data-driven bad-population cases, and generated
 * populations big enough to be cut into many pieces (several MiB), with bad
 * rows, several relations per relative, unknown facts, LF / CR LF / CR line
 * ends and ';' separators; catalogs: the shipped one and a generated one
 * with capacities (so the allocation takes part). */
#include "test_coverage_util.h"
#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

#define SHIPPED PAROER_SOURCE_DIR "/data/dk-offers.json"

typedef struct outcome { int rc; char *json; char *diag; } outcome;

static char *diag_text(const paroer_diagnostics *d)
{
    size_t cap = 1024, len = 0;
    char *s = malloc(cap);
    s[0] = '\0';
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        const char *t = paroer_diagnostic_text(d, i);
        size_t n = strlen(t);
        while (len + n + 2 > cap) s = realloc(s, cap *= 2);
        memcpy(s + len, t, n);
        len += n;
        s[len++] = '\n';
        s[len] = '\0';
    }
    return s;
}

/* threads: 0 = the stored path; > 0 streaming with that many; -1 streaming through parallel_for. */
static void host_pfor(void *ctx, size_t n, void (*task)(void *, size_t), void *arg)
{
    (*(int *)ctx)++;
    for (size_t i = n; i-- > 0;) task(arg, i);   /* backwards: the order must not matter */
}

static outcome run(const paroer_catalog *c, const char *path, int32_t muni, int threads, int strict)
{
    outcome o = {0, NULL, NULL};
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    lo.max_errors = 7;
    if (strict) lo.flags |= PAROER_LOAD_STRICT;
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.date = TC_DATE;
    co.municipality = muni;
    co.min_cell = 3;
    paroer_population *p = NULL;
    int calls = 0;
    if (threads == 0) {
        o.rc = paroer_population_load_file(&p, path, &lo);
        co.population = p;
    } else {
        co.population_file = path;
        co.population_load = &lo;
        if (threads < 0) {
            co.parallel_for = host_pfor;
            co.parallel_ctx = &calls;
        } else {
            co.threads = (uint32_t)threads;
        }
    }
    if (o.rc == 0) {
        paroer_coverage *cov = NULL;
        o.rc = paroer_coverage_compute(&cov, c, &co);
        if (o.rc == 0) {
            o.json = tc_json(cov);
            paroer_coverage_free(cov);
        }
    }
    if (threads < 0 && o.rc == 0) assert_true(calls > 0);
    o.diag = diag_text(d);
    paroer_population_free(p);
    paroer_diagnostics_free(d);
    return o;
}

static void same(const outcome *a, const outcome *b, const char *what)
{
    if (a->rc != b->rc) fail_msg("%s: status %d != %d\n%s\n%s", what, a->rc, b->rc, a->diag, b->diag);
    if ((a->json == NULL) != (b->json == NULL) || (a->json && strcmp(a->json, b->json) != 0))
        fail_msg("%s: JSON differs\n%s\n%s", what, a->json ? a->json : "(none)", b->json ? b->json : "(none)");
    if (strcmp(a->diag, b->diag) != 0) fail_msg("%s: diagnostics differ\n--\n%s--\n%s", what, a->diag, b->diag);
}

static void free_outcome(outcome *o)
{
    paroer_free(o->json);
    free(o->diag);
}

static void compare_all(const paroer_catalog *c, const char *path, int strict)
{
    static const int threads[] = {1, 2, 3, 8, -1};
    static const int32_t munis[] = {-1, 306};
    for (size_t m = 0; m < sizeof munis / sizeof munis[0]; m++) {
        outcome ref = run(c, path, munis[m], 0, strict);
        for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
            outcome x = run(c, path, munis[m], threads[t], strict);
            char what[1200];
            snprintf(what, sizeof what, "%s (municipality %d, threads %d%s)", path, (int)munis[m], threads[t],
                     strict ? ", strict" : "");
            same(&ref, &x, what);
            free_outcome(&x);
        }
        free_outcome(&ref);
    }
}

/* A catalog with many offers, some with a capacity. */
static paroer_catalog *capped_catalog(void)
{
    size_t cap = 1 << 20, o = 0;
    char *s = malloc(cap);
    static const char *const kinds[] = {"respite_home", "counselling", "peer_group", "course", "respite_away",
                                        "cafe_network", "information", "health_promotion"};
    static const char *const areas[] = {"101", "147", "306", "461", "751"};
    o += (size_t)snprintf(s + o, cap - o, "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,\"offers\":[");
    for (int i = 0; i < 300; i++) {
        char where[64];
        if (i % 5 == 0) snprintf(where, sizeof where, "\"nationwide\":true,");
        else snprintf(where, sizeof where, "\"municipalities\":[%s],", areas[i % 5]);
        o += (size_t)snprintf(s + o, cap - o,
                              "%s{\"id\":\"o%03d\",\"name\":\"O\",\"kind\":\"%s\",%s%s"
                              "\"target\":{\"relative_age\":{\"min\":%d,\"max\":%d}%s%s}}",
                              i ? "," : "", (i * 37) % 300, kinds[i % 8], where, i % 3 == 0 ? "\"capacity\":2," : "",
                              (i % 4) * 10, 60 + (i % 7) * 10, i % 6 == 1 ? ",\"conditions\":[\"dementia\"]" : "",
                              i % 9 == 2 ? ",\"requires\":[\"cohabiting\"]" : "");
    }
    o += (size_t)snprintf(s + o, cap - o, "]}");
    paroer_catalog *c = tc_catalog(s);
    free(s);
    return c;
}

static uint32_t rnd(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* A generated population file: `n` relatives, 1-3 rows each; `bad` spoils
 * about one row in 97, `unknown` puts `?` in some columns. */
static void write_population(const char *path, int n, uint32_t seed, const char *eol, char sep, int bad, int unknown)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    static const char *const rel[] = {"spouse_partner", "son_daughter", "parent", "sibling", "other_family",
                                      "friend_neighbour"};
    static const char *const cond[] = {"dementia", "cancer", "frailty", "mental_illness", "dementia;cancer", ""};
    static const char *const needs[] = {"respite", "information;respite", "", "peer_support", "counselling;network"};
    static const int munis[] = {101, 147, 306, 461, 751, 306, 306};
    const char *h = "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,"
                    "cared_at_home,terminal,bereaved,needs,modes,slots";
    for (const char *p = h; *p; p++) fputc(*p == ',' ? sep : *p, f);
    fputs(eol, f);
    const char *q = sep == ';' ? "\"" : "";   /* lists hold ';': quote them in a ';' file */
    for (int i = 0; i < n; i++) {
        int rows = 1 + (int)(rnd(&seed) % 3 == 0) + (int)(rnd(&seed) % 7 == 0);
        char age[8], emp[4];
        snprintf(age, sizeof age, "%d", 10 + (int)(rnd(&seed) % 80));
        if (unknown && rnd(&seed) % 23 == 0) snprintf(age, sizeof age, "?");
        snprintf(emp, sizeof emp, "%s", unknown && i % 29 == 0 ? "?" : rnd(&seed) % 2 ? "1" : "0");
        int mu = munis[rnd(&seed) % 7];
        const char *nd = needs[rnd(&seed) % 5];
        for (int r = 0; r < rows; r++) {
            char cfa[8], coh[4], line[512];
            snprintf(cfa, sizeof cfa, "%d", (int)(rnd(&seed) % 100));
            if (unknown && rnd(&seed) % 19 == 0) snprintf(cfa, sizeof cfa, "?");
            snprintf(coh, sizeof coh, "%s", unknown && rnd(&seed) % 17 == 0 ? "?" : rnd(&seed) % 2 ? "1" : "0");
            const char *cd = unknown && rnd(&seed) % 31 == 0 ? "?" : cond[rnd(&seed) % 6];
            snprintf(line, sizeof line, "p%d,%s,%d,%s,%s,%s%s%s,%s,%d,%s,1,%d,0,%s%s%s,,", i, age, mu, emp,
                     rel[rnd(&seed) % 6], q, cd, q, cfa, (int)(rnd(&seed) % 45), coh, rnd(&seed) % 11 == 0, q, nd, q);
            if (bad && rnd(&seed) % 97 == 0) {
                int how = (int)(rnd(&seed) % 3);
                if (how == 0) fputc('"', f);                                   /* an open quote */
                else if (how == 1) *strrchr(line, ',') = '\0';                 /* a field short */
                else strchr(line, ',')[1] = 'x';                               /* a bad age */
            }
            /* a ';' file: the separators become ';' outside the quoted lists */
            int in_q = 0;
            for (char *p = line; *p; p++) {
                if (*p == '"') in_q = !in_q;
                fputc(*p == ',' && !in_q ? sep : *p, f);
            }
            fputs(eol, f);
            if (rnd(&seed) % 50 == 0) fputs(eol, f);   /* a blank line */
        }
    }
    fclose(f);
}

static void test_small_files(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_file(&c, SHIPPED, NULL), PAROER_OK);
    compare_all(c, PAROER_TEST_DATADIR "/pop-small.csv", 0);
    compare_all(c, PAROER_TEST_DATADIR "/pop-bad.csv", 1);   /* strict: stops before its non-consecutive row */
    /* every data-driven case without a non-consecutive id (which only the stored loader sees) */
    const char *dir = PAROER_SOURCE_DIR "/tests/bad_population";
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strstr(e->d_name, "consecutive") || strchr(e->d_name, '.')) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/input.csv", dir, e->d_name);
        if (access(path, R_OK) != 0) continue;
        compare_all(c, path, 0);
    }
    closedir(d);
    paroer_catalog_free(c);
}

static void test_generated_files(void **state)
{
    (void)state;
    paroer_catalog *shipped = NULL, *capped = capped_catalog();
    assert_int_equal(paroer_catalog_load_file(&shipped, SHIPPED, NULL), PAROER_OK);
    char path[] = "/tmp/paroer-threads-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    static const struct { int n; const char *eol; char sep; int bad, unknown; } cases[] = {
        {60000, "\n", ',', 1, 0},      /* ~4 MiB: several pieces and batches */
        {30000, "\r\n", ',', 0, 1},
        {20000, "\r", ';', 1, 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        write_population(path, cases[k].n, 7u + (uint32_t)k, cases[k].eol, cases[k].sep, cases[k].bad,
                         cases[k].unknown);
        compare_all(shipped, path, 0);
        compare_all(capped, path, 0);
        if (cases[k].bad) compare_all(capped, path, 1);
    }
    unlink(path);
    paroer_catalog_free(shipped);
    paroer_catalog_free(capped);
}

/* The one difference: a relative whose rows come back later (not
 * consecutive) is rejected by the stored loader, which keeps every id; the
 * stream keeps no ids (its memory must not grow with the population) and
 * counts the later rows as another relative. docs/coverage.md says so. */
static void test_non_consecutive_rows(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_file(&c, SHIPPED, NULL), PAROER_OK);
    outcome st = run(c, PAROER_TEST_DATADIR "/pop-bad.csv", -1, 0, 0);
    outcome sm = run(c, PAROER_TEST_DATADIR "/pop-bad.csv", -1, 2, 0);
    assert_int_equal(st.rc, 0);
    assert_int_equal(sm.rc, 0);
    assert_non_null(strstr(st.json, "\"relatives\":4,\"rejected_rows\":3"));
    assert_non_null(strstr(sm.json, "\"relatives\":5,\"rejected_rows\":2"));
    free_outcome(&st);
    free_outcome(&sm);
    paroer_catalog_free(c);
}

static void test_errors(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_file(&c, SHIPPED, NULL), PAROER_OK);
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.population_file = "/nonexistent/pop.csv";
    paroer_coverage *cov = (paroer_coverage *)1;
    assert_int_equal(paroer_coverage_compute(&cov, c, &co), PAROER_EIO);
    assert_null(cov);
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_file(&p, PAROER_TEST_DATADIR "/pop-small.csv", NULL), PAROER_OK);
    co.population_file = PAROER_TEST_DATADIR "/pop-small.csv";
    co.population = p;
    assert_int_equal(paroer_coverage_compute(&cov, c, &co), PAROER_EINVALID);
    /* a version 1 caller never sees the new fields */
    paroer_coverage_options v1;
    memset(&v1, 0xAB, sizeof v1);
    assert_int_equal(paroer_coverage_options_init(&v1, 1), PAROER_OK);
    v1.population = p;
    assert_int_equal(paroer_coverage_compute(&cov, c, &v1), PAROER_OK);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* ---- allocation failure with threads of its own -------------------------------
 * Every allocation of a streamed run on 3 threads (the ring of batches: the
 * workers allocate too, in an order that varies from run to run) is failed in
 * turn, once alone and once with every one after it. Each run must end with
 * PAROER_OK and the JSON of a run without failures, or with PAROER_ENOMEM and
 * no result, and give back every block. */

typedef struct locked_alloc {
    pthread_mutex_t lock;
    long count, fail_at, live, failed;
    int sticky;
} locked_alloc;

static int la_fail(locked_alloc *f)
{
    f->count++;
    int fail = f->fail_at > 0 && (f->count == f->fail_at || (f->sticky && f->count > f->fail_at));
    f->failed += fail;
    return fail;
}

static void *la_malloc(void *ctx, size_t size)
{
    locked_alloc *f = ctx;
    pthread_mutex_lock(&f->lock);
    void *p = la_fail(f) ? NULL : malloc(size);
    if (p) f->live++;
    pthread_mutex_unlock(&f->lock);
    return p;
}

static void *la_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    locked_alloc *f = ctx;
    (void)old_size;
    pthread_mutex_lock(&f->lock);
    void *p = la_fail(f) ? NULL : realloc(ptr, new_size);
    if (p && !ptr) f->live++;
    pthread_mutex_unlock(&f->lock);
    return p;
}

static void la_free(void *ctx, void *ptr)
{
    locked_alloc *f = ctx;
    pthread_mutex_lock(&f->lock);
    if (ptr) f->live--;
    free(ptr);
    pthread_mutex_unlock(&f->lock);
}

/* One streamed run with allocator f; returns the status, *json the JSON (malloc'd) on success. */
static int stream_with(const paroer_catalog *c, const char *path, locked_alloc *f, char **json)
{
    paroer_allocator a = {la_malloc, la_realloc, la_free, f};
    paroer_diagnostics *d = NULL;
    *json = NULL;
    int rc = paroer_diagnostics_new(&d, &a);
    if (rc) return rc;
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.date = TC_DATE;
    co.allocator = &a;
    co.population_file = path;
    co.population_load = &lo;
    co.threads = 3;
    paroer_coverage *cov = (paroer_coverage *)1;
    rc = paroer_coverage_compute(&cov, c, &co);
    if (rc) assert_null(cov);
    else {
        char *text = NULL;
        size_t len;
        rc = paroer_coverage_to_json(cov, &text, &len);
        if (!rc) {
            *json = strdup(text);
            a.free_fn(a.ctx, text);
        }
        paroer_coverage_free(cov);
    }
    paroer_diagnostics_free(d);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    paroer_catalog *c = capped_catalog();
    char path[] = "/tmp/paroer-threads-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_population(path, 1500, 11u, "\n", ',', 1, 1);
    locked_alloc f;
    memset(&f, 0, sizeof f);
    pthread_mutex_init(&f.lock, NULL);
    char *want = NULL;
    assert_int_equal(stream_with(c, path, &f, &want), PAROER_OK);
    assert_int_equal(f.live, 0);
    const long n = f.count;
    assert_true(n > 10);
    print_message("streamed run on 3 threads: %ld allocations\n", n);
    for (int sticky = 0; sticky < 2; sticky++) {
        /* the workers' allocations move between runs: go on past n until a run sees no failure */
        for (long k = 1; k <= n + 200; k++) {
            f.count = f.live = f.failed = 0;
            f.fail_at = k;
            f.sticky = sticky;
            char *got = NULL;
            int rc = stream_with(c, path, &f, &got);
            if (rc != PAROER_OK && rc != PAROER_ENOMEM) fail_msg("allocation %ld%s: status %d", k, sticky ? "+" : "", rc);
            /* a run may survive a failure (a reader without its list memo, a speed-up only) */
            if (rc == PAROER_OK) assert_string_equal(got, want);
            if (f.live != 0) fail_msg("allocation %ld%s: %ld blocks not given back", k, sticky ? "+" : "", f.live);
            free(got);
            if (!f.failed) break;
        }
    }
    pthread_mutex_destroy(&f.lock);
    free(want);
    unlink(path);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_files),
        cmocka_unit_test(test_generated_files),
        cmocka_unit_test(test_non_consecutive_rows),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
