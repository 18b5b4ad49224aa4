/* The catalog loader: JSON documents (contract section 2) into the catalog
 * builder. jansson parses the text into a tree; this file walks the tree,
 * checks every key's type and every code, and drives the builder, which
 * applies the contract's defaults and checks ranges, references and duplicate
 * ids. Field paths and positions are only worked out when a problem is
 * reported (lib/json_locate.c), so a clean load costs one walk of the tree.
 *
 * Every problem is reported through the builder, so they are counted, listed
 * in the caller's diagnostics and located uniformly; the load goes on after an
 * error (up to max_errors) but produces no catalog. Where a required value is
 * missing, a placeholder keeps the object open so that its other fields are
 * still checked; the catalog it would go into is thrown away. */
#include "builder.h"
#include "load_common.h"
#include <stdio.h>
#include <string.h>

typedef struct cl {
    paroer_catalog_builder *b;
    pr_locate_ctx loc;
    int strict;
    int fatal;              /* PAROER_ENOMEM once memory ran out: stop everything */
    size_t placeholders;    /* for unique placeholder ids */
    size_t offers_begun;    /* in the current document */
} cl;

static int stopped(const cl *L) { return L->fatal || pr_builder_should_stop(L->b); }

/* Reports at path `p`; returns -1 for errors and 0 for warnings. */
static int report(cl *L, int severity, int code, const pr_jpath *p, const char *fmt, ...) PR_PRINTF(5, 6);
static int report(cl *L, int severity, int code, const pr_jpath *p, const char *fmt, ...)
{
    char path[256], msg[900];
    pr_jpath_format(p, path, sizeof path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int r = pr_builder_report(L->b, severity, code, path, "%s", msg);
    if (r == PAROER_ENOMEM) L->fatal = PAROER_ENOMEM;
    return severity == PR_SEV_ERROR ? -1 : 0;
}

static int bad(cl *L, const pr_jpath *p, const char *fmt, ...) PR_PRINTF(3, 4);
static int bad(cl *L, const pr_jpath *p, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return report(L, PR_SEV_ERROR, PAROER_ESCHEMA, p, "%s", msg);
}

/* Notes what a builder call returned: running out of memory ends the load
 * (the builder has already recorded it); other errors were reported by it. */
static int call(cl *L, int rc)
{
    if (rc == PAROER_ENOMEM) L->fatal = PAROER_ENOMEM;
    return rc;
}

static int type_error(cl *L, const json_t *v, const char *expected, const pr_jpath *p)
{
    return bad(L, p, "expected %s, found %s", expected, pr_json_type_name(v));
}

static void unknown_key(cl *L, const char *key, const pr_jpath *parent)
{
    char q[120];
    pr_quote(q, sizeof q, key, strlen(key), 64);
    const char *fmt = L->strict ? "unknown key %s" : "unknown key %s (ignored)";
    if (pr_is_path_key(key)) {
        pr_jpath kp = {parent, key, 0};
        report(L, PR_SEV_WARNING, 0, &kp, fmt, q);
    } else {
        report(L, PR_SEV_WARNING, 0, parent, fmt, q);
    }
}

static int key_index(const char *key, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, keys[i]) == 0) return (int)i;
    return -1;
}

/* ---- values --------------------------------------------------------------- */

