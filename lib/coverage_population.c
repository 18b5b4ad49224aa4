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
#include <stdlib.h>
#include <string.h>

/* An offer compiled for eligibility against CSV relatives (who speak "da"). */
typedef struct pr_eoff {
    uint32_t needs, relations, conditions, requires;
    int32_t age_min, age_max, cf_min, cf_max;
    uint8_t modes, slots, bereaved, capped;
    uint32_t offer;   /* catalog index */
    uint32_t id_rank; /* rank of the offer's id among the compiled offers' (strcmp order) */
    uint32_t entry;   /* allocation entry, or PR_NONE */
} pr_eoff;

/* Rules 4-9 of contract section 4 (rules 1-3 are settled when compiling). */
static inline int eligible(const pr_eoff *o, const pr_pop_relative *r, const pr_pop_relation *rn, uint32_t n)
{
    if (r->needs && !(o->needs & r->needs)) return 0;
    if ((int32_t)r->age < o->age_min || (int32_t)r->age > o->age_max) return 0;
    if (r->modes && !(o->modes & r->modes)) return 0;
    if (r->slots && o->slots && !(o->slots & r->slots)) return 0;
    const uint32_t emp = r->employed ? PR_BIT(PAROER_FLAG_EMPLOYED) : 0;
    for (uint32_t j = 0; j < n; j++) {
        const pr_pop_relation *x = &rn[j];
        if (o->relations && !(o->relations & PR_BIT(x->relation))) continue;
        if (o->conditions && !(o->conditions & x->conditions)) continue;
        if (x->cared_for_age != PR_POP_AGE_UNKNOWN &&
            ((int32_t)x->cared_for_age < o->cf_min || (int32_t)x->cared_for_age > o->cf_max))
            continue;
        if (o->requires & ~((uint32_t)x->flags | emp)) continue;
        const int bereaved = (x->flags & PR_BIT(PAROER_FLAG_BEREAVED)) != 0;
        if (o->bereaved == PAROER_BEREAVEMENT_NO && bereaved) continue;
        if (o->bereaved == PAROER_BEREAVEMENT_ONLY && !bereaved) continue;
        return 1;
    }
    return 0;
}

static int offer_speaks_da(const paroer_catalog *c, const struct paroer_offer *o)
{
    if (!o->n_languages) return 1;
    for (uint32_t i = 0; i < o->n_languages; i++)
        if (o->languages[i] == c->lang_da) return 1;
    return 0;
}

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

/* Word w of the set of offers eligible for relative r (rules 4-9; rules 1-3
 * were settled when the municipality's offers were chosen). */
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

