/* bench_unknown - one-relative latency of matching with unknown facts
 * (contract 4a) against today's fully known matching, same relatives, same
 * process, alternating.
 *
 * usage: bench_unknown --catalog FILE [--relatives N] [--passes P]
 *
 * For N pseudo-random relatives in the catalog's municipalities (fixed seed),
 * two versions: fully known, and the same with 5 unknown facts (age as the
 * range 18..80, employed, and cohabiting, cared_at_home, terminal of the
 * first relation). Each is matched with a warmed paroer_matcher (top 10; the
 * known ones without, the partial ones with the `possible` option, which
 * also computes the questions), every call timed on its own. Prints the
 * medians and the ratio (target <= 2x). No timing is asserted. */
#define _POSIX_C_SOURCE 200809L
#include <paroer/paroer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static uint64_t rng = 88172645463325252ull;
static uint32_t next(void)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "bench_unknown: %s: %s (%d)\n", what, paroer_error_last()->message, rc);
    exit(2);
}

static paroer_relative *make(int32_t muni, uint32_t seed, int unknowns)
{
    uint64_t save = rng;
    rng = seed * 2654435761u + 1;
    paroer_relative *r = NULL;
    int rc = paroer_relative_new(&r, "b", 20 + (int32_t)(next() % 60), muni, NULL);
    if (rc) die("paroer_relative_new", rc);
    paroer_relative_set_employed(r, (int)(next() % 2));
    size_t i = 0;
    paroer_relative_add_relation(r, (int32_t)(next() % 6), &i);
    paroer_relative_relation_add_condition(r, i, (int32_t)(next() % 11));
    paroer_relative_relation_set_cared_for_age(r, i, 40 + (int32_t)(next() % 60));
    for (int32_t f = 0; f < 3; f++) paroer_relative_relation_set_flag(r, i, f, (int)(next() % 2));
    if (next() % 2) paroer_relative_relation_set_hours(r, i, 25);
    for (int k = (int)(next() % 3); k > 0; k--) paroer_relative_add_need(r, (int32_t)(next() % 11));
    if (unknowns) {
        paroer_relative_set_age_range(r, 18, 80);
        paroer_relative_set_employed(r, PAROER_UNKNOWN);
        paroer_relative_relation_set_flag(r, i, PAROER_FLAG_COHABITING, PAROER_UNKNOWN);
        paroer_relative_relation_set_flag(r, i, PAROER_FLAG_CARED_AT_HOME, PAROER_UNKNOWN);
        paroer_relative_relation_set_flag(r, i, PAROER_FLAG_TERMINAL, PAROER_UNKNOWN);
    }
    rng = save;
    return r;
}

int main(int argc, char **argv)
{
    const char *catalog = NULL;
    size_t n = 2000;
    int passes = 5;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--catalog") && i + 1 < argc) catalog = argv[++i];
        else if (!strcmp(argv[i], "--relatives") && i + 1 < argc) n = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--passes") && i + 1 < argc) passes = atoi(argv[++i]);
        else { fprintf(stderr, "usage: bench_unknown --catalog FILE [--relatives N] [--passes P]\n"); return 2; }
    }
    if (!catalog || !n || passes < 1) { fprintf(stderr, "usage: bench_unknown --catalog FILE [--relatives N] [--passes P]\n"); return 2; }
    paroer_catalog *cat = NULL;
    int rc = paroer_catalog_load_file(&cat, catalog, NULL);
    if (rc) die("loading the catalog", rc);
    /* the municipalities the catalog's offers name */
    int32_t munis[1000];
    size_t nm = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(cat) && nm < 1000; i++) {
        const paroer_offer *o = paroer_catalog_offer(cat, i);
        for (size_t k = 0; k < paroer_offer_municipality_count(o) && nm < 1000; k++) {
            int32_t m = paroer_offer_municipality(o, k), dup = 0;
            for (size_t j = 0; j < nm && !dup; j++) dup = munis[j] == m;
            if (!dup) munis[nm++] = m;
        }
    }
    if (!nm) munis[nm++] = 101;
    paroer_relative **known = calloc(n, sizeof *known), **part = calloc(n, sizeof *part);
    double *tk = calloc(n, sizeof *tk), *tp = calloc(n, sizeof *tp);
    if (!known || !part || !tk || !tp) return 2;
    for (size_t i = 0; i < n; i++) {
        known[i] = make(munis[i % nm], (uint32_t)i, 0);
        part[i] = make(munis[i % nm], (uint32_t)i, 1);
    }
    paroer_match_options ko, po;
    paroer_match_options_init(&ko, PAROER_MATCH_OPTIONS_VERSION);
    ko.date = 20393; /* 2025-11-01 */
    ko.top = 10;
    po = ko;
    po.possible = 1;
    paroer_matcher *mk = NULL, *mp = NULL;
    if ((rc = paroer_matcher_new(&mk, cat, &ko)) != 0) die("paroer_matcher_new", rc);
    if ((rc = paroer_matcher_new(&mp, cat, &po)) != 0) die("paroer_matcher_new", rc);
    const paroer_match_result *res;
    size_t possible = 0, questions = 0;
    for (size_t i = 0; i < n; i++) { /* warm up */
        if ((rc = paroer_matcher_match(mk, known[i], &res)) != 0) die("match", rc);
        if ((rc = paroer_matcher_match(mp, part[i], &res)) != 0) die("match", rc);
        possible += paroer_match_result_outcome_count(res, PAROER_OUTCOME_POSSIBLE);
        questions += paroer_match_result_question_count(res);
    }
    for (size_t i = 0; i < n; i++) tk[i] = tp[i] = 1e30;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            double t0 = now_us();
            paroer_matcher_match(mk, known[i], &res);
            double t1 = now_us();
            paroer_matcher_match(mp, part[i], &res);
            double t2 = now_us();
            if (t1 - t0 < tk[i]) tk[i] = t1 - t0;
            if (t2 - t1 < tp[i]) tp[i] = t2 - t1;
        }
    }
    qsort(tk, n, sizeof *tk, cmp_d);
    qsort(tp, n, sizeof *tp, cmp_d);
    double k50 = tk[n / 2], p50 = tp[n / 2], k99 = tk[n * 99 / 100], p99 = tp[n * 99 / 100];
    printf("bench_unknown: catalog %s: %zu offers, %zu municipalities; %zu relatives, best of %d passes each\n",
           catalog, paroer_catalog_offer_count(cat), nm, n, passes);
    printf("  with 5 unknowns: %.1f possible offers and %.1f questions per relative on average\n",
           (double)possible / (double)n, (double)questions / (double)n);
    printf("  fully known (matcher, top 10):        p50 %.2f us   p99 %.2f us\n", k50, k99);
    printf("  5 unknowns (matcher, top 10, possible): p50 %.2f us   p99 %.2f us\n", p50, p99);
    printf("  LATENCY RATIO unknown / known: p50 %.2fx, p99 %.2fx (target <= 2x: %s)\n", p50 / k50, p99 / k99,
           p50 / k50 <= 2.0 ? "met" : "MISSED");
    for (size_t i = 0; i < n; i++) { paroer_relative_free(known[i]); paroer_relative_free(part[i]); }
    paroer_matcher_free(mk);
    paroer_matcher_free(mp);
    paroer_catalog_free(cat);
    free(known); free(part); free(tk); free(tp);
    return 0;
}
