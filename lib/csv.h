/* A small RFC 4180 record reader over a buffer in memory (lib/csv.c).
 *
 * It hands out one record at a time as (pointer, length) fields that point
 * into the buffer; only a quoted field holding a doubled quote ("") is
 * unescaped, into a scratch buffer owned by the reader. Nothing is allocated
 * per field or per record once the scratch buffer has grown to the longest
 * such record.
 *
 * Population fields never hold line breaks, so a record is exactly one line:
 * LF, CR LF and a lone CR all end it (old Mac and Excel exports), also inside
 * quotes, where the line end makes the record bad ("unterminated quoted
 * field") and the next line is read as the next record. One stray quote thus
 * costs one row, never the rest of the file, and a buffer can be cut at any
 * line end into pieces that are read independently (lib/population_stream.c).
 * Line numbers count line ends. */
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
    char sep;              /* field separator: ',' (default) or ';' */
    int plain;             /* the last record read holds only bytes 0x21..0x7F besides its
                              separators and line end: no blank to trim, nothing but ASCII, no NUL
                              (0 = not known; readers then check every field) */
    char *scratch; size_t scratch_cap;
} pr_csv;

/* Results of pr_csv_next. */
enum {
    PR_CSV_RECORD = 1,     /* a record was read */
    PR_CSV_EOF = 0,        /* no more input */
    PR_CSV_BAD = -1        /* a malformed record; *err says why, the reader is past its line */
};

/* Starts reading data[0..len) at line 1 with ',' as the separator; a UTF-8
 * byte order mark at the start is skipped. */
void pr_csv_init(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len);
/* Like pr_csv_init for a piece of a file: no byte order mark, the given
 * separator and first line number. */
void pr_csv_init_part(pr_csv *c, const paroer_allocator *alloc, const char *data, size_t len, char sep,
                      int64_t line);
void pr_csv_free(pr_csv *c);

/* Reads the next record. Up to `max` fields are stored in `f`; *n is the
 * number of fields the record has (it may exceed `max`). *line is the line the
 * record starts on. Returns PR_CSV_RECORD, PR_CSV_EOF, PR_CSV_BAD (with *err a
 * static message) or PAROER_ENOMEM. */
int pr_csv_next(pr_csv *c, pr_csv_field *f, size_t max, size_t *n, int64_t *line, const char **err);

/* The number of line ends (LF, CR LF, lone CR) in data[0..len). */
size_t pr_csv_count_lines(const char *data, size_t len);

/* The end of the last complete line of data[0..len): one past its line end,
 * or 0 when there is none. A CR as the very last byte counts only when
 * `final` (it may be the first half of a CR LF). */
size_t pr_csv_last_line_end(const char *data, size_t len, int final);

#endif
