/* The eligibility rules, the score and the reasons (see rules.h): the
 * reference evaluation, three-valued, and the tables of codes.
 * docs/matching.md is the user-facing description; keep the two in step. */
#include "rules.h"

/* ---- codes ------------------------------------------------------------------------ */

static const char *const reason_codes[PR_RS_COUNT] = {
    /* PR_RS_NEED0 + paroer_need */
    "need:respite", "need:practical_help", "need:information", "need:education", "need:peer_support",
    "need:counselling", "need:own_health", "need:financial", "need:work_life", "need:network",
    "need:involvement",
    /* PR_RS_CONDITION0 + paroer_condition */
    "condition:frailty", "condition:dementia", "condition:physical_illness", "condition:physical_disability",
    "condition:cancer", "condition:brain_injury", "condition:mental_illness", "condition:substance_abuse",
    "condition:cognitive_disability", "condition:neurodevelopmental", "condition:social_problems",
    /* PR_RS_RELATION0 + paroer_relation */
    "relation:spouse_partner", "relation:son_daughter", "relation:parent", "relation:sibling",
    "relation:other_family", "relation:friend_neighbour",
    /* PR_RS_REQUIRES0 + paroer_flag */
    "requires:cohabiting", "requires:cared_at_home", "requires:terminal", "requires:bereaved",
    "requires:employed",
    "bereaved", "strain:high", "waitlist", "stale",
    /* PR_RS_MISSING0 + PR_FACT_* */
    "missing:age", "missing:employed", "missing:conditions", "missing:cared_for_age", "missing:cohabiting",
    "missing:cared_at_home", "missing:terminal", "missing:bereaved",
};
_Static_assert(PR_COUNT_OF(reason_codes) == PR_RS_COUNT, "reason table");
_Static_assert(PR_RS_COUNT <= PR_MAX_REASONS, "PR_MAX_REASONS");

static const char *const exclusion_codes[PR_EX_COUNT] = {
    "paused", "inactive", "area", "relative_age", "relation", "condition", "cared_for_age",
    "requires:cohabiting", "requires:cared_at_home", "requires:terminal", "requires:bereaved",
    "requires:employed",
    "bereaved", "mode", "slot", "language", "need",
};
_Static_assert(PR_COUNT_OF(exclusion_codes) == PR_EX_COUNT, "exclusion table");

static const char *const fact_codes[PR_N_FACT] = {
    "age", "employed", "conditions", "cared_for_age", "cohabiting", "cared_at_home", "terminal", "bereaved",
};

const char *pr_reason_code(unsigned reason) { return reason < PR_RS_COUNT ? reason_codes[reason] : NULL; }
const char *pr_exclusion_code(unsigned code) { return code < PR_EX_COUNT ? exclusion_codes[code] : NULL; }
const char *pr_fact_code(unsigned fact) { return fact < PR_N_FACT ? fact_codes[fact] : NULL; }

/* ---- the views ---------------------------------------------------------------------- */

