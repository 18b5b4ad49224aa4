/* Population reach (contract section 5): which relatives of a population have
 * an eligible offer, whose stated needs are all served, broken down with small
 * cells suppressed, the most common unmet (need, condition) pairs, and the
 * strain-first allocation of offers with a capacity.
 *
 * Eligibility is evaluated on the compact population directly (no
 * paroer_relative objects), with the rules of contract section 4, and must
 * give exactly what paroer_match() gives (tests/test_coverage_population.c
 * cross-checks the two on whole populations). To be fast it is transposed:
 * the offers available in a municipality (live on the date, nationwide or
 * listing it, speaking "da") are bit k of a few 64-bit words, and for every
 * value of every attribute a table holds the set of offers that accept it
 * (age 52, need respite, relation parent, flags {terminal}, ...). A
 * relative's eligible offers are then a handful of ANDs and ORs of those
 * sets, whatever the number of offers. */
#include "coverage_impl.h"
#include "match_internal.h"
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#if !defined(_WIN32)
#  include <pthread.h>
#  define PR_HAVE_PTHREAD 1
#endif

/* An offer compiled for eligibility against CSV relatives (who speak "da");
 * its rules are in R->moff (rules.h). */
typedef struct pr_eoff {
    uint32_t offer;   /* catalog index */
    uint32_t entry;   /* allocation entry, or PR_NONE */
    uint32_t id_rank; /* rank of the offer's id among the compiled offers' (strcmp order) */
    uint8_t capped;
} pr_eoff;

#if defined(__GNUC__) || defined(__clang__)
#  define PR_PREFETCH(p) __builtin_prefetch(p)
#else
#  define PR_PREFETCH(p) ((void)0)
#endif

static inline unsigned ctz64(uint64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(v);
#else
    unsigned n = 0;
    while (!(v & 1)) { v >>= 1; n++; }
    return n;
#endif
}

static int offer_speaks_da(const paroer_catalog *c, const struct paroer_offer *o)
{
    if (!o->n_languages) return 1;
    for (uint32_t i = 0; i < o->n_languages; i++)
        if (o->languages[i] == c->lang_da) return 1;
    return 0;
}

/* ---- the transposed tables ------------------------------------------------- */

#define PR_AGES 131   /* ages 0..130 */
enum {
    T_ALL = 0,                        /* every offer of the municipality */
    T_CAP = 1,                        /* offers with a capacity */
    T_ANYCOND = 2,                    /* targets naming no condition */
    T_SERVE = 3,                      /* + need: offers serving it */
    T_MODE = T_SERVE + PR_N_NEED,     /* + mode: offers given that way */
    T_SLOT = T_MODE + PR_N_MODE,      /* + slot: offers at that time or flexible */
    T_REL = T_SLOT + PR_N_SLOT,       /* + relation: targets taking it (or any) */
    T_COND = T_REL + PR_N_RELATION,   /* + condition: targets naming it (or none) */
    T_REQ = T_COND + PR_N_CONDITION,  /* + flags 0..31 (employed = bit 4): requires all held */
    T_BER = T_REQ + 32,               /* + 0/1: targets taking (not) bereaved relations */
    T_AGE = T_BER + 2,                /* + age: relative_age holds it */
    T_CFA = T_AGE + PR_AGES,          /* + age: cared_for_age holds it */
    T_COUNT = T_CFA + PR_AGES
};

typedef struct pr_mtab {
    uint32_t n, words;      /* offers, 64-bit words per set */
    uint32_t *offers;       /* bit k -> index into reach.eo */
    uint64_t *t;            /* T_COUNT sets of `words` words: set k word w is t[k * words + w] */
} pr_mtab;

/* Word w of the set of offers eligible for a fully known relative r (rules
 * 4-9; rules 1-3 were settled when the municipality's offers were chosen). */
static inline uint64_t elig_word(const pr_mtab *m, uint32_t w, const pr_pop_relative *r,
                                 const pr_pop_relation *rn, uint32_t n)
{
    const size_t W = m->words;
    const uint64_t *t = m->t + w;
    uint64_t e = t[(size_t)(T_AGE + r->age) * W];
    uint32_t b;
    if (r->needs) {
        uint64_t x = 0;
        for (uint32_t v = r->needs; v; v &= v - 1) x |= t[(size_t)(T_SERVE + ctz64(v)) * W];
        e &= x;
    }
    if (r->modes) {
        uint64_t x = 0;
        for (uint32_t v = r->modes; v; v &= v - 1) x |= t[(size_t)(T_MODE + ctz64(v)) * W];
        e &= x;
    }
    if (r->slots) {
        uint64_t x = 0;
        for (uint32_t v = r->slots; v; v &= v - 1) x |= t[(size_t)(T_SLOT + ctz64(v)) * W];
        e &= x;
    }
    if (!e) return 0;
    const uint32_t emp = r->employed ? PR_BIT(PAROER_FLAG_EMPLOYED) : 0;
    uint64_t rel = 0;
    for (uint32_t j = 0; j < n; j++) {
        const pr_pop_relation *x = &rn[j];
        b = (x->flags & PR_BIT(PAROER_FLAG_BEREAVED)) ? 1u : 0u;
        uint64_t y = t[(size_t)(T_REL + x->relation) * W] & t[(size_t)(T_REQ + ((x->flags | emp) & 31u)) * W] &
                     t[(size_t)(T_BER + b) * W];
        if (x->cared_for_age != PR_POP_AGE_UNKNOWN) y &= t[(size_t)(T_CFA + x->cared_for_age) * W];
        if (y & ~t[(size_t)T_ANYCOND * W]) {
            uint64_t c = t[(size_t)T_ANYCOND * W];
            for (uint32_t v = x->conditions; v; v &= v - 1) c |= t[(size_t)(T_COND + ctz64(v)) * W];
            y &= c;
        }
        rel |= y;
    }
    return e & rel;
}

