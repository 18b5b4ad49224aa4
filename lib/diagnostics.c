/* A caller-owned list of load problems, each with its place. */
#include "diagnostics.h"
#include <stdio.h>
#include <string.h>

typedef struct pr_diag_entry {
    int severity, code;
    size_t document;
    int64_t line, column;
    char *source, *path, *message, *text;
} pr_diag_entry;

struct paroer_diagnostics {
    paroer_allocator alloc;
    pr_diag_entry *items;
    size_t count, cap, errors;
};

int paroer_diagnostics_new(paroer_diagnostics **out, const paroer_allocator *allocator)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    paroer_allocator a;
    pr_alloc_resolve(&a, allocator);
    paroer_diagnostics *d = pr_calloc(&a, 1, sizeof *d);
    if (!d) return pr_error(PAROER_ENOMEM, "out of memory");
    d->alloc = a;
    *out = d;
    return PAROER_OK;
}

static void entry_free(paroer_diagnostics *d, pr_diag_entry *e)
{
    pr_free(&d->alloc, e->source);
    pr_free(&d->alloc, e->path);
    pr_free(&d->alloc, e->message);
    pr_free(&d->alloc, e->text);
}

void paroer_diagnostics_clear(paroer_diagnostics *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) entry_free(d, &d->items[i]);
    d->count = d->errors = 0;
}

void paroer_diagnostics_free(paroer_diagnostics *d)
{
    if (!d) return;
    paroer_diagnostics_clear(d);
    paroer_allocator a = d->alloc;
    pr_free(&a, d->items);
    pr_free(&a, d);
}

static char *dup(paroer_diagnostics *d, const char *s)
{
    if (!s) s = "";
    return pr_strndup(&d->alloc, s, strlen(s));
}

int pr_diag_add(paroer_diagnostics *d, int severity, int code, const char *source, const char *path,
                int64_t line, int64_t column, const char *message)
{
    return pr_diag_add_doc(d, 0, severity, code, source, path, line, column, message);
}

int pr_diag_add_doc(paroer_diagnostics *d, size_t document, int severity, int code, const char *source,
                    const char *path, int64_t line, int64_t column, const char *message)
{
    if (!d) return 0;
    if (pr_grow(&d->alloc, (void **)&d->items, &d->cap, d->count + 1, sizeof *d->items))
        return PAROER_ENOMEM;
    pr_diag_entry e = {severity, code, document, line, column, dup(d, source), dup(d, path), dup(d, message), NULL};
    /* FILE:LINE:COLUMN: error: MESSAGE, leaving out the parts that are unknown. */
    char pos[64] = "";
    if (line > 0 && column > 0) snprintf(pos, sizeof pos, ":%lld:%lld", (long long)line, (long long)column);
    else if (line > 0) snprintf(pos, sizeof pos, ":%lld", (long long)line);
    const char *sev = severity == PAROER_SEVERITY_ERROR ? "error" : "warning";
    if (e.source && e.message) {
        size_t n = strlen(e.source) + strlen(pos) + strlen(sev) + strlen(e.message) + 8;
        e.text = pr_malloc(&d->alloc, n);
        if (e.text) {
            if (e.source[0]) snprintf(e.text, n, "%s%s: %s: %s", e.source, pos, sev, e.message);
            else snprintf(e.text, n, "%s: %s", sev, e.message);
        }
    }
    if (!e.source || !e.path || !e.message || !e.text) {
        entry_free(d, &e);
        return PAROER_ENOMEM;
    }
    d->items[d->count++] = e;
    if (severity == PAROER_SEVERITY_ERROR) d->errors++;
    return 0;
}

size_t paroer_diagnostics_count(const paroer_diagnostics *d) { return d ? d->count : 0; }
size_t paroer_diagnostics_error_count(const paroer_diagnostics *d) { return d ? d->errors : 0; }

#define ENTRY(d, i) ((d) && (i) < (d)->count ? &(d)->items[i] : NULL)

int paroer_diagnostic_severity(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->severity : -1;
}
int paroer_diagnostic_code(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->code : PAROER_EINVALID;
}
const char *paroer_diagnostic_message(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->message : NULL;
}
const char *paroer_diagnostic_source(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->source : NULL;
}
size_t paroer_diagnostic_document(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->document : (size_t)-1;
}
const char *paroer_diagnostic_path(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->path : NULL;
}
int64_t paroer_diagnostic_line(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->line : 0;
}
int64_t paroer_diagnostic_column(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->column : 0;
}
const char *paroer_diagnostic_text(const paroer_diagnostics *d, size_t i)
{
    const pr_diag_entry *e = ENTRY(d, i);
    return e ? e->text : NULL;
}
