/* The relative loader: a relative document (contract section 3) into a
 * paroer_relative through its public setters. Every value is checked here
 * first, so the setters only ever fail for lack of memory.
 *
 * A relative's data is personal (and the cared-for person's condition is
 * health data): messages name the field, never its value; the one exception
 * is an unknown code, which is quoted so the writer can see the typo. The
 * parser's own messages are stripped of the text they quote. */
#include "diagnostics.h"
#include "load_common.h"
#include "model.h"
#include <stdio.h>
#include <string.h>

/* paroer_relative_add_relation() refuses more (lib/relative.c). */
#define PR_MAX_RELATIONS 64

typedef struct rl {
    paroer_diagnostics *diags;
    uint32_t flags;
    size_t max_errors, n_errors;
    int first_error;
    int fatal;                 /* PAROER_ENOMEM: stop everything */
    const char *source;
    pr_locate_ctx loc;
    int use_locate;
    paroer_relative *r;
} rl;

static int stopped(const rl *L) { return L->fatal || L->n_errors >= L->max_errors; }

static int report(rl *L, int severity, int code, const pr_jpath *p, const char *fmt, ...) PR_PRINTF(5, 6);
static int report(rl *L, int severity, int code, const pr_jpath *p, const char *fmt, ...)
{
    char path[256], msg[900], full[1200];
    pr_jpath_format(p, path, sizeof path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (severity == PR_SEV_WARNING && (L->flags & PAROER_LOAD_STRICT)) {
        severity = PR_SEV_ERROR;
        code = PAROER_ESCHEMA;
    }
    int64_t line = 0, column = 0, offset = -1;
    if (L->use_locate) pr_json_locate(&L->loc, path, &line, &column, &offset);
    if (path[0]) snprintf(full, sizeof full, "%s in %s", msg, path);
    else snprintf(full, sizeof full, "%s", msg);
    if (pr_diag_add(L->diags, severity, severity == PR_SEV_ERROR ? code : 0, L->source, path, line, column, full) != 0) {
        /* A diagnostic that cannot be recorded fails the load, warnings too:
         * the caller must not get a result whose diagnostics miss an entry. */
        L->fatal = PAROER_ENOMEM;
        if (severity != PR_SEV_ERROR) {
            if (!L->first_error) {
                L->first_error = PAROER_ENOMEM;
                pr_error(PAROER_ENOMEM, "out of memory");
            }
            L->n_errors++;
            return -1;
        }
        code = PAROER_ENOMEM;
    }
    if (severity != PR_SEV_ERROR) return 0;
    if (!L->first_error) {
        L->first_error = code;
        pr_error_at(code, L->source, line, column, offset, path, "%s", full);
    }
    L->n_errors++;
    return -1;
}

static int bad(rl *L, const pr_jpath *p, const char *fmt, ...) PR_PRINTF(3, 4);
static int bad(rl *L, const pr_jpath *p, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return report(L, PR_SEV_ERROR, PAROER_ESCHEMA, p, "%s", msg);
}

static int type_error(rl *L, const json_t *v, const char *expected, const pr_jpath *p)
{
    return bad(L, p, "expected %s, found %s", expected, pr_json_type_name(v));
}

/* A setter's result: values are checked before, so only memory can fail. */
static void call(rl *L, int rc)
{
    if (rc == PAROER_OK) return;
    if (rc == PAROER_ENOMEM) {
        if (!L->first_error) {
            L->first_error = PAROER_ENOMEM;
            pr_error(PAROER_ENOMEM, "out of memory");
        }
        L->n_errors++;
        L->fatal = PAROER_ENOMEM;
        return;
    }
    report(L, PR_SEV_ERROR, rc, NULL, "the relative could not be built (status %d)", rc);
}

static void unknown_key(rl *L, const char *key, const pr_jpath *parent)
{
    char q[120];
    pr_quote(q, sizeof q, key, strlen(key), 64);
    const char *fmt = (L->flags & PAROER_LOAD_STRICT) ? "unknown key %s" : "unknown key %s (ignored)";
    if (pr_is_path_key(key)) {
        pr_jpath kp = {parent, key, 0};
        report(L, PR_SEV_WARNING, 0, &kp, fmt, q);
    } else {
        report(L, PR_SEV_WARNING, 0, parent, fmt, q);
    }
}

static int code_value(rl *L, const json_t *v, int32_t list, const pr_jpath *p, int32_t *out)
{
    if (!json_is_string(v)) {
        char want[64];
        snprintf(want, sizeof want, "a %s code (a string)", paroer_vocab_list_name(list));
        return type_error(L, v, want, p);
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (paroer_vocab_parse(out, list, s, n) == PAROER_OK) return 0;
    char q[160], expected[512];
    pr_quote(q, sizeof q, s, n, 64);
    pr_code_list_text(list, 0, expected, sizeof expected);
    return bad(L, p, "unknown %s %s (expected one of: %s)", paroer_vocab_list_name(list), q, expected);
}

/* An integer in lo..hi; -1 when wrong (reported, without the value). */
static int int_in(rl *L, const json_t *v, int64_t lo, int64_t hi, const char *what, const pr_jpath *p, int32_t *out)
{
    if (!json_is_integer(v)) {
        char want[96];
        snprintf(want, sizeof want, "%s (an integer %lld..%lld)", what, (long long)lo, (long long)hi);
        return type_error(L, v, want, p);
    }
    json_int_t n = json_integer_value(v);
    if (n < lo || n > hi) return bad(L, p, "%s must be %lld..%lld", what, (long long)lo, (long long)hi);
    *out = (int32_t)n;
    return 0;
}

/* The string "unknown" (contract 3a). */
static int is_unknown(const json_t *v)
{
    return json_is_string(v) && json_string_length(v) == 7 && memcmp(json_string_value(v), "unknown", 7) == 0;
}

/* A flag: true, false or "unknown" -> 1, 0, PAROER_UNKNOWN; -1 when wrong (reported). */
static int tri_value(rl *L, const json_t *v, const pr_jpath *p, int *out)
{
    if (json_is_boolean(v)) { *out = json_is_true(v) ? 1 : 0; return 0; }
    if (is_unknown(v)) { *out = PAROER_UNKNOWN; return 0; }
    return type_error(L, v, "true, false or \"unknown\"", p);
}

/* An age: an integer 0..130, "unknown" (0..130) or {"min": a, "max": b}
 * (a missing bound is open: 0 or 130). */
static int age_value(rl *L, const json_t *v, const pr_jpath *p, int32_t *lo, int32_t *hi)
{
    static const char want[] = "age (an integer 0..130, \"unknown\" or a range {\"min\", \"max\"})";
    if (json_is_integer(v)) {
        if (int_in(L, v, 0, 130, "age", p, lo)) return -1;
        *hi = *lo;
        return 0;
    }
    if (is_unknown(v)) { *lo = 0; *hi = 130; return 0; }
    if (!json_is_object(v)) return type_error(L, v, want, p);
    int32_t a = 0, b = 130;
    int bad_part = 0;
    const char *key;
    const json_t *e;
    json_object_foreach((json_t *)v, key, e) {
        pr_jpath kp = {p, key, 0};
        if (strcmp(key, "min") == 0) bad_part |= int_in(L, e, 0, 130, "an age range's min", &kp, &a) != 0;
        else if (strcmp(key, "max") == 0) bad_part |= int_in(L, e, 0, 130, "an age range's max", &kp, &b) != 0;
        else unknown_key(L, key, p);
    }
    if (bad_part) return -1;
    if (a > b) return bad(L, p, "an age range needs min <= max");
    *lo = a;
    *hi = b;
    return 0;
}

typedef int (*add_fn)(paroer_relative *r, int32_t value);

static void code_list(rl *L, const json_t *v, int32_t list, add_fn add, const pr_jpath *p)
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
        if (code_value(L, e, list, &ep, &c) == 0) call(L, add(L->r, c));
    }
}