/* A code of `list`; codes whose bit is in `exclude` are not allowed here. */
static int code_value(cl *L, const json_t *v, int32_t list, uint32_t exclude, const pr_jpath *p, int32_t *out)
{
    if (!json_is_string(v)) {
        char want[64];
        snprintf(want, sizeof want, "a %s code (a string)", paroer_vocab_list_name(list));
        return type_error(L, v, want, p);
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (paroer_vocab_parse(out, list, s, n) == PAROER_OK && !(exclude & PR_BIT(*out))) return 0;
    char q[160], expected[512];
    pr_quote(q, sizeof q, s, n, 64);
    pr_code_list_text(list, exclude, expected, sizeof expected);
    return bad(L, p, "unknown %s %s (expected one of: %s)", paroer_vocab_list_name(list), q, expected);
}

/* A required string member (non-empty). NULL when missing or wrong (reported). */
static const char *req_string(cl *L, const json_t *obj, const char *key, const pr_jpath *objp, const char *what)
{
    const json_t *v = json_object_get(obj, key);
    pr_jpath kp = {objp, key, 0};
    if (!v) {
        bad(L, objp, "%s needs \"%s\" (a required key)", what, key);
        return NULL;
    }
    if (!json_is_string(v)) {
        type_error(L, v, "a string", &kp);
        return NULL;
    }
    if (json_string_length(v) == 0) {
        bad(L, &kp, "\"%s\" must not be empty", key);
        return NULL;
    }
    return json_string_value(v);
}

/* A required code member; -1 when missing or wrong (reported). */
static int req_code(cl *L, const json_t *obj, const char *key, int32_t list, const pr_jpath *objp,
                    const char *what, int32_t *out)
{
    const json_t *v = json_object_get(obj, key);
    pr_jpath kp = {objp, key, 0};
    if (!v) return bad(L, objp, "%s needs \"%s\" (a required key)", what, key);
    return code_value(L, v, list, 0, &kp, out);
}

static int bad_municipality(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_integer(v))
        return bad(L, p, "invalid municipality code %lld (expected 1..999, written 306, \"306\" or \"0306\")",
                     (long long)json_integer_value(v));
    if (json_is_string(v)) {
        char q[100];
        pr_quote(q, sizeof q, json_string_value(v), json_string_length(v), 32);
        return bad(L, p, "invalid municipality code %s (expected 1..999, written 306, \"306\" or \"0306\")", q);
    }
    return type_error(L, v, "a municipality code (306, \"306\" or \"0306\")", p);
}

static int municipality_value(cl *L, const json_t *v, const pr_jpath *p, int32_t *out)
{
    if (pr_parse_municipality(v, out) == 0) return 0;
    return bad_municipality(L, v, p);
}

/* A date or null (PAROER_DATE_NONE). */
static int date_value(cl *L, const json_t *v, const pr_jpath *p, int32_t *out)
{
    *out = PAROER_DATE_NONE;
    if (json_is_null(v)) return 0;
    if (!json_is_string(v)) return type_error(L, v, "a date \"YYYY-MM-DD\" or null", p);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    int r = pr_parse_date(s, n, out);
    if (r == 0) return 0;
    char q[100];
    pr_quote(q, sizeof q, s, n, 40);
    *out = PAROER_DATE_NONE;
    if (r == 1) return bad(L, p, "expected a date \"YYYY-MM-DD\", found %s", q);
    return bad(L, p, "%s is not a calendar date", q);
}

static void date_field(cl *L, const json_t *v, int32_t field, const pr_jpath *p)
{
    int32_t d;
    if (date_value(L, v, p, &d) == 0 && d != PAROER_DATE_NONE)
        call(L, paroer_builder_set_int(L->b, field, d));
}

static void text_field(cl *L, const json_t *v, int32_t field, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_string(v)) {
        type_error(L, v, "a string", p);
        return;
    }
    call(L, paroer_builder_set_text(L->b, field, json_string_value(v)));
}

static void bool_field(cl *L, const json_t *v, int32_t field, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_boolean(v)) {
        type_error(L, v, "true or false", p);
        return;
    }
    call(L, paroer_builder_set_int(L->b, field, json_is_true(v) ? 1 : 0));
}

static void code_field(cl *L, const json_t *v, int32_t list, int32_t field, const pr_jpath *p)
{
    int32_t c;
    if (json_is_null(v)) return;
    if (code_value(L, v, list, 0, p, &c) == 0) call(L, paroer_builder_set_int(L->b, field, c));
}

/* A list of codes, each added to `field`. */
static void code_list(cl *L, const json_t *v, int32_t list, int32_t field, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        char want[80];
        snprintf(want, sizeof want, "an array of %s codes", paroer_vocab_list_name(list));
        type_error(L, v, want, p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        int32_t c;
        if (code_value(L, e, list, 0, &ep, &c) == 0) call(L, paroer_builder_add(L->b, field, c));
    }
}

/* target.requires: flags, but not "bereaved" (it has its own key). */
static void requires_list(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array of flag codes", p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        int32_t c;
        if (json_is_string(e) && strcmp(json_string_value(e), "bereaved") == 0) {
            bad(L, &ep, "\"bereaved\" cannot be required; use target.bereaved (\"no\", \"also\" or \"only\")");
            continue;
        }
        if (code_value(L, e, PAROER_VOCAB_FLAG, PR_BIT(PAROER_FLAG_BEREAVED), &ep, &c) == 0)
            call(L, paroer_builder_add(L->b, PAROER_FIELD_REQUIRES, c));
    }
}

