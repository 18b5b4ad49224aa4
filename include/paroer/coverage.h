/**
 * @file coverage.h
 * @brief How well a municipality's offers cover its relatives and its policy (contract section 5).
 *
 * @defgroup paroer_coverage Coverage
 * @brief Target-group coverage, policy coverage, the checks and population reach.
 *
 * paroer_coverage_compute() takes a catalog, a municipality and a date (and,
 * optionally, a population from population.h) and computes, once:
 * - **target-group coverage**: the cells age band × relation × condition
 *   (without the under-18 `spouse_partner` and `parent` cells: 286 cells),
 *   each crossed with the 11 needs; a (cell, need) is covered when a live
 *   offer serves the need and its target overlaps the cell. Offers for the
 *   bereaved only stay out; every live offer that takes bereaved relatives is
 *   listed apart, by need;
 * - **policy coverage**: for every goal of the municipality's policy, the
 *   offers that realise it; organisational goals apart;
 * - **the checks**: `respite_offered`, `policy_present`, `policy_current`,
 *   `action_plan_due`, `children_as_relatives`, `counsellor_present`, each
 *   `pass`, `warn` or `fail` with a detail in English and Danish;
 * - **population reach** (with a population): the share of relatives with an
 *   eligible offer and the share whose every stated need is served, broken
 *   down by municipality, condition, relation and age band, with small cells
 *   suppressed; the most common unmet (need, condition) pairs; and, when some
 *   offer has a capacity, a strain-first allocation of places.
 *
 * Without a municipality (-1) only population reach is computed, nationally,
 * broken down by municipality. Every rule and rounding is in docs/coverage.md.
 *
 * The result is an immutable object read through accessors and
 * paroer_coverage_to_json(), which gives exactly the contract's JSON of
 * `paroer coverage --format json`. It copies what it needs from the catalog
 * and the population, so both may be freed before it. A result may be read
 * by many threads at once. Strings returned by accessors are borrowed and live
 * as long as the result.
 *
 * Privacy: a suppressed cell's numbers are never stored in the result, so no
 * accessor or output can reveal them.
 * @{
 */
#ifndef PAROER_COVERAGE_H
#define PAROER_COVERAGE_H

#include <paroer/catalog.h>
#include <paroer/population.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A computed coverage (opaque, immutable). */
typedef struct paroer_coverage paroer_coverage;

/** Current version of #paroer_coverage_options. */
#define PAROER_COVERAGE_OPTIONS_VERSION 2

/**
 * @brief A host's parallel-for, for hosts that own their threads
 *        (#paroer_coverage_options.parallel_for).
 *
 * It must call `task(arg, i)` exactly once for every i in 0 .. n - 1, on any
 * threads and in any order (also all on the calling thread), and return only
 * when every call has returned. The tasks are independent: they share
 * nothing that is not read-only or guarded inside the library.
 */
typedef void (*paroer_parallel_for_fn)(void *ctx, size_t n, void (*task)(void *arg, size_t i), void *arg);

/** The default smallest reported cell of a population breakdown. */
#define PAROER_COVERAGE_MIN_CELL_DEFAULT 5
/** The smallest allowed value of #paroer_coverage_options.min_cell. */
#define PAROER_COVERAGE_MIN_CELL_FLOOR 3

/**
 * @brief Options of paroer_coverage_compute(). Initialise with
 *        paroer_coverage_options_init(); fields are only ever appended.
 */
