/* Internal helpers shared by every module: allocation through the object's
 * allocator, a bump arena for immutable data, error recording and
 * diagnostics. Nothing here is exported (hidden visibility, no paroer_ prefix). */
#ifndef PR_INTERNAL_H
#define PR_INTERNAL_H

#include <paroer/paroer.h>
#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>

#define PR_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define PR_BIT(n) (1u << (n))

#if defined(__GNUC__)
#  define PR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define PR_PRINTF(f, a)
#endif

/* A small function of a hot loop that the compiler must inline (its own
 * estimate leaves a call, whose cost is most of the function's). */
#if defined(__GNUC__) || defined(__clang__)
#  define PR_HOT_INLINE static inline __attribute__((always_inline))
#else
#  define PR_HOT_INLINE static inline
#endif

/* ---- allocation (lib/alloc.c) ------------------------------------------------
 * Every allocation of the library goes through an allocator so tests can fail
 * the k-th one. `a` may be NULL only where noted; use pr_alloc_resolve to turn
 * a caller's (possibly NULL) pointer into a copy with defaults filled in. */
void pr_alloc_resolve(paroer_allocator *dst, const paroer_allocator *src);
void *pr_malloc(const paroer_allocator *a, size_t size);
void *pr_calloc(const paroer_allocator *a, size_t n, size_t size);  /* overflow-checked */
void *pr_realloc(const paroer_allocator *a, void *p, size_t old_size, size_t new_size);
void pr_free(const paroer_allocator *a, void *p);
char *pr_strndup(const paroer_allocator *a, const char *s, size_t len);
/* Grows *arr (element size `elem`) so that it can hold at least `need`
 * elements; *cap is updated. Returns 0 or PAROER_ENOMEM (array unchanged). */
int pr_grow(const paroer_allocator *a, void **arr, size_t *cap, size_t need, size_t elem);

/* ---- arena (lib/arena.c): bump allocation, freed all at once --------------- */
typedef struct pr_arena_block pr_arena_block;
typedef struct pr_arena {
    const paroer_allocator *alloc; /* not owned; must outlive the arena */
    pr_arena_block *head;
    size_t used_bytes;             /* bytes handed out, for memory reports */
    size_t reserved_bytes;         /* bytes obtained from the allocator */
} pr_arena;
void pr_arena_init(pr_arena *ar, const paroer_allocator *alloc);
void *pr_arena_alloc(pr_arena *ar, size_t size, size_t align); /* NULL on failure */
char *pr_arena_strndup(pr_arena *ar, const char *s, size_t len);
void pr_arena_free(pr_arena *ar);

/* ---- quoting values in messages (lib/load_common.c) --------------------------
 * The one escaping function of every message that quotes a value of the
 * input (an id, a code, a key): writes s[0..len) double-quoted, with '"' and
 * '\\' escaped and control characters (U+0000..U+001F, U+007F) written as
 * \u00XX, so no value can break a message's line or forge another; at most
 * about `max` bytes of content (cut at a character boundary, "…" marks a cut). */
void pr_quote(char *buf, size_t size, const char *s, size_t len, size_t max);
/* The same escaping of control characters for a whole message that embeds
 * values (a check's detail): no quotes added, '"' and '\\' kept as they are. */
void pr_escape(char *buf, size_t size, const char *s, size_t len);

/* ---- thread-local last error (lib/error.c) ---------------------------------- */
/* Sets the thread's error record and returns `code` (so `return pr_error(...)`). */
int pr_error(int code, const char *fmt, ...) PR_PRINTF(2, 3);
int pr_error_at(int code, const char *source, int64_t line, int64_t column, int64_t offset,
                const char *path, const char *fmt, ...) PR_PRINTF(7, 8);
void pr_error_clear(void);
/* The words for a file error ("no such file or directory"), shared by every
 * message about a file the library cannot open or read (lib/load_common.c);
 * NULL for an errno without words of its own. */
const char *pr_errno_text(int e);

/* ---- string hash map from id to uint32 (lib/hashmap.c) --------------------- */
typedef struct pr_strmap {
    const paroer_allocator *alloc;
    const char **keys;   /* borrowed: keys must outlive the map */
    uint32_t *key_lens;
    uint32_t *values;
    size_t cap;          /* power of two or 0 */
    size_t count;
} pr_strmap;
void pr_strmap_init(pr_strmap *m, const paroer_allocator *alloc);
void pr_strmap_free(pr_strmap *m);
/* Returns 1 and sets *value when found, 0 otherwise. */
int pr_strmap_get(const pr_strmap *m, const char *key, size_t len, uint32_t *value);
/* Inserts; returns 0, PAROER_EDUPLICATE (existing value in *existing) or PAROER_ENOMEM. */
int pr_strmap_put(pr_strmap *m, const char *key, size_t len, uint32_t value, uint32_t *existing);
uint64_t pr_hash_bytes(const char *s, size_t len);

/* ---- diagnostics (lib/diagnostics.c) ----------------------------------------
 * A load collects every problem as (severity, source, path, message) and, when
 * the source text is known, resolves the path to line and column. */
enum { PR_SEV_ERROR = 0, PR_SEV_WARNING = 1 };
typedef struct pr_diag_sink pr_diag_sink;
/* Resolves a field path ("offers[3].target.conditions[1]") to a position in a
 * document; returns 0 when found. Used only on the error path. */
typedef int (*pr_locate_fn)(void *ctx, const char *path, int64_t *line, int64_t *column,
                            int64_t *offset);

/* ---- text --------------------------------------------------------------------- */

/* 1 when a[0..n) and b[0..n) are equal ignoring the case of ASCII letters
 * (locale-free: other bytes compare exactly). Stops at the first difference,
 * so a shorter NUL-terminated b is safe. */
static inline int pr_ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return 1;
}

#endif
