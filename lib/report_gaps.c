/* The gaps of a coverage in plain words (paroer_gap_summary, report.h).
 *
 * Each need's uncovered (cell, need) pairs are grouped from the widest
 * statement down: the whole need, an age band, conditions in a band (every
 * relation), and finally the rest relation by relation. Statements equal but
 * for the age band are merged ("pårørende på 0–17 år"). The words of every
 * statement are made once, in both languages and both forms. */
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct pr_gap {
    int32_t need;
    uint32_t bands;
    int32_t relation;          /* -1: every relation */
    uint32_t conditions;
    int all_conditions;
    uint64_t pairs;
    char *text[2][2];          /* [lang][form] */
} pr_gap;

struct paroer_gap_summary {
    paroer_allocator alloc;
    pr_gap *items;
    size_t count, cap;
    size_t cells;
    size_t need_gaps[32];
    int32_t nneed;
};

int paroer_gap_summary_options_init(paroer_gap_summary_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "options are NULL");
    if (version != 1) return pr_error(PAROER_EINVALID, "unknown gap summary options version %u", (unsigned)version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return PAROER_OK;
}

/* Adds a statement, or widens an equal one of the same need to more age bands. */
static int push(paroer_gap_summary *s, pr_gap item)
{
    for (size_t i = 0; i < s->count; i++) {
        pr_gap *e = &s->items[i];
        if (e->need == item.need && e->relation == item.relation && e->conditions == item.conditions &&
            e->all_conditions == item.all_conditions) {
            e->bands |= item.bands;
            e->pairs += item.pairs;
            return PAROER_OK;
        }
    }
    if (pr_grow(&s->alloc, (void **)&s->items, &s->cap, s->count + 1, sizeof *s->items)) return PAROER_ENOMEM;
    s->items[s->count++] = item;
    return PAROER_OK;
}