static void set_bit(pr_mtab *m, int k, uint32_t bit)
{
    m->t[(size_t)k * m->words + bit / 64] |= UINT64_C(1) << (bit % 64);
}

/* Bit `bit` of every set, from the rule module's per-code predicates. */
static void fill_bit(pr_mtab *m, const pr_moff *o, int capped, uint32_t bit)
{
    set_bit(m, T_ALL, bit);
    if (capped) set_bit(m, T_CAP, bit);
    if (pr_accepts_any_condition(o)) set_bit(m, T_ANYCOND, bit);
    for (unsigned k = 0; k < PR_N_NEED; k++)
        if (pr_accepts_need(o, k)) set_bit(m, T_SERVE + (int)k, bit);
    for (unsigned k = 0; k < PR_N_MODE; k++)
        if (pr_accepts_mode(o, k)) set_bit(m, T_MODE + (int)k, bit);
    for (unsigned k = 0; k < PR_N_SLOT; k++)
        if (pr_accepts_slot(o, k)) set_bit(m, T_SLOT + (int)k, bit);
    for (unsigned k = 0; k < PR_N_RELATION; k++)
        if (pr_accepts_relation(o, k)) set_bit(m, T_REL + (int)k, bit);
    for (unsigned k = 0; k < PR_N_CONDITION; k++)
        if (pr_accepts_condition(o, k)) set_bit(m, T_COND + (int)k, bit);
    for (uint32_t f = 0; f < 32; f++)
        if (pr_accepts_flags(o, f)) set_bit(m, T_REQ + (int)f, bit);
    for (int b = 0; b < 2; b++)
        if (pr_accepts_bereaved(o, b)) set_bit(m, T_BER + b, bit);
    for (int a = 0; a < PR_AGES; a++) {
        if (pr_accepts_relative_age(o, a)) set_bit(m, T_AGE + a, bit);
        if (pr_accepts_cared_for_age(o, a)) set_bit(m, T_CFA + a, bit);
    }
}

/* Strain order key: terminal first, then hours a week (summed over the
 * relative's relations, in hundredths), larger first. */
static uint64_t strain_key(const pr_pop_relation *rn, uint32_t n)
{
    uint64_t terminal = 0, hours = 0;
    for (uint32_t j = 0; j < n; j++) {
        if (rn[j].flags & PR_BIT(PAROER_FLAG_TERMINAL)) terminal = 1;
        hours += rn[j].hours;
    }
    return (terminal << 63) | hours;
}

typedef struct pr_request { uint64_t key; uint32_t rel; uint32_t want; } pr_request;
#define PR_WANT_ANY UINT32_MAX   /* a relative stating no needs: any place will do */

/* Stable LSD radix sort by key, largest first (ties keep input order). */
static int sort_requests(const paroer_allocator *a, pr_request *req, size_t n)
{
    if (n < 2) return 0;
    pr_request *tmp = pr_malloc(a, n * sizeof *tmp);
    size_t *count = pr_malloc(a, 65536 * sizeof *count);
    if (!tmp || !count) {
        pr_free(a, tmp);
        pr_free(a, count);
        return PAROER_ENOMEM;
    }
    pr_request *src = req, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++) count[(~src[i].key >> shift) & 0xFFFF]++;
        if (count[(~src[0].key >> shift) & 0xFFFF] == n) continue;  /* one digit value: nothing to do */
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t k = count[d];
            count[d] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++) dst[count[(~src[i].key >> shift) & 0xFFFF]++] = src[i];
        pr_request *t = src;
        src = dst;
        dst = t;
    }
    if (src != req) memcpy(req, src, n * sizeof *req);
    pr_free(a, tmp);
    pr_free(a, count);
    return 0;
}

/* A capped eligible offer of one relative, with its rank: the score (higher
 * first), then the offer id (the matcher's tie-break), both folded into one
 * integer key -- the id as its precomputed rank among the compiled offers'
 * ids -- so that ranking a relative's n candidates is one n log n sort of
 * integers, never a string comparison. */
typedef struct pr_cand { uint64_t key; const pr_eoff *o; } pr_cand;

static uint64_t cand_key(int32_t score, uint32_t id_rank)
{
    /* larger key = ranks first */
    return ((uint64_t)((uint32_t)score ^ UINT32_C(0x80000000)) << 32) | (uint64_t)(UINT32_MAX - id_rank);
}

static int cmp_cand(const void *a, const void *b)
{
    const uint64_t x = ((const pr_cand *)a)->key, y = ((const pr_cand *)b)->key;
    return x < y ? 1 : x > y ? -1 : 0;
}

typedef struct pr_counts { uint64_t relatives, reached, met, reached_p, met_p; } pr_counts;

/* What one piece of a population adds up to (pr_reach_add); pieces are
 * merged in file order. */
struct pr_reach_acc {
    pr_counts all, by_cond[PR_N_CONDITION], by_rel[PR_N_RELATION], by_band[PR_N_AGE_BAND], no_band;
    pr_counts *by_muni;                 /* PR_MUNI_MAX */
    uint64_t unmet[PR_N_NEED][PR_N_CONDITION];
    uint64_t partial;                   /* relatives with unknown facts */
    /* the allocation's compact records: one request and one copy of the relative a participant */
    pr_request *req; size_t n_req, cap_req;
    pr_pop_relative *rel; size_t n_rel, cap_rel;
    pr_pop_relation *rn; size_t n_rn, cap_rn;
    /* scratch for relatives with unknown facts */
    uint64_t *e, *pw;                   /* certain / possible sets, max_words each */
    pr_mrel *mrel; size_t cap_mrel;
};

