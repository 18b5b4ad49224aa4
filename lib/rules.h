/* The eligibility rules of contract section 4 (and 4a), the score and the
 * reasons: the one place they are written. Nothing here is exported.
 *
 * Two explicit inputs:
 * - pr_moff, the compact view of an offer (64 bytes: the fields the rules and
 *   the score read), filled by pr_moff_fill();
 * - pr_mquery + pr_mrel, the compact view of a relative and its relations.
 *   It can carry unknown facts: the relative's age is a range [age_lo,
 *   age_hi], `employed` may be unknown (PR_RQ_EMPLOYED in q->unknown), and a
 *   relation's conditions, cared-for age and flags may be unknown (bits of
 *   pr_mrel.unknown). A caller without a paroer_relative (the population
 *   CSV) fills these with pr_mquery_init() and pr_mrel_fill().
 *
 * Every part of every rule is an *atom* below, a static inline function
 * giving PR_NO, PR_MAYBE or PR_YES (three-valued: PR_MAYBE when only an
 * unknown fact decides). The reference evaluation, pr_rules_eval(), composes
 * the atoms with Kleene's AND (min) and OR (max); the fast paths (the
 * matcher's bit-set prefilter, eligible_fast() in match.c, the population's
 * transposed tables) are built from the same atoms, and tests/test_rules.c
 * and tests/fuzz/fuzz_rules.c cross-check each against pr_rules_eval().
 *
 * Why Kleene is exact here (contract 4a defines outcomes by completions):
 * within one offer every unknown fact enters exactly one atom per relation
 * (employed: the same atom in every relation), each atom is decided by
 * that fact alone, and atoms are combined by AND and OR only. Such a
 * formula is monotone in the atoms' truth values, so the completions that
 * make every undecided atom true, or every one false, bound all others:
 * Kleene's value is YES exactly when the all-false completion is eligible
 * and NO exactly when the all-true completion is excluded. */
#ifndef PR_RULES_H
#define PR_RULES_H

#include "model.h"
#include <paroer/match.h>
#include <string.h>

/* Index of the lowest set bit of a non-zero v. */
static inline unsigned pr_ctz32(uint32_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctz(v);
#else
    unsigned b = 0;
    while (!(v & 1u)) { v >>= 1; b++; }
    return b;
#endif
}

/* ---- three-valued truth: AND is min, OR is max ---------------------------------- */

enum { PR_NO = 0, PR_MAYBE = 1, PR_YES = 2 };
static inline int pr_and3(int a, int b) { return a < b ? a : b; }
static inline int pr_or3(int a, int b) { return a > b ? a : b; }

/* ---- the offer view ------------------------------------------------------------- */

enum {
    PR_MOFF_NATIONWIDE = 1u << 0,
    PR_MOFF_LIFTED = 1u << 1,     /* respite_home, respite_away or counselling: strain lifts it */
    PR_MOFF_PAUSED = 1u << 2,
    PR_MOFF_WAITLIST = 1u << 3
};

/* Bit 31 is no code of any list: set in an offer's mask it means "the other
 * side gave nothing, so this passes"; an all-ones mask means "any". Every
 * list test is then one AND: (offer_x & query_x) != 0. */
#define PR_ANY_BIT (1u << 31)

typedef struct pr_moff {
    uint32_t needs_x;      /* needs | PR_ANY_BIT */
    uint32_t modes_x;      /* modes | PR_ANY_BIT */
    uint32_t slots_x;      /* slots | PR_ANY_BIT, or all ones when flexible */
    uint32_t rel_x;        /* target relations, or all ones for any */
    uint32_t cond_x;       /* target conditions, or all ones for any */
    uint32_t t_requires;   /* paroer_flag bits */
    int32_t ra_min;        /* relative_age: (uint32)(age - ra_min) <= ra_span */
    uint32_t ra_span;
    int32_t cfa_min, cfa_max;
    int32_t valid_from;    /* validity: (uint32)(date - valid_from) <= valid_span; open = INT32_MIN / INT32_MAX */
    uint32_t valid_span;
    int32_t verified;      /* PAROER_DATE_NONE when unknown */
    uint32_t id_rank;      /* position of the id in byte order (matcher), else 0 */
    uint8_t flags;         /* PR_MOFF_* */
    uint8_t bereaved;      /* paroer_bereavement */
    uint8_t kind;
    uint8_t n_languages;   /* capped at 255; the rest are read from the offer */
    uint16_t lang0;        /* first language id */
    uint16_t pad_;
} pr_moff;

