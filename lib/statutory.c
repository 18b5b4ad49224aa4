/* Locating and loading the statutory catalog shipped with the library. */
#include "model.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PAROER_DATADIR
#define PAROER_DATADIR "/usr/local/share/paroer"
#endif
#ifndef PAROER_SOURCE_DATADIR
#define PAROER_SOURCE_DATADIR ""
#endif

static int try_dir(const char *dir, char *buf, size_t size)
{
    if (!dir || !dir[0]) return PAROER_ENOTFOUND;
    int n = snprintf(buf, size, "%s/statutory.json", dir);
    if (n < 0 || (size_t)n >= size) return PAROER_EINVALID;
    FILE *f = fopen(buf, "rb");
    if (!f) return PAROER_ENOTFOUND;
    fclose(f);
    return PAROER_OK;
}

int paroer_statutory_path(char *buf, size_t size)
{
    if (!buf || size == 0) return pr_error(PAROER_EINVALID, "buffer is NULL or empty");
    const char *dirs[3] = {getenv("PAROER_DATADIR"), PAROER_DATADIR, PAROER_SOURCE_DATADIR};
    for (int i = 0; i < 3; i++) {
        int rc = try_dir(dirs[i], buf, size);
        if (rc == PAROER_OK) return PAROER_OK;
        if (rc == PAROER_EINVALID) return pr_error(PAROER_EINVALID, "buffer too small for the statutory catalog's path");
    }
    buf[0] = '\0';
    return pr_error(PAROER_ENOTFOUND, "statutory.json not found (set PAROER_DATADIR, or install the library's data)");
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