/* A list of non-empty strings (languages or legal bases). */
static void text_list(cl *L, const json_t *v, int32_t field, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array of strings", p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        if (!json_is_string(e)) {
            type_error(L, e, "a string", &ep);
            continue;
        }
        const char *s = json_string_value(e);
        size_t n = json_string_length(e);
        if (field == PAROER_FIELD_LANGUAGES && !pr_is_language_tag(s, n)) {
            char q[100];
            pr_quote(q, sizeof q, s, n, 40);
            bad(L, &ep, "invalid language %s (expected a language tag such as \"da\" or \"en\")", q);
            continue;
        }
        if (n == 0) {
            bad(L, &ep, "must not be empty");
            continue;
        }
        call(L, paroer_builder_add_text(L->b, field, s));
    }
}

static void municipality_list(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array of municipality codes", p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        int32_t m;
        if (municipality_value(L, e, &ep, &m) == 0) call(L, paroer_builder_add(L->b, PAROER_FIELD_MUNICIPALITIES, m));
    }
}

/* {"min": int|null, "max": int|null}; the builder checks the range and min <= max. */
static void age_range(cl *L, const json_t *v, int32_t fmin, int32_t fmax, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_object(v)) {
        type_error(L, v, "an object such as {\"min\": 18, \"max\": 64}", p);
        return;
    }
    const char *key;
    const json_t *e;
    json_object_foreach((json_t *)v, key, e) {
        if (stopped(L)) return;
        int32_t field = strcmp(key, "min") == 0 ? fmin : strcmp(key, "max") == 0 ? fmax : -1;
        if (field < 0) {
            unknown_key(L, key, p);
            continue;
        }
        pr_jpath kp = {p, key, 0};
        if (json_is_null(e)) continue;
        if (!json_is_integer(e)) {
            type_error(L, e, "an age in whole years (an integer) or null", &kp);
            continue;
        }
        call(L, paroer_builder_set_int(L->b, field, json_integer_value(e)));
    }
}

static const char *const target_keys[] = {"relative_age", "cared_for_age", "relations", "conditions",
                                          "requires", "bereaved"};

static void load_target(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_object(v)) {
        type_error(L, v, "an object", p);
        return;
    }
    const char *key;
    const json_t *e;
    json_object_foreach((json_t *)v, key, e) {
        if (stopped(L)) return;
        pr_jpath kp = {p, key, 0};
        switch (key_index(key, target_keys, PR_COUNT_OF(target_keys))) {
        case 0: age_range(L, e, PAROER_FIELD_RELATIVE_AGE_MIN, PAROER_FIELD_RELATIVE_AGE_MAX, &kp); break;
        case 1: age_range(L, e, PAROER_FIELD_CARED_FOR_AGE_MIN, PAROER_FIELD_CARED_FOR_AGE_MAX, &kp); break;
        case 2: code_list(L, e, PAROER_VOCAB_RELATION, PAROER_FIELD_RELATIONS, &kp); break;
        case 3: code_list(L, e, PAROER_VOCAB_CONDITION, PAROER_FIELD_CONDITIONS, &kp); break;
        case 4: requires_list(L, e, &kp); break;
        case 5: code_field(L, e, PAROER_VOCAB_BEREAVEMENT, PAROER_FIELD_BEREAVED, &kp); break;
        default: unknown_key(L, key, p); break;
        }
    }
}

/* ---- offers --------------------------------------------------------------- */

static void load_cost(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_object(v)) {
        type_error(L, v, "an object such as {\"free\": true, \"price_dkk\": null}", p);
        return;
    }
    const char *key;
    const json_t *e;
    json_object_foreach((json_t *)v, key, e) {
        if (stopped(L)) return;
        pr_jpath kp = {p, key, 0};
        if (strcmp(key, "free") == 0) {
            bool_field(L, e, PAROER_FIELD_COST_FREE, &kp);
        } else if (strcmp(key, "price_dkk") == 0) {
            if (json_is_null(e)) continue;
            if (!json_is_number(e)) {
                type_error(L, e, "a number or null", &kp);
                continue;
            }
            call(L, paroer_builder_set_double(L->b, PAROER_FIELD_PRICE_DKK, json_number_value(e)));
        } else {
            unknown_key(L, key, p);
        }
    }
}

