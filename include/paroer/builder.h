/**
 * @file builder.h
 * @brief Building a catalog through the API, without JSON, with the same validation.
 *
 * @defgroup paroer_builder Catalog builder
 * @brief For systems that keep offers in their own database.
 *
 * The builder is a small state machine: add providers, then open an offer
 * (paroer_builder_begin_offer()), set its fields, close it
 * (paroer_builder_end_offer()); likewise policies, whose goals are opened
 * and closed inside them. Fields are set by a #paroer_field key and a typed
 * setter, so a later version can add fields without changing any signature.
 * Every check of the JSON loader applies (codes, ranges, dates, duplicate ids,
 * provider references); errors name the field path, e.g.
 * "offers[2].target.relative_age". The JSON loader is itself built on the
 * builder, so both paths give identical catalogs.
 *
 * A builder is used by one thread at a time. Every failing call sets the
 * thread's error record (paroer_error_last()) about itself; errors stick, so
 * a builder that has reported one returns the first error from
 * paroer_catalog_builder_finish() (abandon a bad object with
 * paroer_builder_discard()).
 * @{
 */
#ifndef PAROER_BUILDER_H
#define PAROER_BUILDER_H

#include <paroer/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An opaque catalog builder. */
typedef struct paroer_catalog_builder paroer_catalog_builder;

/**
 * @brief Keys of the fields an offer, policy or goal can set.
 *
 * The setter to use is given for each key; the wrong setter gives
 * #PAROER_EINVALID. "add" keys append one code to a list.
 * Values are fixed forever.
 */
typedef enum paroer_field {
    /* offers: text (paroer_builder_set_text) */
    PAROER_FIELD_DESCRIPTION = 1,     /**< text: offer description. */
    PAROER_FIELD_PROVIDER = 2,        /**< text: provider id (must be added first). */
    PAROER_FIELD_SCHEDULE = 3,        /**< text: iCalendar RRULE. */
    PAROER_FIELD_SOURCE = 4,          /**< text: source URL (offers and policies). */
    PAROER_FIELD_CONTACT_PHONE = 5,   /**< text. */
    PAROER_FIELD_CONTACT_EMAIL = 6,   /**< text. */
    PAROER_FIELD_CONTACT_URL = 7,     /**< text. */
    /* offers: integers (paroer_builder_set_int) */
    PAROER_FIELD_ACCESS = 20,         /**< int: #paroer_access. */
    PAROER_FIELD_STATUS = 21,         /**< int: #paroer_offer_status_code. */
    PAROER_FIELD_NATIONWIDE = 22,     /**< int: 0 or 1. */
    PAROER_FIELD_CAPACITY = 23,       /**< int: >= 0, or -1 for unlimited. */
    PAROER_FIELD_COST_FREE = 24,      /**< int: 1 free, 0 paid, -1 unknown. */
    PAROER_FIELD_VALID_FROM = 25,     /**< int: a date (common.h). */
    PAROER_FIELD_VALID_TO = 26,       /**< int: a date (offers and policies). */
    PAROER_FIELD_VERIFIED = 27,       /**< int: a date. */
    PAROER_FIELD_ADOPTED = 28,        /**< int: a date (policies). */
    PAROER_FIELD_PRICE_DKK = 29,      /**< double (paroer_builder_set_double): price, >= 0. */
    /* targets of offers and goals: integers */
    PAROER_FIELD_RELATIVE_AGE_MIN = 40,  /**< int: years, >= 0. */
    PAROER_FIELD_RELATIVE_AGE_MAX = 41,  /**< int: years, >= min. */
    PAROER_FIELD_CARED_FOR_AGE_MIN = 42, /**< int: years. */
    PAROER_FIELD_CARED_FOR_AGE_MAX = 43, /**< int: years. */
    PAROER_FIELD_BEREAVED = 44,          /**< int: #paroer_bereavement. */
    /* lists (paroer_builder_add) */
    PAROER_FIELD_NEEDS = 60,          /**< add: #paroer_need (offers and goals). */
    PAROER_FIELD_MODES = 61,          /**< add: #paroer_mode. */
    PAROER_FIELD_SLOTS = 62,          /**< add: #paroer_slot. */
    PAROER_FIELD_MUNICIPALITIES = 63, /**< add: municipality code 1..999. */
    PAROER_FIELD_RELATIONS = 64,      /**< add: #paroer_relation (target). */
    PAROER_FIELD_CONDITIONS = 65,     /**< add: #paroer_condition (target). */
    PAROER_FIELD_REQUIRES = 66,       /**< add: #paroer_flag except bereaved (target). */
    PAROER_FIELD_KINDS = 67,          /**< add: #paroer_kind (goals). */
    PAROER_FIELD_AREAS = 68,          /**< add: #paroer_area (policies). */
    /* text lists (paroer_builder_add_text) */
    PAROER_FIELD_LANGUAGES = 80,      /**< add_text: a language code such as "da". */
    PAROER_FIELD_LEGAL_BASIS = 81     /**< add_text: a legal basis id such as "aeldreloven-16". */
} paroer_field;

