/* The population CSV reader (contract section 5; docs/coverage.md "The
 * population file"): fields, quoting, line numbers of bad rows, strict mode,
 * the header, files, and allocation failures. */
#include "test_coverage_util.h"

/* ---- good input ------------------------------------------------------------ */

static void test_good_rows(void **state)
{
    (void)state;
    const char *csv = TC_HEADER
        "r-1,52,0306,1,son_daughter,dementia;frailty,84,12.5,0,1,0,0,information;respite,in_person;online,weekend\n"
        "r-1,52,306,true,parent,cancer,,3,false,TRUE,1,0,respite;information,online;in_person,weekend\n"
        "r-2,16,101,0,sibling,,,,,,,,,,\n"
        "r-3,80,306,0,spouse_partner,dementia,82,40,1,1,0,1,counselling,,\n";
    paroer_population *p = tc_pop(csv);
    assert_int_equal(paroer_population_count(p), 3);
    assert_int_equal(paroer_population_relation_total(p), 4);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    assert_string_equal(paroer_population_source(p), "pop.csv");
    assert_string_equal(paroer_population_id(p, 0), "r-1");
    assert_string_equal(paroer_population_id(p, 2), "r-3");
    assert_int_equal(paroer_population_line(p, 0), 2);
    assert_int_equal(paroer_population_line(p, 1), 4);
    assert_int_equal(paroer_population_age(p, 1), 16);
    assert_int_equal(paroer_population_municipality(p, 0), 306);
    assert_int_equal(paroer_population_relation_count(p, 0), 2);
    assert_int_equal(paroer_population_relation_count(p, 1), 1);
    /* out of range */
    assert_string_equal(paroer_population_id(p, 3), "");
    assert_int_equal(paroer_population_age(p, 3), -1);
    assert_int_equal(paroer_population_relation_count(p, 3), 0);

    paroer_relative *r = NULL;
    assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
    assert_string_equal(paroer_relative_id(r), "r-1");
    assert_int_equal(paroer_relative_age(r), 52);
    assert_int_equal(paroer_relative_municipality(r), 306);
    assert_int_equal(paroer_relative_employed(r), 1);
    assert_int_equal(paroer_relative_needs(r), (1u << PAROER_NEED_INFORMATION) | (1u << PAROER_NEED_RESPITE));
    assert_int_equal(paroer_relative_modes(r), (1u << PAROER_MODE_IN_PERSON) | (1u << PAROER_MODE_ONLINE));
    assert_int_equal(paroer_relative_slots(r), 1u << PAROER_SLOT_WEEKEND);
    assert_int_equal(paroer_relative_language_count(r), 0);
    assert_int_equal(paroer_relative_relation_count(r), 2);
    assert_int_equal(paroer_relative_relation_kind(r, 0), PAROER_RELATION_SON_DAUGHTER);
    assert_int_equal(paroer_relative_relation_conditions(r, 0),
                     (1u << PAROER_CONDITION_DEMENTIA) | (1u << PAROER_CONDITION_FRAILTY));
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 0), 84);
    assert_true(paroer_relative_relation_hours(r, 0) == 12.5);
    assert_int_equal(paroer_relative_relation_flags(r, 0), 1u << PAROER_FLAG_CARED_AT_HOME);
    assert_int_equal(paroer_relative_relation_kind(r, 1), PAROER_RELATION_PARENT);
    assert_int_equal(paroer_relative_relation_cared_for_age(r, 1), -1);
    assert_int_equal(paroer_relative_relation_flags(r, 1),
                     (1u << PAROER_FLAG_CARED_AT_HOME) | (1u << PAROER_FLAG_TERMINAL));
    paroer_relative_free(r);

    assert_int_equal(paroer_population_relative(&r, p, 1, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_employed(r), 0);
    assert_int_equal(paroer_relative_needs(r), 0);
    assert_int_equal(paroer_relative_modes(r), 0);
    assert_int_equal(paroer_relative_relation_conditions(r, 0), 0);
    assert_true(paroer_relative_relation_hours(r, 0) == 0.0);
    paroer_relative_free(r);

    assert_int_equal(paroer_population_relative(&r, p, 2, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_relation_flags(r, 0), (1u << PAROER_FLAG_COHABITING) |
                                                               (1u << PAROER_FLAG_CARED_AT_HOME) |
                                                               (1u << PAROER_FLAG_BEREAVED));
    paroer_relative_free(r);

    assert_int_equal(paroer_population_relative(&r, p, 3, NULL), PAROER_EINVALID);
    assert_null(r);
    paroer_population_free(p);
}

static void test_quoted_fields(void **state)
{
    (void)state;
    /* A comma and a doubled quote inside quotes; quoted numbers and lists. A
     * line break ends a quoted field (population fields never hold one): the
     * two halves of line 4-5 are two bad rows, and line 6 is read as usual. */
    const char *csv = TC_HEADER
        "\"r,1\",\"52\",306,1,son_daughter,\"dementia;cancer\",84,12,0,1,0,0,respite,,\n"   /* line 2 */
        "\"r\"\"2\",40,306,0,parent,,,,,,,,,,\n"                                          /* line 3 */
        "\"r\n3\",41,306,0,parent,,,,,,,,,,\n"                                           /* lines 4-5: bad */
        "r-4,abc,306,0,parent,,,,,,,,,,\n"                                              /* line 6: bad */
        "r-5,41,306,0,parent,,,,,,,,,,\n";                                              /* line 7 */
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), "q.csv", &o), PAROER_OK);
    assert_int_equal(paroer_population_count(p), 3);
    assert_string_equal(paroer_population_id(p, 0), "r,1");
    assert_string_equal(paroer_population_id(p, 1), "r\"2");
    assert_string_equal(paroer_population_id(p, 2), "r-5");
    assert_int_equal(paroer_population_line(p, 2), 7);
    assert_int_equal(paroer_population_age(p, 0), 52);
    assert_int_equal(paroer_population_find(p, "r\"2"), 1);
    assert_int_equal(paroer_population_rejected_rows(p), 3);
    assert_int_equal(paroer_diagnostics_error_count(d), 3);
    assert_string_equal(paroer_diagnostic_text(d, 0),
                        "q.csv:4: error: unterminated quoted field (a quoted field ends at the end of its line)");
    assert_string_equal(paroer_diagnostic_text(d, 1),
                        "q.csv:5: error: a quote inside a field that does not start with one");
    assert_string_equal(paroer_diagnostic_text(d, 2), "q.csv:6: error: column \"age\": expected a whole number 0..130");
    paroer_relative *r = NULL;
    assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_relation_conditions(r, 0),
                     (1u << PAROER_CONDITION_DEMENTIA) | (1u << PAROER_CONDITION_CANCER));
    paroer_relative_free(r);
    paroer_population_free(p);
    paroer_diagnostics_free(d);
}

