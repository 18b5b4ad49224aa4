/**
 * @file catalog.h
 * @brief Catalogs of offers, providers and relatives' policies: loading, merging, reading.
 *
 * @defgroup paroer_catalog Catalog
 * @brief An immutable set of providers, offers and policies (contract section 2).
 *
 * A catalog is built once — from JSON (paroer_catalog_load_file(),
 * paroer_catalog_load_buffer()), by merging (paroer_catalog_merge()) or through
 * the builder (builder.h) — and never changes afterwards. Every function that
 * takes a `const paroer_catalog *` only reads, so one catalog may be shared by
 * any number of threads without locking. Objects returned by accessors
 * (offers, providers, policies, goals, strings) are borrowed: they live as
 * long as the catalog and must not be freed.
 *
 * Bit masks: functions returning a `uint32_t` mask set bit n for code n of the
 * list named (see vocab.h), e.g. `mask & (1u << PAROER_NEED_RESPITE)`.
 * @{
 */
#ifndef PAROER_CATALOG_H
#define PAROER_CATALOG_H

#include <paroer/common.h>
#include <paroer/diagnostics.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An immutable, thread-safe catalog (opaque). */
typedef struct paroer_catalog paroer_catalog;
/** @brief A provider inside a catalog (opaque, borrowed). */
typedef struct paroer_provider paroer_provider;
/** @brief An offer inside a catalog (opaque, borrowed). */
typedef struct paroer_offer paroer_offer;
/** @brief A relatives' policy inside a catalog (opaque, borrowed). */
typedef struct paroer_policy paroer_policy;
/** @brief A goal of a policy (opaque, borrowed). */
typedef struct paroer_goal paroer_goal;
/** @brief The target group of an offer or a goal (opaque, borrowed). */
typedef struct paroer_target paroer_target;

/** Current version of #paroer_load_options. */
#define PAROER_LOAD_OPTIONS_VERSION 1

/** @brief Flags for #paroer_load_options.flags. */
typedef enum paroer_load_flag {
    PAROER_LOAD_STRICT = 1u << 0  /**< Unknown keys are errors, not warnings. */
} paroer_load_flag;

/**
 * @brief Options of every loader. Initialise with paroer_load_options_init();
 *        fields are only ever appended, guarded by @c version.
 */
typedef struct paroer_load_options {
    uint32_t version;                  /**< #PAROER_LOAD_OPTIONS_VERSION. */
    const paroer_allocator *allocator; /**< Allocator for the result, or NULL. Copied. */
    paroer_diagnostics *diagnostics;   /**< If set, receives every error and warning (caller owns it). */
    uint32_t flags;                    /**< #paroer_load_flag bits. */
    uint32_t max_errors;               /**< Stop after this many errors; 0 means 100. */
} paroer_load_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_load_options_init(paroer_load_options *opts, uint32_t version);

/**
 * @brief Loads a catalog document from a file.
 *
 * Applies every default of the contract. On failure nothing is allocated,
 * the thread's error (paroer_error_last()) names the file, line, column and
 * field path of the first error, and @p opts->diagnostics (if given) holds all.
 *
 * @param[out] out The catalog; the caller frees it with paroer_catalog_free(). Set to NULL on failure.
 * @param path The file (UTF-8 JSON).
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EIO, #PAROER_EPARSE, #PAROER_ESCHEMA, #PAROER_EDUPLICATE,
 *         #PAROER_ENOMEM or #PAROER_EINVALID.
 */
PAROER_API int paroer_catalog_load_file(paroer_catalog **out, const char *path,
                                        const paroer_load_options *opts);

/**
 * @brief Loads a catalog document from memory.
 * @param[out] out The catalog (caller frees with paroer_catalog_free()).
 * @param data The JSON text; need not be NUL-terminated; not kept.
 * @param len Its length in bytes.
 * @param name A name used in error messages (e.g. "request body"), or NULL for "<buffer>".
 * @param opts Options, or NULL.
 * @return As paroer_catalog_load_file().
 */
PAROER_API int paroer_catalog_load_buffer(paroer_catalog **out, const char *data, size_t len,
                                          const char *name, const paroer_load_options *opts);

