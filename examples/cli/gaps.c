/* gaps.c - the uncovered (cell, need) pairs of a coverage, summarised so a
 * person can read them: "Pause og aflastning: ingen tilbud til pårørende på
 * 13–17 år". Each need's gaps are grouped from the widest statement down:
 * the whole need, an age band, conditions in a band (every relation), and
 * finally the rest relation by relation. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_cell_exists(int32_t band, int32_t rel)
{
    if (band <= PAROER_AGE_BAND_YOUTH && (rel == PAROER_RELATION_SPOUSE_PARTNER || rel == PAROER_RELATION_PARENT))
        return 0;
    return 1;
}

/* Adds a statement, or widens an equal one of the same need to more age bands. */
static int push(cli_gaps *g, size_t *cap, cli_gap item)
{
    for (size_t i = 0; i < g->count; i++) {
        cli_gap *e = &g->items[i];
        if (e->need == item.need && e->relation == item.relation && e->conditions == item.conditions &&
            e->all_conditions == item.all_conditions) {
            e->bands |= item.bands;
            e->pairs += item.pairs;
            return 0;
        }
    }
    if (g->count == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        cli_gap *p = realloc(g->items, nc * sizeof *p);
        if (!p) return -1;
        g->items = p;
        *cap = nc;
    }
    g->items[g->count++] = item;
    return 0;
}

