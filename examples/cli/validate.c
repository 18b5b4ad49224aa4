/* validate.c - `paroer validate FILE...`: checks catalogs, relative documents
 * and population files against the contract and prints every problem. */
#include "cli.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct vfile {
    const char *path;
    int type;                  /* cli_doc_type; CLI_DOC_AUTO when unreadable */
    int unreadable;
    char why[256];
    size_t errors, warnings;
    size_t doc;                /* a catalog's document number in the load of every catalog */
    size_t shown, omitted;     /* diagnostics printed, and left out by --max-errors */
    char summary[160];         /* what a valid file holds, e.g. "12 relatives" */
} vfile;

static const char *type_name(int type)
{
    switch (type) {
    case CLI_DOC_CATALOG: return "catalog";
    case CLI_DOC_RELATIVE: return "relative";
    case CLI_DOC_POPULATION: return "population";
    case CLI_DOC_HSDS: return "hsds";
    default: return "unknown";
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != suffix[i]) return 0;
    }
    return 1;
}

static int contains(const char *data, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= len; i++)
        if (data[i] == needle[0] && memcmp(data + i, needle, m) == 0) return 1;
    return 0;
}

/* What a JSON document is: a catalog has "format", a relative "relations"
 * (or "age") without it. A document that does not parse is judged by its text. */
static int detect(const char *data, size_t len)
{
    json_error_t err;
    json_t *root = json_loadb(data, len, 0, &err);
    if (root) {
        int type = CLI_DOC_CATALOG;
        /* An array of relative documents is judged by its first element. */
        const json_t *obj = json_is_array(root) ? json_array_get(root, 0) : root;
        if (json_is_object(obj) && !json_object_get(obj, "format") &&
            (json_object_get(obj, "relations") || json_object_get(obj, "age")))
            type = CLI_DOC_RELATIVE;
        json_decref(root);
        return type;
    }
    if (contains(data, len, "paroer-catalog") || contains(data, len, "\"offers\"") ||
        contains(data, len, "\"providers\"") || contains(data, len, "\"policies\""))
        return CLI_DOC_CATALOG;
    if (contains(data, len, "\"relations\"")) return CLI_DOC_RELATIVE;
    return CLI_DOC_CATALOG;
}

/* Reads a file through the library, so that an unreadable file is reported
 * in the library's words, as every other command reports it. */
static int read_all(const char *path, char **data, size_t *len, char *why, size_t why_size)
{
    void *buf = NULL;
    int rc = paroer_file_read(&buf, len, path);
    *data = buf;
    if (rc == PAROER_OK) return 0;
    snprintf(why, why_size, "%s", rc == PAROER_ENOMEM ? "out of memory" : paroer_error_last()->message);
    return -1;
}

/* Counts the entries of @p d about file @p f: for a catalog (@p match_doc),
 * those of its document number, so a file given twice is counted per argument. */
static void count_into(vfile *f, const paroer_diagnostics *d, int match_doc)
{
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        if (match_doc && paroer_diagnostic_document(d, i) != f->doc) continue;
        if (paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR) f->errors++;
        else f->warnings++;
    }
}

static json_t *diag_json(const paroer_diagnostics *d, size_t i)
{
    int64_t line = paroer_diagnostic_line(d, i), col = paroer_diagnostic_column(d, i);
    const char *path = paroer_diagnostic_path(d, i);
    return json_pack("{s:s, s:o, s:o, s:s, s:s, s:o, s:s}", "file", paroer_diagnostic_source(d, i), "line",
                     line > 0 ? json_integer(line) : json_null(), "column",
                     col > 0 ? json_integer(col) : json_null(), "severity",
                     paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR ? "error" : "warning", "message",
                     paroer_diagnostic_message(d, i), "path", path && path[0] ? json_string(path) : json_null(),
                     "text", paroer_diagnostic_text(d, i));
}

/* Emits the entries of @p d (all, or those of document @p doc) not yet
 * marked in @p printed (may be NULL) to stderr, or to @p arr when given: at
 * most @p limit of them for @p f (NULL: no limit), the rest counted in
 * f->omitted. */
static void emit(const paroer_diagnostics *d, size_t doc, int *printed, json_t *arr, vfile *f, size_t limit)
{
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        if (printed && printed[i]) continue;
        if (doc != (size_t)-1 && paroer_diagnostic_document(d, i) != doc) continue;
        if (printed) printed[i] = 1;
        if (f && f->shown >= limit) { f->omitted++; continue; }
        if (f) f->shown++;
        if (arr) json_array_append_new(arr, diag_json(d, i));
        else fprintf(stderr, "%s\n", paroer_diagnostic_text(d, i));
    }
    if (f && f->omitted && !arr)
        fprintf(stderr, "%s: \xE2\x80\xA6 and %zu more (--max-errors N prints N per file, 0 all)\n", f->path,
                f->omitted);
}

