/* Population reach streamed from a CSV file (contract section 5; issue
 * "population reach at the speed of reading the file").
 *
 * The file is read with read() into two buffers of fixed size, in batches:
 * each batch is cut into pieces of about PR_STREAM_PIECE bytes at relative
 * boundaries (pr_pop_split: a record is one line, so a cut is a line end
 * after which another id begins), the pieces are scanned (pr_pop_scan) and
 * counted (pr_reach_add) on worker threads, each into its own accumulator,
 * and the results are merged in file order: counts are sums, the
 * allocation's requests and the bad rows keep the file's order, so the
 * result is byte for byte the same for every number of threads. While the
 * pieces of one batch are counted, the calling thread reads the next batch
 * into the other buffer (so reading the file overlaps the counting). What is
 * kept per relative is only the relative being read; with capacities, a
 * compact record of each relative that takes part in the allocation
 * (pr_reach_acc: 16 bytes of request, 16 of relative, 8 a relation).
 *
 * Memory: the two buffers (each pieces per batch x PR_STREAM_PIECE, twice
 * the number of threads pieces, at least 2), one accumulator and one reader per piece,
 * and the compiled offers; never the file, never the population. A relative
 * whose rows do not fit in a batch grows the buffer to hold it. */
#if !defined(_WIN32)
#  ifndef _POSIX_C_SOURCE
#    define _POSIX_C_SOURCE 200809L
#  endif
#endif
#include "coverage_impl.h"
#include "diagnostics.h"
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#if defined(__unix__) || defined(__APPLE__)
#  include <fcntl.h>
#  include <pthread.h>
#  include <sys/stat.h>
#  include <unistd.h>
#  define PR_STREAM_POSIX 1
#endif

#ifndef PR_STREAM_PIECE
#  define PR_STREAM_PIECE ((size_t)1 << 20)   /* about 1 MiB a piece (the fuzzing build sets a few hundred bytes) */
#endif

typedef struct piece {
    const char *data; size_t len;
    int64_t lines;                 /* line ends in it */
    pr_pop_reader *rd;
    pr_reach_acc *acc;
    pr_pop_error *err; size_t n_err, cap_err;   /* the first bad rows (up to the listing cap) */
    uint64_t rejected;
    int rc;
} piece;

typedef struct stream {
    pr_reach *R;
    piece *pieces; size_t n_pieces;
    size_t keep_errors;            /* how many errors a piece keeps */
    int strict;
} stream;

typedef struct sink_ctx { stream *S; piece *p; } sink_ctx;

static int on_relative(void *ctx, const char *id, size_t id_len, const pr_pop_relative *r,
                       const pr_pop_relation *rn, uint32_t n, int64_t line)
{
    (void)id;
    (void)id_len;
    (void)line;
    sink_ctx *k = ctx;
    return pr_reach_add(k->S->R, k->p->acc, r, rn, n);
}

static int on_error(void *ctx, const pr_pop_error *e)
{
    sink_ctx *k = ctx;
    piece *p = k->p;
    p->rejected++;
    if (p->n_err < k->S->keep_errors) {
        if (p->n_err == p->cap_err &&
            pr_grow(pr_pop_reader_allocator(p->rd), (void **)&p->err, &p->cap_err, p->n_err + 1, sizeof *p->err))
            return PAROER_ENOMEM;
        p->err[p->n_err++] = *e;
    }
    return k->S->strict ? e->code : 0;   /* strict: the first bad row stops the piece */
}

static void run_piece(void *arg, size_t i)
{
    stream *S = arg;
    piece *p = &S->pieces[i];
    sink_ctx k = {S, p};
    pr_pop_sink sink = {&k, NULL, on_relative, on_error};
    p->rc = pr_pop_scan(p->rd, p->data, p->len, 1, &sink, &p->lines);
}

/* ---- running the pieces ------------------------------------------------------------ */

typedef struct pool_job {
    void (*task)(void *, size_t);
    void *arg;
    size_t n;
    atomic_size_t next;
} pool_job;

static void *pool_worker(void *v)
{
    pool_job *j = v;
    for (size_t i; (i = atomic_fetch_add(&j->next, 1)) < j->n;) j->task(j->arg, i);
    return NULL;
}

/* Runs task(arg, 0..n-1) on `threads` threads (the caller's included), or
 * through the host's parallel-for. The calling thread first runs
 * first(first_arg) (reading the next batch) while the others start on the
 * pieces; with the host's parallel-for, first runs before it. */
static void run_all(void (*task)(void *, size_t), void *arg, size_t n, unsigned threads,
                    paroer_parallel_for_fn pfor, void *pctx, void (*first)(void *), void *first_arg)
{
    if (pfor) {
        first(first_arg);
        pfor(pctx, n, task, arg);
        return;
    }
    pool_job j;
    j.task = task;
    j.arg = arg;
    j.n = n;
    atomic_init(&j.next, 0);
#if PR_STREAM_POSIX
    pthread_t tid[64];
    unsigned started = 0;
    if (threads > n) threads = (unsigned)n;
    for (unsigned t = 1; t < threads && t < 64; t++)
        if (pthread_create(&tid[started], NULL, pool_worker, &j) == 0) started++;
    first(first_arg);
    pool_worker(&j);
    for (unsigned t = 0; t < started; t++) pthread_join(tid[t], NULL);
#else
    (void)threads;
    first(first_arg);
    pool_worker(&j);
#endif
}