typedef struct paroer_coverage_options {
    uint32_t version;                  /**< #PAROER_COVERAGE_OPTIONS_VERSION. */
    int32_t date;                      /**< Reference date; #PAROER_DATE_NONE (default) means today. */
    int32_t municipality;              /**< Municipality code 1..999, or -1 (default): national population reach only. */
    const paroer_population *population; /**< Borrowed for the call only; NULL (default) for no population reach. */
    uint32_t min_cell;                 /**< Breakdown cells with fewer relatives are suppressed; default 5, at least 3. */
    const paroer_allocator *allocator; /**< Allocator for the result, or NULL. Copied. */
    int32_t lang;                      /**< Language of the check details in the JSON: #PAROER_LANG_EN (default) or #PAROER_LANG_DA. */
    uint32_t max_unmet;                /**< How many unmet (need, condition) pairs to keep at most; 0 means 10. */
    /* version 2 */
    /** A population CSV file to stream (instead of @c population; NULL by default): read in pieces
     *  of fixed size, never held whole in memory (docs/coverage.md, "Streaming"). Borrowed for the call. */
    const char *population_file;
    /** How @c population_file is read: its @c diagnostics (bad rows, as the loader reports them),
     *  @c flags (#PAROER_LOAD_STRICT) and @c max_errors; the allocator is the coverage's. NULL: defaults. */
    const paroer_load_options *population_load;
    /** Threads that count @c population_file: 0 means the number of cores (at most 64); default 1.
     *  With 1 the calling thread does everything; with N > 1 the library starts N workers for the
     *  call (joined before it returns) while the calling thread reads the file and merges.
     *  The result is byte for byte the same for every value. */
    uint32_t threads;
    /** Instead of threads of its own, the library runs its pieces of work through this host
     *  parallel-for (NULL by default); @c threads is then ignored. */
    paroer_parallel_for_fn parallel_for;
    void *parallel_ctx;                /**< Passed to @c parallel_for as its ctx. */
} paroer_coverage_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_coverage_options_init(paroer_coverage_options *opts, uint32_t version);

/**
 * @brief Computes coverage.
 *
 * Thread-safe: reads the catalog and the population only. With
 * @c population_file it may start `threads - 1` threads of its own (all
 * joined before it returns), or call @c parallel_for.
 * @param[out] out The result; free it with paroer_coverage_free(). NULL on failure.
 * @param catalog The catalog (offers, providers, policies).
 * @param opts Options; NULL means the defaults, which need a population (there is no municipality).
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL argument, an unknown options version,
 *         a municipality outside 1..999 (other than -1), min_cell below 3, both a
 *         population and a population file, or no municipality and no population;
 *         #PAROER_ENOMEM; for a population file also #PAROER_EIO (unreadable),
 *         #PAROER_ESCHEMA / #PAROER_EPARSE (a bad header; with #PAROER_LOAD_STRICT a bad row).
 */
PAROER_API int paroer_coverage_compute(paroer_coverage **out, const paroer_catalog *catalog,
                                       const paroer_coverage_options *opts);

/** @brief Frees a result; NULL is allowed. */
PAROER_API void paroer_coverage_free(paroer_coverage *cov);

/**
 * @brief Writes the result as the contract's JSON of `paroer coverage --format json`
 *        (UTF-8, one line, keys in the contract's order).
 * @param cov The result.
 * @param[out] out A NUL-terminated string. Free it with paroer_free() when the result was
 *        computed with the default allocator, else with that allocator's free_fn.
 * @param[out] len Its length without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_coverage_to_json(const paroer_coverage *cov, char **out, size_t *len);

/** @name The result's frame
 * @{ */
/** @brief The municipality, or -1 for national population reach. */
PAROER_API int32_t paroer_coverage_municipality(const paroer_coverage *cov);
/** @brief The reference date used (today's when the options gave none). */
PAROER_API int32_t paroer_coverage_date(const paroer_coverage *cov);
/** @brief 1 when target-group coverage, policy coverage and checks were computed (a municipality was given). */
PAROER_API int paroer_coverage_has_matrix(const paroer_coverage *cov);
/** @brief 1 when population reach was computed (a population was given). */
PAROER_API int paroer_coverage_has_population(const paroer_coverage *cov);
/** @} */

/** @name Target-group coverage
 * Shares are fractions 0..1 (exact here, and at full precision in the JSON). @{ */
/** @brief Number of cells (age band × relation × condition that exist): 286, or 0 without a matrix. */
PAROER_API size_t paroer_coverage_cell_count(const paroer_coverage *cov);
/** @brief The share of covered (cell, need) pairs, or 0 without a matrix. */
PAROER_API double paroer_coverage_overall(const paroer_coverage *cov);
/**
 * @brief A covered share by one code of a list.
 * @param cov The coverage result.
 * @param list #PAROER_VOCAB_NEED, #PAROER_VOCAB_CONDITION, #PAROER_VOCAB_RELATION or #PAROER_VOCAB_AGE_BAND.
 * @param code A code of that list.
 * @return The share of covered (cell, need) pairs having that code, or -1 for an
 *         unknown list or code or when there is no matrix.
 */
