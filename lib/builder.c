/* The catalog builder: the one path by which a catalog comes to exist. The
 * JSON loader, merging and callers without JSON all add objects here, so every
 * check (codes, ranges, dates, duplicate ids, provider references) lives in
 * one place. Strings go straight into the arena that the finished catalog
 * keeps; arrays grow in the builder and are handed over at finish. */
#include "builder.h"
#include "diagnostics.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { ST_NONE = 0, ST_OFFER = 1, ST_POLICY = 2, ST_GOAL = 3 };

/* Where an object was defined: document, index in it (of the policy for a
 * goal) and, for a goal, its index in the policy. */
typedef struct pr_origin { uint32_t doc, index, sub, slot; } pr_origin;

struct paroer_catalog_builder {
    paroer_allocator alloc;
    paroer_catalog *cat;          /* allocated up front; owns arena, arrays on finish */
    paroer_diagnostics *diags;    /* caller's, may be NULL */
    uint32_t flags, max_errors;
    size_t n_errors;
    int first_error;
    /* The first error, kept so that finishing (or a loader) can report it even
     * after later failing calls replaced the thread's error record. */
    char first_msg[1400], first_src[256], first_path[192];
    int64_t first_line, first_column, first_offset;
    int32_t first_municipality;
    /* documents */
    char **doc_names; size_t n_docs, cap_docs;
    pr_locate_fn locate; void *locate_ctx;
    int32_t doc_municipality;
    size_t doc_offers, doc_policies, doc_providers;   /* objects begun in this document */
    char objpath[192];
    /* finished objects */
    struct paroer_provider *providers; size_t n_providers, cap_providers;
    struct paroer_offer *offers; size_t n_offers, cap_offers;
    struct paroer_policy *policies; size_t n_policies, cap_policies;
    /* Every id seen, of valid and broken objects alike, so that one pass
     * reports every duplicate: the maps give a registration number, the
     * origin arrays where it was first defined. A broken object makes the
     * whole build fail, so in a finished catalog registration number and
     * index are the same. */
    pr_origin *offer_origin; size_t n_offer_reg, cap_offer_origin;
    pr_origin *policy_origin; size_t n_policy_reg, cap_policy_origin;
    pr_origin *provider_origin; size_t n_provider_reg, cap_provider_origin;  /* slot: index in providers */
    pr_origin *goal_origin; size_t n_goal_reg, cap_goal_origin;
    const char **languages; size_t n_languages, cap_languages;
    uint32_t *lang_stamp; size_t cap_lang_stamp;   /* per language: the offer that last listed it */
    uint32_t offer_serial;
    int lang_limit_said;
    int providers_unknown;        /* pr_builder_providers_unknown() */
    pr_strmap lang_map, offer_ids, provider_ids, policy_ids, goal_ids;
    /* the open object */
    int state;
    int cur_failed;
    struct paroer_offer cur;
    uint32_t cur_needs_given;
    uint16_t *munis; size_t n_munis, cap_munis;
    uint16_t *langs; size_t n_langs, cap_langs;
    const char **legal; size_t n_legal, cap_legal;
    pr_code *codes; size_t n_codes, cap_codes;
    struct paroer_policy curp;
    char policy_path[128];
    size_t goals_begun;           /* in the open policy */
    struct paroer_goal *goals; size_t n_goals, cap_goals;
    pr_action_plan *plans; size_t n_plans, cap_plans;
    struct paroer_goal curg;
};

/* ---- reporting ------------------------------------------------------------ */

static const char *doc_name(const paroer_catalog_builder *b)
{
    return b->n_docs ? b->doc_names[b->n_docs - 1] : "<builder>";
}

/* Copies as much of src as fits (truncation is fine for an error record). */
static void copy_trunc(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = '\0';
}

static int vreport(paroer_catalog_builder *b, int severity, int code, const char *path, const char *fmt,
                   va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (severity == PR_SEV_WARNING && (b->flags & PAROER_LOAD_STRICT)) {
        severity = PR_SEV_ERROR;
        code = PAROER_ESCHEMA;
    }
    int64_t line = 0, column = 0, offset = -1;
    if (b->locate && path) b->locate(b->locate_ctx, path, &line, &column, &offset);
    char full[1400];
    if (path && path[0]) snprintf(full, sizeof full, "%s in %s", msg, path);
    else snprintf(full, sizeof full, "%s", msg);
    if (pr_diag_add_doc(b->diags, b->n_docs ? b->n_docs - 1 : 0, severity, severity == PR_SEV_ERROR ? code : 0,
                        doc_name(b), path, line, column, full) != 0) {
        /* A diagnostic that cannot be recorded fails the build with ENOMEM,
         * warnings too: the caller must not get a result whose diagnostics
         * silently miss an entry (tests/test_alloc_failure.c). */
        if (severity != PR_SEV_ERROR) {
            if (!b->first_error) {
                b->first_error = PAROER_ENOMEM;
                pr_error(PAROER_ENOMEM, "out of memory");
            }
            b->n_errors++;
            return PAROER_ENOMEM;
        }
        code = PAROER_ENOMEM;
    }
    if (severity == PR_SEV_ERROR) {
        if (!b->first_error) {
            b->first_error = code;
            copy_trunc(b->first_msg, sizeof b->first_msg, full);
            copy_trunc(b->first_src, sizeof b->first_src, doc_name(b));
            copy_trunc(b->first_path, sizeof b->first_path, path);
            b->first_line = line; b->first_column = column; b->first_offset = offset;
        }
        /* Every failing call sets the thread's record about itself. */
        pr_error_at(code, doc_name(b), line, column, offset, path, "%s", full);
        b->n_errors++;
        return code;
    }
    return 0;
}

int pr_builder_report(paroer_catalog_builder *b, int severity, int code, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vreport(b, severity, code, path, fmt, ap);
    va_end(ap);
    return r;
}

/* Reports at <object path>.<field> for the open object. */
static int field_error(paroer_catalog_builder *b, int code, const char *field, const char *fmt, ...)
    PR_PRINTF(4, 5);
static int field_error(paroer_catalog_builder *b, int code, const char *field, const char *fmt, ...)
{
    char path[352];
    const char *base = b->state == ST_GOAL ? b->objpath : b->state == ST_POLICY ? b->policy_path : b->objpath;
    if (field && field[0]) snprintf(path, sizeof path, "%s.%s", base, field);
    else snprintf(path, sizeof path, "%s", base);
    va_list ap;
    va_start(ap, fmt);
    int r = vreport(b, PR_SEV_ERROR, code, path, fmt, ap);
    va_end(ap);
    if (b->state != ST_NONE) b->cur_failed = 1;
    return r;
}

void pr_builder_providers_unknown(paroer_catalog_builder *b) { b->providers_unknown = 1; }

size_t pr_builder_error_count(const paroer_catalog_builder *b) { return b->n_errors; }
int pr_builder_should_stop(const paroer_catalog_builder *b) { return b->n_errors >= b->max_errors; }
int pr_builder_first_error(const paroer_catalog_builder *b) { return b->first_error; }

int pr_builder_reraise_first(const paroer_catalog_builder *b)
{
    if (!b->first_error) return 0;
    if (b->first_error == PAROER_ENOMEM && !b->first_msg[0]) return pr_error(PAROER_ENOMEM, "out of memory");
    return pr_error_at(b->first_error, b->first_src, b->first_line, b->first_column, b->first_offset,
                       b->first_path, "%s", b->first_msg);
}

