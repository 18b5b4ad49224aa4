#define _POSIX_C_SOURCE 200809L
/* paroer_file_read(): the whole file, NUL-terminated, and the loaders' words
 * for a file that cannot be read (one message for the library and the tool). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <paroer/paroer.h>

static void test_reads_whole_file(void **state)
{
    (void)state;
    void *data = NULL;
    size_t len = 0;
    assert_int_equal(paroer_file_read(&data, &len, PAROER_SOURCE_DIR "/data/municipalities.csv"), PAROER_OK);
    assert_true(len > 1000);
    assert_int_equal(((char *)data)[len], '\0');
    assert_int_equal(strncmp(data, "code,name,", 10), 0);
    paroer_free(data);
    /* An empty file: zero bytes, still a buffer. */
    char path[] = "/tmp/paroer-file-read-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(paroer_file_read(&data, &len, path), PAROER_OK);
    assert_int_equal(len, 0);
    assert_non_null(data);
    paroer_free(data);
    remove(path);
}

static void test_same_words_as_the_loaders(void **state)
{
    (void)state;
    void *data = (void *)1;
    size_t len = 7;
    const char *missing = "/nonexistent/paroer/catalog.json";
    assert_int_equal(paroer_file_read(&data, &len, missing), PAROER_EIO);
    assert_null(data);
    assert_int_equal(len, 0);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", paroer_error_last()->message);
    assert_string_equal(msg, "cannot open the file: no such file or directory");
    assert_string_equal(paroer_error_last()->source, missing);
    paroer_catalog *c = NULL;
    assert_int_equal(paroer_catalog_load_file(&c, missing, NULL), PAROER_EIO);
    assert_non_null(strstr(paroer_error_last()->message, msg));
    /* The population loader says it in the same words. */
    paroer_population *p = NULL;
    assert_int_equal(paroer_population_load_file(&p, "/nonexistent/paroer/pop.csv", NULL), PAROER_EIO);
    assert_string_equal(paroer_error_last()->message, msg);
    /* A directory. */
    assert_int_equal(paroer_file_read(&data, &len, "/tmp"), PAROER_EIO);
    assert_string_equal(paroer_error_last()->message, "cannot read the file: is a directory");
    assert_int_equal(paroer_population_load_file(&p, "/tmp", NULL), PAROER_EIO);
    assert_string_equal(paroer_error_last()->message, "cannot read the file: is a directory");
}

static void test_bad_arguments(void **state)
{
    (void)state;
    void *data;
    size_t len;
    assert_int_equal(paroer_file_read(NULL, &len, "x"), PAROER_EINVALID);
    assert_int_equal(paroer_file_read(&data, NULL, "x"), PAROER_EINVALID);
    assert_int_equal(paroer_file_read(&data, &len, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_file_read(&data, &len, ""), PAROER_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_whole_file),
        cmocka_unit_test(test_same_words_as_the_loaders),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
