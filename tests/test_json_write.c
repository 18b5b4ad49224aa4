/* The library's one text writer (lib/json_write.c): structure, escaping,
 * UTF-8 checking, sticky errors, allocation failure, and numbers that read
 * back exactly and never follow the process's locale. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <cmocka.h>
#include "json_write.h"

static char *finish(pr_jw *w)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(pr_jw_finish(w, &out, &len), PAROER_OK);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static void test_structure(void **state)
{
    (void)state;
    pr_jw w;
    pr_jw_init(&w, NULL);
    pr_jw_object(&w);
    pr_jw_kstr(&w, "a", "x");
    pr_jw_key(&w, "list");
    pr_jw_array(&w);
    pr_jw_int(&w, -3);
    pr_jw_uint(&w, UINT64_MAX);
    pr_jw_bool(&w, 1);
    pr_jw_null(&w);
    pr_jw_object(&w);
    pr_jw_end(&w);
    pr_jw_array(&w);
    pr_jw_end(&w);
    pr_jw_end(&w);
    pr_jw_kstr(&w, "none", NULL);
    pr_jw_key(&w, "date");
    pr_jw_date(&w, 0);
    pr_jw_key(&w, "nodate");
    pr_jw_date(&w, PAROER_DATE_NONE);
    pr_jw_end(&w);
    char *s = finish(&w);
    assert_string_equal(s, "{\"a\":\"x\",\"list\":[-3,18446744073709551615,true,null,{},[]],\"none\":null,"
                           "\"date\":\"1970-01-01\",\"nodate\":null}");
    free(s);
}

static void test_escaping(void **state)
{
    (void)state;
    pr_jw w;
    pr_jw_init(&w, NULL);
    pr_jw_array(&w);
    pr_jw_str(&w, "q\"b\\s/\b\f\n\r\t\x01\x1f æøå");
    pr_jw_end(&w);
    char *s = finish(&w);
    assert_string_equal(s, "[\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f æøå\"]");
    free(s);
}

static void test_errors_are_sticky(void **state)
{
    (void)state;
    char *out = (char *)1;
    pr_jw w;
    /* not UTF-8 */
    pr_jw_init(&w, NULL);
    pr_jw_array(&w);
    pr_jw_str(&w, "bad \xC3\x28");
    pr_jw_int(&w, 1);
    pr_jw_end(&w);
    assert_int_equal(pr_jw_finish(&w, &out, NULL), PAROER_EINVALID);
    assert_null(out);
    /* overlong, surrogate, above U+10FFFF */
    assert_false(pr_utf8_valid("\xC0\xAF", 2));
    assert_false(pr_utf8_valid("\xED\xA0\x80", 3));
    assert_false(pr_utf8_valid("\xF4\x90\x80\x80", 4));
    assert_true(pr_utf8_valid("\xF0\x9F\x98\x80", 4));
    /* left open */
    pr_jw_init(&w, NULL);
    pr_jw_object(&w);
    assert_int_equal(pr_jw_finish(&w, &out, NULL), PAROER_EINVALID);
    /* closed once too often, and a key without a value */
    pr_jw_init(&w, NULL);
    pr_jw_array(&w);
    pr_jw_end(&w);
    pr_jw_end(&w);
    assert_int_equal(pr_jw_finish(&w, &out, NULL), PAROER_EINVALID);
    pr_jw_init(&w, NULL);
    pr_jw_object(&w);
    pr_jw_key(&w, "k");
    pr_jw_end(&w);
    assert_int_equal(pr_jw_finish(&w, &out, NULL), PAROER_EINVALID);
    /* deeper than the limit */
    pr_jw_init(&w, NULL);
    for (int i = 0; i < PR_JW_MAX_DEPTH + 5; i++) pr_jw_array(&w);
    for (int i = 0; i < PR_JW_MAX_DEPTH + 5; i++) pr_jw_end(&w);
    assert_int_equal(pr_jw_finish(&w, &out, NULL), PAROER_EINVALID);
    assert_null(out);
}

/* An allocator failing from the k-th call on. */
typedef struct failing { int calls, fail_at; } failing;
static void *f_malloc(void *ctx, size_t n)
{
    failing *f = ctx;
    return ++f->calls >= f->fail_at ? NULL : malloc(n);
}
static void *f_realloc(void *ctx, void *p, size_t o, size_t n)
{
    (void)o;
    failing *f = ctx;
    return ++f->calls >= f->fail_at ? NULL : realloc(p, n);
}
static void f_free(void *ctx, void *p) { (void)ctx; free(p); }

