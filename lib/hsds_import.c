/* HSDS import: a service, an array of services, an organization with its
 * services, a page of services (`contents`), a service_at_location, or a
 * tabular data package (lib/hsds_csv.c turns it into the same tree), into the
 * catalog builder (contract section 7; the mapping is in docs/hsds.md).
 *
 * What our own export wrote comes back exactly: the `paroer` taxonomy's
 * attributes, the `x-paroer` members. A directory kept by others maps as far
 * as it can: ages, languages, schedules, cost, contacts, areas (Danish
 * municipalities by code or name) and assured_date; the kind from Open
 * Eligibility or esd terms, or from the words of the name and description
 * when the caller asks. A service that cannot be mapped is left out with a
 * warning that names it and says why (an error in strict mode); a value of
 * the wrong type where we read one is an error at FILE:LINE:COLUMN. */
#include "hsds_internal.h"
#include "json_write.h"
#include <math.h>
#include <stdio.h>
#include <string.h>


struct pr_hsds_im {
    paroer_catalog_builder *b;
    int strict, guess;
    int fatal;
    int32_t municipality;            /* opts->municipality */
    paroer_allocator alloc;
    pr_arena arena;                  /* provider ids, kept across documents */
    pr_strmap providers;
    size_t services, imported;       /* in the current document */
};
typedef struct pr_hsds_im im;

static int stopped(const im *I) { return I->fatal || pr_builder_should_stop(I->b); }

static int report(im *I, int severity, const pr_jpath *p, const char *fmt, ...) PR_PRINTF(4, 5);
static int report(im *I, int severity, const pr_jpath *p, const char *fmt, ...)
{
    char path[256], msg[900];
    pr_jpath_format(p, path, sizeof path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int r = pr_builder_report(I->b, severity, PAROER_ESCHEMA, path, "%s", msg);
    if (r == PAROER_ENOMEM) I->fatal = PAROER_ENOMEM;
    return severity == PR_SEV_ERROR ? -1 : 0;
}
#define BAD(I, p, ...) report(I, PR_SEV_ERROR, p, __VA_ARGS__)
#define WARN(I, p, ...) report(I, PR_SEV_WARNING, p, __VA_ARGS__)

static void call(im *I, int rc)
{
    if (rc == PAROER_ENOMEM) I->fatal = PAROER_ENOMEM;
}

static void quote(char *buf, size_t size, const json_t *v)
{
    if (json_is_string(v)) pr_quote(buf, size, json_string_value(v), json_string_length(v), 60);
    else snprintf(buf, size, "%s", v ? pr_json_type_name(v) : "(none)");
}

/* A member that must be a string when present; NULL when absent or null. */
static const char *opt_string(im *I, const json_t *obj, const char *key, const pr_jpath *objp)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return NULL;
    if (!json_is_string(v)) {
        pr_jpath kp = {objp, key, 0};
        BAD(I, &kp, "expected a string, found %s", pr_json_type_name(v));
        return NULL;
    }
    return json_string_value(v);
}

static const json_t *opt_array(im *I, const json_t *obj, const char *key, const pr_jpath *objp)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return NULL;
    if (!json_is_array(v)) {
        pr_jpath kp = {objp, key, 0};
        BAD(I, &kp, "expected an array, found %s", pr_json_type_name(v));
        return NULL;
    }
    return v;
}

static const json_t *opt_object(im *I, const json_t *obj, const char *key, const pr_jpath *objp)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return NULL;
    if (!json_is_object(v)) {
        pr_jpath kp = {objp, key, 0};
        BAD(I, &kp, "expected an object, found %s", pr_json_type_name(v));
        return NULL;
    }
    return v;
}

static int eq_ci(const char *a, const char *b)
{
    const size_t n = strlen(a);
    return strlen(b) == n && pr_ascii_ieq(a, b, n);
}

/* ---- attributes -------------------------------------------------------------- */

typedef struct pa {
    const char *id;
    int32_t kind, ext_kind;          /* -1 when none */
    uint32_t needs, relations, conditions, requires, modes, slots;
    int needs_given, modes_given;
    int64_t cared_min, cared_max, capacity;   /* -1 when none */
    int32_t bereaved, access, status, cost_free, nationwide;   /* -1 when none */
    int32_t valid_from, valid_to;
    const json_t *legal[32]; size_t n_legal;
    struct { const char *system, *code; } codes[32]; size_t n_codes;
    int provider_kind, area;
    int carers;                      /* an OE/esd term says "carers" */
} pa;

static void pa_init(pa *a)
{
    memset(a, 0, sizeof *a);
    a->kind = a->ext_kind = -1;
    a->cared_min = a->cared_max = a->capacity = -1;
    a->bereaved = a->access = a->status = a->cost_free = a->nationwide = -1;
    a->valid_from = a->valid_to = PAROER_DATE_NONE;
    a->provider_kind = a->area = -1;
}

/* The taxonomy a term belongs to: `taxonomy`, or the name of its
 * `taxonomy_detail` (the schema's spelling) or `taxonomy_details` (the docs'). */
static const char *term_taxonomy(const json_t *term)
{
    const json_t *t = json_object_get(term, "taxonomy");
    if (json_is_string(t) && json_string_length(t)) return json_string_value(t);
    const json_t *d = json_object_get(term, "taxonomy_detail");
    if (!json_is_object(d)) d = json_object_get(term, "taxonomy_details");
    if (json_is_object(d)) {
        const json_t *n = json_object_get(d, "name");
        if (json_is_string(n)) return json_string_value(n);
    }
    return NULL;
}

static int is_oe(const char *t) { return eq_ci(t, "openeligibility") || eq_ci(t, "open eligibility"); }
static int is_esd(const char *t)
{
    return eq_ci(t, "esd") || eq_ci(t, "esd services list") || eq_ci(t, "lga services list") ||
           eq_ci(t, "esd standards") || eq_ci(t, "lgsl");
}

