/* bench_overview: the national overview (paroer_overview_compute, one pass over
 * the catalog for all 98 municipalities) against what it replaces: 98 calls of
 * paroer_coverage_compute(), one per municipality, reading the same figures.
 *
 * Both are timed on the same catalog (the 5,000-offer synthetic national
 * catalog of paroer-synth), median of --repeat runs, CPU time; the catalog
 * load is left out. Every row is checked against its coverage run (offers
 * covered share, the six check statuses, goals) first: any difference is exit 1.
 * Target: the overview at least 10 times faster. A missed target is reported,
 * never an error.
 *
 * Usage: bench_overview --catalog FILE [--catalog FILE ...] [--repeat N] [--date YYYY-MM-DD] */
#include "bench_util.h"

static void usage(void)
{
    fprintf(stderr, "usage: bench_overview --catalog FILE [--catalog FILE ...] [--repeat N] [--date YYYY-MM-DD]\n");
    exit(2);
}

static paroer_overview *run_overview(const paroer_catalog *c, int32_t date)
{
    paroer_overview_options o;
    paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION);
    o.date = date;
    paroer_overview *ov = NULL;
    if (paroer_overview_compute(&ov, c, &o) != PAROER_OK) {
        fprintf(stderr, "bench_overview: overview failed: %s\n", paroer_error_last()->message);
        exit(1);
    }
    return ov;
}

static paroer_coverage *run_coverage(const paroer_catalog *c, int32_t municipality, int32_t date)
{
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    o.date = date;
    o.municipality = municipality;
    paroer_coverage *cov = NULL;
    if (paroer_coverage_compute(&cov, c, &o) != PAROER_OK) {
        fprintf(stderr, "bench_overview: coverage %d failed: %s\n", (int)municipality, paroer_error_last()->message);
        exit(1);
    }
    return cov;
}

int main(int argc, char **argv)
{
    const char *paths[16];
    size_t n_paths = 0;
    int repeat = 5;
    const char *date_text = BENCH_DATE_TEXT;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--catalog") && i + 1 < argc && n_paths < 16) paths[n_paths++] = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--date") && i + 1 < argc) date_text = argv[++i];
        else usage();
    }
    if (!n_paths || repeat < 1 || repeat > 1000) usage();
    int32_t date = 0;
    if (paroer_date_parse(&date, date_text, strlen(date_text)) != PAROER_OK) usage();
    paroer_catalog *c = NULL;
    if (paroer_catalog_load_files(&c, paths, n_paths, NULL) != PAROER_OK) {
        fprintf(stderr, "bench_overview: %s\n", paroer_error_last()->message);
        return 1;
    }
    bench_print_load("bench_overview");

    /* agreement first */
    paroer_overview *ov = run_overview(c, date);
    const size_t rows = paroer_overview_count(ov);
    int32_t codes[1000];
    for (size_t i = 0; i < rows; i++) {
        codes[i] = paroer_overview_municipality(ov, i);
        paroer_coverage *cov = run_coverage(c, codes[i], date);
        int same = paroer_overview_coverage_overall(ov, i) == paroer_coverage_overall(cov);
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
            same = same && paroer_overview_check_status(ov, i, k) == paroer_coverage_check_status(cov, k);
        size_t goals = 0;
        for (size_t g = 0; g < paroer_coverage_goal_count(cov); g++) goals += !paroer_coverage_goal_organisational(cov, g);
        same = same && goals == paroer_overview_goals(ov, i);
        paroer_coverage_free(cov);
        if (!same) {
            fprintf(stderr, "bench_overview: municipality %d differs from its coverage\n", (int)codes[i]);
            return 1;
        }
    }
    paroer_overview_free(ov);

    uint64_t t_ov[1000], t_cov[1000];
    for (int r = 0; r < repeat; r++) {
        uint64_t t0 = bench_cpu_ns();
        ov = run_overview(c, date);
        t_ov[r] = bench_cpu_ns() - t0;
        paroer_overview_free(ov);
        t0 = bench_cpu_ns();
        for (size_t i = 0; i < rows; i++) paroer_coverage_free(run_coverage(c, codes[i], date));
        t_cov[r] = bench_cpu_ns() - t0;
    }
    uint64_t m_ov = bench_median(t_ov, (size_t)repeat), m_cov = bench_median(t_cov, (size_t)repeat);
    double ratio = m_ov ? (double)m_cov / (double)m_ov : 0.0;
    printf("catalog: %zu offers, %zu policies; %zu municipalities; date %s; median of %d runs (CPU time)\n",
           paroer_catalog_offer_count(c), paroer_catalog_policy_count(c), rows, date_text, repeat);
    printf("  paroer_overview_compute (one pass):      %10.3f ms\n", bench_ms(m_ov));
    printf("  %zu x paroer_coverage_compute:            %10.3f ms\n", rows, bench_ms(m_cov));
    printf("  ratio: the overview is %.1fx faster (target >= 10x: %s)\n", ratio, ratio >= 10.0 ? "met" : "MISSED");
    paroer_catalog_free(c);
    return 0;
}