struct pr_reach {
    paroer_coverage *cov;
    const paroer_catalog *c;
    const paroer_allocator *a;
    pr_eoff *eo; size_t n_eo;    /* offers live in scope and speaking "da" */
    pr_moff *moff;               /* per compiled offer: the rule module's view */
    _Atomic(pr_mtab *) tab[PR_MUNI_MAX];   /* built on first sight of a municipality */
#if PR_HAVE_PTHREAD
    pthread_mutex_t lock;        /* guards building a table */
#endif
    uint32_t max_words;          /* words of the largest table that can be built */
    pr_alloc_entry *entries; size_t n_entries;
};

static int offer_in(const struct paroer_offer *o, int u)
{
    if (o->nationwide) return 1;
    for (uint32_t j = 0; j < o->n_municipalities; j++)
        if (o->municipalities[j] == u) return 1;
    return 0;
}

static void mtab_free(const paroer_allocator *a, pr_mtab *t)
{
    if (!t) return;
    pr_free(a, t->offers);
    pr_free(a, t->t);
    pr_free(a, t);
}

void pr_reach_free(pr_reach *R)
{
    if (!R) return;
    for (int u = 0; u < PR_MUNI_MAX; u++) mtab_free(R->a, atomic_load_explicit(&R->tab[u], memory_order_relaxed));
#if PR_HAVE_PTHREAD
    pthread_mutex_destroy(&R->lock);
#endif
    pr_free(R->a, R->eo);
    pr_free(R->a, R->moff);
    pr_free(R->a, R);
}

static pr_mtab *build_table(const pr_reach *R, int u)
{
    const paroer_catalog *c = R->c;
    pr_mtab *t = pr_calloc(R->a, 1, sizeof *t);
    if (!t) return NULL;
    uint32_t n = 0;
    for (size_t k = 0; k < R->n_eo; k++) n += (uint32_t)offer_in(&c->offers[R->eo[k].offer], u);
    t->words = n ? (n + 63) / 64 : 1;
    t->offers = pr_malloc(R->a, (n ? n : 1) * sizeof *t->offers);
    t->t = pr_calloc(R->a, (size_t)T_COUNT * t->words, sizeof *t->t);
    if (!t->offers || !t->t) {
        mtab_free(R->a, t);
        return NULL;
    }
    for (size_t k = 0; k < R->n_eo; k++) {
        if (!offer_in(&c->offers[R->eo[k].offer], u)) continue;
        t->offers[t->n] = (uint32_t)k;
        fill_bit(t, &R->moff[k], R->eo[k].capped, t->n);
        t->n++;
    }
    return t;
}

/* The table of municipality u, built on first use (thread-safe). */
static const pr_mtab *table_of(pr_reach *R, int u)
{
    pr_mtab *t = atomic_load_explicit(&R->tab[u], memory_order_acquire);
    if (t) return t;
#if PR_HAVE_PTHREAD
    pthread_mutex_lock(&R->lock);
#endif
    t = atomic_load_explicit(&R->tab[u], memory_order_relaxed);
    if (!t) {
        t = build_table(R, u);
        if (t) atomic_store_explicit(&R->tab[u], t, memory_order_release);
    }
#if PR_HAVE_PTHREAD
    pthread_mutex_unlock(&R->lock);
#endif
    return t;
}

typedef struct pr_idref { const char *id; uint32_t k; } pr_idref;

static int cmp_idref(const void *a, const void *b)
{
    const pr_idref *x = a, *y = b;
    int d = strcmp(x->id, y->id);
    return d ? d : (x->k > y->k) - (x->k < y->k);
}

/* Gives each compiled offer the rank of its id in strcmp order: sorted once
 * (n log n), so the allocation's ranking compares integers only. */
static int rank_ids(pr_reach *R)
{
    if (!R->n_eo) return 0;
    pr_idref *v = pr_malloc(R->a, R->n_eo * sizeof *v);
    if (!v) return PAROER_ENOMEM;
    for (size_t k = 0; k < R->n_eo; k++) v[k] = (pr_idref){R->c->offers[R->eo[k].offer].id, (uint32_t)k};
    qsort(v, R->n_eo, sizeof *v, cmp_idref);
    for (size_t i = 0; i < R->n_eo; i++) R->eo[v[i].k].id_rank = (uint32_t)i;
    pr_free(R->a, v);
    return 0;
}

