/* Data-driven suite of population CSV inputs (tests/bad_population/, see its
 * README.md): files that are malformed, oddly encoded or oddly separated.
 *
 * Every directory holds input.csv and `expect`: the status of the load, the
 * number of relatives and of rejected rows, then every diagnostic, one a line,
 * exactly as paroer_diagnostic_text() gives it. Each case is loaded from the
 * file (working directory = the case's) and from memory, with every row error
 * listed; both must give `expect`, give back every allocation, and no
 * diagnostic may repeat the id (the first field) of any row.
 * PAROER_BAD_POPULATION_WRITE=1 writes `expect` instead (check it by eye). */
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

#define CASES_DIR PAROER_SOURCE_DIR "/tests/bad_population"

typedef struct counting { long live; } counting;
static void *c_malloc(void *ctx, size_t n)
{
    void *p = malloc(n);
    if (p) ((counting *)ctx)->live++;
    return p;
}
static void *c_realloc(void *ctx, void *p, size_t old, size_t n)
{
    (void)old;
    void *q = realloc(p, n);
    if (q && !p) ((counting *)ctx)->live++;
    return q;
}
static void c_free(void *ctx, void *p)
{
    if (p) ((counting *)ctx)->live--;
    free(p);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

typedef struct text { char *s; size_t len, cap; } text;
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[4096];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) t->s = realloc(t->s, t->cap = (t->len + (size_t)n + 1) * 2);
    memcpy(t->s + t->len, tmp, (size_t)n + 1);
    t->len += (size_t)n;
}

/* The outcome of one load as the text of `expect`. */
static char *outcome(int from_file, const char *data, size_t len, counting *cnt)
{
    paroer_allocator alloc = {c_malloc, c_realloc, c_free, cnt};
    paroer_diagnostics *d = NULL;
    assert_int_equal(paroer_diagnostics_new(&d, NULL), PAROER_OK);
    paroer_load_options o;
    paroer_load_options_init(&o, PAROER_LOAD_OPTIONS_VERSION);
    o.allocator = &alloc;
    o.diagnostics = d;
    o.max_errors = UINT32_MAX;
    paroer_population *p = NULL;
    int rc = from_file ? paroer_population_load_file(&p, "input.csv", &o)
                       : paroer_population_load_buffer(&p, data, len, "input.csv", &o);
    text t = {0};
    put(&t, "status %d relatives %zu rejected %zu\n", rc, paroer_population_count(p),
        paroer_population_rejected_rows(p));
    for (size_t i = 0; i < paroer_diagnostics_count(d); i++) put(&t, "%s\n", paroer_diagnostic_text(d, i));
    paroer_population_free(p);
    paroer_diagnostics_free(d);
    return t.s;
}

/* No diagnostic repeats the first field of any line (a pseudonym). */
static void check_no_ids(const char *data, size_t len, const char *out)
{
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r') e++;
        const char *f = p;
        while (f < e && *f != ',' && *f != ';') f++;
        size_t n = (size_t)(f - p);
        if (n >= 3 && n < 200 && memchr(p, '\0', n) == NULL && strncmp(p, "id", 2) != 0) {
            char id[256];
            memcpy(id, p, n);
            id[n] = '\0';
            const char *hit = strstr(out, id);
            if (hit) fail_msg("a diagnostic repeats the id \"%s\":\n%s", id, out);
        }
        p = e + 1;
    }
}

static void run_case(void **state)
{
    const char *name = *state;
    char dir[1024], cwd[1024];
    snprintf(dir, sizeof dir, "%s/%s", CASES_DIR, name);
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    size_t len = 0;
    char *data = read_all("input.csv", &len);
    assert_non_null(data);
    counting cnt = {0};
    char *a = outcome(1, NULL, 0, &cnt);
    assert_int_equal(cnt.live, 0);
    char *b = outcome(0, data, len, &cnt);
    assert_int_equal(cnt.live, 0);
    if (strcmp(a, b) != 0) fail_msg("%s: file and memory differ\n--- file:\n%s--- memory:\n%s", name, a, b);
    const char *w = getenv("PAROER_BAD_POPULATION_WRITE");
    if (w && *w == '1') {
        FILE *f = fopen("expect", "wb");
        assert_non_null(f);
        fputs(a, f);
        fclose(f);
    }
    char *expected = read_all("expect", NULL);
    if (!expected) fail_msg("%s: no 'expect' file", name);
    if (strcmp(a, expected) != 0) fail_msg("%s: outcome differs\n--- expected:\n%s--- actual:\n%s", name, expected, a);
    check_no_ids(data, len, a);
    free(expected);
    free(a);
    free(b);
    free(data);
    assert_int_equal(chdir(cwd), 0);
}

static int by_name(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

int main(void)
{
    DIR *dir = opendir(CASES_DIR);
    if (!dir) {
        fprintf(stderr, "cannot open %s\n", CASES_DIR);
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        char path[1024];
        struct stat st;
        if (ent->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", CASES_DIR, ent->d_name);
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n++] = strdup(ent->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = names[i];
        tests[i].test_func = run_case;
        tests[i].initial_state = names[i];
    }
    int failed = _cmocka_run_group_tests("bad_population", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(tests);
    return failed;
}