void pr_builder_set_object_path(paroer_catalog_builder *b, const char *prefix)
{
    snprintf(b->objpath, sizeof b->objpath, "%s", prefix ? prefix : "");
    if (b->state == ST_POLICY) snprintf(b->policy_path, sizeof b->policy_path, "%.127s", b->objpath);
}

/* ---- life cycle ----------------------------------------------------------- */

static int enomem(paroer_catalog_builder *b)
{
    if (b) {
        if (!b->first_error) b->first_error = PAROER_ENOMEM;
        b->n_errors++;
    }
    return pr_error(PAROER_ENOMEM, "out of memory");
}

int paroer_catalog_builder_new(paroer_catalog_builder **out, const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (opts && (opts->version < 1 || opts->version > PAROER_LOAD_OPTIONS_VERSION))
        return pr_error(PAROER_EINVALID, "unknown paroer_load_options version %u", (unsigned)opts->version);
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    paroer_catalog_builder *b = pr_calloc(&a, 1, sizeof *b);
    if (!b) return pr_error(PAROER_ENOMEM, "out of memory");
    b->alloc = a;
    b->cat = pr_calloc(&a, 1, sizeof *b->cat);
    if (!b->cat) {
        pr_free(&a, b);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    b->cat->alloc = a;
    pr_arena_init(&b->cat->arena, &b->cat->alloc);
    b->diags = opts ? opts->diagnostics : NULL;
    b->flags = opts ? opts->flags : 0;
    b->max_errors = opts && opts->max_errors ? opts->max_errors : 100;
    b->first_municipality = -1;
    b->doc_municipality = -1;
    pr_strmap_init(&b->lang_map, &b->alloc);
    pr_strmap_init(&b->offer_ids, &b->alloc);
    pr_strmap_init(&b->provider_ids, &b->alloc);
    pr_strmap_init(&b->policy_ids, &b->alloc);
    pr_strmap_init(&b->goal_ids, &b->alloc);
    *out = b;
    return PAROER_OK;
}

static void free_scratch(paroer_catalog_builder *b)
{
    const paroer_allocator *a = &b->alloc;
    pr_free(a, b->munis); pr_free(a, b->langs); pr_free(a, (void *)b->legal); pr_free(a, b->codes);
    pr_free(a, b->goals); pr_free(a, b->plans);
    b->munis = NULL; b->langs = NULL; b->legal = NULL; b->codes = NULL; b->goals = NULL; b->plans = NULL;
    b->cap_munis = b->cap_langs = b->cap_legal = b->cap_codes = b->cap_goals = b->cap_plans = 0;
    for (size_t i = 0; i < b->n_docs; i++) pr_free(a, b->doc_names[i]);
    pr_free(a, b->doc_names);
    b->doc_names = NULL; b->n_docs = b->cap_docs = 0;
    pr_free(a, b->offer_origin); pr_free(a, b->policy_origin);
    pr_free(a, b->provider_origin); pr_free(a, b->goal_origin);
    pr_free(a, b->lang_stamp);
    b->offer_origin = b->policy_origin = b->provider_origin = b->goal_origin = NULL;
    b->lang_stamp = NULL;
    b->cap_offer_origin = b->cap_policy_origin = b->cap_provider_origin = b->cap_goal_origin = 0;
    b->cap_lang_stamp = 0;
    b->n_offer_reg = b->n_policy_reg = b->n_provider_reg = b->n_goal_reg = 0;
    pr_strmap_free(&b->lang_map);
    pr_strmap_free(&b->goal_ids);
}

void paroer_catalog_builder_free(paroer_catalog_builder *b)
{
    if (!b) return;
    paroer_allocator a = b->alloc;
    free_scratch(b);
    pr_strmap_free(&b->offer_ids);
    pr_strmap_free(&b->provider_ids);
    pr_strmap_free(&b->policy_ids);
    pr_free(&a, b->providers);
    pr_free(&a, b->offers);
    pr_free(&a, b->policies);
    pr_free(&a, (void *)b->languages);
    if (b->cat) {
        pr_arena_free(&b->cat->arena);
        pr_free(&a, b->cat);
    }
    pr_free(&a, b);
}

void pr_builder_begin_document(paroer_catalog_builder *b, const char *name, pr_locate_fn locate,
                               void *locate_ctx, int32_t municipality)
{
    if (!name) name = "<buffer>";
    char *copy = NULL;
    if (pr_grow(&b->alloc, (void **)&b->doc_names, &b->cap_docs, b->n_docs + 1, sizeof(char *)) == 0)
        copy = pr_strndup(&b->alloc, name, strlen(name));
    if (copy) b->doc_names[b->n_docs++] = copy;
    else enomem(b);
    b->locate = locate;
    b->locate_ctx = locate_ctx;
    b->doc_municipality = municipality;
    if (b->first_municipality < 0) b->first_municipality = municipality;
    b->doc_offers = b->doc_policies = b->doc_providers = 0;
}

int pr_builder_end_document(paroer_catalog_builder *b)
{
    b->locate = NULL;
    b->locate_ctx = NULL;
    b->doc_municipality = -1;
    return b->first_error;
}

int paroer_builder_set_municipality(paroer_catalog_builder *b, int32_t municipality)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (municipality != -1 && (municipality < 1 || municipality > 999))
        return pr_builder_report(b, PR_SEV_ERROR, PAROER_ESCHEMA, "municipality",
                                 "municipality code %d is not 1..999", (int)municipality);
    b->doc_municipality = municipality;
    if (b->first_municipality < 0) b->first_municipality = municipality;
    return PAROER_OK;
}

/* ---- helpers -------------------------------------------------------------- */

static const char *intern_text(paroer_catalog_builder *b, const char *s)
{
    if (!s) return NULL;
    const char *r = pr_arena_strndup(&b->cat->arena, s, strlen(s));
    if (!r) enomem(b);
    return r;
}

static int check_text(paroer_catalog_builder *b, const char *s, const char *field, int required)
{
    if (!s) {
        if (!required) return 0;
        return field_error(b, PAROER_EINVALID, field, "missing %s", field);
    }
    if (required && !s[0]) return field_error(b, PAROER_ESCHEMA, field, "%s must not be empty", field);
    return 0;
}

/* Where the open object is: its document and the indexes in b->objpath
 * ("offers[3]", "policies[1].goals[2]"), which is the path the loader gave. */
static pr_origin origin_here(const paroer_catalog_builder *b, const char *objpath)
{
    pr_origin o = {b->n_docs ? (uint32_t)(b->n_docs - 1) : 0, 0, 0, PR_NONE};
    uint32_t *dst[2] = {&o.index, &o.sub};
    int k = 0;
    for (const char *p = objpath; *p && k < 2; p++) {
        if (*p != '[') continue;
        uint32_t v = 0;
        for (p++; *p >= '0' && *p <= '9'; p++) v = v * 10 + (uint32_t)(*p - '0');
        *dst[k++] = v;
        if (!*p) break;
    }
    return o;
}

static const char *origin_doc(const paroer_catalog_builder *b, pr_origin o)
{
    return b->doc_names && o.doc < b->n_docs ? b->doc_names[o.doc] : "<builder>";
}