static void fill_bit(pr_mtab *m, const pr_eoff *o, uint32_t bit)
{
    set_bit(m, T_ALL, bit);
    if (o->capped) set_bit(m, T_CAP, bit);
    if (!o->conditions) set_bit(m, T_ANYCOND, bit);
    for (int k = 0; k < PR_N_NEED; k++)
        if (o->needs & PR_BIT(k)) set_bit(m, T_SERVE + k, bit);
    for (int k = 0; k < PR_N_MODE; k++)
        if (o->modes & PR_BIT(k)) set_bit(m, T_MODE + k, bit);
    for (int k = 0; k < PR_N_SLOT; k++)
        if (!o->slots || (o->slots & PR_BIT(k))) set_bit(m, T_SLOT + k, bit);
    for (int k = 0; k < PR_N_RELATION; k++)
        if (!o->relations || (o->relations & PR_BIT(k))) set_bit(m, T_REL + k, bit);
    for (int k = 0; k < PR_N_CONDITION; k++)
        if (!o->conditions || (o->conditions & PR_BIT(k))) set_bit(m, T_COND + k, bit);
    for (uint32_t f = 0; f < 32; f++)
        if (!(o->requires & ~f)) set_bit(m, T_REQ + (int)f, bit);
    if (o->bereaved != PAROER_BEREAVEMENT_ONLY) set_bit(m, T_BER + 0, bit);
    if (o->bereaved != PAROER_BEREAVEMENT_NO) set_bit(m, T_BER + 1, bit);
    for (int a = 0; a < PR_AGES; a++) {
        if (a >= o->age_min && a <= o->age_max) set_bit(m, T_AGE + a, bit);
        if (a >= o->cf_min && a <= o->cf_max) set_bit(m, T_CFA + a, bit);
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

typedef struct pr_counts { uint64_t relatives, reached, met; } pr_counts;

typedef struct reach {
    paroer_coverage *cov;
    const paroer_catalog *c;
    const paroer_population *pop;
    const paroer_allocator *a;
    pr_eoff *eo; size_t n_eo;    /* offers live in scope and speaking "da" */
    pr_moff *moff;               /* per compiled offer, for ranking (capped ones only) */
    pr_mtab *tabs; size_t n_tabs;
    int16_t tab_of[PR_MUNI_MAX]; /* municipality -> tabs index, -1 none */
    uint32_t max_words;
    pr_alloc_entry *entries; size_t n_entries;
    pr_request *req; size_t n_req, cap_req;
} reach;

static void reach_free(reach *R)
{
    for (size_t i = 0; i < R->n_tabs; i++) {
        pr_free(R->a, R->tabs[i].offers);
        pr_free(R->a, R->tabs[i].t);
    }
    pr_free(R->a, R->tabs);
    pr_free(R->a, R->eo);
    pr_free(R->a, R->moff);
    pr_free(R->a, R->req);
}

static int offer_in(const struct paroer_offer *o, int u)
{
    if (o->nationwide) return 1;
    for (uint32_t j = 0; j < o->n_municipalities; j++)
        if (o->municipalities[j] == u) return 1;
    return 0;
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
static int rank_ids(reach *R)
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

static int compile(reach *R, const uint8_t *present)
{
    const paroer_catalog *c = R->c;
    paroer_coverage *cov = R->cov;
    const int32_t m = cov->municipality, date = cov->date;
    uint32_t *entry_of = NULL;

    /* allocation entries: live offers with a capacity, catalog order */
    size_t n_entries = 0;
    for (uint32_t i = 0; i < c->n_offers; i++)
        if (c->offers[i].capacity >= 0 && pr_offer_live(&c->offers[i], m, date)) n_entries++;
    if (n_entries) {
        R->entries = pr_arena_alloc(&cov->arena, n_entries * sizeof *R->entries, sizeof(void *));
        entry_of = pr_malloc(R->a, c->n_offers * sizeof *entry_of);
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
    R->eo = pr_malloc(R->a, (c->n_offers ? c->n_offers : 1) * sizeof *R->eo);
    R->moff = pr_malloc(R->a, (c->n_offers ? c->n_offers : 1) * sizeof *R->moff);
    if (!R->eo || !R->moff) goto nomem;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (!pr_offer_live(o, m, date) || !offer_speaks_da(c, o)) continue;
        pr_eoff *e = &R->eo[R->n_eo];
        e->needs = o->needs;
        e->relations = o->target.relations;
        e->conditions = o->target.conditions;
        e->requires = o->target.requires;
        e->age_min = o->target.relative_age.min;
        e->age_max = o->target.relative_age.max;
        e->cf_min = o->target.cared_for_age.min;
        e->cf_max = o->target.cared_for_age.max;
        e->modes = (uint8_t)o->modes;
        e->slots = (uint8_t)o->slots;
        e->bereaved = (uint8_t)o->target.bereaved;
        e->capped = o->capacity >= 0;
        e->offer = i;
        e->entry = entry_of ? entry_of[i] : PR_NONE;
        if (e->capped) pr_moff_fill(&R->moff[R->n_eo], o, c->lang_da);
        R->n_eo++;
    }
    pr_free(R->a, entry_of);
    entry_of = NULL;
    if (rank_ids(R)) goto nomem;

    /* one table per municipality with relatives */
    size_t n_present = 0;
    for (int u = 0; u < PR_MUNI_MAX; u++) {
        R->tab_of[u] = -1;
        n_present += present[u] != 0;
    }
    R->tabs = pr_calloc(R->a, n_present ? n_present : 1, sizeof *R->tabs);
    if (!R->tabs) goto nomem;
    for (int u = 1; u < PR_MUNI_MAX; u++) {
        if (!present[u]) continue;
        pr_mtab *t = &R->tabs[R->n_tabs];
        R->tab_of[u] = (int16_t)R->n_tabs++;
        uint32_t n = 0;
        for (size_t k = 0; k < R->n_eo; k++) n += (uint32_t)offer_in(&c->offers[R->eo[k].offer], u);
        t->words = n ? (n + 63) / 64 : 1;
        if (t->words > R->max_words) R->max_words = t->words;
        t->offers = pr_malloc(R->a, (n ? n : 1) * sizeof *t->offers);
        t->t = pr_calloc(R->a, (size_t)T_COUNT * t->words, sizeof *t->t);
        if (!t->offers || !t->t) goto nomem;
        for (size_t k = 0; k < R->n_eo; k++) {
            if (!offer_in(&c->offers[R->eo[k].offer], u)) continue;
            t->offers[t->n] = (uint32_t)k;
            fill_bit(t, &R->eo[k], t->n);
            t->n++;
        }
    }
    return 0;
nomem:
    pr_free(R->a, entry_of);
    return PAROER_ENOMEM;
}

/* The rank (as paroer_match scores it) of a capped offer for a relative:
 * the best score over the relations that satisfy the target (the engine
 * matches the relation that scores best). The score reads the reference
 * date, the stated needs and the relation's strain; only those are filled,
 * so the matcher may reshape its query without this code following. */
static int32_t rank_score(const reach *R, const pr_eoff *o, const pr_pop_relative *r,
                          const pr_pop_relation *rn, uint32_t n)
{
    const pr_moff *mo = &R->moff[o - R->eo];
    pr_mquery q;
    memset(&q, 0, sizeof q);
    q.date = R->cov->date;
    q.needs = r->needs;
    int32_t best = INT32_MIN;
    for (uint32_t j = 0; j < n; j++) {
        if (!eligible(o, r, &rn[j], 1)) continue;
        pr_mrel x;
        memset(&x, 0, sizeof x);
        x.heavy = rn[j].hours >= 2000 || (rn[j].flags & PR_BIT(PAROER_FLAG_TERMINAL));
        int32_t s = pr_match_score(mo, &q, &x);
        if (s > best) best = s;
    }
    return best;
}

static int allocate(reach *R)
{
    const paroer_population *pop = R->pop;
    int rc = sort_requests(R->a, R->req, R->n_req);
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
    for (size_t q = 0; q < R->n_req; q++) {
        /* strain order visits relatives at random: fetch them ahead */
        if (q + 16 < R->n_req) PR_PREFETCH(&pop->rel[R->req[q + 16].rel]);
        if (q + 8 < R->n_req) PR_PREFETCH(&pop->rn[pop->rel[R->req[q + 8].rel].first]);
        const pr_pop_relative *r = &pop->rel[R->req[q].rel];
        const pr_pop_relation *rn = &pop->rn[r->first];
        const uint32_t nrel = pr_pop_nrel(pop, R->req[q].rel);
        const pr_mtab *t = &R->tabs[R->tab_of[r->municipality]];
        size_t n = 0;
        for (uint32_t w = 0; w < t->words; w++) {
            uint64_t capped = elig_word(t, w, r, rn, nrel) & t->t[(size_t)T_CAP * t->words + w];
            for (; capped; capped &= capped - 1) {
                const pr_eoff *o = &R->eo[t->offers[w * 64 + ctz64(capped)]];
                cand[n].key = cand_key(rank_score(R, o, r, rn, nrel), o->id_rank);
                cand[n].o = o;
                n++;
            }
        }
        if (n > 1) qsort(cand, n, sizeof *cand, cmp_cand);
        memset(held, 0, n * 2);
        uint32_t want = R->req[q].want;
        const int any = want == PR_WANT_ANY;
        for (int need = 0; need < (any ? 1 : PR_N_NEED); need++) {
            const uint32_t bit = PR_BIT(need);
            if (!any && !(want & bit)) continue;
            int done = 0, first = -1, placed = -1;
            for (size_t k = 0; k < n && !done; k++) {
                if (!any && !(cand[k].o->needs & bit)) continue;
                if (held[2 * k]) done = 1;
                else if (first < 0) first = (int)k;
            }
            if (done || first < 0) continue;
            for (size_t k = (size_t)first; k < n; k++) {
                if (!any && !(cand[k].o->needs & bit)) continue;
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
    return 0;
}

static int cmp_unmet(const pr_unmet_pair *a, const pr_unmet_pair *b)
{
    if (a->relatives != b->relatives) return a->relatives > b->relatives ? -1 : 1;
    if (a->need != b->need) return a->need < b->need ? -1 : 1;
    return a->condition < b->condition ? -1 : a->condition > b->condition;
}

/* Secondary suppression (contract section 5a) of a breakdown whose n cells
 * partition the relatives: cell i is suppressed when it counts fewer than
 * min_cell relatives; then, while the suppressed cells together hold some
 * relatives but fewer than min_cell, the smallest published cell (the first
 * in code order among equals) is suppressed as well. Subtracting the
 * published cells from the total then reveals either nobody or a group of at
 * least min_cell. Sets supp[i]. */
static void suppress_partition(const pr_counts *const *cells, size_t n, uint32_t min_cell, uint8_t *supp)
{
    uint64_t hidden = 0;
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
}

int pr_coverage_population(paroer_coverage *cov, const paroer_catalog *c, const paroer_population *pop)
{
    reach R;
    memset(&R, 0, sizeof R);
    R.cov = cov;
    R.c = c;
    R.pop = pop;
    R.a = &cov->alloc;
    const int32_t m = cov->municipality;
    cov->pop_rejected = pop->rejected;

    uint8_t present[PR_MUNI_MAX];
    memset(present, 0, sizeof present);
    for (size_t i = 0; i < pop->n_rel; i++) present[pop->rel[i].municipality] = 1;
    if (m != -1)
        for (int u = 0; u < PR_MUNI_MAX; u++) present[u] = present[u] && u == m;

    int rc = compile(&R, present);
    if (rc) goto out;

    pr_counts *by_muni = pr_calloc(R.a, PR_MUNI_MAX, sizeof *by_muni);
    if (!by_muni) { rc = PAROER_ENOMEM; goto out; }
    pr_counts by_cond[PR_N_CONDITION], by_rel[PR_N_RELATION], by_band[PR_N_AGE_BAND], all = {0, 0, 0};
    memset(by_cond, 0, sizeof by_cond);
    memset(by_rel, 0, sizeof by_rel);
    memset(by_band, 0, sizeof by_band);
    uint64_t unmet[PR_N_NEED][PR_N_CONDITION];
    memset(unmet, 0, sizeof unmet);

    for (size_t i = 0; i < pop->n_rel; i++) {
        const pr_pop_relative *r = &pop->rel[i];
        if (m != -1 && r->municipality != m) continue;
        const pr_pop_relation *rn = &pop->rn[r->first];
        const uint32_t nrel = pr_pop_nrel(pop, i);
        const uint32_t needs = r->needs;
        const uint32_t u = r->municipality;
        const pr_mtab *t = &R.tabs[R.tab_of[u]];

        /* which stated needs the eligible offers serve, with and without a capacity */
        uint32_t cap_union = 0, unl_union = 0;
        uint64_t cap_any = 0, unl_any = 0;
        for (uint32_t w = 0; w < t->words; w++) {
            const uint64_t e = elig_word(t, w, r, rn, nrel);
            if (!e) continue;
            const uint64_t capped = e & t->t[(size_t)T_CAP * t->words + w], open = e & ~capped;
            cap_any |= capped;
            unl_any |= open;
            for (uint32_t v = needs; v; v &= v - 1) {
                const unsigned n = ctz64(v);
                const uint64_t s = t->t[(size_t)(T_SERVE + n) * t->words + w];
                if (capped & s) cap_union |= PR_BIT(n);
                if (open & s) unl_union |= PR_BIT(n);
            }
        }
        const int reached = (cap_any | unl_any) != 0;
        const uint32_t served = cap_union | unl_union;
        const int met = reached && (served & needs) == needs;

        if (cap_any && R.n_entries) {
            uint32_t want = needs ? needs & ~unl_union & cap_union : (unl_any ? 0 : PR_WANT_ANY);
            if (want) {
                if (R.n_req == R.cap_req &&
                    pr_grow(R.a, (void **)&R.req, &R.cap_req, R.n_req + 1, sizeof *R.req)) {
                    pr_free(R.a, by_muni);
                    rc = PAROER_ENOMEM;
                    goto out;
                }
                R.req[R.n_req++] = (pr_request){strain_key(rn, nrel), (uint32_t)i, want};
            }
        }

        uint32_t conds = 0, rels = 0;
        for (uint32_t j = 0; j < nrel; j++) {
            conds |= rn[j].conditions;
            rels |= PR_BIT(rn[j].relation);
        }
        all.relatives++;
        all.reached += (uint64_t)reached;
        all.met += (uint64_t)met;
        by_muni[u].relatives++;
        by_muni[u].reached += (uint64_t)reached;
        by_muni[u].met += (uint64_t)met;
        pr_counts *band = &by_band[paroer_age_band_of(r->age)];
        band->relatives++;
        band->reached += (uint64_t)reached;
        band->met += (uint64_t)met;
        for (int k = 0; k < PR_N_CONDITION; k++)
            if (conds & PR_BIT(k)) {
                by_cond[k].relatives++;
                by_cond[k].reached += (uint64_t)reached;
                by_cond[k].met += (uint64_t)met;
            }
        for (int k = 0; k < PR_N_RELATION; k++)
            if (rels & PR_BIT(k)) {
                by_rel[k].relatives++;
                by_rel[k].reached += (uint64_t)reached;
                by_rel[k].met += (uint64_t)met;
            }
        uint32_t missing = needs & ~served;
        if (missing && conds)
            for (int n = 0; n < PR_N_NEED; n++)
                if (missing & PR_BIT(n))
                    for (int k = 0; k < PR_N_CONDITION; k++)
                        if (conds & PR_BIT(k)) unmet[n][k]++;
    }
    cov->pop_relatives = all.relatives;
    /* the whole population's figures only when it counts at least min_cell (5a) */
    cov->pop_suppressed = all.relatives < cov->min_cell;
    cov->pop_reached = cov->pop_suppressed ? 0 : all.reached;
    cov->pop_met = cov->pop_suppressed ? 0 : all.met;

    /* breakdowns */
    size_t n_muni = 0;
    for (int u = 0; u < PR_MUNI_MAX; u++) n_muni += by_muni[u].relatives > 0;
    const size_t sizes[PR_N_BREAKDOWNS] = {n_muni, PR_N_CONDITION, PR_N_RELATION, PR_N_AGE_BAND};
    for (int b = 0; b < PR_N_BREAKDOWNS; b++) {
        cov->n_bd[b] = 0;
        if (!sizes[b]) continue;
        cov->bd[b] = pr_arena_alloc(&cov->arena, sizes[b] * sizeof(pr_bd_cell), sizeof(uint64_t));
        if (!cov->bd[b]) {
            pr_free(R.a, by_muni);
            rc = PAROER_ENOMEM;
            goto out;
        }
    }
    {
        const pr_counts *cells[PR_MUNI_MAX];
        int32_t codes[PR_MUNI_MAX];
        uint8_t supp[PR_MUNI_MAX];
        size_t k = 0;
        for (int u = 0; u < PR_MUNI_MAX; u++)
            if (by_muni[u].relatives) {
                cells[k] = &by_muni[u];
                codes[k++] = u;
            }
        suppress_partition(cells, k, cov->min_cell, supp);
        for (size_t i = 0; i < k; i++)
            set_cell(&cov->bd[PAROER_BREAKDOWN_MUNICIPALITY][cov->n_bd[PAROER_BREAKDOWN_MUNICIPALITY]++], codes[i],
                     cells[i], cov->min_cell, supp[i]);
        for (int b = 0; b < PR_N_AGE_BAND; b++) cells[b] = &by_band[b];
        suppress_partition(cells, PR_N_AGE_BAND, cov->min_cell, supp);
        for (int b = 0; b < PR_N_AGE_BAND; b++)
            set_cell(&cov->bd[PAROER_BREAKDOWN_AGE_BAND][cov->n_bd[PAROER_BREAKDOWN_AGE_BAND]++], b, &by_band[b],
                     cov->min_cell, supp[b]);
    }
    pr_free(R.a, by_muni);
    for (int k = 0; k < PR_N_CONDITION; k++)
        set_cell(&cov->bd[PAROER_BREAKDOWN_CONDITION][cov->n_bd[PAROER_BREAKDOWN_CONDITION]++], k, &by_cond[k],
                 cov->min_cell, 0);
    for (int k = 0; k < PR_N_RELATION; k++)
        set_cell(&cov->bd[PAROER_BREAKDOWN_RELATION][cov->n_bd[PAROER_BREAKDOWN_RELATION]++], k, &by_rel[k],
                 cov->min_cell, 0);

    /* the most common unmet pairs that are not small cells */
    pr_unmet_pair pairs[PR_N_NEED * PR_N_CONDITION];
    size_t n_pairs = 0;
    for (int n = 0; n < PR_N_NEED; n++)
        for (int k = 0; k < PR_N_CONDITION; k++)
            if (unmet[n][k] >= cov->min_cell && unmet[n][k] > 0)
                pairs[n_pairs++] = (pr_unmet_pair){n, k, unmet[n][k]};
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
        if (!cov->unmet) { rc = PAROER_ENOMEM; goto out; }
        memcpy(cov->unmet, pairs, n_pairs * sizeof *cov->unmet);
    }
    cov->n_unmet = n_pairs;

    /* allocation */
    if (R.n_entries) {
        rc = allocate(&R);
        if (rc) goto out;
    }
    cov->alloc_entries = R.entries;
    cov->n_alloc = R.n_entries;
out:
    reach_free(&R);
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
    reach R;
    memset(&R, 0, sizeof R);
    R.cov = &cov;
    R.c = c;
    R.pop = pop;
    R.a = &cov.alloc;
    uint8_t present[PR_MUNI_MAX];
    memset(present, 0, sizeof present);
    const pr_pop_relative *r = &pop->rel[i];
    present[r->municipality] = 1;
    int64_t n = 0;
    if (compile(&R, present)) {
        n = PAROER_ENOMEM;
    } else {
        const pr_mtab *t = &R.tabs[R.tab_of[r->municipality]];
        uint32_t *tmp = pr_malloc(R.a, (size_t)t->words * 64 * sizeof *tmp);
        if (!tmp) {
            n = PAROER_ENOMEM;
        } else {
            for (uint32_t w = 0; w < t->words; w++)
                for (uint64_t e = elig_word(t, w, r, &pop->rn[r->first], pr_pop_nrel(pop, i)); e; e &= e - 1)
                    tmp[n++] = R.eo[t->offers[w * 64 + ctz64(e)]].offer;
            /* offers were compiled in catalog order, so each word is ascending; sort the whole */
            for (int64_t a = 1; a < n; a++) {
                uint32_t x = tmp[a];
                int64_t b = a;
                while (b > 0 && tmp[b - 1] > x) { tmp[b] = tmp[b - 1]; b--; }
                tmp[b] = x;
            }
            for (int64_t k = 0; k < n && (size_t)k < cap; k++) out[k] = tmp[k];
            pr_free(R.a, tmp);
        }
    }
    reach_free(&R);
    pr_arena_free(&cov.arena);
    return n;
}
