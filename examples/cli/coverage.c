/* coverage.c - `paroer coverage`: target-group coverage, gaps in plain
 * words, policy goals, the checks and population reach, as text for people
 * or as the contract's JSON (paroer_coverage_to_json()). Also the shared
 * loading and computing used by `paroer report`. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_compute(const cli_opts *o, paroer_catalog **cat, paroer_coverage **cov)
{
    *cat = NULL;
    *cov = NULL;
    if (o->nargs) return cli_usage_error(o->cmd, "unexpected argument '%s'", o->args[0]);
    if (o->ncatalogs == 0 && !o->statutory)
        return cli_usage_error(o->cmd, "no catalog given (use -c FILE... or --statutory)");
    if (o->municipality < 0 && !o->population)
        return cli_usage_error(o->cmd, "give a municipality (-m CODE) or a population (--population FILE.csv)");
    int ex = cli_load_catalog(o, cat);
    if (ex != CLI_OK) return ex;
    /* The population is streamed through the coverage (never held whole). */
    paroer_diagnostics *d = NULL;
    if (o->population && paroer_diagnostics_new(&d, NULL) != PAROER_OK) {
        cli_error("out of memory");
        paroer_catalog_free(*cat);
        *cat = NULL;
        return CLI_INTERNAL;
    }
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    /* the stream keeps only the rows it lists: as many as --max-errors prints (the count stays exact) */
    size_t limit = cli_print_limit(o);
    lo.max_errors = limit >= UINT32_MAX ? UINT32_MAX : (uint32_t)limit;
    if (o->strict) lo.flags |= PAROER_LOAD_STRICT;
    paroer_coverage_options co;
    paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
    co.date = o->date;
    co.municipality = o->municipality;
    co.population_file = o->population;
    co.population_load = &lo;
    co.threads = o->threads;
    if (o->min_cell) co.min_cell = o->min_cell;
    /* The JSON is for machines: its check details stay English unless --lang asks. */
    co.lang = o->lang_given ? o->lang : PAROER_LANG_EN;
    int rc = paroer_coverage_compute(cov, *cat, &co);
    if (o->population) {
        ex = cli_population_report(o, rc, d, rc == PAROER_OK ? paroer_coverage_pop_rejected_rows(*cov) : 0);
        paroer_diagnostics_free(d);
        if (ex != CLI_OK) {
            paroer_coverage_free(*cov);
            *cov = NULL;
            paroer_catalog_free(*cat);
            *cat = NULL;
            return ex;
        }
    }
    if (rc != PAROER_OK) {
        cli_error("coverage failed: %s", paroer_error_last()->message);
        paroer_catalog_free(*cat);
        *cat = NULL;
        return cli_exit_for(rc);
    }
    return CLI_OK;
}

size_t cli_live_offers(const paroer_catalog *cat, int32_t municipality, int32_t date)
{
    size_t n = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(cat); i++)
        if (paroer_offer_is_live(paroer_catalog_offer(cat, i), municipality, date)) n++;
    return n;
}

const paroer_goal *cli_find_goal(const paroer_catalog *cat, const char *policy_id, const char *goal_id)
{
    const paroer_policy *p = policy_id ? paroer_catalog_find_policy(cat, policy_id) : NULL;
    if (!p || !goal_id) return NULL;
    for (size_t i = 0; i < paroer_policy_goal_count(p); i++) {
        const paroer_goal *g = paroer_policy_goal(p, i);
        if (!strcmp(paroer_goal_id(g), goal_id)) return g;
    }
    return NULL;
}

const char *cli_breakdown_label(int32_t breakdown, int32_t code, int32_t lang, char *buf, size_t size)
{
    switch (breakdown) {
    case PAROER_BREAKDOWN_MUNICIPALITY: {
        char name[128];
        if (cli_municipality_name(code, name, sizeof name)) snprintf(buf, size, "%s (%03d)", name, (int)code);
        else snprintf(buf, size, "%03d", (int)code);
        return buf;
    }
    case PAROER_BREAKDOWN_CONDITION: snprintf(buf, size, "%s", cli_label(PAROER_VOCAB_CONDITION, code, lang)); return buf;
    case PAROER_BREAKDOWN_RELATION: snprintf(buf, size, "%s", cli_label(PAROER_VOCAB_RELATION, code, lang)); return buf;
    case PAROER_BREAKDOWN_AGE_BAND: snprintf(buf, size, "%s", cli_label(PAROER_VOCAB_AGE_BAND, code, lang)); return buf;
    default: snprintf(buf, size, "%d", (int)code); return buf;
    }
}