/* ---- one row, three spellings ----------------------------------------------
 * A plain row (nothing to trim, only ASCII) is read by a straight-line parser
 * that follows the header's column order; any other row by the general one.
 * The same relatives written plain, with the columns in another order, and
 * with blanks around every field (which sends each row to the general
 * parser) must read alike, '?', true/false, empty and short codes included. */

/* Everything the population says of relative i, as one line. */
static void describe(const paroer_population *p, size_t i, char *out, size_t cap)
{
    paroer_relative *r = NULL;
    if (paroer_population_relative(&r, p, i, NULL)) fail_msg("relative %zu: %s", i, paroer_error_last()->message);
    int o = snprintf(out, cap, "%s a%d %d-%d m%d e%d n%x o%x s%x", paroer_population_id(p, i), paroer_relative_age(r),
                     paroer_relative_age_min(r), paroer_relative_age_max(r), paroer_relative_municipality(r),
                     paroer_relative_employed_state(r), paroer_relative_needs(r), paroer_relative_modes(r),
                     paroer_relative_slots(r));
    for (size_t j = 0; j < paroer_relative_relation_count(r) && o > 0 && (size_t)o < cap; j++)
        o += snprintf(out + o, cap - (size_t)o, " [k%d c%x/%d f%d h%.2f g%x u%x]", paroer_relative_relation_kind(r, j),
                      paroer_relative_relation_conditions(r, j), paroer_relative_relation_conditions_known(r, j),
                      paroer_relative_relation_cared_for_age(r, j), paroer_relative_relation_hours(r, j),
                      paroer_relative_relation_flags(r, j), paroer_relative_relation_unknown_flags(r, j));
    paroer_relative_free(r);
}

/* The fields of each line of `csv` in the order `order` (indexes into the
 * header's 15), each but the id wrapped in `pad`. */
static char *respell(const char *csv, const int *order, size_t n_order, const char *pad)
{
    char *out = malloc(8192);
    assert_non_null(out);
    size_t o = 0;
    for (const char *line = csv; *line;) {
        const char *eol = strchr(line, '\n');
        const char *f[15];
        size_t len[15], n = 0;
        for (const char *s = line; n < 15;) {
            const char *c = memchr(s, ',', (size_t)(eol - s));
            const char *e = c ? c : eol;
            f[n] = s;
            len[n++] = (size_t)(e - s);
            if (!c) break;
            s = c + 1;
        }
        assert_int_equal(n, 15);
        for (size_t k = 0; k < n_order; k++) {
            const int bare = line == csv || order[k] == 0;   /* the header, and the id (kept as written) */
            o += (size_t)snprintf(out + o, 8192 - o, "%s%s%.*s%s", k ? "," : "", bare ? "" : pad,
                                  (int)len[order[k]], f[order[k]], bare ? "" : pad);
        }
        out[o++] = '\n';
        line = eol + 1;
    }
    out[o] = '\0';
    return out;
}

