/* cli.h - shared pieces of the `paroer` command-line tool (contract section 6).
 *
 * The tool is a plain consumer of the public libparoer API: it links against
 * the shared library and uses nothing internal. Every subcommand lives in its
 * own file (validate.c, codes.c, match.c, coverage.c, report.c); main.c parses
 * the command line and dispatches; the helpers are split into args.c (option
 * parsing), help.c (the help texts, Danish and English), load.c (loading with
 * diagnostics), words.c (labels and sentences) and out.c (buffers, writing
 * files). The report, the gaps in words and the municipality names are the
 * library's (report.h, municipality.h).
 *
 * Privacy: a relative's data (the relative document, a population file) is
 * personal health data. Only `paroer match` prints anything about a relative,
 * and only on stdout, which the user asked for. Diagnostics name files, lines
 * and fields; the library's messages quote at most the offending value. */
#ifndef PAROER_CLI_H
#define PAROER_CLI_H

#include <paroer/paroer.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- exit statuses (contract section 6) ---------------------------------- */
enum {
    CLI_OK = 0,       /* success */
    CLI_INVALID = 1,  /* the input is invalid (every problem printed) */
    CLI_USAGE = 2,    /* wrong usage */
    CLI_IO = 3,       /* a file could not be read or written */
    CLI_INTERNAL = 4  /* out of memory or an internal failure (not in the contract) */
};

/* ---- the parsed command line --------------------------------------------- */
typedef enum cli_format { CLI_TEXT = 0, CLI_JSON = 1, CLI_CSV = 2 /* overview only */ } cli_format;

typedef enum cli_doc_type {
    CLI_DOC_AUTO = 0, CLI_DOC_CATALOG = 1, CLI_DOC_RELATIVE = 2, CLI_DOC_POPULATION = 3,
    CLI_DOC_HSDS = 4           /* Open Referral HSDS (validate detects it; docs/hsds.md) */
} cli_doc_type;

typedef struct cli_opts {
    const char *cmd;           /* subcommand name ("match", ...) */
    int format;                /* cli_format */
    int32_t lang;              /* PAROER_LANG_DA (default) or PAROER_LANG_EN */
    int lang_given;            /* --lang was on the command line */
    const char **catalogs;     /* -c files, in order (owned array, borrowed strings) */
    size_t ncatalogs;
    int statutory;             /* --statutory */
    const char *relative;      /* -r FILE */
    const char *population;    /* --population FILE */
    int32_t municipality;      /* -m CODE, or -1 */
    int32_t date;              /* --date, or PAROER_DATE_NONE (today) */
    uint32_t top;              /* --top N, 0 = all */
    int explain;               /* --explain */
    const char *output;        /* -o FILE */
    int32_t age_band;          /* --age-band (report), default adult */
    int strict;                /* --strict */
    uint32_t min_cell;         /* --min-cell, 0 = library default */
    uint32_t threads;          /* --threads, 0 = one a core */
    int doc_type;              /* --type for validate (cli_doc_type) */
    uint32_t max_errors;       /* --max-errors N: diagnostics printed per file (0 = all) */
    int max_errors_given;      /* else 100 */
    const char **args;         /* positional arguments */
    size_t nargs;
} cli_opts;

/* Subcommands. Each returns an exit status. */
int cli_validate(const cli_opts *o);
int cli_codes(const cli_opts *o);
int cli_match(const cli_opts *o);
int cli_coverage(const cli_opts *o);
int cli_report(const cli_opts *o);
int cli_ask(const cli_opts *o);
/* match.c: the ranked match in words (eligible, then possible offers, then the questions). */
void cli_print_match(const paroer_match_result *res, const paroer_catalog *cat, const paroer_relative *rel,
                     int32_t lang);
/* ask.c: an unknown fact in words ("om I bor sammen"). */
const char *cli_fact_words(int32_t fact, int32_t lang);
int cli_overview(const cli_opts *o);

/* ---- args.c -------------------------------------------------------------- */
/* Parses argv[first..argc) for subcommand o->cmd. Returns CLI_OK, CLI_USAGE
 * (message printed) or -1 when --help or --version was handled (exit 0). */
int cli_parse(cli_opts *o, int argc, char **argv, int first);
void cli_opts_free(cli_opts *o);
/* The index of the command in argv: the first argument after the common
 * options (--lang, --format, --help, --version) that may come before it;
 * argc when there is none. */
int cli_command_index(int argc, char **argv);

/* ---- help.c -------------------------------------------------------------- */
/* Prints the help of a subcommand (NULL: the overview) to @p f in @p lang. */
void cli_help(FILE *f, const char *cmd, int32_t lang);
/* Prints "paroer: CMD: message" and a hint to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Prints "paroer: message" to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* ---- load.c -------------------------------------------------------------- */
/* Maps a library status to an exit status. */
int cli_exit_for(int rc);
/* Loads every -c catalog (plus the statutory one with --statutory) into one.
 * Errors go to stderr as FILE:LINE:COLUMN: error: ...; returns an exit status. */
