/* overview.c - `paroer overview`: the national overview (contract section 6a)
 * of every municipality, as a text table for people, the contract's JSON or
 * CSV (paroer_overview_to_json / _to_csv), or with -o one HTML page
 * (paroer_overview_html). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Prints @p s padded to @p width display columns (UTF-8 aware), left or right aligned. */
static void cell(const char *s, int width, int right)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) cols++;
    if (right)
        for (int i = cols; i < width; i++) putchar(' ');
    fputs(s, stdout);
    if (!right)
        for (int i = cols; i < width; i++) putchar(' ');
}

static const char *mark(int32_t status)
{
    switch (status) {
    case PAROER_CHECK_PASS: return "\xE2\x9C\x93"; /* ✓ */
    case PAROER_CHECK_WARN: return "!";
    case PAROER_CHECK_FAIL: return "\xE2\x9C\x97"; /* ✗ */
    default: return "?";
    }
}

/* Short column heads of the six checks, in the contract's order. */
static const char *check_head(size_t k, int32_t lang)
{
    static const char *const da[] = {"Afl", "Pol", "Gæl", "Hpl", "Børn", "Vejl"};
    static const char *const en[] = {"Resp", "Pol", "Curr", "Plan", "Chld", "Cnsl"};
    return k < 6 ? tr(lang, da[k], en[k]) : "?";
}

static void print_text(const paroer_overview *ov, const paroer_catalog *cat, int32_t lang)
{
    char buf[64], pct[32];
    size_t n = paroer_overview_count(ov);
    printf("%s, %s\n", tr(lang, "Landsoverblik over tilbud til pårørende", "National overview of offers for relatives"),
           cli_date(paroer_overview_date(ov), buf));
    printf(tr(lang, "Katalog: %zu tilbud; %zu kommuner, %zu med mindst ét lokalt tilbud\n\n",
              "Catalog: %zu offers; %zu municipalities, %zu with at least one local offer\n\n"),
           paroer_catalog_offer_count(cat), n, paroer_overview_summary_with_local_offers(ov));

    cell(tr(lang, "Kode", "Code"), 4, 1);
    putchar(' ');
    cell(tr(lang, "Kommune", "Municipality"), 18, 0);
    cell(tr(lang, "Tilbud", "Offers"), 7, 1);
    cell(tr(lang, "Lokale", "Local"), 7, 1);
    cell(tr(lang, "Dækning", "Coverage"), 10, 1);
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) cell(check_head(k, lang), 5, 1);
    cell(tr(lang, "Mål", "Goals"), 6, 1);
    cell(tr(lang, "Urealiseret", "Unrealised"), 12, 1);
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%03d", (int)paroer_overview_municipality(ov, i));
        cell(buf, 4, 1);
        putchar(' ');
        cell(paroer_overview_name(ov, i), 18, 0);
        snprintf(buf, sizeof buf, "%zu", paroer_overview_offers_live(ov, i));
        cell(buf, 7, 1);
        snprintf(buf, sizeof buf, "%zu", paroer_overview_local_offers(ov, i));
        cell(buf, 7, 1);
        cell(cli_pct(paroer_overview_coverage_overall(ov, i), lang, pct), 10, 1);
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) cell(mark(paroer_overview_check_status(ov, i, k)), 5, 1);
        if (paroer_overview_policy_id(ov, i)) {
            snprintf(buf, sizeof buf, "%zu", paroer_overview_goals(ov, i));
            cell(buf, 6, 1);
            snprintf(buf, sizeof buf, "%zu", paroer_overview_goals_unrealised(ov, i));
            cell(buf, 12, 1);
        } else {
            cell("-", 6, 1);
            cell("-", 12, 1);
        }
        putchar('\n');
    }
    printf("\n%s", tr(lang, "Tegn: \xE2\x9C\x93 opfyldt, ! advarsel, \xE2\x9C\x97 ikke opfyldt; - ingen pårørendepolitik.",
                      "Marks: \xE2\x9C\x93 pass, ! warning, \xE2\x9C\x97 fail; - no relatives' policy."));
    printf("\n%s", tr(lang, "Kolonner:", "Columns:"));
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
        printf("%s %s = %s", k ? ";" : "", check_head(k, lang), cli_check_name(paroer_overview_check_code(k), lang));
    printf(".\n");

    /* the summary */
    printf("\n%s (%zu %s)\n", tr(lang, "Opsummering", "Summary"), n, tr(lang, "kommuner", "municipalities"));
    printf("  %-52s %8s %8s %8s\n", tr(lang, "Check", "Check"), cli_status_word(PAROER_CHECK_PASS, lang),
           tr(lang, "Advarsel", "Warning"), tr(lang, "Ikke opf.", "Fail"));
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        printf("  ");
        cell(cli_check_name(paroer_overview_check_code(k), lang), 52, 0);
        for (int32_t st = PAROER_CHECK_PASS; st <= PAROER_CHECK_FAIL; st++)
            printf(" %8zu", paroer_overview_summary_checks(ov, k, st));
        putchar('\n');
    }
    printf("  %s\n", tr(lang, "Kommuner med et aktuelt lokalt tilbud af hver slags:",
                        "Municipalities with a live local offer of each kind:"));
    for (int32_t kind = 0; kind < paroer_vocab_count(PAROER_VOCAB_OFFER_KIND); kind++) {
        printf("    ");
        cell(cli_label(PAROER_VOCAB_OFFER_KIND, kind, lang), 50, 0);
        printf(" %8zu\n", paroer_overview_summary_by_kind(ov, kind));
    }
    size_t none = n - paroer_overview_summary_with_local_offers(ov);
    printf("  %s (%zu):", tr(lang, "Uden noget lokalt tilbud i kataloget", "Without any local offer in the catalog"),
           none);
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        if (paroer_overview_local_offers(ov, i)) continue;
        printf("%s%s", col ? ", " : " ", paroer_overview_name(ov, i)[0] ? paroer_overview_name(ov, i) : "?");
        col++;
    }
    printf("%s\n", none ? "." : tr(lang, " ingen.", " none."));
}