static void test_spellings_read_alike(void **state)
{
    (void)state;
    const char *csv = TC_HEADER
        "r-1,52,306,1,son_daughter,dementia;cancer,84,12.5,0,1,0,0,respite;counselling,in_person;phone,weekday_day\n"
        "r-1,52,306,1,parent,frailty,90,3,1,0,1,0,respite;counselling,in_person;phone,weekday_day\n"
        "r-2,?,101,?,sibling,?,?,,?,?,?,?,,,\n"
        "r-3,17,851,true,spouse_partner,,,,false,TRUE,False,1,information,phone,weekend\n"
        "r-4,130,1,0,friend_neighbour,mental_illness,0,168,1,1,1,1,peer_support;own_health;information,online,"
        "weekday_evening;weekend\n"
        "r-5,0,999,,other_family,physical_disability,,0.25,,,,,,,\n";
    const int canonical[15] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    const int reversed[15] = {14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    char *texts[3] = {respell(csv, canonical, 15, ""), respell(csv, reversed, 15, ""),
                      respell(csv, canonical, 15, " ")};
    char want[6][512], got[512];
    for (int t = 0; t < 3; t++) {
        paroer_population *p = tc_pop(texts[t]);
        assert_int_equal(paroer_population_rejected_rows(p), 0);
        assert_int_equal(paroer_population_count(p), 5);
        for (size_t i = 0; i < 5; i++) {
            describe(p, i, t ? got : want[i], 512);
            if (t) assert_string_equal(got, want[i]);
        }
        paroer_population_free(p);
        free(texts[t]);
    }
    /* what the plain spelling read, spelled out */
    assert_string_equal(want[0], "r-1 a52 52-52 m306 e1 n21 o5 s1 [k1 c12/1 f84 h12.50 g2 u0] [k2 c1/1 f90 h3.00 g5 u0]");
    /* every '?' is unknown, never a value (paroer_population_relative() lost them before) */
    assert_string_equal(want[1], "r-2 a-2 0-130 m101 e-2 n0 o0 s0 [k3 c0/0 f-2 h0.00 g0 uf]");
}

static void test_crlf_bom_blank_lines(void **state)
{
    (void)state;
    const char *csv =
        "\xEF\xBB\xBF"
        "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,cared_at_home,"
        "terminal,bereaved,needs,modes,slots\r\n"
        "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\r\n"
        "\r\n"
        "r-2,53,306,1,son_daughter, dementia ; cancer ,84, 12 ,0,1,0,0,respite,,";   /* no final newline */
    paroer_population *p = tc_pop(csv);
    assert_int_equal(paroer_population_count(p), 2);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    assert_int_equal(paroer_population_line(p, 1), 4);
    paroer_relative *r = NULL;
    assert_int_equal(paroer_population_relative(&r, p, 1, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_relation_conditions(r, 0),
                     (1u << PAROER_CONDITION_DEMENTIA) | (1u << PAROER_CONDITION_CANCER));
    assert_true(paroer_relative_relation_hours(r, 0) == 12.0);
    paroer_relative_free(r);
    paroer_population_free(p);
}

/* A lone CR ends a line, as LF and CR LF do (here it splits line 2 in two). */
static void test_lone_cr(void **state)
{
    (void)state;
    const char *csv = TC_HEADER
        "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,res\rpite,,\r\n"
        "r-2,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,in_person,weekday_day\r\n"
        "r-3,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,in_person,weekday_day\r\n";
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), "cr.csv", &o), PAROER_OK);
    assert_int_equal(paroer_population_count(p), 2);
    assert_int_equal(paroer_population_line(p, 0), 4);
    assert_int_equal(paroer_population_line(p, 1), 5);
    assert_int_equal(paroer_diagnostics_error_count(d), 2);
    assert_string_equal(paroer_diagnostic_text(d, 0), "cr.csv:2: error: expected 15 fields (as in the header), got 13");
    assert_string_equal(paroer_diagnostic_text(d, 1), "cr.csv:3: error: expected 15 fields (as in the header), got 3");
    paroer_population_free(p);
    paroer_diagnostics_free(d);
}

/* Old Mac/Excel exports end lines with CR only: read like LF and CR LF (#11 item 2). */
static void test_cr_only_file(void **state)
{
    (void)state;
    const char *lf = TC_HEADER
        "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"
        "r-1,52,306,1,parent,cancer,70,2,0,1,0,0,respite,,\n"
        "\n"
        "r-2,40,101,0,sibling,,,,,,,,information,,\n";
    char cr[1024], crlf[2048];
    size_t k = 0, j = 0;
    for (const char *s = lf; *s; s++) {
        cr[k++] = *s == '\n' ? '\r' : *s;
        if (*s == '\n') crlf[j++] = '\r';
        crlf[j++] = *s;
    }
    cr[k] = crlf[j] = '\0';
    const char *texts[3] = {lf, cr, crlf};
    for (int t = 0; t < 3; t++) {
        paroer_population *p = tc_pop(texts[t]);
        assert_int_equal(paroer_population_count(p), 2);
        assert_int_equal(paroer_population_relation_total(p), 3);
        assert_int_equal(paroer_population_rejected_rows(p), 0);
        assert_int_equal(paroer_population_line(p, 1), 5);
        assert_int_equal(paroer_population_municipality(p, 1), 101);
        paroer_population_free(p);
    }
}

