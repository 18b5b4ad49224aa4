/* KL code mappings: the compiled table agrees with data/kl-codes.tsv, and
 * look-ups work both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

static void test_table_matches_tsv(void **state)
{
    (void)state;
    FILE *f = fopen(PAROER_SOURCE_DIR "/data/kl-codes.tsv", "r");
    assert_non_null(f);
    char line[2048];
    size_t i = 0;
    assert_non_null(fgets(line, sizeof line, f));  /* header */
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0]) continue;
        char *fields[6] = {0};
        char *p = line;
        for (int k = 0; k < 6 && p; k++) {
            fields[k] = p;
            p = strchr(p, '\t');
            if (p) *p++ = '\0';
        }
        assert_true(i < paroer_kl_count());
        assert_string_equal(paroer_kl_system(i), fields[0]);
        assert_string_equal(paroer_kl_code(i), fields[1]);
        assert_string_equal(paroer_kl_label(i), fields[2]);
        assert_string_equal(paroer_vocab_list_name(paroer_kl_list(i)), fields[3]);
        assert_string_equal(paroer_vocab_code(paroer_kl_list(i), paroer_kl_value(i)), fields[4]);
        i++;
    }
    fclose(f);
    assert_int_equal(i, paroer_kl_count());
    assert_null(paroer_kl_code(i));
    assert_int_equal(paroer_kl_value(i), -1);
}

static void test_lookups(void **state)
{
    (void)state;
    size_t idx[8];
    /* Ældreloven § 16 afløsning. */
    size_t n = paroer_kl_lookup(PAROER_SYSTEM_FSIII, "649b3428-4018-47da-bb36-1f2bfab3c8c1", idx, 8);
    assert_int_equal(n, 1);
    assert_int_equal(paroer_kl_list(idx[0]), PAROER_VOCAB_OFFER_KIND);
    assert_int_equal(paroer_kl_value(idx[0]), PAROER_KIND_RESPITE_HOME);
    /* An FSIII group covering both respite kinds maps to two of ours. */
    n = paroer_kl_lookup(PAROER_SYSTEM_FSIII, "H3", idx, 8);
    assert_int_equal(n, 2);
    assert_int_equal(paroer_kl_lookup(PAROER_SYSTEM_FSIII, "H3", NULL, 0), 2);
    assert_int_equal(paroer_kl_lookup(PAROER_SYSTEM_FSIII, "nope", idx, 8), 0);
    /* The other way: dementia has an FFB code. */
    n = paroer_kl_codes_for(PAROER_VOCAB_CONDITION, PAROER_CONDITION_DEMENTIA, idx, 8);
    assert_true(n >= 1);
    assert_string_equal(paroer_kl_system(idx[0]), PAROER_SYSTEM_FFB);
    assert_string_equal(paroer_kl_label(idx[0]), "Demens");
    assert_true(paroer_kl_codes_for(PAROER_VOCAB_OFFER_KIND, PAROER_KIND_RESPITE_AWAY, NULL, 0) >= 3);
    assert_int_equal(paroer_kl_codes_for(PAROER_VOCAB_OFFER_KIND, PAROER_KIND_COURSE, idx, 8), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_table_matches_tsv), cmocka_unit_test(test_lookups)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
