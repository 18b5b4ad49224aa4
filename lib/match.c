/* Matching (contract section 4): eligibility of every offer for a relative,
 * the first rule each other offer fails, and the ranked list of eligible
 * offers. The one-shot paroer_match(), the reusable paroer_matcher and
 * paroer_match_batch() share one engine (run_match below).
 *
 * Speed: without explain, only the nationwide offers and those of the
 * relative's municipality are visited (the catalog's municipality index);
 * each visit is a handful of branch-free mask tests on a 64-byte pr_moff.
 * A matcher goes further (pr_mplan): per municipality it keeps the list of
 * offers worth visiting (a fixed date already drops paused and expired ones)
 * with one bit set per code, so a relative's candidates are a few word-wide
 * OR/AND operations and only they get the full test. It also keeps the id
 * order of its catalog and its result buffers, so it allocates nothing in
 * the steady state. */
#include "match_internal.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define PR_DATE_MIN (-719162) /* 0001-01-01 */
#define PR_DATE_MAX 2932896   /* 9999-12-31 */

/* ---- options -------------------------------------------------------------------- */

typedef struct pr_mopts {
    int32_t date;      /* PAROER_DATE_NONE: today, resolved per match */
    uint32_t top;
    int explain;
    int possible;      /* contract 4a: unknown facts give possible outcomes */
    paroer_allocator alloc;
} pr_mopts;

int paroer_match_options_init(paroer_match_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "options are NULL");
    if (version < 1 || version > PAROER_MATCH_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown match options version %u", (unsigned)version);
    /* Only the fields of `version` exist in the caller's struct: set them one by one. */
    opts->version = version;
    opts->date = PAROER_DATE_NONE;
    opts->top = 0;
    opts->explain = 0;
    opts->allocator = NULL;
    if (version >= 2) opts->possible = 0;
    return PAROER_OK;
}

static int resolve_options(pr_mopts *o, const paroer_match_options *opts)
{
    o->date = PAROER_DATE_NONE;
    o->top = 0;
    o->explain = 0;
    o->possible = 0;
    pr_alloc_resolve(&o->alloc, NULL);
    if (!opts) return PAROER_OK;
    if (opts->version < 1 || opts->version > PAROER_MATCH_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown match options version %u (initialise with paroer_match_options_init)",
                        (unsigned)opts->version);
    if (opts->date != PAROER_DATE_NONE && (opts->date < PR_DATE_MIN || opts->date > PR_DATE_MAX))
        return pr_error(PAROER_EINVALID, "the reference date is outside the years 1..9999");
    o->date = opts->date;
    o->top = opts->top;
    o->explain = opts->explain != 0;
    o->possible = opts->version >= 2 && opts->possible != 0;
    if (opts->allocator && (!opts->allocator->malloc_fn || !opts->allocator->free_fn))
        return pr_error(PAROER_EINVALID, "an allocator needs malloc_fn and free_fn");
    pr_alloc_resolve(&o->alloc, opts->allocator);
    return PAROER_OK;
}

/* ---- static codes ------------------------------------------------------------------ */

const char *paroer_match_rule_code(int32_t rule, int32_t flag)
{
    static const uint8_t ex_of_rule[] = {
        0, PR_EX_PAUSED, PR_EX_INACTIVE, PR_EX_AREA, PR_EX_RELATIVE_AGE, PR_EX_RELATION, PR_EX_CONDITION,
        PR_EX_CARED_FOR_AGE, PR_EX_REQUIRES0, PR_EX_BEREAVED, PR_EX_MODE, PR_EX_SLOT, PR_EX_LANGUAGE, PR_EX_NEED,
    };
    if (rule <= PAROER_RULE_NONE || rule > PAROER_RULE_NEED) return NULL;
    if (rule == PAROER_RULE_REQUIRES) {
        if (flag < 0 || flag >= PR_N_FLAG || flag == PAROER_FLAG_BEREAVED) return NULL;
        return pr_exclusion_code((unsigned)(PR_EX_REQUIRES0 + flag));
    }
    return pr_exclusion_code(ex_of_rule[rule]);
}

const char *paroer_match_outcome_code(int32_t outcome)
{
    switch (outcome) {
    case PAROER_OUTCOME_ELIGIBLE: return "eligible";
    case PAROER_OUTCOME_EXCLUDED: return "excluded";
    case PAROER_OUTCOME_POSSIBLE: return "possible";
    default: return NULL;
    }
}

/* Scratch memory for preparing a relative: inline for the usual few
 * relations and languages, on the heap beyond. */
typedef struct pr_mscratch {
    const paroer_allocator *alloc;
    pr_mrel *rels; size_t cap_rels;       /* heap; NULL until needed */
    pr_mrel *wrels; size_t cap_wrels;     /* a writable copy for the questions */
    uint16_t *langs; size_t cap_langs;
    pr_mrel rels_inline[PR_MQ_INLINE_RELS];
    uint16_t langs_inline[PR_MQ_INLINE_LANGS];
} pr_mscratch;

static void scratch_init(pr_mscratch *s, const paroer_allocator *a)
{
    memset(s, 0, sizeof *s);
    s->alloc = a;
}

static void scratch_free(pr_mscratch *s)
{
    pr_free(s->alloc, s->rels);
    pr_free(s->alloc, s->langs);
    pr_free(s->alloc, s->wrels);
    s->rels = NULL; s->langs = NULL; s->wrels = NULL;
    s->cap_rels = s->cap_langs = s->cap_wrels = 0;
}