/**
 * @brief Creates a builder.
 * @param[out] out The builder; free with paroer_catalog_builder_free().
 * @param opts Allocator (also used by the finished catalog), diagnostics; NULL for defaults.
 * @deprecated Since 0.2.0: use paroer_builder_new(), the same function under the builder's prefix.
 */
PAROER_API int paroer_catalog_builder_new(paroer_catalog_builder **out, const paroer_load_options *opts);

/** @brief Frees a builder and everything it holds; NULL is allowed.
 *  @deprecated Since 0.2.0: use paroer_builder_free(). */
PAROER_API void paroer_catalog_builder_free(paroer_catalog_builder *b);

/**
 * @brief Sets the default municipality: offers that list none get it, as a
 *        catalog document's top-level "municipality" does.
 * @param b The builder.
 * @param municipality 1..999, or -1 for none.
 */
PAROER_API int paroer_builder_set_municipality(paroer_catalog_builder *b, int32_t municipality);

/**
 * @brief Adds a provider.
 * @param b The builder.
 * @param id Unique provider id; @param name Its name; @param kind A #paroer_provider_kind_code;
 * @param area A #paroer_area or -1.
 * @return #PAROER_OK, #PAROER_EDUPLICATE, #PAROER_ESCHEMA, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_builder_add_provider(paroer_catalog_builder *b, const char *id, const char *name,
                                           int32_t kind, int32_t area);

/**
 * @brief Opens a new offer. The previous offer must be closed.
 * @param b The builder.
 * @param id Unique offer id (copied).
 * @param name The offer's name (copied).
 * @param kind A #paroer_kind.
 */
PAROER_API int paroer_builder_begin_offer(paroer_catalog_builder *b, const char *id, const char *name,
                                          int32_t kind);

/**
 * @brief Closes the open offer: fills the contract's defaults, checks ranges
 *        and duplicate ids, and adds it to the catalog being built.
 * @return #PAROER_OK, #PAROER_ESCHEMA, #PAROER_EDUPLICATE, #PAROER_EINVALID or #PAROER_ENOMEM.
 *         On failure the offer is discarded.
 */
PAROER_API int paroer_builder_end_offer(paroer_catalog_builder *b);

/**
 * @brief Abandons the open offer or policy (or the open goal, leaving its
 *        policy open) without adding it.
 *
 * Errors already reported stay recorded: a builder that has seen an error
 * never finishes (paroer_catalog_builder_finish() returns the first error),
 * so a caller that wants to skip bad records keeps its own list of them and
 * builds again.
 * @param b The builder.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL.
 */
PAROER_API int paroer_builder_discard(paroer_catalog_builder *b);

/** @brief Opens a policy of @p municipality (1..999). */
PAROER_API int paroer_builder_begin_policy(paroer_catalog_builder *b, const char *id, int32_t municipality,
                                           const char *title);

/**
 * @brief Opens a goal inside the open policy.
 * @param b The builder.
 * @param id Goal id, unique within the policy (copied).
 * @param title The goal's title (copied).
 * @param category A #paroer_goal_category_code.
 */