/* Registers `id` (interned: it outlives the map) as the next object of its
 * kind, valid or not: the map gives the registration number, `origins` where
 * it was defined. Returns 0 or PAROER_ENOMEM (recorded). */
static int register_id(paroer_catalog_builder *b, pr_strmap *map, pr_origin **origins, size_t *n, size_t *cap,
                       const char *id, pr_origin where)
{
    if (pr_grow(&b->alloc, (void **)origins, cap, *n + 1, sizeof **origins)) return enomem(b);
    if (pr_strmap_put(map, id, strlen(id), (uint32_t)*n, NULL)) return enomem(b);
    (*origins)[(*n)++] = where;
    return 0;
}

/* 1 when one more distinct language tag `code` fits the limit, keeping a
 * place for "da", which every catalog holds (the contract's default). */
static int language_fits(const paroer_catalog_builder *b, const char *code, size_t len)
{
    int is_da = len == 2 && code[0] == 'd' && code[1] == 'a';
    size_t need = 1 + (!is_da && !pr_strmap_get(&b->lang_map, "da", 2, NULL));
    return b->n_languages + need <= PR_MAX_LANGUAGES;
}

/* The id of language `code`, interned when new. PR_NONE when memory ran out
 * (recorded); callers check language_fits() first. */
static uint32_t intern_language(paroer_catalog_builder *b, const char *code, size_t len)
{
    uint32_t id;
    if (pr_strmap_get(&b->lang_map, code, len, &id)) return id;
    if (b->n_languages >= PR_MAX_LANGUAGES) return PR_NONE;
    const char *s = pr_arena_strndup(&b->cat->arena, code, len);
    if (!s || pr_grow(&b->alloc, (void **)&b->languages, &b->cap_languages, b->n_languages + 1, sizeof(char *)) ||
        pr_grow(&b->alloc, (void **)&b->lang_stamp, &b->cap_lang_stamp, b->n_languages + 1, sizeof *b->lang_stamp))
        return PR_NONE;
    id = (uint32_t)b->n_languages;
    if (pr_strmap_put(&b->lang_map, s, len, id, NULL) != 0) return PR_NONE;
    b->lang_stamp[id] = 0;
    b->languages[b->n_languages++] = s;
    return id;
}

static void target_defaults(paroer_target *t)
{
    t->relative_age.min = PR_AGE_MIN; t->relative_age.max = PR_AGE_MAX;
    t->cared_for_age.min = PR_AGE_MIN; t->cared_for_age.max = PR_AGE_MAX;
    t->relations = t->conditions = t->requires = 0;
    t->bereaved = PAROER_BEREAVEMENT_NO;
}

static paroer_target *open_target(paroer_catalog_builder *b)
{
    if (b->state == ST_OFFER) return &b->cur.target;
    if (b->state == ST_GOAL) return &b->curg.target;
    return NULL;
}

static int need_state(paroer_catalog_builder *b)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state == ST_NONE) return pr_error(PAROER_EINVALID, "no offer, policy or goal is open");
    return 0;
}

/* ---- providers ------------------------------------------------------------ */

int paroer_builder_add_provider(paroer_catalog_builder *b, const char *id, const char *name, int32_t kind,
                                int32_t area)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_NONE) return pr_error(PAROER_EINVALID, "close the open object before adding a provider");
    char path[96];
    snprintf(path, sizeof path, "providers[%zu]", b->doc_providers++);
    char fpath[128];
    if (!id || !id[0]) {
        snprintf(fpath, sizeof fpath, "%s.id", path);
        return pr_builder_report(b, PR_SEV_ERROR, id ? PAROER_ESCHEMA : PAROER_EINVALID, fpath,
                                 "a provider needs a non-empty id");
    }
    /* Every problem is reported, and a broken provider's id is still
     * registered: offers naming it are not flagged too, and a later
     * duplicate of it is found in the same pass. */
    int rc = 0;
    if (kind < 0 || kind >= PR_N_PROVIDER_KIND) {
        snprintf(fpath, sizeof fpath, "%s.kind", path);
        rc = pr_builder_report(b, PR_SEV_ERROR, PAROER_ESCHEMA, fpath, "unknown provider_kind value %d", (int)kind);
    }
    if (area != -1 && (area < 0 || area >= PR_N_AREA)) {
        snprintf(fpath, sizeof fpath, "%s.area", path);
        rc = pr_builder_report(b, PR_SEV_ERROR, PAROER_ESCHEMA, fpath, "unknown area value %d", (int)area);
    }
    uint32_t first;
    if (pr_strmap_get(&b->provider_ids, id, strlen(id), &first)) {
        char q[256];
        pr_quote(q, sizeof q, id, strlen(id), 200);
        pr_origin org = b->provider_origin[first];
        snprintf(fpath, sizeof fpath, "%s.id", path);
        return pr_builder_report(b, PR_SEV_ERROR, PAROER_EDUPLICATE, fpath,
                                 "duplicate provider id %s (first defined in %s at providers[%u])", q,
                                 origin_doc(b, org), (unsigned)org.index);
    }
    pr_origin where = origin_here(b, path);
    const char *sid = intern_text(b, id);
    if (!sid) return enomem(b);
    if (rc) {
        if (register_id(b, &b->provider_ids, &b->provider_origin, &b->n_provider_reg, &b->cap_provider_origin, sid,
                        where))
            return PAROER_ENOMEM;
        return rc;
    }
    if (pr_grow(&b->alloc, (void **)&b->providers, &b->cap_providers, b->n_providers + 1, sizeof *b->providers))
        return enomem(b);
    struct paroer_provider *p = &b->providers[b->n_providers];
    p->index = (uint32_t)b->n_providers;
    p->id = sid;
    p->name = intern_text(b, name ? name : "");
    p->kind = kind;
    p->area = area;
    if (!p->name) return enomem(b);
    where.slot = p->index;
    if (register_id(b, &b->provider_ids, &b->provider_origin, &b->n_provider_reg, &b->cap_provider_origin, p->id,
                    where))
        return PAROER_ENOMEM;
    b->n_providers++;
    return PAROER_OK;
}

/* ---- offers --------------------------------------------------------------- */

int paroer_builder_begin_offer(paroer_catalog_builder *b, const char *id, const char *name, int32_t kind)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_NONE) return pr_error(PAROER_EINVALID, "close the open object before beginning an offer");
    b->state = ST_OFFER;
    b->cur_failed = 0;
    snprintf(b->objpath, sizeof b->objpath, "offers[%zu]", b->doc_offers++);
    memset(&b->cur, 0, sizeof b->cur);
    b->n_munis = b->n_langs = b->n_legal = b->n_codes = 0;
    b->cur_needs_given = 0;
    b->offer_serial++;
    struct paroer_offer *o = &b->cur;
    target_defaults(&o->target);
    o->provider = PR_NONE;
    o->kind = kind;
    o->access = PAROER_ACCESS_OPEN;
    o->status = PAROER_STATUS_ACTIVE;
    o->modes = 0;
    o->capacity = -1;
    o->cost_free = -1;
    o->price_dkk = NAN;
    o->valid_from = o->valid_to = o->verified = PAROER_DATE_NONE;
    int rc = 0;
    if (check_text(b, id, "id", 1)) rc = b->first_error ? b->first_error : PAROER_ESCHEMA;
    if (check_text(b, name, "name", 1)) rc = rc ? rc : PAROER_ESCHEMA;
    if (kind < 0 || kind >= PR_N_KIND) rc = field_error(b, PAROER_ESCHEMA, "kind", "unknown offer_kind value %d", (int)kind);
    o->id = intern_text(b, id ? id : "");
    o->name = intern_text(b, name ? name : "");
    if (!o->id || !o->name) return enomem(b);
    return rc ? (b->cur_failed = 1, rc) : PAROER_OK;
}