static int prepare_query(pr_mquery *q, pr_mscratch *s, const paroer_catalog *c, const paroer_relative *r,
                         int32_t date)
{
    pr_mquery_init(q, date, r->municipality, r->age, r->age_max, r->employed_unknown, r->needs, r->modes, r->slots);
    pr_mrel *rels = s->rels_inline;
    if (r->n_relations > PR_MQ_INLINE_RELS) {
        if (pr_grow(s->alloc, (void **)&s->rels, &s->cap_rels, r->n_relations, sizeof *s->rels))
            return pr_error(PAROER_ENOMEM, "out of memory preparing a match");
        rels = s->rels;
    }
    for (size_t i = 0; i < r->n_relations; i++) {
        const pr_relation *src = &r->relations[i];
        pr_mrel_fill(&rels[i], src->relation, src->conditions, src->cared_for_age, src->flags, src->unknown,
                     r->employed_unknown ? -1 : r->employed ? 1 : 0, src->unknown, src->hours_per_week >= PR_HEAVY_HOURS);
    }
    pr_mquery_set_rels(q, rels, r->n_relations);

    if (r->n_languages == 0) {
        uint32_t da = c->lang_da;
        if (da < 64) q->lang_mask = (uint64_t)1 << da;
        else { s->langs_inline[0] = (uint16_t)da; q->lang_hi = s->langs_inline; q->n_lang_hi = 1; }
        return PAROER_OK;
    }
    uint16_t *hi = s->langs_inline;
    if (r->n_languages > PR_MQ_INLINE_LANGS) {
        if (pr_grow(s->alloc, (void **)&s->langs, &s->cap_langs, r->n_languages, sizeof *s->langs))
            return pr_error(PAROER_ENOMEM, "out of memory preparing a match");
        hi = s->langs;
    }
    size_t n_hi = 0;
    for (size_t i = 0; i < r->n_languages; i++) {
        const char *l = r->languages[i];
        uint32_t id = pr_catalog_language_id(c, l, strlen(l));
        if (id == PR_NONE) continue; /* no offer speaks it */
        if (id < 64) q->lang_mask |= (uint64_t)1 << id;
        else hi[n_hi++] = (uint16_t)id;
    }
    q->lang_hi = hi;
    q->n_lang_hi = n_hi;
    return PAROER_OK;
}

/* The same decision for an offer known to be in the area, cheapest tests first. */

PR_HOT_INLINE int eligible_fast(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q, uint32_t *best)
{
    /* The atoms of the rules that a list test decides, at once and without
     * branches (the outcome of each is unpredictable across relatives);
     * rule 5 relation by relation and the languages after. The unions are
     * a necessary condition of rule 5. */
    /* (int) casts: a bitwise AND of comparisons on purpose (no branches; clang's
     * -Wbitwise-instead-of-logical asks for them) */
    int ok = (int)(pr_atom_need(m, q) == PR_YES) & (int)(pr_atom_mode(m, q) == PR_YES) &
             (int)(pr_atom_slot(m, q) == PR_YES) & (int)((m->rel_x & q->rel_union) != 0) &
             (int)((m->cond_x & q->cond_union) != 0) & (int)(pr_atom_relative_age(m, q) == PR_YES) &
             (int)(pr_atom_active(m, q->date) == PR_YES) & (int)(pr_atom_not_paused(m) == PR_YES);
    if (!ok) return 0;
    if (!pr_rules_relations_known(m, q, best)) return 0;
    return pr_atom_language(m, o, q) == PR_YES;
}

/* ---- results -------------------------------------------------------------------- */

static void result_reset(paroer_match_result *res, const paroer_catalog *c, int32_t date, int explain)
{
    res->catalog = c;
    res->date = date;
    res->explain = explain;
    res->n_eligible = res->n_possible = res->n_entries_eligible = 0;
    res->unknowns = 0;
    res->n_entries = res->n_reasons = res->n_excluded = res->n_questions = 0;
    if (res->relative_id) res->relative_id[0] = '\0';
}

static void result_release(paroer_match_result *res)
{
    pr_free(&res->alloc, res->relative_id);
    pr_free(&res->alloc, res->entries);
    pr_free(&res->alloc, res->reasons);
    pr_free(&res->alloc, res->excluded);
    pr_free(&res->alloc, res->pentries);
    pr_free(&res->alloc, res->questions);
    res->relative_id = NULL; res->entries = NULL; res->reasons = NULL; res->excluded = NULL;
    res->pentries = NULL; res->questions = NULL;
    res->cap_relative_id = res->cap_entries = res->cap_reasons = res->cap_excluded = 0;
    res->cap_pentries = res->cap_questions = 0;
}

static int set_relative_id(paroer_match_result *res, const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (pr_grow(&res->alloc, (void **)&res->relative_id, &res->cap_relative_id, n + 1, 1)) return PAROER_ENOMEM;
    if (n) memcpy(res->relative_id, id, n);
    res->relative_id[n] = '\0';
    return PAROER_OK;
}

/* A matcher's plan of visits. For each municipality with offers of its own
 * (and one block for all others) a block lists the offers a relative there
 * can be eligible for: the nationwide ones and the municipality's, ascending,
 * without those that a fixed date already rules out. Each block carries one
 * bit set per code of the lists tested by masks (bit j = j-th offer of the
 * block passes for that code), so the candidates for a relative are a few
 * word-wide OR/AND operations; only they get the full test. */
enum {
    PR_VB_NEED0 = 0,
    PR_VB_MODE0 = PR_VB_NEED0 + PR_N_NEED,
    PR_VB_SLOT0 = PR_VB_MODE0 + PR_N_MODE,
    PR_VB_REL0 = PR_VB_SLOT0 + PR_N_SLOT,
    PR_VB_COND0 = PR_VB_REL0 + PR_N_RELATION,
    PR_VB_COND_ANY = PR_VB_COND0 + PR_N_CONDITION,  /* targets open to any condition */
    PR_VB_SETS
};

typedef struct pr_vblock {
    uint32_t start, n;         /* visit[start .. start + n) */
    uint32_t words;            /* 64-bit words per bit set */
    size_t bits;               /* offset in plan->bits: PR_VB_SETS sets of `words` words */
} pr_vblock;

typedef struct pr_mplan {
    uint16_t block_of[PR_MUNI_MAX]; /* municipality -> block; municipalities without offers: the last */
    pr_vblock *blocks; size_t n_blocks;
    uint32_t *visit;
    uint64_t *bits;
    uint64_t *cand;            /* scratch, max_words */
    size_t max_words;
} pr_mplan;

