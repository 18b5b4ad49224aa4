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
 * @brief Creates a relative with no relations yet.
 * @param[out] out The relative; free with paroer_relative_free().
 * @param id A pseudonym (copied; may be NULL for none).
 * @param age Age in whole years, 0..130.
 * @param municipality Municipality code 1..999.
 * @param allocator Allocator, or NULL.
 * @return #PAROER_OK, #PAROER_EINVALID or #PAROER_ENOMEM.
 */
PAROER_API int paroer_relative_new(paroer_relative **out, const char *id, int32_t age, int32_t municipality,
                                   const paroer_allocator *allocator);

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

/** @brief Sets whether the relative is in work (flag `employed`). */
PAROER_API int paroer_relative_set_employed(paroer_relative *r, int employed);
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
/** @brief Adds a condition (#paroer_condition) of the cared-for person of relation @p i. */
PAROER_API int paroer_relative_relation_add_condition(paroer_relative *r, size_t i, int32_t condition);
/** @brief Sets the cared-for person's age (0..130), or -1 for unknown (the default). */
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
 * @param value 1 to set the flag, 0 to clear it.
 */
PAROER_API int paroer_relative_relation_set_flag(paroer_relative *r, size_t i, int32_t flag, int value);

/** @brief The pseudonym (borrowed; "" when none). */
PAROER_API const char *paroer_relative_id(const paroer_relative *r);
/** @brief Age in years. */
PAROER_API int32_t paroer_relative_age(const paroer_relative *r);
/** @brief Municipality code. */
PAROER_API int32_t paroer_relative_municipality(const paroer_relative *r);
/** @brief 1 when employed. */
PAROER_API int paroer_relative_employed(const paroer_relative *r);
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
/** @brief Conditions of relation @p i (mask of #paroer_condition). */
PAROER_API uint32_t paroer_relative_relation_conditions(const paroer_relative *r, size_t i);
/** @brief Cared-for age of relation @p i, or -1 when unknown. */
PAROER_API int32_t paroer_relative_relation_cared_for_age(const paroer_relative *r, size_t i);
/** @brief Hours per week of relation @p i (0 when not given). */
PAROER_API double paroer_relative_relation_hours(const paroer_relative *r, size_t i);
/** @brief Flags of relation @p i (mask of #paroer_flag, without employed). */
PAROER_API uint32_t paroer_relative_relation_flags(const paroer_relative *r, size_t i);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
