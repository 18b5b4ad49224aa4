/* paroer_file_write(): a new file, a replaced file (its mode kept), a symbolic
 * link (its target replaced), and failures (a missing directory, a directory,
 * a file-size limit standing in for a full disk) that leave the old file whole
 * and no temporary file behind. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <paroer/paroer.h>

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/paroer-test-file-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char p[512];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            if (unlink(p) != 0) rmdir(p);
        }
        closedir(d);
    }
    return rmdir(dir);
}

static const char *at(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* How many entries the directory holds (temporary files would show). */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

static void test_new_and_replace(void **state)
{
    (void)state;
    const char *p = at("out.html");
    assert_int_equal(paroer_file_write(p, "first", 5), PAROER_OK);
    assert_string_equal(slurp(p), "first");
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
    assert_int_equal(chmod(p, 0640), 0);
    assert_int_equal(paroer_file_write(p, "second, longer", 14), PAROER_OK);
    assert_string_equal(slurp(p), "second, longer");
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);   /* the mode is kept */
    assert_int_equal(paroer_file_write(p, NULL, 0), PAROER_OK);
    assert_string_equal(slurp(p), "");
    assert_int_equal(entries(), 1);
    unlink(p);
}

static void test_symlink(void **state)
{
    (void)state;
    const char *target = at("real.json"), *link = at("link.json");
    assert_int_equal(paroer_file_write(target, "old", 3), PAROER_OK);
    assert_int_equal(symlink("real.json", link), 0);
    assert_int_equal(paroer_file_write(link, "new", 3), PAROER_OK);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));   /* still a link */
    assert_string_equal(slurp(target), "new");
    assert_int_equal(entries(), 2);
    unlink(link);
    unlink(target);
}

static void test_failures(void **state)
{
    (void)state;
    assert_int_equal(paroer_file_write(at("no/such/dir.html"), "x", 1), PAROER_EIO);
    assert_non_null(strstr(paroer_error_last()->message, "no such directory"));
    assert_int_equal(paroer_file_write(dir, "x", 1), PAROER_EIO);
    assert_non_null(strstr(paroer_error_last()->message, "is a directory"));
    assert_int_equal(paroer_file_write(NULL, "x", 1), PAROER_EINVALID);
    assert_int_equal(paroer_file_write("", "x", 1), PAROER_EINVALID);
    assert_int_equal(paroer_file_write(at("x"), NULL, 1), PAROER_EINVALID);
    assert_int_equal(entries(), 0);

    /* A disk that fills up: a file-size limit makes the write fail half way.
     * The old file stays whole and no temporary file is left. */
    const char *p = at("report.html");
    assert_int_equal(paroer_file_write(p, "the good report", 15), PAROER_OK);
    static char big[1 << 16];
    memset(big, 'x', sizeof big);
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 4096;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    int rc = paroer_file_write(p, big, sizeof big);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, prev);
    assert_int_equal(rc, PAROER_EIO);
    assert_non_null(strstr(paroer_error_last()->message, "cannot write the file"));
    assert_string_equal(slurp(p), "the good report");
    assert_int_equal(entries(), 1);
    unlink(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_and_replace),
        cmocka_unit_test(test_symlink),
        cmocka_unit_test(test_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