/* The running state of one match. */
typedef struct pr_run {
    const paroer_catalog *c;
    const pr_moff *index;      /* the matcher's compact catalog, or NULL */
    const pr_mplan *plan;      /* the matcher's plan, or NULL */
    pr_mquery q;
    uint32_t top;
    int possible;              /* the relative has unknown facts: three-valued evaluation */
    pr_mscratch *scratch;
    paroer_match_result *res;
} pr_run;

static const pr_moff *moff_of(const pr_run *run, uint32_t i, pr_moff *tmp)
{
    if (run->index) return &run->index[i];
    pr_moff_fill(tmp, &run->c->offers[i], run->c->lang_da);
    return tmp;
}

/* Adds an eligible offer to the ranked list (bounded by top). */
static int add_eligible(pr_run *run, uint32_t i, const pr_moff *m, uint32_t best)
{
    paroer_match_result *res = run->res;
    pr_mentry e;
    int32_t score = pr_match_score(m, &run->q, &run->q.rels[best]);
    e.key = (int64_t)score * ((int64_t)1 << 32) + (int64_t)(UINT32_MAX - m->id_rank);
    e.id = run->index ? NULL : run->c->offers[i].id; /* with id ranks the keys never tie */
    e.score = score;
    e.offer = i;
    e.relation = best;
    e.reason_off = 0;
    e.n_reasons = 0;
    e.outcome = PAROER_OUTCOME_ELIGIBLE;
    e.missing = 0;
    res->n_eligible++;
    if (run->top == 0) {
        if (res->n_entries == res->cap_entries &&
            pr_grow(&res->alloc, (void **)&res->entries, &res->cap_entries, res->n_entries + 1, sizeof e))
            return PAROER_ENOMEM;
        res->entries[res->n_entries++] = e;
        return PAROER_OK;
    }
    /* Keep the best `top`, sorted: binary search for the place, shift the rest. */
    size_t n = res->n_entries;
    if (n == run->top && !pr_mentry_before(&e, &res->entries[n - 1])) return PAROER_OK;
    if (n < run->top && n == res->cap_entries) {
        size_t want = run->top < 16 ? run->top : n + 1;
        if (pr_grow(&res->alloc, (void **)&res->entries, &res->cap_entries, want, sizeof e)) return PAROER_ENOMEM;
    }
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pr_mentry_before(&res->entries[mid], &e)) lo = mid + 1;
        else hi = mid;
    }
    size_t keep = n < run->top ? n : n - 1; /* entries that stay */
    if (keep > lo) memmove(&res->entries[lo + 1], &res->entries[lo], (keep - lo) * sizeof e);
    res->entries[lo] = e;
    res->n_entries = keep + 1;
    return PAROER_OK;
}

static int add_excluded(paroer_match_result *res, uint32_t i, int code)
{
    if (res->n_excluded == res->cap_excluded &&
        pr_grow(&res->alloc, (void **)&res->excluded, &res->cap_excluded, res->n_excluded + 1,
                sizeof *res->excluded))
        return PAROER_ENOMEM;
    res->excluded[res->n_excluded].offer = i;
    res->excluded[res->n_excluded].code = (uint8_t)code;
    res->n_excluded++;
    return PAROER_OK;
}

/* Adds a possible offer (every one is kept: the questions need them all). */
static int add_possible(pr_run *run, uint32_t i, const pr_moff *m, const pr_verdict *v)
{
    paroer_match_result *res = run->res;
    if (res->n_possible == res->cap_pentries &&
        pr_grow(&res->alloc, (void **)&res->pentries, &res->cap_pentries, res->n_possible + 1, sizeof *res->pentries))
        return PAROER_ENOMEM;
    pr_mentry *e = &res->pentries[res->n_possible++];
    const int n_missing = pr_popcount32(v->missing);
    /* score, then fewer missing facts, then id */
    e->key = (int64_t)v->score * ((int64_t)1 << 36) + (int64_t)(PR_N_FACT - n_missing) * ((int64_t)1 << 32) +
             (int64_t)(UINT32_MAX - m->id_rank);
    e->id = run->index ? NULL : run->c->offers[i].id;
    e->score = v->score;
    e->offer = i;
    e->relation = v->relation;
    e->reason_off = 0;
    e->n_reasons = 0;
    e->outcome = PAROER_OUTCOME_POSSIBLE;
    e->missing = (uint8_t)v->missing;
    return PAROER_OK;
}

/* One offer in the area, three-valued. */
static int visit3(pr_run *run, uint32_t i, const pr_moff *m)
{
    /* the cheap rules first, without branches, as eligible_fast() does */
    const pr_mquery *q = &run->q;
    /* (int) casts: a bitwise AND of comparisons on purpose (no branches; clang's
     * -Wbitwise-instead-of-logical asks for them) */
    int ok = (int)(pr_atom_need(m, q) == PR_YES) & (int)(pr_atom_mode(m, q) == PR_YES) &
             (int)(pr_atom_slot(m, q) == PR_YES) & (int)((m->rel_x & q->rel_union) != 0) &
             (int)((m->cond_x & q->cond_union) != 0) & (int)(pr_atom_relative_age(m, q) != PR_NO) &
             (int)(pr_atom_active(m, q->date) == PR_YES) & (int)(pr_atom_not_paused(m) == PR_YES);
    if (!ok) return PAROER_OK;
    pr_verdict v;
    pr_rules_eval(m, &run->c->offers[i], &run->q, 1, &v);
    if (v.value == PR_YES) return add_eligible(run, i, m, v.relation);
    if (v.value == PR_MAYBE) return add_possible(run, i, m, &v);
    return PAROER_OK;
}

static void muni_range(const paroer_catalog *c, int32_t muni, const uint32_t **list, size_t *n)
{
    *list = NULL;
    *n = 0;
    if (muni < 1 || muni >= PR_MUNI_MAX || !c->muni_start) return;
    *list = c->muni_offers + c->muni_start[muni];
    *n = c->muni_start[muni + 1] - c->muni_start[muni];
}

/* cand[w] &= OR of the sets named by `codes` (bit c = set base + c), and `extra` (a set or -1). */
static void narrow(uint64_t *cand, const uint64_t *bits, size_t words, uint32_t codes, int base, int extra)
{
    for (size_t w = 0; w < words; w++) {
        uint64_t acc = extra >= 0 ? bits[(size_t)extra * words + w] : 0;
        for (uint32_t m = codes; m; m &= m - 1) acc |= bits[(size_t)(base + (int)pr_ctz32(m)) * words + w];
        cand[w] &= acc;
    }
}