void pr_moff_fill(pr_moff *m, const struct paroer_offer *o, uint16_t lang_da)
{
    const uint32_t codes = ~PR_ANY_BIT;
    m->needs_x = (o->needs & codes) | PR_ANY_BIT;
    m->modes_x = (o->modes & codes) | PR_ANY_BIT;
    m->slots_x = o->slots ? (o->slots & codes) | PR_ANY_BIT : UINT32_MAX;
    m->rel_x = o->target.relations ? o->target.relations & codes : UINT32_MAX;
    m->cond_x = o->target.conditions ? o->target.conditions & codes : UINT32_MAX;
    m->t_requires = o->target.requires;
    /* Ranges as (start, span): one unsigned compare tests both ends (the
     * builder guarantees min <= max). */
    int32_t lo = o->target.relative_age.min, hi = o->target.relative_age.max;
    m->ra_min = lo;
    m->ra_span = (uint32_t)hi - (uint32_t)lo;
    m->cfa_min = o->target.cared_for_age.min;
    m->cfa_max = o->target.cared_for_age.max;
    lo = o->valid_from == PAROER_DATE_NONE ? INT32_MIN : o->valid_from;
    hi = o->valid_to == PAROER_DATE_NONE ? INT32_MAX : o->valid_to;
    m->valid_from = lo;
    m->valid_span = (uint32_t)hi - (uint32_t)lo;
    m->verified = o->verified;
    m->id_rank = 0;
    m->flags = (uint8_t)((o->nationwide ? PR_MOFF_NATIONWIDE : 0) |
                         (o->status == PAROER_STATUS_PAUSED ? PR_MOFF_PAUSED : 0) |
                         (o->status == PAROER_STATUS_WAITLIST ? PR_MOFF_WAITLIST : 0) |
                         (o->kind == PAROER_KIND_RESPITE_HOME || o->kind == PAROER_KIND_RESPITE_AWAY ||
                                  o->kind == PAROER_KIND_COUNSELLING
                              ? PR_MOFF_LIFTED : 0));
    m->bereaved = (uint8_t)o->target.bereaved;
    m->kind = (uint8_t)o->kind;
    if (o->n_languages) {
        m->n_languages = (uint8_t)(o->n_languages > 255 ? 255 : o->n_languages);
        m->lang0 = o->languages[0];
    } else { /* the contract's default, ["da"] */
        m->n_languages = 1;
        m->lang0 = lang_da;
    }
    m->pad_ = 0;
}

void pr_mrel_fill(pr_mrel *d, int32_t relation, uint32_t conditions, int32_t cfa, uint32_t flags, uint32_t unknown,
                  int employed, uint32_t unknown_extra, int heavy_hours)
{
    const uint32_t emp = PR_BIT(PAROER_FLAG_EMPLOYED), all = PR_ALL(PR_N_FLAG);
    memset(d, 0, sizeof *d);
    d->rel_bit = relation >= 0 && relation < 31 ? PR_BIT(relation) : 0;
    d->unknown = (unknown & all & ~emp) | (employed < 0 ? emp : 0) | (unknown_extra & (PR_RU_CONDITIONS | PR_RU_CFA));
    d->flags = (flags & all & ~emp & ~d->unknown) | (employed > 0 ? emp : 0);
    d->cond_x = (d->unknown & PR_RU_CONDITIONS) ? UINT32_MAX : (conditions & ~PR_ANY_BIT) | PR_ANY_BIT;
    if (d->unknown & PR_RU_CFA) { d->cfa_lo = 0; d->cfa_hi = 130; }
    else if (cfa >= 0) d->cfa_lo = d->cfa_hi = cfa;
    else d->cfa_lo = d->cfa_hi = PR_CFA_ABSENT;
    d->bereaved = (d->flags & PR_BIT(PAROER_FLAG_BEREAVED)) != 0;
    d->heavy_hours = heavy_hours != 0;
    d->heavy = d->heavy_hours || (d->flags & PR_BIT(PAROER_FLAG_TERMINAL)) != 0;
}

void pr_mquery_init(pr_mquery *q, int32_t date, int32_t municipality, int32_t age_lo, int32_t age_hi,
                    int employed_unknown, uint32_t needs, uint32_t modes, uint32_t slots)
{
    memset(q, 0, sizeof *q);
    q->date = date;
    q->municipality = municipality;
    q->age_lo = age_lo;
    q->age_hi = age_hi;
    q->unknown = (age_lo != age_hi ? PR_RQ_AGE : 0) | (employed_unknown ? PR_RQ_EMPLOYED : 0);
    q->any_unknown = q->unknown;
    q->needs = needs & ~PR_ANY_BIT;
    q->needs_x = q->needs ? q->needs : PR_ANY_BIT;
    q->modes_x = modes & ~PR_ANY_BIT ? modes & ~PR_ANY_BIT : PR_ANY_BIT;
    q->slots_x = slots & ~PR_ANY_BIT ? slots & ~PR_ANY_BIT : PR_ANY_BIT;
}

