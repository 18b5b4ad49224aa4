/* The report module: the HTML writer (escaping, locale-free numbers, Danish
 * dates), the gap summary, the words of the checks, and the page itself
 * (self-contained, escaped, the same bytes under a Danish LC_NUMERIC, every
 * failing allocation reported as ENOMEM without leaks). */
#include "test_coverage_util.h"

#include "html_write.h"

#include <locale.h>

/* ---- the HTML writer ----------------------------------------------------------------- */

static void test_html_escaping(void **state)
{
    (void)state;
    pr_html h;
    pr_html_init(&h, NULL);
    pr_html_text(&h, "a&b <i>\"q\" 'x' \x01 \xC3\x28 \xF0\x9F\x98\x80 æøå\ttab");
    pr_html_text(&h, NULL);
    char *s = NULL;
    size_t len = 0;
    assert_int_equal(pr_html_take(&h, &s, &len), PAROER_OK);
    assert_string_equal(s, "a&amp;b &lt;i&gt;&quot;q&quot; &#39;x&#39; \xEF\xBF\xBD \xEF\xBF\xBD( \xF0\x9F\x98\x80 æøå\ttab");
    assert_int_equal(len, strlen(s));
    paroer_free(s);
    /* an empty buffer hands over "" */
    pr_html_init(&h, NULL);
    assert_int_equal(pr_html_take(&h, &s, NULL), PAROER_OK);
    assert_string_equal(s, "");
    paroer_free(s);
}

static void test_numbers(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(pr_fmt_int(b, sizeof b, 0, PAROER_LANG_DA), "0");
    assert_string_equal(pr_fmt_int(b, sizeof b, 999, PAROER_LANG_DA), "999");
    assert_string_equal(pr_fmt_int(b, sizeof b, 1051, PAROER_LANG_DA), "1.051");
    assert_string_equal(pr_fmt_int(b, sizeof b, 1051, PAROER_LANG_EN), "1,051");
    assert_string_equal(pr_fmt_int(b, sizeof b, 18446744073709551615u, PAROER_LANG_EN), "18,446,744,073,709,551,615");
    assert_string_equal(pr_fmt_fixed(b, sizeof b, 0.0, 1), "0.0");
    assert_string_equal(pr_fmt_fixed(b, sizeof b, 123.456, 1), "123.5");
    assert_string_equal(pr_fmt_fixed(b, sizeof b, -2.5, 0), "-3");
    assert_string_equal(pr_fmt_fixed(b, sizeof b, -0.01, 1), "0.0");
    assert_string_equal(pr_fmt_fixed(b, sizeof b, 7.0, 3), "7.000");
    assert_string_equal(pr_fmt_pct(b, sizeof b, 0.4231, 1, PAROER_LANG_DA), "42,3\xC2\xA0%");
    assert_string_equal(pr_fmt_pct(b, sizeof b, 0.4231, 1, PAROER_LANG_EN), "42.3%");
    assert_string_equal(pr_fmt_pct(b, sizeof b, 1.0, 0, PAROER_LANG_DA), "100\xC2\xA0%");
    assert_string_equal(pr_fmt_pct(b, sizeof b, -1.0, 0, PAROER_LANG_EN), "0%");
    char tiny[4];
    assert_string_equal(pr_fmt_int(tiny, sizeof tiny, 123456, PAROER_LANG_DA), "123");
    /* A Danish LC_NUMERIC changes nothing. */
    if (setlocale(LC_ALL, "da_DK.UTF-8") || setlocale(LC_ALL, "da_DK.utf8")) {
        char probe[16];
        snprintf(probe, sizeof probe, "%.1f", 0.5);
        assert_string_equal(probe, "0,5"); /* the locale is really in effect */
        assert_string_equal(pr_fmt_fixed(b, sizeof b, 0.5, 1), "0.5");
        assert_string_equal(pr_fmt_pct(b, sizeof b, 0.5, 1, PAROER_LANG_EN), "50.0%");
        setlocale(LC_ALL, "C");
    }
}

static void test_dates(void **state)
{
    (void)state;
    char b[64];
    int32_t d;
    assert_int_equal(paroer_date_from_ymd(&d, 2026, 10, 31), PAROER_OK);
    assert_string_equal(pr_fmt_date(b, sizeof b, d, PAROER_LANG_DA), "31. oktober 2026");
    assert_string_equal(pr_fmt_date(b, sizeof b, d, PAROER_LANG_EN), "31 October 2026");
    assert_int_equal(paroer_date_from_ymd(&d, 2027, 1, 2), PAROER_OK);
    assert_string_equal(pr_fmt_date(b, sizeof b, d, PAROER_LANG_DA), "2. januar 2027");
    assert_string_equal(pr_fmt_date(b, sizeof b, PAROER_DATE_NONE, PAROER_LANG_DA), "?");
}

