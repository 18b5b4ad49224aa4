/* match_one: the offers that fit one relative, best first.
 *
 *   match_one CATALOG.json RELATIVE.json [YYYY-MM-DD]
 *
 * Loads a catalog and a relative (contract sections 2 and 3), matches them
 * on the given date (default: today) and prints each eligible offer with its
 * score and the reasons it ranks where it does. */
#include <paroer/paroer.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what)
{
    const paroer_error_info *e = paroer_error_last();
    fprintf(stderr, "match_one: %s: %s\n", what, e->message);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s CATALOG.json RELATIVE.json [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    paroer_match_options opts;
    paroer_match_options_init(&opts, PAROER_MATCH_OPTIONS_VERSION);
    if (argc == 4 && paroer_date_parse(&opts.date, argv[3], strlen(argv[3])) != PAROER_OK)
        return fail(argv[3]);

    paroer_catalog *catalog = NULL;
    if (paroer_catalog_load_file(&catalog, argv[1], NULL) != PAROER_OK) return fail(argv[1]);
    paroer_relative *relative = NULL;
    if (paroer_relative_load_file(&relative, argv[2], NULL) != PAROER_OK) {
        paroer_catalog_free(catalog);
        return fail(argv[2]);
    }

    paroer_match_result *result = NULL;
    if (paroer_match(&result, catalog, relative, &opts) != PAROER_OK) {
        paroer_relative_free(relative);
        paroer_catalog_free(catalog);
        return fail("match");
    }

    char date[11];
    paroer_date_format(paroer_match_result_date(result), date, sizeof date);
    printf("%zu offers fit relative %s on %s:\n", paroer_match_result_count(result),
           paroer_match_result_relative_id(result), date);
    for (size_t i = 0; i < paroer_match_result_count(result); i++) {
        const paroer_offer *offer = paroer_match_result_offer(result, i);
        printf("%2zu. %-40s score %4d  (relation #%d)\n", i + 1, paroer_offer_name(offer),
               (int)paroer_match_result_score(result, i), (int)paroer_match_result_relation(result, i));
        for (size_t k = 0; k < paroer_match_result_reason_count(result, i); k++)
            printf("      - %s\n", paroer_match_result_reason(result, i, k));
    }

    paroer_match_result_free(result);    /* the result borrows from the catalog: free it first */
    paroer_relative_free(relative);
    paroer_catalog_free(catalog);
    return 0;
}