static void languages(rl *L, const json_t *v, const pr_jpath *p)
{
    if (json_is_null(v)) return;
    if (!json_is_array(v)) {
        type_error(L, v, "an array of language tags", p);
        return;
    }
    size_t i;
    const json_t *e;
    json_array_foreach(v, i, e) {
        if (stopped(L)) return;
        pr_jpath ep = {p, NULL, i};
        if (!json_is_string(e)) {
            type_error(L, e, "a language tag (a string)", &ep);
            continue;
        }
        if (!pr_is_language_tag(json_string_value(e), json_string_length(e))) {
            /* Not a code of the vocabulary: a relative's value, so not quoted. */
            bad(L, &ep, "invalid language tag (expected 1 to 35 letters, digits and '-', starting with a "
                        "letter, such as \"da\" or \"en\")");
            continue;
        }
        call(L, paroer_relative_add_language(L->r, json_string_value(e)));
    }
}

static const char *const relation_keys[] = {"relation", "conditions", "cared_for_age", "hours_per_week",
                                            "cohabiting", "cared_at_home", "terminal", "bereaved"};
static const int32_t relation_flags[] = {PAROER_FLAG_COHABITING, PAROER_FLAG_CARED_AT_HOME, PAROER_FLAG_TERMINAL,
                                         PAROER_FLAG_BEREAVED};