static void load_contact(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_object(v)) {
        type_error(L, v, "an object such as {\"phone\": \"…\", \"email\": \"…\", \"url\": \"…\"}", p);
        return;
    }
    const char *key;
    const json_t *e;
    json_object_foreach((json_t *)v, key, e) {
        if (stopped(L)) return;
        pr_jpath kp = {p, key, 0};
        if (strcmp(key, "phone") == 0) text_field(L, e, PAROER_FIELD_CONTACT_PHONE, &kp);
        else if (strcmp(key, "email") == 0) text_field(L, e, PAROER_FIELD_CONTACT_EMAIL, &kp);
        else if (strcmp(key, "url") == 0) text_field(L, e, PAROER_FIELD_CONTACT_URL, &kp);
        else unknown_key(L, key, p);
    }
}

static void load_codes(cl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array of {\"system\": …, \"code\": …} objects", p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        if (!json_is_object(e)) {
            type_error(L, e, "an object such as {\"system\": \"urn:oid:…\", \"code\": \"…\"}", &ep);
            continue;
        }
        const char *system = req_string(L, e, "system", &ep, "an external code");
        const char *code = req_string(L, e, "code", &ep, "an external code");
        const char *key;
        const json_t *m;
        json_object_foreach((json_t *)e, key, m) {
            if (strcmp(key, "system") != 0 && strcmp(key, "code") != 0) unknown_key(L, key, &ep);
        }
        if (system && code) call(L, paroer_builder_add_code(L->b, system, code));
    }
}

enum {
    OK_ID, OK_NAME, OK_KIND, OK_DESCRIPTION, OK_PROVIDER, OK_NEEDS, OK_MUNICIPALITIES, OK_NATIONWIDE,
    OK_TARGET, OK_MODES, OK_SLOTS, OK_SCHEDULE, OK_ACCESS, OK_COST, OK_LANGUAGES, OK_CAPACITY, OK_STATUS,
    OK_VALID_FROM, OK_VALID_TO, OK_LEGAL_BASIS, OK_CONTACT, OK_SOURCE, OK_VERIFIED, OK_CODES
};
static const char *const offer_keys[] = {
    "id", "name", "kind", "description", "provider", "needs", "municipalities", "nationwide",
    "target", "modes", "slots", "schedule", "access", "cost", "languages", "capacity", "status",
    "valid_from", "valid_to", "legal_basis", "contact", "source", "verified", "codes"};

static void offer_member(cl *L, int k, const char *key, const json_t *v, const pr_jpath *op)
{
    pr_jpath kp = {op, key, 0};
    switch (k) {
    case OK_ID: case OK_NAME: case OK_KIND: break;   /* given to begin_offer */
    case OK_DESCRIPTION: text_field(L, v, PAROER_FIELD_DESCRIPTION, &kp); break;
    case OK_PROVIDER: text_field(L, v, PAROER_FIELD_PROVIDER, &kp); break;
    case OK_NEEDS: code_list(L, v, PAROER_VOCAB_NEED, PAROER_FIELD_NEEDS, &kp); break;
    case OK_MUNICIPALITIES: municipality_list(L, v, &kp); break;
    case OK_NATIONWIDE: bool_field(L, v, PAROER_FIELD_NATIONWIDE, &kp); break;
    case OK_TARGET: load_target(L, v, &kp); break;
    case OK_MODES: code_list(L, v, PAROER_VOCAB_MODE, PAROER_FIELD_MODES, &kp); break;
    case OK_SLOTS: code_list(L, v, PAROER_VOCAB_SLOT, PAROER_FIELD_SLOTS, &kp); break;
    case OK_SCHEDULE: text_field(L, v, PAROER_FIELD_SCHEDULE, &kp); break;
    case OK_ACCESS: code_field(L, v, PAROER_VOCAB_ACCESS, PAROER_FIELD_ACCESS, &kp); break;
    case OK_COST: load_cost(L, v, &kp); break;
    case OK_LANGUAGES: text_list(L, v, PAROER_FIELD_LANGUAGES, &kp); break;
    case OK_CAPACITY:
        if (json_is_null(v)) break;
        if (!json_is_integer(v)) type_error(L, v, "an integer or null (unlimited)", &kp);
        else if (json_integer_value(v) < 0)
            bad(L, &kp, "capacity must be 0 or more (leave it out or write null for unlimited)");
        else call(L, paroer_builder_set_int(L->b, PAROER_FIELD_CAPACITY, json_integer_value(v)));
        break;
    case OK_STATUS: code_field(L, v, PAROER_VOCAB_STATUS, PAROER_FIELD_STATUS, &kp); break;
    case OK_VALID_FROM: date_field(L, v, PAROER_FIELD_VALID_FROM, &kp); break;
    case OK_VALID_TO: date_field(L, v, PAROER_FIELD_VALID_TO, &kp); break;
    case OK_LEGAL_BASIS: text_list(L, v, PAROER_FIELD_LEGAL_BASIS, &kp); break;
    case OK_CONTACT: load_contact(L, v, &kp); break;
    case OK_SOURCE: text_field(L, v, PAROER_FIELD_SOURCE, &kp); break;
    case OK_VERIFIED: date_field(L, v, PAROER_FIELD_VERIFIED, &kp); break;
    case OK_CODES: load_codes(L, v, &kp); break;
    default: unknown_key(L, key, op); break;
    }
}

