/* report.c - `paroer report`: the coverage of a municipality as ONE
 * self-contained HTML page for a municipal leader (Danish by default).
 *
 * The page is the library's (paroer_report_html(), report.h), so every
 * program and the Python binding write the same bytes; the tool loads,
 * computes, names its inputs and writes the file. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int cli_report(const cli_opts *o)
{
    if (!o->output) return cli_usage_error(o->cmd, "no output file given (use -o report.html)");
    paroer_catalog *cat = NULL;
    paroer_coverage *cov = NULL;
    int ex = cli_compute(o, &cat, &cov);
    if (ex != CLI_OK) return ex;

    /* The header names the inputs by file name, the statutory catalog last. */
    const char **sources = calloc(o->ncatalogs + 1, sizeof *sources);
    char *html = NULL;
    size_t bytes = 0;
    int rc = PAROER_ENOMEM;
    if (sources) {
        size_t n = 0;
        for (size_t i = 0; i < o->ncatalogs; i++) sources[n++] = base_name(o->catalogs[i]);
        if (o->statutory) sources[n++] = "statutory.json";
        paroer_report_options ro;
        paroer_report_options_init(&ro, PAROER_REPORT_OPTIONS_VERSION);
        ro.lang = o->lang;
        ro.age_band = o->age_band;
        ro.sources = sources;
        ro.source_count = n;
        ro.population_name = o->population ? base_name(o->population) : NULL;
        rc = paroer_report_html(cov, cat, &ro, &html, &bytes);
    }
    free(sources);
    int32_t m = paroer_coverage_municipality(cov);
    int32_t date = paroer_coverage_date(cov);
    paroer_coverage_free(cov);
    paroer_catalog_free(cat);
    if (rc != PAROER_OK) {
        cli_error("cannot write the report: %s", paroer_error_last()->message);
        return cli_exit_for(rc);
    }
    sbuf b = {html, bytes, bytes + 1, 0};
    ex = sb_write_file(&b, o->output);
    paroer_free(html);
    /* With --format json (and a file), say what was written, for scripts. */
    if (ex == CLI_OK && o->format == CLI_JSON && strcmp(o->output, "-") != 0) {
        char ds[16];
        json_t *j = json_pack("{s:s, s:o, s:s, s:I}", "output", o->output, "municipality",
                              m >= 0 ? json_integer(m) : json_null(), "date", cli_date(date, ds), "bytes",
                              (json_int_t)bytes);
        char *text = j ? json_dumps(j, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
        json_decref(j);
        if (text) puts(text);
        free(text);
    }
    return ex;
}
