#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <paroer/paroer.h>
static void t(void **s){(void)s; assert_string_equal(paroer_version(), PAROER_VERSION_STRING);}
int main(void){const struct CMUnitTest tests[]={cmocka_unit_test(t)};return cmocka_run_group_tests(tests,NULL,NULL);}