void pr_mquery_set_rels(pr_mquery *q, const pr_mrel *rels, size_t n)
{
    q->rels = rels;
    q->n_rels = n;
    q->rel_union = 0;
    q->cond_union = 0;
    q->any_unknown = q->unknown;
    for (size_t i = 0; i < n; i++) {
        q->rel_union |= rels[i].rel_bit;
        q->cond_union |= rels[i].cond_x;
        q->any_unknown |= rels[i].unknown;
    }
}

void pr_mrel_complete(const pr_moff *o, const pr_mrel *r, pr_mrel *out)
{
    *out = *r;
    if (!r->unknown) return;
    if (r->unknown & PR_RU_CONDITIONS) out->cond_x = o->cond_x | PR_ANY_BIT;
    if (r->unknown & PR_RU_CFA) {
        int32_t v = o->cfa_min < r->cfa_lo ? r->cfa_lo : o->cfa_min;
        if (v > r->cfa_hi) v = r->cfa_hi;
        out->cfa_lo = out->cfa_hi = v;
    }
    uint32_t uf = r->unknown & PR_ALL(PR_N_FLAG), set = uf & o->t_requires;
    if ((uf & PR_BIT(PAROER_FLAG_TERMINAL)) && (o->flags & PR_MOFF_LIFTED)) set |= PR_BIT(PAROER_FLAG_TERMINAL);
    set &= ~PR_BIT(PAROER_FLAG_BEREAVED);
    if ((uf & PR_BIT(PAROER_FLAG_BEREAVED)) && o->bereaved == PAROER_BEREAVEMENT_ONLY)
        set |= PR_BIT(PAROER_FLAG_BEREAVED);
    out->flags = r->flags | set;
    out->unknown = 0;
    out->bereaved = (out->flags & PR_BIT(PAROER_FLAG_BEREAVED)) != 0;
    out->heavy = out->heavy_hours || (out->flags & PR_BIT(PAROER_FLAG_TERMINAL)) != 0;
}

/* ---- the reference evaluation --------------------------------------------------------- */

/* Rule 5 for one relation: its value, the part where it failed first under
 * the favourable completion (0 relation, 1 condition, 2 cared_for_age,
 * 3 + flag, 3 + PR_N_FLAG bereaved; -1 when none fails) and the facts of its
 * undecided parts. */
static int relation_eval(const pr_moff *o, const pr_mrel *r, int *failed, uint32_t *missing)
{
    int v = PR_YES, a;
    uint32_t miss = 0;
    *failed = -1;
    if (pr_atom_relation(o, r) == PR_NO) { *failed = 0; return PR_NO; }
    if ((a = pr_atom_condition(o, r)) == PR_NO) { *failed = 1; return PR_NO; }
    if (a == PR_MAYBE) { v = PR_MAYBE; miss |= PR_BIT(PR_FACT_CONDITIONS); }
    if ((a = pr_atom_cared_for_age(o, r)) == PR_NO) { *failed = 2; return PR_NO; }
    if (a == PR_MAYBE) { v = PR_MAYBE; miss |= PR_BIT(PR_FACT_CARED_FOR_AGE); }
    /* Flags in code order: the lowest one that fails is the part. */
    for (uint32_t f = o->t_requires & PR_ALL(PR_N_FLAG); f; f &= f - 1) {
        unsigned flag = (unsigned)pr_ctz32(f);
        if ((a = pr_atom_flag(r, flag)) == PR_NO) { *failed = 3 + (int)flag; return PR_NO; }
        if (a == PR_MAYBE) { v = PR_MAYBE; miss |= PR_BIT(pr_fact_of_flag(flag)); }
    }
    if ((a = pr_atom_bereaved(o, r)) == PR_NO) { *failed = 3 + PR_N_FLAG; return PR_NO; }
    if (a == PR_MAYBE) { v = PR_MAYBE; miss |= PR_BIT(PR_FACT_BEREAVED); }
    *missing = miss;
    return v;
}

/* Rule 5 over every relation, with two choices of relation:
 * - `any`: the one the match of the offer's most favourable completion
 *   names (the relation of an eligible offer): the best-scoring of the
 *   relations that do not fail, every undecided part filled in favour of the
 *   offer; the first of equals;
 * - `fewest`: the relation of a possible offer (contract 4a): the one that
 *   does not fail needing the fewest facts, then scoring higher, then the
 *   first. */
