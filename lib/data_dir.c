/* Finding the library's shipped data (statutory.json, municipalities.csv, ...)
 * at run time, from where the library itself was loaded (docs/install.md).
 *
 *   shared library:  <dir of libparoer.so>/<libdir -> datadir>  ("../share/paroer"),
 *                    then $PAROER_DATADIR,
 *                    then the source tree's data/ -- only for the library of the
 *                    build tree (it lies in the directory it was built in);
 *   static library:  $PAROER_DATADIR, then the configured <prefix>/share/paroer,
 *                    then the source tree's data/ -- only for programs that lie
 *                    in the build tree (the tests).
 *
 * Nothing is cached: each call looks again, so the function is as thread-safe
 * as getenv(). */
#define _GNU_SOURCE 1 /* dladdr, Dl_info */
#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if !defined(PAROER_STATIC)
#include <dlfcn.h>
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
/* The installed data directory relative to the installed library directory. */
#ifndef PAROER_LIBDIR_TO_DATADIR
#define PAROER_LIBDIR_TO_DATADIR "../share/paroer"
#endif
/* The configured absolute data directory (static library only). */
#ifndef PAROER_DATADIR
#define PAROER_DATADIR "/usr/local/share/paroer"
#endif
/* Where the build tree's shared library lies, and where its programs lie. */
#ifndef PAROER_BUILD_LIBDIR
#define PAROER_BUILD_LIBDIR ""
#endif
#ifndef PAROER_BUILD_DIR
#define PAROER_BUILD_DIR ""
#endif
#ifndef PAROER_SOURCE_DATADIR
#define PAROER_SOURCE_DATADIR ""
#endif

enum { MAX_DIRS = 3 };

typedef struct data_dir {
    char path[PATH_MAX];
    const char *what; /* for the message: where the directory comes from */
} data_dir;

#if !defined(PAROER_STATIC)
/* Copies the directory part of @p file (without the final '/') into dst. */
static int dir_of(char *dst, size_t size, const char *file)
{
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0;
    if (!slash) { file = "."; n = 1; }
    if (n == 0) { file = "/"; n = 1; }
    if (n >= size) return -1;
    memcpy(dst, file, n);
    dst[n] = '\0';
    return 0;
}

/* 1 when the real path of @p dir is the real path of @p want (both non-empty). */
static int same_dir(const char *dir, const char *want)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!dir[0] || !want[0] || !realpath(dir, a) || !realpath(want, b)) return 0;
    return strcmp(a, b) == 0;
}

/* Any object of the library: dladdr() names the file it was loaded from. */
static const char anchor = 0;

/* The directory the shared library was loaded from (symlinks resolved). */
static int library_dir(char *dst, size_t size)
{
    Dl_info info;
    if (!dladdr(&anchor, &info) || !info.dli_fname || !info.dli_fname[0]) return -1;
    char real[PATH_MAX];
    const char *file = realpath(info.dli_fname, real) ? real : info.dli_fname;
    return dir_of(dst, size, file);
}
#else
/* 1 when the running program lies inside the build tree (the tests). */
static int program_in_build_tree(void)
{
    char exe[PATH_MAX], build[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || !PAROER_BUILD_DIR[0] || !realpath(PAROER_BUILD_DIR, build)) return 0;
    exe[n] = '\0';
    size_t len = strlen(build);
    return strncmp(exe, build, len) == 0 && exe[len] == '/';
}
#endif

