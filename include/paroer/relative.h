/**
 * @file relative.h
 * @brief A relative (pårørende) with one or more care relations.
 *
 * @defgroup paroer_relative Relative
 * @brief The person matching is for (contract section 3).
 *
 * A relative is identified only by a pseudonym chosen by the caller: the
 * library never needs a name or a CPR number. Its data is personal (and the
 * cared-for person's condition is health data): the library keeps it in
 * memory only while the object lives, never logs it and never writes it
 * anywhere the caller did not ask. Error messages name fields, never the
 * values of a relative.
 *
 * A relative object may be read by many threads at once; changing it
 * (the setters) needs exclusive access.
 * @{
 */
#ifndef PAROER_RELATIVE_H
#define PAROER_RELATIVE_H

#include <paroer/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A relative (opaque). */
typedef struct paroer_relative paroer_relative;

/**
 * @brief The value of an unknown fact (contract section 3a): the frontline
 *        does not know it yet. Taken by the flag, `employed`, age and
 *        cared-for age setters, returned by the accessors that tell known
 *        from unknown. Matching a relative with unknown facts needs
 *        #paroer_match_options.possible (match.h).
 */
#define PAROER_UNKNOWN (-2)

/**
 * @brief Creates a relative with no relations yet.
 * @param[out] out The relative; free with paroer_relative_free().
 * @param id A pseudonym (copied; may be NULL for none).
 * @param age Age in whole years, 0..130, or #PAROER_UNKNOWN (the range 0..130).
 * @param municipality Municipality code 1..999.
 * @param allocator Allocator, or NULL.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_relative_new(paroer_relative **out, const char *id, int32_t age, int32_t municipality,
                                   const paroer_allocator *allocator);

/** Current version of #paroer_relative_options. */
#define PAROER_RELATIVE_OPTIONS_VERSION 1

/**
 * @brief Options of paroer_relative_new_with_options(). Initialise with
 *        paroer_relative_options_init(); fields are only ever appended.
 */
typedef struct paroer_relative_options {
    uint32_t version;                  /**< #PAROER_RELATIVE_OPTIONS_VERSION. */
    const paroer_allocator *allocator; /**< Allocator for the relative, or NULL. Copied. */
} paroer_relative_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 */
PAROER_API int paroer_relative_options_init(paroer_relative_options *opts, uint32_t version);

/**
 * @brief Creates a relative with no relations yet, with options (so a later option has a place).
 * @param[out] out The relative; free with paroer_relative_free(). NULL on failure.
 * @param id,age,municipality As paroer_relative_new().
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM. Thread-safe.
 */
PAROER_API int paroer_relative_new_with_options(paroer_relative **out, const char *id, int32_t age,
                                                int32_t municipality, const paroer_relative_options *opts);

/**
 * @brief Loads a relative document (JSON) from a file.
 * @param[out] out The relative (caller frees with paroer_relative_free()).
 * @param path The file (UTF-8 JSON).
 * @param opts Allocator, diagnostics, flags; NULL for defaults.
 * @return #PAROER_OK, #PAROER_EIO, #PAROER_EPARSE, #PAROER_ESCHEMA, #PAROER_ENOMEM.
 */
PAROER_API int paroer_relative_load_file(paroer_relative **out, const char *path,
                                         const paroer_load_options *opts);

/**
 * @brief Loads a relative document from memory.
 * @param[out] out The relative (caller frees with paroer_relative_free()).
 * @param data JSON text (need not be NUL-terminated); @param len its length;
 * @param name Name for error messages, or NULL for "<buffer>".
 * @param opts As for paroer_relative_load_file(); NULL for defaults.
 * @return As paroer_relative_load_file().
 */
PAROER_API int paroer_relative_load_buffer(paroer_relative **out, const char *data, size_t len,
                                           const char *name, const paroer_load_options *opts);

/** @brief Frees a relative; NULL is allowed. */
PAROER_API void paroer_relative_free(paroer_relative *r);