static int set_offer_text(paroer_catalog_builder *b, int32_t field, const char *s)
{
    struct paroer_offer *o = &b->cur;
    const char **dst;
    switch (field) {
    case PAROER_FIELD_DESCRIPTION: dst = &o->description; break;
    case PAROER_FIELD_PROVIDER: dst = &o->provider_id; break;
    case PAROER_FIELD_SCHEDULE: dst = &o->schedule; break;
    case PAROER_FIELD_SOURCE: dst = &o->source; break;
    case PAROER_FIELD_CONTACT_PHONE: dst = &o->contact_phone; break;
    case PAROER_FIELD_CONTACT_EMAIL: dst = &o->contact_email; break;
    case PAROER_FIELD_CONTACT_URL: dst = &o->contact_url; break;
    default: return pr_error(PAROER_EINVALID, "field %d is not a text field of an offer", (int)field);
    }
    if (!s) { *dst = NULL; return PAROER_OK; }
    *dst = intern_text(b, s);
    return *dst ? PAROER_OK : PAROER_ENOMEM;
}

int paroer_builder_set_text(paroer_catalog_builder *b, int32_t field, const char *utf8)
{
    int rc = need_state(b);
    if (rc) return rc;
    if (b->state == ST_OFFER) return set_offer_text(b, field, utf8);
    if (b->state == ST_POLICY && field == PAROER_FIELD_SOURCE) {
        b->curp.source = utf8 ? intern_text(b, utf8) : NULL;
        return !utf8 || b->curp.source ? PAROER_OK : PAROER_ENOMEM;
    }
    return pr_error(PAROER_EINVALID, "field %d is not a text field of the open object", (int)field);
}

static int range_value(paroer_catalog_builder *b, const char *field, int64_t v)
{
    if (v < 0 || v > 200)
        return field_error(b, PAROER_ESCHEMA, field, "age %lld is out of range 0..200", (long long)v);
    return 0;
}

static int set_date(paroer_catalog_builder *b, const char *field, int32_t *dst, int64_t v)
{
    if (v != PAROER_DATE_NONE) {
        int32_t y, m, d;
        if (v < INT32_MIN || v > INT32_MAX || paroer_date_to_ymd((int32_t)v, &y, &m, &d) != PAROER_OK || y < 1 ||
            y > 9999)
            return field_error(b, PAROER_ESCHEMA, field, "date out of range");
    }
    *dst = (int32_t)v;
    return PAROER_OK;
}

static int set_target_int(paroer_catalog_builder *b, paroer_target *t, int32_t field, int64_t v)
{
    switch (field) {
    case PAROER_FIELD_RELATIVE_AGE_MIN:
        if (range_value(b, "target.relative_age.min", v)) return PAROER_ESCHEMA;
        t->relative_age.min = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_RELATIVE_AGE_MAX:
        if (range_value(b, "target.relative_age.max", v)) return PAROER_ESCHEMA;
        t->relative_age.max = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_CARED_FOR_AGE_MIN:
        if (range_value(b, "target.cared_for_age.min", v)) return PAROER_ESCHEMA;
        t->cared_for_age.min = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_CARED_FOR_AGE_MAX:
        if (range_value(b, "target.cared_for_age.max", v)) return PAROER_ESCHEMA;
        t->cared_for_age.max = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_BEREAVED:
        if (v < 0 || v >= PR_N_BEREAVEMENT)
            return field_error(b, PAROER_ESCHEMA, "target.bereaved", "unknown bereavement value %lld", (long long)v);
        t->bereaved = (int32_t)v; return PAROER_OK;
    default:
        return 1;  /* not a target field */
    }
}

static int set_offer_int(paroer_catalog_builder *b, int32_t field, int64_t v)
{
    struct paroer_offer *o = &b->cur;
    int rc = set_target_int(b, &o->target, field, v);
    if (rc != 1) return rc;
    switch (field) {
    case PAROER_FIELD_ACCESS:
        if (v < 0 || v >= PR_N_ACCESS) return field_error(b, PAROER_ESCHEMA, "access", "unknown access value %lld", (long long)v);
        o->access = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_STATUS:
        if (v < 0 || v >= PR_N_STATUS) return field_error(b, PAROER_ESCHEMA, "status", "unknown status value %lld", (long long)v);
        o->status = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_NATIONWIDE:
        if (v != 0 && v != 1) return field_error(b, PAROER_ESCHEMA, "nationwide", "nationwide must be 0 or 1");
        o->nationwide = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_CAPACITY:
        if (v < -1) return field_error(b, PAROER_ESCHEMA, "capacity", "capacity must be 0 or more (or unlimited)");
        o->capacity = v; return PAROER_OK;
    case PAROER_FIELD_COST_FREE:
        if (v < -1 || v > 1) return field_error(b, PAROER_ESCHEMA, "cost.free", "cost.free must be 1, 0 or -1");
        o->cost_free = (int32_t)v; return PAROER_OK;
    case PAROER_FIELD_VALID_FROM: return set_date(b, "valid_from", &o->valid_from, v);
    case PAROER_FIELD_VALID_TO: return set_date(b, "valid_to", &o->valid_to, v);
    case PAROER_FIELD_VERIFIED: return set_date(b, "verified", &o->verified, v);
    default: return pr_error(PAROER_EINVALID, "field %d is not an integer field of an offer", (int)field);
    }
}

int paroer_builder_set_int(paroer_catalog_builder *b, int32_t field, int64_t value)
{
    int rc = need_state(b);
    if (rc) return rc;
    if (b->state == ST_OFFER) return set_offer_int(b, field, value);
    if (b->state == ST_GOAL) {
        rc = set_target_int(b, &b->curg.target, field, value);
        return rc == 1 ? pr_error(PAROER_EINVALID, "field %d is not an integer field of a goal", (int)field) : rc;
    }
    if (field == PAROER_FIELD_ADOPTED) return set_date(b, "adopted", &b->curp.adopted, value);
    if (field == PAROER_FIELD_VALID_TO) return set_date(b, "valid_to", &b->curp.valid_to, value);
    return pr_error(PAROER_EINVALID, "field %d is not an integer field of a policy", (int)field);
}

int paroer_builder_set_double(paroer_catalog_builder *b, int32_t field, double value)
{
    int rc = need_state(b);
    if (rc) return rc;
    if (b->state != ST_OFFER || field != PAROER_FIELD_PRICE_DKK)
        return pr_error(PAROER_EINVALID, "field %d is not a number field of the open object", (int)field);
    if (!isnan(value) && (!isfinite(value) || value < 0))
        return field_error(b, PAROER_ESCHEMA, "cost.price_dkk", "price must be a finite number >= 0 (or null)");
    b->cur.price_dkk = value;
    return PAROER_OK;
}

