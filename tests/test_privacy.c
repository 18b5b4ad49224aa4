/* Privacy (docs/privacy.md): the library never writes anything it was not
 * asked to write, and never repeats a relative's data in its messages.
 *
 * 1. Silence. Every public path that handles a relative's data — loading
 *    relatives from memory and from a file, bad ones included; building one;
 *    matching (one call, a matcher, a batch, with explanations, as JSON);
 *    loading populations with bad rows (lenient and strict); coverage with a
 *    population, as JSON; the error record and the diagnostics — runs with
 *    stdout and stderr redirected (dup2) to files, the working directory an
 *    empty temporary directory and TMPDIR another one. Afterwards both files
 *    are empty and both directories still empty.
 * 2. Messages. Bad relative documents and population rows carry recognisable
 *    values (a pseudonym, ages, hours); no error message, diagnostic or
 *    error record may contain any of them, except the offending value
 *    itself when that value is a code of the contract's vocabulary. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <paroer/paroer.h>
#include "fuzz/fuzz_common.h"

/* ---- recognisable personal values ------------------------------------------------- */

#define SECRET_ID "PSEUDO-7Q4X-4711"
#define SECRET_AGE "87"
#define SECRET_CARED_AGE "93"
#define SECRET_HOURS "31.5"

static const char *const secrets[] = {SECRET_ID, "7Q4X", SECRET_AGE, SECRET_CARED_AGE, SECRET_HOURS};