/* One stray quote costs one row, never the rest of the file (#11 item 1). */
static void test_stray_quote_costs_one_row(void **state)
{
    (void)state;
    for (int closing = 0; closing < 2; closing++) {
        char *csv = malloc(20000);
        size_t o = (size_t)sprintf(csv, "%s", TC_HEADER);
        for (int i = 0; i < 100; i++) {
            const char *q = (i == 1) ? "\"" : (closing && i == 50) ? "\"" : "";
            o += (size_t)sprintf(csv + o, "%sr-%d,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n", q, i);
        }
        paroer_diagnostics *d = NULL;
        assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
        paroer_load_options lo;
        paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
        lo.diagnostics = d;
        paroer_population *p = NULL;
        assert_int_equal(paroer_population_load_buffer(&p, csv, o, "q.csv", &lo), PAROER_OK);
        assert_int_equal(paroer_population_count(p), closing ? 98 : 99);
        assert_int_equal(paroer_population_rejected_rows(p), closing ? 2 : 1);
        assert_int_equal(paroer_diagnostics_error_count(d), closing ? 2 : 1);
        assert_int_equal(paroer_diagnostic_line(d, 0), 3);
        assert_string_equal(paroer_diagnostic_message(d, 0),
                            "unterminated quoted field (a quoted field ends at the end of its line)");
        if (closing) assert_int_equal(paroer_diagnostic_line(d, 1), 52);
        for (size_t i = 0; i < paroer_diagnostics_count(d); i++)
            assert_null(strstr(paroer_diagnostic_message(d, i), "r-"));
        paroer_population_free(p);
        paroer_diagnostics_free(d);
        free(csv);
    }
}

/* Whitespace-only lines are skipped like empty ones (#11 item 2). */
static void test_whitespace_lines(void **state)
{
    (void)state;
    const char *csv = "  \t\n" TC_HEADER "   \n"
        "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"
        "\t\r\n"
        "r-2,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n";
    paroer_population *p = tc_pop(csv);
    assert_int_equal(paroer_population_count(p), 2);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    assert_int_equal(paroer_population_line(p, 1), 6);
    paroer_population_free(p);
}

/* A ';'-separated file (the Danish Excel default) is read with ';' as the
 * separator: lists then come quoted or ','-separated, and hours may use a
 * decimal comma (#11 item 2). */
static void test_semicolon_separated(void **state)
{
    (void)state;
    const char *csv =
        "id;age;municipality;employed;relation;conditions;cared_for_age;hours_per_week;cohabiting;cared_at_home;"
        "terminal;bereaved;needs;modes;slots\r\n"
        "r-1;52;306;1;son_daughter;\"dementia;cancer\";84;12,5;0;1;0;0;respite,information;;\r\n"
        "r-2;40;101;0;parent;frailty;;;;;;;;;\r\n";
    paroer_population *p = tc_pop(csv);
    assert_int_equal(paroer_population_count(p), 2);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    paroer_relative *r = NULL;
    assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
    assert_int_equal(paroer_relative_relation_conditions(r, 0),
                     (1u << PAROER_CONDITION_DEMENTIA) | (1u << PAROER_CONDITION_CANCER));
    assert_true(paroer_relative_relation_hours(r, 0) == 12.5);
    assert_int_equal(paroer_relative_needs(r), (1u << PAROER_NEED_RESPITE) | (1u << PAROER_NEED_INFORMATION));
    paroer_relative_free(r);
    paroer_population_free(p);
}

static void expect_header_error(const char *data, size_t len, int code, const char *text)
{
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    paroer_population *p = (paroer_population *)1;
    assert_int_equal(paroer_population_load_buffer(&p, data, len, "u.csv", &lo), code);
    assert_null(p);
    assert_int_equal(paroer_diagnostics_error_count(d), 1);
    assert_string_equal(paroer_diagnostic_text(d, 0), text);
    paroer_diagnostics_free(d);
}

/* UTF-16 (and UTF-32) files are named as such; so is a tab-separated header. */
static void test_not_utf8_named(void **state)
{
    (void)state;
    const char *h = TC_HEADER;
    char u16[1024];
    size_t n = 0;
    u16[n++] = (char)0xFF;
    u16[n++] = (char)0xFE;
    for (const char *s = h; *s; s++) { u16[n++] = *s; u16[n++] = 0; }
    expect_header_error(u16, n, PAROER_EPARSE,
                        "u.csv:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as "
                        "UTF-8 (CSV UTF-8)");
    expect_header_error(u16 + 2, n - 2, PAROER_EPARSE,
                        "u.csv:1: error: the file holds NUL bytes at its start, as UTF-16 text without a byte order "
                        "mark does: save it as UTF-8 (CSV UTF-8)");
    u16[0] = (char)0xFE; u16[1] = (char)0xFF;
    expect_header_error(u16, n, PAROER_EPARSE,
                        "u.csv:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as "
                        "UTF-8 (CSV UTF-8)");
    const char *tabs = "id\tage\tmunicipality\trelation\nr-1\t52\t306\tparent\n";
    expect_header_error(tabs, strlen(tabs), PAROER_ESCHEMA,
                        "u.csv:1: error: the header row is separated by tabs: separate the columns by commas (or "
                        "semicolons)");
}

