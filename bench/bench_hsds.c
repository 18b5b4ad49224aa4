/* bench_hsds: HSDS export and import of a catalog against our own load of
 * the same catalog (issue: each within 3x; docs/hsds.md).
 *
 *   bench_hsds --catalog FILE [--repeat N]
 *
 * Everything is in memory (no file I/O). Per round, alternating the order:
 *   load    paroer_catalog_load_buffer() + paroer_catalog_free() of FILE;
 *   export  paroer_catalog_to_hsds() (3.1) of the loaded catalog + paroer_free();
 *   import  paroer_catalog_from_hsds_buffer() of that export + paroer_catalog_free().
 * It prints the medians, the ratios export/load and import/load against the
 * target (met / MISSED), the sizes, and checks that the import gives back the
 * catalog (paroer_catalog_to_json() equal; exit status 1 otherwise). No timing
 * is asserted. */
#define _POSIX_C_SOURCE 200809L
#include <paroer/paroer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
    const char *path = NULL;
    int repeat = 15;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--catalog") && i + 1 < argc) path = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else bench_die("usage: bench_hsds --catalog FILE [--repeat N]");
    }
    if (!path || repeat < 1) bench_die("usage: bench_hsds --catalog FILE [--repeat N]");
    bench_print_load("bench_hsds");
    size_t len;
    char *text = bench_read_file(path, &len);
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_buffer(&c, text, len, path, NULL);
    if (rc) bench_die_paroer("load", rc);
    paroer_hsds_options ho;
    paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION);
    ho.date = 20000;
    char *hsds = NULL;
    size_t hlen = 0;
    if ((rc = paroer_catalog_to_hsds(c, &ho, &hsds, &hlen))) bench_die_paroer("export", rc);

    uint64_t *tl = calloc((size_t)repeat, sizeof *tl), *te = calloc((size_t)repeat, sizeof *te),
             *ti = calloc((size_t)repeat, sizeof *ti);
    if (!tl || !te || !ti) bench_die("out of memory");
    for (int r = 0; r < repeat; r++) {
        for (int k = 0; k < 3; k++) {
            int which = (k + r) % 3;
            uint64_t t0 = bench_now_ns();
            if (which == 0) {
                paroer_catalog *x = NULL;
                if ((rc = paroer_catalog_load_buffer(&x, text, len, path, NULL))) bench_die_paroer("load", rc);
                paroer_catalog_free(x);
                tl[r] = bench_now_ns() - t0;
            } else if (which == 1) {
                char *h = NULL;
                if ((rc = paroer_catalog_to_hsds(c, &ho, &h, NULL))) bench_die_paroer("export", rc);
                paroer_free(h);
                te[r] = bench_now_ns() - t0;
            } else {
                paroer_catalog *x = NULL;
                if ((rc = paroer_catalog_from_hsds_buffer(&x, hsds, hlen, "export.json", NULL)))
                    bench_die_paroer("import", rc);
                paroer_catalog_free(x);
                ti[r] = bench_now_ns() - t0;
            }
        }
    }
    /* The import gives back the catalog. */
    paroer_catalog *back = NULL;
    if ((rc = paroer_catalog_from_hsds_buffer(&back, hsds, hlen, "export.json", NULL))) bench_die_paroer("import", rc);
    char *a = NULL, *b = NULL;
    paroer_catalog_to_json(c, &a, NULL);
    paroer_catalog_to_json(back, &b, NULL);
    int same = a && b && strcmp(a, b) == 0;
    double load = bench_ms(bench_median(tl, (size_t)repeat));
    double exp = bench_ms(bench_median(te, (size_t)repeat));
    double imp = bench_ms(bench_median(ti, (size_t)repeat));
    printf("catalog: %zu offers, %.1f MiB; HSDS 3.1 export: %.1f MiB (%.1fx the bytes)\n",
           paroer_catalog_offer_count(c), bench_mib(len), bench_mib(hlen), (double)hlen / (double)len);
    printf("median of %d: load %.1f ms, export %.1f ms, import %.1f ms\n", repeat, load, exp, imp);
    printf("SUMMARY bench_hsds export/load %.2fx (target <= 3x: %s), import/load %.2fx (target <= 3x: %s)\n",
           exp / load, exp <= 3 * load ? "met" : "MISSED", imp / load, imp <= 3 * load ? "met" : "MISSED");
    printf("  agreement: import of the export gives the catalog back: %s\n", same ? "yes" : "NO");
    paroer_free(a);
    paroer_free(b);
    paroer_catalog_free(back);
    paroer_catalog_free(c);
    paroer_free(hsds);
    free(text);
    free(tl);
    free(te);
    free(ti);
    return same ? 0 : 1;
}