/* -o: the HTML page. */
static int cli_write_overview_page(const cli_opts *o, const paroer_overview *ov)
{
    char *html = NULL;
    size_t len = 0;
    int rc = paroer_overview_to_html(ov, o->lang, &html, &len);
    if (rc != PAROER_OK) {
        cli_error("cannot write the page: %s", paroer_error_last()->message);
        return cli_exit_for(rc);
    }
    sbuf b = {html, len, len + 1, 0};
    int ex = sb_write_file(&b, o->output);
    paroer_free(html);
    return ex;
}

int cli_overview(const cli_opts *o)
{
    if (o->nargs) return cli_usage_error(o->cmd, "unexpected argument '%s'", o->args[0]);
    if (o->ncatalogs == 0 && !o->statutory)
        return cli_usage_error(o->cmd, "no catalog given (use -c FILE... or --statutory)");
    if (o->output && o->format != CLI_TEXT)
        return cli_usage_error(o->cmd, "-o writes the HTML page; --format json or csv prints on stdout");
    paroer_catalog *cat = NULL;
    int ex = cli_load_catalog(o, &cat);
    if (ex != CLI_OK) return ex;
    paroer_overview_options oo;
    paroer_overview_options_init(&oo, PAROER_OVERVIEW_OPTIONS_VERSION);
    oo.date = o->date;
    paroer_overview *ov = NULL;
    int rc = paroer_overview_compute(&ov, cat, &oo);
    if (rc != PAROER_OK) {
        cli_error("overview failed: %s", paroer_error_last()->message);
        paroer_catalog_free(cat);
        return cli_exit_for(rc);
    }
    ex = CLI_OK;
    if (o->output) {
        ex = cli_write_overview_page(o, ov);
    } else if (o->format == CLI_TEXT) {
        print_text(ov, cat, o->lang);
    } else {
        char *text = NULL;
        size_t len = 0;
        rc = o->format == CLI_JSON ? paroer_overview_to_json(ov, &text, &len) : paroer_overview_to_csv(ov, &text, &len);
        if (rc != PAROER_OK) {
            cli_error("cannot write the overview: %s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
        } else {
            fwrite(text, 1, len, stdout);
            if (o->format == CLI_JSON) putchar('\n');
            paroer_free(text);
        }
    }
    paroer_overview_free(ov);
    paroer_catalog_free(cat);
    return ex;
}
