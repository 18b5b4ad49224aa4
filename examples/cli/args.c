/* args.c - command-line parsing and help texts of `paroer`. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Which subcommands accept an option (bit per subcommand). */
enum { C_VALIDATE = 1, C_MATCH = 2, C_COVERAGE = 4, C_REPORT = 8, C_CODES = 16, C_ASK = 32, C_OVERVIEW = 64,
       C_ALL = 127 };

static int cmd_bit(const char *cmd)
{
    if (!strcmp(cmd, "validate")) return C_VALIDATE;
    if (!strcmp(cmd, "match")) return C_MATCH;
    if (!strcmp(cmd, "coverage")) return C_COVERAGE;
    if (!strcmp(cmd, "report")) return C_REPORT;
    if (!strcmp(cmd, "codes")) return C_CODES;
    if (!strcmp(cmd, "ask")) return C_ASK;
    if (!strcmp(cmd, "overview")) return C_OVERVIEW;
    return 0;
}

typedef enum opt_id {
    O_CATALOG, O_STATUTORY, O_RELATIVE, O_POPULATION, O_MUNICIPALITY, O_DATE, O_TOP, O_EXPLAIN,
    O_OUTPUT, O_AGE_BAND, O_STRICT, O_MIN_CELL, O_THREADS, O_TYPE, O_FORMAT, O_LANG, O_HELP, O_VERSION, O_MAX_ERRORS
} opt_id;

typedef struct opt_def {
    opt_id id;
    char short_name;           /* 0 when none */
    const char *long_name;
    int takes_arg;             /* 0 none, 1 one, 2 one or more (-c) */
    int commands;
} opt_def;

static const opt_def opts_table[] = {
    {O_CATALOG, 'c', "catalog", 2, C_ASK | C_MATCH | C_COVERAGE | C_REPORT | C_OVERVIEW},
    {O_STATUTORY, 0, "statutory", 0, C_ASK | C_MATCH | C_COVERAGE | C_REPORT | C_OVERVIEW},
    {O_RELATIVE, 'r', "relative", 1, C_ASK | C_MATCH},
    {O_POPULATION, 'p', "population", 1, C_COVERAGE | C_REPORT},
    {O_MUNICIPALITY, 'm', "municipality", 1, C_ASK | C_COVERAGE | C_REPORT},
    {O_DATE, 'd', "date", 1, C_ASK | C_MATCH | C_COVERAGE | C_REPORT | C_OVERVIEW},
    {O_TOP, 'n', "top", 1, C_ASK | C_MATCH},
    {O_EXPLAIN, 'e', "explain", 0, C_MATCH},
    {O_OUTPUT, 'o', "output", 1, C_REPORT | C_OVERVIEW},
    {O_AGE_BAND, 0, "age-band", 1, C_REPORT},
    {O_STRICT, 0, "strict", 0, C_VALIDATE | C_COVERAGE | C_REPORT},
    {O_MIN_CELL, 0, "min-cell", 1, C_COVERAGE | C_REPORT},
    {O_THREADS, 0, "threads", 1, C_COVERAGE | C_REPORT},
    {O_TYPE, 0, "type", 1, C_VALIDATE},
    {O_MAX_ERRORS, 0, "max-errors", 1, C_VALIDATE | C_ASK | C_MATCH | C_COVERAGE | C_REPORT | C_OVERVIEW},
    {O_FORMAT, 'f', "format", 1, C_ALL},
    {O_LANG, 'l', "lang", 1, C_ALL},
    {O_HELP, 'h', "help", 0, C_ALL},
    {O_VERSION, 'V', "version", 0, C_ALL},
};

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("paroer: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cmd) fprintf(stderr, "paroer %s: ", cmd);
    else fputs("paroer: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (cmd) fprintf(stderr, "Try 'paroer %s --help'.\n", cmd);
    else fputs("Try 'paroer --help'.\n", stderr);
    return CLI_USAGE;
}

/* A whole number written with digits only: no sign, no spaces (' 3' is refused,
 * as the loaders refuse it). */
static int parse_u32(const char *s, uint32_t *out, uint32_t min, uint32_t max)
{
    if (!s || *s < '0' || *s > '9') return -1;
    errno = 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v < min || v > max) return -1;
    *out = (uint32_t)v;
    return 0;
}

static int push(const char ***arr, size_t *n, const char *s)
{
    const char **a = realloc((void *)*arr, (*n + 1) * sizeof *a);
    if (!a) return -1;
    a[(*n)++] = s;
    *arr = a;
    return 0;
}

