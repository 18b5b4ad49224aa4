/* match.c - `paroer match`: the offers that fit one relative, best first,
 * with the reasons in words, and (--explain) why the others do not fit.
 *
 * This is the only subcommand that prints anything about a relative: the
 * pseudonym and which of its relations an offer fits, on stdout, because the
 * user asked for exactly that. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void print_offer(const paroer_match_result *res, const paroer_catalog *cat, const paroer_relative *rel,
                        size_t i, int32_t lang)
{
    const paroer_offer *of = paroer_match_result_offer(res, i);
    char buf[1024], tmp[256];
    printf("%2zu. %s\n", i + 1, paroer_offer_name(of));

    const paroer_provider *pv = paroer_offer_provider(of, cat);
    printf("    %s", cli_label(PAROER_VOCAB_OFFER_KIND, paroer_offer_kind(of), lang));
    if (pv)
        printf(" \xC2\xB7 %s (%s)", paroer_provider_name(pv),
               cli_label_lc(PAROER_VOCAB_PROVIDER_KIND, paroer_provider_kind(pv), lang, tmp, sizeof tmp));
    printf("  [%s]\n", paroer_offer_id(of));

    int32_t ri = paroer_match_result_relation(res, i);
    printf("    %s %d", tr(lang, "Point:", "Score:"), (int)paroer_match_result_score(res, i));
    if (ri >= 0) {
        printf(" \xC2\xB7 %s %d (%s)", tr(lang, "gælder din relation", "fits your relation"), (int)ri + 1,
               cli_label_lc(PAROER_VOCAB_RELATION, paroer_relative_relation_kind(rel, (size_t)ri), lang, tmp,
                            sizeof tmp));
    }
    putchar('\n');

    /* The reasons without the missing:* ones (never below zero). */
    size_t n_all = paroer_match_result_reason_count(res, i), n_miss = paroer_match_result_missing_count(res, i);
    size_t nr = n_all > n_miss ? n_all - n_miss : 0;
    if (nr > 0) {
        const char *codes[64];
        if (nr > 64) nr = 64;
        size_t got = 0;
        for (size_t k = 0; k < nr; k++) {
            const char *code = paroer_match_result_reason(res, i, k);
            if (code) codes[got++] = code;
        }
        nr = got;
        printf("    %s %s\n", tr(lang, "Hvorfor:", "Why:"), cli_reasons_sentence(codes, nr, lang, buf, sizeof buf));
    }
    size_t nm = paroer_match_result_missing_count(res, i);
    if (nm > 0) { /* a possible offer: what is still to be asked */
        printf("    %s", tr(lang, "Afhænger af:", "Depends on:"));
        for (size_t k = 0; k < nm; k++)
            printf("%s%s", k ? ", " : " ", cli_fact_words(paroer_match_result_missing(res, i, k), lang));
        putchar('\n');
    }

    /* How: modes, slots, access, cost. */
    printf("    %s %s", tr(lang, "Sådan:", "How:"),
           cli_join_mask(PAROER_VOCAB_MODE, paroer_offer_modes(of), lang, 1, ", ", buf, sizeof buf));
    if (paroer_offer_slots(of))
        printf(" \xC2\xB7 %s", cli_join_mask(PAROER_VOCAB_SLOT, paroer_offer_slots(of), lang, 1, ", ", buf, sizeof buf));
    printf(" \xC2\xB7 %s", cli_label_lc(PAROER_VOCAB_ACCESS, paroer_offer_access(of), lang, tmp, sizeof tmp));
    int free_ = paroer_offer_cost_free(of);
    double price = paroer_offer_price_dkk(of);
    if (free_ == 1) printf(" \xC2\xB7 %s", tr(lang, "gratis", "free"));
    else if (!isnan(price) && price >= 0 && price < 1e15)   /* whole kroner, locale-free */
        printf(" \xC2\xB7 %s %lld kr.", tr(lang, "pris", "price"), (long long)(price + 0.5));
    if (paroer_offer_status(of) == PAROER_STATUS_WAITLIST) printf(" \xC2\xB7 %s", tr(lang, "venteliste", "waiting list"));
    putchar('\n');

    const char *phone = paroer_offer_contact_phone(of), *mail = paroer_offer_contact_email(of),
               *url = paroer_offer_contact_url(of);
    if (phone || mail || url) {
        printf("    %s", tr(lang, "Kontakt:", "Contact:"));
        const char *sep = " ";
        if (phone) { printf("%s%s %s", sep, tr(lang, "tlf.", "phone"), phone); sep = " \xC2\xB7 "; }
        if (mail) { printf("%s%s", sep, mail); sep = " \xC2\xB7 "; }
        if (url) printf("%s%s", sep, url);
        putchar('\n');
    }
    const char *src = paroer_offer_source(of);
    char d[16];
    if (src || paroer_offer_verified(of) != PAROER_DATE_NONE) {
        printf("    %s", tr(lang, "Kilde:", "Source:"));
        if (src) printf(" %s", src);
        if (paroer_offer_verified(of) != PAROER_DATE_NONE)
            printf(" (%s %s)", tr(lang, "bekræftet", "verified"), cli_date(paroer_offer_verified(of), d));
        putchar('\n');
    }
}

