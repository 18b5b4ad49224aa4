/* The tabular form of HSDS: a directory with datapackage.json and one CSV
 * file per table (services.csv, organizations.csv, service_areas.csv, ...).
 * The rows are joined back into the nested service objects of the JSON form
 * (children by service_id, attributes by link_id, terms by
 * taxonomy_term_id) and mapped by the same code (lib/hsds_import.c).
 * Problems are reported at FILE:LINE: CSV syntax at the row's line in its
 * file, mapping problems at the service's row of services.csv. */
#define _POSIX_C_SOURCE 200809L
#include "csv.h"
#include "hsds_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int pr_hsds_is_package(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/datapackage.json", path);
    if (stat(buf, &st) == 0) return 1;
    snprintf(buf, sizeof buf, "%s/services.csv", path);
    return stat(buf, &st) == 0;
}

typedef struct table {
    const char *name;       /* resource name, e.g. "services" */
    json_t *rows;           /* array of objects */
    int64_t *lines;         /* line of each row */
    size_t n;
    pr_strmap by_key;       /* key column -> first row */
    uint32_t *next;         /* next row with the same key */
} table;

enum { T_SERVICES, T_ORGANIZATIONS, T_AREAS, T_LANGUAGES, T_PHONES, T_SCHEDULES, T_COSTS, T_CONTACTS,
       T_CAPACITIES, T_ATTRIBUTES, T_TERMS, T_TAXONOMIES, T_UNITS, T_COUNT };
static const char *const table_names[T_COUNT] = {
    "services", "organizations", "service_areas", "languages", "phones", "schedules", "cost_options",
    "contacts", "service_capacity", "attributes", "taxonomy_terms", "taxonomies", "unit"};
/* The column rows are found by (NULL: not indexed). */
static const char *const key_columns[T_COUNT] = {
    NULL, "id", "service_id", "service_id", "service_id", "service_id", "service_id", "service_id",
    "service_id", "link_id", "id", "id", "id"};
/* Where the children go in the service object. */
static const char *const member_names[T_COUNT] = {
    NULL, "organization", "service_areas", "languages", "phones", "schedules", "cost_options", "contacts",
    "capacities", "attributes", NULL, NULL, NULL};

static int numeric_column(const char *c)
{
    static const char *const cols[] = {"minimum_age", "maximum_age", "interval", "count", "amount", "timezone",
                                       "extension", "available", "maximum", "latitude", "longitude",
                                       "year_incorporated"};
    for (size_t i = 0; i < PR_COUNT_OF(cols); i++)
        if (!strcmp(c, cols[i])) return 1;
    return 0;
}

typedef struct csv_loc { int64_t line; const int64_t *lines; size_t n; } csv_loc;

/* Paths are "[i]...": the line of service i. */
static int csv_locate(void *ctx, const char *path, int64_t *line, int64_t *column, int64_t *offset)
{
    csv_loc *L = ctx;
    *column = 0;
    *offset = -1;
    if (L->line > 0 || !path || path[0] != '[') {
        *line = L->line;
        return L->line > 0 ? 0 : 1;
    }
    size_t i = (size_t)strtoull(path + 1, NULL, 10);
    *line = i < L->n ? L->lines[i] : 0;
    return 0;
}

static void report_at(pr_hsds_im *I, const char *file, int64_t line, int code, const char *msg)
{
    csv_loc L = {line, NULL, 0};
    paroer_catalog_builder *b = pr_hsds_builder(I);
    pr_builder_begin_document(b, file, csv_locate, &L, -1);
    if (pr_builder_report(b, code ? PR_SEV_ERROR : PR_SEV_WARNING, code, "", "%s", msg) == PAROER_ENOMEM)
        pr_hsds_fail(I, PAROER_ENOMEM);
    pr_builder_end_document(b);
}