static uint64_t popcount(uint32_t m)
{
    uint64_t n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

static pr_gap gap(int32_t need, uint32_t bands, int32_t relation, uint32_t conditions, int all, uint64_t pairs)
{
    pr_gap g;
    memset(&g, 0, sizeof g);
    g.need = need;
    g.bands = bands;
    g.relation = relation;
    g.conditions = conditions;
    g.all_conditions = all;
    g.pairs = pairs;
    return g;
}

static int build(paroer_gap_summary *s, const paroer_coverage *cov)
{
    int32_t nneed = paroer_vocab_count(PAROER_VOCAB_NEED), nband = paroer_vocab_count(PAROER_VOCAB_AGE_BAND),
            nrel = paroer_vocab_count(PAROER_VOCAB_RELATION), ncond = paroer_vocab_count(PAROER_VOCAB_CONDITION);
    if (nneed > 32) nneed = 32;
    if (ncond > 31) ncond = 31;
    s->nneed = nneed;
    uint32_t all_conds = (1u << ncond) - 1u, all_bands = (1u << nband) - 1u;
    size_t cells = 0;
    for (int32_t b = 0; b < nband; b++)
        for (int32_t r = 0; r < nrel; r++) cells += pr_rw_cell_exists(b, r) ? (size_t)ncond : 0;
    s->cells = cells;
    for (int32_t n = 0; n < nneed; n++) {
        size_t gaps = 0;
        for (int32_t b = 0; b < nband; b++)
            for (int32_t r = 0; r < nrel; r++)
                for (int32_t c = 0; c < ncond; c++)
                    if (pr_rw_cell_exists(b, r) && paroer_coverage_covered(cov, b, r, c, n) == 0) gaps++;
        s->need_gaps[n] = gaps;
        if (gaps == 0) continue;
        if (gaps == cells) {
            if (push(s, gap(n, all_bands, -1, all_conds, 1, gaps))) return PAROER_ENOMEM;
            continue;
        }
        for (int32_t b = 0; b < nband; b++) {
            size_t band_cells = 0, band_gaps = 0, rels = 0;
            uint32_t full = all_conds; /* conditions without anything for any relation */
            for (int32_t r = 0; r < nrel; r++) {
                if (!pr_rw_cell_exists(b, r)) continue;
                rels++;
                band_cells += (size_t)ncond;
                for (int32_t c = 0; c < ncond; c++) {
                    if (paroer_coverage_covered(cov, b, r, c, n) == 0) band_gaps++;
                    else full &= ~(1u << c);
                }
            }
            if (band_gaps == 0) continue;
            if (band_gaps == band_cells) {
                if (push(s, gap(n, 1u << b, -1, all_conds, 1, band_gaps))) return PAROER_ENOMEM;
                continue;
            }
            if (full && push(s, gap(n, 1u << b, -1, full, 0, popcount(full) * rels))) return PAROER_ENOMEM;
            for (int32_t r = 0; r < nrel; r++) {
                if (!pr_rw_cell_exists(b, r)) continue;
                uint32_t m = 0;
                for (int32_t c = 0; c < ncond; c++)
                    if (!(full & (1u << c)) && paroer_coverage_covered(cov, b, r, c, n) == 0) m |= 1u << c;
                if (!m) continue;
                if (push(s, gap(n, 1u << b, r, m, (m | full) == all_conds, popcount(m)))) return PAROER_ENOMEM;
            }
        }
    }
    return PAROER_OK;
}

/* The words of one statement. */
static void words(const pr_gap *g, int32_t lang, int form, char *buf, size_t size)
{
    char ages[96], who[200], rel[200], conds[1200];
    uint32_t all_bands = (1u << paroer_vocab_count(PAROER_VOCAB_AGE_BAND)) - 1u;
    if (g->bands == all_bands && g->relation < 0 && g->all_conditions) {
        snprintf(buf, size, "%s", pr_tr(lang, "Ingen tilbud til nogen pårørende.", "No offer for any relative."));
        return;
    }
    if (g->bands == all_bands)
        snprintf(ages, sizeof ages, "%s", pr_tr(lang, "pårørende i alle aldre", "relatives of any age"));
    else {
        char a[80];
        snprintf(ages, sizeof ages, pr_tr(lang, "pårørende på %s år", "relatives aged %s"),
                 pr_rw_bands_ages(g->bands, lang, a, sizeof a));
    }
    if (g->relation >= 0)
        snprintf(who, sizeof who, "%s (%s)", ages,
                 pr_rw_label_lc(PAROER_VOCAB_RELATION, g->relation, lang, rel, sizeof rel));
    else
        snprintf(who, sizeof who, "%s", ages);
    if (g->all_conditions) {
        if (g->relation >= 0)
            snprintf(buf, size, pr_tr(lang, "Ingen tilbud til %s, uanset sygdom.", "No offer for %s, whatever the condition."),
                     who);
        else
            snprintf(buf, size, pr_tr(lang, "Ingen tilbud til %s.", "No offer for %s."), who);
        return;
    }
    if (form == PAROER_GAP_TEXT_HEADING) {
        snprintf(buf, size, pr_tr(lang, "Ingen tilbud til %s til mennesker med:", "No offer for %s of people with:"), who);
        return;
    }
    pr_rw_join_mask(PAROER_VOCAB_CONDITION, g->conditions, lang, 1, pr_tr(lang, " eller ", " or "), conds, sizeof conds);
    /* "… autisme, ADHD m.fl." already ends the sentence. */
    size_t n = strlen(conds);
    snprintf(buf, size, pr_tr(lang, "Ingen tilbud til %s til mennesker med %s%s", "No offer for %s of people with %s%s"),
             who, conds, n && conds[n - 1] == '.' ? "" : ".");
}

static int make_words(paroer_gap_summary *s)
{
    char buf[2048];
    for (size_t i = 0; i < s->count; i++)
        for (int lang = 0; lang < 2; lang++)
            for (int form = 0; form < 2; form++) {
                words(&s->items[i], lang, form, buf, sizeof buf);
                s->items[i].text[lang][form] = pr_strndup(&s->alloc, buf, strlen(buf));
                if (!s->items[i].text[lang][form]) return PAROER_ENOMEM;
            }
    return PAROER_OK;
}

int paroer_gap_summary_new(paroer_gap_summary **out, const paroer_coverage *cov,
                           const paroer_gap_summary_options *opts)
{
    if (out) *out = NULL;
    if (!out || !cov) return pr_error(PAROER_EINVALID, "paroer_gap_summary_new: NULL argument");
    if (opts && opts->version != 1)
        return pr_error(PAROER_EINVALID, "unknown gap summary options version %u", (unsigned)opts->version);
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    paroer_gap_summary *s = pr_calloc(&a, 1, sizeof *s);
    if (!s) return pr_error(PAROER_ENOMEM, "out of memory summarising gaps");
    s->alloc = a;
    int rc = paroer_coverage_has_matrix(cov) == 1 ? build(s, cov) : PAROER_OK;
    if (rc == PAROER_OK) rc = make_words(s);
    if (rc != PAROER_OK) {
        paroer_gap_summary_free(s);
        return pr_error(PAROER_ENOMEM, "out of memory summarising gaps");
    }
    *out = s;
    return PAROER_OK;
}

void paroer_gap_summary_free(paroer_gap_summary *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->count; i++)
        for (int l = 0; l < 2; l++)
            for (int f = 0; f < 2; f++) pr_free(&s->alloc, s->items[i].text[l][f]);
    pr_free(&s->alloc, s->items);
    paroer_allocator a = s->alloc;
    pr_free(&a, s);
}

size_t paroer_gap_summary_count(const paroer_gap_summary *s)
{
    return s ? s->count : 0;
}

size_t paroer_gap_summary_cells(const paroer_gap_summary *s)
{
    return s ? s->cells : 0;
}

int paroer_gap_summary_need_gaps(const paroer_gap_summary *s, int32_t need, size_t *gaps)
{
    if (!s || !gaps || need < 0 || need >= paroer_vocab_count(PAROER_VOCAB_NEED) || need >= 32)
        return pr_error(PAROER_EINVALID, "paroer_gap_summary_need_gaps: bad argument");
    *gaps = s->need_gaps[need];
    return PAROER_OK;
}

int paroer_gap_summary_item(const paroer_gap_summary *s, size_t i, int32_t *need, uint32_t *age_bands,
                            int32_t *relation, uint32_t *conditions, int *all_conditions, uint64_t *pairs)
{
    if (!s || i >= s->count) return pr_error(PAROER_EINVALID, "gap statement index out of range");
    const pr_gap *g = &s->items[i];
    if (need) *need = g->need;
    if (age_bands) *age_bands = g->bands;
    if (relation) *relation = g->relation;
    if (conditions) *conditions = g->conditions;
    if (all_conditions) *all_conditions = g->all_conditions;
    if (pairs) *pairs = g->pairs;
    return PAROER_OK;
}

const char *paroer_gap_summary_text(const paroer_gap_summary *s, size_t i, int32_t lang, int32_t form)
{
    if (!s || i >= s->count || (lang != PAROER_LANG_DA && lang != PAROER_LANG_EN) ||
        (form != PAROER_GAP_TEXT_SENTENCE && form != PAROER_GAP_TEXT_HEADING))
        return NULL;
    return s->items[i].text[lang][form];
}
