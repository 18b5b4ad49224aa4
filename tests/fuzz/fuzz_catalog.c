/* libFuzzer target: the catalog JSON loader (contract section 2).
 *
 * The input is loaded from memory three ways: with a diagnostics list (the
 * loader goes on after an error and resolves every path to a line and
 * column), without one (it stops at the first error), and strictly (unknown
 * keys are errors). A catalog that loads is walked through every accessor,
 * merged with a fixed catalog, and must load the same without diagnostics. */
#include "fuzz_common.h"
#include "json_locate.h"

/* The locator resumes from its previous answer; every diagnostic placed by a
 * path must sit where a fresh locator puts that path. */
static void check_positions(const paroer_diagnostics *d, const char *text, size_t size)
{
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        const char *path = paroer_diagnostic_path(d, i);
        const char *msg = paroer_diagnostic_message(d, i);
        if (!path[0] || strncmp(msg, "invalid JSON", 12) == 0 || paroer_diagnostic_line(d, i) <= 0) continue;
        if (strlen(path) >= 250) continue;   /* cut by the loader: the locator saw another path */
        pr_locate_ctx fresh = {.data = text, .len = size, .offset = -1};
        int64_t line = 0, column = 0, offset = 0;
        pr_json_locate(&fresh, path, &line, &column, &offset);
        FUZZ_CHECK(line == paroer_diagnostic_line(d, i));
        FUZZ_CHECK(column == paroer_diagnostic_column(d, i));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    paroer_diagnostics *diag = NULL;
    FUZZ_CHECK(paroer_diagnostics_new(&diag, NULL) == PAROER_OK);
    paroer_load_options opts;
    FUZZ_CHECK(paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION) == PAROER_OK);
    opts.diagnostics = diag;

    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_buffer(&c, text, size, "fuzz.json", &opts);
    fuzz_walk_diagnostics(diag);
    check_positions(diag, text, size);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(c != NULL);
        FUZZ_CHECK(paroer_diagnostics_error_count(diag) == 0);
        fuzz_walk_catalog(c);

        /* Merge with a fixed catalog: either it merges or ids collide. */
        paroer_catalog *fixed = NULL, *merged = NULL;
        FUZZ_CHECK(paroer_catalog_load_buffer(&fixed, FUZZ_CATALOG, sizeof FUZZ_CATALOG - 1,
                                              "fixed.json", NULL) == PAROER_OK);
        const paroer_catalog *both[2] = {fixed, c};
        int mrc = paroer_catalog_merge(&merged, both, 2, NULL);
        FUZZ_CHECK(mrc == PAROER_OK || mrc == PAROER_EDUPLICATE || mrc == PAROER_ESCHEMA);
        if (mrc == PAROER_OK) {
            FUZZ_CHECK(paroer_catalog_offer_count(merged) ==
                       paroer_catalog_offer_count(fixed) + paroer_catalog_offer_count(c));
            fuzz_walk_catalog(merged);
        } else {
            FUZZ_CHECK(merged == NULL);
            fuzz_check_error(mrc);
        }
        paroer_catalog_free(merged);
        paroer_catalog_free(fixed);
    } else {
        FUZZ_CHECK(c == NULL);
        fuzz_check_error(rc);
        FUZZ_CHECK(rc == PAROER_EPARSE || rc == PAROER_ESCHEMA || rc == PAROER_EDUPLICATE ||
                   rc == PAROER_ENOMEM);
        FUZZ_CHECK(paroer_diagnostics_error_count(diag) >= 1);
    }

    /* Without diagnostics the outcome is the same. */
    paroer_catalog *c2 = NULL;
    int rc2 = paroer_catalog_load_buffer(&c2, text, size, NULL, NULL);
    FUZZ_CHECK((rc2 == PAROER_OK) == (rc == PAROER_OK));
    if (rc2 == PAROER_OK)
        FUZZ_CHECK(paroer_catalog_offer_count(c2) == paroer_catalog_offer_count(c));
    else
        fuzz_check_error(rc2);
    paroer_catalog_free(c2);
    paroer_catalog_free(c);

    /* Strict: at most as permissive as the default. */
    paroer_diagnostics_clear(diag);
    opts.flags = PAROER_LOAD_STRICT;
    opts.max_errors = 3;
    paroer_catalog *c3 = NULL;
    int rc3 = paroer_catalog_load_buffer(&c3, text, size, "strict.json", &opts);
    if (rc3 == PAROER_OK) FUZZ_CHECK(rc == PAROER_OK);
    fuzz_walk_diagnostics(diag);
    paroer_catalog_free(c3);

    paroer_diagnostics_free(diag);
    return 0;
}