static int read_table(pr_hsds_im *I, table *t, const char *dir, const char *file, const paroer_allocator *a)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    struct stat st;
    if (stat(path, &st) != 0) return 0;   /* a table that is not there is empty */
    char *data = NULL;
    size_t len = 0;
    char why[160];
    int rc = pr_read_file(a, path, &data, &len, why, sizeof why);
    if (rc == PAROER_ENOMEM) return rc;
    if (rc) {
        report_at(I, path, 0, PAROER_EIO, why);
        return 0;
    }
    t->rows = json_array();
    if (!t->rows) { pr_free(a, data); return PAROER_ENOMEM; }
    pr_csv c;
    size_t start = len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
                           (unsigned char)data[2] == 0xBF ? 3 : 0;
    pr_csv_init(&c, a, data + start, len - start);
    enum { MAXF = 64 };
    pr_csv_field f[MAXF];
    char *header[MAXF];
    size_t nh = 0, n, cap = 0;
    int64_t line;
    const char *err;
    rc = 0;
    for (;;) {
        int r = pr_csv_next(&c, f, MAXF, &n, &line, &err);
        if (r == PR_CSV_EOF) break;
        if (r == PAROER_ENOMEM) { rc = r; break; }
        if (r == PR_CSV_BAD) {
            report_at(I, path, line, PAROER_EPARSE, err);
            continue;
        }
        if (n > MAXF) n = MAXF;
        if (!nh) {
            for (size_t i = 0; i < n; i++) {
                header[i] = pr_strndup(a, f[i].p, f[i].len);
                if (!header[i]) { nh = i; rc = PAROER_ENOMEM; break; }
            }
            if (rc) break;
            nh = n;
            continue;
        }
        if (n == 1 && f[0].len == 0) continue;   /* an empty line */
        json_t *row = json_object();
        if (!row || json_array_append_new(t->rows, row)) { rc = PAROER_ENOMEM; break; }
        for (size_t i = 0; i < n && i < nh; i++) {
            if (!f[i].len) continue;
            json_t *v = NULL;
            if (numeric_column(header[i])) {
                char num[64];
                char *end = NULL;
                if (f[i].len < sizeof num) {
                    memcpy(num, f[i].p, f[i].len);
                    num[f[i].len] = '\0';
                    double d = strtod(num, &end);
                    if (end && *end == '\0') v = json_real(d);
                }
            }
            if (!v) v = json_stringn(f[i].p, f[i].len);
            if (!v) {
                char msg[200];
                snprintf(msg, sizeof msg, "column \"%.60s\" is not valid UTF-8 text", header[i]);
                report_at(I, path, line, PAROER_EPARSE, msg);
                continue;
            }
            if (json_object_set_new(row, header[i], v)) { rc = PAROER_ENOMEM; break; }
        }
        if (rc) break;
        if (pr_grow(a, (void **)&t->lines, &cap, t->n + 1, sizeof *t->lines)) { rc = PAROER_ENOMEM; break; }
        t->lines[t->n++] = line;
    }
    for (size_t i = 0; i < nh; i++) pr_free(a, header[i]);
    pr_csv_free(&c);
    pr_free(a, data);
    return rc;
}

#define NO_ROW UINT32_MAX

static int index_table(table *t, const char *key, const paroer_allocator *a)
{
    pr_strmap_init(&t->by_key, a);
    if (!key || !t->n) return 0;
    t->next = pr_calloc(a, t->n, sizeof *t->next);
    uint32_t *tail = pr_calloc(a, t->n, sizeof *tail);
    if (!t->next || !tail) { pr_free(a, tail); return PAROER_ENOMEM; }
    for (size_t i = 0; i < t->n; i++) {
        t->next[i] = NO_ROW;
        tail[i] = (uint32_t)i;
        const json_t *k = json_object_get(json_array_get(t->rows, i), key);
        if (!json_is_string(k)) continue;
        uint32_t head;
        int rc = pr_strmap_put(&t->by_key, json_string_value(k), json_string_length(k), (uint32_t)i, &head);
        if (rc == PAROER_EDUPLICATE) {
            t->next[tail[head]] = (uint32_t)i;
            tail[head] = (uint32_t)i;
        } else if (rc) {
            pr_free(a, tail);
            return PAROER_ENOMEM;
        }
    }
    pr_free(a, tail);
    return 0;
}

