/* Every JSON text the library writes is independent of the process's locale
 * (contract 5a): a host that called setlocale(LC_ALL, "da_DK.UTF-8") (decimal
 * comma) gets byte for byte the text of the "C" locale, and it parses as JSON
 * with its numbers intact. Covered: the match JSON, the coverage JSON with a
 * municipality and a population, the national coverage JSON, the overview
 * JSON and CSV, the catalog JSON, HSDS 3.0 and 3.1, and the HTML report. A
 * writer added later belongs in outputs() below.
 * scripts/setup.sh installs the locale (Debian: locales-all). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <paroer/paroer.h>

#define OK(x) assert_int_equal((x), PAROER_OK)
#define N_OUT 9

enum { TEXT = 0, JSON = 1, CSV = 2 };
typedef struct out { const char *name; char *text; size_t len; int kind; } out;

/* Every output, written in the current locale. */
static void outputs(out o[N_OUT])
{
    const char *cats[] = {PAROER_SOURCE_DIR "/data/dk-offers.json", PAROER_SOURCE_DIR "/data/odsherred-policy.json"};
    paroer_catalog *c = NULL;
    OK(paroer_catalog_load_files(&c, cats, 2, NULL));
    paroer_population *pop = NULL;
    OK(paroer_population_load_file(&pop, PAROER_SOURCE_DIR "/tests/data/pop-small.csv", NULL));
    paroer_relative *r = NULL;
    OK(paroer_relative_load_file(&r, PAROER_SOURCE_DIR "/examples/relatives/daughter-dementia.json", NULL));
    int32_t date;
    OK(paroer_date_parse(&date, "2026-03-01", 10));

    paroer_match_options mo;
    OK(paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION));
    mo.date = date;
    mo.explain = 1;
    paroer_match_result *m = NULL;
    OK(paroer_match(&m, c, r, &mo));
    o[0] = (out){"match", NULL, 0, JSON};
    OK(paroer_match_result_to_json(m, &o[0].text, &o[0].len));
    paroer_match_result_free(m);

    paroer_coverage *cov306 = NULL;
    for (int k = 0; k < 2; k++) {
        paroer_coverage_options co;
        OK(paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION));
        co.date = date;
        co.municipality = k == 0 ? 306 : -1;
        co.population = pop;
        paroer_coverage *cov = NULL;
        OK(paroer_coverage_compute(&cov, c, &co));
        o[1 + k] = (out){k == 0 ? "coverage 306" : "coverage national", NULL, 0, JSON};
        OK(paroer_coverage_to_json(cov, &o[1 + k].text, &o[1 + k].len));
        if (k == 0) cov306 = cov;
        else paroer_coverage_free(cov);
    }

    paroer_overview_options oo;
    OK(paroer_overview_options_init(&oo, PAROER_OVERVIEW_OPTIONS_VERSION));
    oo.date = date;
    paroer_overview *ov = NULL;
    OK(paroer_overview_compute(&ov, c, &oo));
    o[3] = (out){"overview json", NULL, 0, JSON};
    OK(paroer_overview_to_json(ov, &o[3].text, &o[3].len));
    o[4] = (out){"overview csv", NULL, 0, CSV};
    OK(paroer_overview_to_csv(ov, &o[4].text, &o[4].len));
    paroer_overview_free(ov);

    o[5] = (out){"catalog json", NULL, 0, JSON};
    OK(paroer_catalog_to_json(c, &o[5].text, &o[5].len));
    for (int k = 0; k < 2; k++) {
        paroer_hsds_options ho;
        OK(paroer_hsds_options_init(&ho, PAROER_HSDS_OPTIONS_VERSION));
        ho.hsds_version = k == 0 ? PAROER_HSDS_3_0 : PAROER_HSDS_3_1;
        o[6 + k] = (out){k == 0 ? "hsds 3.0" : "hsds 3.1", NULL, 0, JSON};
        OK(paroer_catalog_to_hsds(c, &ho, &o[6 + k].text, &o[6 + k].len));
    }
    o[8] = (out){"report html", NULL, 0, TEXT};
    OK(paroer_report_html(cov306, c, NULL, &o[8].text, &o[8].len));
    paroer_coverage_free(cov306);

    paroer_relative_free(r);
    paroer_population_free(pop);
    paroer_catalog_free(c);
}

/* Counts the reals of a JSON value (so the test sees there were decimals to break). */
static size_t reals(const json_t *v)
{
    size_t n = 0, i;
    const char *k;
    json_t *e;
    if (json_is_real(v)) return 1;
    if (json_is_array(v)) json_array_foreach((json_t *)v, i, e) n += reals(e);
    if (json_is_object(v)) json_object_foreach((json_t *)v, k, e) n += reals(e);
    return n;
}

static void test_danish_locale(void **state)
{
    (void)state;
    out plain[N_OUT], danish[N_OUT];
    outputs(plain);
    if (!setlocale(LC_ALL, "da_DK.UTF-8")) fail_msg("the da_DK.UTF-8 locale is missing (Debian: locales-all)");
    assert_string_equal(localeconv()->decimal_point, ",");
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 0.5);
    assert_string_equal(probe, "0,5");   /* the C library does follow the locale */
    outputs(danish);
    setlocale(LC_ALL, "C");
    size_t total_reals = 0;
    for (int i = 0; i < N_OUT; i++) {
        if (plain[i].len != danish[i].len || memcmp(plain[i].text, danish[i].text, plain[i].len) != 0)
            fail_msg("%s: the text differs under da_DK.UTF-8", plain[i].name);
        if (plain[i].kind == JSON) {
            json_error_t err;
            json_t *doc = json_loadb(danish[i].text, danish[i].len, 0, &err);
            if (!doc) fail_msg("%s: not JSON under da_DK.UTF-8: %s", plain[i].name, err.text);
            total_reals += reals(doc);
            json_decref(doc);
        } else if (plain[i].kind == CSV) {
            /* CSV: a decimal comma would add fields; every line has the header's. */
            size_t fields = 0, line_fields = 0;
            int first = 1;
            for (size_t k = 0; k < danish[i].len; k++) {
                char ch = danish[i].text[k];
                if (ch == ',') line_fields++;
                if (ch == '\n') {
                    if (first) fields = line_fields;
                    else if (line_fields != fields) fail_msg("%s: a line has another number of fields", plain[i].name);
                    first = 0;
                    line_fields = 0;
                }
            }
        }
        paroer_free(plain[i].text);
        paroer_free(danish[i].text);
    }
    assert_true(total_reals > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_danish_locale)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
