/* A bump arena: an immutable catalog keeps all its strings and arrays in a
 * few large blocks, which makes loading cheap and freeing one walk. */
#include "internal.h"
#include <string.h>

struct pr_arena_block {
    pr_arena_block *next;
    size_t size, used;
    max_align_t data[];   /* aligned storage follows */
};

#define PR_ARENA_BLOCK 65536u

void pr_arena_init(pr_arena *ar, const paroer_allocator *alloc)
{
    ar->alloc = alloc;
    ar->head = NULL;
    ar->used_bytes = 0;
    ar->reserved_bytes = 0;
}

void *pr_arena_alloc(pr_arena *ar, size_t size, size_t align)
{
    if (align == 0) align = 1;
    pr_arena_block *b = ar->head;
    if (b) {
        size_t off = (b->used + (align - 1)) & ~(align - 1);
        if (off <= b->size && size <= b->size - off) {
            b->used = off + size;
            ar->used_bytes += size;
            return (char *)b->data + off;
        }
    }
    size_t bsize = PR_ARENA_BLOCK;
    if (size + align > bsize) {
        if (size > SIZE_MAX - align - sizeof(pr_arena_block)) return NULL;
        bsize = size + align;
    }
    pr_arena_block *nb = pr_malloc(ar->alloc, sizeof(pr_arena_block) + bsize);
    if (!nb) return NULL;
    nb->size = bsize;
    nb->used = 0;
    /* A big allocation goes behind the current block so the current one keeps
     * serving small requests. */
    if (b && bsize > PR_ARENA_BLOCK) {
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        ar->head = nb;
    }
    ar->reserved_bytes += sizeof(pr_arena_block) + bsize;
    nb->used = size;
    ar->used_bytes += size;
    return nb->data;
}

char *pr_arena_strndup(pr_arena *ar, const char *s, size_t len)
{
    if (len == SIZE_MAX) return NULL;
    char *d = pr_arena_alloc(ar, len + 1, 1);
    if (!d) return NULL;
    if (len) memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void pr_arena_free(pr_arena *ar)
{
    pr_arena_block *b = ar->head;
    while (b) {
        pr_arena_block *n = b->next;
        pr_free(ar->alloc, b);
        b = n;
    }
    ar->head = NULL;
    ar->used_bytes = ar->reserved_bytes = 0;
}
