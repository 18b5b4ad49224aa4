/* Locating and loading the statutory catalog shipped with the library
 * (the data directory is found in data_dir.c). */
#include "model.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int paroer_statutory_path(char *buf, size_t size)
{
    return paroer_data_path(buf, size, "statutory.json");
}

int paroer_catalog_load_with_statutory(paroer_catalog **out, const char *const *paths, size_t n,
                                       const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (n && !paths) return pr_error(PAROER_EINVALID, "paths is NULL");
    char path[4096];
    int rc = paroer_statutory_path(path, sizeof path);
    if (rc) return rc;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    if (n > SIZE_MAX / sizeof(char *) - 1) return pr_error(PAROER_EINVALID, "too many paths");
    const char **all = pr_malloc(&a, (n + 1) * sizeof *all);
    if (!all) return pr_error(PAROER_ENOMEM, "out of memory");
    all[0] = path;
    for (size_t i = 0; i < n; i++) all[i + 1] = paths[i];
    rc = paroer_catalog_load_files(out, all, n + 1, opts);
    pr_free(&a, all);
    return rc;
}