void cli_opts_free(cli_opts *o)
{
    free((void *)o->catalogs);
    free((void *)o->args);
    o->catalogs = o->args = NULL;
    o->ncatalogs = o->nargs = 0;
}

/* Applies one option with its value (NULL for flags). */
static int apply(cli_opts *o, const opt_def *d, const char *v)
{
    const char *cmd = o->cmd;
    switch (d->id) {
    case O_CATALOG:
        return push(&o->catalogs, &o->ncatalogs, v) ? CLI_INTERNAL : CLI_OK;
    case O_STATUTORY: o->statutory = 1; return CLI_OK;
    case O_RELATIVE: o->relative = v; return CLI_OK;
    case O_POPULATION: o->population = v; return CLI_OK;
    case O_MUNICIPALITY: {
        uint32_t m;
        if (parse_u32(v, &m, 1, 999) || strlen(v) > 4)
            return cli_usage_error(cmd, "bad municipality code '%s' (expected 1..999, e.g. 306 or 0306)", v);
        char name[128];
        if (!cli_municipality_name((int32_t)m, name, sizeof name))
            return cli_usage_error(cmd, "unknown municipality code '%s' (not one of Denmark's 98 municipalities)", v);
        o->municipality = (int32_t)m;
        return CLI_OK;
    }
    case O_DATE:
        if (paroer_date_parse(&o->date, v, strlen(v)) != PAROER_OK)
            return cli_usage_error(cmd, "bad date '%s' (expected YYYY-MM-DD, a real calendar date)", v);
        return CLI_OK;
    case O_TOP:
        if (parse_u32(v, &o->top, 1, UINT32_MAX))
            return cli_usage_error(cmd, "bad --top '%s' (expected a whole number >= 1)", v);
        return CLI_OK;
    case O_EXPLAIN: o->explain = 1; return CLI_OK;
    case O_OUTPUT: o->output = v; return CLI_OK;
    case O_AGE_BAND:
        if (paroer_vocab_parse(&o->age_band, PAROER_VOCAB_AGE_BAND, v, strlen(v)) != PAROER_OK)
            return cli_usage_error(cmd, "unknown age band '%s' (expected child, youth, young_adult, adult or senior)", v);
        return CLI_OK;
    case O_STRICT: o->strict = 1; return CLI_OK;
    case O_MIN_CELL:
        if (parse_u32(v, &o->min_cell, PAROER_COVERAGE_MIN_CELL_FLOOR, 1000000))
            return cli_usage_error(cmd, "bad --min-cell '%s' (expected a whole number >= %d)", v,
                                   PAROER_COVERAGE_MIN_CELL_FLOOR);
        return CLI_OK;
    case O_THREADS:
        if (parse_u32(v, &o->threads, 0, 64))
            return cli_usage_error(cmd, "bad --threads '%s' (expected a whole number 0..64, 0 = one a core)", v);
        return CLI_OK;
    case O_TYPE:
        if (!strcmp(v, "auto")) o->doc_type = CLI_DOC_AUTO;
        else if (!strcmp(v, "catalog")) o->doc_type = CLI_DOC_CATALOG;
        else if (!strcmp(v, "relative")) o->doc_type = CLI_DOC_RELATIVE;
        else if (!strcmp(v, "population")) o->doc_type = CLI_DOC_POPULATION;
        else if (!strcmp(v, "hsds")) o->doc_type = CLI_DOC_HSDS;
        else return cli_usage_error(cmd, "unknown --type '%s' (expected auto, catalog, relative, population or hsds)", v);
        return CLI_OK;
    case O_FORMAT:
        if (!strcmp(v, "text")) o->format = CLI_TEXT;
        else if (!strcmp(v, "json")) o->format = CLI_JSON;
        else if (!strcmp(v, "csv") && !strcmp(cmd, "overview")) o->format = CLI_CSV;
        else return cli_usage_error(cmd, "unknown --format '%s' (expected %s)", v,
                                    strcmp(cmd, "overview") ? "text or json" : "text, json or csv");
        return CLI_OK;
    case O_LANG:
        if (!strcmp(v, "da")) o->lang = PAROER_LANG_DA;
        else if (!strcmp(v, "en")) o->lang = PAROER_LANG_EN;
        else return cli_usage_error(cmd, "unknown --lang '%s' (expected da or en)", v);
        o->lang_given = 1;
        return CLI_OK;
    case O_MAX_ERRORS:
        if (parse_u32(v, &o->max_errors, 0, UINT32_MAX))
            return cli_usage_error(cmd, "bad --max-errors '%s' (expected a whole number, 0 = no limit)", v);
        o->max_errors_given = 1;
        return CLI_OK;
    case O_HELP:
    case O_VERSION:
        return CLI_OK; /* handled by the caller */
    }
    return CLI_OK;
}

