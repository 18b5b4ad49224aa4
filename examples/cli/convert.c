/* convert.c - `paroer convert --from hsds|paroer --to hsds|paroer
 * [--hsds-version 3.0|3.1] FILE... -o OUT` (contract 6a, section 7).
 *
 * Reads catalogs in our own format or HSDS (files, or data-package
 * directories), merges them into one catalog, and writes it in the other (or
 * the same) format. Problems are printed as FILE:LINE:COLUMN: error: ...;
 * services an HSDS import leaves out are printed as warnings naming them.
 * This command parses its own options (see cli_convert_main). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int write_out(const char *path, const char *text, size_t len)
{
    if (!strcmp(path, "-")) {
        if (fwrite(text, 1, len, stdout) != len || fputc('\n', stdout) == EOF) return CLI_IO;
        return CLI_OK;
    }
    /* A regular file is replaced whole (written beside it, then renamed), so
     * a failed run leaves the old one; anything else (/dev/stdout, a pipe,
     * /dev/null) is written in place and never replaced. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(path, "wb");
        int ok = f && fwrite(text, 1, len, f) == len && fputc('\n', f) != EOF;
        if (f && fclose(f) != 0) ok = 0;
        if (!ok) cli_error("cannot write %s", path);
        return ok ? CLI_OK : CLI_IO;
    }
    /* The library's atomic write: an exclusive temporary file beside it,
     * synced, the old mode kept, renamed (paroer_file_write()). */
    char *buf = malloc(len + 1);
    if (!buf) return CLI_INTERNAL;
    memcpy(buf, text, len);
    buf[len] = '\n';
    int rc = paroer_file_write(path, buf, len + 1);
    free(buf);
    if (rc == PAROER_ENOMEM) return CLI_INTERNAL;
    if (rc != PAROER_OK) {
        cli_error("%s: %s", path, paroer_error_last()->message);
        return CLI_IO;
    }
    return CLI_OK;
}

