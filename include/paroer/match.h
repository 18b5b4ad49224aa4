/**
 * @file match.h
 * @brief Matching a relative against a catalog: eligibility, ranking, explanations.
 *
 * @defgroup paroer_match Matching
 * @brief Which offers fit a relative, in what order, and why the others do not
 *        (contract section 4).
 *
 * Three ways in, all giving the same results:
 * - paroer_match(): one relative, one call; the caller owns the result.
 * - #paroer_matcher: a reusable engine bound to one catalog. It keeps its
 *   scratch memory between calls, so matching many relatives one at a time
 *   allocates nothing after the first few calls (a server's hot path).
 * - paroer_match_batch(): many relatives in one call (registers, analytics);
 *   each result is handed to a callback.
 *
 * A result lists the **eligible** offers in rank order (best first), each
 * with its score, the index of the relation it matched and its reasons as
 * codes (`need:respite`, `condition:dementia`, `strain:high`, `stale`, …).
 * With #paroer_match_options.explain set, it also lists every other offer of
 * the catalog with the first rule it failed (`paused`, `area`,
 * `requires:terminal`, …). The score, the choice of relation and the order of
 * reasons are defined in docs/matching.md.
 *
 * Outcomes: every ranked entry carries an outcome (paroer_match_result_outcome()).
 * A relative with unknown facts (relative.h, #PAROER_UNKNOWN) is matched only
 * with #paroer_match_options.possible set: then offers that only an unknown
 * fact decides are #PAROER_OUTCOME_POSSIBLE entries, ranked after every
 * eligible one, with their missing facts, and the result lists the questions
 * to ask next (contract 4a). Without the option such a relative is an error,
 * so a caller that does not ask never sees a possible entry.
 *
 * Thread safety: a catalog is read-only here and may be shared by any number
 * of threads matching at once. A #paroer_matcher and a #paroer_match_result
 * are used by one thread at a time (they may be handed between threads).
 * The relative is only read.
 * @{
 */
#ifndef PAROER_MATCH_H
#define PAROER_MATCH_H

#include <paroer/catalog.h>
#include <paroer/relative.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Current version of #paroer_match_options. */
#define PAROER_MATCH_OPTIONS_VERSION 2

/**
 * @brief Options of a match. Initialise with paroer_match_options_init();
 *        fields are only ever appended, guarded by @c version.
 */
typedef struct paroer_match_options {
    uint32_t version;                  /**< #PAROER_MATCH_OPTIONS_VERSION. */
    int32_t date;                      /**< Reference date (common.h), or #PAROER_DATE_NONE for today. */
    uint32_t top;                      /**< Keep the best @c top eligible offers; 0 keeps all. */
    int explain;                       /**< 1: also list every other offer with the first rule it failed. */
    const paroer_allocator *allocator; /**< Allocator of results and matchers, or NULL. Copied. */
    /** Since version 2. 1: a relative with unknown facts (contract 3a) gives
     *  #PAROER_OUTCOME_POSSIBLE entries, their missing facts and the questions
     *  to ask (contract 4a). 0 (the default): matching such a relative is
     *  #PAROER_EINVALID, saying so. No effect on a relative without unknowns. */
    int possible;
} paroer_match_options;

/**
 * @brief Sets @p opts to the defaults for @p version: today, all offers,
 *        no explanations, the C library's allocator, no possible outcomes.
 * @param[out] opts The options to fill.
 * @param version #PAROER_MATCH_OPTIONS_VERSION (or an older version).
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 * @par Thread safety
 * Safe.
 */
PAROER_API int paroer_match_options_init(paroer_match_options *opts, uint32_t version);

/**
 * @brief The outcome of one offer for one relative. Values are fixed forever.
 */
typedef enum paroer_outcome {
    PAROER_OUTCOME_ELIGIBLE = 0, /**< Every rule holds. */
    PAROER_OUTCOME_EXCLUDED = 1, /**< Some rule fails (see paroer_match_result_excluded_rule()). */
    PAROER_OUTCOME_POSSIBLE = 2  /**< Only a fact that is unknown decides (contract 4a); produced only with
                                      #paroer_match_options.possible. */
} paroer_outcome;

/**
 * @brief A fact that can be unknown (contract 3a), in the contract's order.
 *        Values are fixed forever.
 */
