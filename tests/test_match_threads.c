/* Several threads match against one shared catalog (and shared relatives)
 * at once and get exactly the single-threaded results. Run it under
 * ThreadSanitizer in CI (-DPAROER_SANITIZER=thread). */
#include "test_match_util.h"
#include <pthread.h>

#define N_REL 200
#define N_THREADS 6
#define ROUNDS 3

typedef struct shared {
    paroer_catalog *c;
    paroer_relative *rel[N_REL];
    char *want[2][N_REL];   /* JSON per explain setting, single-threaded */
    int32_t date;
} shared;

typedef struct worker {
    shared *s;
    int id;
    int mismatches;
    int errors;
} worker;

static char *json_of(const paroer_match_result *res)
{
    char *s = NULL;
    if (paroer_match_result_to_json(res, &s, NULL) != PAROER_OK) return NULL;
    return s;
}

static void check(worker *w, int explain, int i, const paroer_match_result *res)
{
    char *s = json_of(res);
    if (!s) { w->errors++; return; }
    if (strcmp(s, w->s->want[explain][i]) != 0) w->mismatches++;
    paroer_free(s);
}

static int batch_cb(size_t index, const paroer_match_result *res, void *userdata)
{
    worker *w = userdata;
    check(w, 0, (int)index, res);
    return 0;
}

static void *run(void *arg)
{
    worker *w = arg;
    shared *s = w->s;
    for (int round = 0; round < ROUNDS; round++) {
        int explain = (w->id + round) & 1;
        /* no cmocka asserts off the main thread: plain checks only */
        paroer_match_options o;
        if (paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION) != PAROER_OK) { w->errors++; continue; }
        o.date = w->s->date;
        o.explain = explain;
        switch ((w->id + round) % 3) {
        case 0: /* one-shot, in a thread-dependent order */
            for (int k = 0; k < N_REL; k++) {
                int i = (k * 7 + w->id * 13) % N_REL;
                paroer_match_result *res = NULL;
                if (paroer_match(&res, s->c, s->rel[i], &o) != PAROER_OK) { w->errors++; continue; }
                check(w, explain, i, res);
                paroer_match_result_free(res);
            }
            break;
        case 1: { /* a matcher per thread */
            paroer_matcher *m = NULL;
            if (paroer_matcher_new(&m, s->c, &o) != PAROER_OK) { w->errors++; break; }
            for (int k = N_REL - 1; k >= 0; k--) {
                const paroer_match_result *res = NULL;
                if (paroer_matcher_match(m, s->rel[k], &res) != PAROER_OK) { w->errors++; continue; }
                check(w, explain, k, res);
            }
            paroer_matcher_free(m);
            break;
        }
        default: /* a batch */
            o.explain = 0;
            if (paroer_match_batch(s->c, (const paroer_relative *const *)s->rel, N_REL, &o, batch_cb, w) != PAROER_OK)
                w->errors++;
            break;
        }
    }
    return NULL;
}

static void test_threads_get_single_threaded_results(void **state)
{
    (void)state;
    shared s;
    s.c = tm_random_catalog(99, 50, 15);
    s.date = TM_TODAY;
    tm_rng g = {777};
    for (int i = 0; i < N_REL; i++) s.rel[i] = tm_random_relative(&g, i);
    for (int explain = 0; explain <= 1; explain++) {
        for (int i = 0; i < N_REL; i++) {
            paroer_match_result *res = tm_match(s.c, s.rel[i], explain);
            s.want[explain][i] = json_of(res);
            assert_non_null(s.want[explain][i]);
            paroer_match_result_free(res);
        }
    }
    pthread_t th[N_THREADS];
    worker w[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        w[t] = (worker){&s, t, 0, 0};
        assert_int_equal(pthread_create(&th[t], NULL, run, &w[t]), 0);
    }
    for (int t = 0; t < N_THREADS; t++) assert_int_equal(pthread_join(th[t], NULL), 0);
    for (int t = 0; t < N_THREADS; t++) {
        assert_int_equal(w[t].errors, 0);
        assert_int_equal(w[t].mismatches, 0);
    }
    for (int explain = 0; explain <= 1; explain++)
        for (int i = 0; i < N_REL; i++) paroer_free(s.want[explain][i]);
    for (int i = 0; i < N_REL; i++) paroer_relative_free(s.rel[i]);
    paroer_catalog_free(s.c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_get_single_threaded_results),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