static int64_t int_text(const char *s, int *ok)
{
    int64_t v = 0;
    *ok = 0;
    if (!s || !*s) return 0;
    int neg = *s == '-';
    if (neg) s++;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000) return 0;
        v = v * 10 + (*s - '0');
    }
    *ok = 1;
    return neg ? -v : v;
}

/* One attribute of the paroer taxonomy. */
static void paroer_attr(im *I, pa *a, const char *code, const char *value, const pr_jpath *ap,
                        const pr_jpath *codep, int org)
{
    const char *colon = strchr(code, ':');
    size_t dl = colon ? (size_t)(colon - code) : strlen(code);
    int dim = pr_hsds_dim_find(code, dl);
    char q[160];
    if (dim < 0) {
        pr_quote(q, sizeof q, code, strlen(code), 60);
        WARN(I, codep, "unknown term %s of the paroer taxonomy (ignored)", q);
        return;
    }
    const pr_hsds_dim_info *d = &pr_hsds_dims[dim];
    int32_t c = -1;
    if (d->list >= 0) {
        const char *cs = colon ? colon + 1 : value;
        if (!cs || paroer_vocab_parse(&c, d->list, cs, strlen(cs)) != PAROER_OK) {
            char expected[512];
            pr_quote(q, sizeof q, cs ? cs : "", cs ? strlen(cs) : 0, 60);
            pr_code_list_text(d->list, 0, expected, sizeof expected);
            BAD(I, codep, "unknown %s %s in the paroer taxonomy (expected one of: %s)",
                paroer_vocab_list_name(d->list), q, expected);
            return;
        }
    } else if (!value) {
        pr_jpath vp = {ap, "value", 0};
        BAD(I, &vp, "the paroer term \"%s\" needs a value", d->name);
        return;
    }
    pr_jpath vp = {ap, "value", 0};
    int ok;
    int32_t day;
    switch (dim) {
    case PR_HD_ID: a->id = value; break;
    case PR_HD_KIND: a->kind = c; break;
    case PR_HD_NEED: a->needs |= PR_BIT(c); a->needs_given = 1; break;
    case PR_HD_RELATION: a->relations |= PR_BIT(c); break;
    case PR_HD_CONDITION: a->conditions |= PR_BIT(c); break;
    case PR_HD_REQUIRES:
        if (c == PAROER_FLAG_BEREAVED) BAD(I, codep, "\"bereaved\" cannot be required; use the bereaved term");
        else a->requires |= PR_BIT(c);
        break;
    case PR_HD_BEREAVED: a->bereaved = c; break;
    case PR_HD_MODE: a->modes |= PR_BIT(c); a->modes_given = 1; break;
    case PR_HD_SLOT: a->slots |= PR_BIT(c); break;
    case PR_HD_ACCESS: a->access = c; break;
    case PR_HD_STATUS: a->status = c; break;
    case PR_HD_PROVIDER_KIND: if (org) a->provider_kind = c; break;
    case PR_HD_AREA: if (org) a->area = c; break;
    case PR_HD_CARED_MIN: case PR_HD_CARED_MAX: case PR_HD_CAPACITY: {
        int64_t v = int_text(value, &ok);
        if (!ok || v < 0) {
            pr_quote(q, sizeof q, value, strlen(value), 40);
            BAD(I, &vp, "expected a whole number of 0 or more, found %s", q);
        } else if (dim == PR_HD_CARED_MIN) a->cared_min = v;
        else if (dim == PR_HD_CARED_MAX) a->cared_max = v;
        else a->capacity = v;
        break;
    }
    case PR_HD_VALID_FROM: case PR_HD_VALID_TO: {
        int r = pr_parse_date(value, strlen(value), &day);
        if (r) {
            pr_quote(q, sizeof q, value, strlen(value), 40);
            BAD(I, &vp, r == 1 ? "expected a date \"YYYY-MM-DD\", found %s" : "%s is not a calendar date", q);
        } else if (dim == PR_HD_VALID_FROM) a->valid_from = day;
        else a->valid_to = day;
        break;
    }
    case PR_HD_COST:
        if (!strcmp(value, "free")) a->cost_free = 1;
        else if (!strcmp(value, "paid")) a->cost_free = 0;
        else BAD(I, &vp, "expected \"free\" or \"paid\"");
        break;
    case PR_HD_NATIONWIDE:
        if (!strcmp(value, "true")) a->nationwide = 1;
        else if (!strcmp(value, "false")) a->nationwide = 0;
        else BAD(I, &vp, "expected \"true\" or \"false\"");
        break;
    default: break;
    }
}

/* Reads the attributes of a service or an organization. */
static void read_attributes(im *I, const json_t *obj, const pr_jpath *objp, pa *a, int org)
{
    const json_t *arr = opt_array(I, obj, "attributes", objp);
    if (!arr) return;
    pr_jpath arrp = {objp, "attributes", 0};
    size_t i;
    const json_t *at;
    json_array_foreach(arr, i, at) {
        if (stopped(I)) return;
        pr_jpath ap = {&arrp, NULL, i};
        if (!json_is_object(at)) {
            BAD(I, &ap, "expected an attribute (an object), found %s", pr_json_type_name(at));
            continue;
        }
        const json_t *term = json_object_get(at, "taxonomy_term");
        if (!json_is_object(term)) continue;   /* a term we cannot see: nothing to map */
        pr_jpath tp = {&ap, "taxonomy_term", 0};
        const char *tax = term_taxonomy(term);
        const char *link = opt_string(I, at, "link_type", &ap);
        const char *value = opt_string(I, at, "value", &ap);
        const json_t *cv = json_object_get(term, "code");
        pr_jpath cp = {&tp, "code", 0};
        const char *code = json_is_string(cv) ? json_string_value(cv) : NULL;
        if (tax && !strcmp(tax, PR_HSDS_TAXONOMY)) {
            if (!code) {
                BAD(I, cv ? &cp : &tp, "a term of the paroer taxonomy needs a \"code\" (a string)");
                continue;
            }
            if (pr_hsds_dim_find(code, strchr(code, ':') ? (size_t)(strchr(code, ':') - code) : strlen(code)) ==
                PR_HD_LEGAL_BASIS) {
                pr_jpath vp = {&ap, "value", 0};
                if (!value || !*value) BAD(I, &vp, "the paroer term \"legal_basis\" needs a value");
                else if (a->n_legal < PR_COUNT_OF(a->legal)) a->legal[a->n_legal++] = json_object_get(at, "value");
                else WARN(I, &ap, "more than %zu legal bases on one service: this one is ignored", PR_COUNT_OF(a->legal));
                continue;
            }
            paroer_attr(I, a, code, value, &ap, &cp, org);
            continue;
        }
        if (org || !code) continue;
        if (link && !strcmp(link, pr_hsds_dims[PR_HD_EXTERNAL_CODE].name) && tax) {
            if (a->n_codes < PR_COUNT_OF(a->codes)) {
                a->codes[a->n_codes].system = tax;
                a->codes[a->n_codes].code = code;
                a->n_codes++;
            } else {
                WARN(I, &ap, "more than %zu external codes on one service: this one is ignored", PR_COUNT_OF(a->codes));
            }
            continue;
        }
        if (!tax) continue;
        int oe = is_oe(tax), esd = is_esd(tax);
        if (!oe && !esd) continue;
        for (size_t k = 0; k < pr_hsds_n_ext_terms; k++) {
            const pr_hsds_ext_term *t = &pr_hsds_ext_terms[k];
            if (strcmp(t->code, code) != 0 || (oe ? !is_oe(t->taxonomy) : !is_esd(t->taxonomy))) continue;
            if (t->kind >= 0 && a->ext_kind < 0) a->ext_kind = t->kind;
            a->carers = 1;
        }
    }
}