PAROER_API int paroer_builder_begin_goal(paroer_catalog_builder *b, const char *id, const char *title,
                                         int32_t category);

/** @brief Closes the open goal (checks its ranges). */
PAROER_API int paroer_builder_end_goal(paroer_catalog_builder *b);

/**
 * @brief Adds an action plan to the open policy.
 * @param b The builder.
 * @param title The plan's title (copied).
 * @param due Due date or #PAROER_DATE_NONE; @param adopted Adoption date or #PAROER_DATE_NONE.
 */
PAROER_API int paroer_builder_add_action_plan(paroer_catalog_builder *b, const char *title, int32_t due,
                                              int32_t adopted);

/** @brief Closes the open policy (its goals must be closed). */
PAROER_API int paroer_builder_end_policy(paroer_catalog_builder *b);

/** @brief Sets a text field of the open object (copied). */
PAROER_API int paroer_builder_set_text(paroer_catalog_builder *b, int32_t field, const char *utf8);

/** @brief Sets an integer field of the open object (innermost: goal, policy or offer). */
PAROER_API int paroer_builder_set_int(paroer_catalog_builder *b, int32_t field, int64_t value);

/** @brief Sets a floating-point field of the open object. */
PAROER_API int paroer_builder_set_double(paroer_catalog_builder *b, int32_t field, double value);

/** @brief Appends a code to a list field of the open object (duplicates are ignored). */
PAROER_API int paroer_builder_add(paroer_catalog_builder *b, int32_t field, int32_t value);

/** @brief Appends a text to a text-list field of the open object (copied). */
PAROER_API int paroer_builder_add_text(paroer_catalog_builder *b, int32_t field, const char *utf8);

/** @brief Appends an external code (e.g. FSIII) to the open offer. Both strings are copied. */
PAROER_API int paroer_builder_add_code(paroer_catalog_builder *b, const char *system, const char *code);

/**
 * @brief Adds every provider, offer and policy of a loaded catalog (for merging).
 * @return #PAROER_OK or #PAROER_EDUPLICATE / #PAROER_ENOMEM; on failure the builder
 *         holds what was added before the failing object.
 */
PAROER_API int paroer_builder_add_catalog(paroer_catalog_builder *b, const paroer_catalog *c);

/**
 * @brief Finishes: checks what is still open, builds the indexes and hands
 *        over an immutable catalog. The builder is empty afterwards and may be
 *        reused or freed.
 * @param b The builder.
 * @param[out] out The catalog (caller frees with paroer_catalog_free()).
 * @deprecated Since 0.2.0: use paroer_builder_finish().
 */
PAROER_API int paroer_catalog_builder_finish(paroer_catalog_builder *b, paroer_catalog **out);

/** @name The builder under one prefix
 * Every function of the builder is named `paroer_builder_*` (docs/abi.md, naming).
 * paroer_catalog_builder_new(), paroer_catalog_builder_free() and
 * paroer_catalog_builder_finish() are deprecated aliases of these (since 0.2.0);
 * they keep working. @{ */
/**
 * @brief Creates a builder (the same as paroer_catalog_builder_new()).
 * @param[out] out The builder; free with paroer_builder_free(). NULL on failure.
 * @param opts Allocator (also used by the finished catalog), diagnostics; NULL for defaults.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM. Thread-safe.
 */
PAROER_API int paroer_builder_new(paroer_catalog_builder **out, const paroer_load_options *opts);
/** @brief Frees a builder and everything it holds; NULL is allowed (the same as paroer_catalog_builder_free()). */
PAROER_API void paroer_builder_free(paroer_catalog_builder *b);
/**
 * @brief Finishes the builder (the same as paroer_catalog_builder_finish()): the
 *        builder is the subject and comes first, the new catalog is the out-parameter, last.
 * @param b The builder; empty afterwards, reusable.
 * @param[out] out The catalog (caller frees with paroer_catalog_free()). NULL on failure.
 * @return #PAROER_OK or the first error the builder saw. One thread at a time per builder.
 */
PAROER_API int paroer_builder_finish(paroer_catalog_builder *b, paroer_catalog **out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
/** @} */