static int popcount(uint32_t m)
{
    int n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

int cli_gaps_build(const paroer_coverage *cov, cli_gaps *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    int32_t nneed = paroer_vocab_count(PAROER_VOCAB_NEED), nband = paroer_vocab_count(PAROER_VOCAB_AGE_BAND),
            nrel = paroer_vocab_count(PAROER_VOCAB_RELATION), ncond = paroer_vocab_count(PAROER_VOCAB_CONDITION);
    if (nneed > 16) nneed = 16;
    if (ncond > 31) ncond = 31;
    uint32_t all_conds = (1u << ncond) - 1u;
    uint32_t all_bands = (1u << nband) - 1u;
    size_t cells = 0;
    for (int32_t b = 0; b < nband; b++)
        for (int32_t r = 0; r < nrel; r++) cells += cli_cell_exists(b, r) ? (size_t)ncond : 0;
    out->need_pairs = cells;

    for (int32_t n = 0; n < nneed; n++) {
        size_t gaps = 0;
        for (int32_t b = 0; b < nband; b++)
            for (int32_t r = 0; r < nrel; r++)
                for (int32_t c = 0; c < ncond; c++)
                    if (cli_cell_exists(b, r) && paroer_coverage_covered(cov, b, r, c, n) == 0) gaps++;
        out->gap_pairs[n] = gaps;
        if (gaps == 0) continue;
        if (gaps == cells) {
            if (push(out, &cap, (cli_gap){n, all_bands, -1, all_conds, 1, gaps})) goto oom;
            continue;
        }
        for (int32_t b = 0; b < nband; b++) {
            size_t band_cells = 0, band_gaps = 0;
            uint32_t full = all_conds; /* conditions without anything for any relation */
            for (int32_t r = 0; r < nrel; r++) {
                if (!cli_cell_exists(b, r)) continue;
                band_cells += (size_t)ncond;
                for (int32_t c = 0; c < ncond; c++) {
                    if (paroer_coverage_covered(cov, b, r, c, n) == 0) band_gaps++;
                    else full &= ~(1u << c);
                }
            }
            if (band_gaps == 0) continue;
            if (band_gaps == band_cells) {
                if (push(out, &cap, (cli_gap){n, 1u << b, -1, all_conds, 1, band_gaps})) goto oom;
                continue;
            }
            size_t rels = 0;
            for (int32_t r = 0; r < nrel; r++) rels += cli_cell_exists(b, r) ? 1 : 0;
            if (full && push(out, &cap, (cli_gap){n, 1u << b, -1, full, 0, (size_t)popcount(full) * rels})) goto oom;
            for (int32_t r = 0; r < nrel; r++) {
                if (!cli_cell_exists(b, r)) continue;
                uint32_t m = 0;
                for (int32_t c = 0; c < ncond; c++)
                    if (!(full & (1u << c)) && paroer_coverage_covered(cov, b, r, c, n) == 0) m |= 1u << c;
                if (!m) continue;
                if (push(out, &cap, (cli_gap){n, 1u << b, r, m, (m | full) == all_conds, (size_t)popcount(m)})) goto oom;
            }
        }
    }
    return 0;
oom:
    cli_gaps_free(out);
    return -1;
}

void cli_gaps_free(cli_gaps *g)
{
    free(g->items);
    memset(g, 0, sizeof *g);
}

/* The ages of a set of bands: "0–17", "18+", "0–12 og 30–64"; "" for every age. */
static const char *bands_ages(uint32_t bands, int32_t lang, char *buf, size_t size)
{
    int32_t nband = paroer_vocab_count(PAROER_VOCAB_AGE_BAND);
    size_t len = 0;
    int runs = 0, total = 0;
    buf[0] = '\0';
    for (int32_t b = 0; b < nband; b++)
        if ((bands >> b) & 1u && !((b > 0) && ((bands >> (b - 1)) & 1u))) total++;
    for (int32_t b = 0; b < nband; b++) {
        if (!((bands >> b) & 1u) || (b > 0 && ((bands >> (b - 1)) & 1u))) continue;
        int32_t e = b;
        while (e + 1 < nband && ((bands >> (e + 1)) & 1u)) e++;
        int32_t lo, hi, lo2, hi2;
        paroer_age_band_range(b, &lo, &hi2);
        paroer_age_band_range(e, &lo2, &hi);
        const char *sep = runs == 0 ? "" : (runs == total - 1 ? tr(lang, " og ", " and ") : ", ");
        int w = hi == INT32_MAX ? snprintf(buf + len, size - len, "%s%d+", sep, (int)lo)
                                : snprintf(buf + len, size - len, "%s%d\xE2\x80\x93%d", sep, (int)lo, (int)hi);
        if (w < 0 || (size_t)w >= size - len) break;
        len += (size_t)w;
        runs++;
        b = e;
    }
    return buf;
}

const char *cli_gap_words(const cli_gap *g, int32_t lang, char *buf, size_t size)
{
    char ages[96], who[160], rel[160], conds[1200];
    uint32_t all_bands = (1u << paroer_vocab_count(PAROER_VOCAB_AGE_BAND)) - 1u;
    if (g->bands == all_bands && g->relation < 0 && g->all_conditions) {
        snprintf(buf, size, "%s", tr(lang, "ingen tilbud til nogen pårørende", "no offer for any relative"));
        return buf;
    }
    if (g->bands == all_bands) snprintf(who, sizeof who, "%s", tr(lang, "pårørende i alle aldre", "relatives of any age"));
    else snprintf(who, sizeof who, tr(lang, "pårørende på %s år", "relatives aged %s"),
                  bands_ages(g->bands, lang, ages, sizeof ages));
    cli_join_mask(PAROER_VOCAB_CONDITION, g->conditions, lang, 1, tr(lang, " eller ", " or "), conds, sizeof conds);
    if (g->relation < 0) {
        if (g->all_conditions)
            snprintf(buf, size, tr(lang, "ingen tilbud til %s", "no offer for %s"), who);
        else
            snprintf(buf, size, tr(lang, "ingen tilbud til %s til mennesker med %s", "no offer for %s of people with %s"),
                     who, conds);
        return buf;
    }
    cli_label_lc(PAROER_VOCAB_RELATION, g->relation, lang, rel, sizeof rel);
    if (g->all_conditions)
        snprintf(buf, size, tr(lang, "ingen tilbud til %s (%s), uanset sygdom", "no offer for %s (%s), whatever the condition"),
                 who, rel);
    else
        snprintf(buf, size, tr(lang, "ingen tilbud til %s (%s) til mennesker med %s", "no offer for %s (%s) of people with %s"),
                 who, rel, conds);
    return buf;
}
