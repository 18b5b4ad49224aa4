/* Allocation through the caller's allocator (or the C library's). Every
 * allocation in libparoer passes here, which is what lets the allocation-
 * failure tests fail the k-th one. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

static void *libc_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void *libc_realloc(void *ctx, void *p, size_t old_size, size_t new_size)
{
    (void)ctx; (void)old_size;
    return realloc(p, new_size);
}
static void libc_free(void *ctx, void *p) { (void)ctx; free(p); }

void pr_alloc_resolve(paroer_allocator *dst, const paroer_allocator *src)
{
    if (src && src->malloc_fn && src->free_fn) {
        *dst = *src;
    } else {
        dst->malloc_fn = libc_malloc;
        dst->realloc_fn = libc_realloc;
        dst->free_fn = libc_free;
        dst->ctx = NULL;
    }
}

void *pr_malloc(const paroer_allocator *a, size_t size)
{
    if (size == 0) size = 1;
    return a ? a->malloc_fn(a->ctx, size) : malloc(size);
}

void *pr_calloc(const paroer_allocator *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = pr_malloc(a, n * size);
    if (p && n && size) memset(p, 0, n * size);
    return p;
}

void *pr_realloc(const paroer_allocator *a, void *p, size_t old_size, size_t new_size)
{
    if (new_size == 0) new_size = 1;
    if (!a) return realloc(p, new_size);
    if (a->realloc_fn) return a->realloc_fn(a->ctx, p, old_size, new_size);
    /* No realloc given: allocate, copy, free. */
    void *q = a->malloc_fn(a->ctx, new_size);
    if (!q) return NULL;
    if (p) {
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        a->free_fn(a->ctx, p);
    }
    return q;
}

void pr_free(const paroer_allocator *a, void *p)
{
    if (!p) return;
    if (a) a->free_fn(a->ctx, p);
    else free(p);
}

char *pr_strndup(const paroer_allocator *a, const char *s, size_t len)
{
    if (len == SIZE_MAX) return NULL;
    char *d = pr_malloc(a, len + 1);
    if (!d) return NULL;
    if (len) memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

int pr_grow(const paroer_allocator *a, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return PAROER_ENOMEM;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem) return PAROER_ENOMEM;
    void *p = pr_realloc(a, *arr, *cap * elem, ncap * elem);
    if (!p) return PAROER_ENOMEM;
    *arr = p;
    *cap = ncap;
    return 0;
}

void paroer_free(void *ptr)
{
    free(ptr);
}
