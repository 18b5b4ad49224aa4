/* bench_diagnostics - the cost of a load's diagnostics against their number.
 *
 *   bench_diagnostics [--sizes N,N,N,N] [--repeat R]
 *
 * For each size N (default 10,000, 40,000, 160,000 and 300,000) it writes, in
 * memory, catalogs that give exactly N diagnostics, in four shapes:
 *   pretty    N offers, one per few lines, each with an unknown key (N warnings);
 *   one-line  the same catalog on a single line;
 *   keys      one object with N unknown keys (N warnings on the same object);
 *   errors    N offers with an unknown kind (N errors), pretty-printed;
 * and loads each with a diagnostics list and no error limit
 * (paroer_catalog_load_buffer(), max_errors = UINT32_MAX), R times, keeping
 * the median CPU time. It prints the time per diagnostic at each size and the
 * ratio of the largest size's time per diagnostic to the smallest's: about 1
 * when the cost is linear (it was N-fold: every diagnostic rescanned the file).
 * It asserts no timing; it exits 1 only when a load does not give exactly N
 * diagnostics. See bench/README.md. */
#include "bench_util.h"

enum { SHAPE_PRETTY, SHAPE_ONE_LINE, SHAPE_KEYS, SHAPE_ERRORS, N_SHAPES };
static const char *const shape_name[N_SHAPES] = {"pretty", "one-line", "keys", "errors"};

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) bench_die("vsnprintf failed");
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = t->cap * 2 + (size_t)n + 64;
        t->s = realloc(t->s, t->cap);
        if (!t->s) bench_die("out of memory");
    }
}

static text make(int shape, size_t n)
{
    text t = {malloc(4096), 0, 4096};
    if (!t.s) bench_die("out of memory");
    t.s[0] = '\0';
    const char *nl = shape == SHAPE_ONE_LINE ? " " : "\n";
    put(&t, "{%s  \"format\": \"paroer-catalog\",%s  \"version\": 1,%s", nl, nl, nl);
    if (shape == SHAPE_KEYS) {
        for (size_t i = 0; i < n; i++) put(&t, "  \"k%zu\": %zu,%s", i, i, nl);
        put(&t, "  \"offers\": []%s}%s", nl, nl);
        return t;
    }
    put(&t, "  \"offers\": [%s", nl);
    for (size_t i = 0; i < n; i++) {
        put(&t, "    {%s      \"id\": \"o-%zu\",%s      \"name\": \"Tilbud %zu\",%s", nl, i, nl, i, nl);
        if (shape == SHAPE_ERRORS)
            put(&t, "      \"kind\": \"cafe\",%s", nl);
        else
            put(&t, "      \"kind\": \"course\",%s      \"kapacitet\": 12,%s", nl, nl);
        put(&t, "      \"nationwide\": true%s    }%s%s", nl, i + 1 < n ? "," : "", nl);
    }
    put(&t, "  ]%s}%s", nl, nl);
    return t;
}

/* One load; returns its CPU time and checks the number of diagnostics. */
static uint64_t load_once(const text *t, size_t want, int *bad)
{
    paroer_diagnostics *d = NULL;
    if (paroer_diagnostics_new(&d, NULL) != PAROER_OK) bench_die("out of memory");
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    o.max_errors = UINT32_MAX;
    paroer_catalog *c = NULL;
    uint64_t t0 = bench_cpu_ns();
    int rc = paroer_catalog_load_buffer(&c, t->s, t->len, "bench.json", &o);
    uint64_t t1 = bench_cpu_ns();
    if (rc == PAROER_ENOMEM) bench_die_paroer("load", rc);
    if (paroer_diagnostics_count(d) != want) {
        fprintf(stderr, "bench_diagnostics: %zu diagnostics, expected %zu\n", paroer_diagnostics_count(d), want);
        *bad = 1;
    }
    paroer_catalog_free(c);
    paroer_diagnostics_free(d);
    return t1 - t0;
}

int main(int argc, char **argv)
{
    size_t sizes[8] = {10000, 40000, 160000, 300000};
    size_t n_sizes = 4, repeat = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--sizes") && i + 1 < argc) {
            n_sizes = 0;
            for (char *p = argv[++i]; *p && n_sizes < 8;) {
                char *end;
                unsigned long long v = strtoull(p, &end, 10);
                if (end == p || v == 0) bench_die("bad --sizes '%s'", argv[i]);
                sizes[n_sizes++] = (size_t)v;
                p = *end == ',' ? end + 1 : end;
            }
        } else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = (size_t)bench_parse_u64("--repeat", argv[++i]);
            if (repeat == 0 || repeat > 99) bench_die("--repeat must be 1..99");
        } else {
            fprintf(stderr, "usage: bench_diagnostics [--sizes N,N,N,N] [--repeat R]\n");
            return 2;
        }
    }
    bench_print_load("bench_diagnostics");
    printf("diagnostics of one load, median CPU time of %zu runs (max_errors = UINT32_MAX)\n", repeat);
    printf("%-9s %9s %10s %11s %12s\n", "shape", "N", "MiB", "load ms", "ns/diag");
    int bad = 0;
    for (int shape = 0; shape < N_SHAPES; shape++) {
        double first = 0, last = 0;
        for (size_t k = 0; k < n_sizes; k++) {
            text t = make(shape, sizes[k]);
            uint64_t runs[99];
            for (size_t r = 0; r < repeat; r++) runs[r] = load_once(&t, sizes[k], &bad);
            uint64_t med = bench_median(runs, repeat);
            double per = (double)med / (double)sizes[k];
            if (k == 0) first = per;
            last = per;
            printf("%-9s %9zu %10.1f %11.1f %12.0f\n", shape_name[shape], sizes[k], bench_mib(t.len), bench_ms(med),
                   per);
            free(t.s);
        }
        printf("SUMMARY bench_diagnostics %s: time per diagnostic at N=%zu / at N=%zu = %.2f "
               "(1 = linear; the size grew %.0f-fold)\n",
               shape_name[shape], sizes[n_sizes - 1], sizes[0], first > 0 ? last / first : 0.0,
               (double)sizes[n_sizes - 1] / (double)sizes[0]);
    }
    return bad;
}