static int key_index(const char *key, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, keys[i]) == 0) return (int)i;
    return -1;
}

static void load_relation(rl *L, const json_t *o, const pr_jpath *rp)
{
    if (!json_is_object(o)) {
        type_error(L, o, "a relation (an object)", rp);
        return;
    }
    int32_t relation = -1;
    const json_t *rv = json_object_get(o, "relation");
    pr_jpath kp0 = {rp, "relation", 0};
    if (!rv) bad(L, rp, "a relation needs \"relation\" (a required key)");
    else code_value(L, rv, PAROER_VOCAB_RELATION, &kp0, &relation);
    if (rp->index >= PR_MAX_RELATIONS) {   /* said once, at the first one too many */
        if (rp->index == PR_MAX_RELATIONS) bad(L, rp, "a relative can have at most %d relations", PR_MAX_RELATIONS);
        return;
    }
    if (stopped(L)) return;
    size_t idx = 0;
    int rc = paroer_relative_add_relation(L->r, relation >= 0 ? relation : 0, &idx);
    call(L, rc);
    if (rc) return;
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)o, key, v) {
        if (stopped(L)) return;
        pr_jpath kp = {rp, key, 0};
        int k = key_index(key, relation_keys, PR_COUNT_OF(relation_keys));
        switch (k) {
        case 0: break;
        case 1: {
            if (json_is_null(v)) break;
            if (is_unknown(v)) {
                call(L, paroer_relative_relation_set_conditions_unknown(L->r, idx));
                break;
            }
            if (!json_is_array(v)) {
                type_error(L, v, "an array of condition codes or \"unknown\"", &kp);
                break;
            }
            size_t i;
            const json_t *e;
            json_array_foreach(v, i, e) {
                if (stopped(L)) return;
                pr_jpath ep = {&kp, NULL, i};
                int32_t c;
                if (code_value(L, e, PAROER_VOCAB_CONDITION, &ep, &c) == 0)
                    call(L, paroer_relative_relation_add_condition(L->r, idx, c));
            }
            break;
        }
        case 2: {
            int32_t age = 0;   /* set by int_in on success (gcc -O3 cannot tell) */
            if (json_is_null(v)) break;   /* not given, the default */
            if (is_unknown(v)) {
                call(L, paroer_relative_relation_set_cared_for_age(L->r, idx, PAROER_UNKNOWN));
                break;
            }
            if (json_is_string(v)) {
                type_error(L, v, "cared_for_age (an integer 0..130 or \"unknown\")", &kp);
                break;
            }
            if (int_in(L, v, 0, 130, "cared_for_age", &kp, &age) == 0)
                call(L, paroer_relative_relation_set_cared_for_age(L->r, idx, age));
            break;
        }
        case 3: {
            if (json_is_null(v)) break;
            if (!json_is_number(v)) {
                type_error(L, v, "hours per week (a number 0..168)", &kp);
                break;
            }
            double h = json_number_value(v);
            if (!(h >= 0 && h <= 168)) {
                bad(L, &kp, "hours_per_week must be 0..168");
                break;
            }
            call(L, paroer_relative_relation_set_hours(L->r, idx, h));
            break;
        }
        case 4: case 5: case 6: case 7: {
            int value;
            if (json_is_null(v)) break;
            if (tri_value(L, v, &kp, &value) == 0)
                call(L, paroer_relative_relation_set_flag(L->r, idx, relation_flags[k - 4], value));
            break;
        }
        default: unknown_key(L, key, rp); break;
        }
    }
}

