/* Data-driven bad-input suite (in the style of jansson's test/suites/invalid).
 *
 * Every directory tests/bad/<case>/ holds
 *   input.json  a document that must not load;
 *   error       the exact text of the first error diagnostic
 *               (paroer_diagnostic_text(), "input.json:LINE:COLUMN: error: MESSAGE");
 *   flags       optional; "strict" loads with PAROER_LOAD_STRICT;
 *   errors      optional; every error of the load, one text a line, in order
 *               (for cases where one problem must not hide another).
 * Cases named relative-* are relative documents (contract section 3),
 * hsds-* HSDS documents (section 7), the others catalog documents (section 2).
 *
 * Each case is loaded from the file (the working directory is the case's,
 * so the source name is "input.json") with a diagnostics list and a counting
 * allocator, and again from memory without diagnostics. Both must fail with
 * the same status, produce the expected text, leave the thread's error
 * record pointing at the same place, and give back every allocation. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <paroer/paroer.h>

#define BAD_DIR PAROER_SOURCE_DIR "/tests/bad"

typedef struct counting {
    long live;
    long total;
} counting;

static void *c_malloc(void *ctx, size_t n)
{
    counting *c = ctx;
    void *p = malloc(n);
    if (p) { c->live++; c->total++; }
    return p;
}
static void *c_realloc(void *ctx, void *p, size_t old, size_t n)
{
    counting *c = ctx;
    (void)old;
    void *q = realloc(p, n);
    if (q && !p) { c->live++; c->total++; }
    return q;
}
static void c_free(void *ctx, void *p)
{
    counting *c = ctx;
    if (p) c->live--;
    free(p);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

static int load(int relative, int from_file, const char *data, size_t len, const paroer_load_options *opts)
{
    if (relative == 1) {
        paroer_relative *r = (paroer_relative *)1;
        int rc = from_file ? paroer_relative_load_file(&r, "input.json", opts)
                           : paroer_relative_load_buffer(&r, data, len, "input.json", opts);
        assert_null(r);
        return rc;
    }
    paroer_catalog *c = (paroer_catalog *)1;
    if (relative == 2) {   /* hsds-*: Open Referral HSDS (docs/hsds.md) */
        paroer_hsds_options h;
        paroer_hsds_options_init(&h, PAROER_HSDS_OPTIONS_VERSION);
        h.allocator = opts->allocator;
        h.diagnostics = opts->diagnostics;
        if (opts->flags & PAROER_LOAD_STRICT) h.flags |= PAROER_HSDS_STRICT;
        int rc = from_file ? paroer_catalog_from_hsds_file(&c, "input.json", &h)
                           : paroer_catalog_from_hsds_buffer(&c, data, len, "input.json", &h);
        assert_null(c);
        return rc;
    }
    int rc = from_file ? paroer_catalog_load_file(&c, "input.json", opts)
                       : paroer_catalog_load_buffer(&c, data, len, "input.json", opts);
    assert_null(c);
    return rc;
}

