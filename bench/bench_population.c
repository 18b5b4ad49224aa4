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
 *   bench_population national --catalog FILE --population FILE.csv [--repeat N]
 *       On the national file (2.1 million relatives from paroer-synth), in one
 *       run, each configuration in a child process of its own (so that its
 *       peak RSS is its own, from wait4): (a) reading the file in 1 MiB
 *       pieces and counting its lines, the floor; (b) streamed reach with 1
 *       thread; (c) with one thread a core; both with the catalog as given
 *       (capacity offers, so the allocation runs) and with its capacities
 *       removed; and the stored path (paroer_population_load_file + reach),
 *       whose JSON every streamed run must equal (else exit 1).
 *
 *   bench_population flat --catalog FILE --population FILE.csv|- [--threads N] [--no-capacities]
 *       Streamed reach over a file or standard input (a pipe from
 *       paroer-synth: 21 million relatives need never exist on disk), with
 *       the time, the relatives counted and the peak RSS; --no-capacities
 *       removes the catalog's capacities (no allocation, so nothing is kept
 *       per relative).
 *
 * Prints figures only; no target is asserted. */
#define _DEFAULT_SOURCE 1   /* wait4 */
#include "bench_util.h"
#include <fcntl.h>
#include <sys/wait.h>

static void usage(void)
{
    fprintf(stderr, "usage: bench_population alloc-scaling [--relatives N]\n"
                    "       bench_population national --catalog FILE --population FILE.csv [--repeat N]\n"
                    "       bench_population flat --catalog FILE --population FILE.csv|- [--threads N] [--no-capacities]\n");
    exit(2);
}

/* ---- national ------------------------------------------------------------------------- */

typedef struct result { uint64_t ns, cpu_ns, hash, relatives; int rc; } result;
typedef struct job {
    int kind;                 /* 0 floor, 1 streamed, 2 stored */
    const char *catalog_text; size_t catalog_len;
    const char *population;
    uint32_t threads;
} job;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Runs one job in this process. */
static result run_job(const job *j)
{
    result r = {0, 0, 0, 0, 0};
    if (j->kind == 0) {
        int fd = open(j->population, O_RDONLY);
        if (fd < 0) bench_die("cannot open %s", j->population);
        char *buf = malloc((size_t)1 << 20);
        uint64_t t0 = bench_now_ns(), c0 = bench_cpu_ns(), lines = 0;
        for (;;) {
            ssize_t n = read(fd, buf, (size_t)1 << 20);
            if (n <= 0) break;
            for (const char *p = buf, *e = buf + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) lines++;
        }
        r.ns = bench_now_ns() - t0;
        r.cpu_ns = bench_cpu_ns() - c0;
        r.relatives = lines;
        close(fd);
        free(buf);
        return r;
    }
    paroer_catalog *cat = NULL;
    int rc = paroer_catalog_load_buffer(&cat, j->catalog_text, j->catalog_len, "catalog.json", NULL);
    if (rc) bench_die_paroer("catalog", rc);
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    o.date = bench_date(BENCH_DATE_TEXT);
    paroer_population *pop = NULL;
    uint64_t t0 = bench_now_ns(), c0 = bench_cpu_ns();
    if (j->kind == 2) {
        rc = paroer_population_load_file(&pop, j->population, NULL);
        if (rc) bench_die_paroer("population", rc);
        o.population = pop;
    } else {
        o.population_file = j->population;
        o.threads = j->threads;
    }
    paroer_coverage *cov = NULL;
    r.rc = paroer_coverage_compute(&cov, cat, &o);
    r.ns = bench_now_ns() - t0;
    r.cpu_ns = bench_cpu_ns() - c0;
    if (r.rc == 0) {
        char *json;
        size_t len;
        if (paroer_coverage_to_json(cov, &json, &len) == 0) {
            r.hash = fnv(json, len);
            paroer_free(json);
        }
        r.relatives = paroer_coverage_pop_relatives(cov);
    }
    paroer_coverage_free(cov);
    paroer_population_free(pop);
    paroer_catalog_free(cat);
    return r;
}

/* Runs a job in a child process: its result and its own peak RSS (KiB). */
static result run_child(const job *j, long *maxrss_kib)
{
    int fds[2];
    if (pipe(fds)) bench_die("pipe");
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) bench_die("fork");
    if (pid == 0) {
        close(fds[0]);
        result r = run_job(j);
        if (write(fds[1], &r, sizeof r) != (ssize_t)sizeof r) _exit(3);
        _exit(0);
    }
    close(fds[1]);
    result r;
    memset(&r, 0, sizeof r);
    if (read(fds[0], &r, sizeof r) != (ssize_t)sizeof r) bench_die("child gave no result");
    close(fds[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) bench_die("child failed");
    *maxrss_kib = ru.ru_maxrss;
    return r;
}

/* Median over `repeat` runs (each its own child); the peak RSS is the largest. */
static result measure(const job *j, int repeat, long *rss)
{
    uint64_t ns[16], cpu[16];
    result last;
    *rss = 0;
    if (repeat > 16) repeat = 16;
    for (int i = 0; i < repeat; i++) {
        long k;
        last = run_child(j, &k);
        if (k > *rss) *rss = k;
        ns[i] = last.ns;
        cpu[i] = last.cpu_ns;
    }
    last.ns = bench_median(ns, (size_t)repeat);
    last.cpu_ns = bench_median(cpu, (size_t)repeat);
    return last;
}