/* Fills *m from an offer. */
void pr_moff_fill(pr_moff *m, const struct paroer_offer *o, uint16_t lang_da);

/* The raw masks back from the extended ones. */
static inline uint32_t pr_moff_needs(const pr_moff *m) { return m->needs_x & ~PR_ANY_BIT; }
static inline uint32_t pr_moff_relations(const pr_moff *m) { return m->rel_x == UINT32_MAX ? 0 : m->rel_x; }
static inline uint32_t pr_moff_conditions(const pr_moff *m) { return m->cond_x == UINT32_MAX ? 0 : m->cond_x; }
static inline int32_t pr_moff_age_max(const pr_moff *m) { return (int32_t)((uint32_t)m->ra_min + m->ra_span); }

/* ---- the relative view ---------------------------------------------------------- */

/* Facts that can be unknown, in the contract's order (4a: age, employed,
 * conditions, cared_for_age, cohabiting, cared_at_home, terminal, bereaved);
 * the values of the public paroer_fact. */
enum {
    PR_FACT_AGE = 0, PR_FACT_EMPLOYED, PR_FACT_CONDITIONS, PR_FACT_CARED_FOR_AGE, PR_FACT_COHABITING,
    PR_FACT_CARED_AT_HOME, PR_FACT_TERMINAL, PR_FACT_BEREAVED, PR_N_FACT
};
/* The fact of a paroer_flag. */
static inline unsigned pr_fact_of_flag(unsigned flag)
{
    static const uint8_t f[PR_N_FLAG] = {PR_FACT_COHABITING, PR_FACT_CARED_AT_HOME, PR_FACT_TERMINAL,
                                         PR_FACT_BEREAVED, PR_FACT_EMPLOYED};
    return flag < PR_N_FLAG ? f[flag] : PR_N_FACT;
}

/* pr_mrel.unknown: paroer_flag bits (EMPLOYED copied from the relative), and
 * PR_RU_CONDITIONS, PR_RU_CFA (model.h). */
/* pr_mquery.unknown: */
#define PR_RQ_AGE (1u << 0)
#define PR_RQ_EMPLOYED (1u << 1)

#define PR_CFA_ABSENT (-1)   /* a missing cared_for_age: passes every range */

typedef struct pr_mrel {
    uint32_t rel_bit;      /* 1 << relation */
    uint32_t cond_x;       /* conditions | PR_ANY_BIT (all ones when unknown) */
    int32_t cfa_lo, cfa_hi;/* cared-for age range: one value, 0..130 when unknown, PR_CFA_ABSENT both when missing */
    uint32_t flags;        /* paroer_flag bits known true, with EMPLOYED from the relative */
    uint32_t unknown;      /* paroer_flag bits unknown, PR_RU_CONDITIONS, PR_RU_CFA */
    uint8_t bereaved;      /* 0/1 (known true) */
    uint8_t heavy;         /* >= 20 hours a week or terminal (known) */
    uint8_t heavy_hours;   /* >= 20 hours a week */
    uint8_t pad_;
} pr_mrel;

#define PR_HEAVY_HOURS 20.0

/* Fills a relation: `conditions` paroer_condition bits, `cfa` 0..130 or
 * PR_CFA_ABSENT, `flags`/`unknown` paroer_flag bits of the relation (known
 * true / unknown; EMPLOYED is ignored there), `employed` the relative's
 * (0, 1, or -1 unknown), `unknown_extra` PR_RU_CONDITIONS | PR_RU_CFA,
 * `heavy_hours` whether the relation has >= 20 hours a week. */
void pr_mrel_fill(pr_mrel *d, int32_t relation, uint32_t conditions, int32_t cfa, uint32_t flags, uint32_t unknown,
                  int employed, uint32_t unknown_extra, int heavy_hours);

#define PR_MQ_INLINE_RELS 8
#define PR_MQ_INLINE_LANGS 8

typedef struct pr_mquery {
    int32_t date, municipality;
    int32_t age_lo, age_hi;                   /* the relative's age: one value, or a range when unknown */
    uint32_t unknown;                         /* PR_RQ_* */
    uint32_t needs;                           /* stated needs (0 = none) */
    uint32_t needs_x, modes_x, slots_x;       /* the mask, or PR_ANY_BIT when not given */
    uint32_t rel_union, cond_union;           /* over the relations (cond_union has PR_ANY_BIT) */
    uint32_t any_unknown;                     /* non-zero when some fact is unknown */
    uint64_t lang_mask;                       /* language ids < 64 */
    const uint16_t *lang_hi; size_t n_lang_hi;/* language ids >= 64 */
    const pr_mrel *rels; size_t n_rels;
} pr_mquery;

