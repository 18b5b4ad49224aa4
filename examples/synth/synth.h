/*
 * synth.h - shared pieces of paroer-synth, the synthetic data generator.
 *
 * paroer-synth is a standalone program: it does not link against libparoer and
 * only writes text files (a catalog in the contract's JSON format and a
 * population in the contract's CSV format).  Everything it writes is a pure
 * function of its command line: the same seed gives byte-identical output on
 * every platform.  To make that hold, the generator
 *   - uses its own PRNG (xoshiro256**, seeded through splitmix64), never rand();
 *   - works in integers only (probabilities in parts per million), never
 *     formats a floating-point number;
 *   - never reads the clock or the environment.
 * See docs/synthetic.md for the model and the figures it is calibrated to.
 */
#ifndef PAROER_SYNTH_H
#define PAROER_SYNTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, as the contract's CLI uses them. */
enum { SYNTH_OK = 0, SYNTH_EUSAGE = 2, SYNTH_EIO = 3 };

/* ---- random numbers ------------------------------------------------------ */

/** xoshiro256** state. */
typedef struct synth_rng {
    uint64_t s[4];
} synth_rng;

/** Seeds @p r from @p seed and a stream number (different streams are independent). */
void synth_rng_seed(synth_rng *r, uint64_t seed, uint64_t stream);
/** Next 64 random bits. */
uint64_t synth_rng_next(synth_rng *r);
/** Uniform integer in [0, n); n must be > 0. */
uint32_t synth_rng_below(synth_rng *r, uint32_t n);
/** Uniform integer in [lo, hi] (inclusive; lo <= hi). */
int synth_rng_range(synth_rng *r, int lo, int hi);
/** True with probability ppm / 1,000,000. */
int synth_rng_chance(synth_rng *r, uint32_t ppm);
/** Index drawn with probability weights[i] / sum(weights); n > 0, sum > 0. */
size_t synth_rng_pick(synth_rng *r, const uint32_t *weights, size_t n);

/* ---- buffered output ----------------------------------------------------- */

/** A file written through a large buffer; errors are sticky and reported at close. */
typedef struct synth_out {
    FILE *f;
    int is_stdout;
    int err;
    size_t len;
    char *buf;
    size_t cap;
} synth_out;

/** Opens @p path for writing ("-" is stdout). Returns 0, or -1 with a message on stderr. */
int synth_out_open(synth_out *o, const char *path);
/** Flushes and closes. Returns 0, or -1 (with a message on stderr) if any write failed. */
int synth_out_close(synth_out *o, const char *path);
void synth_out_mem(synth_out *o, const char *s, size_t n);
void synth_out_str(synth_out *o, const char *s);
void synth_out_char(synth_out *o, char c);
void synth_out_uint(synth_out *o, uint64_t v);
void synth_out_int(synth_out *o, int64_t v);
/** Writes @p s as a JSON string literal (quotes and escapes included). */
void synth_out_json_str(synth_out *o, const char *s);
/** Writes a date as "YYYY-MM-DD" (quoted when @p quoted). */
void synth_out_date(synth_out *o, int32_t days, int quoted);

/* ---- dates (days since 1970-01-01, proleptic Gregorian) ------------------ */

int32_t synth_days_from_civil(int y, int m, int d);
void synth_civil_from_days(int32_t z, int *y, int *m, int *d);
/** Parses "YYYY-MM-DD"; returns 0 on success. */
int synth_parse_date(const char *s, int32_t *days);

/* ---- municipalities ------------------------------------------------------ */

#define SYNTH_MAX_MUNICIPALITIES 128

typedef struct synth_municipality {
    int code;           /* official three-digit code, e.g. 306 */
    char name[64];      /* UTF-8, e.g. "Odsherred" */
    uint32_t weight;    /* relative adult population, for distributing relatives */
} synth_municipality;

typedef struct synth_municipalities {
    size_t n;
    synth_municipality m[SYNTH_MAX_MUNICIPALITIES];
    const char *weight_source; /* human-readable note on where the weights came from */
} synth_municipalities;

/**
 * Fills @p ms with the 98 municipalities: from @p csv_path (header with a
 * `code` and a `name` column, as data/municipalities.csv) when it is not NULL,
 * else from the built-in list.  Weights start as the built-in approximation
 * (see docs/synthetic.md).  Returns 0, or an exit status with a message on stderr.
 */
int synth_load_municipalities(synth_municipalities *ms, const char *csv_path);

/**
 * Replaces the weights with the adult population read from @p csv_path
 * (header naming `code` and one of `adults`, `population`, `residents`,
 * `weight`; lines starting with '#' are comments).  Every municipality in
 * @p ms must get a positive figure.  Returns 0, or an exit status.
 */
int synth_load_population_weights(synth_municipalities *ms, const char *csv_path);

/* ---- the two generators -------------------------------------------------- */

typedef struct synth_catalog_opts {
    uint64_t seed;
    int32_t as_of;        /* reference date (days) that valid/verified dates are spread around */
} synth_catalog_opts;

typedef struct synth_population_opts {
    uint64_t seed;
    uint64_t relatives;   /* number of relatives (ids) to write */
} synth_population_opts;

/** Writes a national catalog. Returns 0 or an exit status. */
int synth_write_catalog(synth_out *o, const synth_municipalities *ms, const synth_catalog_opts *opt);
/** Writes a population CSV. Returns 0 or an exit status. */
int synth_write_population(synth_out *o, const synth_municipalities *ms, const synth_population_opts *opt);

#endif /* PAROER_SYNTH_H */