typedef struct pr_relpick {
    uint32_t any, fewest;
    int32_t score_any, score_fewest;
    uint32_t miss_fewest;
} pr_relpick;

static int relations_eval(const pr_moff *o, const pr_mquery *q, pr_relpick *p, int *code)
{
    int value = PR_NO, furthest = 0;
    p->any = p->fewest = PR_NONE;
    p->score_any = p->score_fewest = 0;
    p->miss_fewest = 0;
    for (size_t i = 0; i < q->n_rels; i++) {
        const pr_mrel *r = &q->rels[i];
        int failed;
        uint32_t miss = 0;
        int v = relation_eval(o, r, &failed, &miss);
        if (v == PR_NO) {
            if (failed > furthest) furthest = failed;
            continue;
        }
        value = pr_or3(value, v);
        int32_t s = pr_match_score(o, q, r);
        if (p->any == PR_NONE || s > p->score_any) { p->any = (uint32_t)i; p->score_any = s; }
        int a = pr_popcount32(miss), b = pr_popcount32(p->miss_fewest);
        if (p->fewest == PR_NONE || a < b || (a == b && s > p->score_fewest)) {
            p->fewest = (uint32_t)i;
            p->miss_fewest = miss;
            p->score_fewest = s;
        }
    }
    if (value == PR_NO) *code = PR_EX_RELATION + furthest;
    return value;
}

int pr_rules_relations(const pr_moff *o, const pr_mquery *q, uint32_t *best, int *code)
{
    pr_relpick p;
    int c = -1;
    int v = relations_eval(o, q, &p, &c);
    if (v == PR_YES) *best = p.any;
    if (code) *code = c;
    return v;
}

void pr_rules_eval(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q, int in_area, pr_verdict *v)
{
    v->value = PR_NO;
    v->code = -1;
    v->relation = 0;
    v->missing = 0;
    v->score = 0;
    if (pr_atom_not_paused(m) == PR_NO) { v->code = PR_EX_PAUSED; return; }
    if (pr_atom_active(m, q->date) == PR_NO) { v->code = PR_EX_INACTIVE; return; }
    if (!in_area) { v->code = PR_EX_AREA; return; }
    int age = pr_atom_relative_age(m, q);
    if (age == PR_NO) { v->code = PR_EX_RELATIVE_AGE; return; }
    pr_relpick p;
    int code = -1;
    int r5 = relations_eval(m, q, &p, &code);
    if (r5 == PR_NO) { v->code = code; return; }
    if (pr_atom_mode(m, q) == PR_NO) { v->code = PR_EX_MODE; return; }
    if (pr_atom_slot(m, q) == PR_NO) { v->code = PR_EX_SLOT; return; }
    if (pr_atom_language(m, o, q) == PR_NO) { v->code = PR_EX_LANGUAGE; return; }
    if (pr_atom_need(m, q) == PR_NO) { v->code = PR_EX_NEED; return; }
    v->value = pr_and3(age, r5);
    if (v->value == PR_YES) {
        v->relation = p.any;
        v->score = p.score_any;
    } else {
        v->relation = p.fewest;
        v->score = p.score_fewest;
        v->missing = p.miss_fewest | (age == PR_MAYBE ? PR_BIT(PR_FACT_AGE) : 0);
    }
}

int pr_rules_value(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q)
{
    int v = pr_atom_relative_age(m, q);
    if (v == PR_NO || pr_atom_not_paused(m) == PR_NO || pr_atom_active(m, q->date) == PR_NO ||
        pr_atom_mode(m, q) == PR_NO || pr_atom_slot(m, q) == PR_NO || pr_atom_need(m, q) == PR_NO ||
        pr_atom_language(m, o, q) == PR_NO)
        return PR_NO;
    int r5 = PR_NO;
    for (size_t i = 0; i < q->n_rels && r5 != PR_YES; i++) {
        int failed;
        uint32_t miss;
        r5 = pr_or3(r5, relation_eval(m, &q->rels[i], &failed, &miss));
    }
    return pr_and3(v, r5);
}