/**
 * @brief Loads several catalog documents and merges them into one.
 *
 * Ids must be unique per kind of object across all documents; provider
 * references must resolve within the documents loaded so far.
 * @param[out] out The merged catalog (caller frees).
 * @param paths @p n file names.
 * @param n How many (at least 1).
 * @param opts Options, or NULL.
 * @return As paroer_catalog_load_file().
 */
PAROER_API int paroer_catalog_load_files(paroer_catalog **out, const char *const *paths, size_t n,
                                         const paroer_load_options *opts);

/**
 * @brief Merges catalogs that are already loaded into a new one.
 *
 * The inputs are not changed and may be freed afterwards. Ids must be unique
 * across them (#PAROER_EDUPLICATE otherwise).
 * @param[out] out The new catalog (caller frees).
 * @param catalogs @p n catalogs.
 * @param n How many (0 gives an empty catalog).
 * @param opts Options (allocator, diagnostics), or NULL.
 */
PAROER_API int paroer_catalog_merge(paroer_catalog **out, const paroer_catalog *const *catalogs,
                                    size_t n, const paroer_load_options *opts);

/** @brief Frees a catalog and everything borrowed from it; NULL is allowed. */
PAROER_API void paroer_catalog_free(paroer_catalog *catalog);

/** @brief The municipality code of the (first) document, or -1 when none was given. */
PAROER_API int32_t paroer_catalog_municipality(const paroer_catalog *c);

/** @brief Bytes the catalog holds from its allocator (for capacity planning). */
PAROER_API size_t paroer_catalog_memory_size(const paroer_catalog *c);

/**
 * @brief Writes a catalog as a catalog document (contract section 2), on one
 *        line without a final newline.
 *
 * Every default is written out (needs, modes, languages, access, status), so
 * loading the text gives a catalog equal to @p c field by field, and writing
 * that again gives the same bytes. Merged catalogs come out as one document.
 * The document's `municipality` is written only when no offer lacks both a
 * municipality and `nationwide` (it would otherwise become that offer's default).
 * @param c The catalog (only read).
 * @param[out] out The NUL-terminated UTF-8 text, allocated with the catalog's
 *             allocator: free it with paroer_free() when the catalog was made
 *             without one, else with that allocator. NULL on failure.
 * @param[out] len Its length in bytes without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID (NULL argument) or #PAROER_ENOMEM.
 * @par Thread safety
 * Reentrant; a catalog may be written from several threads at once.
 */
PAROER_API int paroer_catalog_to_json(const paroer_catalog *c, char **out, size_t *len);

/** @name Iterating a catalog
 * Index-plus-count accessors; an index out of range gives NULL. @{ */
/** @brief Number of providers. */
PAROER_API size_t paroer_catalog_provider_count(const paroer_catalog *c);
/** @brief Provider @p i (borrowed), or NULL. */
PAROER_API const paroer_provider *paroer_catalog_provider(const paroer_catalog *c, size_t i);
/** @brief Number of offers. */
PAROER_API size_t paroer_catalog_offer_count(const paroer_catalog *c);
/** @brief Offer @p i (borrowed), or NULL. Offers keep their document order. */
PAROER_API const paroer_offer *paroer_catalog_offer(const paroer_catalog *c, size_t i);
/** @brief Number of policies. */
PAROER_API size_t paroer_catalog_policy_count(const paroer_catalog *c);
/** @brief Policy @p i (borrowed), or NULL. */
PAROER_API const paroer_policy *paroer_catalog_policy(const paroer_catalog *c, size_t i);
/** @} */

/** @name Looking things up
 * @{ */
/** @brief The offer with id @p id (NUL-terminated), or NULL. */
PAROER_API const paroer_offer *paroer_catalog_find_offer(const paroer_catalog *c, const char *id);
/** @brief The provider with id @p id, or NULL. */
PAROER_API const paroer_provider *paroer_catalog_find_provider(const paroer_catalog *c, const char *id);
/** @brief The policy with id @p id, or NULL. */
PAROER_API const paroer_policy *paroer_catalog_find_policy(const paroer_catalog *c, const char *id);
/**
 * @brief The policy of a municipality: the one in force on @p date (not past
 *        its valid_to), else the most recently adopted one, else NULL.
 * @param c The catalog.
 * @param municipality A municipality code (1..999).
 * @param date A date, or #PAROER_DATE_NONE for "any".
 */