/* ---- guessing a kind from words ------------------------------------------------ */

static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        for (; i < n && p[i]; i++) {
            char x = p[i], y = needle[i];
            if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
            if (x != y) break;
        }
        if (i == n) return 1;
    }
    return 0;
}

static int32_t guess_kind(const char *name, const char *description)
{
    static const struct { const char *word; int32_t kind; } words[] = {
        {"afløsning", PAROER_KIND_RESPITE_HOME}, {"aflastning", PAROER_KIND_RESPITE_AWAY},
        {"respite", PAROER_KIND_RESPITE_AWAY}, {"daghjem", PAROER_KIND_RESPITE_AWAY},
        {"rådgivning", PAROER_KIND_COUNSELLING}, {"pårørendevejleder", PAROER_KIND_COUNSELLING},
        {"counsel", PAROER_KIND_COUNSELLING}, {"samtalegruppe", PAROER_KIND_PEER_GROUP},
        {"pårørendegruppe", PAROER_KIND_PEER_GROUP}, {"support group", PAROER_KIND_PEER_GROUP},
        {"peer support", PAROER_KIND_PEER_GROUP}, {"café", PAROER_KIND_CAFE_NETWORK},
        {"cafe", PAROER_KIND_CAFE_NETWORK}, {"netværk", PAROER_KIND_CAFE_NETWORK},
        {"kursus", PAROER_KIND_COURSE}, {"undervisning", PAROER_KIND_COURSE}, {"course", PAROER_KIND_COURSE},
        {"plejevederlag", PAROER_KIND_FINANCIAL_SUPPORT}, {"tabt arbejdsfortjeneste", PAROER_KIND_FINANCIAL_SUPPORT},
        {"allowance", PAROER_KIND_FINANCIAL_SUPPORT}, {"orlov", PAROER_KIND_LEAVE},
        {"psykolog", PAROER_KIND_HEALTH_PROMOTION}, {"motion", PAROER_KIND_HEALTH_PROMOTION},
        {"ferie", PAROER_KIND_ACTIVITY_BREAK}, {"pusterum", PAROER_KIND_ACTIVITY_BREAK},
        {"pårørendepanel", PAROER_KIND_INVOLVEMENT}, {"brugerråd", PAROER_KIND_INVOLVEMENT},
        {"foredrag", PAROER_KIND_INFORMATION}, {"information", PAROER_KIND_INFORMATION},
    };
    for (int pass = 0; pass < 2; pass++) {
        const char *text = pass ? description : name;
        if (!text) continue;
        for (size_t i = 0; i < PR_COUNT_OF(words); i++)
            if (contains_ci(text, words[i].word)) return words[i].kind;
    }
    return -1;
}

/* ---- providers --------------------------------------------------------------- */

static int provider_known(im *I, const char *id)
{
    uint32_t v;
    return pr_strmap_get(&I->providers, id, strlen(id), &v);
}

static void provider_remember(im *I, const char *id)
{
    size_t n = strlen(id);
    char *copy = pr_arena_strndup(&I->arena, id, n);
    if (!copy || pr_strmap_put(&I->providers, copy, n, 0, NULL) == PAROER_ENOMEM) I->fatal = PAROER_ENOMEM;
}

/* The provider of a service: its organization, added the first time it is
 * seen. Returns its id (borrowed from the tree), or NULL when it has none. */
static const char *provider_of(im *I, const json_t *org, const pr_jpath *orgp)
{
    if (!org) return NULL;
    pa a;
    pa_init(&a);
    read_attributes(I, org, orgp, &a, 1);
    const char *id = a.id ? a.id : opt_string(I, org, "id", orgp);
    const char *name = opt_string(I, org, "name", orgp);
    if (!id || !*id) return NULL;
    if (provider_known(I, id)) return id;
    if (!name || !*name) name = id;
    call(I, paroer_builder_add_provider(I->b, id, name, a.provider_kind >= 0 ? a.provider_kind
                                                                              : PAROER_PROVIDER_CIVIL_SOCIETY,
                                        a.area));
    provider_remember(I, id);
    return id;
}

/* ---- one service ----------------------------------------------------------------- */

static int area_code_from_uri(const char *uri)
{
    const char *k = strstr(uri, "/kommuner/");
    if (!k) return -1;
    k += 10;
    int v = 0, n = 0;
    for (; *k >= '0' && *k <= '9' && n < 4; k++, n++) v = v * 10 + (*k - '0');
    if (n < 3 || (*k && *k != '/' && *k != '?')) return -1;
    return v >= 1 && v <= 999 ? v : -1;
}

