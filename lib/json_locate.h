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
typedef struct pr_locate_ctx {
    const char *data;
    size_t len;
    int fixed;
    int64_t line, column, offset;
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
 * left unchanged). O(length of the document). */
int pr_json_locate(void *ctx, const char *path, int64_t *line, int64_t *column, int64_t *offset);

/* 1-based line and byte column of byte `offset` of `data` (offset may equal
 * len: the end of the text). Lines end at '\n'. */
void pr_json_position(const char *data, size_t len, size_t offset, int64_t *line, int64_t *column);

#endif