PAROER_API const paroer_policy *paroer_catalog_policy_for(const paroer_catalog *c, int32_t municipality,
                                                          int32_t date);
/**
 * @brief The offers tied to an external code, e.g. a KL FSIII intervention
 *        (system "urn:oid:1.2.208.176.2.21").
 * @param c The catalog.
 * @param system The code system (NUL-terminated).
 * @param code The code within it (NUL-terminated).
 * @param cap Room in @p out.
 * @param[out] out Up to @p cap offers are written here (may be NULL when @p cap is 0).
 * @return The total number of matching offers (may exceed @p cap), in catalog order.
 */
PAROER_API size_t paroer_catalog_find_by_code(const paroer_catalog *c, const char *system, const char *code,
                                              const paroer_offer **out, size_t cap);
/** @} */

/** @name Providers
 * @{ */
/**
 * @brief Position of the provider in its catalog (for paroer_catalog_provider()).
 * @param p The provider.
 * @return The index; 0 for NULL.
 */
PAROER_API size_t paroer_provider_index(const paroer_provider *p);
/**
 * @brief Position of the provider in its catalog, with the answer apart from the status
 *        (the status-only form of paroer_provider_index(), which gives 0 for NULL).
 * @param p The provider.
 * @param[out] index The index (0 on failure).
 * @return #PAROER_OK, or #PAROER_EINVALID for a NULL argument. Thread-safe.
 */
PAROER_API int paroer_provider_index_get(const paroer_provider *p, size_t *index);
/** @brief The provider's id (borrowed). */
PAROER_API const char *paroer_provider_id(const paroer_provider *p);
/** @brief The provider's name (borrowed). */
PAROER_API const char *paroer_provider_name(const paroer_provider *p);
/** @brief A #paroer_provider_kind_code. */
PAROER_API int32_t paroer_provider_kind(const paroer_provider *p);
/** @brief A #paroer_area, or -1 when not given. */
PAROER_API int32_t paroer_provider_area(const paroer_provider *p);
/** @} */

/** @name Offers
 * Optional text fields return NULL when the document did not give them. @{ */
/** @brief Position of the offer in its catalog. */
PAROER_API size_t paroer_offer_index(const paroer_offer *o);
/** @brief The offer's id (borrowed, never NULL). */
PAROER_API const char *paroer_offer_id(const paroer_offer *o);
/** @brief The offer's name (borrowed, never NULL). */
PAROER_API const char *paroer_offer_name(const paroer_offer *o);
/** @brief Description, carried through untouched (borrowed or NULL). */
PAROER_API const char *paroer_offer_description(const paroer_offer *o);
/** @brief iCalendar RRULE schedule, carried through untouched (borrowed or NULL). */
PAROER_API const char *paroer_offer_schedule(const paroer_offer *o);
/** @brief Source URL (borrowed or NULL). */
PAROER_API const char *paroer_offer_source(const paroer_offer *o);
/** @brief Contact phone (borrowed or NULL). */
PAROER_API const char *paroer_offer_contact_phone(const paroer_offer *o);
/** @brief Contact e-mail (borrowed or NULL). */
PAROER_API const char *paroer_offer_contact_email(const paroer_offer *o);
/** @brief Contact URL (borrowed or NULL). */
PAROER_API const char *paroer_offer_contact_url(const paroer_offer *o);
/** @brief The provider (borrowed), or NULL when the offer names none. */
PAROER_API const paroer_provider *paroer_offer_provider(const paroer_offer *o, const paroer_catalog *c);
/**
 * @brief The catalog the offer belongs to (borrowed; the offer lives as long as it).
 * @return The catalog, or NULL for a NULL offer. Thread-safe.
 */
PAROER_API const paroer_catalog *paroer_offer_catalog(const paroer_offer *o);
/**
 * @brief The offer's provider, without naming the catalog (offers know theirs).
 * @param o The offer.
 * @param[out] provider The provider (borrowed from the offer's catalog), or NULL when
 *        the offer names none.
 * @return #PAROER_OK, or #PAROER_EINVALID for a NULL argument. Thread-safe.
 */