static int add_bit(paroer_catalog_builder *b, uint32_t *mask, int32_t value, int32_t n, const char *field,
                   const char *list)
{
    if (value < 0 || value >= n)
        return field_error(b, PAROER_ESCHEMA, field, "unknown %s value %d", list, (int)value);
    *mask |= PR_BIT(value);
    return PAROER_OK;
}

static int add_municipality(paroer_catalog_builder *b, int32_t code)
{
    if (code < 1 || code > 999)
        return field_error(b, PAROER_ESCHEMA, "municipalities", "municipality code %d is not 1..999", (int)code);
    for (size_t i = 0; i < b->n_munis; i++)
        if (b->munis[i] == code) return PAROER_OK;
    if (pr_grow(&b->alloc, (void **)&b->munis, &b->cap_munis, b->n_munis + 1, sizeof *b->munis)) return enomem(b);
    b->munis[b->n_munis++] = (uint16_t)code;
    return PAROER_OK;
}

int paroer_builder_add(paroer_catalog_builder *b, int32_t field, int32_t value)
{
    int rc = need_state(b);
    if (rc) return rc;
    paroer_target *t = open_target(b);
    if (t) {
        switch (field) {
        case PAROER_FIELD_RELATIONS: return add_bit(b, &t->relations, value, PR_N_RELATION, "target.relations", "relation");
        case PAROER_FIELD_CONDITIONS: return add_bit(b, &t->conditions, value, PR_N_CONDITION, "target.conditions", "condition");
        case PAROER_FIELD_REQUIRES:
            if (value == PAROER_FLAG_BEREAVED)
                return field_error(b, PAROER_ESCHEMA, "target.requires",
                                   "\"bereaved\" cannot be required; use target.bereaved");
            return add_bit(b, &t->requires, value, PR_N_FLAG, "target.requires", "flag");
        default: break;
        }
    }
    if (b->state == ST_OFFER) {
        struct paroer_offer *o = &b->cur;
        switch (field) {
        case PAROER_FIELD_NEEDS:
            b->cur_needs_given = 1;
            return add_bit(b, &o->needs, value, PR_N_NEED, "needs", "need");
        case PAROER_FIELD_MODES: return add_bit(b, &o->modes, value, PR_N_MODE, "modes", "mode");
        case PAROER_FIELD_SLOTS: return add_bit(b, &o->slots, value, PR_N_SLOT, "slots", "slot");
        case PAROER_FIELD_MUNICIPALITIES: return add_municipality(b, value);
        default: break;
        }
    } else if (b->state == ST_GOAL) {
        if (field == PAROER_FIELD_NEEDS) return add_bit(b, &b->curg.needs, value, PR_N_NEED, "needs", "need");
        if (field == PAROER_FIELD_KINDS) return add_bit(b, &b->curg.kinds, value, PR_N_KIND, "kinds", "offer_kind");
    } else if (b->state == ST_POLICY && field == PAROER_FIELD_AREAS) {
        return add_bit(b, &b->curp.areas, value, PR_N_AREA, "areas", "area");
    }
    return pr_error(PAROER_EINVALID, "field %d is not a list of the open object", (int)field);
}

int paroer_builder_add_text(paroer_catalog_builder *b, int32_t field, const char *utf8)
{
    int rc = need_state(b);
    if (rc) return rc;
    if (b->state != ST_OFFER) return pr_error(PAROER_EINVALID, "field %d is not a text list of the open object", (int)field);
    if (!utf8) return pr_error(PAROER_EINVALID, "text is NULL");
    size_t len = strlen(utf8);
    if (field == PAROER_FIELD_LANGUAGES) {
        if (len == 0 || len > 35)
            return field_error(b, PAROER_ESCHEMA, "languages", "a language code must be 1 to 35 characters");
        if (!pr_strmap_get(&b->lang_map, utf8, len, NULL) && !language_fits(b, utf8, len)) {
            /* A limit of the catalog (language ids are 16-bit), said once. */
            if (b->lang_limit_said) {
                b->cur_failed = 1;
                return PAROER_ESCHEMA;
            }
            b->lang_limit_said = 1;
            return field_error(b, PAROER_ESCHEMA, "languages",
                               "too many distinct language tags: the catalogs loaded together may use at most %d "
                               "(\"da\" included)", (int)PR_MAX_LANGUAGES);
        }
        uint32_t id = intern_language(b, utf8, len);
        if (id == PR_NONE) return enomem(b);
        if (b->lang_stamp[id] == b->offer_serial) return PAROER_OK;   /* listed twice */
        if (pr_grow(&b->alloc, (void **)&b->langs, &b->cap_langs, b->n_langs + 1, sizeof *b->langs)) return enomem(b);
        b->lang_stamp[id] = b->offer_serial;
        b->langs[b->n_langs++] = (uint16_t)id;
        return PAROER_OK;
    }
    if (field == PAROER_FIELD_LEGAL_BASIS) {
        const char *s = intern_text(b, utf8);
        if (!s || pr_grow(&b->alloc, (void **)&b->legal, &b->cap_legal, b->n_legal + 1, sizeof *b->legal))
            return enomem(b);
        b->legal[b->n_legal++] = s;
        return PAROER_OK;
    }
    return pr_error(PAROER_EINVALID, "field %d is not a text list of an offer", (int)field);
}

int paroer_builder_add_code(paroer_catalog_builder *b, const char *system, const char *code)
{
    int rc = need_state(b);
    if (rc) return rc;
    if (b->state != ST_OFFER) return pr_error(PAROER_EINVALID, "codes belong to offers");
    if (!system || !code || !system[0] || !code[0])
        return field_error(b, PAROER_ESCHEMA, "codes", "a code needs a non-empty system and code");
    pr_code c = {intern_text(b, system), intern_text(b, code)};
    if (!c.system || !c.code || pr_grow(&b->alloc, (void **)&b->codes, &b->cap_codes, b->n_codes + 1, sizeof *b->codes))
        return enomem(b);
    b->codes[b->n_codes++] = c;
    return PAROER_OK;
}

static void *arena_copy(paroer_catalog_builder *b, const void *src, size_t n, size_t size, size_t align)
{
    if (n == 0) return NULL;
    void *p = pr_arena_alloc(&b->cat->arena, n * size, align);
    if (p) memcpy(p, src, n * size);
    return p;
}

static int check_target(paroer_catalog_builder *b, const paroer_target *t)
{
    int rc = 0;
    if (t->relative_age.min > t->relative_age.max)
        rc = field_error(b, PAROER_ESCHEMA, "target.relative_age", "min %d is greater than max %d",
                         (int)t->relative_age.min, (int)t->relative_age.max);
    if (t->cared_for_age.min > t->cared_for_age.max)
        rc = field_error(b, PAROER_ESCHEMA, "target.cared_for_age", "min %d is greater than max %d",
                         (int)t->cared_for_age.min, (int)t->cared_for_age.max);
    return rc;
}