int cli_convert_main(int argc, char **argv, int first);
int cli_convert_main(int argc, char **argv, int first)
{
    const char *from = NULL, *to = NULL, *out = NULL, *version = NULL;
    int strict = 0, guess = 0, want_help = 0;
    int32_t lang = PAROER_LANG_DA;
    const char *format = NULL, *lang_text = NULL, *m_text = NULL, *date_text = NULL;
    int32_t municipality = -1, date = PAROER_DATE_NONE;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) return CLI_INTERNAL;
    int ex = CLI_OK;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        const char *name = a;
        const char *val = NULL;
        if (a[0] != '-' || !a[1]) { files[nfiles++] = a; continue; }
        if (!strncmp(a, "--", 2) && strchr(a, '=')) {
            static char keybuf[64];
            size_t k = (size_t)(strchr(a, '=') - a);
            if (k >= sizeof keybuf) k = sizeof keybuf - 1;
            memcpy(keybuf, a, k);
            keybuf[k] = '\0';
            name = keybuf;
            val = strchr(a, '=') + 1;
        }
        if (!strcmp(name, "-h") || !strcmp(name, "--help")) { want_help = 1; continue; }
        if (!strcmp(name, "-V") || !strcmp(name, "--version")) { want_help = 2; continue; }
        if (!strcmp(name, "--strict")) { strict = 1; continue; }
        if (!strcmp(name, "--guess-kind")) { guess = 1; continue; }
        if (!strcmp(name, "--from")) slot = &from;
        else if (!strcmp(name, "--to")) slot = &to;
        else if (!strcmp(name, "-o") || !strcmp(name, "--output")) slot = &out;
        else if (!strcmp(name, "--hsds-version")) slot = &version;
        else if (!strcmp(name, "-m") || !strcmp(name, "--municipality")) slot = &m_text;
        else if (!strcmp(name, "-d") || !strcmp(name, "--date")) slot = &date_text;
        else if (!strcmp(name, "-f") || !strcmp(name, "--format")) slot = &format;
        else if (!strcmp(name, "-l") || !strcmp(name, "--lang")) slot = &lang_text;
        else { ex = cli_usage_error("convert", "unknown option '%s'", a); goto done; }
        if (!val) {
            if (i + 1 >= argc || !argv[i + 1][0]) { ex = cli_usage_error("convert", "option '%s' needs a value", a); goto done; }
            val = argv[++i];
        }
        /* every option of convert takes one value, as in the other commands */
        if (*slot) { ex = cli_usage_error("convert", "option '%s' was given twice (it takes one value)", a); goto done; }
        *slot = val;
        if (slot == &lang_text) {
            if (!strcmp(val, "da")) lang = PAROER_LANG_DA;
            else if (!strcmp(val, "en")) lang = PAROER_LANG_EN;
            else { ex = cli_usage_error("convert", "unknown --lang '%s' (expected da or en)", val); goto done; }
        } else if (slot == &format) {
            if (strcmp(val, "text") && strcmp(val, "json")) {
                ex = cli_usage_error("convert", "unknown --format '%s' (expected text or json)", val);
                goto done;
            }
        } else if (slot == &m_text || slot == &date_text) {
            if (slot == &m_text) {
                char *end;
                long m = strtol(val, &end, 10);
                if (*end || m < 1 || m > 999) { ex = cli_usage_error("convert", "invalid municipality code '%s'", val); goto done; }
                municipality = (int32_t)m;
            } else {
                if (paroer_date_parse(&date, val, strlen(val)) != PAROER_OK) {
                    ex = cli_usage_error("convert", "invalid date '%s' (expected YYYY-MM-DD)", val);
                    goto done;
                }
            }
        }
    }
    if (want_help == 1) {
        cli_help(stdout, "convert", lang);
        goto done;
    }
    if (want_help == 2) {
        printf("paroer %s\n", paroer_version());
        goto done;
    }
    if (!from || !to) { ex = cli_usage_error("convert", "--from and --to are required"); goto done; }
    int from_hsds = !strcmp(from, "hsds"), to_hsds = !strcmp(to, "hsds");
    if (!from_hsds && strcmp(from, "paroer")) { ex = cli_usage_error("convert", "unknown --from '%s' (expected hsds or paroer)", from); goto done; }
    if (!to_hsds && strcmp(to, "paroer")) { ex = cli_usage_error("convert", "unknown --to '%s' (expected hsds or paroer)", to); goto done; }
    int32_t hv = PAROER_HSDS_3_1;
    if (version) {
        if (!strcmp(version, "3.0")) hv = PAROER_HSDS_3_0;
        else if (strcmp(version, "3.1")) { ex = cli_usage_error("convert", "unknown --hsds-version '%s' (expected 3.0 or 3.1)", version); goto done; }
        if (!to_hsds) { ex = cli_usage_error("convert", "--hsds-version applies only to --to hsds"); goto done; }
    }
    if (!nfiles) { ex = cli_usage_error("convert", "no FILE given"); goto done; }
    if (!out) { ex = cli_usage_error("convert", "-o OUT is required"); goto done; }
    for (size_t i = 0; i < nfiles; i++)
        if (strcmp(out, "-") && same_file(out, files[i])) {
            ex = cli_usage_error("convert", "-o %s would overwrite an input", out);
            goto done;
        }

    paroer_diagnostics *d = NULL;
    if (paroer_diagnostics_new(&d, NULL) != PAROER_OK) { ex = CLI_INTERNAL; goto done; }
    paroer_catalog *c = NULL;
    int rc;
    if (from_hsds) {
        paroer_hsds_options ho;
        paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION);
        ho.diagnostics = d;
        ho.municipality = municipality;
        if (strict) ho.flags |= PAROER_HSDS_STRICT;
        if (guess) ho.flags |= PAROER_HSDS_GUESS_KIND;
        rc = paroer_catalog_from_hsds_files(&c, files, nfiles, &ho);
    } else {
        paroer_load_options lo;
        paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
        lo.diagnostics = d;
        if (strict) lo.flags |= PAROER_LOAD_STRICT;
        rc = paroer_catalog_load_files(&c, files, nfiles, &lo);
    }
    cli_print_diagnostics(d, 1);
    if (rc != PAROER_OK && paroer_diagnostics_error_count(d) == 0) cli_error("%s", paroer_error_last()->message);
    if (rc == PAROER_OK) {
        char *text = NULL;
        size_t len = 0;
        paroer_diagnostics_clear(d);
        if (to_hsds) {
            paroer_hsds_options ho;
            paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION);
            ho.hsds_version = hv;
            ho.date = date;
            ho.diagnostics = d;
            rc = paroer_catalog_to_hsds(c, &ho, &text, &len);
            for (size_t i = 0; i < paroer_diagnostics_count(d); i++)
                fprintf(stderr, "paroer convert: warning: %s\n", paroer_diagnostic_message(d, i));
        } else {
            rc = paroer_catalog_to_json(c, &text, &len);
        }
        if (rc == PAROER_OK) {
            ex = write_out(out, text, len);
            if (ex == CLI_OK && strcmp(out, "-"))
                fprintf(stderr, "%s: %zu offers, %zu providers, %zu policies written\n", out,
                        paroer_catalog_offer_count(c), paroer_catalog_provider_count(c), paroer_catalog_policy_count(c));
        } else {
            cli_error("%s", paroer_error_last()->message);
            ex = cli_exit_for(rc);
        }
        paroer_free(text);
    } else {
        ex = cli_exit_for(rc);
    }
    paroer_catalog_free(c);
    paroer_diagnostics_free(d);
done:
    free((void *)files);
    return ex;
}
