/* A program that uses an *installed* libparoer, the way a case-management
 * system would: it checks that the headers match the library it runs with,
 * then loads a catalog (the shipped data/odsherred-policy.json) and prints a
 * summary. Built by tests/consumer/run.sh with pkg-config and with CMake's
 * find_package(paroer). */
#include <paroer/paroer.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    paroer_catalog *cat = NULL;
    const paroer_policy *policy;

    if (argc != 2) {
        fprintf(stderr, "usage: %s CATALOG.json\n", argv[0]);
        return 2;
    }
    printf("libparoer %s (headers %s), ABI %d\n", paroer_version(), PAROER_VERSION_STRING,
           paroer_abi_version());
    if (strcmp(paroer_version(), PAROER_VERSION_STRING) != 0 ||
        paroer_abi_version() != PAROER_ABI_VERSION) {
        fprintf(stderr, "error: headers and library differ\n");
        return 1;
    }
    if (paroer_catalog_load_file(&cat, argv[1], NULL) != PAROER_OK) {
        const paroer_error_info *e = paroer_error_last();
        fprintf(stderr, "%s:%lld:%lld: error: %s\n", e->source, (long long)e->line,
                (long long)e->column, e->message);
        return 1;
    }
    policy = paroer_catalog_policy_for(cat, paroer_catalog_municipality(cat), PAROER_DATE_NONE);
    printf("%s: municipality %d, %zu offers, %zu policies; policy \"%s\" with %zu goals\n", argv[1],
           (int)paroer_catalog_municipality(cat), paroer_catalog_offer_count(cat),
           paroer_catalog_policy_count(cat), policy ? paroer_policy_title(policy) : "(none)",
           policy ? paroer_policy_goal_count(policy) : (size_t)0);
    paroer_catalog_free(cat);
    return policy ? 0 : 1;
}