/**
 * @brief Sets whether the relative is in work (flag `employed`).
 * @param r The relative.
 * @param employed 1 (in work), 0 (not), or #PAROER_UNKNOWN.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or any other value.
 * @par Thread safety
 * Needs exclusive access to @p r.
 */
PAROER_API int paroer_relative_set_employed(paroer_relative *r, int employed);
/**
 * @brief Sets the relative's age.
 * @param r The relative.
 * @param age 0..130, or #PAROER_UNKNOWN (the range 0..130).
 * @return #PAROER_OK or #PAROER_EINVALID.
 * @par Thread safety
 * Needs exclusive access to @p r.
 */
PAROER_API int paroer_relative_set_age(paroer_relative *r, int32_t age);
/**
 * @brief Sets the relative's age to an unknown value within a range
 *        (contract 3a, `{"min": 60, "max": 69}`); min == max is a known age.
 * @param r The relative.
 * @param min The lowest possible age. @param max The highest; 0 <= min <= max <= 130.
 * @return #PAROER_OK or #PAROER_EINVALID.
 * @par Thread safety
 * Needs exclusive access to @p r.
 */
PAROER_API int paroer_relative_set_age_range(paroer_relative *r, int32_t min, int32_t max);
/** @brief Adds a stated need (#paroer_need). */
PAROER_API int paroer_relative_add_need(paroer_relative *r, int32_t need);
/** @brief Adds an acceptable mode (#paroer_mode). */
PAROER_API int paroer_relative_add_mode(paroer_relative *r, int32_t mode);
/** @brief Adds an available slot (#paroer_slot). */
PAROER_API int paroer_relative_add_slot(paroer_relative *r, int32_t slot);
/** @brief Adds a language (e.g. "da"; copied). Without any, the relative speaks "da". */
PAROER_API int paroer_relative_add_language(paroer_relative *r, const char *language);

/**
 * @brief Adds a care relation.
 * @param r The relative.
 * @param relation A #paroer_relation.
 * @param[out] index Its index (may be NULL).
 */
PAROER_API int paroer_relative_add_relation(paroer_relative *r, int32_t relation, size_t *index);
/** @brief Adds a condition (#paroer_condition) of the cared-for person of relation @p i
 *         (the conditions are then known, even if they were unknown). */
PAROER_API int paroer_relative_relation_add_condition(paroer_relative *r, size_t i, int32_t condition);
/**
 * @brief Says that the cared-for person's conditions of relation @p i are
 *        unknown (contract 3a, `"conditions": "unknown"`): any non-empty set.
 *        Clears the conditions given so far; a later
 *        paroer_relative_relation_add_condition() makes them known again.
 * @param r The relative. @param i The relation's index.
 * @return #PAROER_OK or #PAROER_EINVALID.
 * @par Thread safety
 * Needs exclusive access to @p r.
 */
PAROER_API int paroer_relative_relation_set_conditions_unknown(paroer_relative *r, size_t i);
/**
 * @brief Sets the cared-for person's age of relation @p i.
 * @param r The relative. @param i The relation's index.
 * @param age 0..130; -1 for not given (the default: passes every age range,
 *        as a missing `cared_for_age` does); or #PAROER_UNKNOWN (some age
 *        0..130 still to be asked, as `"cared_for_age": "unknown"`).
 * @return #PAROER_OK or #PAROER_EINVALID.
 */
PAROER_API int paroer_relative_relation_set_cared_for_age(paroer_relative *r, size_t i, int32_t age);
/** @brief Sets the hours of care per week (0..168). */
PAROER_API int paroer_relative_relation_set_hours(paroer_relative *r, size_t i, double hours);
/**
 * @brief Sets a flag of relation @p i.
 * @param r The relative.
 * @param i The relation's index.
 * @param flag #PAROER_FLAG_COHABITING, #PAROER_FLAG_CARED_AT_HOME, #PAROER_FLAG_TERMINAL or
 *        #PAROER_FLAG_BEREAVED (#PAROER_FLAG_EMPLOYED belongs to the relative: use
 *        paroer_relative_set_employed()).
 * @param value 1 (true), 0 (false) or #PAROER_UNKNOWN; anything else is #PAROER_EINVALID.
 * @return #PAROER_OK or #PAROER_EINVALID.
 */
