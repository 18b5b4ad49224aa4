/* The thread-local record of the last failure (libgit2's model): each thread
 * sees only its own errors, and reading it never allocates. */
#include "internal.h"
#include <stdio.h>
#include <string.h>

#define PR_MSG_MAX 1024
#define PR_SRC_MAX 512
#define PR_PATH_MAX 256

typedef struct pr_error_slot {
    paroer_error_info info;
    char message[PR_MSG_MAX];
    char source[PR_SRC_MAX];
    char path[PR_PATH_MAX];
} pr_error_slot;

static _Thread_local pr_error_slot tls_error;

static pr_error_slot *slot(void)
{
    pr_error_slot *s = &tls_error;
    if (!s->info.message) {
        s->info.message = s->message;
        s->info.source = s->source;
        s->info.path = s->path;
        s->info.byte_offset = -1;
    }
    return s;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    if (!src) src = "";
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int set_error(int code, const char *source, int64_t line, int64_t column, int64_t offset,
                     const char *path, const char *fmt, va_list ap)
{
    pr_error_slot *s = slot();
    s->info.code = code;
    vsnprintf(s->message, sizeof s->message, fmt, ap);
    copy_str(s->source, sizeof s->source, source);
    copy_str(s->path, sizeof s->path, path);
    s->info.line = line;
    s->info.column = column;
    s->info.byte_offset = offset;
    return code;
}

int pr_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(code, "", 0, 0, -1, "", fmt, ap);
    va_end(ap);
    return code;
}

int pr_error_at(int code, const char *source, int64_t line, int64_t column, int64_t offset,
                const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(code, source, line, column, offset, path, fmt, ap);
    va_end(ap);
    return code;
}

void pr_error_clear(void)
{
    pr_error_slot *s = slot();
    s->info.code = 0;
    s->message[0] = s->source[0] = s->path[0] = '\0';
    s->info.line = s->info.column = 0;
    s->info.byte_offset = -1;
}

const paroer_error_info *paroer_error_last(void) { return &slot()->info; }

void paroer_error_clear(void) { pr_error_clear(); }

const char *paroer_strerror(int code)
{
    switch (code) {
    case PAROER_OK: return "success";
    case PAROER_ERROR: return "error";
    case PAROER_ENOMEM: return "out of memory";
    case PAROER_EINVALID: return "invalid argument";
    case PAROER_EPARSE: return "malformed input";
    case PAROER_ESCHEMA: return "input does not follow the contract";
    case PAROER_ENOTFOUND: return "not found";
    case PAROER_EIO: return "input/output error";
    case PAROER_EUSER: return "stopped by a callback";
    case PAROER_ITEROVER: return "no more items";
    case PAROER_EDUPLICATE: return "duplicate id";
    default: return "unknown error";
    }
}
