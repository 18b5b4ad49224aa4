/* bench_population: population reach beyond the national figure of
 * bench_coverage.
 *
 *   bench_population alloc-scaling [--relatives N]
 *       The strain-first allocation with 1,000 / 2,000 / 4,000 / 8,000 capped
 *       offers that every relative is eligible for (200 relatives by
 *       default): each relative ranks all of them, so a quadratic ranking
 *       shows at once. Prints the time at each size and the ratio to the
 *       previous size (2.0 is linear, 4.0 quadratic).
 *
 * Prints figures only; no target is asserted. */
#include "bench_util.h"

static void usage(void)
{
    fprintf(stderr, "usage: bench_population alloc-scaling [--relatives N]\n");
    exit(2);
}

/* ---- alloc-scaling ---------------------------------------------------------------------- */

static char *scaling_catalog(unsigned n_offers)
{
    size_t cap = 256 + (size_t)n_offers * 200, o = 0;
    char *s = malloc(cap);
    if (!s) bench_die("out of memory");
    o += (size_t)snprintf(s + o, cap - o,
                          "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,\"offers\":[");
    for (unsigned i = 0; i < n_offers; i++) {
        /* ids in an order unrelated to the catalog's, capacities small, two kinds of score */
        unsigned scrambled = (i * 2654435761u) % 1000003u;
        o += (size_t)snprintf(s + o, cap - o,
                              "%s{\"id\":\"o-%07u\",\"name\":\"O\",\"kind\":\"%s\",\"nationwide\":true,"
                              "\"capacity\":%u}",
                              i ? "," : "", scrambled, i % 3 ? "respite_home" : "counselling", 1 + i % 3);
    }
    o += (size_t)snprintf(s + o, cap - o, "]}");
    return s;
}

static char *scaling_population(unsigned n, size_t *len)
{
    size_t cap = 256 + (size_t)n * 100, o = 0;
    char *s = malloc(cap);
    if (!s) bench_die("out of memory");
    o += (size_t)snprintf(s + o, cap - o,
                          "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
                          "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots\n");
    for (unsigned i = 0; i < n; i++)
        o += (size_t)snprintf(s + o, cap - o, "r-%u,50,306,0,son_daughter,dementia,80,%u,0,1,%u,0,%s,,\n", i,
                              i % 40, i % 7 == 0, i % 2 ? "respite" : "respite;counselling");
    *len = o;
    return s;
}

static int alloc_scaling(unsigned relatives)
{
    bench_print_load("bench_population alloc-scaling");
    size_t plen;
    char *pcsv = scaling_population(relatives, &plen);
    paroer_population *pop = NULL;
    int rc = paroer_population_load_buffer(&pop, pcsv, plen, "scaling.csv", NULL);
    if (rc) bench_die_paroer("population", rc);
    printf("  %u relatives, each eligible for every capped offer; national reach with allocation\n", relatives);
    printf("  %8s %12s %12s %10s\n", "offers", "wall ms", "cpu ms", "x previous");
    double prev = 0;
    static const unsigned sizes[] = {1000, 2000, 4000, 8000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char *json = scaling_catalog(sizes[k]);
        paroer_catalog *cat = NULL;
        rc = paroer_catalog_load_buffer(&cat, json, strlen(json), "scaling.json", NULL);
        if (rc) bench_die_paroer("catalog", rc);
        paroer_coverage_options o;
        paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
        o.population = pop;
        o.date = bench_date(BENCH_DATE_TEXT);
        uint64_t best = UINT64_MAX, best_cpu = UINT64_MAX;
        for (int rep = 0; rep < 3; rep++) {
            paroer_coverage *cov = NULL;
            uint64_t t0 = bench_now_ns(), c0 = bench_cpu_ns();
            rc = paroer_coverage_compute(&cov, cat, &o);
            uint64_t t1 = bench_now_ns(), c1 = bench_cpu_ns();
            if (rc) bench_die_paroer("coverage", rc);
            if (paroer_coverage_allocation_count(cov) != sizes[k]) bench_die("allocation has the wrong size");
            paroer_coverage_free(cov);
            if (t1 - t0 < best) best = t1 - t0;
            if (c1 - c0 < best_cpu) best_cpu = c1 - c0;
        }
        double ms = bench_ms(best);
        if (prev > 0) printf("  %8u %12.2f %12.2f %10.2f\n", sizes[k], ms, bench_ms(best_cpu), ms / prev);
        else printf("  %8u %12.2f %12.2f %10s\n", sizes[k], ms, bench_ms(best_cpu), "-");
        prev = ms;
        paroer_catalog_free(cat);
        free(json);
    }
    printf("SUMMARY alloc-scaling: x previous near 2 is linear-ish (n log n), near 4 quadratic\n");
    paroer_population_free(pop);
    free(pcsv);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) usage();
    if (!strcmp(argv[1], "alloc-scaling")) {
        unsigned relatives = 200;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--relatives") && i + 1 < argc) relatives = (unsigned)bench_parse_u64(argv[i], argv[i + 1]), i++;
            else usage();
        }
        return alloc_scaling(relatives);
    }
    usage();
}