PAROER_API int paroer_offer_provider_get(const paroer_offer *o, const paroer_provider **provider);
/** @brief A #paroer_kind. */
PAROER_API int32_t paroer_offer_kind(const paroer_offer *o);
/** @brief A #paroer_access. */
PAROER_API int32_t paroer_offer_access(const paroer_offer *o);
/** @brief A #paroer_offer_status_code. */
PAROER_API int32_t paroer_offer_status(const paroer_offer *o);
/** @brief Needs served (mask of #paroer_need); the kind's defaults when the document gave none. */
PAROER_API uint32_t paroer_offer_needs(const paroer_offer *o);
/** @brief Modes (mask of #paroer_mode). */
PAROER_API uint32_t paroer_offer_modes(const paroer_offer *o);
/** @brief Slots (mask of #paroer_slot); 0 means flexible (any slot). */
PAROER_API uint32_t paroer_offer_slots(const paroer_offer *o);
/** @brief 1 when the offer is available in every municipality. */
PAROER_API int paroer_offer_nationwide(const paroer_offer *o);
/** @brief Number of municipalities listed. */
PAROER_API size_t paroer_offer_municipality_count(const paroer_offer *o);
/** @brief Municipality code @p i, or -1 when out of range. */
PAROER_API int32_t paroer_offer_municipality(const paroer_offer *o, size_t i);
/** @brief 1 when the offer is available in @p municipality (nationwide or listed). */
PAROER_API int paroer_offer_serves_municipality(const paroer_offer *o, int32_t municipality);
/** @brief Number of languages. */
PAROER_API size_t paroer_offer_language_count(const paroer_offer *o);
/** @brief Language @p i (borrowed, e.g. "da"), or NULL. Needs the catalog that holds the offer. */
PAROER_API const char *paroer_offer_language(const paroer_offer *o, const paroer_catalog *c, size_t i);
/** @brief Capacity, or -1 when unlimited. */
PAROER_API int64_t paroer_offer_capacity(const paroer_offer *o);
/** @brief 1 free, 0 paid, -1 unknown. */
PAROER_API int paroer_offer_cost_free(const paroer_offer *o);
/** @brief Price in DKK, or NaN when unknown. */
PAROER_API double paroer_offer_price_dkk(const paroer_offer *o);
/** @brief First valid day, or #PAROER_DATE_NONE (open). */
PAROER_API int32_t paroer_offer_valid_from(const paroer_offer *o);
/** @brief Last valid day, or #PAROER_DATE_NONE (open). */
PAROER_API int32_t paroer_offer_valid_to(const paroer_offer *o);
/** @brief When the details were last confirmed, or #PAROER_DATE_NONE. */
PAROER_API int32_t paroer_offer_verified(const paroer_offer *o);
/** @brief Number of legal bases. */
PAROER_API size_t paroer_offer_legal_basis_count(const paroer_offer *o);
/** @brief Legal basis @p i (borrowed, e.g. "aeldreloven-16"), or NULL. */
PAROER_API const char *paroer_offer_legal_basis(const paroer_offer *o, size_t i);
/** @brief Number of external codes. */
PAROER_API size_t paroer_offer_code_count(const paroer_offer *o);
/** @brief The code system of external code @p i (borrowed), or NULL. */
PAROER_API const char *paroer_offer_code_system(const paroer_offer *o, size_t i);
/** @brief The value of external code @p i (borrowed), or NULL. */
PAROER_API const char *paroer_offer_code_value(const paroer_offer *o, size_t i);
/** @brief The offer's target group (borrowed, never NULL). */
PAROER_API const paroer_target *paroer_offer_target(const paroer_offer *o);
/**
 * @brief 1 when the offer is live in @p municipality on @p date: not paused,
 *        within valid_from..valid_to, and nationwide or listing the municipality.
 *        #PAROER_DATE_NONE as @p date means today.
 */
PAROER_API int paroer_offer_is_live(const paroer_offer *o, int32_t municipality, int32_t date);
/** @} */

/** @name Targets
 * Age bounds: an open lower bound is 0, an open upper bound INT32_MAX. @{ */