int paroer_builder_end_offer(paroer_catalog_builder *b)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_OFFER) return pr_error(PAROER_EINVALID, "no offer is open");
    struct paroer_offer *o = &b->cur;
    int rc = check_target(b, &o->target);
    if (o->valid_from != PAROER_DATE_NONE && o->valid_to != PAROER_DATE_NONE && o->valid_from > o->valid_to)
        rc = field_error(b, PAROER_ESCHEMA, "valid_to", "valid_to is before valid_from");
    /* Provider reference: providers are added before the offers that name them. */
    char q[256];
    if (o->provider_id) {
        uint32_t reg;
        if (pr_strmap_get(&b->provider_ids, o->provider_id, strlen(o->provider_id), &reg)) {
            o->provider = b->provider_origin[reg].slot;
        } else if (b->providers_unknown) {
            b->cur_failed = 1;   /* the build failed already; the reference cannot be judged */
        } else {
            pr_quote(q, sizeof q, o->provider_id, strlen(o->provider_id), 200);
            rc = field_error(b, PAROER_ESCHEMA, "provider", "unknown provider %s (no provider with that id is loaded)", q);
        }
    }
    uint32_t first;
    int dup = 0;
    if (o->id && o->id[0] && pr_strmap_get(&b->offer_ids, o->id, strlen(o->id), &first)) {
        pr_origin org = b->offer_origin[first];
        pr_quote(q, sizeof q, o->id, strlen(o->id), 200);
        rc = field_error(b, PAROER_EDUPLICATE, "id", "duplicate offer id %s (first defined in %s at offers[%u])", q,
                         origin_doc(b, org), (unsigned)org.index);
        dup = 1;
    }
    if (rc || b->cur_failed) {
        b->state = ST_NONE;
        /* Registered all the same, so its duplicate is found in this pass. */
        if (!dup && o->id && o->id[0] &&
            register_id(b, &b->offer_ids, &b->offer_origin, &b->n_offer_reg, &b->cap_offer_origin, o->id,
                        origin_here(b, b->objpath)))
            return PAROER_ENOMEM;
        return rc ? rc : (b->first_error ? b->first_error : PAROER_ESCHEMA);
    }
    /* Defaults of the contract. */
    if (!b->cur_needs_given) o->needs = paroer_kind_default_needs(o->kind);
    if (!o->modes) o->modes = PR_BIT(PAROER_MODE_IN_PERSON);
    if (b->n_munis == 0 && !o->nationwide && b->doc_municipality > 0) {
        if (add_municipality(b, b->doc_municipality)) { b->state = ST_NONE; return PAROER_ENOMEM; }
    }
    if (b->n_langs == 0) {
        uint32_t da = intern_language(b, "da", 2);
        if (da == PR_NONE || pr_grow(&b->alloc, (void **)&b->langs, &b->cap_langs, 1, sizeof *b->langs)) {
            b->state = ST_NONE;
            return enomem(b);
        }
        b->langs[b->n_langs++] = (uint16_t)da;
    }
    if (b->n_munis == 0 && !o->nationwide)
        pr_builder_report(b, PR_SEV_WARNING, 0, b->objpath,
                          "offer is neither nationwide nor tied to a municipality, so it matches no relative");
    o->municipalities = arena_copy(b, b->munis, b->n_munis, sizeof *b->munis, _Alignof(uint16_t));
    o->n_municipalities = (uint32_t)b->n_munis;
    o->languages = arena_copy(b, b->langs, b->n_langs, sizeof *b->langs, _Alignof(uint16_t));
    o->n_languages = (uint32_t)b->n_langs;
    o->legal_basis = arena_copy(b, b->legal, b->n_legal, sizeof *b->legal, _Alignof(const char *));
    o->n_legal_basis = (uint32_t)b->n_legal;
    o->codes = arena_copy(b, b->codes, b->n_codes, sizeof *b->codes, _Alignof(pr_code));
    o->n_codes = (uint32_t)b->n_codes;
    b->state = ST_NONE;
    if ((b->n_munis && !o->municipalities) || !o->languages || (b->n_legal && !o->legal_basis) ||
        (b->n_codes && !o->codes))
        return enomem(b);
    if (pr_grow(&b->alloc, (void **)&b->offers, &b->cap_offers, b->n_offers + 1, sizeof *b->offers))
        return enomem(b);
    o->index = (uint32_t)b->n_offers;
    if (register_id(b, &b->offer_ids, &b->offer_origin, &b->n_offer_reg, &b->cap_offer_origin, o->id,
                    origin_here(b, b->objpath)))
        return PAROER_ENOMEM;
    b->offers[b->n_offers++] = *o;
    return PAROER_OK;
}

int paroer_builder_discard(paroer_catalog_builder *b)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state == ST_GOAL) b->state = ST_POLICY;
    else b->state = ST_NONE;
    b->cur_failed = 0;
    return PAROER_OK;
}

/* ---- policies and goals --------------------------------------------------- */

int paroer_builder_begin_policy(paroer_catalog_builder *b, const char *id, int32_t municipality, const char *title)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_NONE) return pr_error(PAROER_EINVALID, "close the open object before beginning a policy");
    b->state = ST_POLICY;
    b->cur_failed = 0;
    snprintf(b->objpath, sizeof b->objpath, "policies[%zu]", b->doc_policies++);
    snprintf(b->policy_path, sizeof b->policy_path, "%.127s", b->objpath);
    memset(&b->curp, 0, sizeof b->curp);
    b->curp.adopted = b->curp.valid_to = PAROER_DATE_NONE;
    b->n_goals = b->n_plans = b->goals_begun = 0;
    int rc = 0;
    if (check_text(b, id, "id", 1)) rc = PAROER_ESCHEMA;
    if (check_text(b, title, "title", 1)) rc = PAROER_ESCHEMA;
    if (municipality < 1 || municipality > 999)
        rc = field_error(b, PAROER_ESCHEMA, "municipality", "municipality code %d is not 1..999", (int)municipality);
    b->curp.id = intern_text(b, id ? id : "");
    b->curp.title = intern_text(b, title ? title : "");
    b->curp.municipality = municipality;
    if (!b->curp.id || !b->curp.title) return enomem(b);
    if (rc) b->cur_failed = 1;
    return rc;
}

int paroer_builder_begin_goal(paroer_catalog_builder *b, const char *id, const char *title, int32_t category)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_POLICY) return pr_error(PAROER_EINVALID, "a goal must be begun inside an open policy");
    b->state = ST_GOAL;
    snprintf(b->objpath, sizeof b->objpath, "%s.goals[%zu]", b->policy_path, b->goals_begun++);
    memset(&b->curg, 0, sizeof b->curg);
    target_defaults(&b->curg.target);
    b->curg.category = category;
    int rc = 0;
    if (check_text(b, id, "id", 1)) rc = PAROER_ESCHEMA;
    if (check_text(b, title, "title", 1)) rc = PAROER_ESCHEMA;
    if (category < 0 || category >= PR_N_GOAL_CATEGORY)
        rc = field_error(b, PAROER_ESCHEMA, "category", "unknown goal_category value %d", (int)category);
    b->curg.id = intern_text(b, id ? id : "");
    b->curg.title = intern_text(b, title ? title : "");
    if (!b->curg.id || !b->curg.title) return enomem(b);
    return rc;
}

