/**
 * @file file.h
 * @brief Writing a file so that it is never half-written; reading one whole.
 *
 * @defgroup paroer_file Files
 * @brief The one way libparoer and the `paroer` tool write files.
 * @{
 */
#ifndef PAROER_FILE_H
#define PAROER_FILE_H

#include <paroer/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Writes @p len bytes of @p data to the file @p path atomically.
 *
 * The bytes go to a new temporary file in the same directory
 * (`.NAME.paroer-XXXXXX`), which is flushed to disk and then renamed over
 * @p path. A full disk, a kill or a crash therefore leaves either the old
 * file or the complete new one, never part of one; on failure the temporary
 * file is removed and @p path is untouched. When @p path is a symbolic link,
 * the file it points to is replaced and the link stays. An existing file keeps
 * its permission bits; a new one gets 0666 less the umask. The caller keeps
 * ownership of @p data.
 *
 * Thread-safe for different paths; two writers of the same path race as
 * renames do (the last one wins, each file whole).
 *
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL or empty @p path or NULL
 *         @p data with a length; #PAROER_EIO when the file cannot be written
 *         (the error record says why, e.g. `cannot write the file: no space
 *         left on the device`); #PAROER_ENOMEM.
 */
PAROER_API int paroer_file_write(const char *path, const void *data, size_t len);

/**
 * @brief Reads the whole file @p path into memory, as the library's loaders do.
 *
 * A file that cannot be read fails with the same words as every loader
 * (`cannot open the file: no such file or directory`, `cannot read the file:
 * is a directory`), so a program reading files itself reports them as the
 * library does.
 * @param[out] data The bytes, followed by a NUL that @p len does not count;
 *        the caller frees them with paroer_free(). NULL on failure.
 * @param[out] len The number of bytes read (0 on failure).
 * @param path The file.
 * @return #PAROER_OK; #PAROER_EINVALID for a NULL output or a NULL or empty
 *         @p path; #PAROER_EIO when the file cannot be opened or read (the
 *         error record's source is @p path, its message says why);
 *         #PAROER_ENOMEM.
 * @par Thread safety
 *         Safe from any thread.
 */
PAROER_API int paroer_file_read(void **data, size_t *len, const char *path);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
