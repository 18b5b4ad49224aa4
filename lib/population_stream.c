/* Population reach streamed from a CSV file (contract section 5; issue
 * "population reach at the speed of reading the file").
 *
 * The file is read with read() in batches of fixed size; each batch is cut
 * into pieces of about PR_STREAM_PIECE bytes at relative boundaries
 * (pr_pop_split: a record is one line, so a cut is a line end after which
 * another id begins), the pieces are scanned (pr_pop_scan) and counted
 * (pr_reach_add) each into its own accumulator, and the accumulators are
 * merged in file order: counts are sums, the allocation's requests and the
 * bad rows keep the file's order, so the result is byte for byte the same
 * for every number of threads. What is kept per relative is only the
 * relative being read; with capacities, a compact record of each relative
 * that takes part in the allocation (pr_reach_acc: 16 bytes of request, 16
 * of relative, 8 a relation).
 *
 * Two drivers: batch after batch (run_batches: one thread, which reads the
 * next batch into a second buffer before it counts the current one, or the
 * host's parallel-for over the pieces of a batch), and with threads of its
 * own a ring of batches (run_ring: the calling thread reads, cuts and
 * merges; the workers count pieces as they come).
 *
 * Memory: two (one thread) or PR_RING batch buffers of twice the number of
 * threads pieces (at least 2), a reader (with its list memo) a piece or a
 * worker, an accumulator a piece, and the compiled offers; never the file,
 * never the population. A relative whose rows do not fit in a batch grows
 * the buffer to hold it. */
#if !defined(_WIN32)
#  ifndef _POSIX_C_SOURCE
#    define _POSIX_C_SOURCE 200809L
#  endif
#endif
#include "coverage_impl.h"
#include "diagnostics.h"
#include <errno.h>
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
    piece *pieces; size_t n_pieces;   /* pieces a batch (the batch driver's slots) */
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

/* Runs first(first_arg) (reading the next batch), then task(arg, 0..n-1):
 * through the host's parallel-for, or on the calling thread (threads of the
 * library's own go through the ring below). */