int pr_reach_new(pr_reach **out, paroer_coverage *cov, const paroer_catalog *c)
{
    *out = NULL;
    const paroer_allocator *a = &cov->alloc;
    pr_reach *R = pr_calloc(a, 1, sizeof *R);
    if (!R) return PAROER_ENOMEM;
    R->cov = cov;
    R->c = c;
    R->a = a;
    for (int u = 0; u < PR_MUNI_MAX; u++) atomic_init(&R->tab[u], NULL);
#if PR_HAVE_PTHREAD
    if (pthread_mutex_init(&R->lock, NULL)) {
        pr_free(a, R);
        return PAROER_ENOMEM;
    }
#endif
    const int32_t m = cov->municipality, date = cov->date;
    uint32_t *entry_of = NULL;

    /* allocation entries: live offers with a capacity, catalog order */
    size_t n_entries = 0;
    for (uint32_t i = 0; i < c->n_offers; i++)
        if (c->offers[i].capacity >= 0 && pr_offer_live(&c->offers[i], m, date)) n_entries++;
    if (n_entries) {
        R->entries = pr_arena_alloc(&cov->arena, n_entries * sizeof *R->entries, sizeof(void *));
        entry_of = pr_malloc(a, c->n_offers * sizeof *entry_of);
        if (!R->entries || !entry_of) goto nomem;
        for (uint32_t i = 0; i < c->n_offers; i++) {
            const struct paroer_offer *o = &c->offers[i];
            entry_of[i] = PR_NONE;
            if (o->capacity < 0 || !pr_offer_live(o, m, date)) continue;
            pr_alloc_entry *e = &R->entries[R->n_entries];
            memset(e, 0, sizeof *e);
            if (!(e->offer_id = pr_cov_strdup(cov, o->id))) goto nomem;
            e->offer = i;
            e->capacity = o->capacity;
            entry_of[i] = (uint32_t)R->n_entries++;
        }
    }

    /* compiled offers: live in scope and speaking "da" (rules 1-3 and 8) */
    R->eo = pr_malloc(a, (c->n_offers ? c->n_offers : 1) * sizeof *R->eo);
    R->moff = pr_malloc(a, (c->n_offers ? c->n_offers : 1) * sizeof *R->moff);
    if (!R->eo || !R->moff) goto nomem;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (!pr_offer_live(o, m, date) || !offer_speaks_da(c, o)) continue;
        pr_eoff *e = &R->eo[R->n_eo];
        e->capped = o->capacity >= 0;
        e->offer = i;
        e->entry = entry_of ? entry_of[i] : PR_NONE;
        pr_moff_fill(&R->moff[R->n_eo], o, c->lang_da);
        R->n_eo++;
    }
    pr_free(a, entry_of);
    entry_of = NULL;
    if (rank_ids(R)) goto nomem;
    /* the largest table: nationwide offers plus the most local ones of one municipality */
    uint32_t nationwide = 0, *local = pr_calloc(a, PR_MUNI_MAX, sizeof *local), most = 0;
    if (!local) goto nomem;
    for (size_t k = 0; k < R->n_eo; k++) {
        const struct paroer_offer *o = &c->offers[R->eo[k].offer];
        if (o->nationwide) { nationwide++; continue; }
        for (uint32_t j = 0; j < o->n_municipalities; j++)
            if (o->municipalities[j] > 0 && o->municipalities[j] < PR_MUNI_MAX &&
                ++local[o->municipalities[j]] > most)
                most = local[o->municipalities[j]];
    }
    pr_free(a, local);
    R->max_words = (nationwide + most + 63) / 64;
    if (!R->max_words) R->max_words = 1;
    *out = R;
    return 0;
nomem:
    pr_free(a, entry_of);
    pr_reach_free(R);
    return PAROER_ENOMEM;
}

/* ---- accumulators ---------------------------------------------------------------- */

int pr_reach_acc_new(const pr_reach *R, pr_reach_acc **out)
{
    pr_reach_acc *A = pr_calloc(R->a, 1, sizeof *A);
    if (!A) return PAROER_ENOMEM;
    A->by_muni = pr_calloc(R->a, PR_MUNI_MAX, sizeof *A->by_muni);
    A->e = pr_malloc(R->a, (size_t)R->max_words * 2 * sizeof *A->e);
    if (!A->by_muni || !A->e) {
        pr_reach_acc_free(R, A);
        return PAROER_ENOMEM;
    }
    A->pw = A->e + R->max_words;
    *out = A;
    return 0;
}

void pr_reach_acc_free(const pr_reach *R, pr_reach_acc *A)
{
    if (!A) return;
    pr_free(R->a, A->by_muni);
    pr_free(R->a, A->req);
    pr_free(R->a, A->rel);
    pr_free(R->a, A->rn);
    pr_free(R->a, A->e);
    pr_free(R->a, A->mrel);
    pr_free(R->a, A);
}

static void add_counts(pr_counts *d, const pr_counts *s)
{
    d->relatives += s->relatives;
    d->reached += s->reached;
    d->met += s->met;
    d->reached_p += s->reached_p;
    d->met_p += s->met_p;
}

/* Appends `from` (a later piece of the file) to `into` and empties `from`. */
int pr_reach_merge(const pr_reach *R, pr_reach_acc *into, pr_reach_acc *from)
{
    add_counts(&into->all, &from->all);
    add_counts(&into->no_band, &from->no_band);
    for (int k = 0; k < PR_N_CONDITION; k++) add_counts(&into->by_cond[k], &from->by_cond[k]);
    for (int k = 0; k < PR_N_RELATION; k++) add_counts(&into->by_rel[k], &from->by_rel[k]);
    for (int k = 0; k < PR_N_AGE_BAND; k++) add_counts(&into->by_band[k], &from->by_band[k]);
    for (int u = 0; u < PR_MUNI_MAX; u++)
        if (from->by_muni[u].relatives) add_counts(&into->by_muni[u], &from->by_muni[u]);
    for (int n = 0; n < PR_N_NEED; n++)
        for (int k = 0; k < PR_N_CONDITION; k++) into->unmet[n][k] += from->unmet[n][k];
    into->partial += from->partial;
    if (from->n_req) {
        if (pr_grow(R->a, (void **)&into->req, &into->cap_req, into->n_req + from->n_req, sizeof *into->req) ||
            pr_grow(R->a, (void **)&into->rel, &into->cap_rel, into->n_rel + from->n_rel, sizeof *into->rel) ||
            pr_grow(R->a, (void **)&into->rn, &into->cap_rn, into->n_rn + from->n_rn, sizeof *into->rn))
            return PAROER_ENOMEM;
        if (into->n_rn + from->n_rn > UINT32_MAX || into->n_rel + from->n_rel > UINT32_MAX) return PAROER_ENOMEM;
        for (size_t i = 0; i < from->n_req; i++) {
            pr_request q = from->req[i];
            q.rel += (uint32_t)into->n_rel;
            into->req[into->n_req++] = q;
        }
        for (size_t i = 0; i < from->n_rel; i++) {
            pr_pop_relative r = from->rel[i];
            r.first += (uint32_t)into->n_rn;
            into->rel[into->n_rel++] = r;
        }
        memcpy(into->rn + into->n_rn, from->rn, from->n_rn * sizeof *from->rn);
        into->n_rn += from->n_rn;
    }
    memset(&from->all, 0, sizeof from->all);
    memset(&from->no_band, 0, sizeof from->no_band);
    memset(from->by_cond, 0, sizeof from->by_cond);
    memset(from->by_rel, 0, sizeof from->by_rel);
    memset(from->by_band, 0, sizeof from->by_band);
    memset(from->by_muni, 0, PR_MUNI_MAX * sizeof *from->by_muni);
    memset(from->unmet, 0, sizeof from->unmet);
    from->partial = 0;
    from->n_req = from->n_rel = from->n_rn = 0;
    return 0;
}