typedef enum paroer_fact {
    PAROER_FACT_AGE = 0,           /**< `age` (of the relative). */
    PAROER_FACT_EMPLOYED = 1,      /**< `employed` (of the relative). */
    PAROER_FACT_CONDITIONS = 2,    /**< `conditions` (of a relation). */
    PAROER_FACT_CARED_FOR_AGE = 3, /**< `cared_for_age` (of a relation). */
    PAROER_FACT_COHABITING = 4,    /**< `cohabiting` (of a relation). */
    PAROER_FACT_CARED_AT_HOME = 5, /**< `cared_at_home` (of a relation). */
    PAROER_FACT_TERMINAL = 6,      /**< `terminal` (of a relation). */
    PAROER_FACT_BEREAVED = 7       /**< `bereaved` (of a relation). */
} paroer_fact;

/**
 * @brief The code of a fact: "age", "employed", "conditions", "cared_for_age",
 *        "cohabiting", "cared_at_home", "terminal" or "bereaved".
 * @param fact A #paroer_fact.
 * @return A static string, or NULL for an unknown value.
 * @par Thread safety
 * Safe.
 */
PAROER_API const char *paroer_fact_code(int32_t fact);

/**
 * @brief The eligibility rules of contract section 4, in the order they are
 *        checked. Rule 5 (`relation`) is split into its parts, as its failure
 *        codes are. Values are fixed forever.
 */
typedef enum paroer_rule {
    PAROER_RULE_NONE = 0,          /**< No rule failed (not an exclusion). */
    PAROER_RULE_PAUSED = 1,        /**< `paused`: the offer is paused. */
    PAROER_RULE_INACTIVE = 2,      /**< `inactive`: the date is outside valid_from..valid_to. */
    PAROER_RULE_AREA = 3,          /**< `area`: not nationwide and not in the relative's municipality. */
    PAROER_RULE_RELATIVE_AGE = 4,  /**< `relative_age`: the relative's age is outside the target's. */
    PAROER_RULE_RELATION = 5,      /**< `relation`: no relation is of a kind the target names. */
    PAROER_RULE_CONDITION = 6,     /**< `condition`: no such relation shares a condition with the target. */
    PAROER_RULE_CARED_FOR_AGE = 7, /**< `cared_for_age`: the cared-for person's age is outside the range. */
    PAROER_RULE_REQUIRES = 8,      /**< `requires:<flag>`: a required flag is false (see paroer_match_result_excluded_flag()). */
    PAROER_RULE_BEREAVED = 9,      /**< `bereaved`: bereavement does not fit the target's `bereaved`. */
    PAROER_RULE_MODE = 10,         /**< `mode`: no shared mode. */
    PAROER_RULE_SLOT = 11,         /**< `slot`: no shared slot. */
    PAROER_RULE_LANGUAGE = 12,     /**< `language`: no shared language. */
    PAROER_RULE_NEED = 13          /**< `need`: the offer serves none of the stated needs. */
} paroer_rule;

/**
 * @brief The contract's code of a rule, e.g. "area" or, for
 *        #PAROER_RULE_REQUIRES, "requires:terminal".
 * @param rule A #paroer_rule other than #PAROER_RULE_NONE.
 * @param flag The flag (a paroer_flag value) for #PAROER_RULE_REQUIRES; ignored otherwise.
 * @return A static string, or NULL for an unknown rule or flag.
 * @par Thread safety
 * Safe.
 */
PAROER_API const char *paroer_match_rule_code(int32_t rule, int32_t flag);

/**
 * @brief The code of an outcome: "eligible", "excluded" or "possible".
 * @param outcome A #paroer_outcome.
 * @return A static string, or NULL for an unknown outcome.
 * @par Thread safety
 * Safe.
 */
PAROER_API const char *paroer_match_outcome_code(int32_t outcome);

/** @brief The result of matching one relative (opaque). */
typedef struct paroer_match_result paroer_match_result;

/**
 * @brief Matches one relative against a catalog.
 *
 * @param[out] out The result; the caller frees it with paroer_match_result_free().
 *             It borrows offers from @p catalog, which must outlive it. Set to
 *             NULL on failure.
 * @param catalog The catalog (only read).
 * @param relative The relative (only read; may be freed once this returns).
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EINVALID (NULL argument, bad options) or #PAROER_ENOMEM.
 * @par Thread safety
 * Safe if @p relative is not changed concurrently.
 */
PAROER_API int paroer_match(paroer_match_result **out, const paroer_catalog *catalog,
                            const paroer_relative *relative, const paroer_match_options *opts);

