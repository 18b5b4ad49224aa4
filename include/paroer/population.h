/**
 * @file population.h
 * @brief A population of relatives read from the contract's CSV (section 5).
 *
 * @defgroup paroer_population Population
 * @brief Many relatives at once, for population reach (coverage.h).
 *
 * The population file is CSV (RFC 4180, UTF-8, one header row) with the
 * columns `id,age,municipality,employed,relation,conditions,cared_for_age,
 * hours_per_week,cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots`.
 * Lists are `;`-separated, booleans are `0`/`1` or `true`/`false`, and a
 * relative with several relations has one row per relation, the rows of one id
 * consecutive. The exact rules (which columns are required, what an empty
 * field means, how disagreeing rows are treated) are in docs/coverage.md.
 *
 * A bad row is reported with its line number (`FILE:LINE: error: …` in the
 * diagnostics list) and left out; the other rows still count, unless the
 * caller sets #PAROER_LOAD_STRICT, which makes the first bad row fail the load.
 *
 * The reader is built for national files (two million relatives): it maps the
 * file, scans fields by hand and stores relatives compactly, so it never
 * allocates per field or per row.
 *
 * Privacy: a population is personal (and health) data. The library keeps it in
 * memory only while the object lives and never writes it anywhere. Error
 * messages name the line, the column and the offending value only.
 *
 * A loaded population is immutable: any number of threads may read it at once.
 * @{
 */
#ifndef PAROER_POPULATION_H
#define PAROER_POPULATION_H

#include <paroer/catalog.h>
#include <paroer/relative.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An immutable population of relatives (opaque). */
typedef struct paroer_population paroer_population;

/**
 * @brief Loads a population CSV file.
 *
 * Options (#paroer_load_options, NULL for the defaults):
 * - @c allocator: used for the population and everything it holds;
 * - @c diagnostics: receives one error per bad row (`FILE:LINE: error: …`),
 *   and a warning per unknown column;
 * - @c flags: #PAROER_LOAD_STRICT makes the first bad row (and an unknown
 *   column) fail the whole load;
 * - @c max_errors: at most this many row errors are recorded in the
 *   diagnostics (0 means 100); rows beyond it are still left out and counted
 *   in paroer_population_rejected_rows(), and one final diagnostic says how
 *   many were not listed. Pass UINT32_MAX to list every bad row.
 *
 * Without #PAROER_LOAD_STRICT, bad rows do not fail the load: it returns
 * #PAROER_OK and paroer_population_rejected_rows() tells how many were left
 * out. A file that cannot be read, or whose header row is unusable (missing,
 * a required column absent, a column named twice), always fails.
 *
 * @param[out] out The population; free it with paroer_population_free(). NULL on failure.
 * @param path The file.
 * @param opts Options, or NULL.
 * @return #PAROER_OK, #PAROER_EIO (unreadable file), #PAROER_EPARSE (strict: malformed CSV),
 *         #PAROER_ESCHEMA (bad header; strict: a bad row), #PAROER_ENOMEM or #PAROER_EINVALID.
 *         On failure paroer_error_last() names the file and line.
 */
PAROER_API int paroer_population_load_file(paroer_population **out, const char *path,
                                           const paroer_load_options *opts);

/**
 * @brief Loads a population CSV from memory.
 * @param[out] out The population (caller frees with paroer_population_free()).
 * @param data The CSV text; need not be NUL-terminated; not kept after the call.
 * @param len Its length in bytes.
 * @param name A name used in diagnostics (e.g. "upload.csv"), or NULL for "<buffer>".
 * @param opts Options, or NULL.
 * @return As paroer_population_load_file() (never #PAROER_EIO).
 */
PAROER_API int paroer_population_load_buffer(paroer_population **out, const char *data, size_t len,
                                             const char *name, const paroer_load_options *opts);

/** @brief Frees a population; NULL is allowed. */
PAROER_API void paroer_population_free(paroer_population *p);

/** @brief Number of relatives (distinct ids with at least one accepted row). */
PAROER_API size_t paroer_population_count(const paroer_population *p);

/** @brief Number of accepted rows (care relations) over all relatives. */
PAROER_API size_t paroer_population_relation_total(const paroer_population *p);

/** @brief Number of data rows that were bad and left out. */
PAROER_API size_t paroer_population_rejected_rows(const paroer_population *p);

/** @brief The file or buffer name the population was read from (borrowed, never NULL). */
PAROER_API const char *paroer_population_source(const paroer_population *p);

/**
 * @brief Finds a relative by its id.
 * @param p The population.
 * @param id The pseudonym (NUL-terminated).
 * @return Its index, or -1 when absent (or on a NULL argument).
 */
PAROER_API int64_t paroer_population_find(const paroer_population *p, const char *id);

/** @name Reading relative i directly
 * Cheap accessors over the compact storage; an index out of range gives
 * "" / -1 / 0. Relatives keep the order of their first row in the file. @{ */
/** @brief The id of relative @p i (borrowed; valid while the population lives). */
PAROER_API const char *paroer_population_id(const paroer_population *p, size_t i);
/** @brief The 1-based line of the first row of relative @p i, or 0. */
PAROER_API int64_t paroer_population_line(const paroer_population *p, size_t i);
/** @brief Age of relative @p i; #PAROER_UNKNOWN (relative.h) for an age written `?`; -1 for an index out of range. */
PAROER_API int32_t paroer_population_age(const paroer_population *p, size_t i);
/** @brief Municipality code of relative @p i, or -1. */
PAROER_API int32_t paroer_population_municipality(const paroer_population *p, size_t i);
/** @brief Number of relations (accepted rows) of relative @p i. */
PAROER_API size_t paroer_population_relation_count(const paroer_population *p, size_t i);
/** @} */

/**
 * @brief Makes a stand-alone #paroer_relative of relative @p i, for matching
 *        it (match.h) or reading every field through relative.h.
 *
 * The relative speaks "da" (the CSV has no language column).
 * @param[out] out The new relative; the caller frees it with paroer_relative_free().
 * @param p The population.
 * @param i The index (0 .. paroer_population_count() - 1).
 * @param allocator Allocator for the relative, or NULL for the C library's.
 * @return #PAROER_OK, #PAROER_EINVALID (index out of range) or #PAROER_ENOMEM.
 */
PAROER_API int paroer_population_relative(paroer_relative **out, const paroer_population *p, size_t i,
                                          const paroer_allocator *allocator);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
