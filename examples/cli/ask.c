/* ask.c - `paroer ask`: an interview for frontline staff (contract 6a).
 *
 * It starts from what -r gives (a partial relative, with "unknown" facts) or
 * from nothing but a municipality (-m, or asked first) and the relation, asks
 * the best question (the library's first, contract 4a) in plain words using
 * the relation's words ("Bor du sammen med din forælder?"), shows after each
 * answer how many offers are certain, possible and excluded, lets the user
 * skip a question (an empty line), and ends with the ranked match and the
 * offers' contact details (--format json: the match JSON). Answers are read
 * from standard input, one a line: ja/nej or yes/no, a number, a condition
 * code. Prompts go to stdout; nothing about the relative is written anywhere
 * else. */
#include "cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Where the interview talks: stdout, or stderr when stdout carries the JSON. */
static FILE *ui;

/* The cared-for person, in the relative's words, by relation kind (the
 * relative's relation to them). Sex is never known, so the words are neutral. */
static const char *person(int32_t kind, int32_t lang)
{
    static const char *const da[] = {"din partner", "din forælder", "dit barn", "din søskende",
                                     "dit familiemedlem", "den, du hjælper"};
    static const char *const en[] = {"your partner", "your parent", "your child", "your sibling",
                                     "your relative", "the person you help"};
    if (kind < 0 || kind > 5) kind = 5;
    return lang == PAROER_LANG_EN ? en[kind] : da[kind];
}

/* Capitalises the first (ASCII) letter of s into buf. */
static const char *cap(const char *s, char *buf, size_t n)
{
    snprintf(buf, n, "%s", s);
    if (buf[0]) buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

const char *cli_fact_words(int32_t fact, int32_t lang)
{
    static const char *const da[] = {"din alder", "om du er i arbejde", "hvad den, du hjælper, fejler",
                                     "alderen på den, du hjælper", "om I bor sammen", "om vedkommende bor hjemme",
                                     "om vedkommende er døende", "om vedkommende er død"};
    static const char *const en[] = {"your age", "whether you are in work", "the condition of the person you help",
                                     "the age of the person you help", "whether you live together",
                                     "whether they live at home", "whether they are dying",
                                     "whether they have died"};
    if (fact < 0 || fact > 7) return "";
    return lang == PAROER_LANG_EN ? en[fact] : da[fact];
}

/* The question in words. `who` names the relation when several are of one kind. */
static void question_text(int32_t fact, const char *p, const char *who, int32_t lang, char *buf, size_t n)
{
    const int en = lang == PAROER_LANG_EN;
    switch (fact) {
    case PAROER_FACT_AGE: snprintf(buf, n, "%s", en ? "How old are you?" : "Hvor gammel er du?"); break;
    case PAROER_FACT_EMPLOYED: snprintf(buf, n, "%s", en ? "Are you in work?" : "Er du i arbejde?"); break;
    case PAROER_FACT_CONDITIONS:
        snprintf(buf, n, en ? "What is the main reason %s%s needs help? (a code, see below)"
                            : "Hvad er den vigtigste grund til, at %s%s har brug for hjælp? (en kode, se nedenfor)",
                 p, who);
        break;
    case PAROER_FACT_CARED_FOR_AGE:
        snprintf(buf, n, en ? "How old is %s%s?" : "Hvor gammel er %s%s?", p, who);
        break;
    case PAROER_FACT_COHABITING:
        snprintf(buf, n, en ? "Do you live with %s%s?" : "Bor du sammen med %s%s?", p, who);
        break;
    case PAROER_FACT_CARED_AT_HOME:
        snprintf(buf, n, en ? "Does %s%s live at home (not in a care home)?" : "Bor %s%s hjemme (ikke på plejehjem)?",
                 p, who);
        break;
    case PAROER_FACT_TERMINAL:
        snprintf(buf, n, en ? "Is %s%s dying or terminally ill?" : "Er %s%s døende eller uhelbredeligt syg?", p, who);
        break;
    case PAROER_FACT_BEREAVED:
        snprintf(buf, n, en ? "Has %s%s died?" : "Er %s%s død?", p, who);
        break;
    default: buf[0] = '\0';
    }
}

/* Reads one line into buf (without the newline); 0 at end of input. */
static int read_line(char *buf, size_t n)
{
    if (!fgets(buf, (int)n, stdin)) return 0;
    size_t len = strlen(buf);
    if (len && buf[len - 1] != '\n' && !feof(stdin)) { /* too long: drop the rest */
        int ch;
        while ((ch = getchar()) != EOF && ch != '\n') {}
    }
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' ' || buf[len - 1] == '\t'))
        buf[--len] = '\0';
    size_t s = 0;
    while (buf[s] == ' ' || buf[s] == '\t') s++;
    if (s) memmove(buf, buf + s, len - s + 1);
    return 1;
}

