/* Writing a file so that it is never half-written (lib/atomic_file.c): the
 * bytes go to a temporary file in the target's directory, which is flushed to
 * disk and then renamed over the target. A full disk, a kill or a crash leaves
 * either the old file or the new one, never a mix; a failure removes the
 * temporary file. Every file the library writes goes through here (and the
 * CLI's, through paroer_file_write()). */
#ifndef PR_ATOMIC_FILE_H
#define PR_ATOMIC_FILE_H

#include "internal.h"
#include <stdio.h>

typedef struct pr_atomic_file {
    FILE *fp;          /* write the content here */
    char *tmp;         /* the temporary file's path */
    char *target;      /* the file it replaces (a symbolic link's target) */
    int mode;          /* permission bits to give it, or -1 to keep the creation mode */
    paroer_allocator alloc;
} pr_atomic_file;

/* Creates the temporary file for `path`. Returns 0, PAROER_EIO (the error
 * record says why; nothing is left behind) or PAROER_ENOMEM. */
int pr_atomic_open(pr_atomic_file *f, const char *path);
/* Flushes, syncs and renames the temporary file over the target. Returns 0 or
 * PAROER_EIO (the temporary file is removed, the target untouched). Always
 * releases f. */
int pr_atomic_commit(pr_atomic_file *f);
/* Gives up: removes the temporary file and releases f. */
void pr_atomic_abort(pr_atomic_file *f);
/* pr_atomic_open + one write + pr_atomic_commit. */
int pr_atomic_write(const char *path, const void *data, size_t len);

#endif