/**
 * @brief Frees a result from paroer_match().
 * @param result The result, or NULL. Never pass a result borrowed from a
 *        matcher or a batch callback.
 * @par Thread safety
 * Safe if @p result is not used concurrently.
 */
PAROER_API void paroer_match_result_free(paroer_match_result *result);

/** @name Reading a result
 * Index-plus-count accessors; @p r may be NULL (giving the value named for
 * "out of range"). Every pointer returned is borrowed: strings are static or
 * live as long as the result (for a matcher's result: until its next match;
 * in a batch: until the callback returns), offers as long as the catalog.
 * @par Thread safety
 * Safe if the result is not being refilled (a matcher's next match) concurrently.
 * @{ */

/**
 * @brief The relative's pseudonym.
 * @param r The result.
 * @return A string owned by the result ("" when the relative had no id).
 */
PAROER_API const char *paroer_match_result_relative_id(const paroer_match_result *r);

/**
 * @brief The reference date the match used.
 * @param r The result.
 * @return The date (today's when the options gave none), or #PAROER_DATE_NONE for NULL.
 */
PAROER_API int32_t paroer_match_result_date(const paroer_match_result *r);

/**
 * @brief Whether the result lists excluded offers.
 * @param r The result.
 * @return 1 when explain was on, else 0.
 */
PAROER_API int paroer_match_result_explained(const paroer_match_result *r);

/**
 * @brief The catalog the result refers to.
 * @param r The result.
 * @return The catalog (borrowed), or NULL.
 */
PAROER_API const paroer_catalog *paroer_match_result_catalog(const paroer_match_result *r);

/**
 * @brief Number of offers of the catalog with a given outcome, counted
 *        before the top-N cut (so "10 of 37" can be shown).
 * @param r The result.
 * @param outcome A #paroer_outcome. #PAROER_OUTCOME_EXCLUDED counts every
 *        offer that is not eligible (or possible), whether or not explain was on.
 * @return The count; 0 for an unknown outcome.
 */
PAROER_API size_t paroer_match_result_outcome_count(const paroer_match_result *r, int32_t outcome);

/**
 * @brief Number of ranked entries.
 * @param r The result.
 * @return At most the option's @c top (when not 0).
 */
PAROER_API size_t paroer_match_result_count(const paroer_match_result *r);

/**
 * @brief The offer of ranked entry @p i (0 is the best).
 * @param r The result. @param i The entry.
 * @return The offer (borrowed from the catalog), or NULL when out of range.
 */
PAROER_API const paroer_offer *paroer_match_result_offer(const paroer_match_result *r, size_t i);

/**
 * @brief The outcome of ranked entry @p i.
 * @param r The result. @param i The entry.
 * @return A #paroer_outcome (#PAROER_OUTCOME_ELIGIBLE, or #PAROER_OUTCOME_POSSIBLE for the
 *         entries after the eligible ones), or -1.
 */
PAROER_API int32_t paroer_match_result_outcome(const paroer_match_result *r, size_t i);

/**
 * @brief The score of ranked entry @p i (docs/matching.md). Higher ranks first.
 * @param r The result. @param i The entry.
 * @return The score, or INT32_MIN when out of range.
 */
PAROER_API int32_t paroer_match_result_score(const paroer_match_result *r, size_t i);

/**
 * @brief The relation ranked entry @p i matched through.
 * @param r The result. @param i The entry.
 * @return Its index in the relative (paroer_relative_relation_kind() and
 *         friends), or -1 when out of range.
 */
PAROER_API int32_t paroer_match_result_relation(const paroer_match_result *r, size_t i);

/**
 * @brief Number of reasons of ranked entry @p i.
 * @param r The result. @param i The entry.
 * @return The count (0 when out of range).
 */
PAROER_API size_t paroer_match_result_reason_count(const paroer_match_result *r, size_t i);

/**
 * @brief Reason @p k of ranked entry @p i.
 * @param r The result. @param i The entry. @param k The reason.
 * @return A static code such as "need:respite" or "strain:high", or NULL when out of range.
 */
PAROER_API const char *paroer_match_result_reason(const paroer_match_result *r, size_t i, size_t k);

/**
 * @brief Copies the scores of the ranked entries (for NumPy and the like).
 * @param r The result.
 * @param[out] buf Room for @p cap scores (may be NULL when @p cap is 0).
 * @param cap Its size in elements.
 * @return The number of ranked entries (may exceed @p cap; only @p cap are written).
 */
PAROER_API size_t paroer_match_result_scores(const paroer_match_result *r, int32_t *buf, size_t cap);

