/* Internal side of the catalog builder, used by the JSON loader
 * (lib/load_catalog.c) and by merging. Errors raised through the builder go
 * to one sink, so a document's errors are counted and located uniformly. */
#ifndef PR_BUILDER_H
#define PR_BUILDER_H

#include "model.h"

/* Starts a document: its name is used in diagnostics, `locate` (may be NULL)
 * resolves field paths to line/column while the document's text is alive,
 * `municipality` is the document's default (-1 none). */
void pr_builder_begin_document(paroer_catalog_builder *b, const char *name, pr_locate_fn locate,
                               void *locate_ctx, int32_t municipality);
/* Ends a document: checks that every offer's provider reference resolves.
 * Returns 0 or the first error code. */
int pr_builder_end_document(paroer_catalog_builder *b);

/* Overrides the path prefix of the open object ("offers[3]"); the builder
 * otherwise numbers objects in the order they were begun. */
void pr_builder_set_object_path(paroer_catalog_builder *b, const char *prefix);

/* Records a diagnostic at `path` (absolute, e.g. "offers[3].target") in the
 * current document. Returns `code` for errors, 0 for warnings. */
int pr_builder_report(paroer_catalog_builder *b, int severity, int code, const char *path,
                      const char *fmt, ...) PR_PRINTF(5, 6);

/* The providers of a document could not be read (their list is not an
 * array): references to providers are no longer checked in this build, which
 * fails anyway, so that one error does not come back as one per offer. */
void pr_builder_providers_unknown(paroer_catalog_builder *b);

/* Number of errors so far, and whether the error limit is reached (stop). */
size_t pr_builder_error_count(const paroer_catalog_builder *b);
int pr_builder_should_stop(const paroer_catalog_builder *b);

/* The first error's code (0 when none). */
int pr_builder_first_error(const paroer_catalog_builder *b);
/* Sets the thread's error record back to the first error; returns its code (0 when none). */
int pr_builder_reraise_first(const paroer_catalog_builder *b);

#endif