static int finish_run(pr_run *run);

/* The matcher's path without explain: candidates from the block's bit sets,
 * then the full test for each. */
static int run_plan(pr_run *run)
{
    const pr_mplan *p = run->plan;
    const pr_mquery *q = &run->q;
    int32_t muni = q->municipality;
    const pr_vblock *b = &p->blocks[muni >= 0 && muni < PR_MUNI_MAX ? p->block_of[muni] : p->n_blocks - 1];
    const uint64_t *bits = p->bits + b->bits;
    const size_t words = b->words;
    uint64_t *cand = p->cand;
    uint32_t best = 0;
    int rc;
    for (size_t w = 0; w < words; w++) cand[w] = UINT64_MAX;
    if (b->n % 64) cand[words - 1] = (UINT64_C(1) << (b->n % 64)) - 1;
    if (q->needs) narrow(cand, bits, words, q->needs & PR_ALL(PR_N_NEED), PR_VB_NEED0, -1);
    if (q->modes_x != PR_ANY_BIT) narrow(cand, bits, words, q->modes_x & PR_ALL(PR_N_MODE), PR_VB_MODE0, -1);
    if (q->slots_x != PR_ANY_BIT) narrow(cand, bits, words, q->slots_x & PR_ALL(PR_N_SLOT), PR_VB_SLOT0, -1);
    narrow(cand, bits, words, q->rel_union & PR_ALL(PR_N_RELATION), PR_VB_REL0, -1);
    narrow(cand, bits, words, q->cond_union & PR_ALL(PR_N_CONDITION), PR_VB_COND0, PR_VB_COND_ANY);
    for (size_t w = 0; w < words; w++) {
        for (uint64_t m = cand[w]; m; m &= m - 1) {
            uint32_t i = p->visit[b->start + w * 64 + pr_ctz64(m)];
            const pr_moff *o = &run->index[i];
            if (run->possible) {
                if ((rc = visit3(run, i, o)) != 0) return rc;
            } else if (eligible_fast(o, &run->c->offers[i], q, &best) && (rc = add_eligible(run, i, o, best)) != 0) {
                return rc;
            }
        }
    }
    return finish_run(run);
}

/* Visits the offers, fills the result's entries (ranked) and excluded list,
 * then the reasons of the entries kept. */
static int run_match(pr_run *run, int explain)
{
    const paroer_catalog *c = run->c;
    paroer_match_result *res = run->res;
    const uint32_t *ml;
    size_t mn, mk = 0;
    pr_moff tmp;
    uint32_t best = 0;
    int rc;

    muni_range(c, run->q.municipality, &ml, &mn);
    if (explain) {
        /* Every offer, in catalog order; the municipality list is ascending, so walk it alongside. */
        for (uint32_t i = 0; i < c->n_offers; i++) {
            const pr_moff *m = moff_of(run, i, &tmp);
            while (mk < mn && ml[mk] < i) mk++;
            int in_area = (m->flags & PR_MOFF_NATIONWIDE) || (mk < mn && ml[mk] == i);
            pr_verdict v;
            pr_rules_eval(m, &c->offers[i], &run->q, in_area, &v);
            rc = v.value == PR_YES ? add_eligible(run, i, m, v.relation)
                 : v.value == PR_MAYBE ? add_possible(run, i, m, &v)
                                       : add_excluded(res, i, v.code);
            if (rc) return rc;
        }
    } else if (run->plan) {
        return run_plan(run);
    } else {
        /* Nationwide offers and the municipality's, merged in ascending order. */
        const uint32_t *nl = c->nationwide;
        size_t nn = c->n_nationwide, nk = 0;
        while (nk < nn || mk < mn) {
            uint32_t i;
            if (mk == mn || (nk < nn && nl[nk] < ml[mk])) i = nl[nk++];
            else i = ml[mk++];
            const pr_moff *m = moff_of(run, i, &tmp);
            if (run->possible) {
                if ((rc = visit3(run, i, m)) != 0) return rc;
            } else if (eligible_fast(m, &c->offers[i], &run->q, &best) && (rc = add_eligible(run, i, m, best)) != 0) {
                return rc;
            }
        }
    }
    return finish_run(run);
}

/* The questions of contract 4a over every possible offer. */
static int compute_questions(pr_run *run)
{
    paroer_match_result *res = run->res;
    const pr_mquery *q = &run->q;
    pr_mscratch *s = run->scratch;
    const size_t most = 2 + 6 * q->n_rels;
    if (res->cap_questions < most &&
        pr_grow(&res->alloc, (void **)&res->questions, &res->cap_questions, most, sizeof *res->questions))
        return PAROER_ENOMEM;
    if (s->cap_wrels < q->n_rels &&
        pr_grow(s->alloc, (void **)&s->wrels, &s->cap_wrels, q->n_rels, sizeof *s->wrels))
        return PAROER_ENOMEM;
    if (q->n_rels) memcpy(s->wrels, q->rels, q->n_rels * sizeof *s->wrels);
    pr_mquery w = *q;
    w.rels = s->wrels;
    pr_moff tmp;
    static const uint8_t rel_facts[6] = {PR_FACT_CONDITIONS, PR_FACT_CARED_FOR_AGE, PR_FACT_COHABITING,
                                         PR_FACT_CARED_AT_HOME, PR_FACT_TERMINAL, PR_FACT_BEREAVED};
    static const uint32_t rel_bits[6] = {PR_RU_CONDITIONS, PR_RU_CFA, PR_BIT(PAROER_FLAG_COHABITING),
                                         PR_BIT(PAROER_FLAG_CARED_AT_HOME), PR_BIT(PAROER_FLAG_TERMINAL),
                                         PR_BIT(PAROER_FLAG_BEREAVED)};
    for (size_t k = 0; k < 2 + 6 * q->n_rels; k++) {
        pr_question x;
        if (k == 0) {
            if (!(q->unknown & PR_RQ_AGE)) continue;
            x.fact = PR_FACT_AGE;
            x.relation = PR_NONE;
        } else if (k == 1) {
            if (!(q->unknown & PR_RQ_EMPLOYED)) continue;
            x.fact = PR_FACT_EMPLOYED;
            x.relation = PR_NONE;
        } else {
            size_t j = (k - 2) / 6, f = (k - 2) % 6;
            if (!(q->rels[j].unknown & rel_bits[f])) continue;
            x.fact = rel_facts[f];
            x.relation = (uint32_t)j;
        }
        x.answers = pr_question_answers(q, x.fact);
        x.decided = 0;
        for (size_t e = 0; e < res->n_possible; e++) {
            uint32_t i = res->pentries[e].offer;
            x.decided += pr_question_decided(moff_of(run, i, &tmp), &run->c->offers[i], &w, s->wrels, x.fact,
                                             x.relation);
        }
        if (!x.decided) continue;
        /* insertion in order */
        size_t at = res->n_questions;
        while (at > 0 && pr_question_before(&x, &res->questions[at - 1])) {
            res->questions[at] = res->questions[at - 1];
            at--;
        }
        res->questions[at] = x;
        res->n_questions++;
    }
    return PAROER_OK;
}

