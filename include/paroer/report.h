/**
 * @file report.h
 * @brief The coverage report for people: one self-contained HTML page, the
 *        gaps in plain words, and the words of the checks.
 *
 * @defgroup paroer_report Report
 * @brief What a municipal leader reads: paroer_report_html() writes the page of
 *        `paroer report`; the gap summary and the check titles are the same
 *        words for other front ends (the CLI's text output, Python).
 *
 * The page needs nothing from the network or the disk: CSS is inline, charts
 * are inline SVG, there are no fonts, images or external scripts, and a
 * Content-Security-Policy forbids fetching anything. Every string that comes
 * from a catalog is HTML-escaped. Numbers are written the same whatever the
 * process's locale (LC_NUMERIC is never consulted). For the same coverage,
 * catalog and options the page is the same bytes, whoever asks (the CLI and
 * the Python binding give identical files).
 *
 * Privacy: the page holds only what the coverage result holds; population
 * figures are counts of groups, and groups below the result's smallest cell
 * are never shown.
 * @{
 */
#ifndef PAROER_REPORT_H
#define PAROER_REPORT_H

#include <paroer/coverage.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Current version of #paroer_report_options. */
#define PAROER_REPORT_OPTIONS_VERSION 1

/**
 * @brief Options of paroer_report_html(). Initialise with
 *        paroer_report_options_init(); fields are only ever appended.
 */
typedef struct paroer_report_options {
    uint32_t version;                  /**< #PAROER_REPORT_OPTIONS_VERSION. */
    int32_t lang;                      /**< #PAROER_LANG_DA (default) or #PAROER_LANG_EN. */
    int32_t age_band;                  /**< The age band whose heat map is shown first; default `PAROER_AGE_BAND_ADULT`. */
    const char *const *sources;        /**< Names of the catalogs to list in the header (e.g. file names without directories), or NULL. Borrowed for the call. */
    size_t source_count;               /**< Number of @c sources. */
    const char *population_name;       /**< Name of the population file to show, or NULL. Borrowed for the call. */
    const paroer_allocator *allocator; /**< Allocator for the work of the call, or NULL. Copied. */
} paroer_report_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_report_options_init(paroer_report_options *opts, uint32_t version);

/**
 * @brief Writes the coverage report: one self-contained HTML page (UTF-8).
 *
 * A coverage with a matrix (a municipality) gets the checks, the heat maps of
 * every age band, the gaps, the policy goals and the shares; a coverage with a
 * population gets population reach. Thread-safe: reads @p cov and @p catalog only.
 * @param cov The coverage result.
 * @param catalog The catalog the coverage was computed from (for the names of
 *        offers, policies and goals).
 * @param opts Options; NULL means the defaults (Danish).
 * @param[out] out The page, NUL-terminated; the caller frees it with paroer_free(),
 *        whatever allocator the options gave. NULL on failure.
 * @param[out] len Its length in bytes without the NUL (may be NULL).
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL @p cov, @p catalog or @p out, an
 *         unknown options version, an unknown language or age band; #PAROER_ENOMEM.
 */
PAROER_API int paroer_report_html(const paroer_coverage *cov, const paroer_catalog *catalog,
                                  const paroer_report_options *opts, char **out, size_t *len);

/** @name Words of the checks
 * @{ */
/**
 * @brief The title of a check for people ("respite_offered" -> "Afløsning og
 *        aflastning tilbydes (Ældreloven § 16)").
 * @param code A check code (paroer_coverage_check_code()).
 * @param lang #PAROER_LANG_DA or #PAROER_LANG_EN.
 * @return A static string; NULL for an unknown code or language. Thread-safe.
 */
PAROER_API const char *paroer_check_title(const char *code, int32_t lang);

/**
 * @brief A check status for people ("Opfyldt", "Advarsel", "Ikke opfyldt" / "Pass", "Warning", "Fail").
 * @param status A #paroer_check_status.
 * @param lang #PAROER_LANG_DA or #PAROER_LANG_EN.
 * @return A static string; NULL for an unknown status or language. Thread-safe.
 */
PAROER_API const char *paroer_check_status_label(int32_t status, int32_t lang);
/** @} */

/** @name Gaps in plain words
 * The uncovered (cell, need) pairs of a coverage summarised into statements a
 * person can read, from the widest down: a whole need, a whole age band, the
 * conditions of an age band for every relation, then relation by relation.
 * Each statement says who has no offer for one need ("pårørende på 13–17 år"),
 * and for which conditions of the person cared for.
 * @{ */