static int parse_yes_no(const char *s, int *out)
{
    char l[16];
    size_t i = 0;
    for (; s[i] && i + 1 < sizeof l; i++) l[i] = (char)tolower((unsigned char)s[i]);
    l[i] = '\0';
    if (!strcmp(l, "ja") || !strcmp(l, "j") || !strcmp(l, "yes") || !strcmp(l, "y")) { *out = 1; return 1; }
    if (!strcmp(l, "nej") || !strcmp(l, "n") || !strcmp(l, "no")) { *out = 0; return 1; }
    return 0;
}

static int parse_int(const char *s, int32_t lo, int32_t hi, int32_t *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi) return 0;
    *out = (int32_t)v;
    return 1;
}

static void print_counts(const paroer_match_result *res, const paroer_catalog *cat, int32_t lang)
{
    size_t e = paroer_match_result_outcome_count(res, PAROER_OUTCOME_ELIGIBLE);
    size_t p = paroer_match_result_outcome_count(res, PAROER_OUTCOME_POSSIBLE);
    size_t n = paroer_catalog_offer_count(cat);
    if (lang == PAROER_LANG_EN)
        fprintf(ui, "Offers: %zu certain, %zu possible, %zu excluded (of %zu).\n", e, p, n - e - p, n);
    else   /* "et tilbud" is neuter: 1 sikkert / muligt, 2 sikre / mulige */
        fprintf(ui, "Tilbud: %zu %s, %zu %s, %zu udelukket (af %zu).\n", e, e == 1 ? "sikkert" : "sikre", p,
                p == 1 ? "muligt" : "mulige", n - e - p, n);
}

/* Applies an answer; 1 when taken, 0 when it was not understood. */
static int apply(paroer_relative *r, int32_t fact, int32_t rel, const char *ans)
{
    int yn;
    int32_t v;
    switch (fact) {
    case PAROER_FACT_AGE:
        return parse_int(ans, paroer_relative_age_min(r), paroer_relative_age_max(r), &v) &&
               paroer_relative_set_age(r, v) == PAROER_OK;
    case PAROER_FACT_EMPLOYED: return parse_yes_no(ans, &yn) && paroer_relative_set_employed(r, yn) == PAROER_OK;
    case PAROER_FACT_CONDITIONS:
        return paroer_vocab_parse(&v, PAROER_VOCAB_CONDITION, ans, strlen(ans)) == PAROER_OK &&
               paroer_relative_relation_add_condition(r, (size_t)rel, v) == PAROER_OK;
    case PAROER_FACT_CARED_FOR_AGE:
        return parse_int(ans, 0, 130, &v) && paroer_relative_relation_set_cared_for_age(r, (size_t)rel, v) == PAROER_OK;
    default: {
        static const int32_t flag[8] = {0, 0, 0, 0, PAROER_FLAG_COHABITING, PAROER_FLAG_CARED_AT_HOME,
                                        PAROER_FLAG_TERMINAL, PAROER_FLAG_BEREAVED};
        return parse_yes_no(ans, &yn) && paroer_relative_relation_set_flag(r, (size_t)rel, flag[fact], yn) == PAROER_OK;
    }
    }
}

static void print_codes(int32_t list, int32_t lang)
{
    size_t n = paroer_vocab_count(list);
    for (size_t i = 0; i < n; i++)
        fprintf(ui, "  %-22s %s\n", paroer_vocab_code(list, (int32_t)i), cli_label(list, (int32_t)i, lang));
}

/* A relative from nothing: the municipality (-m or asked), the relation, everything else unknown. */
static int start_from_nothing(const cli_opts *o, paroer_relative **out)
{
    char line[256];
    int32_t lang = o->lang, muni = o->municipality, kind = -1;
    while (muni < 0) {
        fprintf(ui, "%s ", tr(lang, "Hvilken kommune bor du i? (kommunekode, fx 306)",
                         "Which municipality do you live in? (municipality code, e.g. 306)"));
        fflush(ui);
        if (!read_line(line, sizeof line)) return CLI_USAGE;
        int32_t v;
        char name[128];
        if (parse_int(line, 1, 999, &v) && cli_municipality_name(v, name, sizeof name)) muni = v;
        else fprintf(ui, "%s\n", tr(lang, "Det kender jeg ikke som en kommunekode.", "That is not a municipality code I know."));
    }
    while (kind < 0) {
        fprintf(ui, "%s\n", tr(lang, "Hvem hjælper du? Skriv en kode:", "Who do you help? Type a code:"));
        print_codes(PAROER_VOCAB_RELATION, lang);
        fflush(ui);
        if (!read_line(line, sizeof line)) return CLI_USAGE;
        if (paroer_vocab_parse(&kind, PAROER_VOCAB_RELATION, line, strlen(line)) != PAROER_OK) kind = -1;
    }
    paroer_relative *r = NULL;
    size_t i = 0;
    int rc = paroer_relative_new(&r, NULL, PAROER_UNKNOWN, muni, NULL);
    if (!rc) rc = paroer_relative_set_employed(r, PAROER_UNKNOWN);
    if (!rc) rc = paroer_relative_add_relation(r, kind, &i);
    if (!rc) rc = paroer_relative_relation_set_conditions_unknown(r, i);
    if (!rc) rc = paroer_relative_relation_set_cared_for_age(r, i, PAROER_UNKNOWN);
    for (int32_t f = 0; f < 4 && !rc; f++) rc = paroer_relative_relation_set_flag(r, i, f, PAROER_UNKNOWN);
    if (rc) {
        paroer_relative_free(r);
        cli_error("%s", paroer_error_last()->message);
        return cli_exit_for(rc);
    }
    *out = r;
    return CLI_OK;
}