/* Sorts when no top-N was kept, appends the possible offers (ranked, cut
 * to top), computes the reasons of the entries and the questions. */
static int finish_run(pr_run *run)
{
    paroer_match_result *res = run->res;
    pr_moff tmp;
    if (run->top == 0) pr_mentry_sort(res->entries, res->n_entries);
    res->n_entries_eligible = res->n_entries;
    if (res->n_possible) {
        size_t keep = run->top && run->top < res->n_possible ? run->top : res->n_possible;
        pr_mentry_sort(res->pentries, res->n_possible);
        if (res->cap_entries < res->n_entries + keep &&
            pr_grow(&res->alloc, (void **)&res->entries, &res->cap_entries, res->n_entries + keep, sizeof *res->entries))
            return PAROER_ENOMEM;
        memcpy(res->entries + res->n_entries, res->pentries, keep * sizeof *res->entries);
        res->n_entries += keep;
    }
    for (size_t k = 0; k < res->n_entries; k++) {
        pr_mentry *e = &res->entries[k];
        if (res->cap_reasons - res->n_reasons < PR_MAX_REASONS &&
            pr_grow(&res->alloc, (void **)&res->reasons, &res->cap_reasons, res->n_reasons + PR_MAX_REASONS, 1))
            return PAROER_ENOMEM;
        const pr_moff *m = moff_of(run, e->offer, &tmp);
        e->reason_off = (uint32_t)res->n_reasons;
        e->n_reasons = (uint8_t)pr_match_reasons(m, &run->q, &run->q.rels[e->relation],
                                                 e->outcome == PAROER_OUTCOME_POSSIBLE ? e->missing : 0,
                                                 res->reasons + res->n_reasons);
        res->n_reasons += e->n_reasons;
    }
    if (run->possible && res->n_possible) return compute_questions(run);
    return PAROER_OK;
}

static int check_args(const paroer_catalog *c, const paroer_relative *r)
{
    if (!c) return pr_error(PAROER_EINVALID, "catalog is NULL");
    if (!r) return pr_error(PAROER_EINVALID, "relative is NULL");
    return PAROER_OK;
}

/* One match into `res` (already reset) with prepared scratch. */
static int match_into(paroer_match_result *res, const paroer_catalog *c, const pr_moff *index,
                      const pr_mplan *plan, const paroer_relative *r, const pr_mopts *o, int32_t date,
                      pr_mscratch *s)
{
    pr_run run;
    run.c = c;
    run.index = index;
    run.plan = plan;
    run.top = o->top;
    run.res = res;
    run.scratch = s;
    result_reset(res, c, date, o->explain);
    int rc = set_relative_id(res, r->id);
    if (!rc) rc = prepare_query(&run.q, s, c, r, date);
    if (rc) goto out;
    run.possible = run.q.any_unknown != 0;
    if (run.possible && !o->possible)
        return pr_error(PAROER_EINVALID,
                        "the relative has unknown facts: matching it needs the option for possible outcomes "
                        "(paroer_match_options.possible, contract 4a)");
    res->unknowns = run.possible;
    rc = run_match(&run, o->explain);
out:
    if (rc == PAROER_ENOMEM) return pr_error(PAROER_ENOMEM, "out of memory while matching");
    return rc;
}

int paroer_match(paroer_match_result **out, const paroer_catalog *catalog, const paroer_relative *relative,
                 const paroer_match_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    int rc = check_args(catalog, relative);
    if (rc) return rc;
    pr_mopts o;
    if ((rc = resolve_options(&o, opts)) != 0) return rc;
    paroer_match_result *res = pr_calloc(&o.alloc, 1, sizeof *res);
    if (!res) return pr_error(PAROER_ENOMEM, "out of memory while matching");
    res->alloc = o.alloc;
    pr_mscratch s;
    scratch_init(&s, &res->alloc);
    int32_t date = o.date == PAROER_DATE_NONE ? paroer_date_today() : o.date;
    rc = match_into(res, catalog, NULL, NULL, relative, &o, date, &s);
    scratch_free(&s);
    if (rc) {
        paroer_match_result_free(res);
        return rc;
    }
    *out = res;
    return PAROER_OK;
}

void paroer_match_result_free(paroer_match_result *r)
{
    if (!r) return;
    paroer_allocator a = r->alloc;
    result_release(r);
    pr_free(&a, r);
}

/* ---- matcher --------------------------------------------------------------------------- */

struct paroer_matcher {
    paroer_allocator alloc;
    const paroer_catalog *catalog;
    pr_mopts opts;
    pr_moff *index;            /* one per offer */
    pr_mplan plan;             /* see pr_mplan; blocks NULL when the catalog has no index */
    pr_mscratch scratch;
    paroer_match_result result;
};

typedef struct pr_idsort { const char *id; uint32_t index; } pr_idsort;