/* ---- questions ------------------------------------------------------------------------------ */

uint32_t pr_question_answers(const pr_mquery *q, unsigned fact)
{
    switch (fact) {
    case PR_FACT_AGE: return (uint32_t)(q->age_hi - q->age_lo + 1);
    case PR_FACT_CONDITIONS: return PR_N_CONDITION;
    case PR_FACT_CARED_FOR_AGE: return 131;
    default: return 2;
    }
}

static int decided(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *w)
{
    return pr_rules_value(m, o, w) != PR_MAYBE;
}

/* Answers lo..hi against the atom "within min..max": the representatives
 * and sizes of the classes inside and outside. */
static void range_classes(int32_t lo, int32_t hi, int32_t min, int32_t max, int32_t rep[2], uint32_t n[2])
{
    int32_t a = lo > min ? lo : min, b = hi < max ? hi : max;
    n[0] = a <= b ? (uint32_t)(b - a + 1) : 0;
    rep[0] = a;
    n[1] = (uint32_t)(hi - lo + 1) - n[0];
    rep[1] = lo < min ? lo : hi;
}

static void set_flag(pr_mrel *r, unsigned f, int value)
{
    r->unknown &= ~PR_BIT(f);
    if (value) r->flags |= PR_BIT(f);
    else r->flags &= ~PR_BIT(f);
    r->bereaved = (r->flags & PR_BIT(PAROER_FLAG_BEREAVED)) != 0;
    r->heavy = r->heavy_hours || (r->flags & PR_BIT(PAROER_FLAG_TERMINAL)) != 0;
}

uint64_t pr_question_decided(const pr_moff *m, const struct paroer_offer *o, pr_mquery *w, pr_mrel *wrels,
                             unsigned fact, uint32_t relation)
{
    uint64_t n = 0;
    int32_t rep[2];
    uint32_t cnt[2];
    /* A fact whose atom is decided for this offer changes nothing: the offer
     * stays possible under every answer (n = 0), so it is not evaluated. */
    switch (fact) {
    case PR_FACT_AGE: if (pr_atom_relative_age(m, w) != PR_MAYBE) return 0; break;
    case PR_FACT_EMPLOYED: if (!(m->t_requires & PR_BIT(PAROER_FLAG_EMPLOYED))) return 0; break;
    case PR_FACT_CONDITIONS: if (pr_atom_condition(m, &wrels[relation]) != PR_MAYBE) return 0; break;
    case PR_FACT_CARED_FOR_AGE: if (pr_atom_cared_for_age(m, &wrels[relation]) != PR_MAYBE) return 0; break;
    case PR_FACT_BEREAVED: if (pr_atom_bereaved(m, &wrels[relation]) != PR_MAYBE) return 0; break;
    case PR_FACT_COHABITING: if (!(m->t_requires & PR_BIT(PAROER_FLAG_COHABITING))) return 0; break;
    case PR_FACT_CARED_AT_HOME: if (!(m->t_requires & PR_BIT(PAROER_FLAG_CARED_AT_HOME))) return 0; break;
    case PR_FACT_TERMINAL: if (!(m->t_requires & PR_BIT(PAROER_FLAG_TERMINAL))) return 0; break;
    default: break;
    }
    if (fact == PR_FACT_AGE) {
        const int32_t lo = w->age_lo, hi = w->age_hi;
        range_classes(lo, hi, m->ra_min, pr_moff_age_max(m), rep, cnt);
        for (int k = 0; k < 2; k++) {
            if (!cnt[k]) continue;
            w->age_lo = w->age_hi = rep[k];
            n += cnt[k] * (uint64_t)decided(m, o, w);
        }
        w->age_lo = lo;
        w->age_hi = hi;
        return n;
    }
    if (fact == PR_FACT_EMPLOYED) {
        for (int value = 0; value < 2; value++) {
            for (size_t j = 0; j < w->n_rels; j++) set_flag(&wrels[j], PAROER_FLAG_EMPLOYED, value);
            n += (uint64_t)decided(m, o, w);
        }
        for (size_t j = 0; j < w->n_rels; j++) {
            wrels[j].unknown |= PR_BIT(PAROER_FLAG_EMPLOYED);
            wrels[j].flags &= ~PR_BIT(PAROER_FLAG_EMPLOYED);
        }
        return n;
    }
    pr_mrel *r = &wrels[relation];
    const pr_mrel save = *r;
    if (fact == PR_FACT_CONDITIONS) {
        const uint32_t all = PR_ALL(PR_N_CONDITION);
        const uint32_t in = m->cond_x == UINT32_MAX ? all : m->cond_x & all;
        r->unknown &= ~PR_RU_CONDITIONS;
        cnt[0] = (uint32_t)pr_popcount32(in);
        cnt[1] = PR_N_CONDITION - cnt[0];
        if (cnt[0]) {
            r->cond_x = PR_BIT(pr_ctz32(in)) | PR_ANY_BIT;
            n += cnt[0] * (uint64_t)decided(m, o, w);
        }
        if (cnt[1]) {
            r->cond_x = PR_BIT(pr_ctz32(~in & all)) | PR_ANY_BIT;
            n += cnt[1] * (uint64_t)decided(m, o, w);
        }
    } else if (fact == PR_FACT_CARED_FOR_AGE) {
        r->unknown &= ~PR_RU_CFA;
        range_classes(0, 130, m->cfa_min, m->cfa_max, rep, cnt);
        for (int k = 0; k < 2; k++) {
            if (!cnt[k]) continue;
            r->cfa_lo = r->cfa_hi = rep[k];
            n += cnt[k] * (uint64_t)decided(m, o, w);
        }
    } else {
        static const uint8_t flag_of[PR_N_FACT] = {0, PAROER_FLAG_EMPLOYED, 0, 0, PAROER_FLAG_COHABITING,
                                                   PAROER_FLAG_CARED_AT_HOME, PAROER_FLAG_TERMINAL, PAROER_FLAG_BEREAVED};
        for (int value = 0; value < 2; value++) {
            set_flag(r, flag_of[fact], value);
            n += (uint64_t)decided(m, o, w);
        }
    }
    *r = save;
    return n;
}