/* ---- words of the checks -------------------------------------------------------------- */

static void test_check_words(void **state)
{
    (void)state;
    static const char *const codes[] = {"respite_offered", "policy_present", "policy_current", "action_plan_due",
                                        "children_as_relatives", "counsellor_present"};
    for (size_t i = 0; i < 6; i++) {
        const char *da = paroer_check_title(codes[i], PAROER_LANG_DA), *en = paroer_check_title(codes[i], PAROER_LANG_EN);
        assert_non_null(da);
        assert_non_null(en);
        assert_string_not_equal(da, en);
        assert_null(strchr(da, '_'));
    }
    assert_null(paroer_check_title("no_such_check", PAROER_LANG_DA));
    assert_null(paroer_check_title(NULL, PAROER_LANG_DA));
    assert_null(paroer_check_title("policy_present", 7));
    assert_string_equal(paroer_check_status_label(PAROER_CHECK_PASS, PAROER_LANG_DA), "Opfyldt");
    assert_string_equal(paroer_check_status_label(PAROER_CHECK_FAIL, PAROER_LANG_EN), "Fail");
    assert_null(paroer_check_status_label(3, PAROER_LANG_DA));
    assert_null(paroer_check_status_label(PAROER_CHECK_WARN, -1));
}

/* ---- the shipped data ----------------------------------------------------------------- */

static paroer_catalog *shipped(void)
{
    const char *paths[] = {PAROER_SOURCE_DIR "/data/dk-offers.json", PAROER_SOURCE_DIR "/data/odsherred-policy.json"};
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_load_files(&c, paths, 2, NULL);
    if (rc) fail_msg("catalog did not load: %s", paroer_error_last()->message);
    return c;
}

static void test_gap_summary(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    paroer_gap_summary *g = NULL;
    assert_int_equal(paroer_gap_summary_new(&g, cov, NULL), PAROER_OK);
    assert_int_equal(paroer_gap_summary_cells(g), 286);
    assert_true(paroer_gap_summary_count(g) > 0);
    /* Every uncovered (cell, need) pair is said exactly once. */
    uint64_t pairs = 0;
    size_t by_need = 0;
    for (int32_t n = 0; n < paroer_vocab_count(PAROER_VOCAB_NEED); n++) {
        size_t k = 0;
        assert_int_equal(paroer_gap_summary_need_gaps(g, n, &k), PAROER_OK);
        by_need += k;
    }
    int32_t last_need = -1;
    for (size_t i = 0; i < paroer_gap_summary_count(g); i++) {
        int32_t need, rel;
        uint32_t bands, conds;
        int all;
        uint64_t p;
        assert_int_equal(paroer_gap_summary_item(g, i, &need, &bands, &rel, &conds, &all, &p), PAROER_OK);
        assert_true(need >= last_need); /* grouped by need */
        last_need = need;
        assert_true(bands != 0 && conds != 0 && p > 0);
        pairs += p;
        const char *s = paroer_gap_summary_text(g, i, PAROER_LANG_DA, PAROER_GAP_TEXT_SENTENCE);
        const char *h = paroer_gap_summary_text(g, i, PAROER_LANG_DA, PAROER_GAP_TEXT_HEADING);
        assert_non_null(s);
        assert_non_null(h);
        assert_true(strncmp(s, "Ingen tilbud til ", 17) == 0);
        assert_int_equal(s[strlen(s) - 1], '.');
        assert_true(strstr(s, "..") == NULL);
        if (!all) assert_int_equal(h[strlen(h) - 1], ':');
        else assert_string_equal(h, s);
        assert_null(strchr(s, '_')); /* no codes in the words */
        assert_non_null(paroer_gap_summary_text(g, i, PAROER_LANG_EN, PAROER_GAP_TEXT_SENTENCE));
    }
    assert_int_equal(pairs, paroer_coverage_gap_count(cov));
    assert_int_equal(by_need, paroer_coverage_gap_count(cov));
    size_t n = paroer_gap_summary_count(g);
    assert_null(paroer_gap_summary_text(g, n, PAROER_LANG_DA, PAROER_GAP_TEXT_SENTENCE));
    assert_null(paroer_gap_summary_text(g, 0, 2, PAROER_GAP_TEXT_SENTENCE));
    assert_null(paroer_gap_summary_text(g, 0, PAROER_LANG_DA, 2));
    assert_int_equal(paroer_gap_summary_item(g, n, NULL, NULL, NULL, NULL, NULL, NULL), PAROER_EINVALID);
    size_t k;
    assert_int_equal(paroer_gap_summary_need_gaps(g, 99, &k), PAROER_EINVALID);
    assert_int_equal(paroer_gap_summary_need_gaps(g, 0, NULL), PAROER_EINVALID);
    /* The summary outlives the coverage. */
    paroer_coverage_free(cov);
    assert_non_null(paroer_gap_summary_text(g, 0, PAROER_LANG_DA, PAROER_GAP_TEXT_SENTENCE));
    paroer_gap_summary_free(g);
    paroer_gap_summary_free(NULL);
    /* Arguments. */
    paroer_gap_summary_options o;
    assert_int_equal(paroer_gap_summary_options_init(&o, 2), PAROER_EINVALID);
    assert_int_equal(paroer_gap_summary_options_init(NULL, 1), PAROER_EINVALID);
    assert_int_equal(paroer_gap_summary_options_init(&o, PAROER_GAP_SUMMARY_OPTIONS_VERSION), PAROER_OK);
    assert_int_equal(paroer_gap_summary_new(&g, NULL, &o), PAROER_EINVALID);
    assert_null(g);
    o.version = 9;
    cov = tc_cov(c, 306, NULL, 0);
    assert_int_equal(paroer_gap_summary_new(&g, cov, &o), PAROER_EINVALID);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

static char *report(const paroer_coverage *cov, const paroer_catalog *c, const paroer_report_options *o)
{
    char *s = NULL;
    size_t len = 0;
    int rc = paroer_report_html(cov, c, o, &s, &len);
    if (rc) fail_msg("report failed: %s", paroer_error_last()->message);
    assert_int_equal(strlen(s), len);
    return s;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what)) n++;
    return n;
}

