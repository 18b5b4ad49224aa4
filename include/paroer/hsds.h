/**
 * @file hsds.h
 * @brief Reading and writing Open Referral HSDS 3.0 and 3.1 (contract section 7).
 *
 * @defgroup paroer_hsds HSDS
 * @brief Catalogs to and from the Human Services Data Specification.
 *
 * The Human Services Data Specification (HSDS, https://openreferral.org/) is the
 * open standard of service directories. paroer_catalog_to_hsds() writes a
 * catalog as a JSON array of HSDS `service` objects that validate against
 * the compiled schema of the chosen version; everything HSDS has no field
 * for travels in attributes of a taxonomy named `paroer` (plus Open
 * Eligibility and esd Services List terms where one fits) and in an `x-paroer`
 * extension member. paroer_catalog_from_hsds_file() and
 * paroer_catalog_from_hsds_buffer() read such an export back into the same
 * catalog, and read directories kept by others: a single service, an array
 * of services, an organization with its services, a page of services
 * (`service_list`), or a tabular data package (a directory with
 * `datapackage.json` and CSV files). The mapping, field by field, is in
 * docs/hsds.md.
 *
 * Every function here is reentrant: it touches only its arguments, and a
 * catalog may be exported from several threads at once.
 * @{
 */
#ifndef PAROER_HSDS_H
#define PAROER_HSDS_H

#include <paroer/catalog.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Current version of #paroer_hsds_options. */
#define PAROER_HSDS_OPTIONS_VERSION 1

/** @brief HSDS versions (#paroer_hsds_options.hsds_version). */
typedef enum paroer_hsds_version {
    PAROER_HSDS_3_0 = 30, /**< HSDS 3.0 as released. */
    PAROER_HSDS_3_1 = 31  /**< HSDS 3.1 (adds capacities and additional_urls). */
} paroer_hsds_version;

/** @brief Flags for #paroer_hsds_options.flags. */
typedef enum paroer_hsds_flag {
    /** Import: a service that cannot be mapped, and an unknown key in the
     *  paroer taxonomy, is an error (the import fails) instead of a warning. */
    PAROER_HSDS_STRICT = 1u << 0,
    /** Import: when a service names no kind (neither in the paroer taxonomy
     *  nor through an Open Eligibility or esd term), guess it from the words
     *  of its name and description (Danish and English). Off by default. */
    PAROER_HSDS_GUESS_KIND = 1u << 1
} paroer_hsds_flag;

/**
 * @brief Options of the HSDS export and import. Initialise with
 *        paroer_hsds_options_init(); fields are only ever appended, guarded by @c version.
 */
typedef struct paroer_hsds_options {
    uint32_t version;                  /**< #PAROER_HSDS_OPTIONS_VERSION. */
    int32_t hsds_version;              /**< Export: #PAROER_HSDS_3_0 or #PAROER_HSDS_3_1 (default). */
    uint32_t flags;                    /**< #paroer_hsds_flag bits. */
    const paroer_allocator *allocator; /**< For the result (catalog or text), or NULL. Copied. */
    paroer_diagnostics *diagnostics;   /**< If set, receives every error and warning (caller owns it). */
    uint32_t max_errors;               /**< Import: stop after this many errors; 0 means 100. */
    /** Import: the municipality of services whose areas name none (a directory
     *  of one municipality), or -1 (default: such services match nobody). */
    int32_t municipality;
    /** Export: the date written as `updated` of 3.1 capacities when the offer has
     *  no `verified` date; #PAROER_DATE_NONE (default) means today. */
    int32_t date;
} paroer_hsds_options;

/**
 * @brief Sets @p opts to the defaults for @p version.
 * @return #PAROER_OK, or #PAROER_EINVALID for NULL or an unknown version.
 * @par Thread safety
 * Reentrant.
 */
PAROER_API int paroer_hsds_options_init(paroer_hsds_options *opts, uint32_t version);