/* Prints a label padded to @p width display columns (UTF-8 aware). */
static void pad(const char *s, int width)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) cols++;
    fputs(s, stdout);
    for (; cols < width; cols++) putchar(' ');
}

static void bar(double share)
{
    int full = (int)(share * 20.0 + 0.5);
    if (full < 0) full = 0;
    if (full > 20) full = 20;
    for (int i = 0; i < 20; i++) fputs(i < full ? "\xE2\x96\x88" : "\xE2\x96\x91", stdout);
}

static void shares(const paroer_coverage *cov, int32_t list, const char *title, int32_t lang)
{
    char pct[32];
    printf("  %s:\n", title);
    for (int32_t v = 0; v < paroer_vocab_count(list); v++) {
        double s = paroer_coverage_share(cov, list, v);
        printf("    ");
        pad(cli_label(list, v, lang), 40);
        printf(" %8s  ", cli_pct(s, lang, pct));
        bar(s);
        putchar('\n');
    }
}

static void print_matrix(const paroer_coverage *cov, const paroer_catalog *cat, int32_t lang)
{
    char pct[32];
    printf("%s: %s %s\n", tr(lang, "Målgruppedækning", "Target-group coverage"),
           cli_pct(paroer_coverage_overall(cov), lang, pct),
           tr(lang, "af alle (målgruppe, behov)-par er dækket af et tilbud",
              "of all (target group, need) pairs are covered by an offer"));
    shares(cov, PAROER_VOCAB_NEED, tr(lang, "Efter behov", "By need"), lang);
    shares(cov, PAROER_VOCAB_CONDITION, tr(lang, "Efter sygdom eller situation", "By condition"), lang);
    shares(cov, PAROER_VOCAB_RELATION, tr(lang, "Efter relation", "By relation"), lang);
    shares(cov, PAROER_VOCAB_AGE_BAND, tr(lang, "Efter alder", "By age band"), lang);

    paroer_gap_summary *g = NULL;
    if (paroer_gap_summary_new(&g, cov, NULL) != PAROER_OK) { cli_error("out of memory"); return; }
    printf("\n%s (%zu %s):\n", tr(lang, "Huller", "Gaps"), paroer_coverage_gap_count(cov),
           tr(lang, "par uden tilbud", "pairs without an offer"));
    if (paroer_gap_summary_count(g) == 0)
        printf("  %s\n", tr(lang, "Ingen: alle behov er dækket for alle målgrupper.",
                            "None: every need is covered for every target group."));
    int32_t last_need = -1;
    for (size_t i = 0; i < paroer_gap_summary_count(g); i++) {
        int32_t need;
        size_t gaps = 0;
        paroer_gap_summary_item(g, i, &need, NULL, NULL, NULL, NULL, NULL);
        if (need != last_need) {
            last_need = need;
            paroer_gap_summary_need_gaps(g, need, &gaps);
            printf("  %s (%zu %s %zu):\n", cli_label(PAROER_VOCAB_NEED, need, lang), gaps, tr(lang, "af", "of"),
                   paroer_gap_summary_cells(g));
        }
        printf("    - %s\n", paroer_gap_summary_text(g, i, lang, PAROER_GAP_TEXT_SENTENCE));
    }
    paroer_gap_summary_free(g);

    /* Offers that take bereaved relatives, by need. */
    int any = 0;
    for (int32_t n = 0; n < paroer_vocab_count(PAROER_VOCAB_NEED); n++) {
        size_t k = paroer_coverage_bereavement_count(cov, n);
        if (!k) continue;
        if (!any) printf("\n%s:\n", tr(lang, "Tilbud til efterladte, efter behov", "Offers for the bereaved, by need"));
        any = 1;
        printf("  %s: ", cli_label(PAROER_VOCAB_NEED, n, lang));
        for (size_t j = 0; j < k; j++) {
            const char *id = paroer_coverage_bereavement_offer(cov, n, j);
            const paroer_offer *of = paroer_catalog_find_offer(cat, id);
            printf("%s%s", j ? "; " : "", of ? paroer_offer_name(of) : id);
        }
        putchar('\n');
    }
    if (!any) printf("\n%s\n", tr(lang, "Tilbud til efterladte: ingen.", "Offers for the bereaved: none."));
}

