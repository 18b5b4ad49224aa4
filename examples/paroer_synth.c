/*
 * paroer-synth - deterministic synthetic data for libparoer.
 *
 *   paroer-synth catalog    [--seed N] [--municipalities FILE.csv] [--as-of YYYY-MM-DD] -o FILE.json
 *   paroer-synth population [--seed N] [--relatives N] [--municipalities FILE.csv]
 *                           [--population-file FILE.csv] -o FILE.csv
 *
 * A standalone program: it does not use the library and only writes text
 * files in the formats of docs/contract.md (sections 2 and 5).  The
 * same arguments give byte-identical output on every platform.  The model and
 * its calibration are documented in docs/synthetic.md.
 *
 * Exit status: 0 success, 1 bad input file, 2 wrong usage, 3 a file could not
 * be read or written.
 */
#include "synth/synth.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED 1
#define DEFAULT_RELATIVES 2100000u
#define DEFAULT_AS_OF "2026-11-01"

static void usage(FILE *f)
{
    fputs("usage: paroer-synth catalog    [--seed N] [--municipalities FILE.csv] [--as-of YYYY-MM-DD] -o FILE.json\n"
          "       paroer-synth population [--seed N] [--relatives N] [--municipalities FILE.csv]\n"
          "                               [--population-file FILE.csv] -o FILE.csv\n"
          "\n"
          "Writes a synthetic national catalog (contract section 2) or a synthetic population of\n"
          "relatives (contract section 5).  Same arguments, same bytes, on every platform.\n"
          "\n"
          "  --seed N               random seed (default " "1" ")\n"
          "  --municipalities FILE  municipality list with 'code' and 'name' columns\n"
          "                         (default: the built-in list of the 98 municipalities)\n"
          "  --as-of DATE           catalog: the date that validity and 'verified' dates are\n"
          "                         spread around (default " DEFAULT_AS_OF ")\n"
          "  --relatives N          population: number of relatives (default 2100000)\n"
          "  --population-file FILE population: adults per municipality ('code' and 'adults'\n"
          "                         columns) to distribute relatives by (default: built-in\n"
          "                         approximation, see docs/synthetic.md)\n"
          "  -o FILE                output file ('-' for standard output)\n"
          "  -h, --help             this text\n",
          f);
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *v = (uint64_t)x;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        usage(stdout);
        return SYNTH_OK;
    }
    if (argc < 2 || (strcmp(argv[1], "catalog") != 0 && strcmp(argv[1], "population") != 0)) {
        usage(stderr);
        return SYNTH_EUSAGE;
    }
    const int is_catalog = strcmp(argv[1], "catalog") == 0;
    uint64_t seed = DEFAULT_SEED, relatives = DEFAULT_RELATIVES;
    const char *out = NULL, *muni_file = NULL, *pop_file = NULL, *as_of = DEFAULT_AS_OF;

    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return SYNTH_OK;
        }
        int takes_value = strcmp(a, "--seed") == 0 || strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                          strcmp(a, "--municipalities") == 0 ||
                          (is_catalog && strcmp(a, "--as-of") == 0) ||
                          (!is_catalog && (strcmp(a, "--relatives") == 0 || strcmp(a, "--population-file") == 0));
        if (!takes_value) {
            fprintf(stderr, "paroer-synth: unknown option '%s' for %s\n", a, argv[1]);
            usage(stderr);
            return SYNTH_EUSAGE;
        }
        if (!v) {
            fprintf(stderr, "paroer-synth: option '%s' needs a value\n", a);
            return SYNTH_EUSAGE;
        }
        i++;
        if (strcmp(a, "--seed") == 0) {
            if (parse_u64(v, &seed) != 0) {
                fprintf(stderr, "paroer-synth: bad --seed '%s' (want an unsigned integer)\n", v);
                return SYNTH_EUSAGE;
            }
        } else if (strcmp(a, "--relatives") == 0) {
            if (parse_u64(v, &relatives) != 0 || relatives > UINT64_C(1000000000)) {
                fprintf(stderr, "paroer-synth: bad --relatives '%s' (want 0 to 1000000000)\n", v);
                return SYNTH_EUSAGE;
            }
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            out = v;
        } else if (strcmp(a, "--municipalities") == 0) {
            muni_file = v;
        } else if (strcmp(a, "--population-file") == 0) {
            pop_file = v;
        } else {
            as_of = v;
        }
    }
    if (!out) {
        fprintf(stderr, "paroer-synth: -o FILE is required\n");
        usage(stderr);
        return SYNTH_EUSAGE;
    }
    int32_t as_of_days;
    if (synth_parse_date(as_of, &as_of_days) != 0) {
        fprintf(stderr, "paroer-synth: bad --as-of '%s' (want YYYY-MM-DD)\n", as_of);
        return SYNTH_EUSAGE;
    }

    static synth_municipalities ms;
    int rc = synth_load_municipalities(&ms, muni_file);
    if (rc)
        return rc;
    if (pop_file && (rc = synth_load_population_weights(&ms, pop_file)) != 0)
        return rc;

    synth_out o;
    if (synth_out_open(&o, out) != 0)
        return SYNTH_EIO;
    if (is_catalog) {
        synth_catalog_opts opt = {seed, as_of_days};
        rc = synth_write_catalog(&o, &ms, &opt);
    } else {
        synth_population_opts opt = {seed, relatives};
        rc = synth_write_population(&o, &ms, &opt);
    }
    if (synth_out_close(&o, out) != 0 && !rc)
        rc = SYNTH_EIO;
    return rc;
}