/**
 * @brief Writes a catalog as HSDS: a JSON array of `service` objects, one per
 *        offer, in catalog order, on one line without a final newline.
 *
 * Ids are UUIDs of version 5 derived from ours (the same catalog always gives
 * the same ids); our ids are kept in `paroer_id` attributes. Policies (which
 * HSDS has no object for) and the providers ride in the `x-paroer` member of
 * the first service. A catalog with policies but no offers has no service to
 * carry them: the output is `[]` and a warning saying so goes to
 * @p opts->diagnostics.
 *
 * @param c The catalog (only read).
 * @param opts Options (hsds_version, allocator, diagnostics, date), or NULL for the defaults.
 * @param[out] out The NUL-terminated UTF-8 text, allocated with @p opts->allocator:
 *             free it with paroer_free() when the options named none, else with
 *             that allocator. NULL on failure.
 * @param[out] len Its length in bytes without the NUL (may be NULL).
 * @return #PAROER_OK, #PAROER_EINVALID (NULL argument, unknown HSDS version,
 *         text that is not UTF-8) or #PAROER_ENOMEM.
 * @par Thread safety
 * Reentrant; a catalog may be exported from several threads at once.
 */
PAROER_API int paroer_catalog_to_hsds(const paroer_catalog *c, const paroer_hsds_options *opts, char **out,
                                      size_t *len);

/**
 * @brief Reads HSDS from a file, or from a data-package directory (one holding
 *        `datapackage.json` or `services.csv`).
 *
 * The JSON may be a service, an array of services, an organization with
 * `services`, or a page of services (`contents`). A service that cannot be
 * mapped (no name, no kind) is left out and reported as a warning naming its
 * id, name and reason (an error with #PAROER_HSDS_STRICT); problems in the
 * paroer taxonomy or the extension are errors at FILE:LINE:COLUMN with the
 * field path ("[3].attributes[2].value"); CSV problems at FILE:LINE.
 *
 * @param[out] out The catalog; the caller frees it with paroer_catalog_free(). NULL on failure.
 * @param path The file or directory.
 * @param opts Options, or NULL for the defaults.
 * @return #PAROER_OK, #PAROER_EIO, #PAROER_EPARSE, #PAROER_ESCHEMA, #PAROER_EDUPLICATE,
 *         #PAROER_ENOMEM or #PAROER_EINVALID.
 * @par Thread safety
 * Reentrant.
 */
PAROER_API int paroer_catalog_from_hsds_file(paroer_catalog **out, const char *path,
                                             const paroer_hsds_options *opts);

/**
 * @brief Reads several HSDS files or data packages into one catalog (ids must
 *        be unique across them, as in paroer_catalog_load_files()).
 * @param[out] out The catalog (caller frees with paroer_catalog_free()).
 * @param paths @p n file or directory names.
 * @param n How many (at least 1).
 * @param opts Options, or NULL.
 * @return As paroer_catalog_from_hsds_file().
 * @par Thread safety
 * Reentrant.
 */
PAROER_API int paroer_catalog_from_hsds_files(paroer_catalog **out, const char *const *paths, size_t n,
                                              const paroer_hsds_options *opts);

/**
 * @brief Reads HSDS JSON from memory.
 * @param[out] out The catalog (caller frees with paroer_catalog_free()).
 * @param data The JSON text; need not be NUL-terminated; not kept.
 * @param len Its length in bytes.
 * @param name A name used in messages, or NULL for "<buffer>".
 * @param opts Options, or NULL.
 * @return As paroer_catalog_from_hsds_file() (never #PAROER_EIO).
 * @par Thread safety
 * Reentrant.
 */
PAROER_API int paroer_catalog_from_hsds_buffer(paroer_catalog **out, const char *data, size_t len,
                                               const char *name, const paroer_hsds_options *opts);

/**
 * @brief Says whether a JSON text looks like HSDS rather than a libparoer
 *        document: an array whose first element, or an object that, has HSDS
 *        keys (a service's `status`/`service_areas`/`attributes`, an
 *        organization's `services`, a page's `contents`) and no `format`.
 * @param data The text (need not be NUL-terminated). @param len Its length.
 * @return 1 for HSDS, 0 otherwise (also for text that is not JSON).
 * @par Thread safety
 * Reentrant.
 */
PAROER_API int paroer_hsds_detect(const char *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