/* ---- bad rows ------------------------------------------------------------------ */

static const char *const bad_csv = TC_HEADER
    "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"           /* 2 good */
    "r-2,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,\n"            /* 3 a missing column */
    "r-3,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,,\n"          /* 4 an extra column */
    "r-4,52,306,yes,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"         /* 5 bad boolean */
    "r-5,52,306,1,son_daughter,demensia,84,12,0,1,0,0,respite,,\n"           /* 6 unknown condition */
    "r-6,131,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"          /* 7 age out of range */
    "r-7,52,0,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"             /* 8 municipality 0 */
    "r-8,52,306,1,,dementia,84,12,0,1,0,0,respite,,\n"                       /* 9 no relation */
    "r-9,52,306,1,cousin,dementia,84,12,0,1,0,0,respite,,\n"                 /* 10 unknown relation */
    "r-10,52,306,1,son_daughter,dementia,84,200,0,1,0,0,respite,,\n"         /* 11 hours > 168 */
    "r-11,52,306,1,son_daughter,dementia,x,12,0,1,0,0,respite,,\n"           /* 12 bad cared_for_age */
    "r-12,52,306,1,son_daughter,dementia;;cancer,84,12,0,1,0,0,respite,,\n"  /* 13 empty list item */
    "r-13,52,306,1,son_daughter,dementia,84,12,0,1,0,0,sleep,,\n"            /* 14 unknown need */
    "r-1,52,306,1,parent,dementia,84,12,0,1,0,0,respite,,\n"                 /* 15 r-1 not consecutive */
    "r-14,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"          /* 16 good */
    "r-14,53,306,1,parent,dementia,84,12,0,1,0,0,respite,,\n"                /* 17 age differs from line 16 */
    "r-14,52,306,1,parent,dementia,84,12,0,1,0,0,respite;information,,\n"    /* 18 needs differ */
    "r-14,52,306,1,parent,cancer,84,12,0,1,0,0,respite,,\n"                  /* 19 good: second relation */
    ",52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"              /* 20 empty id */
    "r-15,52,306,1,son_daughter,dem\"entia,84,12,0,1,0,0,respite,,\n"        /* 21 stray quote */
    "r-16,52,306,1,son_daughter,\"dementia\"x,84,12,0,1,0,0,respite,,\n"     /* 22 text after a quoted field */
    "r-17,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n"          /* 23 good */
    "r-18,52,306,1,son_daughter,\"dementia,84,12,0,1,0,0,respite,,\n";      /* 24 unterminated quote */

static const struct { int64_t line; const char *text; } bad_expected[] = {
    {3, "bad.csv:3: error: expected 15 fields (as in the header), got 14"},
    {4, "bad.csv:4: error: expected 15 fields (as in the header), got 16"},
    {5, "bad.csv:5: error: column \"employed\": expected 0, 1, true or false"},
    {6, "bad.csv:6: error: unknown condition \"demensia\" in column \"conditions\" (expected one of: frailty, "
        "dementia, physical_illness, physical_disability, cancer, brain_injury, mental_illness, substance_abuse, "
        "cognitive_disability, neurodevelopmental, social_problems)"},
    {7, "bad.csv:7: error: column \"age\": expected a whole number 0..130"},
    {8, "bad.csv:8: error: column \"municipality\": expected a municipality code 1..999"},
    {9, "bad.csv:9: error: column \"relation\" is empty"},
    {10, "bad.csv:10: error: unknown relation \"cousin\" in column \"relation\" (expected one of: spouse_partner, "
         "son_daughter, parent, sibling, other_family, friend_neighbour)"},
    {11, "bad.csv:11: error: column \"hours_per_week\": expected a number 0..168 or nothing"},
    {12, "bad.csv:12: error: column \"cared_for_age\": expected a whole number 0..130 or nothing"},
    {13, "bad.csv:13: error: empty item in the list of column \"conditions\""},
    {14, "bad.csv:14: error: unknown need \"sleep\" in column \"needs\" (expected one of: respite, practical_help, "
         "information, education, peer_support, counselling, own_health, financial, work_life, network, "
         "involvement)"},
    {15, "bad.csv:15: error: this row's id was used by earlier rows that are not just above it: the rows of one relative must be consecutive (its first row is on line 2)"},
    {17, "bad.csv:17: error: column \"age\" differs from the first row of the same relative (line 16)"},
    {18, "bad.csv:18: error: column \"needs\" differs from the first row of the same relative (line 16)"},
    {20, "bad.csv:20: error: column \"id\" is empty"},
    {21, "bad.csv:21: error: a quote inside a field that does not start with one"},
    {22, "bad.csv:22: error: a quoted field must be followed by a separator or the end of the line"},
    {24, "bad.csv:24: error: unterminated quoted field (a quoted field ends at the end of its line)"},
};