/* Starts a query: needs/modes/slots are masks (0 = not given); the
 * relations and languages are set by the caller (rels/n_rels, then
 * pr_mquery_add_rels(); lang_mask/lang_hi). */
void pr_mquery_init(pr_mquery *q, int32_t date, int32_t municipality, int32_t age_lo, int32_t age_hi,
                    int employed_unknown, uint32_t needs, uint32_t modes, uint32_t slots);
/* Sets q->rels and the unions over them. */
void pr_mquery_set_rels(pr_mquery *q, const pr_mrel *rels, size_t n);

/* ---- the atoms ---------------------------------------------------------------- */

/* Rule 1 and 2: not paused, and the date within valid_from..valid_to. */
static inline int pr_atom_not_paused(const pr_moff *o) { return (o->flags & PR_MOFF_PAUSED) ? PR_NO : PR_YES; }
static inline int pr_atom_active(const pr_moff *o, int32_t date)
{
    return (uint32_t)date - (uint32_t)o->valid_from <= o->valid_span ? PR_YES : PR_NO;
}
/* An age range [lo, hi] against [min, min + span]. */
static inline int pr_atom_range(int32_t lo, int32_t hi, int32_t min, int32_t max)
{
    if (lo >= min && hi <= max) return PR_YES;
    if (hi < min || lo > max) return PR_NO;
    return PR_MAYBE;
}
/* Rule 4. */
static inline int pr_atom_relative_age(const pr_moff *o, const pr_mquery *q)
{
    if (q->age_lo == q->age_hi)
        return (uint32_t)q->age_lo - (uint32_t)o->ra_min <= o->ra_span ? PR_YES : PR_NO;
    return pr_atom_range(q->age_lo, q->age_hi, o->ra_min, pr_moff_age_max(o));
}
/* Rule 5, part by part, for one relation. */
static inline int pr_atom_relation(const pr_moff *o, const pr_mrel *r)
{
    return (o->rel_x & r->rel_bit) ? PR_YES : PR_NO;
}
static inline int pr_atom_condition(const pr_moff *o, const pr_mrel *r)
{
    if (o->cond_x == UINT32_MAX) return PR_YES; /* the target takes any */
    if (r->unknown & PR_RU_CONDITIONS)          /* any non-empty set: shares one unless the target misses some */
        return (o->cond_x & PR_ALL(PR_N_CONDITION)) == PR_ALL(PR_N_CONDITION) ? PR_YES : PR_MAYBE;
    return (o->cond_x & r->cond_x) ? PR_YES : PR_NO;
}
static inline int pr_atom_cared_for_age(const pr_moff *o, const pr_mrel *r)
{
    if (r->cfa_lo < 0) return PR_YES; /* missing: passes */
    return pr_atom_range(r->cfa_lo, r->cfa_hi, o->cfa_min, o->cfa_max);
}
/* Required flag `f` (the target requires it). */
static inline int pr_atom_flag(const pr_mrel *r, unsigned f)
{
    if (r->flags & PR_BIT(f)) return PR_YES;
    return (r->unknown & PR_BIT(f)) ? PR_MAYBE : PR_NO;
}
static inline int pr_atom_bereaved(const pr_moff *o, const pr_mrel *r)
{
    if (o->bereaved == PAROER_BEREAVEMENT_ALSO) return PR_YES;
    if (r->unknown & PR_BIT(PAROER_FLAG_BEREAVED)) return PR_MAYBE;
    return (o->bereaved == PAROER_BEREAVEMENT_ONLY) == (r->bereaved != 0) ? PR_YES : PR_NO;
}
/* Rules 6, 7, 9 (never unknown). */
static inline int pr_atom_mode(const pr_moff *o, const pr_mquery *q) { return (o->modes_x & q->modes_x) ? PR_YES : PR_NO; }
static inline int pr_atom_slot(const pr_moff *o, const pr_mquery *q) { return (o->slots_x & q->slots_x) ? PR_YES : PR_NO; }
static inline int pr_atom_need(const pr_moff *o, const pr_mquery *q) { return (o->needs_x & q->needs_x) ? PR_YES : PR_NO; }