/* The catalog text with every "capacity":N removed. */
static char *without_capacities(const char *text, size_t len, size_t *out_len)
{
    char *o = malloc(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == '"' && len - i > 11 && !memcmp(text + i, "\"capacity\":", 11)) {
            size_t e = i + 11;
            while (e < len && text[e] >= '0' && text[e] <= '9') e++;
            if (e < len && text[e] == ',') e++;
            else if (k > 0 && o[k - 1] == ',') k--;
            i = e;
            continue;
        }
        o[k++] = text[i++];
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

static int national(const char *catalog, const char *population, int repeat)
{
    bench_print_load("bench_population national");
    size_t clen;
    char *ctext = bench_read_file(catalog, &clen);
    size_t nlen;
    char *ntext = without_capacities(ctext, clen, &nlen);
    const unsigned cores = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    long rss;
    job floor_job = {0, NULL, 0, population, 0};
    result fl = measure(&floor_job, repeat, &rss);
    printf("  (a) floor: read in 1 MiB pieces, count lines: %.1f ms (cpu %.1f ms), %llu lines, peak RSS %.1f MiB\n",
           bench_ms(fl.ns), bench_ms(fl.cpu_ns), (unsigned long long)fl.relatives, rss / 1024.0);
    int bad = 0;
    for (int cap = 1; cap >= 0; cap--) {
        const char *ct = cap ? ctext : ntext;
        size_t cl = cap ? clen : nlen;
        job stored = {2, ct, cl, population, 0};
        long rss_s;
        result st = measure(&stored, 1, &rss_s);
        printf("  %s capacity offers (allocation %s):\n", cap ? "with" : "without", cap ? "runs" : "off");
        printf("      stored path (load + reach, today's): %.1f ms, peak RSS %.1f MiB, %llu relatives\n",
               bench_ms(st.ns), rss_s / 1024.0, (unsigned long long)st.relatives);
        static const uint32_t threads[] = {1, 0};
        double t1 = 0;
        for (int k = 0; k < 2; k++) {
            job sj = {1, ct, cl, population, threads[k]};
            long r2;
            result x = measure(&sj, repeat, &r2);
            const int same = x.hash == st.hash && x.rc == 0;
            bad |= !same;
            const double ms = bench_ms(x.ns);
            if (k == 0) t1 = ms;
            printf("      (%c) streamed, %u thread%s: %.1f ms (cpu %.1f ms), %.1fx floor, peak RSS %.1f MiB, "
                   "JSON %s the stored path's\n",
                   k ? 'c' : 'b', k ? cores : 1, (k ? cores : 1) == 1 ? "" : "s", ms, bench_ms(x.cpu_ns),
                   ms / bench_ms(fl.ns), r2 / 1024.0, same ? "identical to" : "DIFFERS FROM");
            if (k == 0)
                printf("          target (b) <= 800 ms: %s; RSS <= %d MiB: %s\n", ms <= 800 ? "met" : "MISSED",
                       cap ? 160 : 64, r2 / 1024.0 <= (cap ? 160 : 64) ? "met" : "MISSED");
            else
                printf("          target (c) <= 400 ms and <= 15x floor: %s; speed-up over 1 thread %.2fx; "
                       "RSS <= %d MiB: %s\n",
                       ms <= 400 && ms / bench_ms(fl.ns) <= 15 ? "met" : "MISSED", t1 / ms, cap ? 160 : 64,
                       r2 / 1024.0 <= (cap ? 160 : 64) ? "met" : "MISSED");
        }
    }
    printf("SUMMARY national: agreement %s\n", bad ? "FAILED" : "every streamed JSON identical to the stored path's");
    free(ctext);
    free(ntext);
    return bad;
}

static int flat(const char *catalog, const char *population, uint32_t threads, int no_capacities)
{
    bench_print_load("bench_population flat");
    size_t clen;
    char *ctext = bench_read_file(catalog, &clen);
    if (no_capacities) {
        char *t = without_capacities(ctext, clen, &clen);
        free(ctext);
        ctext = t;
    }
    job j = {1, ctext, clen, strcmp(population, "-") ? population : "/dev/stdin", threads};
    long rss;
    result r = run_child(&j, &rss);
    printf("SUMMARY flat: %llu relatives streamed from %s%s in %.3f s (cpu %.3f s), peak RSS %.1f MiB, status %d\n",
           (unsigned long long)r.relatives, population, no_capacities ? " (capacities removed)" : "", (double)r.ns / 1e9, (double)r.cpu_ns / 1e9, rss / 1024.0,
           r.rc);
    free(ctext);
    return r.rc != 0;
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
    const char *catalog = NULL, *population = NULL;
    int repeat = 3;
    uint32_t threads = 0;
    int no_caps = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--no-capacities")) { no_caps = 1; continue; }
        if (!strcmp(argv[i], "--catalog") && i + 1 < argc) catalog = argv[++i];
        else if (!strcmp(argv[i], "--population") && i + 1 < argc) population = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = (int)bench_parse_u64(argv[i], argv[i + 1]), i++;
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = (uint32_t)bench_parse_u64(argv[i], argv[i + 1]), i++;
        else usage();
    }
    if (!catalog || !population || repeat < 1) usage();
    if (!strcmp(argv[1], "national")) return national(catalog, population, repeat);
    if (!strcmp(argv[1], "flat")) return flat(catalog, population, threads, no_caps);
    usage();
}