/**
 * @brief Number of excluded offers listed, in catalog order.
 * @param r The result.
 * @return The count; 0 unless explain was on.
 */
PAROER_API size_t paroer_match_result_excluded_count(const paroer_match_result *r);

/**
 * @brief Excluded offer @p i.
 * @param r The result. @param i The exclusion.
 * @return The offer (borrowed from the catalog), or NULL when out of range.
 */
PAROER_API const paroer_offer *paroer_match_result_excluded_offer(const paroer_match_result *r, size_t i);

/**
 * @brief The rule excluded offer @p i failed first.
 * @param r The result. @param i The exclusion.
 * @return A #paroer_rule, or -1 when out of range.
 */
PAROER_API int32_t paroer_match_result_excluded_rule(const paroer_match_result *r, size_t i);

/**
 * @brief The flag that was false, for an exclusion by #PAROER_RULE_REQUIRES.
 * @param r The result. @param i The exclusion.
 * @return A #paroer_flag value, or -1 for other rules or when out of range.
 */
PAROER_API int32_t paroer_match_result_excluded_flag(const paroer_match_result *r, size_t i);

/**
 * @brief The contract's code of the rule excluded offer @p i failed first.
 * @param r The result. @param i The exclusion.
 * @return A static code ("area", "requires:terminal", …), or NULL when out of range.
 */
PAROER_API const char *paroer_match_result_excluded_code(const paroer_match_result *r, size_t i);
/**
 * @brief Whether the relative had unknown facts (matched with
 *        #paroer_match_options.possible): then the result may hold possible
 *        entries and questions, and its JSON has "possible" and "questions".
 * @param r The result.
 * @return 1 or 0.
 */
PAROER_API int paroer_match_result_has_unknowns(const paroer_match_result *r);

/**
 * @brief Number of missing facts of ranked entry @p i: the unknown facts its
 *        relation needs (contract 4a); 0 for an eligible entry.
 * @param r The result. @param i The entry.
 * @return The count (0 when out of range).
 */
PAROER_API size_t paroer_match_result_missing_count(const paroer_match_result *r, size_t i);

/**
 * @brief Missing fact @p k of ranked entry @p i, in the contract's order
 *        (age, employed, conditions, cared_for_age, cohabiting, cared_at_home,
 *        terminal, bereaved). Relation facts are those of the entry's relation
 *        (paroer_match_result_relation()).
 * @param r The result. @param i The entry. @param k The fact.
 * @return A #paroer_fact, or -1 when out of range.
 */
PAROER_API int32_t paroer_match_result_missing(const paroer_match_result *r, size_t i, size_t k);

/**
 * @brief Number of questions: the unknown facts worth asking next, best first
 *        (contract 4a). Computed over every possible offer, also those a top-N
 *        cut leaves out.
 * @param r The result.
 * @return The count; 0 without possible entries.
 */
PAROER_API size_t paroer_match_result_question_count(const paroer_match_result *r);

/**
 * @brief The fact question @p i asks about.
 * @param r The result. @param i The question.
 * @return A #paroer_fact, or -1 when out of range.
 */
PAROER_API int32_t paroer_match_result_question_fact(const paroer_match_result *r, size_t i);

/**
 * @brief The relation of question @p i.
 * @param r The result. @param i The question.
 * @return The relation's index, or -1 for `age`, `employed` and out of range.
 */
PAROER_API int32_t paroer_match_result_question_relation(const paroer_match_result *r, size_t i);

/**
 * @brief `decided` of question @p i: the sum over its answers of the number of
 *        possible offers each answer would decide.
 * @param r The result. @param i The question.
 * @return The sum, or 0 when out of range.
 */
PAROER_API uint64_t paroer_match_result_question_decided(const paroer_match_result *r, size_t i);

/**
 * @brief `answers` of question @p i: how many answers it has (2 for a flag,
 *        the size of the age range, 131 for cared_for_age, 11 for conditions).
 *        The question's score is decided / answers.
 * @param r The result. @param i The question.
 * @return The count, or 0 when out of range.
 */
PAROER_API uint32_t paroer_match_result_question_answers(const paroer_match_result *r, size_t i);

/**
 * @brief The contract's name of question @p i's fact: "age", "employed" or
 *        "relations[N].<fact>", written like snprintf.
 * @param r The result. @param i The question.
 * @param[out] buf Room for @p cap bytes (may be NULL when @p cap is 0); NUL-terminated when cap > 0.
 * @param cap Its size.
 * @return The length of the full name (without the NUL), or 0 when out of range.
 */
