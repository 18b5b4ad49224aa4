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

void cli_print_diagnostics(const paroer_diagnostics *d, int warnings)
{
    size_t n = paroer_diagnostics_count(d);
    for (size_t i = 0; i < n; i++) {
        if (!warnings && paroer_diagnostic_severity(d, i) != PAROER_SEVERITY_ERROR) continue;
        const char *t = paroer_diagnostic_text(d, i);
        if (t) fprintf(stderr, "%s\n", t);
    }
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

static void report_failure(int rc, const paroer_diagnostics *d)
{
    if (d && paroer_diagnostics_error_count(d) > 0) {
        cli_print_diagnostics(d, 0);
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
    int rc = paroer_catalog_load_files(out, paths, n, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(rc, d);
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
    int rc = paroer_relative_load_file(out, o->relative, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(rc, d);
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
    if (o->strict) lo.flags |= PAROER_LOAD_STRICT;
    int rc = paroer_population_load_file(out, o->population, &lo);
    int ex = CLI_OK;
    if (rc != PAROER_OK) {
        report_failure(rc, d);
        ex = load_exit(rc, d);
    } else if (paroer_population_rejected_rows(*out) > 0) {
        cli_print_diagnostics(d, 0);
        cli_error("%s: %zu bad rows were left out (--strict makes them fatal)", o->population,
                  paroer_population_rejected_rows(*out));
    }
    paroer_diagnostics_free(d);
    return ex;
}

const char *cli_municipality_name(int32_t code, char *buf, size_t size)
{
    char path[4096];
    if (!size) return NULL;
    buf[0] = '\0';
    if (paroer_data_path(path, sizeof path, "municipalities.csv") != PAROER_OK) return NULL;
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    char line[512];
    const char *found = NULL;
    while (fgets(line, sizeof line, f)) {
        char *end;
        long c = strtol(line, &end, 10);
        if (end == line || *end != ',' || c != code) continue;
        char *name = end + 1;
        char *comma = strchr(name, ',');
        if (comma) *comma = '\0';
        name[strcspn(name, "\r\n")] = '\0';
        snprintf(buf, size, "%s", name);
        found = buf;
        break;
    }
    fclose(f);
    return found;
}