PAROER_API int paroer_relative_relation_set_flag(paroer_relative *r, size_t i, int32_t flag, int value);

/** @brief The pseudonym (borrowed; "" when none). */
PAROER_API const char *paroer_relative_id(const paroer_relative *r);
/** @brief Age in years; #PAROER_UNKNOWN when only a range is known (see paroer_relative_age_min()). */
PAROER_API int32_t paroer_relative_age(const paroer_relative *r);
/** @brief The lowest possible age (the age when known); -1 for NULL. */
PAROER_API int32_t paroer_relative_age_min(const paroer_relative *r);
/** @brief The highest possible age (the age when known); -1 for NULL. */
PAROER_API int32_t paroer_relative_age_max(const paroer_relative *r);
/** @brief Municipality code. */
PAROER_API int32_t paroer_relative_municipality(const paroer_relative *r);
/** @brief 1 when known to be employed (0 when not, or unknown). */
PAROER_API int paroer_relative_employed(const paroer_relative *r);
/** @brief `employed` as 1, 0 or #PAROER_UNKNOWN (0 for NULL). */
PAROER_API int paroer_relative_employed_state(const paroer_relative *r);
/** @brief 1 when some fact of the relative or of one of its relations is unknown. */
PAROER_API int paroer_relative_has_unknowns(const paroer_relative *r);
/** @brief Stated needs (mask of #paroer_need; 0 = none stated). */
PAROER_API uint32_t paroer_relative_needs(const paroer_relative *r);
/** @brief Acceptable modes (mask; 0 = any). */
PAROER_API uint32_t paroer_relative_modes(const paroer_relative *r);
/** @brief Available slots (mask; 0 = any). */
PAROER_API uint32_t paroer_relative_slots(const paroer_relative *r);
/** @brief Number of languages given (0 means "da"). */
PAROER_API size_t paroer_relative_language_count(const paroer_relative *r);
/** @brief Language @p i (borrowed), or NULL. */
PAROER_API const char *paroer_relative_language(const paroer_relative *r, size_t i);
/** @brief Number of relations. */
PAROER_API size_t paroer_relative_relation_count(const paroer_relative *r);
/** @brief The #paroer_relation of relation @p i, or -1. */
PAROER_API int32_t paroer_relative_relation_kind(const paroer_relative *r, size_t i);
/** @brief Conditions of relation @p i (mask of #paroer_condition; 0 when unknown). */
PAROER_API uint32_t paroer_relative_relation_conditions(const paroer_relative *r, size_t i);
/** @brief 1 when the conditions of relation @p i are known (0 when unknown or out of range). */
PAROER_API int paroer_relative_relation_conditions_known(const paroer_relative *r, size_t i);
/** @brief Cared-for age of relation @p i: 0..130, -1 when not given, #PAROER_UNKNOWN when unknown. */
PAROER_API int32_t paroer_relative_relation_cared_for_age(const paroer_relative *r, size_t i);
/** @brief Hours per week of relation @p i (0 when not given). */
PAROER_API double paroer_relative_relation_hours(const paroer_relative *r, size_t i);
/** @brief Flags of relation @p i known to be true (mask of #paroer_flag, without employed). */
PAROER_API uint32_t paroer_relative_relation_flags(const paroer_relative *r, size_t i);
/** @brief Flags of relation @p i that are unknown (mask of #paroer_flag, without employed). */
PAROER_API uint32_t paroer_relative_relation_unknown_flags(const paroer_relative *r, size_t i);
/**
 * @brief One flag of relation @p i as 1, 0 or #PAROER_UNKNOWN
 *        (#PAROER_FLAG_EMPLOYED gives the relative's).
 * @return The value, or -1 for NULL, an index out of range or an unknown flag.
 */
PAROER_API int paroer_relative_relation_flag(const paroer_relative *r, size_t i, int32_t flag);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