static void test_bad_rows_reported(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, bad_csv, strlen(bad_csv), "bad.csv", &o), PAROER_OK);
    size_t n = sizeof bad_expected / sizeof bad_expected[0];
    assert_int_equal(paroer_population_rejected_rows(p), n);
    assert_int_equal(paroer_diagnostics_error_count(d), n);
    assert_int_equal(paroer_diagnostics_count(d), n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(paroer_diagnostic_severity(d, i), PAROER_SEVERITY_ERROR);
        assert_int_equal(paroer_diagnostic_line(d, i), bad_expected[i].line);
        assert_string_equal(paroer_diagnostic_text(d, i), bad_expected[i].text);
        assert_string_equal(paroer_diagnostic_source(d, i), "bad.csv");
    }
    /* the good rows still count: r-1, r-14 (two relations), r-17 */
    assert_int_equal(paroer_population_count(p), 3);
    assert_int_equal(paroer_population_relation_total(p), 4);
    assert_string_equal(paroer_population_id(p, 1), "r-14");
    assert_int_equal(paroer_population_relation_count(p, 1), 2);
    assert_int_equal(paroer_population_find(p, "r-17"), 2);
    assert_int_equal(paroer_population_find(p, "r-5"), -1);
    paroer_population_free(p);

    /* without a diagnostics list the same rows are left out */
    assert_int_equal(paroer_population_load_buffer(&p, bad_csv, strlen(bad_csv), "bad.csv", NULL), PAROER_OK);
    assert_int_equal(paroer_population_rejected_rows(p), n);
    assert_int_equal(paroer_population_count(p), 3);
    paroer_population_free(p);
    paroer_diagnostics_free(d);
}

static void test_strict_stops_at_first_bad_row(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    o.flags = PAROER_LOAD_STRICT;
    paroer_population *p = (paroer_population *)&o;   /* must be reset to NULL */
    assert_int_equal(paroer_population_load_buffer(&p, bad_csv, strlen(bad_csv), "bad.csv", &o), PAROER_ESCHEMA);
    assert_null(p);
    assert_int_equal(paroer_diagnostics_error_count(d), 1);
    assert_string_equal(paroer_diagnostic_text(d, 0), bad_expected[0].text);
    const paroer_error_info *e = paroer_error_last();
    assert_int_equal(e->code, PAROER_ESCHEMA);
    assert_string_equal(e->source, "bad.csv");
    assert_int_equal(e->line, 3);

    /* a malformed record in strict mode is a parse error */
    const char *csv = TC_HEADER "r-1,52,306,1,son_daughter,\"dementia,84,12,0,1,0,0,respite,,\n";
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), "u.csv", &o), PAROER_EPARSE);
    assert_int_equal(paroer_error_last()->line, 2);

    /* a good file loads in strict mode too */
    const char *good = TC_HEADER "r-1,52,306,1,son_daughter,dementia,84,12,0,1,0,0,respite,,\n";
    assert_int_equal(paroer_population_load_buffer(&p, good, strlen(good), "g.csv", &o), PAROER_OK);
    assert_int_equal(paroer_population_count(p), 1);
    paroer_population_free(p);
    paroer_diagnostics_free(d);
}

static void test_max_errors(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    o.max_errors = 3;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, bad_csv, strlen(bad_csv), "bad.csv", &o), PAROER_OK);
    size_t n = sizeof bad_expected / sizeof bad_expected[0];
    assert_int_equal(paroer_population_rejected_rows(p), n);
    assert_int_equal(paroer_diagnostics_count(d), 4);
    assert_string_equal(paroer_diagnostic_text(d, 2), bad_expected[2].text);
    char last[160];
    snprintf(last, sizeof last, "bad.csv: error: %lu more bad rows were left out without being listed here",
             (unsigned long)(n - 3));
    assert_string_equal(paroer_diagnostic_text(d, 3), last);
    paroer_population_free(p);
    paroer_diagnostics_free(d);
}

/* ---- the header ----------------------------------------------------------------- */

static int load_status(const char *csv, uint32_t flags, paroer_diagnostics *d)
{
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    o.flags = flags;
    paroer_population *p = NULL;
    int rc = paroer_population_load_buffer(&p, csv, strlen(csv), "h.csv", &o);
    if (rc == PAROER_OK) assert_non_null(p);
    else assert_null(p);
    paroer_population_free(p);
    return rc;
}