/* The certain (YES) and possible (YES or MAYBE) sets of a relative with
 * unknown facts, by the rule module's reference evaluation (contract 4a),
 * into A->e and A->pw. Returns 0 or PAROER_ENOMEM. */
static int partial_sets(pr_reach *R, pr_reach_acc *A, const pr_mtab *t, const pr_pop_relative *r,
                        const pr_pop_relation *rn, uint32_t n)
{
    if (n > A->cap_mrel && pr_grow(R->a, (void **)&A->mrel, &A->cap_mrel, n, sizeof *A->mrel)) return PAROER_ENOMEM;
    const int age_unknown = r->age == PR_POP_AGE_UNKNOWN;
    const int emp = r->employed == PR_POP_EMPLOYED_UNKNOWN ? -1 : r->employed;
    pr_mquery q;
    pr_mquery_init(&q, R->cov->date, r->municipality, age_unknown ? 0 : r->age, age_unknown ? 130 : r->age,
                   emp < 0, r->needs, r->modes, r->slots);
    const uint16_t da = R->c->lang_da;
    if (da < 64) q.lang_mask |= UINT64_C(1) << da;
    else { q.lang_hi = &R->c->lang_da; q.n_lang_hi = 1; }
    for (uint32_t j = 0; j < n; j++) {
        const pr_pop_relation *x = &rn[j];
        uint32_t extra = ((x->unknown & PR_POP_U_CONDITIONS) ? PR_RU_CONDITIONS : 0) |
                         ((x->unknown & PR_POP_U_CFA) ? PR_RU_CFA : 0);
        pr_mrel_fill(&A->mrel[j], x->relation, x->conditions,
                     x->cared_for_age == PR_POP_AGE_UNKNOWN ? PR_CFA_ABSENT : x->cared_for_age, x->flags,
                     x->unknown & PR_ALL(4), emp, extra, x->hours >= 2000);
    }
    pr_mquery_set_rels(&q, A->mrel, n);
    memset(A->e, 0, (size_t)t->words * 2 * sizeof *A->e);
    A->pw = A->e + t->words;
    for (uint32_t b = 0; b < t->n; b++) {
        const uint32_t k = t->offers[b];
        pr_verdict v;
        pr_rules_eval(&R->moff[k], &R->c->offers[R->eo[k].offer], &q, 1, &v);
        if (v.value == PR_YES) A->e[b / 64] |= UINT64_C(1) << (b % 64);
        if (v.value != PR_NO) A->pw[b / 64] |= UINT64_C(1) << (b % 64);
    }
    return 0;
}

/* Reached and needs met from a set, and which needs its capped and unlimited offers serve. */
typedef struct pr_served { int reached, met; uint32_t cap_union, unl_union; uint64_t cap_any, unl_any; } pr_served;

static inline void served_of(const pr_mtab *t, uint32_t w, uint64_t e, uint32_t needs, pr_served *s)
{
    if (!e) return;
    const uint64_t capped = e & t->t[(size_t)T_CAP * t->words + w], open = e & ~capped;
    s->cap_any |= capped;
    s->unl_any |= open;
    for (uint32_t v = needs; v; v &= v - 1) {
        const unsigned n = ctz64(v);
        const uint64_t sv = t->t[(size_t)(T_SERVE + n) * t->words + w];
        if (capped & sv) s->cap_union |= PR_BIT(n);
        if (open & sv) s->unl_union |= PR_BIT(n);
    }
}

static inline void served_end(pr_served *s, uint32_t needs)
{
    s->reached = (s->cap_any | s->unl_any) != 0;
    s->met = s->reached && ((s->cap_union | s->unl_union) & needs) == needs;
}

static inline void count(pr_counts *k, const pr_served *c, const pr_served *p)
{
    k->relatives++;
    k->reached += (uint64_t)c->reached;
    k->met += (uint64_t)c->met;
    k->reached_p += (uint64_t)p->reached;
    k->met_p += (uint64_t)p->met;
}