static inline int pr_query_speaks(const pr_mquery *q, uint32_t id)
{
    if (id < 64) return (int)((q->lang_mask >> id) & 1u);
    for (size_t i = 0; i < q->n_lang_hi; i++)
        if (q->lang_hi[i] == id) return 1;
    return 0;
}
/* Rule 8 (never unknown); reads the offer's languages beyond the first. */
static inline int pr_atom_language(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q)
{
    if (pr_query_speaks(q, m->lang0)) return PR_YES;
    for (uint32_t i = 1; i < o->n_languages; i++)
        if (pr_query_speaks(q, o->languages[i])) return PR_YES;
    return PR_NO;
}

/* Rule 5 for a fully known relation: every part at once (the fast paths). */
static inline int pr_rel_known_ok(const pr_moff *o, const pr_mrel *r)
{
    return (o->rel_x & r->rel_bit) && (o->cond_x & r->cond_x) &&
           (r->cfa_lo < 0 || (r->cfa_lo >= o->cfa_min && r->cfa_lo <= o->cfa_max)) &&
           !(o->t_requires & ~r->flags) &&
           (o->bereaved == PAROER_BEREAVEMENT_ALSO || (o->bereaved == PAROER_BEREAVEMENT_ONLY) == (r->bereaved != 0));
}

/* Rule 5 over fully known relations (the fast paths): 1 when some relation
 * passes, with *best the one giving the best score (the first heavy one for
 * an offer that strain lifts, else the first). Same verdict and relation as
 * pr_rules_relations() for a query without unknowns. */
static inline int pr_rules_relations_known(const pr_moff *o, const pr_mquery *q, uint32_t *best)
{
    uint32_t first = PR_NONE;
    const int lifted = (o->flags & PR_MOFF_LIFTED) != 0;
    for (size_t i = 0; i < q->n_rels; i++) {
        const pr_mrel *r = &q->rels[i];
        if (!pr_rel_known_ok(o, r)) continue;
        if (!lifted || r->heavy) { *best = (uint32_t)i; return 1; }
        if (first == PR_NONE) first = (uint32_t)i;
    }
    if (first != PR_NONE) { *best = first; return 1; }
    return 0;
}

/* Per-code predicates for transposed (bit-set) fast paths: whether the
 * offer's atom passes for a relative or relation whose list holds only
 * code `k` (needs, modes, slots: when the relative gives that list). */
static inline int pr_accepts_need(const pr_moff *o, unsigned k) { return (o->needs_x & PR_BIT(k)) != 0; }
static inline int pr_accepts_mode(const pr_moff *o, unsigned k) { return (o->modes_x & PR_BIT(k)) != 0; }
static inline int pr_accepts_slot(const pr_moff *o, unsigned k) { return (o->slots_x & PR_BIT(k)) != 0; }
static inline int pr_accepts_relation(const pr_moff *o, unsigned k) { return (o->rel_x & PR_BIT(k)) != 0; }
static inline int pr_accepts_condition(const pr_moff *o, unsigned k) { return (o->cond_x & PR_BIT(k)) != 0; }
static inline int pr_accepts_any_condition(const pr_moff *o) { return o->cond_x == UINT32_MAX; }
/* ... a relative aged `a`; a relation with cared-for age `a`; with the flags
 * `flags` true (paroer_flag bits, employed included) and no others; bereaved
 * (1) or not (0). */
static inline int pr_accepts_relative_age(const pr_moff *o, int32_t a) { return (uint32_t)a - (uint32_t)o->ra_min <= o->ra_span; }
static inline int pr_accepts_cared_for_age(const pr_moff *o, int32_t a) { return a >= o->cfa_min && a <= o->cfa_max; }
static inline int pr_accepts_flags(const pr_moff *o, uint32_t flags) { return !(o->t_requires & ~flags); }
static inline int pr_accepts_bereaved(const pr_moff *o, int bereaved)
{
    return o->bereaved == PAROER_BEREAVEMENT_ALSO || (o->bereaved == PAROER_BEREAVEMENT_ONLY) == (bereaved != 0);
}

/* ---- outcomes and codes ----------------------------------------------------------- */