static void print_policy(const paroer_coverage *cov, const paroer_catalog *cat, int32_t lang)
{
    const char *pid = paroer_coverage_policy_id(cov);
    if (!pid) {
        printf("\n%s\n", tr(lang, "Pårørendepolitik: kommunen har ingen i kataloget.",
                            "Relatives' policy: the municipality has none in the catalog."));
        return;
    }
    const paroer_policy *pol = paroer_catalog_find_policy(cat, pid);
    printf("\n%s: %s [%s]\n", tr(lang, "Pårørendepolitik", "Relatives' policy"), pol ? paroer_policy_title(pol) : pid, pid);
    size_t n = paroer_coverage_goal_count(cov), org = 0;
    for (size_t i = 0; i < n; i++) {
        const char *gid = paroer_coverage_goal_id(cov, i);
        const paroer_goal *g = cli_find_goal(cat, pid, gid);
        if (paroer_coverage_goal_organisational(cov, i) == 1) { org++; continue; }
        size_t k = paroer_coverage_goal_realised_count(cov, i);
        printf("  %s %s [%s]\n", k ? "\xE2\x9C\x93" : "\xE2\x9C\x97", g ? paroer_goal_title(g) : gid, gid);
        if (!k) {
            printf("      %s\n", tr(lang, "Intet tilbud realiserer målet.", "No offer realises this goal."));
            continue;
        }
        printf("      %s %zu %s: ", tr(lang, "Realiseres af", "Realised by"), k, tr(lang, "tilbud", k == 1 ? "offer" : "offers"));
        for (size_t j = 0; j < k; j++) {
            const char *oid = paroer_coverage_goal_realised_by(cov, i, j);
            const paroer_offer *of = paroer_catalog_find_offer(cat, oid);
            printf("%s%s", j ? "; " : "", of ? paroer_offer_name(of) : oid);
        }
        putchar('\n');
    }
    if (org) {
        printf("  %s:\n", tr(lang, "Organisatoriske mål (kan ikke realiseres af et tilbud)",
                             "Organisational goals (no offer can realise them)"));
        for (size_t i = 0; i < n; i++) {
            if (paroer_coverage_goal_organisational(cov, i) != 1) continue;
            const char *gid = paroer_coverage_goal_id(cov, i);
            const paroer_goal *g = cli_find_goal(cat, pid, gid);
            printf("    - %s [%s]\n", g ? paroer_goal_title(g) : gid, gid);
        }
    }
}

static void print_checks(const paroer_coverage *cov, int32_t lang)
{
    printf("\n%s:\n", tr(lang, "Tjek", "Checks"));
    static const char *const words[] = {"PASS", "WARN", "FAIL"};
    for (size_t i = 0; i < paroer_coverage_check_count(cov); i++) {
        int32_t st = paroer_coverage_check_status(cov, i);
        const char *code = paroer_coverage_check_code(cov, i);
        const char *detail = paroer_coverage_check_detail(cov, i, lang);
        printf("  [%s] %s\n", st >= 0 && st <= 2 ? words[st] : "?", cli_check_name(code, lang));
        printf("         %s%s(%s)\n", detail ? detail : "", detail && detail[0] ? " " : "", code);
    }
}