static int is_country(const char *name)
{
    return eq_ci(name, "danmark") || eq_ci(name, "denmark") || eq_ci(name, "hele landet") ||
           eq_ci(name, "hele danmark") || eq_ci(name, "landsdækkende");
}

static void read_areas(im *I, const json_t *s, const pr_jpath *sp, int *nationwide, int *n_munis)
{
    const json_t *arr = opt_array(I, s, "service_areas", sp);
    if (!arr) return;
    pr_jpath arrp = {sp, "service_areas", 0};
    size_t i;
    const json_t *ar;
    json_array_foreach(arr, i, ar) {
        if (stopped(I)) return;
        pr_jpath ap = {&arrp, NULL, i};
        if (!json_is_object(ar)) {
            BAD(I, &ap, "expected a service area (an object), found %s", pr_json_type_name(ar));
            continue;
        }
        const char *uri = opt_string(I, ar, "uri", &ap);
        const char *name = opt_string(I, ar, "name", &ap);
        int code = uri ? area_code_from_uri(uri) : -1;
        if (code < 0 && name) code = pr_hsds_muni_by_name(name, strlen(name));
        if (code > 0) {
            call(I, paroer_builder_add(I->b, PAROER_FIELD_MUNICIPALITIES, code));
            (*n_munis)++;
        } else if (name && is_country(name)) {
            *nationwide = 1;
        } else {
            char q[160];
            quote(q, sizeof q, json_object_get(ar, "name"));
            WARN(I, &ap, "service area %s is not a Danish municipality or the whole country (ignored)", q);
        }
    }
}

static void rr_add(pr_buf *b, const char *key, const char *v)
{
    if (!v || !*v) return;
    if (b->len) pr_buf_putc(b, ';');
    pr_buf_puts(b, key);
    pr_buf_putc(b, '=');
    pr_buf_puts(b, v);
}

static void read_schedule(im *I, const json_t *s, const pr_jpath *sp)
{
    const json_t *arr = opt_array(I, s, "schedules", sp);
    if (!arr || json_array_size(arr) == 0) return;
    pr_jpath arrp = {sp, "schedules", 0};
    pr_jpath p0 = {&arrp, NULL, 0};
    const json_t *sc = json_array_get(arr, 0);
    if (!json_is_object(sc)) {
        BAD(I, &p0, "expected a schedule (an object), found %s", pr_json_type_name(sc));
        return;
    }
    if (json_array_size(arr) > 1)
        WARN(I, &arrp, "only the first of %zu schedules is kept (an offer has one schedule)", json_array_size(arr));
    const json_t *ext = json_object_get(sc, PR_HSDS_EXT);
    if (json_is_object(ext)) {
        pr_jpath ep = {&p0, PR_HSDS_EXT, 0};
        const char *rr = opt_string(I, ext, "rrule", &ep);
        if (rr) {
            call(I, paroer_builder_set_text(I->b, PAROER_FIELD_SCHEDULE, rr));
            return;
        }
    }
    const char *freq = opt_string(I, sc, "freq", &p0);
    if (!freq || !*freq) return;
    pr_buf b;
    pr_buf_init(&b, &I->alloc);
    char num[32];
    rr_add(&b, "FREQ", freq);
    static const char *const text_keys[][2] = {{"byday", "BYDAY"}, {"bymonthday", "BYMONTHDAY"},
                                               {"byweekno", "BYWEEKNO"}, {"byyearday", "BYYEARDAY"},
                                               {"wkst", "WKST"}};
    const json_t *iv = json_object_get(sc, "interval");
    if (json_is_number(iv) && json_number_value(iv) >= 1 && json_number_value(iv) < 1e6) {
        snprintf(num, sizeof num, "%lld", (long long)json_number_value(iv));
        rr_add(&b, "INTERVAL", num);
    }
    for (size_t k = 0; k < PR_COUNT_OF(text_keys); k++) {
        const char *v = opt_string(I, sc, text_keys[k][0], &p0);
        rr_add(&b, text_keys[k][1], v);
    }
    const json_t *cv = json_object_get(sc, "count");
    if (json_is_number(cv) && json_number_value(cv) >= 1 && json_number_value(cv) < 1e6) {
        snprintf(num, sizeof num, "%lld", (long long)json_number_value(cv));
        rr_add(&b, "COUNT", num);
    }
    const char *until = opt_string(I, sc, "until", &p0);
    int32_t d;
    if (until && strlen(until) >= 10 && pr_parse_date(until, 10, &d) == 0) {
        char u[9] = {until[0], until[1], until[2], until[3], until[5], until[6], until[8], until[9], '\0'};
        rr_add(&b, "UNTIL", u);
    }
    pr_buf_putc(&b, '\0');
    if (b.err) I->fatal = PAROER_ENOMEM;
    else call(I, paroer_builder_set_text(I->b, PAROER_FIELD_SCHEDULE, b.p));
    pr_buf_discard(&b);
}

static void read_contact(im *I, const json_t *s, const pr_jpath *sp)
{
    const char *email = opt_string(I, s, "email", sp);
    const char *phone = NULL;
    const json_t *phones = opt_array(I, s, "phones", sp);
    if (phones && json_array_size(phones)) {
        const json_t *ph = json_array_get(phones, 0);
        if (json_is_object(ph)) {
            const json_t *n = json_object_get(ph, "number");
            if (json_is_string(n) && json_string_length(n)) phone = json_string_value(n);
        }
    }
    const json_t *contacts = opt_array(I, s, "contacts", sp);
    if (contacts && json_array_size(contacts) && json_is_object(json_array_get(contacts, 0))) {
        const json_t *ct = json_array_get(contacts, 0);
        if (!email) {
            const json_t *e = json_object_get(ct, "email");
            if (json_is_string(e) && json_string_length(e)) email = json_string_value(e);
        }
        const json_t *cph = json_object_get(ct, "phones");
        if (!phone && json_is_array(cph) && json_is_object(json_array_get(cph, 0))) {
            const json_t *n = json_object_get(json_array_get(cph, 0), "number");
            if (json_is_string(n) && json_string_length(n)) phone = json_string_value(n);
        }
    }
    const char *url = opt_string(I, s, "url", sp);
    const json_t *ext = json_object_get(s, PR_HSDS_EXT);
    if (json_is_object(ext)) {   /* our own export: the text as it was, where HSDS could not take it */
        pr_jpath ep = {sp, PR_HSDS_EXT, 0};
        const char *x = opt_string(I, ext, "url", &ep);
        if (x) url = x;
        x = opt_string(I, ext, "email", &ep);
        if (x) email = x;
    }
    if (phone) call(I, paroer_builder_set_text(I->b, PAROER_FIELD_CONTACT_PHONE, phone));
    if (email && *email) call(I, paroer_builder_set_text(I->b, PAROER_FIELD_CONTACT_EMAIL, email));
    if (url && *url) call(I, paroer_builder_set_text(I->b, PAROER_FIELD_CONTACT_URL, url));
}

