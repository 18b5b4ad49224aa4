/**
 * @file klcodes.h
 * @brief Mappings between libparoer's codes and KL's code systems (FSIII, FFB).
 *
 * @defgroup paroer_klcodes KL code mappings
 * @brief Let a case system that speaks KL's Fælles Sprog III (interventions,
 *        OID 1.2.208.176.2.21) or Fælles Faglige Begreber (target groups,
 *        OID 1.2.208.176.2.22) go from its codes to ours and back.
 *
 * The table is built into the library (from data/kl-codes.tsv, documented in
 * docs/vocabulary.md). Entries are addressed by index; all strings are static.
 * One external code may map to several of ours (an FSIII group covering both
 * respite kinds) and one of ours to several external codes. All functions are
 * pure and thread-safe. To find the offers carrying an FSIII code in a loaded
 * catalog, use paroer_catalog_find_by_code().
 * @{
 */
#ifndef PAROER_KLCODES_H
#define PAROER_KLCODES_H

#include <paroer/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The OID of KL's FSIII interventions code system. */
#define PAROER_SYSTEM_FSIII "urn:oid:1.2.208.176.2.21"
/** The OID of KL's FFB target-group code system. */
#define PAROER_SYSTEM_FFB "urn:oid:1.2.208.176.2.22"

/** @brief Number of mapping entries. */
PAROER_API size_t paroer_kl_count(void);
/** @brief Code system of entry @p i (static string), or NULL when out of range. */
PAROER_API const char *paroer_kl_system(size_t i);
/** @brief External code of entry @p i (static), or NULL. */
PAROER_API const char *paroer_kl_code(size_t i);
/** @brief KL's Danish label of entry @p i (static), or NULL. */
PAROER_API const char *paroer_kl_label(size_t i);
/** @brief A note on the mapping (static, possibly ""), or NULL. */
PAROER_API const char *paroer_kl_note(size_t i);
/** @brief The #paroer_vocab list entry @p i maps to, or -1. */
PAROER_API int32_t paroer_kl_list(size_t i);
/** @brief The value in that list, or -1. */
PAROER_API int32_t paroer_kl_value(size_t i);

/**
 * @brief Entries for an external code (system and code, NUL-terminated).
 * @param system The code system, e.g. "urn:oid:1.2.208.176.2.21" (FSIII).
 * @param code The code within it.
 * @param cap Room in @p out.
 * @param[out] out Up to @p cap entry indexes (may be NULL when @p cap is 0).
 * @return The number of entries (may exceed @p cap); 0 when unknown.
 */
PAROER_API size_t paroer_kl_lookup(const char *system, const char *code, size_t *out, size_t cap);

/**
 * @brief Entries mapping to one of our codes, e.g. (PAROER_VOCAB_CONDITION, PAROER_CONDITION_DEMENTIA).
 * @param list A #paroer_vocab.
 * @param value A value of that list.
 * @param cap Room in @p out.
 * @param[out] out Up to @p cap entry indexes (may be NULL when @p cap is 0).
 * @return The number of entries (may exceed @p cap).
 */
PAROER_API size_t paroer_kl_codes_for(int32_t list, int32_t value, size_t *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