static void test_header(void **state)
{
    (void)state;
    assert_int_equal(load_status("", 0, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->message, "the file is empty: expected a header row");
    assert_int_equal(load_status("\n\n", 0, NULL), PAROER_ESCHEMA);
    assert_int_equal(load_status("id,municipality,relation\nr-1,306,parent\n", 0, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->message, "the header has no column \"age\"");
    assert_int_equal(paroer_error_last()->line, 1);
    assert_int_equal(load_status("id,age,age,municipality,relation\n", 0, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->message, "column \"age\" is named twice in the header");
    assert_int_equal(load_status("\"id,age\n", 0, NULL), PAROER_EPARSE);
    char wide[1024] = "id,age,municipality,relation";
    for (int i = 0; i < 70; i++) snprintf(wide + strlen(wide), sizeof wide - strlen(wide), ",x%d", i);
    assert_int_equal(load_status(wide, 0, NULL), PAROER_ESCHEMA);
    assert_string_equal(paroer_error_last()->message, "the header has more than 64 columns");

    /* only the required columns, in another order */
    const char *few = "relation,municipality,age,id\nparent,306,40,r-1\nsibling,306,40,r-1\n";
    paroer_population *p = tc_pop(few);
    assert_int_equal(paroer_population_count(p), 1);
    assert_int_equal(paroer_population_relation_count(p, 0), 2);
    paroer_population_free(p);

    /* an unknown column: a warning, or an error when strict */
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    const char *extra = "id,age,municipality,relation,shoe_size\nr-1,40,306,parent,44\n";
    assert_int_equal(load_status(extra, 0, d), PAROER_OK);
    assert_int_equal(paroer_diagnostics_count(d), 1);
    assert_int_equal(paroer_diagnostic_severity(d, 0), PAROER_SEVERITY_WARNING);
    assert_string_equal(paroer_diagnostic_text(d, 0), "h.csv:1: warning: unknown column \"shoe_size\" is ignored");
    paroer_diagnostics_clear(d);
    assert_int_equal(load_status(extra, PAROER_LOAD_STRICT, d), PAROER_ESCHEMA);
    assert_string_equal(paroer_diagnostic_text(d, 0), "h.csv:1: error: unknown column \"shoe_size\"");
    paroer_diagnostics_free(d);

    /* a header with no data rows is an empty population */
    p = tc_pop(TC_HEADER);
    assert_int_equal(paroer_population_count(p), 0);
    paroer_population_free(p);
}

/* ---- values ----------------------------------------------------------------------- */

static double hours_of(const char *value)
{
    char csv[256];
    snprintf(csv, sizeof csv, "id,age,municipality,relation,hours_per_week\nr-1,40,306,parent,%s\n", value);
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), "h.csv", NULL), PAROER_OK);
    double h = -1;
    if (paroer_population_count(p) == 1) {
        paroer_relative *r = NULL;
        assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
        h = paroer_relative_relation_hours(r, 0);
        paroer_relative_free(r);
    }
    paroer_population_free(p);
    return h;
}

static void test_hours(void **state)
{
    (void)state;
    assert_true(hours_of("12.5") == 12.5);
    assert_true(hours_of("0.25") == 0.25);
    assert_true(hours_of("12.345") == 12.35);   /* kept to hundredths, rounded half up */
    assert_true(hours_of("12.344") == 12.34);
    assert_true(hours_of(".5") == 0.5);
    assert_true(hours_of("5.") == 5.0);
    assert_true(hours_of("168") == 168.0);
    assert_true(hours_of("007") == 7.0);
    assert_true(hours_of("168.01") == -1);
    assert_true(hours_of("-1") == -1);
    assert_true(hours_of(".") == -1);
    assert_true(hours_of("1e2") == -1);
    assert_true(hours_of("1.2.3") == -1);
}

static int bool_ok(const char *value)
{
    char csv[256];
    snprintf(csv, sizeof csv, "id,age,municipality,relation,terminal\nr-1,40,306,parent,%s\n", value);
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), "b.csv", NULL), PAROER_OK);
    int v = -1;
    if (paroer_population_count(p) == 1) {
        paroer_relative *r = NULL;
        assert_int_equal(paroer_population_relative(&r, p, 0, NULL), PAROER_OK);
        v = (paroer_relative_relation_flags(r, 0) >> PAROER_FLAG_TERMINAL) & 1;
        paroer_relative_free(r);
    }
    paroer_population_free(p);
    return v;
}

static void test_booleans(void **state)
{
    (void)state;
    assert_int_equal(bool_ok("1"), 1);
    assert_int_equal(bool_ok("0"), 0);
    assert_int_equal(bool_ok("true"), 1);
    assert_int_equal(bool_ok("False"), 0);
    assert_int_equal(bool_ok("TRUE"), 1);
    assert_int_equal(bool_ok(""), 0);
    assert_int_equal(bool_ok("yes"), -1);
    assert_int_equal(bool_ok("2"), -1);
    assert_int_equal(bool_ok("t"), -1);
    assert_int_equal(bool_ok("truee"), -1);
}

