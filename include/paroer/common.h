/**
 * @file common.h
 * @brief Export macro, error codes, error details, allocator, dates and version.
 *
 * @defgroup paroer_common Common definitions
 * @brief What every part of libparoer shares.
 *
 * Conventions used throughout the API:
 * - Fallible functions return `int`: #PAROER_OK (0) on success, a negative
 *   #paroer_status on failure; details of the last failure on the calling
 *   thread are in paroer_error_last().
 * - Objects are opaque handles created through an out-parameter and freed with
 *   their own `paroer_*_free()`, which accepts NULL.
 * - Strings are UTF-8 and NUL-terminated. Pointers returned by accessors are
 *   borrowed: they stay valid as long as the object they came from.
 * - Truth values are `int` (0 or 1); no `bool`, `long`, `time_t` or structs by
 *   value cross the ABI.
 * - The library never writes to stdout, stderr or any file it was not asked to
 *   write, never logs, and never calls exit() or abort().
 * @{
 */
#ifndef PAROER_COMMON_H
#define PAROER_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <paroer/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(PAROER_STATIC)
#  define PAROER_API
#elif defined(_WIN32)
#  ifdef PAROER_BUILDING
#    define PAROER_API __declspec(dllexport)
#  else
#    define PAROER_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define PAROER_API __attribute__((visibility("default")))
#else
#  define PAROER_API
#endif
/* Marks a deprecated function (docs/abi.md, "Deprecation"): callers get a warning. */
#if defined(__GNUC__) && (__GNUC__ > 3 || (__GNUC__ == 3 && __GNUC_MINOR__ >= 1))
#  define PAROER_DEPRECATED __attribute__((deprecated))
#elif defined(_MSC_VER)
#  define PAROER_DEPRECATED __declspec(deprecated)
#else
#  define PAROER_DEPRECATED
#endif
/** @endcond */

/**
 * @brief Status codes returned by fallible functions.
 *
 * Values are fixed forever; a retired value is never reused.
 */
typedef enum paroer_status {
    PAROER_OK       = 0,   /**< Success. */
    PAROER_ERROR    = -1,  /**< Reserved: returned only for an internal inconsistency (a library bug), never for bad input (docs/abi.md). */
    PAROER_ENOMEM   = -2,  /**< An allocation failed; nothing was changed. */
    PAROER_EINVALID = -3,  /**< A bad argument (NULL handle, value out of range). */
    PAROER_EPARSE   = -4,  /**< The input is not well-formed JSON or CSV. */
    PAROER_ESCHEMA  = -5,  /**< Well-formed input that breaks the contract (type, code, range, reference). */
    PAROER_ENOTFOUND = -6, /**< A looked-up item does not exist. */
    PAROER_EIO      = -7,  /**< A file could not be read or written. */
    PAROER_EUSER    = -8,  /**< A caller's callback returned non-zero; never produced by the library itself. */
    PAROER_ITEROVER = -9,  /**< Reserved for iterators (not an error); no function returns it yet (docs/abi.md). */
    PAROER_EDUPLICATE = -10 /**< An id was already used by an object of the same kind. */
} paroer_status;

/**
 * @brief Details of the last failure on the calling thread.
 *
 * Owned by the library; valid until the next libparoer call on the same
 * thread. Read it on the thread that got the error. Fields are only ever
 * appended in later versions.
 */
typedef struct paroer_error_info {
    int code;             /**< The #paroer_status of the failure. */
    const char *message;  /**< One line of UTF-8, never NULL (empty when there is no error). */
    const char *source;   /**< File or buffer name, or "" when not about input. */
    int64_t line;         /**< 1-based line in @c source, or 0 when unknown. */
    int64_t column;       /**< 1-based column (in bytes) in @c source, or 0 when unknown. */
    int64_t byte_offset;  /**< 0-based byte offset in @c source, or -1 when unknown. */
    const char *path;     /**< Field path such as "offers[3].target.conditions[1]", or "". */
} paroer_error_info;

/**
 * @brief The details of the last failure on this thread.
 * @return A pointer owned by the library, never NULL. Thread-safe: each
 *         thread has its own record.
 */