static void print_population(const paroer_coverage *cov, const cli_opts *o, int32_t lang)
{
    char pct[32], pct2[32], label[256];
    uint64_t n = paroer_coverage_pop_relatives(cov);
    double dn = n ? (double)n : 1.0;
    printf("\n%s (%s): %llu %s, %llu %s\n", tr(lang, "Befolkning", "Population"), o->population,
           (unsigned long long)n, tr(lang, "pårørende", "relatives"),
           (unsigned long long)paroer_coverage_pop_rejected_rows(cov), tr(lang, "afviste rækker", "rejected rows"));
    unsigned min_cell = o->min_cell ? o->min_cell : PAROER_COVERAGE_MIN_CELL_DEFAULT;
    if (paroer_coverage_pop_suppressed(cov))
        printf("  %s (%u)\n", tr(lang, "Tallene vises ikke: færre pårørende end grænsen for små grupper",
                                  "Figures withheld: fewer relatives than the small-group threshold"), min_cell);
    else
    printf("  %s: %s (%llu)   %s: %s (%llu)\n", tr(lang, "Har mindst ét tilbud", "Reached by an offer"),
           cli_pct((double)paroer_coverage_pop_reached(cov) / dn, lang, pct),
           (unsigned long long)paroer_coverage_pop_reached(cov), tr(lang, "Alle behov dækket", "Every need met"),
           cli_pct((double)paroer_coverage_pop_needs_met(cov) / dn, lang, pct2),
           (unsigned long long)paroer_coverage_pop_needs_met(cov));
    static const int32_t bds[] = {PAROER_BREAKDOWN_MUNICIPALITY, PAROER_BREAKDOWN_CONDITION,
                                  PAROER_BREAKDOWN_RELATION, PAROER_BREAKDOWN_AGE_BAND};
    const char *titles[] = {tr(lang, "Efter kommune", "By municipality"),
                            tr(lang, "Efter sygdom eller situation", "By condition"),
                            tr(lang, "Efter relation", "By relation"), tr(lang, "Efter alder", "By age band")};
    for (size_t b = 0; b < 4; b++) {
        size_t cells = paroer_coverage_breakdown_count(cov, bds[b]);
        if (!cells) continue;
        printf("  %s:\n", titles[b]);
        for (size_t i = 0; i < cells; i++) {
            int32_t code;
            uint64_t rel, reached, met;
            int shown = paroer_coverage_breakdown_cell(cov, bds[b], i, &code, &rel, &reached, &met);
            if (shown < 0) continue;
            printf("    ");
            pad(cli_breakdown_label(bds[b], code, lang, label, sizeof label), 40);
            if (!shown) {
                printf(" %s %u)\n", tr(lang, "skjult (færre end", "suppressed (fewer than"), min_cell);
                continue;
            }
            double d = rel ? (double)rel : 1.0;
            printf(" %6llu  %s %8s  %s %8s\n", (unsigned long long)rel, tr(lang, "nået", "reached"),
                   cli_pct((double)reached / d, lang, pct), tr(lang, "behov dækket", "needs met"),
                   cli_pct((double)met / d, lang, pct2));
        }
    }
    size_t nu = paroer_coverage_unmet_count(cov);
    if (nu) {
        printf("  %s:\n", tr(lang, "Hyppigste udækkede behov", "Most common unmet needs"));
        for (size_t i = 0; i < nu; i++) {
            int32_t need, cond;
            uint64_t k;
            if (paroer_coverage_unmet(cov, i, &need, &cond, &k) != PAROER_OK) continue;
            printf("    %s \xC2\xB7 %s: %llu %s\n", cli_label(PAROER_VOCAB_NEED, need, lang),
                   cli_label(PAROER_VOCAB_CONDITION, cond, lang), (unsigned long long)k, tr(lang, "pårørende", "relatives"));
        }
    }
    size_t na = paroer_coverage_allocation_count(cov);
    if (na) {
        printf("  %s:\n", tr(lang, "Pladser (tilbud med kapacitet, de hårdest belastede først)",
                             "Places (offers with a capacity, heaviest strain first)"));
        for (size_t i = 0; i < na; i++) {
            const char *id;
            int64_t capy;
            uint64_t served, wait;
            if (paroer_coverage_allocation(cov, i, &id, &capy, &served, &wait) != PAROER_OK) continue;
            printf(tr(lang, "    %s: %lld pladser, %llu fik plads, %llu på venteliste\n",
                      "    %s: %lld places, %llu served, %llu wait-listed\n"),
                   id, (long long)capy, (unsigned long long)served, (unsigned long long)wait);
        }
    }
}

int cli_coverage(const cli_opts *o)
{
    paroer_catalog *cat = NULL;
    paroer_coverage *cov = NULL;
    int ex = cli_compute(o, &cat, &cov);
    if (ex != CLI_OK) return ex;
    if (o->format == CLI_JSON) {
        char *text = NULL;
        int rc = paroer_coverage_to_json(cov, &text, NULL);
        if (rc != PAROER_OK) {
            cli_error("cannot write the coverage as JSON: %s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
        } else {
            puts(text);
            paroer_free(text);
        }
        paroer_coverage_free(cov);
        paroer_catalog_free(cat);
        return ex;
    }
    int32_t lang = o->lang;
    char d[16], name[128];
    int32_t m = paroer_coverage_municipality(cov);
    int32_t date = paroer_coverage_date(cov);
    if (m >= 0) {
        const char *nm = cli_municipality_name(m, name, sizeof name);
        printf("%s %s%s(%03d), %s\n", tr(lang, "Dækning for", "Coverage for"), nm ? nm : "", nm ? " " : "",
               (int)m, cli_date(date, d));
        printf("%s: %zu %s, %zu %s\n\n", tr(lang, "Katalog", "Catalog"), paroer_catalog_offer_count(cat),
               tr(lang, "tilbud", "offers"), cli_live_offers(cat, m, date),
               tr(lang, "gælder i kommunen på datoen", "live in the municipality on the date"));
    } else {
        printf("%s, %s\n", tr(lang, "Landsdækkende rækkevidde", "National reach"), cli_date(date, d));
    }
    if (paroer_coverage_has_matrix(cov)) {
        print_matrix(cov, cat, lang);
        print_policy(cov, cat, lang);
        print_checks(cov, lang);
    }
    if (paroer_coverage_has_population(cov)) print_population(cov, o, lang);
    paroer_coverage_free(cov);
    paroer_catalog_free(cat);
    return CLI_OK;
}
