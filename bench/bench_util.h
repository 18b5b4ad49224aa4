/* Small helpers shared by the benchmarks (bench/bench_*.c): a monotonic
 * clock, medians, whole-file reads, peak RSS and a counting allocator.
 * Header-only (static functions), so each benchmark stays one program. */
#ifndef PAROER_BENCH_UTIL_H
#define PAROER_BENCH_UTIL_H

#define _POSIX_C_SOURCE 200809L
#include <paroer/paroer.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

/* The reference date of every benchmark: paroer-synth's default --as-of, so
 * the results do not depend on the day the benchmark runs. */
#define BENCH_DATE_TEXT "2026-11-01"

static inline uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* CPU time of the process (the benchmarks are single-threaded): on a busy
 * machine it leaves out the time other processes had the CPU. */
static inline uint64_t bench_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Prints the machine's load average, so that readers can judge the figures. */
static inline void bench_print_load(const char *who)
{
    FILE *f = fopen("/proc/loadavg", "r");
    char buf[128] = "";
    if (f) {
        if (!fgets(buf, sizeof buf, f)) buf[0] = '\0';
        fclose(f);
    }
    buf[strcspn(buf, "\n")] = '\0';
    printf("%s: load average %s on %ld CPUs (wall-clock figures suffer when the load exceeds the CPUs; "
           "CPU-time figures much less)\n", who, buf[0] ? buf : "unknown", sysconf(_SC_NPROCESSORS_ONLN));
}

static inline double bench_ms(uint64_t ns) { return (double)ns / 1e6; }

static inline int bench_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts v and returns the value at quantile q (0..1, nearest rank). */
static inline uint64_t bench_quantile(uint64_t *v, size_t n, double q)
{
    if (!n) return 0;
    qsort(v, n, sizeof *v, bench_cmp_u64);
    size_t k = (size_t)(q * (double)n + 0.5);
    if (k > 0) k--;
    if (k >= n) k = n - 1;
    return v[k];
}

static inline uint64_t bench_median(uint64_t *v, size_t n) { return bench_quantile(v, n, 0.5); }

/* Peak resident set size of the process so far, in bytes. */
static inline uint64_t bench_peak_rss(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
    return (uint64_t)ru.ru_maxrss * 1024u; /* Linux: kilobytes */
}

static inline double bench_mib(uint64_t bytes) { return (double)bytes / (1024.0 * 1024.0); }

static inline _Noreturn void bench_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

/* Dies with the library's last error. */
static inline _Noreturn void bench_die_paroer(const char *what, int rc)
{
    const paroer_error_info *e = paroer_error_last();
    bench_die("%s: %s (%d): %s%s%s", what, paroer_strerror(rc), rc, e->message,
              e->source[0] ? " in " : "", e->source);
}

/* Reads a whole file into memory (NUL-terminated, *len without the NUL). */
static inline char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) bench_die("cannot open %s: %s", path, strerror(errno));
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) bench_die("out of memory");
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) bench_die("out of memory");
        buf = nb;
    }
    if (ferror(f)) bench_die("cannot read %s", path);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ---- a counting allocator for paroer_allocator --------------------------------
 * Each block carries a 16-byte header with its size, so free (which gets no
 * size) can account for it. Counts live bytes (the payloads), their peak, and
 * the number of calls. Not thread-safe (the benchmarks are single-threaded). */
typedef struct bench_counter {
    size_t live, peak;
    uint64_t mallocs, reallocs, frees;
} bench_counter;

#define BENCH_HDR 16

static inline void bench_count_add(bench_counter *c, size_t n)
{
    c->live += n;
    if (c->live > c->peak) c->peak = c->live;
}

static inline void *bench_cmalloc(void *ctx, size_t size)
{
    bench_counter *c = ctx;
    unsigned char *p = malloc(size + BENCH_HDR);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    c->mallocs++;
    bench_count_add(c, size);
    return p + BENCH_HDR;
}

static inline void *bench_crealloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    bench_counter *c = ctx;
    (void)old_size; /* the header is authoritative */
    if (!ptr) return bench_cmalloc(ctx, new_size);
    unsigned char *h = (unsigned char *)ptr - BENCH_HDR;
    size_t was;
    memcpy(&was, h, sizeof was);
    unsigned char *p = realloc(h, new_size + BENCH_HDR);
    if (!p) return NULL;
    memcpy(p, &new_size, sizeof new_size);
    c->reallocs++;
    c->live -= was;
    bench_count_add(c, new_size);
    return p + BENCH_HDR;
}

static inline void bench_cfree(void *ctx, void *ptr)
{
    bench_counter *c = ctx;
    if (!ptr) return;
    unsigned char *h = (unsigned char *)ptr - BENCH_HDR;
    size_t was;
    memcpy(&was, h, sizeof was);
    c->live -= was;
    c->frees++;
    free(h);
}

static inline paroer_allocator bench_counting_allocator(bench_counter *c)
{
    paroer_allocator a;
    memset(c, 0, sizeof *c);
    a.malloc_fn = bench_cmalloc;
    a.realloc_fn = bench_crealloc;
    a.free_fn = bench_cfree;
    a.ctx = c;
    return a;
}

/* Parses a non-negative decimal option value or dies. */
static inline uint64_t bench_parse_u64(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-') bench_die("%s needs a number, got \"%s\"", opt, s);
    return (uint64_t)v;
}

static inline int32_t bench_date(const char *text)
{
    int32_t d;
    if (paroer_date_parse(&d, text, strlen(text)) != PAROER_OK) bench_die("bad date \"%s\"", text);
    return d;
}

/* "1,234,567" */
static inline const char *bench_thousands(uint64_t v, char buf[32])
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    int o = 0;
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

#endif