static uint32_t first_row(const table *t, const json_t *key)
{
    uint32_t v;
    if (!t->rows || !json_is_string(key)) return NO_ROW;
    if (!pr_strmap_get(&t->by_key, json_string_value(key), json_string_length(key), &v)) return NO_ROW;
    return v;
}

/* A copy of attribute row r with its term (and the term's taxonomy name). */
static json_t *attribute_of(table *T, uint32_t r)
{
    json_t *at = json_deep_copy(json_array_get(T[T_ATTRIBUTES].rows, r));
    if (!at) return NULL;
    uint32_t tr = first_row(&T[T_TERMS], json_object_get(at, "taxonomy_term_id"));
    if (tr != NO_ROW) {
        json_t *term = json_deep_copy(json_array_get(T[T_TERMS].rows, tr));
        if (!term || json_object_set_new(at, "taxonomy_term", term)) { json_decref(at); return NULL; }
        if (!json_object_get(term, "taxonomy")) {
            uint32_t xr = first_row(&T[T_TAXONOMIES], json_object_get(term, "taxonomy_id"));
            const json_t *name = xr != NO_ROW ? json_object_get(json_array_get(T[T_TAXONOMIES].rows, xr), "name") : NULL;
            if (json_is_string(name) && json_object_set(term, "taxonomy", (json_t *)name)) { json_decref(at); return NULL; }
        }
    }
    return at;
}

/* The children of `owner` (by its id) from table t, as an array. */
static json_t *children(table *T, int t, const json_t *owner_id)
{
    json_t *arr = json_array();
    if (!arr) return NULL;
    for (uint32_t r = first_row(&T[t], owner_id); r != NO_ROW; r = T[t].next[r]) {
        json_t *c = t == T_ATTRIBUTES ? attribute_of(T, r) : json_deep_copy(json_array_get(T[t].rows, r));
        if (!c || json_array_append_new(arr, c)) { json_decref(arr); return NULL; }
        if (t == T_CAPACITIES) {
            uint32_t ur = first_row(&T[T_UNITS], json_object_get(c, "unit_id"));
            if (ur != NO_ROW && json_object_set(c, "unit", json_array_get(T[T_UNITS].rows, ur))) {
                json_decref(arr);
                return NULL;
            }
        }
    }
    return arr;
}

/* The file of each resource: datapackage.json's `path`, else <name>.csv. */
static void resource_files(pr_hsds_im *I, const char *dir, const paroer_allocator *a, char files[T_COUNT][256])
{
    for (int t = 0; t < T_COUNT; t++) snprintf(files[t], 256, "%s.csv", table_names[t]);
    snprintf(files[T_CAPACITIES], 256, "service_capacity.csv");
    char path[4096];
    snprintf(path, sizeof path, "%s/datapackage.json", dir);
    char *data = NULL;
    size_t len = 0;
    char why[160];
    if (pr_read_file(a, path, &data, &len, why, sizeof why) != PAROER_OK) return;
    pr_json_failure f;
    json_t *root = pr_json_parse(data, len, 0, &f);
    pr_free(a, data);
    const json_t *res = json_is_object(root) ? json_object_get(root, "resources") : NULL;
    if (!json_is_array(res)) {
        report_at(I, path, 0, 0, "not a data package description (no \"resources\"); the standard file names are used");
        json_decref(root);
        return;
    }
    size_t i;
    const json_t *r;
    json_array_foreach(res, i, r) {
        const json_t *name = json_object_get(r, "name"), *p = json_object_get(r, "path");
        if (!json_is_string(name) || !json_is_string(p)) continue;
        const char *ps = json_string_value(p);
        if (strstr(ps, "..") || ps[0] == '/' || json_string_length(p) >= 256) continue;   /* stay in the directory */
        for (int t = 0; t < T_COUNT; t++)
            if (!strcmp(json_string_value(name), table_names[t]) ||
                (t == T_TERMS && !strcmp(json_string_value(name), "taxonomy_term")) ||
                (t == T_TAXONOMIES && !strcmp(json_string_value(name), "taxonomy")))
                snprintf(files[t], 256, "%s", ps);
    }
    json_decref(root);
}