static void print_excluded(const paroer_match_result *res, int32_t lang)
{
    size_t n = paroer_match_result_excluded_count(res);
    if (n == 0) return;
    printf("\n%s (%zu):\n", tr(lang, "Tilbud der ikke passer, efter den første regel der ikke holder",
                               "Offers that do not fit, by the first rule that fails"), n);
    char *done = calloc(n, 1);
    if (!done) return;
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        const char *code = paroer_match_result_excluded_code(res, i);
        size_t count = 0;
        for (size_t j = i; j < n; j++)
            if (!done[j] && !strcmp(paroer_match_result_excluded_code(res, j), code)) count++;
        char words[512];
        cli_rule_words(paroer_match_result_excluded_rule(res, i), paroer_match_result_excluded_flag(res, i),
                       paroer_match_result_excluded_offer(res, i), lang, words, sizeof words);
        printf("\n  %s [%s] (%zu):\n", words, code, count);
        for (size_t j = i; j < n; j++) {
            if (done[j] || strcmp(paroer_match_result_excluded_code(res, j), code) != 0) continue;
            done[j] = 1;
            const paroer_offer *of = paroer_match_result_excluded_offer(res, j);
            /* The bereaved rule reads differently per offer (only / not for the bereaved). */
            if (paroer_match_result_excluded_rule(res, j) == PAROER_RULE_BEREAVED) {
                cli_rule_words(PAROER_RULE_BEREAVED, -1, of, lang, words, sizeof words);
                printf("    - %s [%s]: %s\n", paroer_offer_name(of), paroer_offer_id(of), words);
            } else {
                printf("    - %s [%s]\n", paroer_offer_name(of), paroer_offer_id(of));
            }
        }
    }
    free(done);
}

static int eligible_none(const paroer_match_result *res)
{
    return paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE) == 0;
}

void cli_print_match(const paroer_match_result *res, const paroer_catalog *cat, const paroer_relative *rel,
                     int32_t lang)
{
    char d[16];
    const char *id = paroer_match_result_relative_id(res);
    size_t eligible = paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE);
    size_t possible = paroer_match_result_outcome_count(res, PAROER_OUTCOME_POSSIBLE);
    size_t shown = paroer_match_result_count(res), shown_possible = 0;
    for (size_t i = 0; i < shown; i++) shown_possible += paroer_match_result_outcome(res, i) == PAROER_OUTCOME_POSSIBLE;
    size_t shown_eligible = shown - shown_possible;
    size_t total = paroer_catalog_offer_count(cat);
    if (id && id[0]) printf("%s %s, %s\n", tr(lang, "Tilbud til pårørende", "Offers for relative"), id,
                            cli_date(paroer_match_result_date(res), d));
    else printf("%s, %s\n", tr(lang, "Tilbud til pårørende", "Offers for the relative"),
                cli_date(paroer_match_result_date(res), d));
    printf(eligible == 1 ? tr(lang, "%zu af %zu tilbud passer", "%zu of %zu offers fits")
                         : tr(lang, "%zu af %zu tilbud passer", "%zu of %zu offers fit"), eligible, total);
    if (shown_eligible == 1 && shown_eligible < eligible) printf("%s", tr(lang, "; det bedste vises", "; showing the best one"));
    else if (shown_eligible < eligible) printf(tr(lang, "; de %zu bedste vises", "; showing the best %zu"), shown_eligible);
    printf(".\n");
    for (size_t i = 0; i < shown_eligible; i++) {
        putchar('\n');
        print_offer(res, cat, rel, i, lang);
    }
    if (possible) {
        printf("\n%s (%zu):\n", tr(lang, "Tilbud der måske passer, når vi ved mere", "Offers that may fit once we know more"),
               possible);
        for (size_t i = shown_eligible; i < shown; i++) {
            putchar('\n');
            print_offer(res, cat, rel, i, lang);
        }
    }
    size_t nq = paroer_match_result_question_count(res);
    if (nq) {
        printf("\n%s\n", tr(lang, "Spørg om (det vigtigste først):", "Ask about (most useful first):"));
        for (size_t q = 0; q < nq && q < 5; q++) {
            char code[64];
            paroer_match_result_question_code(res, q, code, sizeof code);
            printf("  - %s [%s]\n", cli_fact_words(paroer_match_result_question_fact(res, q), lang), code);
        }
    }
}

int cli_match(const cli_opts *o)
{
    if (o->nargs) return cli_usage_error(o->cmd, "unexpected argument '%s'", o->args[0]);
    if (!o->relative) return cli_usage_error(o->cmd, "no relative given (use -r RELATIVE.json)");
    if (o->ncatalogs == 0 && !o->statutory)
        return cli_usage_error(o->cmd, "no catalog given (use -c FILE... or --statutory)");

    paroer_catalog *cat = NULL;
    paroer_relative *rel = NULL;
    paroer_match_result *res = NULL;
    int ex = cli_load_catalog(o, &cat);
    if (ex == CLI_OK) ex = cli_load_relative(o, &rel);
    if (ex != CLI_OK) goto done;

    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = o->date;
    mo.top = o->top;
    mo.explain = o->explain;
    mo.possible = 1; /* contract 4a: the CLI always asks */
    int rc = paroer_match(&res, cat, rel, &mo);
    if (rc != PAROER_OK) {
        cli_error("match failed: %s", paroer_error_last()->message);
        ex = cli_exit_for(rc);
        goto done;
    }

    if (o->format == CLI_JSON) {
        char *text = NULL;
        rc = paroer_match_result_to_json(res, &text, NULL);
        if (rc != PAROER_OK) {
            cli_error("cannot write the result as JSON: %s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
            goto done;
        }
        puts(text);
        paroer_free(text);
        goto done;
    }

    cli_print_match(res, cat, rel, o->lang);
    if (eligible_none(res) && !o->explain)
        printf("%s\n", tr(o->lang, "Brug --explain for at se, hvorfor tilbuddene ikke passer.",
                          "Use --explain to see why the offers do not fit."));
    int32_t lang = o->lang;
    if (o->explain) print_excluded(res, lang);

done:
    paroer_match_result_free(res);
    paroer_relative_free(rel);
    paroer_catalog_free(cat);
    return ex;
}