PAROER_API double paroer_coverage_share(const paroer_coverage *cov, int32_t list, int32_t code);
/**
 * @brief The integer counts behind a share (contract section 5a): the share is
 *        exactly @p covered / @p pairs.
 * @param cov The coverage result.
 * @param list -1 for the overall share (paroer_coverage_overall()), else as for
 *        paroer_coverage_share(): #PAROER_VOCAB_NEED, #PAROER_VOCAB_CONDITION,
 *        #PAROER_VOCAB_RELATION or #PAROER_VOCAB_AGE_BAND.
 * @param code A code of that list (ignored for -1).
 * @param[out] covered Covered (cell, need) pairs having that code (may be NULL).
 * @param[out] pairs All (cell, need) pairs having that code: 3146 overall, 286 for
 *        a need, 11 × the cells of a condition, relation or age band (may be NULL).
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL @p cov or an unknown list or
 *         code; #PAROER_ENOTFOUND without a matrix (national coverage). On error
 *         both outputs are 0. Thread-safe on a finished result.
 */
PAROER_API int paroer_coverage_share_counts(const paroer_coverage *cov, int32_t list, int32_t code,
                                            size_t *covered, size_t *pairs);
/**
 * @brief Whether one (cell, need) is covered.
 * @return 1 covered, 0 a gap, -1 when the cell does not exist (under-18
 *         spouse_partner/parent), a code is out of range or there is no matrix.
 */
PAROER_API int paroer_coverage_covered(const paroer_coverage *cov, int32_t age_band, int32_t relation,
                                       int32_t condition, int32_t need);
/**
 * @brief Whether one (cell, need) is covered, with the answer apart from the status.
 *
 * The status-only form of paroer_coverage_covered() (docs/abi.md). Thread-safe.
 * @param cov The coverage result.
 * @param age_band,relation,condition,need The cell's codes and the need.
 * @param[out] covered 1 covered, 0 a gap (0 on failure).
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL argument, a code out of range or a
 *         result without a matrix; #PAROER_ENOTFOUND for a cell that does not exist
 *         (under-18 spouse_partner or parent).
 */
PAROER_API int paroer_coverage_covered_get(const paroer_coverage *cov, int32_t age_band, int32_t relation,
                                           int32_t condition, int32_t need, int *covered);
/** @brief Number of gaps (uncovered (cell, need) pairs). */
PAROER_API size_t paroer_coverage_gap_count(const paroer_coverage *cov);
/**
 * @brief Gap @p i, in the order age band, relation, condition, need (code order).
 * @param cov The coverage result.
 * @param i 0 .. paroer_coverage_gap_count() - 1.
 * @param[out] age_band,relation,condition,need The gap's codes (any may be NULL).
 * @return #PAROER_OK or #PAROER_EINVALID when @p i is out of range.
 */
PAROER_API int paroer_coverage_gap(const paroer_coverage *cov, size_t i, int32_t *age_band, int32_t *relation,
                                   int32_t *condition, int32_t *need);
/** @brief Number of live offers taking bereaved relatives (`only` or `also`) that serve @p need. */
PAROER_API size_t paroer_coverage_bereavement_count(const paroer_coverage *cov, int32_t need);
/** @brief The id of the @p i-th such offer in catalog order (borrowed), or NULL. */
PAROER_API const char *paroer_coverage_bereavement_offer(const paroer_coverage *cov, int32_t need, size_t i);
/** @} */

/** @name Policy coverage
 * @{ */