static void read_source(im *I, const json_t *s, const pr_jpath *sp)
{
    const json_t *ext = json_object_get(s, PR_HSDS_EXT);
    if (json_is_object(ext)) {
        pr_jpath ep = {sp, PR_HSDS_EXT, 0};
        const char *src = opt_string(I, ext, "source", &ep);
        if (src) {
            call(I, paroer_builder_set_text(I->b, PAROER_FIELD_SOURCE, src));
            return;
        }
    }
    const json_t *urls = json_object_get(s, "additional_urls");
    size_t i;
    const json_t *u;
    if (!json_is_array(urls)) return;
    json_array_foreach(urls, i, u) {
        const json_t *l = json_object_get(u, "label"), *v = json_object_get(u, "url");
        if (json_is_string(l) && json_is_string(v) && eq_ci(json_string_value(l), "source")) {
            call(I, paroer_builder_set_text(I->b, PAROER_FIELD_SOURCE, json_string_value(v)));
            return;
        }
    }
}

static void read_cost(im *I, const json_t *s, const pr_jpath *sp, const pa *a)
{
    const json_t *arr = opt_array(I, s, "cost_options", sp);
    int32_t free_ = a->cost_free;
    double price = NAN;
    if (arr) {
        pr_jpath arrp = {sp, "cost_options", 0};
        size_t i;
        const json_t *co;
        json_array_foreach(arr, i, co) {
            pr_jpath cp = {&arrp, NULL, i};
            if (!json_is_object(co)) {
                BAD(I, &cp, "expected a cost option (an object), found %s", pr_json_type_name(co));
                continue;
            }
            const json_t *amt = json_object_get(co, "amount");
            const json_t *cur = json_object_get(co, "currency");
            if (amt && !json_is_null(amt) && !json_is_number(amt)) {
                pr_jpath ap = {&cp, "amount", 0};
                BAD(I, &ap, "expected a number, found %s", pr_json_type_name(amt));
                continue;
            }
            if (!json_is_number(amt)) continue;
            double v = json_number_value(amt);
            if (v < 0 || !isfinite(v)) continue;
            int dkk = !json_is_string(cur) || eq_ci(json_string_value(cur), "dkk");
            if (v == 0) {
                if (free_ < 0) free_ = 1;
            } else {
                if (free_ < 0) free_ = 0;
                if (dkk) price = v;
            }
            break;
        }
    }
    if (free_ >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_COST_FREE, free_));
    if (!isnan(price)) call(I, paroer_builder_set_double(I->b, PAROER_FIELD_PRICE_DKK, price));
}

static void read_age(im *I, const json_t *s, const char *key, const pr_jpath *sp, int32_t field)
{
    const json_t *v = json_object_get(s, key);
    if (!v || json_is_null(v)) return;
    pr_jpath kp = {sp, key, 0};
    if (!json_is_number(v)) {
        BAD(I, &kp, "expected an age (a number), found %s", pr_json_type_name(v));
        return;
    }
    double d = json_number_value(v);
    if (!(d >= 0 && d <= 200)) {
        BAD(I, &kp, "an age must be 0..200 years");
        return;
    }
    /* Fractional ages (HSDS allows numbers): the whole years inside the range. */
    int64_t y = field == PAROER_FIELD_RELATIVE_AGE_MIN ? (int64_t)ceil(d) : (int64_t)floor(d);
    call(I, paroer_builder_set_int(I->b, field, y));
}

