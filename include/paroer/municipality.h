/**
 * @file municipality.h
 * @brief The 98 Danish municipalities: names and regions by municipality code.
 *
 * @defgroup paroer_municipality Municipalities
 * @brief Names of municipalities and regions, compiled into the library.
 *
 * The table is generated from `data/municipalities.csv` (by
 * `tools/gen_municipalities.py`) and compiled in, so a look-up reads no file
 * and needs no data directory. Names are UTF-8 in Danish ("København",
 * "Odsherred"); they are the same in every language. Every function is
 * thread-safe and every returned string is static (never freed).
 * @{
 */
#ifndef PAROER_MUNICIPALITY_H
#define PAROER_MUNICIPALITY_H

#include <paroer/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Number of municipalities in the table (98). */
PAROER_API size_t paroer_municipality_count(void);

/**
 * @brief The code of municipality @p i, in ascending code order.
 * @param i 0 .. paroer_municipality_count() - 1.
 * @return The municipality code (101 .. 860), or -1 when @p i is out of range.
 */
PAROER_API int32_t paroer_municipality_code(size_t i);

/**
 * @brief The name of a municipality ("Odsherred" for 306), without "Kommune".
 * @param code A municipality code.
 * @return A static UTF-8 string, or NULL for a code that is not a municipality.
 */
PAROER_API const char *paroer_municipality_name(int32_t code);

/**
 * @brief The region of a municipality ("Sjælland" for 306), without "Region".
 * @param code A municipality code.
 * @param[out] region_code The region's code (1081 .. 1085); may be NULL. Set to -1 when not found.
 * @return A static UTF-8 string, or NULL for a code that is not a municipality.
 */
PAROER_API const char *paroer_municipality_region(int32_t code, int32_t *region_code);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