int pr_reach_add(pr_reach *R, pr_reach_acc *A, const pr_pop_relative *r, const pr_pop_relation *rn, uint32_t nrel)
{
    const int32_t m = R->cov->municipality;
    if (m != -1 && r->municipality != m) return 0;
    const uint32_t needs = r->needs;
    const int u = r->municipality;
    const pr_mtab *t = table_of(R, u);
    if (!t) return PAROER_ENOMEM;
    const int partial = pr_pop_partial(r, rn, nrel);

    /* which stated needs the eligible offers serve, with and without a capacity */
    pr_served c, p;
    memset(&c, 0, sizeof c);
    if (!partial) {
        for (uint32_t w = 0; w < t->words; w++) served_of(t, w, elig_word(t, w, r, rn, nrel), needs, &c);
        served_end(&c, needs);
        p = c;
    } else {
        if (partial_sets(R, A, t, r, rn, nrel)) return PAROER_ENOMEM;
        memset(&p, 0, sizeof p);
        for (uint32_t w = 0; w < t->words; w++) {
            served_of(t, w, A->e[w], needs, &c);
            served_of(t, w, A->pw[w], needs, &p);
        }
        served_end(&c, needs);
        served_end(&p, needs);
        A->partial++;
    }
    const uint32_t served = c.cap_union | c.unl_union;

    /* a participant of the allocation (certain eligibility): keep a compact record */
    if (c.cap_any && R->n_entries) {
        uint32_t want = needs ? needs & ~c.unl_union & c.cap_union : (c.unl_any ? 0 : PR_WANT_ANY);
        if (want) {
            if ((A->n_req == A->cap_req &&
                 pr_grow(R->a, (void **)&A->req, &A->cap_req, A->n_req + 1, sizeof *A->req)) ||
                (A->n_rel == A->cap_rel &&
                 pr_grow(R->a, (void **)&A->rel, &A->cap_rel, A->n_rel + 1, sizeof *A->rel)) ||
                (A->n_rn + nrel > A->cap_rn &&
                 pr_grow(R->a, (void **)&A->rn, &A->cap_rn, A->n_rn + nrel, sizeof *A->rn)) ||
                A->n_rn + nrel > UINT32_MAX)
                return PAROER_ENOMEM;
            A->req[A->n_req++] = (pr_request){strain_key(rn, nrel), (uint32_t)A->n_rel, want};
            pr_pop_relative x = *r;
            x.first = (uint32_t)A->n_rn;
            x.id = nrel;                 /* the record keeps its number of relations here */
            A->rel[A->n_rel++] = x;
            memcpy(A->rn + A->n_rn, rn, nrel * sizeof *rn);
            A->n_rn += nrel;
        }
    }

    uint32_t conds = 0, rels = 0;
    for (uint32_t j = 0; j < nrel; j++) {
        conds |= rn[j].conditions;
        rels |= PR_BIT(rn[j].relation);
    }
    count(&A->all, &c, &p);
    count(&A->by_muni[u], &c, &p);
    if (r->age == PR_POP_AGE_UNKNOWN) count(&A->no_band, &c, &p);
    else count(&A->by_band[paroer_age_band_of(r->age)], &c, &p);
    for (uint32_t v = conds; v; v &= v - 1) count(&A->by_cond[ctz64(v)], &c, &p);
    for (uint32_t v = rels; v; v &= v - 1) count(&A->by_rel[ctz64(v)], &c, &p);
    uint32_t missing = needs & ~served;
    if (missing && conds)
        for (uint32_t v = missing; v; v &= v - 1)
            for (uint32_t k = conds; k; k &= k - 1) A->unmet[ctz64(v)][ctz64(k)]++;
    return 0;
}

/* ---- the allocation ------------------------------------------------------------- */

/* The rank (as paroer_match scores it) of a capped offer for a relative:
 * the best score over the relations that satisfy the target (the engine
 * matches the relation that scores best). */
static int32_t rank_score(const pr_reach *R, const pr_eoff *o, const pr_pop_relative *r,
                          const pr_pop_relation *rn, uint32_t n)
{
    const pr_moff *mo = &R->moff[o - R->eo];
    const uint32_t emp = r->employed == 1 ? PR_BIT(PAROER_FLAG_EMPLOYED) : 0;
    int32_t best = INT32_MIN;
    for (uint32_t j = 0; j < n; j++) {
        pr_mrel x;
        pr_mrel_fill(&x, rn[j].relation, rn[j].conditions,
                     rn[j].cared_for_age == PR_POP_AGE_UNKNOWN ? PR_CFA_ABSENT : rn[j].cared_for_age, rn[j].flags,
                     0, emp != 0, 0, rn[j].hours >= 2000);
        if (rn[j].unknown || !pr_rel_known_ok(mo, &x)) continue;
        int32_t s = pr_rule_score(mo, R->cov->date, r->needs, x.heavy);
        if (s > best) best = s;
    }
    return best == INT32_MIN ? 0 : best;
}