static const char *placeholder(cl *L, char *buf, size_t size)
{
    /* Unprintable, so it cannot clash with a real id; never seen by callers. */
    snprintf(buf, size, "\x1f" "missing-%zu", L->placeholders++);
    return buf;
}

static void load_offer(cl *L, const json_t *o, const pr_jpath *op)
{
    size_t errors_before = pr_builder_error_count(L->b);
    const char *id = NULL, *name = NULL;
    int32_t kind = -1;
    int is_obj = json_is_object(o);
    if (!is_obj) {
        type_error(L, o, "an offer (an object)", op);
    } else {
        id = req_string(L, o, "id", op, "an offer");
        name = req_string(L, o, "name", op, "an offer");
        req_code(L, o, "kind", PAROER_VOCAB_OFFER_KIND, op, "an offer", &kind);
    }
    if (stopped(L)) return;
    char ph[32];
    if (!id) id = placeholder(L, ph, sizeof ph);
    if (call(L, paroer_builder_begin_offer(L->b, id, name ? name : "?", kind >= 0 ? kind : 0)) == PAROER_ENOMEM)
        return;
    if (op->index != L->offers_begun) {
        char path[64];
        pr_jpath_format(op, path, sizeof path);
        pr_builder_set_object_path(L->b, path);
    }
    L->offers_begun++;
    if (is_obj) {
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)o, key, v) {
            if (stopped(L)) return;
            offer_member(L, key_index(key, offer_keys, PR_COUNT_OF(offer_keys)), key, v, op);
        }
    }
    if (stopped(L)) return;
    /* A broken offer never reaches a catalog; marking it nationwide spares
     * the reader a "tied to no municipality" warning that only repeats an error. */
    if (!is_obj || pr_builder_error_count(L->b) > errors_before)
        call(L, paroer_builder_set_int(L->b, PAROER_FIELD_NATIONWIDE, 1));
    call(L, paroer_builder_end_offer(L->b));
}

/* ---- providers ------------------------------------------------------------ */

static void load_provider(cl *L, const json_t *o, const pr_jpath *pp)
{
    const char *id = NULL, *name = NULL;
    int32_t kind = -1, area = -1;
    if (!json_is_object(o)) {
        type_error(L, o, "a provider (an object)", pp);
    } else {
        id = req_string(L, o, "id", pp, "a provider");
        name = req_string(L, o, "name", pp, "a provider");
        req_code(L, o, "kind", PAROER_VOCAB_PROVIDER_KIND, pp, "a provider", &kind);
        const char *key;
        const json_t *v;
        json_object_foreach((json_t *)o, key, v) {
            if (stopped(L)) return;
            if (strcmp(key, "area") == 0) {
                pr_jpath kp = {pp, key, 0};
                if (!json_is_null(v) && code_value(L, v, PAROER_VOCAB_AREA, 0, &kp, &area) != 0) area = -1;
            } else if (strcmp(key, "id") != 0 && strcmp(key, "name") != 0 && strcmp(key, "kind") != 0) {
                unknown_key(L, key, pp);
            }
        }
    }
    if (stopped(L)) return;
    /* Added even when broken, so the builder numbers providers as we do and
     * offers naming a provider whose other fields are wrong are not also flagged. */
    char ph[32];
    if (!id) id = placeholder(L, ph, sizeof ph);
    call(L, paroer_builder_add_provider(L->b, id, name ? name : "?", kind >= 0 ? kind : 0, area));
}

