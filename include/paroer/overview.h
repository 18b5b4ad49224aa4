/**
 * @file overview.h
 * @brief The national overview: one row of coverage figures for every municipality
 *        (contract section 6a, `paroer overview`).
 *
 * @defgroup paroer_overview National overview
 * @brief What the 2025 mapping of the municipalities asked by questionnaire,
 *        computed from a catalog for all 98 municipalities at once.
 *
 * paroer_overview_compute() takes a catalog and a date and computes, for every
 * municipality of the list (by default the 98 of the shipped municipality list,
 * with or without offers), the figures `paroer coverage -m CODE` computes for
 * that municipality:
 * - `offers_live`: the offers live there on the date (nationwide ones included)
 *   and `local_offers`: those of them that are not nationwide;
 * - `kinds`: the kinds of its live local offers;
 * - `covered_cells` of `cells` (covered (cell, need) pairs of the target-group
 *   matrix, 3146 pairs) and `coverage_overall`, their share — the same double as
 *   paroer_coverage_overall();
 * - the six checks' statuses, as paroer_coverage_check_status() gives them;
 * - `goals` (the policy's goals that are not organisational), `goals_unrealised`
 *   (those no offer realises) and, an addition, `goals_organisational`;
 * and a summary: how many municipalities pass, warn and fail each check, how
 * many have a live local offer, and how many have a live local offer of each kind.
 *
 * The work that depends on an offer alone (its liveness on the date, the cells it
 * covers, what it means for the checks) is done once per offer, and nationwide
 * offers are folded once for all municipalities: this is not 98 coverage runs.
 * Every figure is identical to what paroer_coverage_compute() gives for the
 * municipality (tests/test_overview.c compares all 98 rows). Rules: docs/overview.md.
 *
 * The result is immutable and copies what it needs (municipality names), so the
 * catalog may be freed before it; it may be read by many threads at once.
 * Strings returned by accessors are borrowed and live as long as the result.
 * @{
 */
#ifndef PAROER_OVERVIEW_H
#define PAROER_OVERVIEW_H

#include <paroer/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A computed national overview (opaque, immutable). */
typedef struct paroer_overview paroer_overview;

/** Current version of #paroer_overview_options. */
#define PAROER_OVERVIEW_OPTIONS_VERSION 1

/** The number of checks of a row (the six of contract section 5). */
#define PAROER_OVERVIEW_CHECKS 6

/**
 * @brief Options of paroer_overview_compute(). Initialise with
 *        paroer_overview_options_init(); fields are only ever appended.
 */
typedef struct paroer_overview_options {
    uint32_t version;                  /**< #PAROER_OVERVIEW_OPTIONS_VERSION. */
    int32_t date;                      /**< Reference date; #PAROER_DATE_NONE (default) means today. */
    const int32_t *municipalities;     /**< The rows' municipality codes (1..999, no repeats), in row order;
                                            borrowed for the call only. NULL (default): the 98 municipalities
                                            of the shipped list, in code order. */
    size_t n_municipalities;           /**< Entries of @c municipalities (ignored when it is NULL). */
    const paroer_allocator *allocator; /**< Allocator for the result, or NULL. Copied. */
} paroer_overview_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_overview_options_init(paroer_overview_options *opts, uint32_t version);

/**
 * @brief Computes the overview of every municipality.
 *
 * Thread-safe: reads the catalog only.
 * @param[out] out The result; free it with paroer_overview_free(). NULL on failure.
 * @param catalog The catalog (offers, providers, policies).
 * @param opts Options; NULL means the defaults (today, the 98 municipalities).
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL argument, an unknown options version,
 *         a municipality code outside 1..999 or given twice, or an empty list;
 *         #PAROER_ENOMEM.
 */
PAROER_API int paroer_overview_compute(paroer_overview **out, const paroer_catalog *catalog,
                                       const paroer_overview_options *opts);

/** @brief Frees a result; NULL is allowed. */
PAROER_API void paroer_overview_free(paroer_overview *ov);

/** @brief The reference date used (today's when the options gave none). */
PAROER_API int32_t paroer_overview_date(const paroer_overview *ov);
/** @brief Number of rows (municipalities). */
PAROER_API size_t paroer_overview_count(const paroer_overview *ov);

/**
 * @brief The code of check @p k (0 .. #PAROER_OVERVIEW_CHECKS - 1), in the contract's order:
 *        `respite_offered`, `policy_present`, `policy_current`, `action_plan_due`,
 *        `children_as_relatives`, `counsellor_present`. Static string; NULL out of range.
 */
PAROER_API const char *paroer_overview_check_code(size_t k);

/** @name Rows
 * Row @p i is 0 .. paroer_overview_count() - 1; out of range (or a NULL result)
 * gives 0, -1 or NULL as said. @{ */
