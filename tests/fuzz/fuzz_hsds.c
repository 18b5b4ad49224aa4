/* libFuzzer target: the HSDS import (lib/hsds_import.c, contract section 7).
 *
 * The input is read as HSDS from memory with a diagnostics list, without
 * one, and strictly with guessing. A catalog that imports is walked through
 * every accessor and goes through the writers: its HSDS export (3.0 and 3.1)
 * imports again to the same catalog document, and its own document loads. */
#include "fuzz_common.h"

static paroer_catalog *reimport(const char *text, size_t len)
{
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_from_hsds_buffer(&c, text, len, "export.json", NULL);
    if (rc != PAROER_OK) fuzz_check_error(rc);
    FUZZ_CHECK(rc == PAROER_OK || rc == PAROER_ENOMEM);
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    paroer_diagnostics *diag = NULL;
    FUZZ_CHECK(paroer_diagnostics_new(&diag, NULL) == PAROER_OK);
    paroer_hsds_options opts;
    FUZZ_CHECK(paroer_hsds_options_init(&opts, PAROER_HSDS_OPTIONS_VERSION) == PAROER_OK);
    opts.diagnostics = diag;

    paroer_catalog *c = NULL;
    int rc = paroer_catalog_from_hsds_buffer(&c, text, size, "fuzz.json", &opts);
    fuzz_walk_diagnostics(diag);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(c != NULL);
        FUZZ_CHECK(paroer_diagnostics_error_count(diag) == 0);
        fuzz_walk_catalog(c);
        char *own = NULL;
        size_t own_len = 0;
        FUZZ_CHECK(paroer_catalog_to_json(c, &own, &own_len) == PAROER_OK);
        paroer_catalog *back = NULL;
        FUZZ_CHECK(paroer_catalog_load_buffer(&back, own, own_len, "own.json", NULL) == PAROER_OK);
        paroer_catalog_free(back);
        int32_t versions[2] = {PAROER_HSDS_3_0, PAROER_HSDS_3_1};
        for (int v = 0; v < 2; v++) {
            paroer_hsds_options eo;
            paroer_hsds_options_init(&eo, PAROER_HSDS_OPTIONS_VERSION);
            eo.hsds_version = versions[v];
            eo.date = 20000;
            char *h = NULL;
            size_t hl = 0;
            FUZZ_CHECK(paroer_catalog_to_hsds(c, &eo, &h, &hl) == PAROER_OK);
            paroer_catalog *r = reimport(h, hl);
            if (r) {
                char *again = NULL;
                size_t again_len = 0;
                FUZZ_CHECK(paroer_catalog_to_json(r, &again, &again_len) == PAROER_OK);
                FUZZ_CHECK(again_len == own_len && memcmp(again, own, own_len) == 0);
                paroer_free(again);
                paroer_catalog_free(r);
            }
            paroer_free(h);
        }
        paroer_free(own);
    } else {
        FUZZ_CHECK(c == NULL);
        fuzz_check_error(rc);
    }
    paroer_catalog_free(c);

    /* Without diagnostics, and strictly with guessing: same outcome class. */
    paroer_catalog *c2 = NULL;
    int rc2 = paroer_catalog_from_hsds_buffer(&c2, text, size, "fuzz.json", NULL);
    FUZZ_CHECK((rc2 == PAROER_OK) == (rc == PAROER_OK) || rc == PAROER_ENOMEM || rc2 == PAROER_ENOMEM);
    paroer_catalog_free(c2);
    paroer_hsds_options strict;
    paroer_hsds_options_init(&strict, PAROER_HSDS_OPTIONS_VERSION);
    strict.flags = PAROER_HSDS_STRICT | PAROER_HSDS_GUESS_KIND;
    paroer_catalog *c3 = NULL;
    int rc3 = paroer_catalog_from_hsds_buffer(&c3, text, size, "fuzz.json", &strict);
    if (rc3 == PAROER_OK) fuzz_walk_catalog(c3);
    else fuzz_check_error(rc3);
    paroer_catalog_free(c3);
    paroer_diagnostics_free(diag);
    return 0;
}