/* ---- policies ------------------------------------------------------------- */

static void load_goal(cl *L, const json_t *g, const pr_jpath *gp)
{
    if (!json_is_object(g)) {
        type_error(L, g, "a goal (an object)", gp);
        return;
    }
    const char *id = req_string(L, g, "id", gp, "a goal");
    const char *title = req_string(L, g, "title", gp, "a goal");
    int32_t category = -1;
    req_code(L, g, "category", PAROER_VOCAB_GOAL_CATEGORY, gp, "a goal", &category);
    if (stopped(L)) return;
    char ph[32];
    if (!id) id = placeholder(L, ph, sizeof ph);
    if (call(L, paroer_builder_begin_goal(L->b, id, title ? title : "?", category >= 0 ? category : 0)) ==
        PAROER_ENOMEM)
        return;
    char path[128];
    pr_jpath_format(gp, path, sizeof path);
    pr_builder_set_object_path(L->b, path);
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)g, key, v) {
        if (stopped(L)) return;
        pr_jpath kp = {gp, key, 0};
        if (strcmp(key, "target") == 0) load_target(L, v, &kp);
        else if (strcmp(key, "needs") == 0) code_list(L, v, PAROER_VOCAB_NEED, PAROER_FIELD_NEEDS, &kp);
        else if (strcmp(key, "kinds") == 0) code_list(L, v, PAROER_VOCAB_OFFER_KIND, PAROER_FIELD_KINDS, &kp);
        else if (strcmp(key, "id") != 0 && strcmp(key, "title") != 0 && strcmp(key, "category") != 0)
            unknown_key(L, key, gp);
    }
    if (stopped(L)) return;
    call(L, paroer_builder_end_goal(L->b));
}

static void load_action_plan(cl *L, const json_t *a, const pr_jpath *ap)
{
    if (!json_is_object(a)) {
        type_error(L, a, "an action plan (an object)", ap);
        return;
    }
    const char *title = "";
    int32_t due = PAROER_DATE_NONE, adopted = PAROER_DATE_NONE;
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)a, key, v) {
        if (stopped(L)) return;
        pr_jpath kp = {ap, key, 0};
        if (strcmp(key, "title") == 0) {
            if (json_is_string(v)) title = json_string_value(v);
            else if (!json_is_null(v)) type_error(L, v, "a string", &kp);
        } else if (strcmp(key, "due") == 0) {
            date_value(L, v, &kp, &due);
        } else if (strcmp(key, "adopted") == 0) {
            date_value(L, v, &kp, &adopted);
        } else {
            unknown_key(L, key, ap);
        }
    }
    call(L, paroer_builder_add_action_plan(L->b, title, due, adopted));
}

static const char *const policy_keys[] = {"id", "municipality", "title", "adopted", "valid_to", "areas",
                                          "source", "goals", "action_plans"};

static void load_policy(cl *L, const json_t *o, const pr_jpath *pp)
{
    if (!json_is_object(o)) {
        type_error(L, o, "a policy (an object)", pp);
        return;
    }
    const char *id = req_string(L, o, "id", pp, "a policy");
    int32_t muni = -1;
    const json_t *mv = json_object_get(o, "municipality");
    pr_jpath mp = {pp, "municipality", 0};
    if (!mv) bad(L, pp, "a policy needs \"municipality\" (a required key)");
    else if (municipality_value(L, mv, &mp, &muni) != 0) muni = -1;
    const char *title = req_string(L, o, "title", pp, "a policy");
    if (stopped(L)) return;
    char ph[32];
    if (!id) id = placeholder(L, ph, sizeof ph);
    if (call(L, paroer_builder_begin_policy(L->b, id, muni > 0 ? muni : 1, title ? title : "?")) == PAROER_ENOMEM)
        return;
    char path[64];
    pr_jpath_format(pp, path, sizeof path);
    pr_builder_set_object_path(L->b, path);
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)o, key, v) {
        if (stopped(L)) return;
        pr_jpath kp = {pp, key, 0};
        switch (key_index(key, policy_keys, PR_COUNT_OF(policy_keys))) {
        case 0: case 1: case 2: break;   /* given to begin_policy */
        case 3: date_field(L, v, PAROER_FIELD_ADOPTED, &kp); break;
        case 4: date_field(L, v, PAROER_FIELD_VALID_TO, &kp); break;
        case 5: code_list(L, v, PAROER_VOCAB_AREA, PAROER_FIELD_AREAS, &kp); break;
        case 6: text_field(L, v, PAROER_FIELD_SOURCE, &kp); break;
        case 7:
        case 8: {
            if (json_is_null(v)) break;
            if (!json_is_array(v)) {
                type_error(L, v, "an array", &kp);
                break;
            }
            size_t i;
            const json_t *e;
            json_array_foreach(v, i, e) {
                if (stopped(L)) return;
                pr_jpath ep = {&kp, NULL, i};
                if (key[0] == 'g') load_goal(L, e, &ep);
                else load_action_plan(L, e, &ep);
            }
            break;
        }
        default: unknown_key(L, key, pp); break;
        }
    }
    if (stopped(L)) return;
    call(L, paroer_builder_end_policy(L->b));
}