/** @brief The municipality code of row @p i, or -1. */
PAROER_API int32_t paroer_overview_municipality(const paroer_overview *ov, size_t i);
/** @brief The municipality's name (borrowed; "" when the shipped list does not know the code), or NULL. */
PAROER_API const char *paroer_overview_name(const paroer_overview *ov, size_t i);
/** @brief Live offers in the municipality on the date, nationwide ones included. */
PAROER_API size_t paroer_overview_offers_live(const paroer_overview *ov, size_t i);
/** @brief Live offers in the municipality that are not nationwide. */
PAROER_API size_t paroer_overview_local_offers(const paroer_overview *ov, size_t i);
/** @brief The kinds of the live local offers: bit k set for #paroer_offer_kind k. */
PAROER_API uint32_t paroer_overview_kinds(const paroer_overview *ov, size_t i);
/** @brief Covered (cell, need) pairs of the target-group matrix. */
PAROER_API size_t paroer_overview_covered_cells(const paroer_overview *ov, size_t i);
/** @brief (cell, need) pairs of the matrix (286 cells × 11 needs = 3146), or 0 out of range. */
PAROER_API size_t paroer_overview_cells(const paroer_overview *ov, size_t i);
/** @brief covered_cells / cells: the same double as paroer_coverage_overall(); -1 out of range. */
PAROER_API double paroer_overview_coverage_overall(const paroer_overview *ov, size_t i);
/** @brief The #paroer_check_status of check @p k (see paroer_overview_check_code()), or -1. */
PAROER_API int32_t paroer_overview_check_status(const paroer_overview *ov, size_t i, size_t k);
/** @brief The policy's goals that are not organisational (0 without a policy). */
PAROER_API size_t paroer_overview_goals(const paroer_overview *ov, size_t i);
/** @brief Of those, the goals no offer realises. */
PAROER_API size_t paroer_overview_goals_unrealised(const paroer_overview *ov, size_t i);
/** @brief The policy's organisational goals (neither needs nor kinds). */
PAROER_API size_t paroer_overview_goals_organisational(const paroer_overview *ov, size_t i);
/** @brief The id of the municipality's policy (borrowed), or NULL when it has none. */
PAROER_API const char *paroer_overview_policy_id(const paroer_overview *ov, size_t i);
/** @brief The row index of municipality @p code, or (size_t)-1 when it has no row. */
PAROER_API size_t paroer_overview_find(const paroer_overview *ov, int32_t code);
/** @} */

/** @name Summary
 * @{ */
/** @brief How many rows have check @p k with #paroer_check_status @p status (0 for bad arguments). */
PAROER_API size_t paroer_overview_summary_checks(const paroer_overview *ov, size_t k, int32_t status);
/** @brief How many rows have at least one live local offer. */
PAROER_API size_t paroer_overview_summary_with_local_offers(const paroer_overview *ov);
/** @brief How many rows have a live local offer of #paroer_offer_kind @p kind (0 for an unknown kind). */
PAROER_API size_t paroer_overview_summary_by_kind(const paroer_overview *ov, int32_t kind);
/** @} */

/** @name Writers
 * The text is NUL-terminated and allocated with the result's allocator: free it
 * with paroer_free() (default allocator) or that allocator's free_fn. Both are
 * locale-independent. @{ */
/**
 * @brief The contract's JSON of `paroer overview --format json` (UTF-8, one line):
 *        `{"date", "municipalities": [rows], "summary": {…}}`.
 * @param ov The result.
 * @param[out] out The text.
 * @param[out] len Its length without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_overview_to_json(const paroer_overview *ov, char **out, size_t *len);
/**
 * @brief The CSV of `paroer overview --format csv` (RFC 4180, UTF-8, LF line ends):
 *        a header row, then one line per row with the checks as columns.
 * @param ov The result.
 * @param[out] out The text.
 * @param[out] len Its length without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_overview_to_csv(const paroer_overview *ov, char **out, size_t *len);
/**
 * @brief One self-contained HTML page for a national reader (`paroer overview -o`):
 *        key figures beside the 2025 national mapping's, a map-free chart of how many
 *        municipalities have each kind and each check, the municipalities without any
 *        local offer, the table of every row (sortable by an inline script; nothing is
 *        fetched), and a note that a catalog is a sample and what would make it complete.
 * @param ov The result.
 * @param lang #PAROER_LANG_DA or #PAROER_LANG_EN.
 * @param[out] out The page (UTF-8). Unlike the JSON and the CSV, always free it with
 *        paroer_free(), whatever allocator the result has (as paroer_report_html()'s page).
 * @param[out] len Its length without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID (NULL, unknown language) or #PAROER_ENOMEM.
 */
PAROER_API int paroer_overview_to_html(const paroer_overview *ov, int32_t lang, char **out, size_t *len);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
/** @} */
