/* What the JSON loaders (lib/load_catalog.c, lib/load_relative.c) share:
 * parsing with jansson into a tree and turning its failures into positioned
 * messages, field paths built only when a problem is reported, value checks
 * that never touch the thread's error record, and reading a whole file. */
#ifndef PR_LOAD_COMMON_H
#define PR_LOAD_COMMON_H

#include "internal.h"
#include "json_locate.h"
#include <jansson.h>

/* A field path kept on the C stack while walking a document: each level
 * points at its parent, so descending costs nothing and the text
 * ("offers[3].target.conditions[0]") is only made when a problem is
 * reported. A NULL path is the document itself. */
typedef struct pr_jpath {
    const struct pr_jpath *up;
    const char *key;     /* object member, or NULL for an array element */
    size_t index;        /* array index when key is NULL */
} pr_jpath;

/* Writes the path's text (NUL-terminated, truncated to size). */
void pr_jpath_format(const pr_jpath *p, char *buf, size_t size);

/* Why a document could not be parsed. */
typedef struct pr_json_failure {
    int code;            /* PAROER_EPARSE or PAROER_ENOMEM */
    size_t offset;       /* byte offset in the text as given (BOM included) */
    char message[400];
} pr_json_failure;

/* Parses a JSON document: a UTF-8 byte order mark is skipped; UTF-16/32 byte
 * order marks, NUL bytes, malformed JSON, invalid UTF-8, duplicate keys,
 * numbers out of range, nesting deeper than jansson's limit and trailing
 * garbage are failures. With hide_values, the message never quotes the text
 * (relative documents hold personal data). Returns the root (caller
 * json_decref()s it) or NULL with *f filled in. */
json_t *pr_json_parse(const char *data, size_t len, int hide_values, pr_json_failure *f);

/* "an object", "a string", "an integer", "a decimal number", "true", … */
const char *pr_json_type_name(const json_t *v);

/* pr_quote(), the one escaping of quoted values in messages: internal.h. */

/* The codes of a list joined by ", ", leaving out those whose bit is set in `exclude`. */
void pr_code_list_text(int32_t list, uint32_t exclude, char *buf, size_t size);

/* Parses "YYYY-MM-DD" without touching the thread's error record.
 * Returns 0, 1 when not of that form, 2 when not a calendar date. */
int pr_parse_date(const char *s, size_t len, int32_t *out);

/* A municipality as 306, "306" or "0306": 1..999 as a JSON integer, or a
 * string of 1 to 4 ASCII digits with that value. Returns 0, -1 for a value
 * of another JSON type, 1 for a bad code. */
int pr_parse_municipality(const json_t *v, int32_t *out);

/* 1 when s[0..len) is a language tag: 1..35 ASCII letters, digits and '-',
 * starting with a letter ("da", "en", "zh-Hant"). */
int pr_is_language_tag(const char *s, size_t len);

/* 1 when a key can be written in a field path as it is
 * ([A-Za-z0-9_-], 1..64 bytes), so the locator can find it again. */
int pr_is_path_key(const char *key);

/* Reads a whole file into memory allocated with `a` (caller pr_free()s it).
 * Returns 0, PAROER_EIO (reason in errbuf) or PAROER_ENOMEM. */
int pr_read_file(const paroer_allocator *a, const char *path, char **data, size_t *len, char *errbuf,
                 size_t errsize);

#endif