static void read_service(im *I, const json_t *s, const pr_jpath *sp, const json_t *org, const pr_jpath *orgp)
{
    I->services++;
    char q1[120], q2[120];
    if (!json_is_object(s)) {
        BAD(I, sp, "expected a service (an object), found %s", pr_json_type_name(s));
        return;
    }
    const json_t *nv = json_object_get(s, "name");
    const json_t *iv = json_object_get(s, "id");
    quote(q1, sizeof q1, iv);
    quote(q2, sizeof q2, nv);
    pa a;
    pa_init(&a);
    size_t errors = pr_builder_error_count(I->b);
    read_attributes(I, s, sp, &a, 0);
    if (stopped(I) || pr_builder_error_count(I->b) > errors) return;
    const char *name = json_is_string(nv) ? json_string_value(nv) : NULL;
    const char *description = opt_string(I, s, "description", sp);
    const char *id = a.id ? a.id : json_is_string(iv) ? json_string_value(iv) : NULL;
    int32_t kind = a.kind >= 0 ? a.kind : a.ext_kind;
    if (kind < 0 && I->guess) kind = guess_kind(name, description);
    const char *why = NULL;
    if (!id || !*id) why = "it has no id";
    else if (!name || !*name) why = "it has no name";
    else if (kind < 0)
        why = I->guess ? "no kind of offer: no term of the paroer taxonomy, Open Eligibility or esd says one, "
                         "and its name and description name none"
                       : "no kind of offer: no term of the paroer taxonomy, Open Eligibility or esd says one "
                         "(guessing from the words is off)";
    if (why) {
        WARN(I, sp, "service %s (%s) not imported: %s", q1, q2, why);
        return;
    }
    const json_t *sorg = opt_object(I, s, "organization", sp);
    pr_jpath sorgp = {sp, "organization", 0};
    const char *provider = sorg ? provider_of(I, sorg, &sorgp) : provider_of(I, org, orgp);
    if (stopped(I)) return;

    if (paroer_builder_begin_offer(I->b, id, name, kind) == PAROER_ENOMEM) {
        I->fatal = PAROER_ENOMEM;
        return;
    }
    char path[128];
    pr_jpath_format(sp, path, sizeof path);
    pr_builder_set_object_path(I->b, path);
    if (description) call(I, paroer_builder_set_text(I->b, PAROER_FIELD_DESCRIPTION, description));
    if (provider) call(I, paroer_builder_set_text(I->b, PAROER_FIELD_PROVIDER, provider));
    read_contact(I, s, sp);
    read_source(I, s, sp);
    const char *status = opt_string(I, s, "status", sp);
    int32_t st = a.status;
    if (st < 0 && status) st = strcmp(status, "active") == 0 ? PAROER_STATUS_ACTIVE : PAROER_STATUS_PAUSED;
    if (st >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_STATUS, st));
    read_age(I, s, "minimum_age", sp, PAROER_FIELD_RELATIVE_AGE_MIN);
    read_age(I, s, "maximum_age", sp, PAROER_FIELD_RELATIVE_AGE_MAX);
    const char *assured = opt_string(I, s, "assured_date", sp);
    int32_t day;
    if (assured && strlen(assured) >= 10 && pr_parse_date(assured, 10, &day) == 0)
        call(I, paroer_builder_set_int(I->b, PAROER_FIELD_VERIFIED, day));
    else if (assured) {
        pr_jpath ap = {sp, "assured_date", 0};
        WARN(I, &ap, "assured_date is not a date \"YYYY-MM-DD\" (ignored)");
    }
    const json_t *langs = opt_array(I, s, "languages", sp);
    if (langs) {
        pr_jpath lp = {sp, "languages", 0};
        size_t i;
        const json_t *l;
        json_array_foreach(langs, i, l) {
            pr_jpath ep = {&lp, NULL, i};
            const json_t *c = json_is_object(l) ? json_object_get(l, "code") : NULL;
            if (!json_is_string(c)) continue;
            if (!pr_is_language_tag(json_string_value(c), json_string_length(c))) {
                char q[100];
                quote(q, sizeof q, c);
                WARN(I, &ep, "language code %s is not a language tag (ignored)", q);
                continue;
            }
            call(I, paroer_builder_add_text(I->b, PAROER_FIELD_LANGUAGES, json_string_value(c)));
        }
    }
    read_cost(I, s, sp, &a);
    const json_t *caps = opt_array(I, s, "capacities", sp);
    if (caps && json_is_object(json_array_get(caps, 0))) {
        const json_t *c0 = json_array_get(caps, 0);
        const json_t *m = json_object_get(c0, "maximum");
        if (!json_is_number(m)) m = json_object_get(c0, "available");
        if (json_is_number(m) && json_number_value(m) >= 0 && json_number_value(m) < 1e12)
            a.capacity = (int64_t)json_number_value(m);
    }
    if (a.capacity >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_CAPACITY, a.capacity));
    int nationwide = a.nationwide == 1, n_munis = 0;
    read_areas(I, s, sp, &nationwide, &n_munis);
    if (nationwide) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_NATIONWIDE, 1));
    read_schedule(I, s, sp);

    if (a.needs_given)
        for (int32_t i = 0; i < 32; i++)
            if (a.needs & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_NEEDS, i));
    for (int32_t i = 0; i < 32; i++) {
        if (a.relations & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_RELATIONS, i));
        if (a.conditions & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_CONDITIONS, i));
        if (a.requires & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_REQUIRES, i));
        if (a.modes & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_MODES, i));
        if (a.slots & PR_BIT(i)) call(I, paroer_builder_add(I->b, PAROER_FIELD_SLOTS, i));
    }
    if (a.cared_min >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_CARED_FOR_AGE_MIN, a.cared_min));
    if (a.cared_max >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_CARED_FOR_AGE_MAX, a.cared_max));
    if (a.bereaved >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_BEREAVED, a.bereaved));
    if (a.access >= 0) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_ACCESS, a.access));
    if (a.valid_from != PAROER_DATE_NONE) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_VALID_FROM, a.valid_from));
    if (a.valid_to != PAROER_DATE_NONE) call(I, paroer_builder_set_int(I->b, PAROER_FIELD_VALID_TO, a.valid_to));
    for (size_t i = 0; i < a.n_legal; i++)
        call(I, paroer_builder_add_text(I->b, PAROER_FIELD_LEGAL_BASIS, json_string_value(a.legal[i])));
    for (size_t i = 0; i < a.n_codes; i++) call(I, paroer_builder_add_code(I->b, a.codes[i].system, a.codes[i].code));
    if (stopped(I)) return;
    int rc = paroer_builder_end_offer(I->b);
    if (rc == PAROER_ENOMEM) I->fatal = rc;
    else if (rc == PAROER_OK) I->imported++;
}

/* ---- documents ------------------------------------------------------------------- */

static int looks_like_service(const json_t *o)
{
    static const char *const keys[] = {"status", "service_areas", "eligibility_description", "minimum_age",
                                       "maximum_age", "cost_options", "schedules", "program", "organization",
                                       "application_process", "fees_description", "service_at_locations",
                                       "capacities", "assured_date", "attributes", PR_HSDS_EXT};
    for (size_t i = 0; i < PR_COUNT_OF(keys); i++)
        if (json_object_get(o, keys[i])) return 1;
    return 0;
}