static int cmp_ids(const void *pa, const void *pb)
{
    const pr_idsort *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int live_on(const pr_moff *o, int32_t date)
{
    return pr_atom_not_paused(o) == PR_YES && pr_atom_active(o, date) == PR_YES;
}

/* Sets bit j of the sets of block b for the offer o. */
static void plan_mark(uint64_t *bits, size_t words, size_t j, const pr_moff *o)
{
    const uint64_t bit = UINT64_C(1) << (j % 64);
    const size_t w = j / 64;
    for (unsigned c = 0; c < PR_N_NEED; c++)
        if (pr_accepts_need(o, c)) bits[(size_t)(PR_VB_NEED0 + c) * words + w] |= bit;
    for (unsigned c = 0; c < PR_N_MODE; c++)
        if (pr_accepts_mode(o, c)) bits[(size_t)(PR_VB_MODE0 + c) * words + w] |= bit;
    for (unsigned c = 0; c < PR_N_SLOT; c++)
        if (pr_accepts_slot(o, c)) bits[(size_t)(PR_VB_SLOT0 + c) * words + w] |= bit;
    for (unsigned c = 0; c < PR_N_RELATION; c++)
        if (pr_accepts_relation(o, c)) bits[(size_t)(PR_VB_REL0 + c) * words + w] |= bit;
    for (unsigned c = 0; c < PR_N_CONDITION; c++)
        if (pr_accepts_condition(o, c)) bits[(size_t)(PR_VB_COND0 + c) * words + w] |= bit;
    if (pr_accepts_any_condition(o)) bits[(size_t)PR_VB_COND_ANY * words + w] |= bit;
}

/* Builds m->plan (see pr_mplan). Needs m->index. */
static int build_plan(paroer_matcher *m)
{
    const paroer_catalog *c = m->catalog;
    pr_mplan *p = &m->plan;
    if (!c->muni_start) return 0; /* no index: match_into merges the lists itself */
    /* With a fixed date, offers paused or outside their validity are left out. */
    const int fixed = m->opts.date != PAROER_DATE_NONE;
    const int32_t date = m->opts.date;
    size_t n_blocks = 1, total = c->n_nationwide, n_bits = 0;
    for (int k = 1; k < PR_MUNI_MAX; k++) {
        size_t own = c->muni_start[k + 1] - c->muni_start[k];
        if (own) { n_blocks++; total += own + c->n_nationwide; }
    }
    p->blocks = pr_calloc(&m->alloc, n_blocks, sizeof *p->blocks);
    p->visit = pr_calloc(&m->alloc, total ? total : 1, sizeof *p->visit);
    if (!p->blocks || !p->visit) return PAROER_ENOMEM;
    /* The lists first, then the sets, sized by the lists. */
    size_t at = 0, nb = 0;
    for (int k = 1; k <= PR_MUNI_MAX; k++) {
        size_t own = k < PR_MUNI_MAX ? c->muni_start[k + 1] - c->muni_start[k] : 0;
        if (k < PR_MUNI_MAX && !own) continue;
        /* k == PR_MUNI_MAX stands for "no offers of its own": the nationwide ones alone */
        const uint32_t *ml = own ? c->muni_offers + c->muni_start[k] : NULL, *nl = c->nationwide;
        size_t mk = 0, nk = 0, nn = c->n_nationwide;
        pr_vblock *b = &p->blocks[nb];
        b->start = (uint32_t)at;
        while (nk < nn || mk < own) {
            uint32_t i = (mk == own || (nk < nn && nl[nk] < ml[mk])) ? nl[nk++] : ml[mk++];
            if (fixed && !live_on(&m->index[i], date)) continue; /* can never pass rules 1-2 */
            p->visit[at++] = i;
        }
        b->n = (uint32_t)(at - b->start);
        b->words = b->n ? (b->n + 63) / 64 : 1;
        b->bits = n_bits;
        n_bits += (size_t)PR_VB_SETS * b->words;
        if (b->words > p->max_words) p->max_words = b->words;
        if (k < PR_MUNI_MAX) p->block_of[k] = (uint16_t)nb;
        nb++;
    }
    p->n_blocks = nb;
    for (int k = 0; k < PR_MUNI_MAX; k++)
        if (k == 0 || c->muni_start[k + 1] == c->muni_start[k]) p->block_of[k] = (uint16_t)(nb - 1);
    p->bits = pr_calloc(&m->alloc, n_bits, sizeof *p->bits);
    p->cand = pr_calloc(&m->alloc, p->max_words, sizeof *p->cand);
    if (!p->bits || !p->cand) return PAROER_ENOMEM;
    for (size_t k = 0; k < nb; k++) {
        const pr_vblock *b = &p->blocks[k];
        for (size_t j = 0; j < b->n; j++) plan_mark(p->bits + b->bits, b->words, j, &m->index[p->visit[b->start + j]]);
    }
    return 0;
}

int paroer_matcher_new(paroer_matcher **out, const paroer_catalog *catalog, const paroer_match_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!catalog) return pr_error(PAROER_EINVALID, "catalog is NULL");
    pr_mopts o;
    int rc = resolve_options(&o, opts);
    if (rc) return rc;
    paroer_matcher *m = pr_calloc(&o.alloc, 1, sizeof *m);
    if (!m) return pr_error(PAROER_ENOMEM, "out of memory creating a matcher");
    m->alloc = o.alloc;
    m->catalog = catalog;
    m->opts = o;
    m->result.alloc = o.alloc;
    scratch_init(&m->scratch, &m->alloc);
    size_t n = catalog->n_offers;
    m->index = pr_calloc(&m->alloc, n ? n : 1, sizeof *m->index);
    pr_idsort *ids = pr_calloc(&m->alloc, n ? n : 1, sizeof *ids);
    if (!m->index || !ids) {
        pr_free(&m->alloc, ids);
        paroer_matcher_free(m);
        return pr_error(PAROER_ENOMEM, "out of memory creating a matcher");
    }
    for (size_t i = 0; i < n; i++) {
        pr_moff_fill(&m->index[i], &catalog->offers[i], catalog->lang_da);
        ids[i].id = catalog->offers[i].id;
        ids[i].index = (uint32_t)i;
    }
    /* The rank of each id in byte order turns the tie-break into an integer compare. */
    qsort(ids, n, sizeof *ids, cmp_ids);
    for (size_t k = 0; k < n; k++) m->index[ids[k].index].id_rank = (uint32_t)k;
    pr_free(&m->alloc, ids);
    if (build_plan(m)) {
        paroer_matcher_free(m);
        return pr_error(PAROER_ENOMEM, "out of memory creating a matcher");
    }
    *out = m;
    return PAROER_OK;
}

