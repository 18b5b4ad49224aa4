/**
 * @file diagnostics.h
 * @brief Every error and warning of a load, with file, line, column and field path.
 *
 * @defgroup paroer_diagnostics Diagnostics
 * @brief A caller-owned list that a load fills with every problem it finds.
 *
 * A load stops at the first error only when no diagnostics list is given;
 * with one, it goes on and records every error (up to a limit) and every
 * warning (unknown keys), so a person can fix a file in one pass. Messages
 * name the place but never copy personal data other than the offending value.
 *
 * A diagnostics list is not thread-safe: use one per thread.
 * @{
 */
#ifndef PAROER_DIAGNOSTICS_H
#define PAROER_DIAGNOSTICS_H

#include <paroer/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An opaque, growable list of diagnostics. */
typedef struct paroer_diagnostics paroer_diagnostics;

/** @brief Severity of a diagnostic. */
typedef enum paroer_severity {
    PAROER_SEVERITY_ERROR = 0,   /**< The input breaks the contract; the load fails. */
    PAROER_SEVERITY_WARNING = 1  /**< Accepted, but worth a look (an unknown key). */
} paroer_severity;

/**
 * @brief Creates an empty list.
 * @param[out] out The new list; free it with paroer_diagnostics_free().
 * @param allocator Allocator for the list, or NULL for the C library's.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_diagnostics_new(paroer_diagnostics **out, const paroer_allocator *allocator);

/** Current version of #paroer_diagnostics_options. */
#define PAROER_DIAGNOSTICS_OPTIONS_VERSION 1

/**
 * @brief Options of paroer_diagnostics_new_with_options(). Initialise with
 *        paroer_diagnostics_options_init(); fields are only ever appended.
 */
typedef struct paroer_diagnostics_options {
    uint32_t version;                  /**< #PAROER_DIAGNOSTICS_OPTIONS_VERSION. */
    const paroer_allocator *allocator; /**< Allocator for the list, or NULL. Copied. */
} paroer_diagnostics_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_diagnostics_options_init(paroer_diagnostics_options *opts, uint32_t version);

/**
 * @brief Creates an empty diagnostics list, with options (so a later option has a place).
 * @param[out] out The new list; free it with paroer_diagnostics_free(). NULL on failure.
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EINVALID (NULL @p out, unknown options version) or #PAROER_ENOMEM.
 *         Thread-safe.
 */
PAROER_API int paroer_diagnostics_new_with_options(paroer_diagnostics **out, const paroer_diagnostics_options *opts);

/** @brief Frees the list and its strings; NULL is allowed. */
PAROER_API void paroer_diagnostics_free(paroer_diagnostics *d);

/** @brief Empties the list (keeps its memory). */
PAROER_API void paroer_diagnostics_clear(paroer_diagnostics *d);

/** @brief Number of entries (errors and warnings). */
PAROER_API size_t paroer_diagnostics_count(const paroer_diagnostics *d);

/** @brief Number of entries of severity #PAROER_SEVERITY_ERROR. */
PAROER_API size_t paroer_diagnostics_error_count(const paroer_diagnostics *d);

/** @brief A #paroer_severity, or -1 when @p i is out of range. */
PAROER_API int paroer_diagnostic_severity(const paroer_diagnostics *d, size_t i);

/** @brief The #paroer_status of entry @p i (0 for warnings), or #PAROER_EINVALID when out of range. */
PAROER_API int paroer_diagnostic_code(const paroer_diagnostics *d, size_t i);
/**
 * @brief The #paroer_status of entry @p i (0 for warnings), apart from the status of the call
 *        (the status-only form of paroer_diagnostic_code(), whose out-of-range answer is itself a status).
 * @param d The list.
 * @param i 0 .. paroer_diagnostics_count() - 1.
 * @param[out] code The entry's code (0 on failure).
 * @return #PAROER_OK, or #PAROER_EINVALID when @p i is out of range. Not thread-safe with writers of @p d.
 */
PAROER_API int paroer_diagnostic_code_get(const paroer_diagnostics *d, size_t i, int *code);

/**
 * @brief The message of entry @p i without position, e.g.
 *        `unknown condition "demensia" (expected one of: frailty, dementia, …)`.
 * @return Borrowed; valid until the list is cleared or freed. NULL when out of range.
 */
PAROER_API const char *paroer_diagnostic_message(const paroer_diagnostics *d, size_t i);

/** @brief The file or buffer name of entry @p i ("" when none). Borrowed like the message. */
PAROER_API const char *paroer_diagnostic_source(const paroer_diagnostics *d, size_t i);

/**
 * @brief Which document of its load entry @p i is about, counting from 0 in
 *        the order the load read them: the index into @c paths of
 *        paroer_catalog_load_files(), 0 for a load of one file or buffer
 *        (relative and population loads too); for a builder, the documents
 *        it was given in order (paroer_builder_add_catalog() counts as one).
 *
 * Tells entries apart when the same file is loaded twice (the same
 * paroer_diagnostic_source()). Numbers start again at 0 with each load.
 * @return The number, or @c (size_t)-1 when @p i is out of range.
 */
PAROER_API size_t paroer_diagnostic_document(const paroer_diagnostics *d, size_t i);

/** @brief The field path of entry @p i, e.g. "offers[3].target.conditions[0]" ("" when none). */
PAROER_API const char *paroer_diagnostic_path(const paroer_diagnostics *d, size_t i);

/** @brief 1-based line of entry @p i, or 0 when unknown. */
PAROER_API int64_t paroer_diagnostic_line(const paroer_diagnostics *d, size_t i);

/** @brief 1-based byte column of entry @p i, or 0 when unknown. */
PAROER_API int64_t paroer_diagnostic_column(const paroer_diagnostics *d, size_t i);

/**
 * @brief The whole diagnostic as one line, compiler style:
 *        `FILE:LINE:COLUMN: error: MESSAGE in PATH` (parts that are unknown are left out).
 * @return Borrowed like the message; NULL when out of range.
 */
PAROER_API const char *paroer_diagnostic_text(const paroer_diagnostics *d, size_t i);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