/* What an object that is not a service is, for the warning. */
static const char *what_is(const json_t *o)
{
    if (json_object_get(o, "location_type")) return "a location";
    if (json_object_get(o, "taxonomy_detail") || json_object_get(o, "taxonomy_details") ||
        json_object_get(o, "term_uri") || json_object_get(o, "parent_id"))
        return "a taxonomy term";
    if (json_object_get(o, "openapi_url")) return "the API's base document";
    if (json_object_get(o, "website") || json_object_get(o, "legal_status") || json_object_get(o, "tax_status") ||
        json_object_get(o, "organization_identifiers") || json_object_get(o, "year_incorporated"))
        return "an organization without services";
    if (json_object_get(o, "uri") && json_object_get(o, "version")) return "a taxonomy";
    if (json_object_get(o, "format")) return "not HSDS (a libparoer document?)";
    return "no HSDS service, organization or page";
}

static void read_services(im *I, const json_t *arr, const pr_jpath *arrp, const json_t *org, const pr_jpath *orgp)
{
    size_t i;
    const json_t *s;
    json_array_foreach(arr, i, s) {
        if (stopped(I)) return;
        pr_jpath sp = {arrp, NULL, i};
        /* A service_at_location carries its service. */
        const json_t *inner = json_is_object(s) ? json_object_get(s, "service") : NULL;
        if (json_is_object(inner) && !json_object_get(s, "name")) {
            pr_jpath ip = {&sp, "service", 0};
            read_service(I, inner, &ip, org, orgp);
        } else if (json_is_object(s) && json_is_array(json_object_get(s, "services"))) {
            pr_jpath ip = {&sp, "services", 0};
            read_services(I, json_object_get(s, "services"), &ip, s, &sp);
        } else if (json_is_object(s) && !looks_like_service(s) && strcmp(what_is(s), "no HSDS service, organization or page")) {
            WARN(I, &sp, "not a service: %s (nothing imported from it)", what_is(s));
        } else {
            read_service(I, s, &sp, org, orgp);
        }
        /* Done with it: freeing each service now, while its memory is warm,
         * is far cheaper than freeing the whole tree at the end (as the
         * catalog loader does). The first service's extension is held by
         * read_root. */
        json_array_set_new((json_t *)arr, i, json_null());
    }
}

void pr_hsds_read_tabular_services(im *I, const json_t *services)
{
    pr_jpath sp = {NULL, "services.csv", 0};
    read_services(I, services, &sp, NULL, NULL);
}

/* The extension of our own export: the catalog's providers first (so their
 * order is kept), its policies after the offers. */
static const json_t *catalog_ext(const json_t *root, pr_jpath *first, pr_jpath *extp, pr_jpath *catp)
{
    const json_t *s = json_is_array(root) ? json_array_get(root, 0) : NULL;
    const json_t *ext = json_is_object(s) ? json_object_get(s, PR_HSDS_EXT) : NULL;
    const json_t *cat = json_is_object(ext) ? json_object_get(ext, "catalog") : NULL;
    *first = (pr_jpath){NULL, NULL, 0};
    *extp = (pr_jpath){first, PR_HSDS_EXT, 0};
    *catp = (pr_jpath){extp, "catalog", 0};
    return json_is_object(cat) ? cat : NULL;
}

static void read_root(im *I, const json_t *root)
{
    pr_jpath first, extp, catp;
    json_t *cat = (json_t *)catalog_ext(root, &first, &extp, &catp);
    json_incref(cat);   /* read after the services, which are freed one by one */
    if (cat) {
        const json_t *provs = json_object_get(cat, "providers");
        pr_jpath pp = {&catp, "providers", 0};
        if (provs && !json_is_array(provs)) BAD(I, &pp, "expected an array of providers, found %s", pr_json_type_name(provs));
        size_t i;
        const json_t *p;
        if (json_is_array(provs))
            json_array_foreach(provs, i, p) {
                if (stopped(I)) break;
                pr_jpath ep = {&pp, NULL, i};
                const json_t *id = json_is_object(p) ? json_object_get(p, "id") : NULL;
                if (json_is_string(id) && provider_known(I, json_string_value(id))) continue;
                int rc = pr_load_provider_json(I->b, p, &ep, I->strict);
                if (rc) I->fatal = rc;
                if (json_is_string(id)) provider_remember(I, json_string_value(id));
            }
    }
    if (json_is_array(root)) {
        read_services(I, root, NULL, NULL, NULL);
    } else if (json_is_object(root)) {
        const json_t *contents = json_object_get(root, "contents");
        const json_t *services = json_object_get(root, "services");
        const json_t *service = json_object_get(root, "service");
        if (json_is_array(contents)) {
            pr_jpath cp = {NULL, "contents", 0};
            read_services(I, contents, &cp, NULL, NULL);
        } else if (json_is_array(services)) {
            pr_jpath sp = {NULL, "services", 0};
            read_services(I, services, &sp, root, NULL);
        } else if (json_is_object(service) && !json_object_get(root, "name")) {
            pr_jpath sp = {NULL, "service", 0};
            read_service(I, service, &sp, NULL, NULL);
        } else if (json_object_get(root, "status") || json_object_get(root, "service_areas") ||
                   json_object_get(root, "attributes") || json_object_get(root, "organization")) {
            read_service(I, root, NULL, NULL, NULL);
        } else if (json_is_array(json_object_get(root, "services.csv"))) {
            pr_hsds_read_tabular_json(I, root);
        } else {
            WARN(I, NULL, "no services here: the document is %s", what_is(root));
        }
    } else {
        BAD(I, NULL, "expected HSDS (a service, an array of services, an organization or a page), found %s",
            pr_json_type_name(root));
    }
    if (cat && !stopped(I)) {
        const json_t *pol = json_object_get(cat, "policies");
        pr_jpath pp = {&catp, "policies", 0};
        int rc = pr_load_policies_json(I->b, pol, &pp, I->strict);
        if (rc) I->fatal = rc;
        const json_t *m = json_object_get(cat, "municipality");
        int32_t code;
        if (m && pr_parse_municipality(m, &code) == 0) call(I, paroer_builder_set_municipality(I->b, code));
    }
    json_decref(cat);
}

void pr_hsds_read_tree(im *I, const json_t *root, const char *name, pr_locate_fn locate, void *ctx)
{
    pr_builder_begin_document(I->b, name, locate, ctx, I->municipality);
    I->services = I->imported = 0;
    read_root(I, root);
    pr_builder_end_document(I->b);
}