static int allocate(pr_reach *R, pr_reach_acc *A)
{
    int rc = sort_requests(R->a, A->req, A->n_req);
    if (rc) return rc;
    size_t max_c = (size_t)R->max_words * 64;
    int64_t *left = pr_malloc(R->a, (R->n_entries ? R->n_entries : 1) * sizeof *left);
    pr_cand *cand = pr_malloc(R->a, max_c * sizeof *cand);
    uint8_t *held = pr_malloc(R->a, max_c * 2);   /* per candidate: placed, wait-listed */
    if (!left || !cand || !held) {
        pr_free(R->a, left);
        pr_free(R->a, cand);
        pr_free(R->a, held);
        return PAROER_ENOMEM;
    }
    for (size_t e = 0; e < R->n_entries; e++) left[e] = R->entries[e].capacity;
    for (size_t q = 0; q < A->n_req && !rc; q++) {
        /* strain order visits relatives at random: fetch them ahead */
        if (q + 16 < A->n_req) PR_PREFETCH(&A->rel[A->req[q + 16].rel]);
        if (q + 8 < A->n_req) PR_PREFETCH(&A->rn[A->rel[A->req[q + 8].rel].first]);
        const pr_pop_relative *r = &A->rel[A->req[q].rel];
        const pr_pop_relation *rn = &A->rn[r->first];
        const uint32_t nrel = r->id;
        const pr_mtab *t = table_of(R, r->municipality);
        if (!t) { rc = PAROER_ENOMEM; break; }
        const int partial = pr_pop_partial(r, rn, nrel);
        if (partial && (rc = partial_sets(R, A, t, r, rn, nrel))) break;
        size_t n = 0;
        for (uint32_t w = 0; w < t->words; w++) {
            uint64_t e = partial ? A->e[w] : elig_word(t, w, r, rn, nrel);
            uint64_t capped = e & t->t[(size_t)T_CAP * t->words + w];
            for (; capped; capped &= capped - 1) {
                const pr_eoff *o = &R->eo[t->offers[w * 64 + ctz64(capped)]];
                cand[n].key = cand_key(rank_score(R, o, r, rn, nrel), o->id_rank);
                cand[n].o = o;
                n++;
            }
        }
        if (n > 1) qsort(cand, n, sizeof *cand, cmp_cand);
        memset(held, 0, n * 2);
        uint32_t want = A->req[q].want;
        const int any = want == PR_WANT_ANY;
        for (int need = 0; need < (any ? 1 : PR_N_NEED); need++) {
            const uint32_t bit = PR_BIT(need);
            if (!any && !(want & bit)) continue;
            int done = 0, first = -1, placed = -1;
            for (size_t k = 0; k < n && !done; k++) {
                if (!any && !pr_accepts_need(&R->moff[cand[k].o - R->eo], (unsigned)need)) continue;
                if (held[2 * k]) done = 1;
                else if (first < 0) first = (int)k;
            }
            if (done || first < 0) continue;
            for (size_t k = (size_t)first; k < n; k++) {
                if (!any && !pr_accepts_need(&R->moff[cand[k].o - R->eo], (unsigned)need)) continue;
                if (left[cand[k].o->entry] > 0) { placed = (int)k; break; }
            }
            if (placed >= 0) {
                left[cand[placed].o->entry]--;
                R->entries[cand[placed].o->entry].served++;
                held[2 * placed] = 1;
            } else if (!held[2 * first + 1]) {
                R->entries[cand[first].o->entry].waitlisted++;
                held[2 * first + 1] = 1;
            }
        }
    }
    pr_free(R->a, left);
    pr_free(R->a, cand);
    pr_free(R->a, held);
    return rc;
}

/* ---- the result -------------------------------------------------------------------- */

static int cmp_unmet(const pr_unmet_pair *a, const pr_unmet_pair *b)
{
    if (a->relatives != b->relatives) return a->relatives > b->relatives ? -1 : 1;
    if (a->need != b->need) return a->need < b->need ? -1 : 1;
    return a->condition < b->condition ? -1 : a->condition > b->condition;
}

/* Secondary suppression (contract section 5a) of a breakdown whose n cells
 * partition the relatives: cell i is suppressed when it counts fewer than
 * min_cell relatives; then, while the suppressed cells together (with
 * `outside`, relatives in no cell: an unknown age) hold some relatives but
 * fewer than min_cell, the smallest published cell (the first in code order
 * among equals) is suppressed as well. Subtracting the published cells from
 * the total then reveals either nobody or a group of at least min_cell. */
static void suppress_partition(const pr_counts *const *cells, size_t n, uint64_t outside, uint32_t min_cell,
                               uint8_t *supp)
{
    uint64_t hidden = outside;
    for (size_t i = 0; i < n; i++) {
        supp[i] = cells[i]->relatives < min_cell;
        if (supp[i]) hidden += cells[i]->relatives;
    }
    while (hidden > 0 && hidden < min_cell) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n; i++)
            if (!supp[i] && (best == SIZE_MAX || cells[i]->relatives < cells[best]->relatives)) best = i;
        if (best == SIZE_MAX) break;
        supp[best] = 1;
        hidden += cells[best]->relatives;
    }
}

static void set_cell(pr_bd_cell *cell, int32_t code, const pr_counts *k, uint32_t min_cell, int suppress)
{
    memset(cell, 0, sizeof *cell);
    cell->code = code;
    if (suppress || k->relatives < min_cell) {
        cell->suppressed = 1;
        return;
    }
    cell->relatives = k->relatives;
    cell->reached = k->reached;
    cell->needs_met = k->met;
    cell->reached_possible = k->reached_p;
    cell->needs_met_possible = k->met_p;
}