int cli_load_catalog(const cli_opts *o, paroer_catalog **out);
/* Loads the -r relative; returns an exit status. */
int cli_load_relative(const cli_opts *o, paroer_relative **out);
/* Loads --population (NULL out when none); bad rows are printed as
 * FILE:LINE: error: ... and left out (all fatal with --strict). */
int cli_load_population(const cli_opts *o, paroer_population **out);
/* After streaming --population through the coverage: prints its bad rows
 * (or why it failed) as cli_load_population() does; returns an exit status. */
int cli_population_report(const cli_opts *o, int rc, const paroer_diagnostics *d, uint64_t rejected);
/* Prints every entry of @p d (errors; warnings too when @p warnings) to stderr. */
void cli_print_diagnostics(const paroer_diagnostics *d, int warnings);
/* The same, at most @p limit per file (document), then "FILE: … and N more". */
void cli_print_diagnostics_max(const paroer_diagnostics *d, int warnings, size_t limit);
/* How many diagnostics to print per file: --max-errors (0 = all: SIZE_MAX), default 100. */
size_t cli_print_limit(const cli_opts *o);
/* The name of a municipality (paroer_municipality_name()), written to
 * @p buf; NULL when the code is not a municipality. */
const char *cli_municipality_name(int32_t code, char *buf, size_t size);

/* ---- out.c --------------------------------------------------------------- */
typedef struct sbuf {
    char *data;
    size_t len, cap;
    int failed;                /* an allocation failed: the content is incomplete */
} sbuf;

void sb_init(sbuf *b);
void sb_free(sbuf *b);
void sb_put(sbuf *b, const char *s);
void sb_putn(sbuf *b, const char *s, size_t n);
void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Writes the buffer to @p path ("-" = stdout), through paroer_file_write():
 * a temporary file next to it, renamed over it. Returns CLI_OK or CLI_IO. */
int sb_write_file(const sbuf *b, const char *path);
/* Refuses (CLI_USAGE, message printed) an output file (-o) that is one of the
 * inputs (-c, -r, --population, --statutory, positional files), compared by
 * device and inode. main() calls it for every command. */
int cli_check_output(const cli_opts *o);
/* Formats a date as YYYY-MM-DD ("" for none). */
const char *cli_date(int32_t date, char buf[16]);
/* Formats a share 0..1 as a percentage with one decimal ("42,5 %" in Danish, "42.5%" in English). */
const char *cli_pct(double share, int32_t lang, char buf[32]);

/* ---- words.c ------------------------------------------------------------- */
static inline const char *tr(int32_t lang, const char *da, const char *en)
{
    return lang == PAROER_LANG_EN ? en : da;
}
/* The label of a code (falls back to the code, then "?"). */
const char *cli_label(int32_t list, int32_t value, int32_t lang);
/* The label with its first letter in lower case, for use inside a sentence. */
const char *cli_label_lc(int32_t list, int32_t value, int32_t lang, char *buf, size_t size);
/* Copies @p s with its first letter (ASCII or Latin-1 in UTF-8) lower-cased. */
const char *cli_lc_first(const char *s, char *buf, size_t size);
/* A match reason ("need:respite") in words ("dækker dit behov: pause og aflastning"). */
const char *cli_reason_words(const char *code, int32_t lang, char *buf, size_t size);
/* All reasons of one match as one sentence, reasons of a kind said together
 * ("dækker dine behov: pause og aflastning og praktisk hjælp; ..."). */
const char *cli_reasons_sentence(const char *const *codes, size_t n, int32_t lang, char *buf, size_t size);
/* The exclusion rule of an offer in words. */
const char *cli_rule_words(int32_t rule, int32_t flag, const paroer_offer *offer, int32_t lang,
                           char *buf, size_t size);
/* The heading of a check ("respite_offered" -> "Afløsning og aflastning tilbydes"). */
const char *cli_check_name(const char *code, int32_t lang);
/* The label of a check status for people ("Opfyldt"/"Pass", ...). */
const char *cli_status_word(int32_t status, int32_t lang);
/* Joins the labels of the codes set in @p mask ("a, b og c"). */
const char *cli_join_mask(int32_t list, uint32_t mask, int32_t lang, int lower, const char *last_sep,
                          char *buf, size_t size);

/* ---- coverage.c (shared with report.c) ----------------------------------- */
/* Loads the catalogs and the population and computes the coverage the
 * options ask for. Returns an exit status; on success the caller frees both. */
int cli_compute(const cli_opts *o, paroer_catalog **cat, paroer_coverage **cov);
/* How many offers are live in @p municipality on @p date. */
size_t cli_live_offers(const paroer_catalog *cat, int32_t municipality, int32_t date);
/* The goal @p goal_id of policy @p policy_id, or NULL. */
const paroer_goal *cli_find_goal(const paroer_catalog *cat, const char *policy_id, const char *goal_id);
/* The label of a breakdown cell (a municipality's name, a condition's label...). */
const char *cli_breakdown_label(int32_t breakdown, int32_t code, int32_t lang, char *buf, size_t size);

#endif