/* ---- documents ------------------------------------------------------------ */

typedef void (*item_fn)(cl *L, const json_t *item, const pr_jpath *path);

static void load_array(cl *L, const json_t *root, const char *key, item_fn fn)
{
    const json_t *v = json_object_get(root, key);
    pr_jpath kp = {NULL, key, 0};
    if (!v || json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array", &kp);
        if (fn == load_provider) pr_builder_providers_unknown(L->b);   /* not again for each offer */
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {&kp, NULL, i};
        fn(L, e, &ep);
        /* Done with it: freeing each object now, while its memory is still
         * warm, is far cheaper than freeing the whole tree at the end (glibc
         * then walks every small block at once). */
        json_array_set_new((json_t *)v, i, json_null());
    }
}

static const char *const root_keys[] = {"format", "version", "municipality", "providers", "offers", "policies"};

static void load_root(cl *L, const json_t *root)
{
    if (!json_is_object(root)) {
        type_error(L, root, "a catalog document (a JSON object)", NULL);
        return;
    }
    /* format and version say what the rest means: when they are wrong, the
     * rest is not read (it would only give misleading errors). */
    int ok = 1;
    const json_t *v = json_object_get(root, "format");
    pr_jpath fp = {NULL, "format", 0}, vp = {NULL, "version", 0};
    if (!v) {
        ok = bad(L, NULL, "not a catalog document: \"format\": \"paroer-catalog\" is missing") == 0;
    } else if (!json_is_string(v)) {
        ok = bad(L, &fp, "format must be \"paroer-catalog\", found %s", pr_json_type_name(v)) == 0;
    } else if (strcmp(json_string_value(v), "paroer-catalog") != 0 || json_string_length(v) != 14) {
        char q[100];
        pr_quote(q, sizeof q, json_string_value(v), json_string_length(v), 40);
        ok = bad(L, &fp, "format must be \"paroer-catalog\", found %s", q) == 0;
    }
    v = json_object_get(root, "version");
    if (!v) {
        if (ok) ok = bad(L, NULL, "\"version\" is missing (this library reads version 1)") == 0;
    } else if (!json_is_integer(v)) {
        ok = bad(L, &vp, "version must be the integer 1, found %s", pr_json_type_name(v)) == 0;
    } else if (json_integer_value(v) != 1) {
        ok = bad(L, &vp, "unsupported version %lld (this library reads version 1)",
                   (long long)json_integer_value(v)) == 0;
    }
    if (!ok || stopped(L)) return;

    v = json_object_get(root, "municipality");
    if (v && !json_is_null(v)) {
        pr_jpath mp = {NULL, "municipality", 0};
        int32_t m;
        if (municipality_value(L, v, &mp, &m) == 0) call(L, paroer_builder_set_municipality(L->b, m));
    }
    const char *key;
    json_object_foreach((json_t *)root, key, v) {
        if (stopped(L)) return;
        if (key_index(key, root_keys, PR_COUNT_OF(root_keys)) < 0) unknown_key(L, key, NULL);
    }
    /* Providers first, whatever the key order, so offers can name them. */
    load_array(L, root, "providers", load_provider);
    load_array(L, root, "offers", load_offer);
    load_array(L, root, "policies", load_policy);
}