/* Exclusion codes: one per distinct contract code string. */
enum {
    PR_EX_PAUSED = 0, PR_EX_INACTIVE, PR_EX_AREA, PR_EX_RELATIVE_AGE, PR_EX_RELATION, PR_EX_CONDITION,
    PR_EX_CARED_FOR_AGE, PR_EX_REQUIRES0, /* + paroer_flag */
    PR_EX_BEREAVED = PR_EX_REQUIRES0 + PR_N_FLAG, PR_EX_MODE, PR_EX_SLOT, PR_EX_LANGUAGE, PR_EX_NEED,
    PR_EX_COUNT
};

/* Reason codes (see the table in rules.c). */
enum {
    PR_RS_NEED0 = 0,                              /* + paroer_need */
    PR_RS_CONDITION0 = PR_RS_NEED0 + PR_N_NEED,   /* + paroer_condition */
    PR_RS_RELATION0 = PR_RS_CONDITION0 + PR_N_CONDITION,
    PR_RS_REQUIRES0 = PR_RS_RELATION0 + PR_N_RELATION,
    PR_RS_BEREAVED = PR_RS_REQUIRES0 + PR_N_FLAG,
    PR_RS_STRAIN_HIGH, PR_RS_WAITLIST, PR_RS_STALE,
    PR_RS_MISSING0,                               /* + PR_FACT_* */
    PR_RS_COUNT = PR_RS_MISSING0 + PR_N_FACT
};
#define PR_MAX_REASONS 48  /* an upper bound on reasons per match (>= PR_RS_COUNT) */

/* Static code strings. */
const char *pr_reason_code(unsigned reason);
const char *pr_exclusion_code(unsigned code);
const char *pr_fact_code(unsigned fact);

/* The verdict of one offer (pr_rules_eval). */
typedef struct pr_verdict {
    int value;             /* PR_YES eligible, PR_NO excluded, PR_MAYBE possible */
    int code;              /* excluded: the PR_EX_ code under the most favourable completion; else -1 */
    uint32_t relation;     /* eligible/possible: the relation matched */
    uint32_t missing;      /* possible: bits of PR_FACT_* that the relation needs */
    int32_t score;         /* eligible/possible: the score under the favourable completion */
} pr_verdict;

/* The reference evaluation: every rule in the contract's order, three-valued.
 * `in_area` is rule 3 (the caller knows the municipality index). Fills *v. */
void pr_rules_eval(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q, int in_area, pr_verdict *v);

/* Rule 5 over all relations, without the score: returns PR_YES, PR_MAYBE or
 * PR_NO; for PR_NO *code is the PR_EX_ code of the furthest relation's
 * failed part (favourable completion). For PR_YES *best is the relation
 * with the best score (the first of equals); PR_MAYBE gives no relation. */
int pr_rules_relations(const pr_moff *o, const pr_mquery *q, uint32_t *best, int *code);

/* The verdict alone (rules 4-9; rules 1-3 are taken as passed): PR_YES,
 * PR_MAYBE or PR_NO, without relation or score. */
int pr_rules_value(const pr_moff *m, const struct paroer_offer *o, const pr_mquery *q);

/* ---- questions (contract 4a) ----------------------------------------------------------
 * A question is one unknown fact: PR_FACT_AGE, PR_FACT_EMPLOYED (relation
 * PR_NONE) or a fact of relation `relation`. */
typedef struct pr_question {
    uint64_t decided;      /* sum over the answers of n(q, a) */
    uint32_t answers;      /* the number of answers */
    uint32_t relation;     /* PR_NONE for age and employed */
    uint8_t fact;          /* PR_FACT_* */
} pr_question;

/* The number of answers of a question about `fact` for query q. */
uint32_t pr_question_answers(const pr_mquery *q, unsigned fact);

/* For one possible offer: the sum over the answers a of question (fact,
 * relation) of [the offer is decided when the fact is a and every other
 * unknown stays unknown]. `w` is a copy of the query whose rels point to
 * `wrels`, a writable copy of the relations; both are restored on return.
 * The answers are taken by classes: the offer's verdict depends on the fact
 * only through one atom (an age within the target's range, a condition among
 * the target's, a flag true), so each class is evaluated once, with one
 * representative, and counted with its size (tests/test_possible.c checks
 * this against every answer one by one). */
uint64_t pr_question_decided(const pr_moff *m, const struct paroer_offer *o, pr_mquery *w, pr_mrel *wrels,
                             unsigned fact, uint32_t relation);

