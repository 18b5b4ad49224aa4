/* A small RFC 4180 record reader over a buffer in memory (lib/csv.c).
 *
 * It hands out one record at a time as (pointer, length) fields that point
 * into the buffer; only a quoted field holding a doubled quote ("") is
 * unescaped, into a scratch buffer owned by the reader. Nothing is allocated
 * per field or per record once the scratch buffer has grown to the longest
 * such record. Line numbers count every LF (also inside quoted fields); a
 * record is reported at the line it starts on. */
#ifndef PR_CSV_H
#define PR_CSV_H

#include "internal.h"

typedef struct pr_csv_field {
    const char *p;   /* not NUL-terminated */
    size_t len;
    int quoted;      /* 1 when the field was written in quotes */
    size_t off;      /* internal: offset of an unescaped field in the scratch buffer */
} pr_csv_field;

typedef struct pr_csv {
    const paroer_allocator *alloc;
    const char *p, *end;
    int64_t line;          /* line of the next record */
    char *scratch; size_t scratch_cap;
} pr_csv;

/* Results of pr_csv_next. */
enum {
    PR_CSV_RECORD = 1,     /* a record was read */
    PR_CSV_EOF = 0,        /* no more input */
    PR_CSV_BAD = -1        /* a malformed record; *err says why, the reader is past it */
};

void pr_csv_init(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len);
void pr_csv_free(pr_csv *c);

/* Reads the next record. Up to `max` fields are stored in `f`; *n is the
 * number of fields the record has (it may exceed `max`). *line is the line the
 * record starts on. Returns PR_CSV_RECORD, PR_CSV_EOF, PR_CSV_BAD (with *err a
 * static message) or PAROER_ENOMEM. */
int pr_csv_next(pr_csv *c, pr_csv_field *f, size_t max, size_t *n, int64_t *line, const char **err);

#endif
