/* load.c - loading catalogs, relatives and populations for the subcommands,
 * with every problem printed compiler-style; the shipped data is found by the
 * library (paroer_data_path()). */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_exit_for(int rc)
{
    switch (rc) {
    case PAROER_OK: return CLI_OK;
    case PAROER_EIO: return CLI_IO;
    case PAROER_EPARSE:
    case PAROER_ESCHEMA:
    case PAROER_EDUPLICATE: return CLI_INVALID;
    default: return CLI_INTERNAL;
    }
}

size_t cli_print_limit(const cli_opts *o)
{
    if (!o->max_errors_given) return 100;
    return o->max_errors ? o->max_errors : SIZE_MAX;
}

void cli_print_diagnostics(const paroer_diagnostics *d, int warnings)
{
    cli_print_diagnostics_max(d, warnings, 100);
}

/* "FILE: … and N more" after the entries of one document (the last being entry @p last). */
static void print_more(const paroer_diagnostics *d, size_t last, size_t more)
{
    if (more) fprintf(stderr, "%s: \xE2\x80\xA6 and %zu more (--max-errors N prints N per file, 0 all)\n",
                      paroer_diagnostic_source(d, last), more);
}

void cli_print_diagnostics_max(const paroer_diagnostics *d, int warnings, size_t limit)
{
    /* A load reports its documents one after another: count per document. */
    size_t n = paroer_diagnostics_count(d), doc = (size_t)-1, shown = 0, more = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (!warnings && paroer_diagnostic_severity(d, i) != PAROER_SEVERITY_ERROR) continue;
        if (paroer_diagnostic_document(d, i) != doc) {
            print_more(d, last, more);
            doc = paroer_diagnostic_document(d, i);
            shown = more = 0;
        }
        last = i;
        if (shown >= limit) { more++; continue; }
        shown++;
        const char *t = paroer_diagnostic_text(d, i);
        if (t) fprintf(stderr, "%s\n", t);
    }
    print_more(d, last, more);
}

/* The exit status of a failed load: 3 when some file could not be read. */
static int load_exit(int rc, const paroer_diagnostics *d)
{
    size_t n = paroer_diagnostics_count(d);
    for (size_t i = 0; i < n; i++)
        if (paroer_diagnostic_code(d, i) == PAROER_EIO) return CLI_IO;
    if (rc == PAROER_EIO) return CLI_IO;
    return cli_exit_for(rc);
}

static void report_failure(const cli_opts *o, int rc, const paroer_diagnostics *d)
{
    if (d && paroer_diagnostics_error_count(d) > 0) {
        cli_print_diagnostics_max(d, 0, cli_print_limit(o));
        return;
    }
    const paroer_error_info *e = paroer_error_last();
    if (e->source && e->source[0] && e->line > 0)
        fprintf(stderr, "%s:%lld:%lld: error: %s\n", e->source, (long long)e->line, (long long)e->column,
                e->message);
    else
        cli_error("%s", e->message && e->message[0] ? e->message : paroer_strerror(rc));
}

int cli_load_catalog(const cli_opts *o, paroer_catalog **out)
{
    *out = NULL;
    size_t n = o->ncatalogs + (o->statutory ? 1 : 0);
    if (n == 0) return cli_usage_error(o->cmd, "no catalog given (use -c FILE... or --statutory)");
    const char **paths = calloc(n, sizeof *paths);
    if (!paths) { cli_error("out of memory"); return CLI_INTERNAL; }
    for (size_t i = 0; i < o->ncatalogs; i++) paths[i] = o->catalogs[i];
    char stat_path[4096];
    if (o->statutory) {
        if (paroer_statutory_path(stat_path, sizeof stat_path) != PAROER_OK) {
            cli_error("--statutory: %s", paroer_error_last()->message);
            free((void *)paths);
            return CLI_IO;
        }
        paths[o->ncatalogs] = stat_path;
    }
    paroer_diagnostics *d = NULL;
    if (paroer_diagnostics_new(&d, NULL) != PAROER_OK) {
        free((void *)paths);
        cli_error("out of memory");
        return CLI_INTERNAL;
    }
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    lo.max_errors = UINT32_MAX;   /* every problem counted; at most --max-errors printed */
    int rc = paroer_catalog_load_files(out, paths, n, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(o, rc, d);
        ex = load_exit(rc, d);
    }
    paroer_diagnostics_free(d);
    free((void *)paths);
    return ex;
}

int cli_load_relative(const cli_opts *o, paroer_relative **out)
{
    *out = NULL;
    if (!o->relative) return cli_usage_error(o->cmd, "no relative given (use -r RELATIVE.json)");
    paroer_diagnostics *d = NULL;
    if (paroer_diagnostics_new(&d, NULL) != PAROER_OK) { cli_error("out of memory"); return CLI_INTERNAL; }
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    lo.max_errors = UINT32_MAX;   /* every problem counted; at most --max-errors printed */
    int rc = paroer_relative_load_file(out, o->relative, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(o, rc, d);
        ex = load_exit(rc, d);
    }
    paroer_diagnostics_free(d);
    return ex;
}

int cli_load_population(const cli_opts *o, paroer_population **out)
{
    *out = NULL;
    if (!o->population) return CLI_OK;
    paroer_diagnostics *d = NULL;
    if (paroer_diagnostics_new(&d, NULL) != PAROER_OK) { cli_error("out of memory"); return CLI_INTERNAL; }
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    /* Bad rows are counted by the population itself: the loader lists at
     * most --max-errors of them and says in one more line how many it left
     * out, so a national file of bad rows costs no memory per row here. */
    size_t limit = cli_print_limit(o);
    lo.max_errors = limit >= UINT32_MAX ? UINT32_MAX : (uint32_t)limit;
    if (o->strict) lo.flags |= PAROER_LOAD_STRICT;
    int rc = paroer_population_load_file(out, o->population, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(o, rc, d);
        ex = load_exit(rc, d);
    } else if (paroer_population_rejected_rows(*out) > 0) {
        cli_print_diagnostics_max(d, 0, limit == SIZE_MAX ? SIZE_MAX : limit + 1);
        cli_error("%s: %zu bad rows were left out (--strict makes them fatal)", o->population,
                  paroer_population_rejected_rows(*out));
    }
    paroer_diagnostics_free(d);
    return ex;
}

int cli_population_report(const cli_opts *o, int rc, const paroer_diagnostics *d, uint64_t rejected)
{
    if (rc != PAROER_OK) {
        report_failure(o, rc, d);
        return load_exit(rc, d);
    }
    if (rejected > 0) {
        /* the rows listed, and the loader's own line saying how many it did not list */
        size_t limit = cli_print_limit(o);
        cli_print_diagnostics_max(d, 0, limit == SIZE_MAX ? SIZE_MAX : limit + 1);
        cli_error("%s: %llu bad rows were left out (--strict makes them fatal)", o->population,
                  (unsigned long long)rejected);
    }
    return CLI_OK;
}

const char *cli_municipality_name(int32_t code, char *buf, size_t size)
{
    const char *name = paroer_municipality_name(code);
    if (!size) return NULL;
    snprintf(buf, size, "%s", name ? name : "");
    return name ? buf : NULL;
}