unsigned pr_stream_threads(uint32_t asked)
{
    if (asked) return asked > 64 ? 64 : asked;
#if PR_STREAM_POSIX
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
#else
    return 1;
#endif
}

/* ---- reading ----------------------------------------------------------------------- */

/* Fills buf[*filled..cap) from fd; *eof at the end of input. */
static int fill(int fd, char *buf, size_t cap, size_t *filled, int *eof, const char *path, paroer_diagnostics *d)
{
    while (*filled < cap && !*eof) {
        ssize_t r = read(fd, buf + *filled, cap - *filled);
        if (r < 0) {
            if (errno == EINTR) continue;
            return pr_pop_io_error(path, "read", errno, d);
        }
        if (r == 0) *eof = 1;
        *filled += (size_t)r;
    }
    return 0;
}

/* The next batch, read by the calling thread while the pieces of the
 * current one are counted (run_all's `first`). */
typedef struct read_job {
    int fd;
    char *buf; size_t cap, filled;
    int eof, rc;
    const char *path;
    paroer_diagnostics *diag;
} read_job;

static void read_next(void *v)
{
    read_job *r = v;
    r->rc = fill(r->fd, r->buf, r->cap, &r->filled, &r->eof, r->path, r->diag);
}

typedef struct listing { size_t listed, unlisted; } listing;

/* Reports the bad rows of piece p (its first line is `base`) in order. */
static int report_piece(const pr_pop_reader *rd, const piece *p, int64_t base, listing *ls)
{
    paroer_diagnostics *d = pr_pop_reader_diagnostics(rd);
    const char *src = pr_pop_reader_source(rd);
    const uint32_t max = pr_pop_reader_max_errors(rd);
    for (size_t i = 0; i < p->n_err; i++) {
        const pr_pop_error *e = &p->err[i];
        char text[600];
        pr_pop_error_text(e, base - 1, text, sizeof text);
        const int64_t line = e->line + base - 1;
        if (pr_pop_reader_strict(rd)) {
            pr_error_at(e->code, src, line, 0, -1, e->column, "%s", text);
            if (d && pr_diag_add(d, PR_SEV_ERROR, e->code, src, e->column, line, 0, text))
                return pr_error(PAROER_ENOMEM, "out of memory");
            return e->code;
        }
        if (d) {
            if (ls->listed < max) {
                if (pr_diag_add(d, PR_SEV_ERROR, e->code, src, e->column, line, 0, text))
                    return pr_error(PAROER_ENOMEM, "out of memory");
                ls->listed++;
            } else {
                ls->unlisted++;
            }
        }
    }
    if (d) ls->unlisted += (size_t)(p->rejected - p->n_err);
    return 0;
}

int pr_coverage_population_file(paroer_coverage *cov, const paroer_catalog *c, const char *path,
                                const paroer_load_options *lo, uint32_t threads_asked, paroer_parallel_for_fn pfor,
                                void *pctx)
{
#if !PR_STREAM_POSIX
    (void)cov; (void)c; (void)path; (void)lo; (void)threads_asked; (void)pfor; (void)pctx;
    return pr_error(PAROER_EINVALID, "streaming a population file needs POSIX I/O here");
#else
    paroer_diagnostics *diag = lo ? lo->diagnostics : NULL;
    const paroer_allocator *a = &cov->alloc;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return pr_pop_io_error(path, "open", errno, diag);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return pr_pop_io_error(path, "read", EISDIR, diag);
    }
