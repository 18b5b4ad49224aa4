/* Atomic file writes (lib/atomic_file.h, include/paroer/file.h). */
#if !defined(_WIN32)
#  ifndef _POSIX_C_SOURCE
#    define _POSIX_C_SOURCE 200809L
#  endif
#  ifndef _DEFAULT_SOURCE
#    define _DEFAULT_SOURCE 1   /* realpath */
#  endif
#endif
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *why(int e)
{
    switch (e) {
    case ENOENT: return "no such directory";
    case EACCES: case EPERM: return "permission denied";
    case EISDIR: return "is a directory";
    case ENOTDIR: return "a part of the path is not a directory";
    case ENAMETOOLONG: return "file name too long";
    case ENOSPC: return "no space left on the device";
#ifdef EDQUOT
    case EDQUOT: return "disk quota exceeded";
#endif
    case EFBIG: return "file too large";
    case EROFS: return "read-only file system";
    case EMFILE: case ENFILE: return "too many open files";
    case ELOOP: return "too many levels of symbolic links";
    case EIO: return "input/output error";
    case EXDEV: return "the temporary file is on another device";
    default: return "error";
    }
}

static int fail(int e, const char *what)
{
    const char *w = why(e);
    if (strcmp(w, "error") == 0) return pr_error(PAROER_EIO, "cannot %s (error %d)", what, e);
    return pr_error(PAROER_EIO, "cannot %s: %s", what, w);
}

static void release(pr_atomic_file *f)
{
    pr_free(&f->alloc, f->tmp);
    pr_free(&f->alloc, f->target);
    f->tmp = f->target = NULL;
    f->fp = NULL;
}

int pr_atomic_open(pr_atomic_file *f, const char *path)
{
    memset(f, 0, sizeof *f);
    pr_alloc_resolve(&f->alloc, NULL);
    f->mode = -1;
    if (!path || !path[0]) return pr_error(PAROER_EINVALID, "no file name");
    /* A symbolic link stays one: its target is what is replaced. */
    struct stat st;
    char *real = NULL;
    const char *target = path;
    if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            real = realpath(path, NULL);
            if (!real) return fail(errno, "resolve the symbolic link");
            target = real;
            if (stat(target, &st) != 0) { int e = errno; free(real); return fail(e, "write the file"); }
        }
        if (S_ISDIR(st.st_mode)) { free(real); return fail(EISDIR, "write the file"); }
        if (!S_ISREG(st.st_mode)) { free(real); return pr_error(PAROER_EIO, "cannot write the file: it is not a regular file"); }
        f->mode = (int)(st.st_mode & 07777);
    }
    size_t n = strlen(target);
    f->target = pr_strndup(&f->alloc, target, n);
    f->tmp = pr_malloc(&f->alloc, n + 32);
    free(real);
    if (!f->target || !f->tmp) {
        release(f);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    /* ".NAME.paroer-XXXXXX" next to the target, created exclusively with mode
     * 0666 (the umask applies, as for any new file). */
    const char *slash = strrchr(f->target, '/');
    size_t dir = slash ? (size_t)(slash - f->target) + 1 : 0;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long seed = (unsigned long)getpid() * 2654435761u ^ (unsigned long)ts.tv_nsec ^
                         (unsigned long)(uintptr_t)f ^ (unsigned long)ts.tv_sec;
    int fd = -1, e = 0;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        snprintf(f->tmp, n + 32, "%.*s.%s.paroer-%06lx", (int)dir, f->target, f->target + dir,
                 (seed >> 20) & 0xFFFFFFu);
        fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        e = errno;
        if (fd < 0 && e != EEXIST) break;
    }
    if (fd < 0) {
        release(f);
        return fail(e, "create a temporary file next to the file");
    }
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        e = errno;
        close(fd);
        unlink(f->tmp);
        release(f);
        return fail(e, "write the file");
    }
    return 0;
}

void pr_atomic_abort(pr_atomic_file *f)
{
    if (f->fp) fclose(f->fp);
    if (f->tmp) unlink(f->tmp);
    release(f);
}

int pr_atomic_commit(pr_atomic_file *f)
{
    if (!f->fp) {
        release(f);
        return pr_error(PAROER_EINVALID, "no file is open");
    }
    int e = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp)) e = errno ? errno : EIO;
    if (!e && f->mode >= 0 && fchmod(fileno(f->fp), (mode_t)f->mode) != 0) e = errno;
    if (!e && fsync(fileno(f->fp)) != 0 && errno != EINVAL) e = errno;
    if (fclose(f->fp) != 0 && !e) e = errno ? errno : EIO;
    f->fp = NULL;
    if (!e && rename(f->tmp, f->target) != 0) e = errno;
    if (e) {
        unlink(f->tmp);
        release(f);
        return fail(e, "write the file");
    }
    /* The rename itself reaches the disk with the directory (best effort). */
    const char *slash = strrchr(f->target, '/');
    if (slash) f->target[slash == f->target ? 1 : (size_t)(slash - f->target)] = '\0';
    int dfd = open(slash ? f->target : ".", O_RDONLY);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    release(f);
    return 0;
}

int pr_atomic_write(const char *path, const void *data, size_t len)
{
    pr_atomic_file f;
    int rc = pr_atomic_open(&f, path);
    if (rc) return rc;
    errno = 0;
    if (len && fwrite(data, 1, len, f.fp) != len) {
        int e = errno ? errno : EIO;
        pr_atomic_abort(&f);
        return fail(e, "write the file");
    }
    return pr_atomic_commit(&f);
}

int paroer_file_write(const char *path, const void *data, size_t len)
{
    if (!path) return pr_error(PAROER_EINVALID, "path is NULL");
    if (!data && len) return pr_error(PAROER_EINVALID, "data is NULL");
    return pr_atomic_write(path, data, len);
}