static const char *const root_keys[] = {"id", "age", "municipality", "employed", "relations",
                                        "needs", "modes", "slots", "languages"};

static void load_root(rl *L, const json_t *root, const paroer_allocator *alloc)
{
    if (!json_is_object(root)) {
        if (json_is_array(root))   /* several relatives in one file? */
            bad(L, NULL, "expected a relative document (a JSON object), found an array: a relative document "
                         "describes one relative (many relatives go in a population CSV file)");
        else
            type_error(L, root, "a relative document (a JSON object)", NULL);
        return;
    }
    const char *id = NULL;
    const json_t *v = json_object_get(root, "id");
    pr_jpath idp = {NULL, "id", 0}, agep = {NULL, "age", 0}, mp = {NULL, "municipality", 0};
    if (v && !json_is_null(v)) {
        if (json_is_string(v)) id = json_string_value(v);
        else type_error(L, v, "a pseudonym (a string)", &idp);
    }
    int32_t age = -1, age_hi = -1, muni = -1;
    v = json_object_get(root, "age");
    if (!v) bad(L, NULL, "a relative needs \"age\" (a required key)");
    else if (age_value(L, v, &agep, &age, &age_hi)) age = -1;
    v = json_object_get(root, "municipality");
    if (!v) {
        bad(L, NULL, "a relative needs \"municipality\" (a required key)");
    } else if (pr_parse_municipality(v, &muni) != 0) {
        muni = -1;
        if (json_is_integer(v) || json_is_string(v))
            bad(L, &mp, "invalid municipality code (expected 1..999, written 306, \"306\" or \"0306\")");
        else
            type_error(L, v, "a municipality code (306, \"306\" or \"0306\")", &mp);
    }
    const json_t *rels = json_object_get(root, "relations");
    pr_jpath relp = {NULL, "relations", 0};
    if (!rels) bad(L, NULL, "a relative needs \"relations\" (a required key with at least one relation)");
    else if (!json_is_array(rels)) type_error(L, rels, "an array of relations", &relp);
    else if (json_array_size(rels) == 0) bad(L, &relp, "a relative needs at least one relation");
    if (stopped(L)) return;

    /* Placeholders where a value was wrong: the relative is thrown away then,
     * but the rest of the document is still checked. */
    int rc = paroer_relative_new(&L->r, id, age >= 0 ? age : 0, muni > 0 ? muni : 101, alloc);
    call(L, rc);
    if (rc) return;
    if (age >= 0 && age_hi != age) call(L, paroer_relative_set_age_range(L->r, age, age_hi));

    const char *key;
    json_object_foreach((json_t *)root, key, v) {
        if (stopped(L)) return;
        pr_jpath kp = {NULL, key, 0};
        switch (key_index(key, root_keys, PR_COUNT_OF(root_keys))) {
        case 0: case 1: case 2: break;   /* given to paroer_relative_new */
        case 3: {
            int value;
            if (json_is_null(v)) break;
            if (tri_value(L, v, &kp, &value) == 0) call(L, paroer_relative_set_employed(L->r, value));
            break;
        }
        case 4: {
            if (!json_is_array(v)) break;   /* reported above */
            size_t i;
            const json_t *e;
            json_array_foreach(v, i, e) {
                if (stopped(L)) return;
                pr_jpath ep = {&kp, NULL, i};
                load_relation(L, e, &ep);
            }
            break;
        }
        case 5: code_list(L, v, PAROER_VOCAB_NEED, paroer_relative_add_need, &kp); break;
        case 6: code_list(L, v, PAROER_VOCAB_MODE, paroer_relative_add_mode, &kp); break;
        case 7: code_list(L, v, PAROER_VOCAB_SLOT, paroer_relative_add_slot, &kp); break;
        case 8: languages(L, v, &kp); break;
        default: unknown_key(L, key, NULL); break;
        }
    }
}