/* The services of the tables, each with its children joined in. */
static json_t *join(table *T, const paroer_allocator *a, int *rc)
{
    for (int t = 0; t < T_COUNT && !*rc; t++) *rc = index_table(&T[t], key_columns[t], a);
    json_t *services = *rc ? NULL : json_array();
    if (!*rc && !services) *rc = PAROER_ENOMEM;
    for (size_t i = 0; !*rc && i < T[T_SERVICES].n; i++) {
        json_t *s = json_deep_copy(json_array_get(T[T_SERVICES].rows, i));
        if (!s || json_array_append_new(services, s)) { *rc = PAROER_ENOMEM; break; }
        if (!json_is_object(s)) continue;
        const json_t *id = json_object_get(s, "id");
        for (int t = T_AREAS; t <= T_ATTRIBUTES && !*rc; t++) {
            json_t *arr = children(T, t, id);
            if (!arr || json_object_set_new(s, member_names[t], arr)) *rc = PAROER_ENOMEM;
        }
        uint32_t orow = first_row(&T[T_ORGANIZATIONS], json_object_get(s, "organization_id"));
        if (!*rc && orow != NO_ROW) {
            json_t *org = json_deep_copy(json_array_get(T[T_ORGANIZATIONS].rows, orow));
            json_t *attrs = json_is_object(org) ? children(T, T_ATTRIBUTES, json_object_get(org, "id")) : NULL;
            if (!attrs || json_object_set_new(org, "attributes", attrs) || json_object_set_new(s, "organization", org)) {
                if (!attrs) json_decref(org);
                *rc = PAROER_ENOMEM;
            }
        }
    }
    if (*rc) {
        json_decref(services);
        services = NULL;
    }
    return services;
}

static void free_tables(table *T, const paroer_allocator *a)
{
    for (int t = 0; t < T_COUNT; t++) {
        json_decref(T[t].rows);
        pr_free(a, T[t].lines);
        pr_free(a, T[t].next);
        pr_strmap_free(&T[t].by_key);
    }
}

void pr_hsds_read_package(pr_hsds_im *I, const char *dir, const paroer_allocator *a)
{
    table T[T_COUNT];
    memset(T, 0, sizeof T);
    char files[T_COUNT][256];
    resource_files(I, dir, a, files);
    int rc = 0;
    for (int t = 0; t < T_COUNT && !rc; t++) {
        T[t].name = table_names[t];
        rc = read_table(I, &T[t], dir, files[t], a);
    }
    json_t *services = rc ? NULL : join(T, a, &rc);
    if (rc) {
        pr_hsds_fail(I, PAROER_ENOMEM);
    } else {
        char name[4096];
        snprintf(name, sizeof name, "%s/%s", dir, files[T_SERVICES]);
        csv_loc L = {0, T[T_SERVICES].lines, T[T_SERVICES].n};
        if (!T[T_SERVICES].rows) report_at(I, name, 0, PAROER_EIO, "a data package needs services.csv");
        else pr_hsds_read_tree(I, services, name, csv_locate, &L);
    }
    json_decref(services);
    free_tables(T, a);
}

void pr_hsds_read_tabular_json(pr_hsds_im *I, const json_t *root)
{
    paroer_allocator a = *pr_hsds_alloc(I);
    table T[T_COUNT];
    memset(T, 0, sizeof T);
    for (int t = 0; t < T_COUNT; t++) {
        char key[64];
        snprintf(key, sizeof key, "%s.csv", table_names[t]);
        json_t *rows = json_object_get(root, key);
        if (t == T_TERMS && !rows) rows = json_object_get(root, "taxonomy_terms.csv");
        if (json_is_array(rows)) {
            T[t].rows = json_incref(rows);
            T[t].n = json_array_size(rows);
        }
    }
    int rc = 0;
    json_t *services = join(T, &a, &rc);
    if (rc) pr_hsds_fail(I, PAROER_ENOMEM);
    else pr_hsds_read_tabular_services(I, services);
    json_decref(services);
    free_tables(T, &a);
}