void paroer_matcher_free(paroer_matcher *m)
{
    if (!m) return;
    paroer_allocator a = m->alloc;
    result_release(&m->result);
    scratch_free(&m->scratch);
    pr_free(&a, m->index);
    pr_free(&a, m->plan.blocks);
    pr_free(&a, m->plan.visit);
    pr_free(&a, m->plan.bits);
    pr_free(&a, m->plan.cand);
    pr_free(&a, m);
}

static int matcher_run(paroer_matcher *m, const paroer_relative *r, int32_t date, const paroer_match_result **out)
{
    int rc = match_into(&m->result, m->catalog, m->index, m->plan.blocks ? &m->plan : NULL, r, &m->opts, date,
                        &m->scratch);
    if (rc) {
        result_reset(&m->result, m->catalog, date, m->opts.explain);
        return rc;
    }
    *out = &m->result;
    return PAROER_OK;
}

int paroer_matcher_match(paroer_matcher *m, const paroer_relative *relative, const paroer_match_result **out)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!m) return pr_error(PAROER_EINVALID, "matcher is NULL");
    if (!relative) return pr_error(PAROER_EINVALID, "relative is NULL");
    int32_t date = m->opts.date == PAROER_DATE_NONE ? paroer_date_today() : m->opts.date;
    return matcher_run(m, relative, date, out);
}

int paroer_match_batch(const paroer_catalog *catalog, const paroer_relative *const *relatives, size_t n,
                       const paroer_match_options *opts, paroer_match_cb cb, void *userdata)
{
    if (!catalog) return pr_error(PAROER_EINVALID, "catalog is NULL");
    if (!cb) return pr_error(PAROER_EINVALID, "callback is NULL");
    if (n && !relatives) return pr_error(PAROER_EINVALID, "relatives is NULL");
    for (size_t i = 0; i < n; i++)
        if (!relatives[i]) return pr_error(PAROER_EINVALID, "relatives[%zu] is NULL", i);
    paroer_matcher *m;
    int rc = paroer_matcher_new(&m, catalog, opts);
    if (rc) return rc;
    int32_t date = m->opts.date == PAROER_DATE_NONE ? paroer_date_today() : m->opts.date;
    for (size_t i = 0; i < n && !rc; i++) {
        const paroer_match_result *res;
        rc = matcher_run(m, relatives[i], date, &res);
        if (!rc && cb(i, res, userdata) != 0)
            rc = pr_error(PAROER_EUSER, "the callback stopped the batch at relative %zu", i);
    }
    paroer_matcher_free(m);
    return rc;
}

/* ---- the eligible set alone (benchmarks, cross-checks) ----------------------------------- */

/* Prepares `r` outside any match (scratch on the catalog's allocator; free it). */
static int prepare_alone(pr_mquery *q, pr_mscratch *s, const paroer_catalog *c, const paroer_relative *r,
                         int32_t date)
{
    int rc = check_args(c, r);
    if (rc) return rc;
    scratch_init(s, &c->alloc);
    rc = prepare_query(q, s, c, r, date == PAROER_DATE_NONE ? paroer_date_today() : date);
    if (rc) scratch_free(s);
    return rc;
}

int64_t pr_match_eligible(const paroer_catalog *c, const paroer_relative *r, int32_t date, uint32_t *out,
                          size_t cap)
{
    pr_mscratch s;
    pr_mquery q;
    int rc = prepare_alone(&q, &s, c, r, date);
    if (rc) return rc;
    const uint32_t *ml, *nl = c->nationwide;
    size_t mn, mk = 0, nn = c->n_nationwide, nk = 0;
    int64_t count = 0;
    pr_moff tmp;
    uint32_t best;
    muni_range(c, q.municipality, &ml, &mn);
    while (nk < nn || mk < mn) {
        uint32_t i;
        if (mk == mn || (nk < nn && nl[nk] < ml[mk])) i = nl[nk++];
        else i = ml[mk++];
        pr_moff_fill(&tmp, &c->offers[i], c->lang_da);
        if (eligible_fast(&tmp, &c->offers[i], &q, &best)) {
            if ((size_t)count < cap) out[count] = i;
            count++;
        }
    }
    scratch_free(&s);
    return count;
}

/* ---- the reference evaluation of every offer (cross-checks) ---------------------------- */

int pr_match_reference(const paroer_catalog *c, const paroer_relative *r, int32_t date, pr_verdict *out)
{
    pr_mscratch s;
    pr_mquery q;
    int rc = prepare_alone(&q, &s, c, r, date);
    if (rc) return rc;
    pr_moff m;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        int in_area = o->nationwide != 0;
        for (uint32_t k = 0; k < o->n_municipalities && !in_area; k++) in_area = o->municipalities[k] == r->municipality;
        pr_moff_fill(&m, o, c->lang_da);
        pr_rules_eval(&m, o, &q, in_area, &out[i]);
    }
    scratch_free(&s);
    return PAROER_OK;
}

/* ---- accessors ---------------------------------------------------------------------------- */

const char *paroer_match_result_relative_id(const paroer_match_result *r)
{
    return r && r->relative_id ? r->relative_id : "";
}

int32_t paroer_match_result_date(const paroer_match_result *r) { return r ? r->date : PAROER_DATE_NONE; }

int paroer_match_result_explained(const paroer_match_result *r) { return r ? r->explain : 0; }

const paroer_catalog *paroer_match_result_catalog(const paroer_match_result *r) { return r ? r->catalog : NULL; }