/** @brief Lowest relative age. */
PAROER_API int32_t paroer_target_relative_age_min(const paroer_target *t);
/** @brief Highest relative age. */
PAROER_API int32_t paroer_target_relative_age_max(const paroer_target *t);
/** @brief Lowest cared-for age. */
PAROER_API int32_t paroer_target_cared_for_age_min(const paroer_target *t);
/** @brief Highest cared-for age. */
PAROER_API int32_t paroer_target_cared_for_age_max(const paroer_target *t);
/** @brief Relations (mask of #paroer_relation); 0 means any. */
PAROER_API uint32_t paroer_target_relations(const paroer_target *t);
/** @brief Conditions (mask of #paroer_condition); 0 means any. */
PAROER_API uint32_t paroer_target_conditions(const paroer_target *t);
/** @brief Required flags (mask of #paroer_flag). */
PAROER_API uint32_t paroer_target_requires(const paroer_target *t);
/** @brief A #paroer_bereavement. */
PAROER_API int32_t paroer_target_bereaved(const paroer_target *t);
/** @brief 1 when the targets overlap in the contract's sense (section 2). */
PAROER_API int paroer_target_overlaps(const paroer_target *a, const paroer_target *b);
/** @} */

/** @name Policies
 * @{ */
/** @brief The policy's id (borrowed). */
PAROER_API const char *paroer_policy_id(const paroer_policy *p);
/** @brief The policy's title (borrowed). */
PAROER_API const char *paroer_policy_title(const paroer_policy *p);
/** @brief The policy's source (borrowed or NULL). */
PAROER_API const char *paroer_policy_source(const paroer_policy *p);
/** @brief The municipality code. */
PAROER_API int32_t paroer_policy_municipality(const paroer_policy *p);
/** @brief Adoption date, or #PAROER_DATE_NONE. */
PAROER_API int32_t paroer_policy_adopted(const paroer_policy *p);
/** @brief Last valid day, or #PAROER_DATE_NONE (open). */
PAROER_API int32_t paroer_policy_valid_to(const paroer_policy *p);
/** @brief Areas (mask of #paroer_area). */
PAROER_API uint32_t paroer_policy_areas(const paroer_policy *p);
/** @brief Number of goals. */
PAROER_API size_t paroer_policy_goal_count(const paroer_policy *p);
/** @brief Goal @p i (borrowed), or NULL. */
PAROER_API const paroer_goal *paroer_policy_goal(const paroer_policy *p, size_t i);
/** @brief Number of action plans. */
PAROER_API size_t paroer_policy_action_plan_count(const paroer_policy *p);
/** @brief Title of action plan @p i (borrowed), or NULL. */
PAROER_API const char *paroer_policy_action_plan_title(const paroer_policy *p, size_t i);
/** @brief Due date of action plan @p i, or #PAROER_DATE_NONE. */
PAROER_API int32_t paroer_policy_action_plan_due(const paroer_policy *p, size_t i);
/** @brief Adoption date of action plan @p i, or #PAROER_DATE_NONE when not adopted. */
PAROER_API int32_t paroer_policy_action_plan_adopted(const paroer_policy *p, size_t i);
/** @} */

/** @name Goals
 * @{ */
/** @brief The goal's id (borrowed). */
PAROER_API const char *paroer_goal_id(const paroer_goal *g);
/** @brief The goal's title (borrowed). */
PAROER_API const char *paroer_goal_title(const paroer_goal *g);
/** @brief A #paroer_goal_category_code. */
PAROER_API int32_t paroer_goal_category(const paroer_goal *g);
/** @brief Needs (mask of #paroer_need). */
PAROER_API uint32_t paroer_goal_needs(const paroer_goal *g);
/** @brief Kinds (mask of #paroer_kind). */
PAROER_API uint32_t paroer_goal_kinds(const paroer_goal *g);
/** @brief 1 when the goal has neither needs nor kinds (organisational: no offer can realise it). */
PAROER_API int paroer_goal_is_organisational(const paroer_goal *g);
/** @brief The goal's target (borrowed, never NULL). */
PAROER_API const paroer_target *paroer_goal_target(const paroer_goal *g);
/** @brief The policy the goal belongs to (borrowed). */
PAROER_API const paroer_policy *paroer_goal_policy(const paroer_goal *g);
/**
 * @brief 1 when @p o realises @p g on @p date: it serves one of the goal's
 *        needs or is of one of its kinds, the targets overlap, and the offer is
 *        live in the policy's municipality. #PAROER_DATE_NONE as @p date means today.
 */
PAROER_API int paroer_goal_realised_by(const paroer_goal *g, const paroer_offer *o, int32_t date);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
/** @} */