PAROER_API size_t paroer_match_result_question_code(const paroer_match_result *r, size_t i, char *buf, size_t cap);
/** @} */

/**
 * @brief Writes a result as the JSON of `paroer match --format json`
 *        (contract section 6):
 *        `{"relative": id, "date": "YYYY-MM-DD", "matches": [{"offer", "name",
 *        "kind", "score", "relation", "reasons": [...]}], "excluded": [{"offer", "rule"}]}`,
 *        keys in that order, on one line without a final newline; `excluded`
 *        only when explain was on; for a relative with unknown facts (contract 6a)
 *        `matches` holds the eligible entries and, after it, `"possible": [{"offer",
 *        "name", "kind", "score", "relation", "reasons", "missing"}]` and
 *        `"questions": [{"fact", "decided", "answers"}]`; `relative` is null when the relative had no id.
 *
 * @param r The result.
 * @param[out] out The NUL-terminated UTF-8 text, allocated with the result's
 *             allocator: free it with paroer_free() when the options named no
 *             allocator, else with that allocator's @c free_fn. NULL on failure.
 * @param[out] len Its length in bytes without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID (NULL argument, a relative id that is
 *         not valid UTF-8) or #PAROER_ENOMEM.
 * @par Thread safety
 * Safe if the result is not being refilled concurrently.
 */
PAROER_API int paroer_match_result_to_json(const paroer_match_result *r, char **out, size_t *len);

/** @brief A reusable matching engine bound to one catalog (opaque). */
typedef struct paroer_matcher paroer_matcher;

/**
 * @brief Creates a matcher for @p catalog with fixed options.
 *
 * The matcher precomputes a compact index of the catalog and keeps scratch
 * buffers, so paroer_matcher_match() allocates nothing in the steady state.
 * @param[out] out The matcher; free with paroer_matcher_free(). NULL on failure.
 * @param catalog The catalog; it must outlive the matcher.
 * @param opts Options (copied), or NULL for the defaults. With a
 *        #PAROER_DATE_NONE date, each match uses the day it runs.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 * @par Thread safety
 * Safe. Use one matcher per thread.
 */
PAROER_API int paroer_matcher_new(paroer_matcher **out, const paroer_catalog *catalog,
                                  const paroer_match_options *opts);

/**
 * @brief Frees a matcher and the result it holds.
 * @param m The matcher, or NULL.
 * @par Thread safety
 * Safe if @p m is not used concurrently.
 */
PAROER_API void paroer_matcher_free(paroer_matcher *m);

/**
 * @brief Matches one relative with the matcher's catalog and options.
 * @param m The matcher.
 * @param relative The relative (only read).
 * @param[out] out The result, owned by the matcher: valid until the next call
 *             on @p m or its free; do not free it.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM (then the matcher is
 *         still usable and @p *out is NULL).
 * @par Thread safety
 * Safe if @p m is not used concurrently.
 */
PAROER_API int paroer_matcher_match(paroer_matcher *m, const paroer_relative *relative,
                                    const paroer_match_result **out);

/**
 * @brief Called by paroer_match_batch() for each relative, in order.
 * @param index The relative's position in the input array.
 * @param result Its result, borrowed: valid only during the call.
 * @param userdata As given to paroer_match_batch().
 * @return 0 to go on; anything else stops the batch, which returns #PAROER_EUSER.
 */
typedef int (*paroer_match_cb)(size_t index, const paroer_match_result *result, void *userdata);

/**
 * @brief Matches many relatives in one call, reusing memory between them.
 *
 * The reference date is resolved once for the whole batch.
 * @param catalog The catalog.
 * @param relatives @p n relatives (NULL only when @p n is 0).
 * @param n How many.
 * @param opts Options, or NULL.
 * @param cb Called once per relative, on the calling thread, before this returns.
 * @param userdata Passed to @p cb.
 * @return #PAROER_OK, #PAROER_EINVALID (NULL argument, a NULL relative),
 *         #PAROER_ENOMEM or #PAROER_EUSER (the callback returned non-zero).
 * @par Thread safety
 * Safe if the relatives are not changed concurrently.
 */
PAROER_API int paroer_match_batch(const paroer_catalog *catalog, const paroer_relative *const *relatives,
                                  size_t n, const paroer_match_options *opts, paroer_match_cb cb,
                                  void *userdata);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
