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
 * @brief Finds a file of the data installed with the library (or its data directory).
 *
 * The library's data (statutory.json, municipalities.csv, kl-codes.tsv, the
 * shipped catalogs) is installed to `<prefix>/share/paroer`. It is found at
 * run time, so a prefix that is moved or packaged still works. The directories
 * are tried in this order, and the first that holds a readable @p file wins:
 *
 * 1. next to the shared library: the directory `libparoer.so.1` was loaded
 *    from (symbolic links resolved), then the installed data directory's path
 *    relative to the installed library directory (`../share/paroer` for the
 *    usual `lib` and `share`);
 * 2. the directory named by the environment variable `PAROER_DATADIR`;
 * 3. for the build tree's own library only (the one lying in the directory it
 *    was built in), the source tree's `data/`. An installed copy never looks
 *    into the source tree.
 *
 * The static library (`libparoer.a`) cannot know where it was installed: it
 * tries `PAROER_DATADIR`, then the data directory configured at build time
 * (`<CMAKE_INSTALL_PREFIX>/share/paroer`), then, for programs lying in the
 * build tree (the tests), the source tree's `data/`.
 *
 * Nothing is cached: every call looks again.
 *
 * @param[out] buf Receives the NUL-terminated path (the empty string on failure).
 *        Owned by the caller.
 * @param size Size of @p buf; a path is at most `PATH_MAX` (4096) bytes.
 * @param file A file name relative to the data directory (`"municipalities.csv"`),
 *        without `.` or `..` components; NULL or `""` asks for the first of the
 *        directories above that exists.
 * @return #PAROER_OK; #PAROER_ENOTFOUND when no directory holds @p file (the
 *         message of paroer_error_last() names every directory tried);
 *         #PAROER_EINVALID when @p buf is NULL or too small, or @p file is
 *         absolute or has a `.` or `..` component.
 * @par Thread safety
 *         Safe from any thread; it reads the environment, so it must not race
 *         with setenv() or putenv() of another thread (as getenv()).
 */
PAROER_API int paroer_data_path(char *buf, size_t size, const char *file);

/**
 * @brief Finds the statutory catalog file, statutory.json, of the library's data.
 *
 * The same as `paroer_data_path(buf, size, "statutory.json")`: next to the
 * shared library (`<prefix>/share/paroer`), then `PAROER_DATADIR`, then (for
 * the build tree's library only) the source tree's data/.
 * @param[out] buf Receives the NUL-terminated path (owned by the caller).
 * @param size Size of @p buf.
 * @return #PAROER_OK, #PAROER_ENOTFOUND when no copy is found (the message
 *         names every directory tried), #PAROER_EINVALID when @p buf is too small.
 * @par Thread safety
 *         As paroer_data_path().
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