int cli_validate(const cli_opts *o)
{
    if (o->nargs == 0) return cli_usage_error(o->cmd, "no FILE given");
    vfile *files = calloc(o->nargs, sizeof *files);
    paroer_diagnostics **diags = calloc(o->nargs, sizeof *diags); /* per relative/population file */
    const char **cat_paths = calloc(o->nargs, sizeof *cat_paths);
    paroer_diagnostics *cat_diag = NULL;
    int *cat_printed = NULL;
    json_t *jdiags = NULL, *jfiles = NULL;
    int ex = CLI_OK;
    size_t ncat = 0;
    if (!files || !diags || !cat_paths || paroer_diagnostics_new(&cat_diag, NULL) != PAROER_OK) {
        ex = CLI_INTERNAL;
        goto done;
    }
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.max_errors = UINT32_MAX;
    if (o->strict) lo.flags |= PAROER_LOAD_STRICT;

    /* Read and classify. */
    for (size_t i = 0; i < o->nargs; i++) {
        vfile *f = &files[i];
        f->path = o->args[i];
        char *data = NULL;
        size_t len = 0;
        struct stat st;   /* a directory: an HSDS data package (docs/hsds.md) */
        if ((o->doc_type == CLI_DOC_AUTO || o->doc_type == CLI_DOC_HSDS) && stat(f->path, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            char pkg[4096], csv[4096];
            snprintf(pkg, sizeof pkg, "%s/datapackage.json", f->path);
            snprintf(csv, sizeof csv, "%s/services.csv", f->path);
            if (stat(pkg, &st) == 0 || stat(csv, &st) == 0) {
                f->type = CLI_DOC_HSDS;
                continue;
            }
        }
        if (read_all(f->path, &data, &len, f->why, sizeof f->why) != 0) {
            f->unreadable = 1;
            continue;
        }
        if (o->doc_type != CLI_DOC_AUTO) f->type = o->doc_type;
        else if (ends_with(f->path, ".csv")) f->type = CLI_DOC_POPULATION;
        else if (paroer_hsds_detect(data, len)) f->type = CLI_DOC_HSDS;
        else f->type = detect(data, len);
        paroer_free(data);
        if (f->type == CLI_DOC_CATALOG) {
            f->doc = ncat;
            cat_paths[ncat++] = f->path;
        }
    }

    /* Catalogs are loaded together: ids must be unique across them. */
    size_t cat_offers = 0, cat_providers = 0, cat_policies = 0;
    if (ncat > 0) {
        paroer_catalog *c = NULL;
        lo.diagnostics = cat_diag;
        int rc = paroer_catalog_load_files(&c, cat_paths, ncat, &lo);
        if (rc == PAROER_ENOMEM) { ex = CLI_INTERNAL; goto done; }
        if (c) {
            cat_offers = paroer_catalog_offer_count(c);
            cat_providers = paroer_catalog_provider_count(c);
            cat_policies = paroer_catalog_policy_count(c);
        }
        paroer_catalog_free(c);
        cat_printed = calloc(paroer_diagnostics_count(cat_diag) + 1, sizeof *cat_printed);
        if (!cat_printed) { ex = CLI_INTERNAL; goto done; }
    }
    for (size_t i = 0; i < o->nargs; i++) {
        vfile *f = &files[i];
        if (f->unreadable) continue;
        if (f->type == CLI_DOC_CATALOG) {
            count_into(f, cat_diag, 1);
            continue;
        }
        if (paroer_diagnostics_new(&diags[i], NULL) != PAROER_OK) { ex = CLI_INTERNAL; goto done; }
        lo.diagnostics = diags[i];
        if (f->type == CLI_DOC_RELATIVE) {
            paroer_relative *r = NULL;
            int rc = paroer_relative_load_file(&r, f->path, &lo);
            if (rc == PAROER_ENOMEM) { ex = CLI_INTERNAL; goto done; }
            if (r) snprintf(f->summary, sizeof f->summary, "%zu relation(s)", paroer_relative_relation_count(r));
            paroer_relative_free(r);
            if (rc != PAROER_OK && paroer_diagnostics_error_count(diags[i]) == 0)
                snprintf(f->why, sizeof f->why, "%s", paroer_error_last()->message);
        } else if (f->type == CLI_DOC_HSDS) {
            paroer_hsds_options ho;
            paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION);
            ho.diagnostics = diags[i];
            ho.max_errors = lo.max_errors;
            if (o->strict) ho.flags |= PAROER_HSDS_STRICT;
            paroer_catalog *c = NULL;
            int rc = paroer_catalog_from_hsds_file(&c, f->path, &ho);
            if (rc == PAROER_ENOMEM) { ex = CLI_INTERNAL; goto done; }
            if (c) snprintf(f->summary, sizeof f->summary, "%zu offers mapped", paroer_catalog_offer_count(c));
            paroer_catalog_free(c);
            if (rc != PAROER_OK && paroer_diagnostics_error_count(diags[i]) == 0)
                snprintf(f->why, sizeof f->why, "%s", paroer_error_last()->message);
        } else {
            paroer_population *p = NULL;
            int rc = paroer_population_load_file(&p, f->path, &lo);
            if (rc == PAROER_ENOMEM) { ex = CLI_INTERNAL; goto done; }
            if (p) snprintf(f->summary, sizeof f->summary, "%zu relatives, %zu rows", paroer_population_count(p),
                            paroer_population_relation_total(p));
            paroer_population_free(p);
            if (rc != PAROER_OK && paroer_diagnostics_error_count(diags[i]) == 0)
                snprintf(f->why, sizeof f->why, "%s", paroer_error_last()->message);
        }
        count_into(f, diags[i], 0);
        if (f->why[0]) f->errors++;
    }

    /* Report, in the order of the command line. */
    size_t errors = 0, warnings = 0, invalid = 0, unreadable = 0, limit = cli_print_limit(o);
    if (o->format == CLI_JSON) {
        jdiags = json_array();
        jfiles = json_array();
        if (!jdiags || !jfiles) { ex = CLI_INTERNAL; goto done; }
    }
    for (size_t i = 0; i < o->nargs; i++) {
        vfile *f = &files[i];
        if (f->unreadable) {
            unreadable++;
            errors++;
            if (jdiags)
                json_array_append_new(jdiags, json_pack("{s:s, s:n, s:n, s:s, s:s, s:n, s:s++}", "file", f->path,
                                                        "line", "column", "severity", "error", "message", f->why,
                                                        "path", "text", f->path, ": error: ", f->why));
            else fprintf(stderr, "%s: error: %s\n", f->path, f->why);
        } else if (f->type == CLI_DOC_CATALOG) {
            emit(cat_diag, f->doc, cat_printed, jdiags, f, limit);
        } else {
            emit(diags[i], (size_t)-1, NULL, jdiags, f, limit);
            if (f->why[0] && paroer_diagnostics_error_count(diags[i]) == 0) {
                if (jdiags)
                    json_array_append_new(jdiags, json_pack("{s:s, s:n, s:n, s:s, s:s, s:n, s:s++}", "file",
                                                            f->path, "line", "column", "severity", "error",
                                                            "message", f->why, "path", "text", f->path,
                                                            ": error: ", f->why));
                else fprintf(stderr, "%s: error: %s\n", f->path, f->why);
            }
        }
        if (!f->unreadable) {
            errors += f->errors;
            warnings += f->warnings;
            if (f->errors) invalid++;
        }
        if (jfiles) {
            json_t *jf = json_pack("{s:s, s:s, s:b, s:I, s:I, s:I}", "file", f->path, "type",
                                   f->unreadable ? "unknown" : type_name(f->type), "valid",
                                   !f->unreadable && f->errors == 0, "errors",
                                   (json_int_t)(f->unreadable ? 1 : f->errors), "warnings", (json_int_t)f->warnings,
                                   "omitted", (json_int_t)f->omitted);
            json_array_append_new(jfiles, jf);
        }
    }
    if (cat_printed) emit(cat_diag, (size_t)-1, cat_printed, jdiags, NULL, 0); /* anything not tied to a file */

    if (o->format == CLI_JSON) {
        json_t *root = json_pack("{s:b, s:I, s:I, s:o, s:o}", "valid", errors == 0, "errors", (json_int_t)errors,
                                 "warnings", (json_int_t)warnings, "files", jfiles, "diagnostics", jdiags);
        jfiles = jdiags = NULL;
        char *text = root ? json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
        json_decref(root);
        if (!text) { ex = CLI_INTERNAL; goto done; }
        puts(text);
        free(text);
    } else {
        for (size_t i = 0; i < o->nargs; i++) {
            vfile *f = &files[i];
            if (f->unreadable || f->errors) continue;
            if (f->type == CLI_DOC_CATALOG)
                printf("%s: valid catalog%s\n", f->path, f->warnings ? " (with warnings)" : "");
            else printf("%s: valid %s (%s)%s\n", f->path, f->type == CLI_DOC_RELATIVE ? "relative document" : f->type == CLI_DOC_HSDS ? "HSDS document" : "population file", f->summary,
                        f->warnings ? " (with warnings)" : "");
        }
        if (ncat > 0 && cat_offers + cat_providers + cat_policies > 0)
            printf("catalogs together: %zu offers, %zu providers, %zu polic%s\n", cat_offers, cat_providers,
                   cat_policies, cat_policies == 1 ? "y" : "ies");
        fprintf(stderr, "%zu file%s checked: %zu valid, %zu invalid, %zu unreadable; %zu error%s, %zu warning%s\n",
                o->nargs, o->nargs == 1 ? "" : "s", o->nargs - invalid - unreadable, invalid, unreadable, errors,
                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    ex = unreadable ? CLI_IO : errors ? CLI_INVALID : CLI_OK;

done:
    if (ex == CLI_INTERNAL) cli_error("out of memory");
    json_decref(jdiags);
    json_decref(jfiles);
    for (size_t i = 0; diags && i < o->nargs; i++) paroer_diagnostics_free(diags[i]);
    free(diags);
    free(files);
    free((void *)cat_paths);
    free(cat_printed);
    paroer_diagnostics_free(cat_diag);
    return ex;
}