/** @brief The id of the policy used (borrowed), or NULL when the municipality has none. */
PAROER_API const char *paroer_coverage_policy_id(const paroer_coverage *cov);
/** @brief Number of goals of the policy (organisational ones included), in policy order. */
PAROER_API size_t paroer_coverage_goal_count(const paroer_coverage *cov);
/** @brief The id of goal @p i (borrowed), or NULL. */
PAROER_API const char *paroer_coverage_goal_id(const paroer_coverage *cov, size_t i);
/** @brief 1 when goal @p i is organisational (neither needs nor kinds), 0 when not, -1 out of range. */
PAROER_API int paroer_coverage_goal_organisational(const paroer_coverage *cov, size_t i);
/** @brief Number of offers that realise goal @p i (0 for organisational goals). */
PAROER_API size_t paroer_coverage_goal_realised_count(const paroer_coverage *cov, size_t i);
/** @brief The id of the @p j-th offer realising goal @p i, in catalog order (borrowed), or NULL. */
PAROER_API const char *paroer_coverage_goal_realised_by(const paroer_coverage *cov, size_t i, size_t j);
/** @} */

/** @name Checks
 * @{ */
/** @brief Status of a check. Values are fixed forever. */
typedef enum paroer_check_status {
    PAROER_CHECK_PASS = 0, /**< `pass`. */
    PAROER_CHECK_WARN = 1, /**< `warn`. */
    PAROER_CHECK_FAIL = 2  /**< `fail`. */
} paroer_check_status;

/** @brief The code of a #paroer_check_status ("pass", "warn", "fail"), or NULL. */
PAROER_API const char *paroer_check_status_code(int32_t status);
/** @brief Number of checks: 6 with a municipality, 0 without. */
PAROER_API size_t paroer_coverage_check_count(const paroer_coverage *cov);
/** @brief The code of check @p i (`respite_offered`, …; borrowed), or NULL. Checks keep the contract's order. */
PAROER_API const char *paroer_coverage_check_code(const paroer_coverage *cov, size_t i);
/** @brief The #paroer_check_status of check @p i, or -1. */
PAROER_API int32_t paroer_coverage_check_status(const paroer_coverage *cov, size_t i);
/** @brief The detail of check @p i in #PAROER_LANG_EN or #PAROER_LANG_DA (borrowed), or NULL. */
PAROER_API const char *paroer_coverage_check_detail(const paroer_coverage *cov, size_t i, int32_t lang);
/** @} */

/** @name Population reach
 * Counts are of relatives; a relative counts in every condition and relation
 * cell that one of its relations has. @{ */
/** @brief Breakdowns of population reach. Values are fixed forever. */
typedef enum paroer_breakdown {
    PAROER_BREAKDOWN_MUNICIPALITY = 0, /**< By municipality code (those with relatives, ascending). */
    PAROER_BREAKDOWN_CONDITION = 1,    /**< By #paroer_condition (every code). */
    PAROER_BREAKDOWN_RELATION = 2,     /**< By #paroer_relation (every code). */
    PAROER_BREAKDOWN_AGE_BAND = 3      /**< By #paroer_age_band (every code). */
} paroer_breakdown;

/** @brief Number of relatives counted (those of the municipality, or all). */
PAROER_API uint64_t paroer_coverage_pop_relatives(const paroer_coverage *cov);
/** @brief Rows of the population file that were rejected. */
PAROER_API uint64_t paroer_coverage_pop_rejected_rows(const paroer_coverage *cov);
/** @brief Relatives with at least one eligible offer. */
PAROER_API uint64_t paroer_coverage_pop_reached(const paroer_coverage *cov);
/** @brief Relatives whose every stated need is served by an eligible offer (no needs: when reached). */
PAROER_API uint64_t paroer_coverage_pop_needs_met(const paroer_coverage *cov);
/** @brief Relatives with some unknown fact (`?` in the CSV); when non-zero the `_possible` bounds are written. */
PAROER_API uint64_t paroer_coverage_pop_unknown_relatives(const paroer_coverage *cov);
/** @brief Upper bound of reached (contract 4a): relatives with an eligible or possible offer (0 when suppressed). */
PAROER_API uint64_t paroer_coverage_pop_reached_possible(const paroer_coverage *cov);
/** @brief Upper bound of needs_met: every stated need served by an eligible or possible offer (0 when suppressed). */
PAROER_API uint64_t paroer_coverage_pop_needs_met_possible(const paroer_coverage *cov);
/**
 * @brief 1 when the whole population's figures are withheld: it counts fewer
 *        than min_cell relatives (contract section 5a), so reached and
 *        needs_met are 0 here and absent from the JSON; 0 otherwise.
 */