static void test_utf8_ids(void **state)
{
    (void)state;
    const char *csv = "id,age,municipality,relation\n"
                      "pårørende-1,40,306,parent\n"
                      "bad-\xC3,40,306,parent\n"
                      "bad-\xC0\xAF,40,306,parent\n";
    paroer_population *p = tc_pop(csv);
    assert_int_equal(paroer_population_count(p), 1);
    assert_string_equal(paroer_population_id(p, 0), "pårørende-1");
    assert_int_equal(paroer_population_rejected_rows(p), 2);
    paroer_population_free(p);
}

/* ---- files ------------------------------------------------------------------------ */

static void test_file(void **state)
{
    (void)state;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_file(&p, PAROER_TEST_DATADIR "/pop-small.csv", NULL), PAROER_OK);
    assert_int_equal(paroer_population_count(p), 12);
    assert_int_equal(paroer_population_rejected_rows(p), 0);
    assert_string_equal(paroer_population_source(p), PAROER_TEST_DATADIR "/pop-small.csv");
    paroer_population_free(p);

    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.diagnostics = d;
    assert_int_equal(paroer_population_load_file(&p, PAROER_TEST_DATADIR "/pop-bad.csv", &o), PAROER_OK);
    assert_int_equal(paroer_population_rejected_rows(p), 3);
    assert_int_equal(paroer_diagnostics_error_count(d), 3);
    assert_string_equal(paroer_diagnostic_text(d, 0),
                        PAROER_TEST_DATADIR "/pop-bad.csv:3: error: column \"terminal\": expected 0, 1, true or "
                                            "false");
    assert_int_equal(paroer_diagnostic_line(d, 1), 5);
    assert_int_equal(paroer_diagnostic_line(d, 2), 7);
    paroer_population_free(p);
    paroer_diagnostics_free(d);

    assert_int_equal(paroer_population_load_file(&p, PAROER_TEST_DATADIR "/no-such-file.csv", NULL), PAROER_EIO);
    assert_null(p);
    assert_int_equal(paroer_error_last()->code, PAROER_EIO);
    assert_int_equal(paroer_population_load_file(&p, PAROER_TEST_DATADIR, NULL), PAROER_EIO);
}

static void test_arguments(void **state)
{
    (void)state;
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_buffer(NULL, "", 0, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_population_load_buffer(&p, NULL, 3, NULL, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_population_load_file(&p, NULL, NULL), PAROER_EINVALID);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.version = 99;
    assert_int_equal(paroer_population_load_buffer(&p, "id", 2, NULL, &o), PAROER_EINVALID);
    assert_int_equal(paroer_population_count(NULL), 0);
    assert_int_equal(paroer_population_find(NULL, "x"), -1);
    paroer_population_free(NULL);
    /* the default name */
    const char *csv = "id,age,municipality,relation\nr,1,306,parent\n";
    assert_int_equal(paroer_population_load_buffer(&p, csv, strlen(csv), NULL, NULL), PAROER_OK);
    assert_string_equal(paroer_population_source(p), "<buffer>");
    paroer_population_free(p);
}

/* Every allocation fails in turn: the load reports ENOMEM and leaks nothing. */
static void test_allocation_failures(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    int succeeded = 0;
    for (long k = 0; k < 200 && !succeeded; k++) {
        tc_failing f = {k, 0};
        paroer_allocator a = tc_failing_allocator(&f);
        paroer_load_options o;
        paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
        o.allocator = &a;
        o.diagnostics = d;
        paroer_population *p = NULL;
        int rc = paroer_population_load_buffer(&p, bad_csv, strlen(bad_csv), "bad.csv", &o);
        if (rc == PAROER_OK) {
            succeeded = 1;
            assert_int_equal(paroer_population_count(p), 3);
            f.budget = -1;
            paroer_relative *r = NULL;
            assert_int_equal(paroer_population_relative(&r, p, 1, &a), PAROER_OK);
            paroer_relative_free(r);
            paroer_population_free(p);
        } else {
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(p);
        }
        assert_int_equal(f.live, 0);
        paroer_diagnostics_clear(d);
    }
    assert_true(succeeded);
    paroer_diagnostics_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_rows),
        cmocka_unit_test(test_spellings_read_alike),
        cmocka_unit_test(test_quoted_fields),
        cmocka_unit_test(test_cr_only_file),
        cmocka_unit_test(test_stray_quote_costs_one_row),
        cmocka_unit_test(test_whitespace_lines),
        cmocka_unit_test(test_semicolon_separated),
        cmocka_unit_test(test_not_utf8_named),
        cmocka_unit_test(test_crlf_bom_blank_lines),
        cmocka_unit_test(test_lone_cr),
        cmocka_unit_test(test_bad_rows_reported),
        cmocka_unit_test(test_strict_stops_at_first_bad_row),
        cmocka_unit_test(test_max_errors),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_hours),
        cmocka_unit_test(test_booleans),
        cmocka_unit_test(test_utf8_ids),
        cmocka_unit_test(test_file),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