static void run_case(void **state)
{
    const char *name = *state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", BAD_DIR, name);
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);

    char *expected = read_all("error", NULL);
    if (!expected) fail_msg("%s: no 'error' file", name);
    chomp(expected);
    char *flags = read_all("flags", NULL);
    size_t len = 0;
    char *data = read_all("input.json", &len);
    assert_non_null(data);
    int relative = strncmp(name, "relative-", 9) == 0 ? 1 : strncmp(name, "hsds-", 5) == 0 ? 2 : 0;

    counting cnt = {0, 0};
    paroer_allocator alloc = {c_malloc, c_realloc, c_free, &cnt};
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options opts;
    assert_int_equal(paroer_load_options_init(&opts, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    opts.allocator = &alloc;
    opts.diagnostics = d;
    if (flags && strstr(flags, "strict")) opts.flags |= PAROER_LOAD_STRICT;

    paroer_error_clear();
    int rc = load(relative, 1, NULL, 0, &opts);
    if (rc >= 0) fail_msg("%s: loaded, but it must fail", name);
    assert_int_equal(cnt.live, 0);

    /* The first error (warnings may come before it). */
    size_t first = (size_t)-1;
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) {
        if (paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR) { first = i; break; }
    }
    if (first == (size_t)-1) fail_msg("%s: failed with %d but reported no error", name, rc);
    const char *text = paroer_diagnostic_text(d, first);
    if (strcmp(text, expected) != 0)
        fail_msg("%s: first error differs\n  expected: %s\n  actual:   %s", name, expected, text);
    assert_int_equal(paroer_diagnostic_code(d, first), rc);

    /* With an `errors` file: every error of the one pass, in order. */
    char *all = read_all("errors", NULL);
    if (all) {
        char *save = NULL;
        size_t k = 0, n_err = paroer_diagnostics_error_count(d);
        for (char *want = strtok_r(all, "\n", &save); want; want = strtok_r(NULL, "\n", &save)) {
            chomp(want);
            size_t i = 0, seen = 0;
            for (; i < paroer_diagnostics_count(d); i++)
                if (paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR && seen++ == k) break;
            if (i == paroer_diagnostics_count(d))
                fail_msg("%s: error %zu missing (only %zu errors)\n  expected: %s", name, k + 1, n_err, want);
            if (strcmp(paroer_diagnostic_text(d, i), want) != 0)
                fail_msg("%s: error %zu differs\n  expected: %s\n  actual:   %s", name, k + 1, want,
                         paroer_diagnostic_text(d, i));
            k++;
        }
        if (k != n_err) {
            for (size_t i = 0, seen = 0; i < paroer_diagnostics_count(d); i++)
                if (paroer_diagnostic_severity(d, i) == PAROER_SEVERITY_ERROR && seen++ >= k)
                    fprintf(stderr, "  extra: %s\n", paroer_diagnostic_text(d, i));
            fail_msg("%s: %zu errors, but `errors` lists %zu", name, n_err, k);
        }
        free(all);
    }

    /* The thread's record is the same first error. */
    const paroer_error_info *e = paroer_error_last();
    assert_int_equal(e->code, rc);
    assert_string_equal(e->source, "input.json");
    assert_string_equal(e->message, paroer_diagnostic_message(d, first));
    assert_string_equal(e->path, paroer_diagnostic_path(d, first));
    assert_int_equal(e->line, paroer_diagnostic_line(d, first));
    assert_int_equal(e->column, paroer_diagnostic_column(d, first));

    /* From memory, without diagnostics: same status and first error. */
    paroer_load_options plain;
    assert_int_equal(paroer_load_options_init(&plain, PAROER_LOAD_OPTIONS_VERSION), PAROER_OK);
    plain.allocator = &alloc;
    plain.flags = opts.flags;
    char *message = strdup(paroer_diagnostic_message(d, first));
    int64_t line = paroer_diagnostic_line(d, first), column = paroer_diagnostic_column(d, first);
    paroer_error_clear();
    int rc2 = load(relative, 0, data, len, &plain);
    assert_int_equal(rc2, rc);
    assert_int_equal(cnt.live, 0);
    e = paroer_error_last();
    assert_int_equal(e->code, rc);
    assert_string_equal(e->message, message);
    assert_int_equal(e->line, line);
    assert_int_equal(e->column, column);

    free(message);
    paroer_diagnostics_free(d);
    free(data);
    free(flags);
    free(expected);
    assert_int_equal(chdir(cwd), 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    DIR *dir = opendir(BAD_DIR);
    if (!dir) {
        fprintf(stderr, "cannot open %s\n", BAD_DIR);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        if (ent->d_name[0] == '.') continue;
        char path[1024];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", BAD_DIR, ent->d_name);
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(ent->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    if (n < 50) {
        fprintf(stderr, "only %zu cases in %s (at least 50 expected)\n", n, BAD_DIR);
        return 1;
    }
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = names[i];
        tests[i].test_func = run_case;
        tests[i].initial_state = names[i];
    }
    int failed = _cmocka_run_group_tests("bad_inputs", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(tests);
    return failed;
}
