/* Error-path-only helpers that turn a field path or a byte offset of a JSON
 * document into a line and a column. Used by the JSON loaders
 * (lib/load_catalog.c, lib/load_relative.c) when they report a problem; never
 * on the success path. */
#ifndef PR_JSON_LOCATE_H
#define PR_JSON_LOCATE_H

#include "internal.h"

/* What pr_json_locate() needs: the document's text as it was given (with a
 * UTF-8 byte order mark, if any: positions count every byte of the text).
 * When `fixed` is set, every lookup answers the fixed position instead; the
 * loaders use that to report JSON syntax errors, whose position comes from
 * the parser, through the same channel as field errors. */
/* One resolved component of the last path (the cache of pr_json_locate()). */
#define PR_LOCATE_DEPTH 16
#define PR_LOCATE_KEY 64
typedef struct pr_locate_level {
    size_t value;              /* offset of the component's value */
    size_t member;             /* object member: offset of its key's '"' */
    size_t index;              /* array element: its index */
    int is_key;
    size_t key_len;
    char key[PR_LOCATE_KEY];
} pr_locate_level;

typedef struct pr_locate_ctx {
    const char *data;
    size_t len;
    int fixed;
    int64_t line, column, offset;
    /* Caches, zero-initialised with the rest: the components of the last
     * path found, and the last position turned into a line and column.
     * Problems are reported roughly in document order, so each lookup
     * resumes where the last one was: the cost of every diagnostic of a
     * document together stays linear in its size. */
    int root_known;
    size_t root;
    size_t depth;
    pr_locate_level level[PR_LOCATE_DEPTH];
    int pos_known;
    size_t pos_offset, pos_line_start;
    int64_t pos_line;
} pr_locate_ctx;

/* Implements pr_locate_fn over a pr_locate_ctx holding valid JSON text.
 *
 * `path` is a field path: keys joined by '.', array indexes in brackets,
 * e.g. "offers[3].target.conditions[1]", "offers[3]", or "" for the whole
 * document. Sets *line (1-based), *column (1-based, in bytes) and *offset
 * (0-based byte offset) of the first byte of that value and returns 0. When
 * the path does not exist (a missing key, an index past the end), it gives
 * the position of the innermost value on the path that does exist (for a
 * missing key: the '{' of the object that lacks it) and returns 1. Returns -1
 * only when ctx is NULL or the text has no value at all (positions are then
 * left unchanged). A lookup resumes from the previous one where the paths
 * share a prefix (the next element of the same array, the next member of the
 * same object), and the line count from the previous position, so a
 * document's diagnostics in document order cost O(length of the document)
 * together; one lookup costs at most that. */
int pr_json_locate(void *ctx, const char *path, int64_t *line, int64_t *column, int64_t *offset);

/* 1-based line and byte column of byte `offset` of `data` (offset may equal
 * len: the end of the text). Lines end at '\n'. */
void pr_json_position(const char *data, size_t len, size_t offset, int64_t *line, int64_t *column);

#endif