/* The contract's order: higher score (decided / answers, compared exactly)
 * first, then age, employed, then by relation, within one conditions,
 * cared_for_age, cohabiting, cared_at_home, terminal, bereaved. */
static inline int pr_question_before(const pr_question *a, const pr_question *b)
{
    uint64_t l = a->decided * b->answers, r = b->decided * a->answers;
    if (l != r) return l > r;
    uint64_t ra = a->fact < PR_FACT_CONDITIONS ? a->fact : 2 + (uint64_t)a->relation * 6 + (a->fact - 2u);
    uint64_t rb = b->fact < PR_FACT_CONDITIONS ? b->fact : 2 + (uint64_t)b->relation * 6 + (b->fact - 2u);
    return ra < rb;
}

/* ---- the score ---------------------------------------------------------------------- */

/* The score's weights (docs/matching.md, "Score"). Everything is integer
 * arithmetic, so the ranking is the same everywhere. */
enum {
    PR_W_NEED = 200,       /* per stated need the offer serves; more than all other parts can differ */
    PR_W_CONDITION = 20,   /* the target names conditions (so the matched one) */
    PR_W_RELATION = 10,    /* the target names relations (so the matched one) */
    PR_W_REQUIRES = 10,    /* per required flag (all hold for the matched relation) */
    PR_W_BEREAVED = 10,    /* the target is for bereaved relatives only */
    PR_W_STRAIN = 30,      /* heavy strain and a respite_* or counselling offer */
    PR_W_WAITLIST = -40,   /* status waitlist */
    PR_W_STALE = -20       /* verified more than 365 days before the date */
};
#define PR_STALE_DAYS 365

static inline int pr_popcount32(uint32_t v)
{
#if (defined(__GNUC__) || defined(__clang__)) && defined(__POPCNT__)
    return __builtin_popcount(v);
#else
    v = v - ((v >> 1) & 0x55555555u);
    v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
    v = (v + (v >> 4)) & 0x0F0F0F0Fu;
    return (int)((v * 0x01010101u) >> 24);
#endif
}

/* Stale: verified more than 365 days before the date. */
static inline int pr_offer_is_stale(int32_t verified, int32_t date)
{
    return verified != PAROER_DATE_NONE && (int64_t)date - (int64_t)verified > PR_STALE_DAYS;
}

/* The score of an eligible offer for a relative stating `needs` (0 = none)
 * on `date`, matched through a relation under heavy strain or not. This is
 * the population allocation's rank too. */
static inline int32_t pr_rule_score(const pr_moff *o, int32_t date, uint32_t needs, int heavy)
{
    int32_t s = PR_W_NEED * pr_popcount32(o->needs_x & needs & ~PR_ANY_BIT);
    if (pr_moff_conditions(o)) s += PR_W_CONDITION;
    if (pr_moff_relations(o)) s += PR_W_RELATION;
    s += PR_W_REQUIRES * pr_popcount32(o->t_requires);
    if (o->bereaved == PAROER_BEREAVEMENT_ONLY) s += PR_W_BEREAVED;
    if ((o->flags & PR_MOFF_LIFTED) && heavy) s += PR_W_STRAIN;
    if (o->flags & PR_MOFF_WAITLIST) s += PR_W_WAITLIST;
    if (pr_offer_is_stale(o->verified, date)) s += PR_W_STALE;
    return s;
}

/* The relation `r` completed in the way most favourable to offer `o`
 * (contract 4a): unknown conditions become the target's, an unknown
 * bereavement what the target takes (not bereaved for `also`), an unknown
 * `terminal` true when the offer requires it or strain lifts the offer.
 * For a fully known relation, *out = *r. */
void pr_mrel_complete(const pr_moff *o, const pr_mrel *r, pr_mrel *out);

/* Score of an eligible (or possible) offer matched through relation `rel`. */
static inline int32_t pr_match_score(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel)
{
    if (rel->unknown) {
        pr_mrel c;
        pr_mrel_complete(o, rel, &c);
        return pr_rule_score(o, q->date, q->needs, c.heavy);
    }
    return pr_rule_score(o, q->date, q->needs, rel->heavy);
}

/* Writes the reason codes (PR_RS_*) of a match to out[PR_MAX_REASONS]; returns
 * how many: those of the favourable completion, then `missing:<fact>` for each
 * bit of `missing`. */
size_t pr_match_reasons(const pr_moff *o, const pr_mquery *q, const pr_mrel *rel, uint32_t missing, uint8_t *out);

#endif
