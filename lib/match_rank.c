/* The order of ranked entries (the score and the reasons are in rules.h /
 * rules.c). Everything is integer arithmetic, so the ranking is the same on
 * every platform and compiler. */
#include "match_internal.h"
#include <stdlib.h>
#include <string.h>

static int cmp_entries(const void *pa, const void *pb)
{
    const pr_mentry *a = pa, *b = pb;
    if (pr_mentry_before(a, b)) return -1;
    if (pr_mentry_before(b, a)) return 1;
    return 0;
}

void pr_mentry_sort(pr_mentry *e, size_t n)
{
    if (n < 2) return;
    if (n <= 24) {
        for (size_t i = 1; i < n; i++) {
            pr_mentry x = e[i];
            size_t j = i;
            while (j > 0 && pr_mentry_before(&x, &e[j - 1])) { e[j] = e[j - 1]; j--; }
            e[j] = x;
        }
        return;
    }
    /* Ids are unique, so the order is total and qsort's instability cannot show. */
    qsort(e, n, sizeof *e, cmp_entries);
}