static void test_allocation_failure(void **state)
{
    (void)state;
    for (int k = 1; k < 12; k++) {
        failing f = {0, k};
        paroer_allocator a = {f_malloc, f_realloc, f_free, &f};
        pr_jw w;
        pr_jw_init(&w, &a);
        pr_jw_array(&w);
        for (int i = 0; i < 400; i++) pr_jw_str(&w, "a string long enough to make the buffer grow");
        pr_jw_end(&w);
        char *out = NULL;
        int rc = pr_jw_finish(&w, &out, NULL);
        if (f.calls >= k) {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(out);
        } else {
            assert_int_equal(rc, PAROER_OK);
            f_free(NULL, out);
        }
    }
}

static void double_text(double v, char *t, size_t cap)
{
    pr_buf b;
    pr_buf_init(&b, NULL);
    pr_buf_double(&b, v);
    char *s = NULL;
    assert_int_equal(pr_buf_finish(&b, &s, NULL), PAROER_OK);
    snprintf(t, cap, "%s", s);
    free(s);
}

/* C-locale reading of a JSON number, done by hand so it cannot follow the
 * locale either: sign, digits, '.', digits, exponent. */
static int json_number_syntax(const char *s)
{
    if (*s == '-') s++;
    if (*s < '0' || *s > '9') return 0;
    while (*s >= '0' && *s <= '9') s++;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9') return 0;
        while (*s >= '0' && *s <= '9') s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-') s++;
        if (*s < '0' || *s > '9') return 0;
        while (*s >= '0' && *s <= '9') s++;
    }
    return *s == '\0';
}

static void check_numbers(void)
{
    char t[64];
    double_text(0.8123, t, sizeof t);
    assert_string_equal(t, "0.8123");
    double_text(2.0 / 3.0, t, sizeof t);
    assert_string_equal(t, "0.6666666666666666");
    double_text(1, t, sizeof t);
    assert_string_equal(t, "1");
    double_text(0.1, t, sizeof t);
    assert_string_equal(t, "0.1");
    double_text(1e-300, t, sizeof t);
    assert_string_equal(t, "1e-300");
    double_text(0.0 / 0.0 * 0, t, sizeof t);
    assert_string_equal(t, "null");
    /* every double reads back as itself, in the JSON syntax */
    srand(7);
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = ((uint64_t)rand() << 42) ^ ((uint64_t)rand() << 21) ^ (uint64_t)rand();
        double v;
        memcpy(&v, &bits, sizeof v);
        if (v != v || v - v != 0) continue;
        if (i % 2) v = (double)rand() / RAND_MAX;
        double_text(v, t, sizeof t);
        assert_true(json_number_syntax(t));
        /* strtod in this locale reads the locale's point: turn ours into it */
        char loc[64];
        snprintf(loc, sizeof loc, "%s", t);
        char *dot = strchr(loc, '.');
        const char *lp = localeconv()->decimal_point;
        if (dot && lp[0] && !lp[1]) *dot = lp[0];
        assert_true(strtod(loc, NULL) == v);
    }
    pr_buf b;
    pr_buf_init(&b, NULL);
    pr_buf_fixed(&b, 61.25, 1, ',');
    pr_buf_putc(&b, ' ');
    pr_buf_fixed(&b, 0.5, 2, '.');
    pr_buf_putc(&b, ' ');
    pr_buf_printf(&b, "%d%%", 42);
    char *s = NULL;
    assert_int_equal(pr_buf_finish(&b, &s, NULL), PAROER_OK);
    assert_string_equal(s, "61,2 0.50 42%");
    free(s);
}

static void test_numbers_c_locale(void **state)
{
    (void)state;
    check_numbers();
}

/* A host that set a Danish locale still gets JSON numbers ("0,8123" was
 * the finding). scripts/setup.sh installs the locale (locales-all). */
static void test_numbers_danish_locale(void **state)
{
    (void)state;
    if (!setlocale(LC_ALL, "da_DK.UTF-8")) fail_msg("the da_DK.UTF-8 locale is missing (Debian: locales-all)");
    assert_string_equal(localeconv()->decimal_point, ",");
    check_numbers();
    setlocale(LC_ALL, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_errors_are_sticky),
        cmocka_unit_test(test_allocation_failure),
        cmocka_unit_test(test_numbers_c_locale),
        cmocka_unit_test(test_numbers_danish_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
