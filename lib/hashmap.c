/* Open-addressing hash map from id strings to indexes (linear probing,
 * power-of-two table, load factor <= 1/2). Keys are borrowed. */
#include "internal.h"
#include <string.h>

uint64_t pr_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

void pr_strmap_init(pr_strmap *m, const paroer_allocator *alloc)
{
    memset(m, 0, sizeof *m);
    m->alloc = alloc;
}

void pr_strmap_free(pr_strmap *m)
{
    pr_free(m->alloc, (void *)m->keys);
    pr_free(m->alloc, m->key_lens);
    pr_free(m->alloc, m->values);
    m->keys = NULL; m->key_lens = NULL; m->values = NULL;
    m->cap = m->count = 0;
}

static size_t probe(const pr_strmap *m, const char *key, size_t len, int *found)
{
    size_t mask = m->cap - 1, i = (size_t)pr_hash_bytes(key, len) & mask;
    for (;;) {
        if (!m->keys[i]) { *found = 0; return i; }
        if (m->key_lens[i] == len && memcmp(m->keys[i], key, len) == 0) { *found = 1; return i; }
        i = (i + 1) & mask;
    }
}

int pr_strmap_get(const pr_strmap *m, const char *key, size_t len, uint32_t *value)
{
    if (!m->cap) return 0;
    int found;
    size_t i = probe(m, key, len, &found);
    if (found && value) *value = m->values[i];
    return found;
}

static int rehash(pr_strmap *m, size_t ncap)
{
    const char **keys = pr_calloc(m->alloc, ncap, sizeof *keys);
    uint32_t *lens = pr_malloc(m->alloc, ncap * sizeof *lens);
    uint32_t *vals = pr_malloc(m->alloc, ncap * sizeof *vals);
    if (!keys || !lens || !vals) {
        pr_free(m->alloc, (void *)keys); pr_free(m->alloc, lens); pr_free(m->alloc, vals);
        return PAROER_ENOMEM;
    }
    pr_strmap old = *m;
    m->keys = keys; m->key_lens = lens; m->values = vals; m->cap = ncap;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i]) continue;
        int found;
        size_t j = probe(m, old.keys[i], old.key_lens[i], &found);
        keys[j] = old.keys[i]; lens[j] = old.key_lens[i]; vals[j] = old.values[i];
    }
    pr_free(m->alloc, (void *)old.keys); pr_free(m->alloc, old.key_lens); pr_free(m->alloc, old.values);
    return 0;
}

int pr_strmap_put(pr_strmap *m, const char *key, size_t len, uint32_t value, uint32_t *existing)
{
    if (len > UINT32_MAX) return PAROER_EINVALID;
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 16;
        if (rehash(m, ncap)) return PAROER_ENOMEM;
    }
    int found;
    size_t i = probe(m, key, len, &found);
    if (found) {
        if (existing) *existing = m->values[i];
        return PAROER_EDUPLICATE;
    }
    m->keys[i] = key; m->key_lens[i] = (uint32_t)len; m->values[i] = value;
    m->count++;
    return 0;
}
