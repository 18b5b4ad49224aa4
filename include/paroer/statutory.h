/**
 * @file statutory.h
 * @brief The statutory catalog: the schemes every relative in Denmark has by law.
 *
 * @defgroup paroer_statutory Statutory catalog
 * @brief Respite under Ældreloven § 16 and Serviceloven § 84, plejevederlag,
 *        employment to care for a close relative, Barnets Lov support, care
 *        leave, the psychologist scheme… (data/statutory.json, docs/statutory.md).
 *
 * The statutory catalog is installed with the library (its data directory)
 * and is never added behind the caller's back: a caller's own catalog means
 * exactly what it says, and paroer_catalog_load_with_statutory() adds the
 * statutory schemes on request. Its offers are nationwide, so matching and
 * coverage treat them as available in every municipality.
 * @{
 */
#ifndef PAROER_STATUTORY_H
#define PAROER_STATUTORY_H

#include <paroer/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Finds the statutory catalog file.
 *
 * Looks, in order, in the directory named by the environment variable
 * `PAROER_DATADIR`, in the installed data directory, and in the source
 * tree's data/ (for uninstalled builds); the first that holds a readable
 * statutory.json wins.
 * @param[out] buf Receives the NUL-terminated path.
 * @param size Size of @p buf.
 * @return #PAROER_OK, #PAROER_ENOTFOUND when no copy is found, #PAROER_EINVALID when @p buf is too small.
 */
PAROER_API int paroer_statutory_path(char *buf, size_t size);

/**
 * @brief Loads the statutory catalog followed by @p n catalog files, merged into one.
 * @param[out] out The merged catalog (caller frees with paroer_catalog_free()).
 * @param paths @p n further catalog files (may be NULL when @p n is 0).
 * @param n How many.
 * @param opts As for paroer_catalog_load_files(); NULL for defaults.
 * @return As paroer_catalog_load_files(), or #PAROER_ENOTFOUND when the statutory file is missing.
 */
PAROER_API int paroer_catalog_load_with_statutory(paroer_catalog **out, const char *const *paths, size_t n,
                                                  const paroer_load_options *opts);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