int cli_ask(const cli_opts *o)
{
    if (o->nargs) return cli_usage_error(o->cmd, "unexpected argument '%s'", o->args[0]);
    if (o->ncatalogs == 0 && !o->statutory)
        return cli_usage_error(o->cmd, "no catalog given (use -c FILE... or --statutory)");
    const int32_t lang = o->lang;
    ui = o->format == CLI_JSON ? stderr : stdout;
    paroer_catalog *cat = NULL;
    paroer_relative *rel = NULL;
    paroer_matcher *m = NULL;
    int ex = cli_load_catalog(o, &cat);
    if (ex == CLI_OK) ex = o->relative ? cli_load_relative(o, &rel) : start_from_nothing(o, &rel);
    if (ex != CLI_OK) goto done;

    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = o->date;
    mo.top = o->top;
    mo.possible = 1;
    int rc = paroer_matcher_new(&m, cat, &mo);
    if (rc) {
        cli_error("%s", paroer_error_last()->message);
        ex = cli_exit_for(rc);
        goto done;
    }
    /* skipped[k]: question k (fact + 8 * (relation + 1)) was skipped */
    unsigned char skipped[8 * 66];
    memset(skipped, 0, sizeof skipped);
    const paroer_match_result *res = NULL;
    char line[256];
    for (;;) {
        if ((rc = paroer_matcher_match(m, rel, &res)) != PAROER_OK) {
            cli_error("match failed: %s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
            goto done;
        }
        print_counts(res, cat, lang);
        size_t q = 0, nq = paroer_match_result_question_count(res);
        while (q < nq) {
            int32_t f = paroer_match_result_question_fact(res, q), r = paroer_match_result_question_relation(res, q);
            if (!skipped[f + 8 * (r + 1)]) break;
            q++;
        }
        if (q == nq) break; /* nothing open (or everything skipped) */
        int32_t fact = paroer_match_result_question_fact(res, q), ri = paroer_match_result_question_relation(res, q);
        int32_t kind = ri >= 0 ? paroer_relative_relation_kind(rel, (size_t)ri) : -1;
        char who[32] = "", text[320], capbuf[320];
        if (ri >= 0) {
            int same = 0;
            for (size_t j = 0; j < paroer_relative_relation_count(rel); j++)
                same += paroer_relative_relation_kind(rel, j) == kind;
            if (same > 1) snprintf(who, sizeof who, " (%s %d)", tr(lang, "relation", "relation"), (int)ri + 1);
        }
        question_text(fact, person(kind, lang), who, lang, text, sizeof text);
        int answered = 0;
        while (!answered) {
            fputc('\n', ui);
            fprintf(ui, "%s\n", cap(text, capbuf, sizeof capbuf));
            if (fact == PAROER_FACT_CONDITIONS) print_codes(PAROER_VOCAB_CONDITION, lang);
            fprintf(ui, "%s ", fact == PAROER_FACT_AGE || fact == PAROER_FACT_CARED_FOR_AGE
                              ? tr(lang, "(et tal; tom linje springer over) >", "(a number; empty line skips) >")
                          : fact == PAROER_FACT_CONDITIONS ? tr(lang, "(tom linje springer over) >", "(empty line skips) >")
                                                           : tr(lang, "(ja/nej; tom linje springer over) >",
                                                                "(yes/no; empty line skips) >"));
            fflush(ui);
            if (!read_line(line, sizeof line)) goto finish; /* end of input: show what we know */
            if (!line[0]) {
                skipped[fact + 8 * (ri + 1)] = 1;
                answered = 1;
            } else if (apply(rel, fact, ri, line)) {
                answered = 1;
            } else {
                fprintf(ui, "%s\n", tr(lang, "Det forstod jeg ikke.", "I did not understand that."));
            }
        }
    }
finish:
    if (!res) goto done;
    if ((rc = paroer_matcher_match(m, rel, &res)) != PAROER_OK) {
        cli_error("match failed: %s", paroer_error_last()->message);
        ex = cli_exit_for(rc);
        goto done;
    }
    if (o->format == CLI_JSON) {
        char *json = NULL;
        if ((rc = paroer_match_result_to_json(res, &json, NULL)) != PAROER_OK) {
            cli_error("cannot write the result as JSON: %s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
            goto done;
        }
        puts(json);
        paroer_free(json);
        goto done;
    }
    fputc('\n', ui);
    cli_print_match(res, cat, rel, lang);
done:
    paroer_matcher_free(m);
    paroer_relative_free(rel);
    paroer_catalog_free(cat);
    return ex;
}