/* Bad relative documents; each is bad in one place only, never in the secrets. */
static const char *const bad_relatives[] = {
    /* unknown condition (the offending code may be quoted) */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[{\"relation\":"
    "\"son_daughter\",\"conditions\":[\"demensia\"],\"cared_for_age\":" SECRET_CARED_AGE ",\"hours_per_week\":"
    SECRET_HOURS "}]}",
    /* unknown relation */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[{\"relation\":"
    "\"aunt\",\"cared_for_age\":" SECRET_CARED_AGE "}]}",
    /* wrong type of a flag */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[{\"relation\":"
    "\"parent\",\"terminal\":\"yes\",\"hours_per_week\":" SECRET_HOURS "}]}",
    /* missing relations */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306}",
    /* bad municipality */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":1306,\"relations\":[{\"relation\":"
    "\"parent\"}]}",
    /* invalid JSON right at the pseudonym (a parser would quote the token) */
    "{\"id\":" SECRET_ID ",\"age\":" SECRET_AGE ",\"municipality\":306}",
    /* invalid JSON just after the age */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE " \"municipality\":306}",
    /* truncated inside the pseudonym */
    "{\"age\":" SECRET_AGE ",\"id\":\"" SECRET_ID,
    /* invalid UTF-8 inside the pseudonym */
    "{\"id\":\"" SECRET_ID "\xff\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[]}",
    /* duplicate key after the pseudonym */
    "{\"id\":\"" SECRET_ID "\",\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE "}",
    /* age out of range given as the cared-for age's value (offending value is personal, see below) */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[{\"relation\":"
    "\"parent\",\"cared_for_age\":\"" SECRET_CARED_AGE "\"}]}",
    /* an unknown key, strict */
    "{\"id\":\"" SECRET_ID "\",\"age\":" SECRET_AGE ",\"municipality\":306,\"relations\":[{\"relation\":"
    "\"parent\"}],\"nickname\":\"" SECRET_ID "\"}",
};
#define N_BAD_RELATIVES (sizeof bad_relatives / sizeof bad_relatives[0])

#define POP_HEADER                                                                                                   \
    "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,cohabiting,cared_at_home,"        \
    "terminal,bereaved,needs,modes,slots\n"
/* Each data row after the first good one is bad in one field that is not a secret. */
static const char bad_population[] =
    POP_HEADER
    "ok-1,52,306,1,son_daughter,dementia,80,12,0,1,0,0,respite,,\n"
    SECRET_ID "," SECRET_AGE ",306,1,aunt,dementia," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0,0,respite,,\n"
    SECRET_ID "," SECRET_AGE ",306,1,parent,demensia," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0,0,respite,,\n"
    SECRET_ID "," SECRET_AGE ",306,maybe,parent,cancer," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0,0,,,\n"
    SECRET_ID "," SECRET_AGE ",306,1,parent,cancer," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0,0,bogus,,\n"
    SECRET_ID "," SECRET_AGE ",306,1,parent,cancer," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0,0,,,\n"
    SECRET_ID "," SECRET_AGE ",306,1,parent,cancer," SECRET_CARED_AGE "," SECRET_HOURS ",0,1,0\n"
    "\"" SECRET_ID "," SECRET_AGE ",306,1,parent,cancer\n";

/* ---- redirection --------------------------------------------------------------------- */

typedef struct capture {
    char dir[200];      /* holds the two capture files */
    char cwd_dir[256];  /* the empty working directory */
    char tmp_dir[256];  /* the empty TMPDIR */
    char old_cwd[4096];
    char *old_tmpdir;
    int saved_out, saved_err;
} capture;

static void make_dir(char *buf, size_t size, const char *base, const char *name)
{
    snprintf(buf, size, "%.200s/%.16s", base, name);
    assert_int_equal(mkdir(buf, 0700), 0);
}

static void capture_begin(capture *c)
{
    const char *base = getenv("TMPDIR");
    char tmpl[200];
    snprintf(tmpl, sizeof tmpl, "%.150s/paroer-privacy-XXXXXX", base && base[0] ? base : "/tmp");
    assert_non_null(mkdtemp(tmpl));
    snprintf(c->dir, sizeof c->dir, "%s", tmpl);
    make_dir(c->cwd_dir, sizeof c->cwd_dir, c->dir, "cwd");
    make_dir(c->tmp_dir, sizeof c->tmp_dir, c->dir, "tmp");
    assert_non_null(getcwd(c->old_cwd, sizeof c->old_cwd));
    c->old_tmpdir = base ? strdup(base) : NULL;

    char path[300];
    snprintf(path, sizeof path, "%s/stdout", c->dir);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    snprintf(path, sizeof path, "%s/stderr", c->dir);
    int err = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(out >= 0 && err >= 0);
    fflush(stdout);
    fflush(stderr);
    c->saved_out = dup(STDOUT_FILENO);
    c->saved_err = dup(STDERR_FILENO);
    assert_true(c->saved_out >= 0 && c->saved_err >= 0);
    assert_int_equal(dup2(out, STDOUT_FILENO), STDOUT_FILENO);
    assert_int_equal(dup2(err, STDERR_FILENO), STDERR_FILENO);
    close(out);
    close(err);
    assert_int_equal(chdir(c->cwd_dir), 0);
    assert_int_equal(setenv("TMPDIR", c->tmp_dir, 1), 0);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static size_t dir_entries(const char *path)
{
    DIR *d = opendir(path);
    if (!d) return (size_t)-1;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

/* Restores everything, then checks that nothing was written or created. */
static void capture_end(capture *c)
{
    fflush(stdout);
    fflush(stderr);
    assert_int_equal(dup2(c->saved_out, STDOUT_FILENO), STDOUT_FILENO);
    assert_int_equal(dup2(c->saved_err, STDERR_FILENO), STDERR_FILENO);
    close(c->saved_out);
    close(c->saved_err);
    assert_int_equal(chdir(c->old_cwd), 0);
    if (c->old_tmpdir) {
        setenv("TMPDIR", c->old_tmpdir, 1);
        free(c->old_tmpdir);
    } else {
        unsetenv("TMPDIR");
    }

    char out[300], err[300];
    snprintf(out, sizeof out, "%s/stdout", c->dir);
    snprintf(err, sizeof err, "%s/stderr", c->dir);
    long out_size = file_size(out), err_size = file_size(err);
    size_t cwd_n = dir_entries(c->cwd_dir), tmp_n = dir_entries(c->tmp_dir);
    if (err_size > 0) {
        char buf[512] = "";
        FILE *f = fopen(err, "r");
        if (f) {
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            buf[n] = '\0';
            fclose(f);
        }
        print_error("stderr got: %s\n", buf);
    }
    unlink(out);
    unlink(err);
    rmdir(c->cwd_dir);
    rmdir(c->tmp_dir);
    rmdir(c->dir);
    assert_int_equal(out_size, 0);
    assert_int_equal(err_size, 0);
    assert_int_equal(cwd_n, 0);
    assert_int_equal(tmp_n, 0);
}

/* ---- checking messages ------------------------------------------------------------------ */

/* Personal values found in messages while output is captured are counted
 * here and reported afterwards (cmocka itself prints). */
typedef struct leaks {
    int count;
    char first[600];
} leaks;

/* 1 when `secret` occurs in `text` as a whole token: not inside a longer run
 * of letters, digits or a decimal number (the digits "87" inside the share
 * 0.5772409408773045 are no age). */
static int is_word_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
}

static int contains_token(const char *text, const char *secret)
{
    size_t n = strlen(secret);
    for (const char *p = strstr(text, secret); p; p = strstr(p + 1, secret)) {
        int left_ok = p == text || !is_word_char(p[-1]) || !is_word_char(secret[0]);
        int right_ok = !is_word_char(p[n]) || !is_word_char(secret[n - 1]);
        if (left_ok && right_ok) return 1;
    }
    return 0;
}

static void check_text(leaks *lk, const char *what, const char *text)
{
    if (!text) return;
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
        if (contains_token(text, secrets[i])) {
            if (lk->count++ == 0)
                snprintf(lk->first, sizeof lk->first, "%s contains \"%s\": %s", what, secrets[i], text);
        }
    }
}

static void check_diagnostics(leaks *lk, const paroer_diagnostics *d)
{
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        check_text(lk, "diagnostic message", paroer_diagnostic_message(d, i));
        check_text(lk, "diagnostic text", paroer_diagnostic_text(d, i));
        check_text(lk, "diagnostic path", paroer_diagnostic_path(d, i));
    }
}

static void check_error_record(leaks *lk)
{
    const paroer_error_info *e = paroer_error_last();
    check_text(lk, "error message", e->message);
    check_text(lk, "error path", e->path);
}

/* ---- the paths ------------------------------------------------------------------------------ */

static char *write_temp(const char *dir, const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

typedef struct outcome {
    int bad_loaded;     /* bad documents that loaded (must be 0) */
    int good_failed;    /* good calls that failed (must be 0) */
    size_t matches, rows_rejected, diag_entries;
    leaks lk;
} outcome;

static int count_cb(size_t index, const paroer_match_result *r, void *userdata)
{
    (void)index;
    *(size_t *)userdata += paroer_match_result_count(r);
    return 0;
}

/* Everything below runs with output captured; nothing here may print. */
static void run_all_paths(outcome *o, const char *files_dir)
{
    memset(o, 0, sizeof *o);
    paroer_diagnostics *diag = NULL;
    if (paroer_diagnostics_new(&diag, NULL) != PAROER_OK) o->good_failed++;
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = diag;

    /* Bad relatives: from memory and from files, lenient and strict. */
    for (size_t i = 0; i < N_BAD_RELATIVES; i++) {
        for (int strict = 0; strict < 2; strict++) {
            paroer_diagnostics_clear(diag);
            lo.flags = strict || i == N_BAD_RELATIVES - 1 ? PAROER_LOAD_STRICT : 0;
            paroer_relative *r = NULL;
            int rc = paroer_relative_load_buffer(&r, bad_relatives[i], strlen(bad_relatives[i]), "rel.json", &lo);
            if (rc == PAROER_OK) o->bad_loaded++;
            check_error_record(&o->lk);
            check_diagnostics(&o->lk, diag);
            o->diag_entries += paroer_diagnostics_count(diag);
            paroer_relative_free(r);
            /* without diagnostics: only the error record */
            paroer_load_options bare;
            paroer_load_options_init(&bare, PAROER_LOAD_OPTIONS_VERSION);
            bare.flags = lo.flags;
            r = NULL;
            rc = paroer_relative_load_buffer(&r, bad_relatives[i], strlen(bad_relatives[i]), NULL, &bare);
            if (rc == PAROER_OK) o->bad_loaded++;
            check_error_record(&o->lk);
            paroer_relative_free(r);
        }
        char name[32];
        snprintf(name, sizeof name, "bad-%zu.json", i);
        const char *path = write_temp(files_dir, name, bad_relatives[i]);
        paroer_diagnostics_clear(diag);
        lo.flags = PAROER_LOAD_STRICT;
        paroer_relative *r = NULL;
        if (paroer_relative_load_file(&r, path, &lo) == PAROER_OK) o->bad_loaded++;
        check_error_record(&o->lk);
        check_diagnostics(&o->lk, diag);
        paroer_relative_free(r);
    }
    lo.flags = 0;
    paroer_relative *missing = NULL;
    if (paroer_relative_load_file(&missing, "no-such-relative.json", &lo) == PAROER_OK) o->bad_loaded++;
    paroer_relative_free(missing);

    /* Good relatives, a catalog, matching in every way. */
    paroer_diagnostics_clear(diag);
    paroer_catalog *c = NULL;
    if (paroer_catalog_load_buffer(&c, FUZZ_CATALOG, sizeof FUZZ_CATALOG - 1, "cat.json", &lo)) o->good_failed++;
    const char *cat_path = write_temp(files_dir, "cat.json", FUZZ_CATALOG);
    paroer_catalog *c2 = NULL;
    if (paroer_catalog_load_file(&c2, cat_path, &lo)) o->good_failed++;
    paroer_catalog_free(c2);
    paroer_relative *rel[FUZZ_RELATIVE_COUNT] = {NULL};
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++)
        if (paroer_relative_load_buffer(&rel[i], FUZZ_RELATIVES[i], strlen(FUZZ_RELATIVES[i]), NULL, &lo))
            o->good_failed++;
    const char *rel_path = write_temp(files_dir, "rel.json", FUZZ_RELATIVES[0]);
    paroer_relative *from_file = NULL;
    if (paroer_relative_load_file(&from_file, rel_path, &lo)) o->good_failed++;
    paroer_relative *built = NULL;
    if (paroer_relative_new(&built, SECRET_ID, 87, 306, NULL)) o->good_failed++;
    size_t ri = 0;
    if (paroer_relative_add_relation(built, PAROER_RELATION_SPOUSE_PARTNER, &ri)) o->good_failed++;
    paroer_relative_relation_set_flag(built, ri, PAROER_FLAG_TERMINAL, 1);
    /* setter errors must not print either */
    (void)paroer_relative_relation_set_cared_for_age(built, ri, 500);
    check_error_record(&o->lk);
    (void)paroer_relative_add_need(built, 99);
    (void)paroer_relative_relation_set_hours(built, 7, 1.0);

    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = fuzz_date();
    mo.explain = 1;
    if (c) {
        paroer_match_result *m = NULL;
        if (paroer_match(&m, c, built, &mo)) o->good_failed++;
        else o->matches += paroer_match_result_count(m);
        char *json = NULL;
        if (m && paroer_match_result_to_json(m, &json, NULL)) o->good_failed++;
        paroer_free(json);
        paroer_match_result_free(m);
        paroer_matcher *matcher = NULL;
        if (paroer_matcher_new(&matcher, c, &mo)) o->good_failed++;
        for (size_t i = 0; matcher && i < FUZZ_RELATIVE_COUNT; i++) {
            const paroer_match_result *mr = NULL;
            if (paroer_matcher_match(matcher, rel[i], &mr)) o->good_failed++;
            else o->matches += paroer_match_result_count(mr);
        }
        paroer_matcher_free(matcher);
        if (paroer_match_batch(c, (const paroer_relative *const *)rel, FUZZ_RELATIVE_COUNT, &mo, count_cb,
                               &o->matches))
            o->good_failed++;
        /* misuse: errors, no output */
        (void)paroer_match(NULL, c, built, &mo);
        (void)paroer_match_batch(c, NULL, 3, &mo, count_cb, &o->matches);
    }

    /* Populations with bad rows: lenient from memory and from a file, strict. */
    paroer_diagnostics_clear(diag);
    lo.max_errors = UINT32_MAX;
    paroer_population *pop = NULL;
    if (paroer_population_load_buffer(&pop, bad_population, sizeof bad_population - 1, "pop.csv", &lo))
        o->good_failed++;
    else o->rows_rejected += paroer_population_rejected_rows(pop);
    check_diagnostics(&o->lk, diag);
    check_error_record(&o->lk);
    o->diag_entries += paroer_diagnostics_count(diag);
    const char *pop_path = write_temp(files_dir, "pop.csv", bad_population);
    paroer_diagnostics_clear(diag);
    paroer_population *pop2 = NULL;
    if (paroer_population_load_file(&pop2, pop_path, &lo)) o->good_failed++;
    check_diagnostics(&o->lk, diag);
    paroer_population_free(pop2);
    paroer_diagnostics_clear(diag);
    lo.flags = PAROER_LOAD_STRICT;
    paroer_population *pop3 = NULL;
    if (paroer_population_load_buffer(&pop3, bad_population, sizeof bad_population - 1, "pop.csv", &lo) ==
        PAROER_OK)
        o->bad_loaded++;
    check_diagnostics(&o->lk, diag);
    check_error_record(&o->lk);
    paroer_population_free(pop3);
    lo.flags = 0;
    paroer_population *none = NULL;
    if (paroer_population_load_file(&none, "no-such-population.csv", &lo) == PAROER_OK) o->bad_loaded++;
    paroer_population_free(none);

    /* Coverage with the population, and as JSON. */
    if (c && pop) {
        paroer_relative *pr = NULL;
        if (paroer_population_relative(&pr, pop, 0, NULL)) o->good_failed++;
        paroer_relative_free(pr);
        paroer_coverage_options co;
        paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
        co.date = fuzz_date();
        co.municipality = 306;
        co.population = pop;
        for (int k = 0; k < 2; k++) {
            paroer_coverage *cov = NULL;
            if (paroer_coverage_compute(&cov, c, &co)) o->good_failed++;
            char *json = NULL;
            if (cov && paroer_coverage_to_json(cov, &json, NULL)) o->good_failed++;
            if (json) check_text(&o->lk, "coverage JSON", json);
            paroer_free(json);
            paroer_coverage_free(cov);
            co.municipality = -1;
        }
        co.min_cell = 1; /* below the floor: an error, no output */
        paroer_coverage *bad = NULL;
        (void)paroer_coverage_compute(&bad, c, &co);
        paroer_coverage_free(bad);
    }

    paroer_population_free(pop);
    for (size_t i = 0; i < FUZZ_RELATIVE_COUNT; i++) paroer_relative_free(rel[i]);
    paroer_relative_free(from_file);
    paroer_relative_free(built);
    paroer_catalog_free(c);
    paroer_diagnostics_free(diag);
    paroer_error_clear();
}

static void test_silent_and_no_files(void **state)
{
    (void)state;
    /* The documents the library is asked to read live outside the watched directories. */
    char files_dir[] = "/tmp/paroer-privacy-files-XXXXXX";
    assert_non_null(mkdtemp(files_dir));
    capture cap;
    outcome o;
    capture_begin(&cap);
    run_all_paths(&o, files_dir);
    capture_end(&cap);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "%s", files_dir);
    DIR *d = opendir(files_dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        snprintf(cmd, sizeof cmd, "%s/%s", files_dir, e->d_name);
        unlink(cmd);
    }
    closedir(d);
    rmdir(files_dir);

    assert_int_equal(o.bad_loaded, 0);
    assert_int_equal(o.good_failed, 0);
    assert_true(o.matches > 0);
    assert_true(o.rows_rejected >= 5);
    assert_true(o.diag_entries > N_BAD_RELATIVES);
}

/* No message, diagnostic or error record repeats the relative's values. */
static void test_messages_hide_personal_values(void **state)
{
    (void)state;
    char files_dir[] = "/tmp/paroer-privacy-msg-XXXXXX";
    assert_non_null(mkdtemp(files_dir));
    outcome o;
    run_all_paths(&o, files_dir);
    DIR *d = opendir(files_dir);
    struct dirent *e;
    char path[600];
    while (d && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        snprintf(path, sizeof path, "%s/%s", files_dir, e->d_name);
        unlink(path);
    }
    if (d) closedir(d);
    rmdir(files_dir);
    if (o.lk.count) fail_msg("%d personal values in messages; first: %s", o.lk.count, o.lk.first);
}

/* The offending code itself may be named (the user must be able to fix it). */
static void test_offending_code_is_named(void **state)
{
    (void)state;
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.diagnostics = d;
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_load_buffer(&r, bad_relatives[0], strlen(bad_relatives[0]), "r.json", &lo),
                     PAROER_ESCHEMA);
    assert_null(r);
    assert_true(paroer_diagnostics_error_count(d) >= 1);
    assert_non_null(strstr(paroer_diagnostic_message(d, 0), "demensia"));
    assert_null(strstr(paroer_diagnostic_text(d, 0), SECRET_ID));
    assert_non_null(strstr(paroer_error_last()->message, "demensia"));
    paroer_diagnostics_free(d);
}

/* The library keeps no copy of a relative after it is freed: a match result
 * is the only object that refers to it, and it keeps only the pseudonym
 * (which the contract's JSON output carries back to the caller). */
static void test_match_result_keeps_only_pseudonym(void **state)
{
    (void)state;
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_buffer(&c, FUZZ_CATALOG, sizeof FUZZ_CATALOG - 1, NULL, NULL), PAROER_OK);
    paroer_relative *r = NULL;
    assert_int_equal(paroer_relative_load_buffer(&r, FUZZ_RELATIVES[0], strlen(FUZZ_RELATIVES[0]), NULL, NULL),
                     PAROER_OK);
    paroer_match_options mo;
    paroer_match_options_init(&mo, PAROER_MATCH_OPTIONS_VERSION);
    mo.date = fuzz_date();
    paroer_match_result *m = NULL;
    assert_int_equal(paroer_match(&m, c, r, &mo), PAROER_OK);
    paroer_relative_free(r);
    assert_string_equal(paroer_match_result_relative_id(m), "r-1");
    char *json = NULL;
    assert_int_equal(paroer_match_result_to_json(m, &json, NULL), PAROER_OK);
    /* the relative's age (52) and hours (25) are not in the output */
    assert_null(strstr(json, "\"age\""));
    assert_null(strstr(json, "hours"));
    paroer_free(json);
    paroer_match_result_free(m);
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_silent_and_no_files),
        cmocka_unit_test(test_messages_hide_personal_values),
        cmocka_unit_test(test_offending_code_is_named),
        cmocka_unit_test(test_match_result_keeps_only_pseudonym),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