size_t paroer_match_result_outcome_count(const paroer_match_result *r, int32_t outcome)
{
    if (!r) return 0;
    switch (outcome) {
    case PAROER_OUTCOME_ELIGIBLE: return r->n_eligible;
    case PAROER_OUTCOME_POSSIBLE: return r->n_possible;
    case PAROER_OUTCOME_EXCLUDED: return r->catalog ? r->catalog->n_offers - r->n_eligible - r->n_possible : 0;
    default: return 0;
    }
}

size_t paroer_match_result_count(const paroer_match_result *r) { return r ? r->n_entries : 0; }

static const pr_mentry *entry_at(const paroer_match_result *r, size_t i)
{
    return r && i < r->n_entries ? &r->entries[i] : NULL;
}

const paroer_offer *paroer_match_result_offer(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? &r->catalog->offers[e->offer] : NULL;
}

int32_t paroer_match_result_outcome(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? (int32_t)e->outcome : -1;
}

static int32_t score_of(const pr_mentry *e) { return e->score; }

int32_t paroer_match_result_score(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? score_of(e) : INT32_MIN;
}

int32_t paroer_match_result_relation(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? (int32_t)e->relation : -1;
}

size_t paroer_match_result_reason_count(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? e->n_reasons : 0;
}

const char *paroer_match_result_reason(const paroer_match_result *r, size_t i, size_t k)
{
    const pr_mentry *e = entry_at(r, i);
    if (!e || k >= e->n_reasons) return NULL;
    return pr_reason_code(r->reasons[e->reason_off + k]);
}

size_t paroer_match_result_scores(const paroer_match_result *r, int32_t *buf, size_t cap)
{
    if (!r) return 0;
    for (size_t i = 0; i < r->n_entries && i < cap && buf; i++) buf[i] = score_of(&r->entries[i]);
    return r->n_entries;
}

size_t paroer_match_result_excluded_count(const paroer_match_result *r) { return r ? r->n_excluded : 0; }

const paroer_offer *paroer_match_result_excluded_offer(const paroer_match_result *r, size_t i)
{
    return r && i < r->n_excluded ? &r->catalog->offers[r->excluded[i].offer] : NULL;
}

int32_t paroer_match_result_excluded_rule(const paroer_match_result *r, size_t i)
{
    static const int8_t rule_of[PR_EX_COUNT] = {
        PAROER_RULE_PAUSED, PAROER_RULE_INACTIVE, PAROER_RULE_AREA, PAROER_RULE_RELATIVE_AGE,
        PAROER_RULE_RELATION, PAROER_RULE_CONDITION, PAROER_RULE_CARED_FOR_AGE,
        PAROER_RULE_REQUIRES, PAROER_RULE_REQUIRES, PAROER_RULE_REQUIRES, PAROER_RULE_REQUIRES,
        PAROER_RULE_REQUIRES, PAROER_RULE_BEREAVED, PAROER_RULE_MODE, PAROER_RULE_SLOT, PAROER_RULE_LANGUAGE,
        PAROER_RULE_NEED,
    };
    _Static_assert(sizeof rule_of == PR_EX_COUNT, "rule_of table");
    if (!r || i >= r->n_excluded) return -1;
    return rule_of[r->excluded[i].code];
}

int32_t paroer_match_result_excluded_flag(const paroer_match_result *r, size_t i)
{
    if (!r || i >= r->n_excluded) return -1;
    unsigned code = r->excluded[i].code;
    return code >= PR_EX_REQUIRES0 && code < PR_EX_REQUIRES0 + PR_N_FLAG ? (int32_t)(code - PR_EX_REQUIRES0) : -1;
}

const char *paroer_match_result_excluded_code(const paroer_match_result *r, size_t i)
{
    if (!r || i >= r->n_excluded) return NULL;
    return pr_exclusion_code(r->excluded[i].code);
}

/* ---- unknown facts: missing facts and questions ------------------------------------------ */

const char *paroer_fact_code(int32_t fact) { return fact < 0 ? NULL : pr_fact_code((unsigned)fact); }

int paroer_match_result_has_unknowns(const paroer_match_result *r) { return r ? r->unknowns : 0; }

size_t paroer_match_result_missing_count(const paroer_match_result *r, size_t i)
{
    const pr_mentry *e = entry_at(r, i);
    return e ? (size_t)pr_popcount32(e->missing) : 0;
}

int32_t paroer_match_result_missing(const paroer_match_result *r, size_t i, size_t k)
{
    const pr_mentry *e = entry_at(r, i);
    if (!e) return -1;
    for (uint32_t m = e->missing; m; m &= m - 1)
        if (k-- == 0) return (int32_t)pr_ctz32(m);
    return -1;
}

size_t paroer_match_result_question_count(const paroer_match_result *r) { return r ? r->n_questions : 0; }

static const pr_question *question_at(const paroer_match_result *r, size_t i)
{
    return r && i < r->n_questions ? &r->questions[i] : NULL;
}

int32_t paroer_match_result_question_fact(const paroer_match_result *r, size_t i)
{
    const pr_question *q = question_at(r, i);
    return q ? q->fact : -1;
}

int32_t paroer_match_result_question_relation(const paroer_match_result *r, size_t i)
{
    const pr_question *q = question_at(r, i);
    return q && q->relation != PR_NONE ? (int32_t)q->relation : -1;
}

uint64_t paroer_match_result_question_decided(const paroer_match_result *r, size_t i)
{
    const pr_question *q = question_at(r, i);
    return q ? q->decided : 0;
}

uint32_t paroer_match_result_question_answers(const paroer_match_result *r, size_t i)
{
    const pr_question *q = question_at(r, i);
    return q ? q->answers : 0;
}

size_t paroer_match_result_question_code(const paroer_match_result *r, size_t i, char *buf, size_t cap)
{
    const pr_question *q = question_at(r, i);
    if (buf && cap) buf[0] = '\0';
    if (!q) return 0;
    int n = q->relation == PR_NONE ? snprintf(buf, buf ? cap : 0, "%s", pr_fact_code(q->fact))
                                   : snprintf(buf, buf ? cap : 0, "relations[%u].%s", (unsigned)q->relation,
                                              pr_fact_code(q->fact));
    return n > 0 ? (size_t)n : 0;
}