int cli_command_index(int argc, char **argv)
{
    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        const char *a = argv[i];
        const opt_def *d = NULL;
        int inline_val = 0;
        for (size_t k = 0; k < sizeof opts_table / sizeof opts_table[0]; k++) {
            const opt_def *t = &opts_table[k];
            size_t n = strlen(t->long_name);
            if (t->commands != C_ALL) continue;
            if (a[1] == '-' && !strncmp(a + 2, t->long_name, n) && (a[2 + n] == '\0' || a[2 + n] == '='))
                d = t, inline_val = a[2 + n] == '=';
            else if (a[1] != '-' && a[1] == t->short_name)
                d = t, inline_val = a[2] != '\0';
        }
        if (!d) break;
        i += d->takes_arg && !inline_val ? 2 : 1;
    }
    return i < argc ? i : argc;
}

int cli_parse(cli_opts *o, int argc, char **argv, int first)
{
    int bit = o->cmd ? cmd_bit(o->cmd) : C_ALL;
    int help = 0, version = 0, only_args = 0;
    uint64_t seen = 0; /* single-valued options given so far, bit per opt_id */
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || a[1] == '\0') {
            if (push(&o->args, &o->nargs, a)) return CLI_INTERNAL;
            continue;
        }
        if (!strcmp(a, "--")) { only_args = 1; continue; }
        const opt_def *d = NULL;
        const char *inline_val = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
            for (size_t k = 0; k < sizeof opts_table / sizeof opts_table[0]; k++)
                if (strlen(opts_table[k].long_name) == nlen && !strncmp(opts_table[k].long_name, name, nlen))
                    d = &opts_table[k];
            if (eq) inline_val = eq + 1;
        } else {
            for (size_t k = 0; k < sizeof opts_table / sizeof opts_table[0]; k++)
                if (opts_table[k].short_name == a[1]) d = &opts_table[k];
            if (d && a[2]) inline_val = a + 2; /* -cfile, -m306 */
            if (d && a[2] && !d->takes_arg) d = NULL;
        }
        if (!d) return cli_usage_error(o->cmd, "unknown option '%s'", a);
        if (o->cmd ? !(d->commands & bit) : d->commands != C_ALL)
            return cli_usage_error(o->cmd, "option '%s' does not apply to '%s'", a, o->cmd ? o->cmd : "paroer");
        if (d->takes_arg == 1) {
            if (seen & ((uint64_t)1 << d->id))
                return cli_usage_error(o->cmd, "option '%s' was given twice (--%s takes one value)", a, d->long_name);
            seen |= (uint64_t)1 << d->id;
        }
        if (d->id == O_HELP) { help = 1; continue; }
        if (d->id == O_VERSION) { version = 1; continue; }
        if (!d->takes_arg) {
            if (inline_val) return cli_usage_error(o->cmd, "option '--%s' takes no value", d->long_name);
            int rc = apply(o, d, NULL);
            if (rc) return rc;
            continue;
        }
        if (inline_val) {
            if (!*inline_val) return cli_usage_error(o->cmd, "option '%s' needs a value", a);
            int rc = apply(o, d, inline_val);
            if (rc) return rc;
        } else {
            if (i + 1 >= argc || (argv[i + 1][0] == '-' && argv[i + 1][1] != '\0' && d->takes_arg == 2) ||
                argv[i + 1][0] == '\0')
                return cli_usage_error(o->cmd, "option '%s' needs a value", a);
            int rc = apply(o, d, argv[++i]);
            if (rc) return rc;
        }
        if (d->takes_arg == 2) /* -c a.json b.json ...: every following non-option */
            while (i + 1 < argc && (argv[i + 1][0] != '-' || argv[i + 1][1] == '\0')) {
                int rc = apply(o, d, argv[++i]);
                if (rc) return rc;
            }
    }
    if (help) {
        cli_help(stdout, o->cmd, o->lang);
        return -1;
    }
    if (version) {
        printf("paroer %s\n", paroer_version());
        return -1;
    }
    return CLI_OK;
}