static void read_json(im *I, const char *data, size_t len, const char *name)
{
    pr_locate_ctx loc = {.data = data, .len = len, .offset = -1};
    pr_json_failure f;
    json_t *root = pr_json_parse(data, len, 0, &f);
    if (!root) {
        pr_builder_begin_document(I->b, name, pr_json_locate, &loc, I->municipality);
        loc.fixed = 1;
        loc.offset = (int64_t)f.offset;
        pr_json_position(data ? data : "", data ? len : 0, f.offset, &loc.line, &loc.column);
        int r = pr_builder_report(I->b, PR_SEV_ERROR, f.code, "", "%s", f.message);
        if (r == PAROER_ENOMEM || f.code == PAROER_ENOMEM) I->fatal = PAROER_ENOMEM;
        pr_builder_end_document(I->b);
        return;
    }
    pr_hsds_read_tree(I, root, name, pr_json_locate, &loc);
    json_decref(root);
}

paroer_catalog_builder *pr_hsds_builder(pr_hsds_im *I) { return I->b; }
const paroer_allocator *pr_hsds_alloc(pr_hsds_im *I) { return &I->alloc; }
void pr_hsds_fail(pr_hsds_im *I, int code) { if (!I->fatal) I->fatal = code; }

static int start(im *I, const paroer_hsds_options *opts, paroer_hsds_options *defaults)
{
    memset(I, 0, sizeof *I);
    if (!opts) {
        paroer_hsds_options_init(defaults, PAROER_HSDS_OPTIONS_VERSION);
        opts = defaults;
    }
    if (opts->version != PAROER_HSDS_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown options version %u", (unsigned)opts->version);
    if (opts->municipality != -1 && (opts->municipality < 1 || opts->municipality > 999))
        return pr_error(PAROER_EINVALID, "municipality %d is not 1..999 (or -1 for none)", (int)opts->municipality);
    I->strict = (opts->flags & PAROER_HSDS_STRICT) != 0;
    I->guess = (opts->flags & PAROER_HSDS_GUESS_KIND) != 0;
    I->municipality = opts->municipality;
    paroer_load_options lo;
    paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
    lo.allocator = opts->allocator;
    lo.diagnostics = opts->diagnostics;
    lo.max_errors = opts->max_errors;
    if (I->strict) lo.flags |= PAROER_LOAD_STRICT;
    int rc = paroer_catalog_builder_new(&I->b, &lo);
    if (rc) return rc;
    return PAROER_OK;
}

static int finish(im *I, paroer_catalog **out)
{
    int rc = pr_builder_reraise_first(I->b);
    if (!rc && I->fatal) rc = pr_error(I->fatal, "out of memory");
    if (!rc) rc = paroer_catalog_builder_finish(I->b, out);
    paroer_catalog_builder_free(I->b);
    pr_strmap_free(&I->providers);
    pr_arena_free(&I->arena);
    return rc;
}

static void init_maps(im *I, const paroer_allocator *a)
{
    I->alloc = *a;
    pr_arena_init(&I->arena, a);
    pr_strmap_init(&I->providers, a);
}

int paroer_catalog_from_hsds_buffer(paroer_catalog **out, const char *data, size_t len, const char *name,
                                    const paroer_hsds_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!data && len) return pr_error(PAROER_EINVALID, "data is NULL");
    im I;
    paroer_hsds_options defaults;
    int rc = start(&I, opts, &defaults);
    if (rc) return rc;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    init_maps(&I, &a);
    read_json(&I, data, len, name ? name : "<buffer>");
    return finish(&I, out);
}

int paroer_catalog_from_hsds_files(paroer_catalog **out, const char *const *paths, size_t n,
                                   const paroer_hsds_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!paths || n == 0) return pr_error(PAROER_EINVALID, "no file to read");
    for (size_t i = 0; i < n; i++)
        if (!paths[i]) return pr_error(PAROER_EINVALID, "file name %zu is NULL", i);
    im I;
    paroer_hsds_options defaults;
    int rc = start(&I, opts, &defaults);
    if (rc) return rc;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    init_maps(&I, &a);
    for (size_t i = 0; i < n && !stopped(&I); i++) {
        if (pr_hsds_is_package(paths[i])) {
            pr_hsds_read_package(&I, paths[i], &a);
            continue;
        }
        char *data = NULL;
        size_t len = 0;
        char why[160];
        rc = pr_read_file(&a, paths[i], &data, &len, why, sizeof why);
        if (rc == PAROER_OK) {
            read_json(&I, data, len, paths[i]);
            pr_free(&a, data);
            continue;
        }
        pr_builder_begin_document(I.b, paths[i], NULL, NULL, -1);
        if (rc == PAROER_ENOMEM) I.fatal = PAROER_ENOMEM;
        else pr_builder_report(I.b, PR_SEV_ERROR, PAROER_EIO, "", "%s", why);
        pr_builder_end_document(I.b);
    }
    return finish(&I, out);
}

int paroer_catalog_from_hsds_file(paroer_catalog **out, const char *path, const paroer_hsds_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!path) return pr_error(PAROER_EINVALID, "path is NULL");
    return paroer_catalog_from_hsds_files(out, &path, 1, opts);
}

int paroer_hsds_detect(const char *data, size_t len)
{
    if (!data) return 0;
    pr_json_failure f;
    json_t *root = pr_json_parse(data, len, 1, &f);
    if (!root) return 0;
    const json_t *o = json_is_array(root) ? json_array_get(root, 0) : root;
    int r = 0;
    if (json_is_array(root) && json_array_size(root) == 0) r = 0;
    else if (json_is_object(o) && !json_object_get(o, "format") && !json_object_get(o, "relations"))
        r = json_object_get(o, "contents") || json_object_get(o, "services") || json_object_get(o, "service") ||
            json_object_get(o, "status") || json_object_get(o, "service_areas") || json_object_get(o, "attributes");
    json_decref(root);
    return r;
}
