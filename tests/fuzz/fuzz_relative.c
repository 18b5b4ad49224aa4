/* libFuzzer target: the relative JSON loader (contract section 3).
 *
 * The input is loaded with and without diagnostics; a relative that loads is
 * walked through every accessor and matched (with explanations) against a
 * fixed catalog, and the result written as JSON. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    paroer_diagnostics *diag = NULL;
    FUZZ_CHECK(paroer_diagnostics_new(&diag, NULL) == PAROER_OK);
    paroer_load_options opts;
    FUZZ_CHECK(paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION) == PAROER_OK);
    opts.diagnostics = diag;

    paroer_relative *r = NULL;
    int rc = paroer_relative_load_buffer(&r, text, size, "relative.json", &opts);
    fuzz_walk_diagnostics(diag);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(r != NULL);
        FUZZ_CHECK(paroer_relative_relation_count(r) >= 1);
        fuzz_walk_relative(r);

        const paroer_catalog *c = fuzz_fixed_catalog();
        paroer_match_options mo;
        FUZZ_CHECK(paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION) == PAROER_OK);
        mo.date = fuzz_date();
        mo.explain = 1;
        paroer_match_result *m = NULL;
        /* Without the possible option a relative with unknown facts is refused
         * (contract 4a: a caller that does not ask never sees "possible"). */
        int mrc = paroer_match(&m, c, r, &mo);
        if (paroer_relative_has_unknowns(r)) {
            FUZZ_CHECK(mrc == PAROER_EINVALID && m == NULL);
            fuzz_check_error(mrc);
        } else {
            FUZZ_CHECK(mrc == PAROER_OK);
            fuzz_walk_match(m);
            FUZZ_CHECK(paroer_match_result_outcome_count(m, PAROER_OUTCOME_POSSIBLE) == 0);
            paroer_match_result_free(m);
            m = NULL;
        }
        /* With it every relative is matched; possible entries are ranked
         * after the eligible ones, so ranked + excluded is still every offer. */
        mo.possible = 1;
        FUZZ_CHECK(paroer_match(&m, c, r, &mo) == PAROER_OK);
        fuzz_walk_match(m);
        FUZZ_CHECK(paroer_match_result_count(m) + paroer_match_result_excluded_count(m) ==
                   paroer_catalog_offer_count(c));
        FUZZ_CHECK(paroer_match_result_outcome_count(m, PAROER_OUTCOME_ELIGIBLE) +
                       paroer_match_result_outcome_count(m, PAROER_OUTCOME_POSSIBLE) +
                       paroer_match_result_outcome_count(m, PAROER_OUTCOME_EXCLUDED) ==
                   paroer_catalog_offer_count(c));
        if (!paroer_relative_has_unknowns(r))
            FUZZ_CHECK(paroer_match_result_outcome_count(m, PAROER_OUTCOME_POSSIBLE) == 0);
        paroer_match_result_free(m);
    } else {
        FUZZ_CHECK(r == NULL);
        fuzz_check_error(rc);
        FUZZ_CHECK(rc == PAROER_EPARSE || rc == PAROER_ESCHEMA || rc == PAROER_ENOMEM);
    }

    paroer_relative *r2 = NULL;
    int rc2 = paroer_relative_load_buffer(&r2, text, size, NULL, NULL);
    FUZZ_CHECK((rc2 == PAROER_OK) == (rc == PAROER_OK));
    if (rc2 == PAROER_OK) {
        FUZZ_CHECK(paroer_relative_age(r2) == paroer_relative_age(r));
        FUZZ_CHECK(paroer_relative_relation_count(r2) == paroer_relative_relation_count(r));
    }
    paroer_relative_free(r2);
    paroer_relative_free(r);
    paroer_diagnostics_free(diag);
    return 0;
}