/* ---- reasons ------------------------------------------------------------------------------ */

size_t pr_match_reasons(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel_in, uint32_t missing, uint8_t *out)
{
    pr_mrel c;
    pr_mrel_complete(o, rel_in, &c);
    const pr_mrel *rel = &c;
    size_t n = 0;
    /* Set bits in ascending order: the codes' order. */
    for (uint32_t m = pr_moff_needs(o) & q->needs & PR_ALL(PR_N_NEED); m; m &= m - 1)
        out[n++] = (uint8_t)(PR_RS_NEED0 + pr_ctz32(m));
    if (pr_moff_conditions(o))
        for (uint32_t m = pr_moff_conditions(o) & rel->cond_x & PR_ALL(PR_N_CONDITION); m; m &= m - 1)
            out[n++] = (uint8_t)(PR_RS_CONDITION0 + pr_ctz32(m));
    if (pr_moff_relations(o) && (rel->rel_bit & PR_ALL(PR_N_RELATION)))
        out[n++] = (uint8_t)(PR_RS_RELATION0 + pr_ctz32(rel->rel_bit));
    for (uint32_t m = o->t_requires & PR_ALL(PR_N_FLAG); m; m &= m - 1)
        out[n++] = (uint8_t)(PR_RS_REQUIRES0 + pr_ctz32(m));
    if (rel->bereaved) out[n++] = PR_RS_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && rel->heavy) out[n++] = PR_RS_STRAIN_HIGH;
    if (o->flags & PR_MOFF_WAITLIST) out[n++] = PR_RS_WAITLIST;
    if (pr_offer_is_stale(o->verified, q->date)) out[n++] = PR_RS_STALE;
    for (uint32_t m = missing & PR_ALL(PR_N_FACT); m; m &= m - 1)
        out[n++] = (uint8_t)(PR_RS_MISSING0 + pr_ctz32(m));
    return n;
}