#  ifdef POSIX_FADV_SEQUENTIAL
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#  endif
    const unsigned threads = pfor ? 1 : pr_stream_threads(threads_asked);
    const size_t n_slots = pfor ? 8 : (threads * 2 < 2 ? 2 : threads * 2);
    size_t cap = n_slots * PR_STREAM_PIECE;
    char *buf = NULL, *buf_next = NULL;   /* the batch being counted, the one being read */
    size_t cap_next = 0;
    stream S;
    memset(&S, 0, sizeof S);
    pr_pop_reader *rd = NULL;
    pr_reach_acc *total = NULL;
    int rc = 0;
    paroer_load_options opts;
    paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION);
    if (lo) opts = *lo;
    opts.allocator = a;
    if (pr_pop_reader_new(&rd, path, &opts) || pr_reach_new(&S.R, cov, c) ||
        pr_reach_acc_new(S.R, &total) || !(buf = pr_malloc(a, cap)) ||
        !(S.pieces = pr_calloc(a, n_slots, sizeof *S.pieces))) {
        rc = pr_error(PAROER_ENOMEM, "out of memory");
        goto out;
    }
    S.strict = pr_pop_reader_strict(rd);
    S.keep_errors = !diag ? (S.strict ? 1 : 0) : S.strict ? 1 : pr_pop_reader_max_errors(rd);

    size_t filled = 0;
    int eof = 0;
    if ((rc = fill(fd, buf, cap, &filled, &eof, path, diag))) goto out;
    size_t body;
    int64_t line;
    rc = pr_pop_reader_header(rd, buf, filled, eof, &body, &line);
    if (rc) goto out;
    for (size_t i = 0; i < n_slots; i++)
        if (pr_pop_reader_clone(&S.pieces[i].rd, rd) || pr_reach_acc_new(S.R, &S.pieces[i].acc)) {
            rc = pr_error(PAROER_ENOMEM, "out of memory");
            goto out;
        }
    memmove(buf, buf + body, filled - body);
    filled -= body;
    listing ls = {0, 0};
    uint64_t rejected = 0;
    for (;;) {
        if ((rc = fill(fd, buf, cap, &filled, &eof, path, diag))) goto out;   /* a no-op after read_next */
        /* cut the batch into pieces at relative boundaries */
        size_t lo_off = 0, n = 0;
        const size_t piece_len = cap / n_slots;
        while (n < n_slots && lo_off < filled) {
            size_t t = lo_off + piece_len, s;
            if (t >= filled) s = eof ? filled : pr_pop_split(rd, buf, lo_off, filled, filled, 0);
            else {
                s = pr_pop_split(rd, buf, lo_off, t, filled, eof);
                if (!s) s = eof ? filled : pr_pop_split(rd, buf, lo_off, filled, filled, 0);
            }
            if (!s) break;
            S.pieces[n].data = buf + lo_off;
            S.pieces[n].len = s - lo_off;
            n++;
            lo_off = s;
        }
        if (n == 0) {
            if (eof) break;
            /* one relative fills the buffer: make room for it */
            if (pr_grow(a, (void **)&buf, &cap, cap * 2, 1)) {
                rc = pr_error(PAROER_ENOMEM, "out of memory");
                goto out;
            }
            continue;
        }
        /* The rest (a relative whose rows go on) starts the next batch, which
         * the calling thread reads into the other buffer while the pieces
         * of this one are counted: reading the file overlaps the counting. */
        if (cap_next < cap) {
            pr_free(a, buf_next);
            cap_next = 0;
            if (!(buf_next = pr_malloc(a, cap))) {
                rc = pr_error(PAROER_ENOMEM, "out of memory");
                goto out;
            }
            cap_next = cap;
        }
        memcpy(buf_next, buf + lo_off, filled - lo_off);
        read_job next = {fd, buf_next, cap_next, filled - lo_off, eof, 0, path, diag};
        S.n_pieces = n;
        for (size_t i = 0; i < n; i++) {
            S.pieces[i].n_err = 0;
            S.pieces[i].rejected = 0;
            S.pieces[i].rc = 0;
            S.pieces[i].lines = 0;
        }
        run_all(run_piece, &S, n, threads, pfor, pctx, read_next, &next);
        /* merge in file order (this batch's bad rows come before a read error of the next) */
        for (size_t i = 0; i < n; i++) {
            piece *p = &S.pieces[i];
            if ((rc = report_piece(rd, p, line, &ls))) goto out;
            if (p->rc == PAROER_ENOMEM) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
            if (p->rc) { rc = p->rc; goto out; }
            rejected += p->rejected;
            line += p->lines;
            if (pr_reach_merge(S.R, total, p->acc)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
        }
        if ((rc = next.rc)) goto out;
        /* the next batch becomes the current one */
        char *tb = buf;
        size_t tc = cap;
        buf = buf_next;
        cap = cap_next;
        buf_next = tb;
        cap_next = tc;
        filled = next.filled;
        eof = next.eof;
        if (eof && filled == 0) break;
    }
    if (diag && ls.unlisted) {
        char m[160];
        snprintf(m, sizeof m, "%lu more bad rows were left out without being listed here", (unsigned long)ls.unlisted);
        if (pr_diag_add(diag, PR_SEV_ERROR, PAROER_ESCHEMA, path, "", 0, 0, m)) {
            rc = pr_error(PAROER_ENOMEM, "out of memory");
            goto out;
        }
    }
    cov->pop_rejected = rejected;
    if (pr_reach_finish(S.R, total)) rc = pr_error(PAROER_ENOMEM, "out of memory");
out:
    close(fd);
    if (S.pieces) {
        for (size_t i = 0; i < n_slots; i++) {
            pr_pop_reader_free(S.pieces[i].rd);
            if (S.R) pr_reach_acc_free(S.R, S.pieces[i].acc);
            pr_free(a, S.pieces[i].err);
        }
        pr_free(a, S.pieces);
    }
    if (S.R) {
        pr_reach_acc_free(S.R, total);
        pr_reach_free(S.R);
    }
    pr_pop_reader_free(rd);
    pr_free(a, buf);
    pr_free(a, buf_next);
    return rc;
#endif
}