static void test_report_page(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    char *s = report(cov, c, NULL);
    assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"da\">", 32) == 0);
    assert_non_null(strstr(s, "Pårørendetilbud i Odsherred Kommune"));
    assert_non_null(strstr(s, "15. januar 2026"));
    assert_int_equal(count(s, "data-check=\""), 6);
    assert_int_equal(count(s, "<script>"), 1);
    assert_non_null(strstr(s, "default-src 'none'"));
    assert_null(strstr(s, "<link"));
    assert_int_equal(count(s, "http://"), count(s, "http://www.w3.org/2000/svg"));
    assert_null(strstr(s, "https:"));
    assert_int_equal(strcmp(s + strlen(s) - 8, "</html>\n"), 0);
    /* English, sources and a population name are escaped. */
    paroer_report_options o;
    assert_int_equal(paroer_report_options_init(&o, PAROER_REPORT_OPTIONS_VERSION), PAROER_OK);
    assert_int_equal(o.lang, PAROER_LANG_DA);
    assert_int_equal(o.age_band, PAROER_AGE_BAND_ADULT);
    const char *src[] = {"a<b>.json", "statutory.json"};
    o.lang = PAROER_LANG_EN;
    o.sources = src;
    o.source_count = 2;
    o.population_name = "p&q.csv";
    char *e = report(cov, c, &o);
    assert_non_null(strstr(e, "<html lang=\"en\">"));
    assert_non_null(strstr(e, "a&lt;b&gt;.json, statutory.json"));
    assert_non_null(strstr(e, "p&amp;q.csv"));
    assert_non_null(strstr(e, "15 January 2026"));
    paroer_free(e);
    /* The same bytes under a Danish LC_NUMERIC. */
    if (setlocale(LC_ALL, "da_DK.UTF-8") || setlocale(LC_ALL, "da_DK.utf8")) {
        char *d = report(cov, c, NULL);
        setlocale(LC_ALL, "C");
        assert_string_equal(d, s);
        paroer_free(d);
    }
    /* Arguments. */
    char *out = (char *)1;
    assert_int_equal(paroer_report_html(NULL, c, NULL, &out, NULL), PAROER_EINVALID);
    assert_null(out);
    assert_int_equal(paroer_report_html(cov, NULL, NULL, &out, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_report_html(cov, c, NULL, NULL, NULL), PAROER_EINVALID);
    o.lang = 5;
    assert_int_equal(paroer_report_html(cov, c, &o, &out, NULL), PAROER_EINVALID);
    o.lang = PAROER_LANG_DA;
    o.age_band = 17;
    assert_int_equal(paroer_report_html(cov, c, &o, &out, NULL), PAROER_EINVALID);
    o.age_band = PAROER_AGE_BAND_ADULT;
    o.sources = NULL;
    assert_int_equal(paroer_report_html(cov, c, &o, &out, NULL), PAROER_EINVALID);
    o.version = 2;
    assert_int_equal(paroer_report_html(cov, c, &o, &out, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_report_options_init(&o, 0), PAROER_EINVALID);
    assert_int_equal(paroer_report_options_init(NULL, 1), PAROER_EINVALID);
    paroer_free(s);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

static void test_report_national(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_file(&p, PAROER_SOURCE_DIR "/tests/data/pop-small.csv", NULL), PAROER_OK);
    paroer_coverage *cov = tc_cov(c, -1, p, 0);
    char *s = report(cov, c, NULL);
    assert_non_null(strstr(s, "hele landet"));
    assert_non_null(strstr(s, "id=\"population\""));
    assert_null(strstr(s, "id=\"checks\""));
    paroer_free(s);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* The text a person reads: the page without its tags (and their attributes,
 * where tooltips keep ids), scripts and styles. */
static char *visible_text(const char *html)
{
    size_t n = strlen(html);
    char *t = malloc(n + 1);
    assert_non_null(t);
    size_t k = 0;
    const char *p = html;
    while (*p) {
        if (!strncmp(p, "<style>", 7)) { p = strstr(p, "</style>"); assert_non_null(p); continue; }
        if (!strncmp(p, "<script>", 8)) { p = strstr(p, "</script>"); assert_non_null(p); continue; }
        if (*p == '<') {
            while (*p && *p != '>') p++;
            if (*p) p++;
            t[k++] = ' ';
            continue;
        }
        t[k++] = *p++;
    }
    t[k] = '\0';
    return t;
}

static void test_report_for_people(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    char *s = report(cov, c, NULL);
    char *text = visible_text(s);
    /* No ids or codes in what is read: offer and policy ids, check codes, ISO dates. */
    for (size_t i = 0; i < paroer_catalog_offer_count(c); i++) {
        const char *id = paroer_offer_id(paroer_catalog_offer(c, i));
        if (strstr(text, id)) fail_msg("offer id %s in the text", id);
    }
    for (size_t i = 0; i < paroer_catalog_policy_count(c); i++)
        assert_null(strstr(text, paroer_policy_id(paroer_catalog_policy(c, i))));
    for (size_t i = 0; i < paroer_coverage_check_count(cov); i++) {
        const char *code = paroer_coverage_check_code(cov, i);
        if (strstr(text, code)) fail_msg("check code %s in the text", code);
        assert_non_null(strstr(s, code)); /* kept in the markup (tooltip, data attribute) */
    }
    for (const char *p = text; *p; p++) { /* no YYYY-MM-DD */
        int iso = 1;
        for (int j = 0; j < 10 && iso; j++) {
            char ch = p[j];
            iso = (j == 4 || j == 7) ? ch == '-' : (ch >= '0' && ch <= '9');
        }
        if (iso) fail_msg("ISO date in the text: %.10s", p);
    }
    /* The action plan by its title and a Danish date; a name that starts with the
     * word before it takes that word's place ("Handleplan »Handleplan (anden)«"
     * said it twice), and a sentence may start with the quote mark, whole
     * (the policy's title begins two of them). */
    assert_non_null(strstr(text, "N\xC3\xA6ste \xC2\xBBHandleplan (anden)\xC2\xAB skal vedtages senest 31. oktober 2026."));
    assert_null(strstr(text, "andleplan \xC2\xBBHandleplan"));
    assert_null(strstr(text, "olitik \xC2\xBBP\xC3\xA5r\xC3\xB8rendepolitik"));
    assert_non_null(strstr(text, "\xC2\xBBP\xC3\xA5r\xC3\xB8rendepolitik for Odsherred Kommune\xC2\xAB har ingen"));
    /* A heat map for every age (first) and for each band, the chosen one open. */
    assert_non_null(strstr(s, "data-band=\"all\""));
    assert_true(strstr(s, "data-band=\"all\"") < strstr(s, "data-band=\"child\""));
    for (int32_t bnd = 0; bnd < paroer_vocab_count(PAROER_VOCAB_AGE_BAND); bnd++) {
        char want[64];
        snprintf(want, sizeof want, "data-band=\"%s\"", paroer_vocab_code(PAROER_VOCAB_AGE_BAND, bnd));
        assert_int_equal(count(s, want), 1);
    }
    assert_int_equal(count(s, "<details class=\"band\" open>"), 1);
    /* Each heat map says, at phone width only, that it scrolls sideways. */
    assert_int_equal(count(s, "<p class=\"swipe\">"), count(s, "<table class=\"heat\""));
    assert_non_null(strstr(s, "@media (max-width:800px){p.swipe{display:block}}"));
    /* The headline share explained, print layout, long gap statements as lists. */
    assert_non_null(strstr(s, "id=\"share-meaning\""));
    assert_non_null(strstr(text, "\xC2\xA0% betyder: for "));
    assert_non_null(strstr(s, "@media print"));
    assert_non_null(strstr(s, "break-before:page"));
    assert_non_null(strstr(s, "<ul class=\"conds\">"));
    free(text);
    paroer_free(s);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

/* The demo's population (examples/) loads whole and is Odsherred's. */
static void test_demo_population(void **state)
{
    (void)state;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_file(&p, PAROER_SOURCE_DIR "/examples/population-odsherred.csv", NULL),
                     PAROER_OK);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_int_equal(paroer_coverage_pop_relatives(cov), 600);
    char *s = report(cov, c, NULL);
    assert_non_null(strstr(s, "id=\"population\""));
    paroer_free(s);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* A population with unknown facts gives the reach as a range. */
static void test_report_reach_range(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    char csv[8192];
    size_t k = (size_t)snprintf(csv, sizeof csv, "%s", TC_HEADER);
    for (int i = 0; i < 12; i++)
        k += (size_t)snprintf(csv + k, sizeof csv - k, "r-%d,%s,306,1,son_daughter,dementia,80,10,0,1,0,0,respite,,\n",
                              i, i % 2 ? "?" : "50");
    paroer_population *p = tc_pop(csv);
    paroer_coverage *cov = tc_cov(c, 306, p, 0);
    assert_true(paroer_coverage_pop_unknown_relatives(cov) > 0);
    char *s = report(cov, c, NULL);
    assert_non_null(strstr(s, "har mindst ét tilbud (mellem "));
    paroer_free(s);
    paroer_coverage_free(cov);
    paroer_population_free(p);
    paroer_catalog_free(c);
}

/* Every allocation of the report, failed in turn: ENOMEM, nothing leaked,
 * and the page given with a custom allocator is still freed with paroer_free(). */
static void test_report_alloc_failure(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    char *want = report(cov, c, NULL);
    paroer_report_options o;
    paroer_report_options_init(&o, PAROER_REPORT_OPTIONS_VERSION);
    int ok = 0;
    for (long k = 0; k < 100000 && !ok; k++) {
        tc_failing f = {k, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        o.allocator = &a;
        char *s = NULL;
        int rc = paroer_report_html(cov, c, &o, &s, NULL);
        assert_int_equal(f.live, 0);
        if (rc == PAROER_OK) {
            assert_string_equal(s, want);
            paroer_free(s);
            ok = 1;
        } else {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(s);
        }
    }
    assert_true(ok);
    paroer_free(want);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

static void test_gap_summary_alloc_failure(void **state)
{
    (void)state;
    paroer_catalog *c = shipped();
    paroer_coverage *cov = tc_cov(c, 306, NULL, 0);
    paroer_gap_summary_options o;
    paroer_gap_summary_options_init(&o, PAROER_GAP_SUMMARY_OPTIONS_VERSION);
    int ok = 0;
    for (long k = 0; k < 100000 && !ok; k++) {
        tc_failing f = {k, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        o.allocator = &a;
        paroer_gap_summary *g = NULL;
        int rc = paroer_gap_summary_new(&g, cov, &o);
        if (rc == PAROER_OK) {
            assert_true(paroer_gap_summary_count(g) > 0);
            paroer_gap_summary_free(g);
            ok = 1;
        } else {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(g);
        }
        assert_int_equal(f.live, 0);
    }
    assert_true(ok);
    paroer_coverage_free(cov);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_escaping),   cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_dates),           cmocka_unit_test(test_check_words),
        cmocka_unit_test(test_gap_summary),     cmocka_unit_test(test_report_page),
        cmocka_unit_test(test_report_national), cmocka_unit_test(test_report_alloc_failure),
        cmocka_unit_test(test_gap_summary_alloc_failure), cmocka_unit_test(test_report_for_people),
        cmocka_unit_test(test_report_reach_range), cmocka_unit_test(test_demo_population),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
