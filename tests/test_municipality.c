/* Municipality names: the compiled table agrees with data/municipalities.csv
 * row for row, and look-ups by code work both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <paroer/paroer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_table_matches_csv(void **state)
{
    (void)state;
    FILE *f = fopen(PAROER_SOURCE_DIR "/data/municipalities.csv", "r");
    assert_non_null(f);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    assert_int_equal(strncmp(line, "code,name,region,region_code", 28), 0);
    size_t rows = 0;
    int32_t last = -1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0]) continue;
        char *name = strchr(line, ','), *region = name ? strchr(name + 1, ',') : NULL,
             *rcode = region ? strchr(region + 1, ',') : NULL;
        assert_non_null(rcode);
        *name++ = *region++ = *rcode++ = '\0';
        int32_t code = (int32_t)atoi(line);
        assert_string_equal(paroer_municipality_name(code), name);
        int32_t rc = 0;
        assert_string_equal(paroer_municipality_region(code, &rc), region);
        assert_int_equal(rc, atoi(rcode));
        assert_true(code > last); /* the CSV is in code order, like the table */
        last = code;
        assert_int_equal(paroer_municipality_code(rows), code);
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, 98);
    assert_int_equal(paroer_municipality_count(), rows);
}

static void test_lookups(void **state)
{
    (void)state;
    assert_string_equal(paroer_municipality_name(306), "Odsherred");
    assert_string_equal(paroer_municipality_name(101), "København");
    int32_t rc = 0;
    assert_string_equal(paroer_municipality_region(306, &rc), "Sjælland");
    assert_int_equal(rc, 1085);
    assert_null(paroer_municipality_name(0));
    assert_null(paroer_municipality_name(999));
    assert_null(paroer_municipality_name(-1));
    assert_null(paroer_municipality_region(100, &rc));
    assert_int_equal(rc, -1);
    assert_null(paroer_municipality_region(100, NULL));
    assert_int_equal(paroer_municipality_code(paroer_municipality_count()), -1);
    assert_int_equal(paroer_municipality_code((size_t)-1), -1);
    /* every code in the table finds its own entry */
    for (size_t i = 0; i < paroer_municipality_count(); i++)
        assert_non_null(paroer_municipality_name(paroer_municipality_code(i)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_table_matches_csv), cmocka_unit_test(test_lookups)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