static int load(paroer_relative **out, const char *data, size_t len, const char *name, const paroer_load_options *opts,
                const char *read_error, int read_rc)
{
    rl L;
    memset(&L, 0, sizeof L);
    L.diags = opts ? opts->diagnostics : NULL;
    L.flags = opts ? opts->flags : 0;
    L.max_errors = opts && opts->max_errors ? opts->max_errors : 100;
    L.source = name;
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    if (read_rc) {
        report(&L, PR_SEV_ERROR, read_rc, NULL, "%s", read_error);
        return read_rc;
    }
    L.loc = (pr_locate_ctx){.data = data, .len = len, .offset = -1};
    L.use_locate = 1;
    pr_json_failure f;
    json_t *root = pr_json_parse(data, len, 1, &f);
    if (!root) {
        L.loc.fixed = 1;
        L.loc.offset = (int64_t)f.offset;
        pr_json_position(data ? data : "", data ? len : 0, f.offset, &L.loc.line, &L.loc.column);
        report(&L, PR_SEV_ERROR, f.code, NULL, "%s", f.message);
        return f.code;
    }
    load_root(&L, root, &a);
    json_decref(root);
    int rc = L.first_error ? L.first_error : L.fatal;
    if (rc) {
        paroer_relative_free(L.r);
        return rc;
    }
    *out = L.r;
    return PAROER_OK;
}

static int check_opts(paroer_relative **out, const paroer_load_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (opts && (opts->version < 1 || opts->version > PAROER_LOAD_OPTIONS_VERSION))
        return pr_error(PAROER_EINVALID, "unknown paroer_load_options version %u", (unsigned)opts->version);
    return PAROER_OK;
}

int paroer_relative_load_buffer(paroer_relative **out, const char *data, size_t len, const char *name,
                                const paroer_load_options *opts)
{
    int rc = check_opts(out, opts);
    if (rc) return rc;
    if (!data && len) return pr_error(PAROER_EINVALID, "data is NULL");
    return load(out, data, len, name ? name : "<buffer>", opts, NULL, 0);
}

int paroer_relative_load_file(paroer_relative **out, const char *path, const paroer_load_options *opts)
{
    int rc = check_opts(out, opts);
    if (rc) return rc;
    if (!path) return pr_error(PAROER_EINVALID, "path is NULL");
    paroer_allocator a;
    pr_alloc_resolve(&a, opts ? opts->allocator : NULL);
    char *data = NULL;
    size_t len = 0;
    char why[160];
    rc = pr_read_file(&a, path, &data, &len, why, sizeof why);
    if (rc == PAROER_ENOMEM) snprintf(why, sizeof why, "out of memory reading the file");
    rc = load(out, data, len, path, opts, why, rc);
    pr_free(&a, data);
    return rc;
}
