/* Version, status strings, error record, dates, diagnostics. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(paroer_version(), PAROER_VERSION_STRING);
    assert_int_equal(paroer_version_number(), PAROER_VERSION_HEX);
    assert_int_equal(paroer_abi_version(), PAROER_ABI_VERSION);
    assert_true(PAROER_VERSION_AT_LEAST(0, 0, 1));
}

static void test_strerror(void **state)
{
    (void)state;
    assert_string_equal(paroer_strerror(PAROER_OK), "success");
    assert_string_equal(paroer_strerror(PAROER_ENOMEM), "out of memory");
    assert_string_equal(paroer_strerror(PAROER_EDUPLICATE), "duplicate id");
    assert_string_equal(paroer_strerror(12345), "unknown error");
}

static void test_dates(void **state)
{
    (void)state;
    int32_t d;
    assert_int_equal(paroer_date_parse(&d, "1970-01-01", 10), PAROER_OK);
    assert_int_equal(d, 0);
    assert_int_equal(paroer_date_parse(&d, "2024-02-29", 10), PAROER_OK);
    int32_t y, m, dd;
    assert_int_equal(paroer_date_to_ymd(d, &y, &m, &dd), PAROER_OK);
    assert_int_equal(y, 2024); assert_int_equal(m, 2); assert_int_equal(dd, 29);
    char buf[11];
    assert_int_equal(paroer_date_format(d, buf, sizeof buf), PAROER_OK);
    assert_string_equal(buf, "2024-02-29");
    assert_int_equal(paroer_date_format(d, buf, 10), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "2026-02-30", 10), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "2025-02-29", 10), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "2026-13-01", 10), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "2026-1-01", 9), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "2026/01/01", 10), PAROER_EINVALID);
    assert_int_equal(paroer_date_parse(&d, "0000-01-01", 10), PAROER_EINVALID);
    int32_t a, b;
    assert_int_equal(paroer_date_from_ymd(&a, 2025, 12, 31), PAROER_OK);
    assert_int_equal(paroer_date_from_ymd(&b, 2026, 1, 1), PAROER_OK);
    assert_int_equal(b - a, 1);
    assert_int_equal(paroer_date_from_ymd(&a, 1969, 12, 31), PAROER_OK);
    assert_int_equal(a, -1);
    /* Round trip over many years. */
    for (int32_t day = -719000; day < 2900000; day += 997) {
        assert_int_equal(paroer_date_to_ymd(day, &y, &m, &dd), PAROER_OK);
        int32_t back;
        assert_int_equal(paroer_date_from_ymd(&back, y, m, dd), PAROER_OK);
        assert_int_equal(back, day);
    }
    assert_true(paroer_date_today() > 20000);
    assert_int_equal(paroer_date_to_ymd(PAROER_DATE_NONE, &y, &m, &dd), PAROER_EINVALID);
}

static void test_error_record(void **state)
{
    (void)state;
    paroer_error_clear();
    const paroer_error_info *e = paroer_error_last();
    assert_non_null(e);
    assert_int_equal(e->code, 0);
    assert_string_equal(e->message, "");
    int32_t d;
    assert_int_equal(paroer_date_parse(&d, "x", 1), PAROER_EINVALID);
    e = paroer_error_last();
    assert_int_equal(e->code, PAROER_EINVALID);
    assert_non_null(strstr(e->message, "YYYY-MM-DD"));
    paroer_error_clear();
    assert_int_equal(paroer_error_last()->code, 0);
}

static void test_diagnostics_empty(void **state)
{
    (void)state;
    paroer_diagnostics *d;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    assert_int_equal(paroer_diagnostics_count(d), 0);
    assert_null(paroer_diagnostic_text(d, 0));
    assert_int_equal(paroer_diagnostic_severity(d, 0), -1);
    paroer_diagnostics_free(d);
    paroer_diagnostics_free(NULL);
    assert_int_equal(paroer_diagnostics_new(NULL, NULL), PAROER_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version), cmocka_unit_test(test_strerror), cmocka_unit_test(test_dates),
        cmocka_unit_test(test_error_record), cmocka_unit_test(test_diagnostics_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
