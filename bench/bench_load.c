/* bench_load: how much loading a catalog costs over parsing its JSON.
 *
 * In one process, on the same bytes in memory (no file I/O in either):
 *  - the floor: jansson's json_loadb() + json_decref();
 *  - paroer_catalog_load_buffer() + paroer_catalog_free();
 * repeated, alternating which goes first, and reported as medians and their
 * ratio (target: at most 2x). Then the loaded catalog's memory against the
 * file size (target: at most 2x): paroer_catalog_memory_size() and a counting
 * paroer_allocator passed in the load options (peak and retained bytes).
 * jansson's own allocations are counted apart (json_set_alloc_funcs), since
 * libparoer's hooks never see them.
 *
 * Usage: bench_load --catalog FILE [--repeat N]
 * Prints figures only; never fails on a missed target. */
#include "bench_util.h"
#include <jansson.h>

/* Two counters and their sum: what passes through libparoer's hooks, what
 * jansson allocates, and both together (the process's real peak). */
static bench_counter g_hooks, g_jansson, g_both;
static int g_track_jansson;

static void *j_malloc(size_t size)
{
    unsigned char *p = malloc(size + BENCH_HDR);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    if (g_track_jansson) { bench_count_add(&g_jansson, size); bench_count_add(&g_both, size); }
    return p + BENCH_HDR;
}

static void j_free(void *ptr)
{
    if (!ptr) return;
    unsigned char *h = (unsigned char *)ptr - BENCH_HDR;
    size_t was;
    memcpy(&was, h, sizeof was);
    if (g_track_jansson) { g_jansson.live -= was; g_both.live -= was; }
    free(h);
}

static void *h_malloc(void *ctx, size_t size)
{
    void *p = bench_cmalloc(ctx, size);
    if (p) bench_count_add(&g_both, size);
    return p;
}

static void *h_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    size_t was = 0;
    if (ptr) memcpy(&was, (unsigned char *)ptr - BENCH_HDR, sizeof was);
    void *p = bench_crealloc(ctx, ptr, old_size, new_size);
    if (p) { g_both.live -= was; bench_count_add(&g_both, new_size); }
    return p;
}

static void h_free(void *ctx, void *ptr)
{
    if (ptr) {
        size_t was;
        memcpy(&was, (unsigned char *)ptr - BENCH_HDR, sizeof was);
        g_both.live -= was;
    }
    bench_cfree(ctx, ptr);
}

static uint64_t time_jansson(const char *buf, size_t len, uint64_t *parse_ns, uint64_t *cpu_ns)
{
    json_error_t err;
    uint64_t c0 = bench_cpu_ns();
    uint64_t t0 = bench_now_ns();
    json_t *j = json_loadb(buf, len, 0, &err);
    uint64_t t1 = bench_now_ns();
    if (!j) bench_die("jansson: %s (line %d)", err.text, err.line);
    json_decref(j);
    uint64_t t2 = bench_now_ns();
    *cpu_ns = bench_cpu_ns() - c0;
    *parse_ns = t1 - t0;
    return t2 - t0;
}

static uint64_t time_paroer(const char *buf, size_t len, uint64_t *load_ns, uint64_t *cpu_ns)
{
    paroer_catalog *c;
    uint64_t c0 = bench_cpu_ns();
    uint64_t t0 = bench_now_ns();
    int rc = paroer_catalog_load_buffer(&c, buf, len, "catalog", NULL);
    uint64_t t1 = bench_now_ns();
    if (rc) bench_die_paroer("paroer_catalog_load_buffer", rc);
    paroer_catalog_free(c);
    uint64_t t2 = bench_now_ns();
    *cpu_ns = bench_cpu_ns() - c0;
    *load_ns = t1 - t0;
    return t2 - t0;
}

static const char *verdict(double v, double target) { return v <= target ? "met" : "MISSED"; }