PAROER_API int paroer_coverage_pop_suppressed(const paroer_coverage *cov);
/** @brief Number of cells of a #paroer_breakdown (0 for an unknown one or without a population). */
PAROER_API size_t paroer_coverage_breakdown_count(const paroer_coverage *cov, int32_t breakdown);
/**
 * @brief Cell @p i of a breakdown.
 * @param cov The coverage result.
 * @param breakdown A #paroer_breakdown.
 * @param i 0 .. paroer_coverage_breakdown_count() - 1.
 * @param[out] code The municipality or the code of the cell (may be NULL).
 * @param[out] relatives,reached,needs_met The cell's counts, all 0 when it is suppressed (may be NULL).
 * @return 1 when the cell is reported, 0 when it is suppressed (fewer relatives than min_cell),
 *         #PAROER_EINVALID when out of range.
 */
PAROER_API int paroer_coverage_breakdown_cell(const paroer_coverage *cov, int32_t breakdown, size_t i,
                                              int32_t *code, uint64_t *relatives, uint64_t *reached,
                                              uint64_t *needs_met);
/**
 * @brief The upper bounds (contract 4a) of cell @p i of a breakdown.
 * @param cov The coverage result.
 * @param breakdown A #paroer_breakdown.
 * @param i 0 .. paroer_coverage_breakdown_count() - 1.
 * @param[out] reached_possible,needs_met_possible The cell's bounds, 0 when suppressed (may be NULL).
 * @return 1 when the cell is reported, 0 when it is suppressed, #PAROER_EINVALID when out of range.
 */
PAROER_API int paroer_coverage_breakdown_cell_possible(const paroer_coverage *cov, int32_t breakdown, size_t i,
                                                       uint64_t *reached_possible, uint64_t *needs_met_possible);
/**
 * @brief Cell @p i of a breakdown, with "reported" apart from the status.
 *
 * The status-only form of paroer_coverage_breakdown_cell() (docs/abi.md). Thread-safe.
 * @param cov The coverage result.
 * @param breakdown A #paroer_breakdown.
 * @param i 0 .. paroer_coverage_breakdown_count() - 1.
 * @param[out] reported 1 when the cell is reported, 0 when suppressed (may be NULL).
 * @param[out] code,relatives,reached,needs_met As paroer_coverage_breakdown_cell() (may be NULL).
 * @return #PAROER_OK, or #PAROER_EINVALID when out of range.
 */
PAROER_API int paroer_coverage_breakdown_cell_get(const paroer_coverage *cov, int32_t breakdown, size_t i,
                                                  int *reported, int32_t *code, uint64_t *relatives,
                                                  uint64_t *reached, uint64_t *needs_met);
/** @brief Number of unmet (need, condition) pairs kept (most common first; only pairs of at least min_cell relatives). */
PAROER_API size_t paroer_coverage_unmet_count(const paroer_coverage *cov);
/**
 * @brief Unmet pair @p i: how many relatives state @p need, do not get it served,
 *        and have a relation with @p condition.
 * @return #PAROER_OK or #PAROER_EINVALID.
 */
PAROER_API int paroer_coverage_unmet(const paroer_coverage *cov, size_t i, int32_t *need, int32_t *condition,
                                     uint64_t *relatives);
/** @brief Number of offers in the allocation (live offers with a capacity); 0 when none has one. */
PAROER_API size_t paroer_coverage_allocation_count(const paroer_coverage *cov);
/**
 * @brief Allocation entry @p i (catalog order).
 * @param cov The coverage result.
 * @param i 0 .. paroer_coverage_allocation_count() - 1.
 * @param[out] offer_id The offer's id (borrowed; may be NULL).
 * @param[out] capacity Its capacity.
 * @param[out] served Relatives given a place.
 * @param[out] waitlisted Relatives who asked for a place when none was left.
 * @return #PAROER_OK or #PAROER_EINVALID.
 */
PAROER_API int paroer_coverage_allocation(const paroer_coverage *cov, size_t i, const char **offer_id,
                                          int64_t *capacity, uint64_t *served, uint64_t *waitlisted);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
/** @} */