int pr_reach_finish(pr_reach *R, pr_reach_acc *A)
{
    paroer_coverage *cov = R->cov;
    cov->pop_relatives = A->all.relatives;
    cov->pop_partial = A->partial;
    /* the whole population's figures only when it counts at least min_cell (5a) */
    cov->pop_suppressed = A->all.relatives < cov->min_cell;
    if (!cov->pop_suppressed) {
        cov->pop_reached = A->all.reached;
        cov->pop_met = A->all.met;
        cov->pop_reached_possible = A->all.reached_p;
        cov->pop_met_possible = A->all.met_p;
    }

    /* breakdowns */
    size_t n_muni = 0;
    for (int u = 0; u < PR_MUNI_MAX; u++) n_muni += A->by_muni[u].relatives > 0;
    const size_t sizes[PR_N_BREAKDOWNS] = {n_muni, PR_N_CONDITION, PR_N_RELATION, PR_N_AGE_BAND};
    for (int b = 0; b < PR_N_BREAKDOWNS; b++) {
        cov->n_bd[b] = 0;
        if (!sizes[b]) continue;
        cov->bd[b] = pr_arena_alloc(&cov->arena, sizes[b] * sizeof(pr_bd_cell), sizeof(uint64_t));
        if (!cov->bd[b]) return PAROER_ENOMEM;
    }
    {
        const pr_counts *cells[PR_MUNI_MAX];
        int32_t codes[PR_MUNI_MAX];
        uint8_t supp[PR_MUNI_MAX];
        size_t k = 0;
        for (int u = 0; u < PR_MUNI_MAX; u++)
            if (A->by_muni[u].relatives) {
                cells[k] = &A->by_muni[u];
                codes[k++] = u;
            }
        suppress_partition(cells, k, 0, cov->min_cell, supp);
        for (size_t i = 0; i < k; i++)
            set_cell(&cov->bd[PAROER_BREAKDOWN_MUNICIPALITY][cov->n_bd[PAROER_BREAKDOWN_MUNICIPALITY]++], codes[i],
                     cells[i], cov->min_cell, supp[i]);
        for (int b = 0; b < PR_N_AGE_BAND; b++) cells[b] = &A->by_band[b];
        suppress_partition(cells, PR_N_AGE_BAND, A->no_band.relatives, cov->min_cell, supp);
        for (int b = 0; b < PR_N_AGE_BAND; b++)
            set_cell(&cov->bd[PAROER_BREAKDOWN_AGE_BAND][cov->n_bd[PAROER_BREAKDOWN_AGE_BAND]++], b, &A->by_band[b],
                     cov->min_cell, supp[b]);
    }
    for (int k = 0; k < PR_N_CONDITION; k++)
        set_cell(&cov->bd[PAROER_BREAKDOWN_CONDITION][cov->n_bd[PAROER_BREAKDOWN_CONDITION]++], k, &A->by_cond[k],
                 cov->min_cell, 0);
    for (int k = 0; k < PR_N_RELATION; k++)
        set_cell(&cov->bd[PAROER_BREAKDOWN_RELATION][cov->n_bd[PAROER_BREAKDOWN_RELATION]++], k, &A->by_rel[k],
                 cov->min_cell, 0);

    /* the most common unmet pairs that are not small cells */
    pr_unmet_pair pairs[PR_N_NEED * PR_N_CONDITION];
    size_t n_pairs = 0;
    for (int n = 0; n < PR_N_NEED; n++)
        for (int k = 0; k < PR_N_CONDITION; k++)
            if (A->unmet[n][k] >= cov->min_cell && A->unmet[n][k] > 0)
                pairs[n_pairs++] = (pr_unmet_pair){n, k, A->unmet[n][k]};
    for (size_t i = 1; i < n_pairs; i++) {
        pr_unmet_pair x = pairs[i];
        size_t j = i;
        while (j > 0 && cmp_unmet(&x, &pairs[j - 1]) < 0) {
            pairs[j] = pairs[j - 1];
            j--;
        }
        pairs[j] = x;
    }
    if (n_pairs > cov->max_unmet) n_pairs = cov->max_unmet;
    if (n_pairs) {
        cov->unmet = pr_arena_alloc(&cov->arena, n_pairs * sizeof *cov->unmet, sizeof(uint64_t));
        if (!cov->unmet) return PAROER_ENOMEM;
        memcpy(cov->unmet, pairs, n_pairs * sizeof *cov->unmet);
    }
    cov->n_unmet = n_pairs;

    /* allocation */
    if (R->n_entries) {
        int rc = allocate(R, A);
        if (rc) return rc;
    }
    cov->alloc_entries = R->entries;
    cov->n_alloc = R->n_entries;
    return 0;
}

int pr_coverage_population(paroer_coverage *cov, const paroer_catalog *c, const paroer_population *pop)
{
    cov->pop_rejected = pop->rejected;
    pr_reach *R;
    pr_reach_acc *A = NULL;
    int rc = pr_reach_new(&R, cov, c);
    if (rc) return rc;
    rc = pr_reach_acc_new(R, &A);
    for (size_t i = 0; !rc && i < pop->n_rel; i++)
        rc = pr_reach_add(R, A, &pop->rel[i], &pop->rn[pop->rel[i].first], pr_pop_nrel(pop, i));
    if (!rc) rc = pr_reach_finish(R, A);
    pr_reach_acc_free(R, A);
    pr_reach_free(R);
    return rc;
}

/* For tests and benchmarks: the catalog indexes of the offers eligible for
 * relative i on `date`, by the fast path above, ascending, to out[0..cap).
 * Returns how many (may exceed cap) or PAROER_ENOMEM / PAROER_EINVALID. */
int64_t pr_population_eligible(const paroer_catalog *c, const paroer_population *pop, size_t i, int32_t date,
                               uint32_t *out, size_t cap)
{
    if (!c || !pop || i >= pop->n_rel) return PAROER_EINVALID;
    paroer_coverage cov;
    memset(&cov, 0, sizeof cov);
    pr_alloc_resolve(&cov.alloc, NULL);
    pr_arena_init(&cov.arena, &cov.alloc);
    cov.municipality = -1;
    cov.date = date == PAROER_DATE_NONE ? paroer_date_today() : date;
    pr_reach *R;
    int64_t n = 0;
    if (pr_reach_new(&R, &cov, c)) {
        pr_arena_free(&cov.arena);
        return PAROER_ENOMEM;
    }
    const pr_pop_relative *r = &pop->rel[i];
    const pr_mtab *t = table_of(R, r->municipality);
    uint32_t *tmp = t ? pr_malloc(R->a, (size_t)t->words * 64 * sizeof *tmp) : NULL;
    if (!tmp) {
        n = PAROER_ENOMEM;
    } else {
        for (uint32_t w = 0; w < t->words; w++)
            for (uint64_t e = elig_word(t, w, r, &pop->rn[r->first], pr_pop_nrel(pop, i)); e; e &= e - 1)
                tmp[n++] = R->eo[t->offers[w * 64 + ctz64(e)]].offer;
        /* offers were compiled in catalog order, so each word is ascending; sort the whole */
        for (int64_t a = 1; a < n; a++) {
            uint32_t x = tmp[a];
            int64_t b = a;
            while (b > 0 && tmp[b - 1] > x) { tmp[b] = tmp[b - 1]; b--; }
            tmp[b] = x;
        }
        for (int64_t k = 0; k < n && (size_t)k < cap; k++) out[k] = tmp[k];
        pr_free(R->a, tmp);
    }
    pr_reach_free(R);
    pr_arena_free(&cov.arena);
    return n;
}