int paroer_builder_end_goal(paroer_catalog_builder *b)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_GOAL) return pr_error(PAROER_EINVALID, "no goal is open");
    int rc = check_target(b, &b->curg.target);
    if (b->curg.target.requires || b->curg.target.bereaved != PAROER_BEREAVEMENT_NO) { /* allowed, unused */ }
    uint32_t first;
    int dup = 0;
    if (b->curg.id[0] && pr_strmap_get(&b->goal_ids, b->curg.id, strlen(b->curg.id), &first)) {
        char q[256];
        pr_quote(q, sizeof q, b->curg.id, strlen(b->curg.id), 200);
        pr_origin org = b->goal_origin[first];
        rc = field_error(b, PAROER_EDUPLICATE, "id",
                         "duplicate goal id %s (first defined in %s at policies[%u].goals[%u])", q,
                         origin_doc(b, org), (unsigned)org.index, (unsigned)org.sub);
        dup = 1;
    }
    /* Registered even when broken, so its duplicate is found in this pass. */
    if (!dup && b->curg.id[0] &&
        register_id(b, &b->goal_ids, &b->goal_origin, &b->n_goal_reg, &b->cap_goal_origin, b->curg.id,
                    origin_here(b, b->objpath))) {
        b->state = ST_POLICY;
        return PAROER_ENOMEM;
    }
    b->state = ST_POLICY;
    if (rc) { b->cur_failed = 1; return rc; }
    if (pr_grow(&b->alloc, (void **)&b->goals, &b->cap_goals, b->n_goals + 1, sizeof *b->goals)) return enomem(b);
    b->curg.index = (uint32_t)b->n_goals;
    b->goals[b->n_goals++] = b->curg;
    return PAROER_OK;
}

int paroer_builder_add_action_plan(paroer_catalog_builder *b, const char *title, int32_t due, int32_t adopted)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_POLICY) return pr_error(PAROER_EINVALID, "an action plan belongs to an open policy (close the goal first)");
    pr_action_plan p = {intern_text(b, title ? title : ""), due, adopted};
    if (!p.title || pr_grow(&b->alloc, (void **)&b->plans, &b->cap_plans, b->n_plans + 1, sizeof *b->plans))
        return enomem(b);
    b->plans[b->n_plans++] = p;
    return PAROER_OK;
}

int paroer_builder_end_policy(paroer_catalog_builder *b)
{
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state == ST_GOAL) return pr_error(PAROER_EINVALID, "close the open goal first");
    if (b->state != ST_POLICY) return pr_error(PAROER_EINVALID, "no policy is open");
    snprintf(b->objpath, sizeof b->objpath, "%s", b->policy_path);
    struct paroer_policy *p = &b->curp;
    int rc = 0;
    if (p->adopted != PAROER_DATE_NONE && p->valid_to != PAROER_DATE_NONE && p->valid_to < p->adopted)
        rc = field_error(b, PAROER_ESCHEMA, "valid_to", "valid_to is before adopted");
    uint32_t first;
    int dup = 0;
    if (p->id[0] && pr_strmap_get(&b->policy_ids, p->id, strlen(p->id), &first)) {
        char q[256];
        pr_quote(q, sizeof q, p->id, strlen(p->id), 200);
        pr_origin org = b->policy_origin[first];
        rc = field_error(b, PAROER_EDUPLICATE, "id", "duplicate policy id %s (first defined in %s at policies[%u])", q,
                         origin_doc(b, org), (unsigned)org.index);
        dup = 1;
    }
    b->state = ST_NONE;
    if (rc || b->cur_failed) {
        /* Registered all the same (a broken goal must not hide a duplicate policy id). */
        if (!dup && p->id[0] &&
            register_id(b, &b->policy_ids, &b->policy_origin, &b->n_policy_reg, &b->cap_policy_origin, p->id,
                        origin_here(b, b->policy_path)))
            return PAROER_ENOMEM;
        return rc ? rc : (b->first_error ? b->first_error : PAROER_ESCHEMA);
    }
    p->goals = arena_copy(b, b->goals, b->n_goals, sizeof *b->goals, _Alignof(struct paroer_goal));
    p->n_goals = (uint32_t)b->n_goals;
    p->action_plans = arena_copy(b, b->plans, b->n_plans, sizeof *b->plans, _Alignof(pr_action_plan));
    p->n_action_plans = (uint32_t)b->n_plans;
    if ((b->n_goals && !p->goals) || (b->n_plans && !p->action_plans)) return enomem(b);
    if (pr_grow(&b->alloc, (void **)&b->policies, &b->cap_policies, b->n_policies + 1, sizeof *b->policies))
        return enomem(b);
    p->index = (uint32_t)b->n_policies;
    if (register_id(b, &b->policy_ids, &b->policy_origin, &b->n_policy_reg, &b->cap_policy_origin, p->id,
                    origin_here(b, b->policy_path)))
        return PAROER_ENOMEM;
    b->policies[b->n_policies++] = *p;
    return PAROER_OK;
}

/* ---- merging -------------------------------------------------------------- */

static int add_offer_copy(paroer_catalog_builder *b, const paroer_catalog *c, const struct paroer_offer *s)
{
    int rc = paroer_builder_begin_offer(b, s->id, s->name, s->kind);
    if (rc) { if (b->state == ST_OFFER) b->state = ST_NONE; return rc; }
    struct paroer_offer *o = &b->cur;
    const struct paroer_offer saved = *o;
    *o = *s;   /* scalars and masks; pointers replaced below */
    o->id = saved.id; o->name = saved.name;
    o->description = intern_text(b, s->description);
    o->schedule = intern_text(b, s->schedule);
    o->source = intern_text(b, s->source);
    o->contact_phone = intern_text(b, s->contact_phone);
    o->contact_email = intern_text(b, s->contact_email);
    o->contact_url = intern_text(b, s->contact_url);
    o->provider_id = s->provider != PR_NONE ? intern_text(b, c->providers[s->provider].id) : NULL;
    o->provider = PR_NONE;
    b->cur_needs_given = 1;
    for (uint32_t i = 0; i < s->n_municipalities && !rc; i++) rc = add_municipality(b, s->municipalities[i]);
    for (uint32_t i = 0; i < s->n_languages && !rc; i++) rc = paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, c->languages[s->languages[i]]);
    for (uint32_t i = 0; i < s->n_legal_basis && !rc; i++) rc = paroer_builder_add_text(b, PAROER_FIELD_LEGAL_BASIS, s->legal_basis[i]);
    for (uint32_t i = 0; i < s->n_codes && !rc; i++) rc = paroer_builder_add_code(b, s->codes[i].system, s->codes[i].code);
    if (rc) { b->state = ST_NONE; return rc; }
    return paroer_builder_end_offer(b);
}