/** @brief A summary of the gaps of one coverage (opaque, immutable). */
typedef struct paroer_gap_summary paroer_gap_summary;

/** Current version of #paroer_gap_summary_options. */
#define PAROER_GAP_SUMMARY_OPTIONS_VERSION 1

/**
 * @brief Options of paroer_gap_summary_new(). Initialise with
 *        paroer_gap_summary_options_init(); fields are only ever appended.
 */
typedef struct paroer_gap_summary_options {
    uint32_t version;                  /**< #PAROER_GAP_SUMMARY_OPTIONS_VERSION. */
    const paroer_allocator *allocator; /**< Allocator for the summary, or NULL. Copied. */
} paroer_gap_summary_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_gap_summary_options_init(paroer_gap_summary_options *opts, uint32_t version);

/**
 * @brief Summarises the gaps of a coverage.
 *
 * Thread-safe: reads @p cov only. The summary copies what it needs: @p cov may
 * be freed before it.
 * @param[out] out The summary; free it with paroer_gap_summary_free(). NULL on failure.
 * @param cov A coverage result (without a matrix the summary is empty).
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_gap_summary_new(paroer_gap_summary **out, const paroer_coverage *cov,
                                      const paroer_gap_summary_options *opts);

/** @brief Frees a summary; NULL is allowed. */
PAROER_API void paroer_gap_summary_free(paroer_gap_summary *summary);

/** @brief Number of statements, grouped by need in need order. */
PAROER_API size_t paroer_gap_summary_count(const paroer_gap_summary *summary);

/** @brief Cells per need (286 with a matrix, 0 without): the denominator of paroer_gap_summary_need_gaps(). */
PAROER_API size_t paroer_gap_summary_cells(const paroer_gap_summary *summary);

/**
 * @brief How many cells have no offer for @p need.
 * @param summary The summary.
 * @param need A #paroer_need.
 * @param[out] gaps The number of uncovered cells.
 * @return #PAROER_OK, or #PAROER_EINVALID for a NULL argument or an unknown need.
 */
PAROER_API int paroer_gap_summary_need_gaps(const paroer_gap_summary *summary, int32_t need, size_t *gaps);

/**
 * @brief Statement @p i as codes.
 * @param summary The summary.
 * @param i 0 .. paroer_gap_summary_count() - 1.
 * @param[out] need The #paroer_need (may be NULL).
 * @param[out] age_bands Bit @c b set for each #paroer_age_band @c b the statement covers (may be NULL).
 * @param[out] relation The #paroer_relation, or -1 for every relation (may be NULL).
 * @param[out] conditions Bit @c c set for each #paroer_condition @c c (may be NULL).
 * @param[out] all_conditions 1 when the statement is about every condition, whatever the mask says (may be NULL).
 * @param[out] pairs How many uncovered (cell, need) pairs the statement stands for (may be NULL).
 * @return #PAROER_OK, or #PAROER_EINVALID when @p i is out of range.
 */
PAROER_API int paroer_gap_summary_item(const paroer_gap_summary *summary, size_t i, int32_t *need,
                                       uint32_t *age_bands, int32_t *relation, uint32_t *conditions,
                                       int *all_conditions, uint64_t *pairs);

/** Form of paroer_gap_summary_text(): the whole statement in one sentence. */
#define PAROER_GAP_TEXT_SENTENCE 0
/** Form of paroer_gap_summary_text(): the statement without its conditions,
 *  ending in ":" when the conditions follow as a list (the report's form). */
#define PAROER_GAP_TEXT_HEADING 1

/**
 * @brief Statement @p i in words, starting with a capital and without the need
 *        ("Ingen tilbud til pårørende på 13–17 år til mennesker med demens eller kræft.").
 * @param summary The summary.
 * @param i 0 .. paroer_gap_summary_count() - 1.
 * @param lang #PAROER_LANG_DA or #PAROER_LANG_EN.
 * @param form #PAROER_GAP_TEXT_SENTENCE or #PAROER_GAP_TEXT_HEADING.
 * @return A string borrowed from the summary (valid until it is freed), or NULL
 *         for an index, language or form out of range.
 */
PAROER_API const char *paroer_gap_summary_text(const paroer_gap_summary *summary, size_t i, int32_t lang,
                                               int32_t form);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
/** @} */