static void run_all(void (*task)(void *, size_t), void *arg, size_t n, paroer_parallel_for_fn pfor, void *pctx,
                    void (*first)(void *), void *first_arg)
{
    first(first_arg);
    if (pfor) pfor(pctx, n, task, arg);
    else
        for (size_t i = 0; i < n; i++) task(arg, i);
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

/* ---- what both drivers share ------------------------------------------------------ */

typedef struct run {
    int fd;
    const char *path;
    paroer_diagnostics *diag;
    const paroer_allocator *a;
    stream *S;
    pr_pop_reader *rd;              /* the header's reader: the pieces' readers are copies */
    pr_reach_acc *total;
    listing ls;
    uint64_t rejected;
    int64_t line;                   /* line of the next piece to merge */
} run;

/* Cuts buf[0..filled) into at most `slots` pieces of about piece_len bytes at
 * relative boundaries; returns how many, *used the bytes they cover (the rest
 * is a relative whose rows go on, or nothing at the end). */
static size_t cut(const pr_pop_reader *rd, const char *buf, size_t filled, int eof, size_t slots, size_t piece_len,
                  piece *out, size_t *used)
{
    size_t lo_off = 0, n = 0;
    while (n < slots && lo_off < filled) {
        size_t t = lo_off + piece_len, s;
        if (t >= filled) s = eof ? filled : pr_pop_split(rd, buf, lo_off, filled, filled, 0);
        else {
            s = pr_pop_split(rd, buf, lo_off, t, filled, eof);
            if (!s) s = eof ? filled : pr_pop_split(rd, buf, lo_off, filled, filled, 0);
        }
        if (!s) break;
        out[n].data = buf + lo_off;
        out[n].len = s - lo_off;
        out[n].n_err = 0;
        out[n].rejected = 0;
        out[n].rc = 0;
        out[n].lines = 0;
        n++;
        lo_off = s;
    }
    *used = lo_off;
    return n;
}

/* Merges a counted piece in file order: its bad rows, its counts. */
static int merge_piece(run *R, piece *p)
{
    int rc = report_piece(R->rd, p, R->line, &R->ls);
    if (rc) return rc;
    if (p->rc == PAROER_ENOMEM) return pr_error(PAROER_ENOMEM, "out of memory");
    if (p->rc) return p->rc;
    R->rejected += p->rejected;
    R->line += p->lines;
    if (pr_reach_merge(R->S->R, R->total, p->acc)) return pr_error(PAROER_ENOMEM, "out of memory");
    return 0;
}

/* ---- one thread, or the host's parallel-for: batch after batch ---------------------- */

/* Each batch is cut into pieces that are counted together (on the host's
 * threads with a parallel-for); the calling thread reads the next batch into
 * the other buffer first. buf holds the first bytes of the body. */
static int run_batches(run *R, char **bufp, size_t *capp, size_t filled, int eof, paroer_parallel_for_fn pfor,
                       void *pctx)
{
    const paroer_allocator *a = R->a;
    stream *S = R->S;
    const size_t n_slots = S->n_pieces;
    char *buf = *bufp, *buf_next = NULL;   /* the batch being counted, the one being read */
    size_t cap = *capp, cap_next = 0;
    int rc = 0;
    for (;;) {
        if ((rc = fill(R->fd, buf, cap, &filled, &eof, R->path, R->diag))) goto out;   /* a no-op after read_next */
        size_t used, n = cut(R->rd, buf, filled, eof, n_slots, cap / n_slots, S->pieces, &used);
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
        memcpy(buf_next, buf + used, filled - used);
        read_job next = {R->fd, buf_next, cap_next, filled - used, eof, 0, R->path, R->diag};
        run_all(run_piece, S, n, pfor, pctx, read_next, &next);
        /* merge in file order (this batch's bad rows come before a read error of the next) */
        for (size_t i = 0; i < n; i++)
            if ((rc = merge_piece(R, &S->pieces[i]))) goto out;
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
out:
    *bufp = buf;
    *capp = cap;
    pr_free(a, buf_next);
    return rc;
}

/* ---- threads of its own: a ring of batches ------------------------------------------
 * With its own threads the reader does not wait for a batch to be counted:
 * PR_RING batches are in flight, the calling thread reads and cuts the next
 * one while the workers count the pieces of the earlier ones, and merges each
 * batch, in file order, once all its pieces are counted. No worker waits for
 * the slowest piece of a batch (as batch after batch would), and no worker
 * reads the file. Each worker has its own reader (the list memo is mutable);
 * each piece its own accumulator, so the merge keeps the file's order. */

#if PR_STREAM_POSIX
#  define PR_RING 3
#  define PR_RING_NO_THREADS 1   /* run_ring could start no thread (buffers untouched) */

typedef struct ring_batch {
    char *buf; size_t cap;
    piece *pieces; size_t n;        /* n_slots pieces, n of them in use */
    size_t left;                    /* pieces not yet counted (guarded by the lock) */
} ring_batch;

typedef struct ring {
    stream *S;
    pthread_mutex_t lock;
    pthread_cond_t work, done;      /* a piece to count; a batch counted */
    ring_batch b[PR_RING];
    size_t n_slots;
    size_t head, tail;              /* pieces published, pieces taken (counting up; batch and piece from them) */
    size_t queue[PR_RING * 128];    /* published pieces: batch * n_slots + piece */
    int closed, cancel;
} ring;

typedef struct ring_worker { ring *G; pr_pop_reader *rd; } ring_worker;

static void *ring_work(void *v)
{
    ring_worker *w = v;
    ring *G = w->G;
    pthread_mutex_lock(&G->lock);
    for (;;) {
        while (G->tail == G->head && !G->closed) pthread_cond_wait(&G->work, &G->lock);
        if (G->tail == G->head) break;
        const size_t q = G->queue[G->tail++ % PR_COUNT_OF(G->queue)];
        const int cancel = G->cancel;
        pthread_mutex_unlock(&G->lock);
        ring_batch *b = &G->b[q / G->n_slots];
        piece *p = &b->pieces[q % G->n_slots];
        if (!cancel) {
            p->rd = w->rd;
            sink_ctx k = {G->S, p};
            pr_pop_sink sink = {&k, NULL, on_relative, on_error};
            p->rc = pr_pop_scan(p->rd, p->data, p->len, 1, &sink, &p->lines);
        }
        pthread_mutex_lock(&G->lock);
        if (--b->left == 0) pthread_cond_signal(&G->done);
    }
    pthread_mutex_unlock(&G->lock);
    return NULL;
}

/* Waits until batch i is counted. */
static void ring_wait(ring *G, size_t i)
{
    pthread_mutex_lock(&G->lock);
    while (G->b[i].left) pthread_cond_wait(&G->done, &G->lock);
    pthread_mutex_unlock(&G->lock);
}

static int ring_merge(run *R, ring *G, size_t i)
{
    ring_batch *b = &G->b[i];
    ring_wait(G, i);
    for (size_t k = 0; k < b->n; k++) {
        int rc = merge_piece(R, &b->pieces[k]);
        if (rc) return rc;
    }
    b->n = 0;
    return 0;
}

static int run_ring(run *R, char **bufp, size_t *capp, size_t filled, int eof, unsigned threads)
{
    const paroer_allocator *a = R->a;
    ring G;
    memset(&G, 0, sizeof G);
    G.S = R->S;
    G.n_slots = R->S->n_pieces;
    if (G.n_slots > 128) G.n_slots = 128;
    ring_worker wk[64];
    pthread_t tid[64];
    unsigned started = 0;
    int rc = 0, locks = 0;
    if (pthread_mutex_init(&G.lock, NULL)) return pr_error(PAROER_ENOMEM, "out of memory");
    locks++;
    if (pthread_cond_init(&G.work, NULL)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
    locks++;
    if (pthread_cond_init(&G.done, NULL)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
    locks++;
    /* the workers wait for pieces; when none can be started the caller counts batch after batch */
    for (unsigned t = 0; t < threads && t < 64; t++) {
        wk[t].G = &G;
        if (pr_pop_reader_clone(&wk[t].rd, R->rd)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
        if (pthread_create(&tid[t], NULL, ring_work, &wk[t])) {
            pr_pop_reader_free(wk[t].rd);
            break;
        }
        started++;
    }
    if (!started) {
        rc = PR_RING_NO_THREADS;
        goto out;
    }
    /* batch 0 takes the buffer that holds the body's first bytes */
    G.b[0].buf = *bufp;
    G.b[0].cap = *capp;
    *bufp = NULL;
    for (size_t i = 0; i < PR_RING; i++) {
        if (i && !(G.b[i].buf = pr_malloc(a, G.b[0].cap))) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
        if (i) G.b[i].cap = G.b[0].cap;
        if (!(G.b[i].pieces = pr_calloc(a, G.n_slots, sizeof *G.b[i].pieces))) {
            rc = pr_error(PAROER_ENOMEM, "out of memory");
            goto out;
        }
        for (size_t k = 0; k < G.n_slots; k++)
            if (pr_reach_acc_new(R->S->R, &G.b[i].pieces[k].acc)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
    }

    size_t k = 0, m = 0;   /* the next batch to read, the next to merge (counting up) */
    size_t used = 0;       /* bytes of the batch before that its pieces cover */
    for (;;) {
        ring_batch *b = &G.b[k % PR_RING];
        if (k - m == PR_RING) {            /* every batch in flight: merge the oldest, which frees it */
            if ((rc = ring_merge(R, &G, m % PR_RING))) goto out;
            m++;
        }
        if (k) {
            /* the rest of the batch before (a relative whose rows go on) starts this one */
            const ring_batch *pb = &G.b[(k - 1) % PR_RING];   /* still in flight: read, not written */
            const size_t rest = filled - used;
            if (rest > b->cap) {
                pr_free(a, b->buf);
                b->cap = 0;
                if (!(b->buf = pr_malloc(a, pb->cap))) { rc = pr_error(PAROER_ENOMEM, "out of memory"); goto out; }
                b->cap = pb->cap;
            }
            memcpy(b->buf, pb->buf + used, rest);
            filled = rest;
            if (eof && filled == 0) break;
        }
        size_t n;
        for (;;) {
            if ((rc = fill(R->fd, b->buf, b->cap, &filled, &eof, R->path, R->diag))) break;
            n = cut(R->rd, b->buf, filled, eof, G.n_slots, b->cap / G.n_slots, b->pieces, &used);
            if (n || eof) break;
            /* one relative fills the buffer: make room for it */
            if (pr_grow(a, (void **)&b->buf, &b->cap, b->cap * 2, 1)) { rc = pr_error(PAROER_ENOMEM, "out of memory"); break; }
        }
        if (rc) {
            /* a read error comes after the bad rows of the batches before it */
            const int read_rc = rc;
            for (; m < k; m++)
                if ((rc = ring_merge(R, &G, m % PR_RING))) goto out;
            rc = read_rc;
            goto out;
        }
        if (n == 0) break;                 /* the end */
        pthread_mutex_lock(&G.lock);
        b->n = n;
        b->left = n;
        for (size_t i = 0; i < n; i++) G.queue[G.head++ % PR_COUNT_OF(G.queue)] = (k % PR_RING) * G.n_slots + i;
        pthread_cond_broadcast(&G.work);
        pthread_mutex_unlock(&G.lock);
        k++;
        if (eof && used == filled) break;
    }
    while (m < k) {
        if ((rc = ring_merge(R, &G, m % PR_RING))) goto out;
        m++;
    }
out:
    pthread_mutex_lock(&G.lock);
    G.closed = 1;
    G.cancel = rc != 0;                    /* pieces not yet taken are skipped */
    pthread_cond_broadcast(&G.work);
    pthread_mutex_unlock(&G.lock);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(tid[t], NULL);
        pr_pop_reader_free(wk[t].rd);
    }
    for (size_t i = 0; i < PR_RING; i++) {
        if (G.b[i].pieces) {
            for (size_t q = 0; q < G.n_slots; q++) {
                pr_reach_acc_free(R->S->R, G.b[i].pieces[q].acc);
                pr_free(a, G.b[i].pieces[q].err);
            }
            pr_free(a, G.b[i].pieces);
        }
        pr_free(a, G.b[i].buf);
    }
    if (locks > 2) pthread_cond_destroy(&G.done);
    if (locks > 1) pthread_cond_destroy(&G.work);
    pthread_mutex_destroy(&G.lock);
    return rc;
}
#endif

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
    const int own_threads = !pfor && threads > 1;
    /* pieces a batch: twice the threads (at least 2; 8 for the host's parallel-for) */
    const size_t n_slots = pfor ? 8 : (threads * 2 < 2 ? 2 : threads * 2);
    size_t cap = n_slots * PR_STREAM_PIECE;
    char *buf = NULL;
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
        pr_reach_acc_new(S.R, &total) || !(buf = pr_malloc(a, cap))) {
        rc = pr_error(PAROER_ENOMEM, "out of memory");
        goto out;
    }
    S.n_pieces = n_slots;
    S.strict = pr_pop_reader_strict(rd);
    S.keep_errors = !diag ? (S.strict ? 1 : 0) : S.strict ? 1 : pr_pop_reader_max_errors(rd);

    size_t filled = 0;
    int eof = 0;
    if ((rc = fill(fd, buf, cap, &filled, &eof, path, diag))) goto out;
    size_t body;
    run R = {fd, path, diag, a, &S, rd, total, {0, 0}, 0, 0};
    rc = pr_pop_reader_header(rd, buf, filled, eof, &body, &R.line);
    if (rc) goto out;
    memmove(buf, buf + body, filled - body);
    filled -= body;
    rc = own_threads ? run_ring(&R, &buf, &cap, filled, eof, threads) : PR_RING_NO_THREADS;
    if (rc == PR_RING_NO_THREADS) {
        /* one thread, the host's parallel-for, or no thread could be started */
        if (!S.pieces && !(S.pieces = pr_calloc(a, n_slots, sizeof *S.pieces))) {
            rc = pr_error(PAROER_ENOMEM, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < n_slots; i++)
            if (pr_pop_reader_clone(&S.pieces[i].rd, rd) || pr_reach_acc_new(S.R, &S.pieces[i].acc)) {
                rc = pr_error(PAROER_ENOMEM, "out of memory");
                goto out;
            }
        rc = run_batches(&R, &buf, &cap, filled, eof, pfor, pctx);
    }
    if (rc) goto out;
    if (diag && R.ls.unlisted) {
        char m[160];
        snprintf(m, sizeof m, "%lu more bad rows were left out without being listed here", (unsigned long)R.ls.unlisted);
        if (pr_diag_add(diag, PR_SEV_ERROR, PAROER_ESCHEMA, path, "", 0, 0, m)) {
            rc = pr_error(PAROER_ENOMEM, "out of memory");
            goto out;
        }
    }
    cov->pop_rejected = R.rejected;
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
    return rc;
#endif
}