int main(int argc, char **argv)
{
    const char *path = NULL;
    size_t repeat = 25;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--catalog") && i + 1 < argc) path = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = (size_t)bench_parse_u64("--repeat", argv[++i]);
        else {
            fprintf(stderr, "usage: bench_load --catalog FILE [--repeat N]\n");
            return 2;
        }
    }
    if (!path) bench_die("--catalog FILE is required");
    if (repeat < 1) repeat = 1;

    size_t len;
    char *buf = bench_read_file(path, &len);
    bench_print_load("bench_load");
    char b1[32], b2[32], b3[32];

    /* What is in it (and a check that it loads). */
    paroer_catalog *cat;
    int rc = paroer_catalog_load_buffer(&cat, buf, len, path, NULL);
    if (rc) bench_die_paroer("paroer_catalog_load_buffer", rc);
    size_t n_offers = paroer_catalog_offer_count(cat);
    printf("bench_load: %s: %s bytes, %s offers, %zu providers, %zu policies\n", path, bench_thousands(len, b1),
           bench_thousands(n_offers, b2), paroer_catalog_provider_count(cat), paroer_catalog_policy_count(cat));
    paroer_catalog_free(cat);
    (void)b3;

    /* ---- time ---- */
    uint64_t *jt = calloc(repeat, sizeof *jt), *jp = calloc(repeat, sizeof *jp), *jc = calloc(repeat, sizeof *jc);
    uint64_t *pt = calloc(repeat, sizeof *pt), *pl = calloc(repeat, sizeof *pl), *pc = calloc(repeat, sizeof *pc);
    if (!jt || !jp || !jc || !pt || !pl || !pc) bench_die("out of memory");
    uint64_t s1, s2;
    for (int w = 0; w < 2; w++) { /* warm-up: caches, allocator arenas, page faults */
        time_jansson(buf, len, &s1, &s2);
        time_paroer(buf, len, &s1, &s2);
    }
    for (size_t i = 0; i < repeat; i++) {
        if (i % 2 == 0) {
            jt[i] = time_jansson(buf, len, &jp[i], &jc[i]);
            pt[i] = time_paroer(buf, len, &pl[i], &pc[i]);
        } else {
            pt[i] = time_paroer(buf, len, &pl[i], &pc[i]);
            jt[i] = time_jansson(buf, len, &jp[i], &jc[i]);
        }
    }
    /* bench_median sorts, so [0] is the minimum afterwards */
    uint64_t j_med = bench_median(jt, repeat), j_min = jt[0];
    uint64_t jp_med = bench_median(jp, repeat), jc_med = bench_median(jc, repeat);
    uint64_t p_med = bench_median(pt, repeat), p_min = pt[0];
    uint64_t pl_med = bench_median(pl, repeat), pc_med = bench_median(pc, repeat);
    double ratio = (double)p_med / (double)j_med;
    double ratio_cpu = (double)pc_med / (double)jc_med;
    double ratio_load = (double)pl_med / (double)jp_med;

    printf("  %zu repetitions each, alternating order, same bytes in memory (file I/O excluded)\n", repeat);
    printf("  jansson json_loadb + json_decref (floor)     median %8.3f ms   min %8.3f ms   CPU %8.3f ms   (parse alone %.3f ms)\n",
           bench_ms(j_med), bench_ms(j_min), bench_ms(jc_med), bench_ms(jp_med));
    printf("  paroer_catalog_load_buffer + catalog_free    median %8.3f ms   min %8.3f ms   CPU %8.3f ms   (load alone %.3f ms)\n",
           bench_ms(p_med), bench_ms(p_min), bench_ms(pc_med), bench_ms(pl_med));
    printf("  LOAD TIME RATIO paroer / jansson: %.2fx wall (target <= 2x: %s), %.2fx CPU time, %.2fx best-of; "
           "load alone / parse alone %.2fx\n",
           ratio, verdict(ratio, 2.0), ratio_cpu, (double)p_min / (double)j_min, ratio_load);

    /* ---- memory ---- */
    paroer_allocator alloc;
    alloc.malloc_fn = h_malloc;
    alloc.realloc_fn = h_realloc;
    alloc.free_fn = h_free;
    alloc.ctx = &g_hooks;
    paroer_load_options opts;
    paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION);
    opts.allocator = &alloc;

    /* jansson's DOM alone */
    json_set_alloc_funcs(j_malloc, j_free);
    memset(&g_jansson, 0, sizeof g_jansson);
    g_track_jansson = 1;
    {
        json_error_t err;
        json_t *j = json_loadb(buf, len, 0, &err);
        if (!j) bench_die("jansson: %s", err.text);
        json_decref(j);
    }
    size_t dom_peak = g_jansson.peak;

    /* libparoer's load, hooks and jansson counted together */
    memset(&g_hooks, 0, sizeof g_hooks);
    memset(&g_jansson, 0, sizeof g_jansson);
    memset(&g_both, 0, sizeof g_both);
    rc = paroer_catalog_load_buffer(&cat, buf, len, path, &opts);
    if (rc) bench_die_paroer("paroer_catalog_load_buffer (counting allocator)", rc);
    g_track_jansson = 0;
    json_set_alloc_funcs(malloc, free);
    size_t hooks_peak = g_hooks.peak, hooks_live = g_hooks.live, both_peak = g_both.peak;
    size_t jansson_peak = g_jansson.peak;
    uint64_t n_calls = g_hooks.mallocs + g_hooks.reallocs;
    size_t msize = paroer_catalog_memory_size(cat);
    paroer_catalog_free(cat);
    if (g_hooks.live != 0) bench_die("the catalog leaked %zu bytes through the allocator hooks", g_hooks.live);

    double fsz = (double)len;
    printf("  memory against the file (%.2f MiB):\n", bench_mib(len));
    printf("    paroer_catalog_memory_size()               %8.2f MiB   ratio %.2fx (target <= 2x: %s)\n",
           bench_mib(msize), (double)msize / fsz, verdict((double)msize / fsz, 2.0));
    printf("    allocator hooks, live after load           %8.2f MiB   ratio %.2fx\n", bench_mib(hooks_live),
           (double)hooks_live / fsz);
    printf("    allocator hooks, PEAK during load          %8.2f MiB   ratio %.2fx (target <= 2x: %s); %llu allocation calls\n",
           bench_mib(hooks_peak), (double)hooks_peak / fsz, verdict((double)hooks_peak / fsz, 2.0),
           (unsigned long long)n_calls);
    printf("    (not through the hooks) jansson DOM of the bare parse %.2f MiB (%.2fx); jansson during the load %.2f MiB;\n"
           "    hooks + jansson together at their peak %.2f MiB (%.2fx)\n",
           bench_mib(dom_peak), (double)dom_peak / fsz, bench_mib(jansson_peak), bench_mib(both_peak),
           (double)both_peak / fsz);
    printf("  SUMMARY load: time ratio %.2fx wall / %.2fx CPU (%s), memory ratio %.2fx retained / %.2fx peak via hooks (%s)\n", ratio,
           ratio_cpu, verdict(ratio, 2.0), (double)hooks_live / fsz, (double)hooks_peak / fsz,
           verdict((double)hooks_peak / fsz, 2.0));

    free(jt); free(jp); free(jc); free(pt); free(pl); free(pc);
    free(buf);
    return 0;
}