int paroer_builder_add_catalog(paroer_catalog_builder *b, const paroer_catalog *c)
{
    if (!b || !c) return pr_error(PAROER_EINVALID, "NULL argument");
    if (b->state != ST_NONE) return pr_error(PAROER_EINVALID, "close the open object first");
    pr_builder_begin_document(b, "<catalog>", NULL, NULL, -1);
    if (b->first_municipality < 0) b->first_municipality = c->municipality;
    int rc = 0;
    for (uint32_t i = 0; i < c->n_providers && !rc; i++) {
        const struct paroer_provider *p = &c->providers[i];
        rc = paroer_builder_add_provider(b, p->id, p->name, p->kind, p->area);
    }
    for (uint32_t i = 0; i < c->n_offers && !rc; i++) rc = add_offer_copy(b, c, &c->offers[i]);
    for (uint32_t i = 0; i < c->n_policies && !rc; i++) {
        const struct paroer_policy *p = &c->policies[i];
        rc = paroer_builder_begin_policy(b, p->id, p->municipality, p->title);
        if (!rc) rc = paroer_builder_set_text(b, PAROER_FIELD_SOURCE, p->source);
        b->curp.adopted = p->adopted;
        b->curp.valid_to = p->valid_to;
        b->curp.areas = p->areas;
        for (uint32_t g = 0; g < p->n_goals && !rc; g++) {
            const struct paroer_goal *sg = &p->goals[g];
            rc = paroer_builder_begin_goal(b, sg->id, sg->title, sg->category);
            if (!rc) {
                b->curg.target = sg->target;
                b->curg.needs = sg->needs;
                b->curg.kinds = sg->kinds;
                rc = paroer_builder_end_goal(b);
            }
        }
        for (uint32_t a = 0; a < p->n_action_plans && !rc; a++)
            rc = paroer_builder_add_action_plan(b, p->action_plans[a].title, p->action_plans[a].due,
                                                p->action_plans[a].adopted);
        if (!rc) rc = paroer_builder_end_policy(b);
        else b->state = ST_NONE;
    }
    if (b->state != ST_NONE) b->state = ST_NONE;
    pr_builder_end_document(b);
    return rc;
}

/* ---- finishing ------------------------------------------------------------ */

static int build_indexes(paroer_catalog_builder *b, paroer_catalog *c)
{
    pr_arena *ar = &c->arena;
    uint32_t *start = pr_arena_alloc(ar, (PR_MUNI_MAX + 1) * sizeof *start, _Alignof(uint32_t));
    if (!start) return PAROER_ENOMEM;
    memset(start, 0, (PR_MUNI_MAX + 1) * sizeof *start);
    size_t total = 0, n_nat = 0;
    for (size_t i = 0; i < b->n_offers; i++) {
        const struct paroer_offer *o = &b->offers[i];
        if (o->nationwide) { n_nat++; continue; }
        for (uint32_t k = 0; k < o->n_municipalities; k++) { start[o->municipalities[k] + 1]++; total++; }
    }
    for (int m = 0; m < PR_MUNI_MAX; m++) start[m + 1] += start[m];
    uint32_t *list = pr_arena_alloc(ar, (total ? total : 1) * sizeof *list, _Alignof(uint32_t));
    uint32_t *fill = pr_malloc(&b->alloc, PR_MUNI_MAX * sizeof *fill);
    uint32_t *nat = pr_arena_alloc(ar, (n_nat ? n_nat : 1) * sizeof *nat, _Alignof(uint32_t));
    if (!list || !fill || !nat) { pr_free(&b->alloc, fill); return PAROER_ENOMEM; }
    memcpy(fill, start, PR_MUNI_MAX * sizeof *fill);
    n_nat = 0;
    for (size_t i = 0; i < b->n_offers; i++) {
        const struct paroer_offer *o = &b->offers[i];
        if (o->nationwide) { nat[n_nat++] = (uint32_t)i; continue; }
        for (uint32_t k = 0; k < o->n_municipalities; k++) list[fill[o->municipalities[k]]++] = (uint32_t)i;
    }
    pr_free(&b->alloc, fill);
    c->muni_start = start;
    c->muni_offers = list;
    c->nationwide = nat;
    c->n_nationwide = (uint32_t)n_nat;
    return 0;
}

int paroer_catalog_builder_finish(paroer_catalog_builder *b, paroer_catalog **out)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!b) return pr_error(PAROER_EINVALID, "builder is NULL");
    if (b->state != ST_NONE) return pr_error(PAROER_EINVALID, "an offer, policy or goal is still open");
    if (b->first_error) {
        /* Re-raise the first error so the thread's record is about this load. */
        return pr_builder_reraise_first(b);
    }
    /* Every object that was added is valid (else first_error is set), so
     * registration numbers are the indexes the catalog's maps must give. */
    if (b->n_offer_reg != b->n_offers || b->n_policy_reg != b->n_policies || b->n_provider_reg != b->n_providers)
        return pr_error(PAROER_ERROR, "internal error: the builder's id registry is out of step");
    if (intern_language(b, "da", 2) == PR_NONE) return enomem(b);
    /* The builder's next catalog shell is allocated first, so a failure here
     * leaves the builder intact. */
    paroer_catalog *next = pr_calloc(&b->alloc, 1, sizeof *next);
    if (!next) return enomem(b);
    paroer_catalog *c = b->cat;
    c->municipality = b->first_municipality;
    int rc = build_indexes(b, c);
    if (rc) { pr_free(&b->alloc, next); return enomem(b); }
    /* Goals point at their policy; the policies array is final now. */
    for (size_t i = 0; i < b->n_policies; i++) {
        struct paroer_goal *g = (struct paroer_goal *)b->policies[i].goals;
        for (uint32_t k = 0; k < b->policies[i].n_goals; k++) g[k].policy = &b->policies[i];
    }
    c->providers = b->providers; c->n_providers = (uint32_t)b->n_providers;
    c->offers = b->offers; c->n_offers = (uint32_t)b->n_offers;
    for (size_t i = 0; i < b->n_offers; i++) b->offers[i].catalog = c;
    c->policies = b->policies; c->n_policies = (uint32_t)b->n_policies;
    c->languages = b->languages; c->n_languages = (uint32_t)b->n_languages;
    uint32_t da = 0;
    pr_strmap_get(&b->lang_map, "da", 2, &da);
    c->lang_da = (uint16_t)da;
    c->offer_ids = b->offer_ids; c->provider_ids = b->provider_ids; c->policy_ids = b->policy_ids;
    c->offer_ids.alloc = c->provider_ids.alloc = c->policy_ids.alloc = &c->alloc;
    c->memory_bytes = c->arena.reserved_bytes + sizeof *c +
                      b->cap_providers * sizeof *b->providers + b->cap_offers * sizeof *b->offers +
                      b->cap_policies * sizeof *b->policies + b->cap_languages * sizeof(char *) +
                      (c->offer_ids.cap + c->provider_ids.cap + c->policy_ids.cap) * (sizeof(char *) + 8);
    /* Hand everything over and leave the builder empty and reusable. */
    paroer_allocator a = b->alloc;
    paroer_diagnostics *diags = b->diags;
    uint32_t flags = b->flags, max_errors = b->max_errors;
    free_scratch(b);
    memset(b, 0, sizeof *b);
    b->alloc = a; b->diags = diags; b->flags = flags; b->max_errors = max_errors;
    b->first_municipality = b->doc_municipality = -1;
    pr_strmap_init(&b->lang_map, &b->alloc);
    pr_strmap_init(&b->offer_ids, &b->alloc);
    pr_strmap_init(&b->provider_ids, &b->alloc);
    pr_strmap_init(&b->policy_ids, &b->alloc);
    pr_strmap_init(&b->goal_ids, &b->alloc);
    b->cat = next;
    b->cat->alloc = a;
    pr_arena_init(&b->cat->arena, &b->cat->alloc);
    /* The arena and maps kept pointers to the builder's allocator copy; point them at the catalog's. */
    c->arena.alloc = &c->alloc;
    *out = c;
    return PAROER_OK;
}
