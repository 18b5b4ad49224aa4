/* Internal side of paroer_diagnostics: appending entries. */
#ifndef PR_DIAGNOSTICS_H
#define PR_DIAGNOSTICS_H

#include "internal.h"

/* Appends one entry (strings copied) of document 0. Returns 0 or PAROER_ENOMEM. */
int pr_diag_add(paroer_diagnostics *d, int severity, int code, const char *source, const char *path,
                int64_t line, int64_t column, const char *message);
/* The same, for the load's document number `document` (paroer_diagnostic_document()). */
int pr_diag_add_doc(paroer_diagnostics *d, size_t document, int severity, int code, const char *source,
                    const char *path, int64_t line, int64_t column, const char *message);

#endif