/* The candidate directories, in order. Returns how many. */
static int candidates(data_dir dirs[MAX_DIRS])
{
    int n = 0;
    const char *env = getenv("PAROER_DATADIR");
#if !defined(PAROER_STATIC)
    char libdir[PATH_MAX];
    int have_libdir = library_dir(libdir, sizeof libdir) == 0;
    if (have_libdir) {
        char joined[PATH_MAX];
        int k = snprintf(joined, sizeof joined, "%s/%s", libdir, PAROER_LIBDIR_TO_DATADIR);
        if (k > 0 && (size_t)k < sizeof joined) {
            /* <prefix>/share/paroer rather than <prefix>/lib/../share/paroer when it exists */
            if (!realpath(joined, dirs[n].path)) memcpy(dirs[n].path, joined, (size_t)k + 1);
            dirs[n++].what = "next to the library";
        }
    }
    if (env && env[0] && strlen(env) < sizeof dirs[n].path) {
        snprintf(dirs[n].path, sizeof dirs[n].path, "%s", env);
        dirs[n++].what = "$PAROER_DATADIR";
    }
    if (have_libdir && PAROER_SOURCE_DATADIR[0] != '\0' && same_dir(libdir, PAROER_BUILD_LIBDIR)) {
        snprintf(dirs[n].path, sizeof dirs[n].path, "%s", PAROER_SOURCE_DATADIR);
        dirs[n++].what = "the source tree, for the build tree's library";
    }
#else
    if (env && env[0] && strlen(env) < sizeof dirs[n].path) {
        snprintf(dirs[n].path, sizeof dirs[n].path, "%s", env);
        dirs[n++].what = "$PAROER_DATADIR";
    }
    snprintf(dirs[n].path, sizeof dirs[n].path, "%s", PAROER_DATADIR);
    dirs[n++].what = "the configured data directory";
    if (PAROER_SOURCE_DATADIR[0] && program_in_build_tree()) {
        snprintf(dirs[n].path, sizeof dirs[n].path, "%s", PAROER_SOURCE_DATADIR);
        dirs[n++].what = "the source tree, for a program of the build tree";
    }
#endif
    return n;
}

static int is_kind(const char *path, int want_dir)
{
    struct stat st;
    if (stat(path, &st) != 0) return 0;
    if (want_dir) return S_ISDIR(st.st_mode);
    return S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* A data file's name: relative, no "." or ".." component, no empty one. */
static int valid_name(const char *file)
{
    if (file[0] == '/') return 0;
    for (const char *p = file; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.')) return 0;
        p += n;
        if (*p == '/') p++;
        if (!*p && p[-1] == '/') return 0;
    }
    return 1;
}

int paroer_data_path(char *buf, size_t size, const char *file)
{
    if (!buf || size == 0) return pr_error(PAROER_EINVALID, "buffer is NULL or empty");
    buf[0] = '\0';
    int want_dir = !file || !file[0];
    if (!want_dir && !valid_name(file))
        return pr_error(PAROER_EINVALID, "a data file's name is relative to the data directory, without '.' or '..'");
    data_dir dirs[MAX_DIRS];
    int n = candidates(dirs);
    for (int i = 0; i < n; i++) {
        char path[PATH_MAX];
        int k = want_dir ? snprintf(path, sizeof path, "%s", dirs[i].path)
                         : snprintf(path, sizeof path, "%s/%s", dirs[i].path, file);
        if (k < 0 || (size_t)k >= sizeof path || !is_kind(path, want_dir)) continue;
        if ((size_t)k >= size) return pr_error(PAROER_EINVALID, "buffer too small for the data path (%d bytes needed)", k + 1);
        memcpy(buf, path, (size_t)k + 1);
        return PAROER_OK;
    }
    char tried[768];
    size_t used = 0;
    tried[0] = '\0';
    for (int i = 0; i < n && used < sizeof tried; i++) {
        int k = snprintf(tried + used, sizeof tried - used, "%s%s (%s)", i ? ", " : "", dirs[i].path, dirs[i].what);
        if (k < 0) break;
        used += (size_t)k;
    }
    const char *env = getenv("PAROER_DATADIR");
    if (n == 0) snprintf(tried, sizeof tried, "nowhere (the library's location is unknown)");
    return pr_error(PAROER_ENOTFOUND, "%s not found; looked in %s%s. Install the library's data or set PAROER_DATADIR",
                    want_dir ? "the data directory" : file, tried,
                    env && env[0] ? "" : "; $PAROER_DATADIR is not set");
}