PAROER_API const paroer_error_info *paroer_error_last(void);

/**
 * @brief Clears the calling thread's error record.
 */
PAROER_API void paroer_error_clear(void);

/**
 * @brief A static English description of a status code.
 * @param code A #paroer_status value (unknown values give "unknown error").
 * @return A static string; never NULL, never to be freed. Thread-safe.
 */
PAROER_API const char *paroer_strerror(int code);

/**
 * @brief Custom allocation functions for one object and everything it owns.
 *
 * Pass a pointer to one in an options struct; NULL means the C library's
 * malloc/realloc/free. The struct is copied, so it need not outlive the call,
 * but @c ctx must outlive every object created with it. The functions must be
 * thread-safe if objects made with them are used from several threads.
 * libparoer's JSON parser (jansson) allocates through its own process-wide
 * functions, which libparoer never changes: parser allocations are not seen
 * by these hooks, and a failing one is reported as #PAROER_ENOMEM.
 */
typedef struct paroer_allocator {
    void *(*malloc_fn)(void *ctx, size_t size);                           /**< Allocate @p size bytes. */
    void *(*realloc_fn)(void *ctx, void *ptr, size_t old_size, size_t new_size); /**< Resize. */
    void (*free_fn)(void *ctx, void *ptr);                                /**< Free (ptr may be NULL). */
    void *ctx;                                                            /**< Passed to each function. */
} paroer_allocator;

/**
 * @brief Frees memory that libparoer allocated with the default allocator and
 *        handed to the caller (for example the text of paroer_match_result_to_json()).
 * @param ptr Memory to free; NULL is allowed.
 */
PAROER_API void paroer_free(void *ptr);

/** @name Dates
 * Dates are civil dates held as an `int32_t` count of days since 1970-01-01
 * (negative before it). #PAROER_DATE_NONE marks "no date".
 * @{ */
/** "No date": an open bound, a missing value, or "today" in options. */
#define PAROER_DATE_NONE INT32_MIN

/**
 * @brief Builds a date from year, month and day.
 * @param[out] out The day number.
 * @param year 1..9999.
 * @param month 1..12.
 * @param day 1..31, within the month.
 * @return #PAROER_OK, or #PAROER_EINVALID for an impossible date (2026-02-30) or a year outside 1..9999.
 */
PAROER_API int paroer_date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day);

/**
 * @brief Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly 10 bytes).
 * @param[out] out The day number.
 * @param text The text; need not be NUL-terminated.
 * @param len Its length in bytes.
 * @return #PAROER_OK, or #PAROER_EINVALID when malformed or impossible.
 */
PAROER_API int paroer_date_parse(int32_t *out, const char *text, size_t len);

/**
 * @brief Writes a date as "YYYY-MM-DD" and a NUL into @p buf.
 * @param date A day number (not #PAROER_DATE_NONE).
 * @param buf At least 11 bytes.
 * @param size The size of @p buf.
 * @return #PAROER_OK, or #PAROER_EINVALID when @p buf is too small or the date out of range.
 */
PAROER_API int paroer_date_format(int32_t date, char *buf, size_t size);

/**
 * @brief Splits a date into year, month and day.
 * @return #PAROER_OK, or #PAROER_EINVALID for #PAROER_DATE_NONE or a NULL output.
 */
PAROER_API int paroer_date_to_ymd(int32_t date, int32_t *year, int32_t *month, int32_t *day);

/**
 * @brief Today's date in the local time zone.
 * @return The day number. Thread-safe.
 */
PAROER_API int32_t paroer_date_today(void);
/** @} */

/**
 * @brief The library's release as a string, e.g. "0.1.0".
 * @return A static string. Compare with #PAROER_VERSION_STRING to detect a
 *         header/library mismatch.
 */
PAROER_API const char *paroer_version(void);

/**
 * @brief The library's release as #PAROER_VERSION_HEX.
 */
PAROER_API uint32_t paroer_version_number(void);

/**
 * @brief The ABI version of the library that is running (the N of libparoer.so.N).
 *
 * A binding compares it with the ABI version it was written for.
 */
PAROER_API int paroer_abi_version(void);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