static void load_document(cl *L, const char *data, size_t len, const char *name)
{
    L->loc = (pr_locate_ctx){.data = data, .len = len, .offset = -1};
    L->offers_begun = 0;
    pr_builder_begin_document(L->b, name, pr_json_locate, &L->loc, -1);
    pr_json_failure f;
    json_t *root = pr_json_parse(data, len, 0, &f);
    if (!root) {
        /* The position comes from the parser: the locator answers it for any path. */
        L->loc.fixed = 1;
        L->loc.offset = (int64_t)f.offset;
        pr_json_position(data ? data : "", data ? len : 0, f.offset, &L->loc.line, &L->loc.column);
        report(L, PR_SEV_ERROR, f.code, NULL, "%s", f.message);
        if (f.code == PAROER_ENOMEM) L->fatal = PAROER_ENOMEM;
        L->loc.fixed = 0;
    } else {
        load_root(L, root);
        json_decref(root);
    }
    pr_builder_end_document(L->b);
}

static void load_path(cl *L, const paroer_allocator *a, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    char why[160];
    int rc = pr_read_file(a, path, &data, &len, why, sizeof why);
    if (rc == PAROER_OK) {
        load_document(L, data, len, path);
        pr_free(a, data);
        return;
    }
    pr_builder_begin_document(L->b, path, NULL, NULL, -1);
    if (rc == PAROER_ENOMEM) {
        report(L, PR_SEV_ERROR, PAROER_ENOMEM, NULL, "out of memory reading the file");
        L->fatal = PAROER_ENOMEM;
    } else {
        report(L, PR_SEV_ERROR, PAROER_EIO, NULL, "%s", why);
    }
    pr_builder_end_document(L->b);
}

static int start(cl *L, const paroer_load_options *opts)
{
    memset(L, 0, sizeof *L);
    L->strict = opts && (opts->flags & PAROER_LOAD_STRICT);
    return paroer_catalog_builder_new(&L->b, opts);
}

static int finish(cl *L, paroer_catalog **out)
{
    int rc = pr_builder_reraise_first(L->b);
    if (!rc && L->fatal) rc = pr_error(L->fatal, "out of memory");
    if (!rc) rc = paroer_catalog_builder_finish(L->b, out);
    paroer_catalog_builder_free(L->b);
    return rc;
}

int paroer_catalog_load_buffer(paroer_catalog **out, const char *data, size_t len, const char *name,
                               const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!data && len) return pr_error(PAROER_EINVALID, "data is NULL");
    cl L;
    int rc = start(&L, opts);
    if (rc) return rc;
    load_document(&L, data, len, name ? name : "<buffer>");
    return finish(&L, out);
}

int paroer_catalog_load_files(paroer_catalog **out, const char *const *paths, size_t n,
                              const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!paths || n == 0) return pr_error(PAROER_EINVALID, "no file to load");
    for (size_t i = 0; i < n; i++)
        if (!paths[i]) return pr_error(PAROER_EINVALID, "file name %zu is NULL", i);
    cl L;
    int rc = start(&L, opts);
    if (rc) return rc;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    for (size_t i = 0; i < n && !stopped(&L); i++) load_path(&L, &a, paths[i]);
    return finish(&L, out);
}

int paroer_catalog_load_file(paroer_catalog **out, const char *path, const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!path) return pr_error(PAROER_EINVALID, "path is NULL");
    return paroer_catalog_load_files(out, &path, 1, opts);
}

/* ---- for the HSDS importer (lib/hsds_import.c) ------------------------------
 * Policies and providers carried in an HSDS export's extension are the
 * contract's own objects: they are read by the code above, into the
 * importer's builder and document (whose locator positions their errors). */
#include "hsds_internal.h"

int pr_load_policies_json(paroer_catalog_builder *b, const json_t *v, const pr_jpath *path, int strict)
{
    cl L;
    memset(&L, 0, sizeof L);
    L.b = b;
    L.strict = strict;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_array(v)) {
        type_error(&L, v, "an array of policies", path);
        return L.fatal;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(&L)) break;
        pr_jpath ep = {path, NULL, i};
        load_policy(&L, e, &ep);
    }
    return L.fatal;
}

int pr_load_provider_json(paroer_catalog_builder *b, const json_t *v, const pr_jpath *path, int strict)
{
    cl L;
    memset(&L, 0, sizeof L);
    L.b = b;
    L.strict = strict;
    load_provider(&L, v, path);
    return L.fatal;
}
