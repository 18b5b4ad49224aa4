/* paroer_catalog_to_hsds: a catalog as a JSON array of HSDS 3.0 or 3.1
 * service objects (contract section 7; the mapping is in docs/hsds.md).
 *
 * What HSDS has a field for goes there (name, description, ages, areas,
 * languages, cost, contacts, capacities, assured_date, schedules); everything
 * else becomes attributes whose terms belong to the `paroer` taxonomy, and
 * what neither can say (an RRULE HSDS cannot express, the providers and
 * policies) goes into the `x-paroer` member, which HSDS allows and the
 * importer (lib/hsds_import.c) reads back. Every id is a UUIDv5 of ours in
 * one namespace, so the same catalog always gives the same document. */
#include "diagnostics.h"
#include "hsds_internal.h"
#include "json_write.h"
#include "model.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

void pr_catalog_write_provider(pr_jw *w, const struct paroer_provider *p);
void pr_catalog_write_policy(pr_jw *w, const struct paroer_policy *p);

typedef struct ex {
    pr_jw w;
    const paroer_catalog *c;
    int v31;
    int32_t date;
    pr_buf owner;           /* "offer:<id>" or "provider:<id>", the seed of the owner's ids */
    pr_buf t1, t2;          /* scratch */
    /* Term ids depend on the term alone: each is derived once per export.
     * [dim][code + 1]; code -1 is a valued dimension's term. */
    char term_ids[PR_HD_COUNT][33][37];
    char ext_ids[32][37];
} ex;

/* The UUID of "<owner>/<a><b>" (owner may be empty). */
static void uuid_of(ex *E, const char *owner, size_t owner_len, const char *a, const char *b, char out[37])
{
    const char *parts[4] = {owner, "/", a, b ? b : ""};
    size_t lens[4] = {owner_len, owner_len ? 1 : 0, strlen(a), b ? strlen(b) : 0};
    unsigned char u[16];
    (void)E;
    pr_uuid5_parts(pr_hsds_ns, parts, lens, 4, u);
    pr_uuid_format(u, out);
}

static void kid(ex *E, const char *key, const char *a, const char *b)
{
    char id[37];
    uuid_of(E, E->owner.p, E->owner.len, a, b, id);
    pr_jw_kstr(&E->w, key, id);
}

static void set_owner(ex *E, const char *prefix, const char *id)
{
    E->owner.len = 0;
    pr_buf_puts(&E->owner, prefix);
    pr_buf_puts(&E->owner, id);
}

static const char *cat3(pr_buf *b, const char *x, const char *y, const char *z)
{
    b->len = 0;
    pr_buf_puts(b, x);
    pr_buf_puts(b, y);
    pr_buf_puts(b, z);
    return b->err ? "" : b->p;
}

/* One term of the paroer taxonomy; `cached` is its slot in E->term_ids. */
static void paroer_term(ex *E, const char *code, const char *name, const char *description, char cached[37])
{
    pr_jw *w = &E->w;
    if (!cached[0]) uuid_of(E, "", 0, "term:paroer:", code, cached);
    const char *id = cached;
    pr_jw_key(w, "taxonomy_term");
    pr_jw_object(w);
    pr_jw_kstr(w, "id", id);
    pr_jw_kstr(w, "code", code);
    pr_jw_kstr(w, "name", name);
    pr_jw_kstr(w, "description", description);
    pr_jw_kstr(w, "taxonomy", PR_HSDS_TAXONOMY);
    pr_jw_end(w);
}

/* An attribute of dimension `dim` of the open owner: a code of the
 * dimension's list (value -1 when valued), or a value. */
static void attr(ex *E, const char *link_id, const char *entity, int dim, int32_t code, const char *value)
{
    pr_jw *w = &E->w;
    const pr_hsds_dim_info *d = &pr_hsds_dims[dim];
    const char *term;
    if (code >= 0) term = cat3(&E->t1, d->name, ":", paroer_vocab_code(d->list, code));
    else term = d->name;
    pr_jw_object(w);
    kid(E, "id", cat3(&E->t2, "attribute:", term, value ? "=" : ""), value);
    (void)link_id;
    (void)entity;
    pr_jw_kstr(w, "link_type", d->name);
    if (value) pr_jw_kstr(w, "value", value);
    if (code >= 0) {
        const char *en = paroer_vocab_label(d->list, code, PAROER_LANG_EN);
        const char *da = paroer_vocab_label(d->list, code, PAROER_LANG_DA);
        pr_buf *b = &E->t2;
        b->len = 0;
        pr_buf_puts(b, d->da);
        pr_buf_puts(b, ": ");
        pr_buf_puts(b, da ? da : "");
        paroer_term(E, term, en ? en : term, b->err ? "" : b->p,
                    E->term_ids[dim][code + 1]);
    } else {
        paroer_term(E, term, d->en, d->da, E->term_ids[dim][0]);
    }
    pr_jw_end(w);
}

static void attr_mask(ex *E, const char *sid, int dim, uint32_t m)
{
    for (int32_t i = 0; i < 32; i++)
        if (m & PR_BIT(i)) attr(E, sid, "service", dim, i, NULL);
}

static void attr_int(ex *E, const char *sid, int dim, int64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", (long long)v);   /* integers: no locale involved */
    attr(E, sid, "service", dim, -1, buf);
}

static void attr_date(ex *E, const char *sid, int dim, int32_t d)
{
    char buf[16];
    if (paroer_date_format(d, buf, sizeof buf) != PAROER_OK) return;
    attr(E, sid, "service", dim, -1, buf);
}

/* A term of Open Eligibility or esd. */
static void ext_attr(ex *E, const char *sid, const pr_hsds_ext_term *t)
{
    pr_jw *w = &E->w;
    pr_jw_object(w);
    kid(E, "id", cat3(&E->t1, "attribute:", t->taxonomy, ":"), t->code);
    pr_jw_kstr(w, "link_id", sid);
    pr_jw_kstr(w, "link_type", t->kind >= 0 ? "service_type" : "eligibility");
    pr_jw_kstr(w, "link_entity", "service");
    char *id = E->ext_ids[(size_t)(t - pr_hsds_ext_terms) % 32];
    if (!id[0]) uuid_of(E, "", 0, cat3(&E->t1, "term:", t->taxonomy, ":"), t->code, id);
    pr_jw_key(w, "taxonomy_term");
    pr_jw_object(w);
    pr_jw_kstr(w, "id", id);
    pr_jw_kstr(w, "code", t->code);
    pr_jw_kstr(w, "name", t->name);
    pr_jw_kstr(w, "description",
               strcmp(t->taxonomy, PR_HSDS_OE) == 0 ? "Open Eligibility taxonomy" : "esd Services List");
    pr_jw_kstr(w, "taxonomy", t->taxonomy);
    pr_jw_end(w);
    pr_jw_end(w);
}

static const pr_hsds_ext_term *ext_find(const char *taxonomy, const char *code)
{
    for (size_t i = 0; i < pr_hsds_n_ext_terms; i++)
        if (!strcmp(pr_hsds_ext_terms[i].taxonomy, taxonomy) && !strcmp(pr_hsds_ext_terms[i].code, code))
            return &pr_hsds_ext_terms[i];
    return NULL;
}

/* The Open Eligibility / esd terms of an offer: its kind's, and the
 * "caregivers" situation (esd's young-carers term for under-18 targets). */
static void ext_attrs(ex *E, const char *sid, const struct paroer_offer *o)
{
    const char *oe = NULL, *esd = NULL;
    switch (o->kind) {
    case PAROER_KIND_RESPITE_HOME: case PAROER_KIND_RESPITE_AWAY: oe = "1286"; esd = "227"; break;
    case PAROER_KIND_ACTIVITY_BREAK: oe = "1286"; break;
    case PAROER_KIND_COUNSELLING: oe = "1304"; esd = "163"; break;
    case PAROER_KIND_PEER_GROUP: oe = "1312"; esd = "298"; break;
    case PAROER_KIND_CAFE_NETWORK: oe = "1310"; esd = "298"; break;
    case PAROER_KIND_FINANCIAL_SUPPORT: esd = "1437"; break;
    case PAROER_KIND_INVOLVEMENT: esd = "162"; break;
    default: break;
    }
    if (oe) ext_attr(E, sid, ext_find(PR_HSDS_OE, oe));
    if (esd) ext_attr(E, sid, ext_find(PR_HSDS_ESD, esd));
    ext_attr(E, sid, ext_find(PR_HSDS_OE, "20073"));
    ext_attr(E, sid, ext_find(PR_HSDS_ESD, o->target.relative_age.max < 18 ? "300" : "225"));
}

/* ---- schedules -------------------------------------------------------------- */

typedef struct rrule {
    const char *freq; size_t freq_len;
    int64_t interval, count;      /* -1 when absent */
    const char *byday, *bymonthday, *byweekno, *byyearday, *wkst, *until;
    size_t byday_len, bymonthday_len, byweekno_len, byyearday_len, wkst_len, until_len;
    int mappable;
} rrule;

static int is_digits(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int64_t digits_value(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n && v < 100000000; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static void rrule_parse(const char *s, rrule *r)
{
    memset(r, 0, sizeof *r);
    r->interval = r->count = -1;
    r->mappable = 1;
    if (strncmp(s, "RRULE:", 6) == 0) r->mappable = 0;
    while (*s) {
        const char *end = strchr(s, ';');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        const char *eq = memchr(s, '=', n);
        if (!eq) { r->mappable = 0; break; }
        size_t kl = (size_t)(eq - s), vl = n - kl - 1;
        const char *v = eq + 1;
#define K(name) (kl == sizeof name - 1 && memcmp(s, name, kl) == 0)
        if (K("FREQ") && !r->freq) { r->freq = v; r->freq_len = vl; }
        else if (K("INTERVAL") && r->interval < 0 && is_digits(v, vl) && vl < 9) r->interval = digits_value(v, vl);
        else if (K("COUNT") && r->count < 0 && is_digits(v, vl) && vl < 9) r->count = digits_value(v, vl);
        else if (K("BYDAY") && !r->byday && vl) { r->byday = v; r->byday_len = vl; }
        else if (K("BYMONTHDAY") && !r->bymonthday && vl) { r->bymonthday = v; r->bymonthday_len = vl; }
        else if (K("BYWEEKNO") && !r->byweekno && vl) { r->byweekno = v; r->byweekno_len = vl; }
        else if (K("BYYEARDAY") && !r->byyearday && vl) { r->byyearday = v; r->byyearday_len = vl; }
        else if (K("WKST") && !r->wkst && vl == 2) { r->wkst = v; r->wkst_len = vl; }
        else if (K("UNTIL") && !r->until && vl == 8 && is_digits(v, 8)) { r->until = v; r->until_len = vl; }
        else r->mappable = 0;
#undef K
        if (!end) break;
        s = end + 1;
    }
    if (!r->freq || !((r->freq_len == 6 && memcmp(r->freq, "WEEKLY", 6) == 0) ||
                      (r->freq_len == 7 && memcmp(r->freq, "MONTHLY", 7) == 0)))
        r->mappable = 0;
    if (r->wkst) {
        static const char days[] = "MOTUWETHFRSASU";
        int ok = 0;
        for (int i = 0; i < 7; i++) ok |= memcmp(days + 2 * i, r->wkst, 2) == 0;
        if (!ok) r->mappable = 0;
    }
}

static void rr_part(pr_buf *b, const char *key, const char *v, size_t n)
{
    if (!v) return;
    if (b->len) pr_buf_putc(b, ';');
    pr_buf_puts(b, key);
    pr_buf_putc(b, '=');
    pr_buf_put(b, v, n);
}

/* The RRULE the importer makes of the HSDS fields (lib/hsds_import.c does the same). */
static void rrule_canonical(const rrule *r, pr_buf *b)
{
    b->len = 0;
    char num[24];
    rr_part(b, "FREQ", r->freq, r->freq_len);
    if (r->interval >= 0) {
        int n = 0;
        int64_t v = r->interval;
        char rev[24];
        do { rev[n++] = (char)('0' + v % 10); v /= 10; } while (v);
        size_t k = 0;
        while (n) num[k++] = rev[--n];
        rr_part(b, "INTERVAL", num, k);
    }
    rr_part(b, "BYDAY", r->byday, r->byday_len);
    rr_part(b, "BYMONTHDAY", r->bymonthday, r->bymonthday_len);
    rr_part(b, "BYWEEKNO", r->byweekno, r->byweekno_len);
    rr_part(b, "BYYEARDAY", r->byyearday, r->byyearday_len);
    rr_part(b, "WKST", r->wkst, r->wkst_len);
    if (r->count >= 0) {
        int n = 0;
        int64_t v = r->count;
        char rev[24];
        do { rev[n++] = (char)('0' + v % 10); v /= 10; } while (v);
        size_t k = 0;
        while (n) num[k++] = rev[--n];
        rr_part(b, "COUNT", num, k);
    }
    rr_part(b, "UNTIL", r->until, r->until_len);
    pr_buf_putc(b, '\0');
    b->len--;
}

static void schedule(ex *E, const char *sid, const char *text)
{
    pr_jw *w = &E->w;
    rrule r;
    rrule_parse(text, &r);
    pr_jw_key(w, "schedules");
    pr_jw_array(w);
    pr_jw_object(w);
    kid(E, "id", "schedule", NULL);
    (void)sid;
    int keep = !r.mappable;
    if (r.mappable) {
        pr_jw_key(w, "freq");
        pr_jw_strn(w, r.freq, r.freq_len);
        if (r.interval >= 0) pr_jw_kint(w, "interval", r.interval);
        if (r.byday) { pr_jw_key(w, "byday"); pr_jw_strn(w, r.byday, r.byday_len); }
        if (r.bymonthday) { pr_jw_key(w, "bymonthday"); pr_jw_strn(w, r.bymonthday, r.bymonthday_len); }
        if (r.byweekno) { pr_jw_key(w, "byweekno"); pr_jw_strn(w, r.byweekno, r.byweekno_len); }
        if (r.byyearday) { pr_jw_key(w, "byyearday"); pr_jw_strn(w, r.byyearday, r.byyearday_len); }
        if (r.wkst) { pr_jw_key(w, "wkst"); pr_jw_strn(w, r.wkst, r.wkst_len); }
        if (r.count >= 0) pr_jw_kint(w, "count", r.count);
        if (r.until) {
            char d[11] = {r.until[0], r.until[1], r.until[2], r.until[3], '-', r.until[4], r.until[5], '-',
                          r.until[6], r.until[7], '\0'};
            pr_jw_kstr(w, "until", d);
        }
        rrule_canonical(&r, &E->t1);
        keep = E->t1.err || strcmp(E->t1.p, text) != 0;
        /* Denmark is UTC+1 in winter and UTC+2 in summer; HSDS has one
         * number. Our rules name days, not clock times, so the standard
         * offset is written and the zone's name kept in the extension. */
        pr_jw_kint(w, "timezone", 1);
        pr_jw_kstr(w, "description", "Dansk tid (Europe/Copenhagen)");
    } else {
        pr_jw_kstr(w, "description", "Gentagelsen kan ikke udtrykkes i HSDS; se x-paroer.rrule (RFC 5545)");
    }
    pr_jw_key(w, PR_HSDS_EXT);
    pr_jw_object(w);
    pr_jw_kstr(w, "tzid", "Europe/Copenhagen");
    if (keep) pr_jw_kstr(w, "rrule", text);
    pr_jw_end(w);
    pr_jw_end(w);
    pr_jw_end(w);
}

/* ---- URIs and e-mail addresses -------------------------------------------------
 * HSDS gives url, additional_urls[].url and uri the JSON Schema format "uri":
 * a text with non-ASCII letters (an IRI, common in Danish addresses) or
 * spaces is written percent-encoded (RFC 3987, section 3.1), and one without
 * a scheme not at all; the text as we have it then also goes into the
 * extension, so the import gives it back unchanged. */
static int uri_encode(const char *s, pr_buf *b)
{
    b->len = 0;
    size_t i = 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
    while (s[i] && s[i] != ':') {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
              c == '.'))
            return 0;
        i++;
    }
    if (s[i] != ':' || !s[i + 1]) return 0;
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80 || *p <= 0x20 || strchr("<>\"{}|\\^`", *p)) {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            pr_buf_put(b, e, 3);
        } else {
            pr_buf_putc(b, (char)*p);
        }
    }
    pr_buf_putc(b, '\0');
    b->len--;
    return !b->err;
}

/* Writes key: the URI form of text; returns 1 when that is the text itself. */
static int kuri(ex *E, const char *key, const char *text)
{
    if (!uri_encode(text, &E->t1)) return 0;
    pr_jw_kstr(&E->w, key, E->t1.p);
    return strcmp(E->t1.p, text) == 0;
}

/* A plausible addr-spec: one '@' with text on both sides, no spaces or controls. */
static int email_ok(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || !at[1] || strchr(at + 1, '@')) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' || *p == '(' || *p == ')' || *p == ',') return 0;
    return strchr(at + 1, '.') != NULL;
}

/* ---- a service ---------------------------------------------------------------- */

static void label_list(pr_buf *b, int32_t list, uint32_t m)
{
    int first = 1;
    for (int32_t i = 0; i < 32; i++) {
        if (!(m & PR_BIT(i))) continue;
        if (!first) pr_buf_puts(b, ", ");
        first = 0;
        const char *l = paroer_vocab_label(list, i, PAROER_LANG_DA);
        pr_buf_puts(b, l ? l : paroer_vocab_code(list, i));
    }
}

static void age_text(pr_buf *b, pr_range r)
{
    if (r.min != PR_AGE_MIN && r.max != PR_AGE_MAX) pr_buf_printf(b, "%d–%d år", (int)r.min, (int)r.max);
    else if (r.min != PR_AGE_MIN) pr_buf_printf(b, "fra %d år", (int)r.min);
    else pr_buf_printf(b, "til og med %d år", (int)r.max);
}

/* The target in plain Danish, for eligibility_description. */
static void eligibility(ex *E, const paroer_target *t)
{
    pr_buf *b = &E->t1;
    b->len = 0;
    pr_buf_puts(b, "Pårørende");
    if (t->relative_age.min != PR_AGE_MIN || t->relative_age.max != PR_AGE_MAX) {
        pr_buf_puts(b, " ");
        age_text(b, t->relative_age);
    }
    pr_buf_puts(b, ".");
    if (t->relations) { pr_buf_puts(b, " Relation: "); label_list(b, PAROER_VOCAB_RELATION, t->relations); pr_buf_puts(b, "."); }
    if (t->conditions) { pr_buf_puts(b, " Den nærtstående: "); label_list(b, PAROER_VOCAB_CONDITION, t->conditions); pr_buf_puts(b, "."); }
    if (t->cared_for_age.min != PR_AGE_MIN || t->cared_for_age.max != PR_AGE_MAX) {
        pr_buf_puts(b, " Den nærtståendes alder: ");
        age_text(b, t->cared_for_age);
        pr_buf_puts(b, ".");
    }
    if (t->requires) { pr_buf_puts(b, " Krav: "); label_list(b, PAROER_VOCAB_FLAG, t->requires); pr_buf_puts(b, "."); }
    if (t->bereaved == PAROER_BEREAVEMENT_ALSO) pr_buf_puts(b, " Også efterladte.");
    else if (t->bereaved == PAROER_BEREAVEMENT_ONLY) pr_buf_puts(b, " Kun efterladte.");
    pr_jw_kstr(&E->w, "eligibility_description", b->err ? "" : b->p);
}

static void phone(ex *E, const char *sid, const char *number, const char *seed)
{
    pr_jw *w = &E->w;
    (void)sid;
    pr_jw_key(w, "phones");
    pr_jw_array(w);
    pr_jw_object(w);
    kid(E, "id", seed, NULL);
    pr_jw_kstr(w, "number", number);
    pr_jw_end(w);
    pr_jw_end(w);
}

static void organization(ex *E, const struct paroer_provider *p)
{
    pr_jw *w = &E->w;
    pr_buf keep = E->owner;   /* the service's seed, restored below */
    pr_buf_init(&E->owner, keep.a);
    set_owner(E, "provider:", p->id);
    char oid[37];
    uuid_of(E, E->owner.p ? E->owner.p : "", E->owner.len, "organization", NULL, oid);
    pr_jw_key(w, "organization");
    pr_jw_object(w);
    pr_jw_kstr(w, "id", oid);
    pr_jw_kstr(w, "name", p->name);
    pr_jw_kstr(w, "description", p->name);
    pr_jw_key(w, "attributes");
    pr_jw_array(w);
    attr(E, oid, "organization", PR_HD_ID, -1, p->id);
    attr(E, oid, "organization", PR_HD_PROVIDER_KIND, p->kind, NULL);
    if (p->area >= 0) attr(E, oid, "organization", PR_HD_AREA, p->area, NULL);
    pr_jw_end(w);
    pr_jw_end(w);
    if (E->owner.err && !w->b.err) w->b.err = E->owner.err;
    pr_buf_discard(&E->owner);
    E->owner = keep;
}

static void service(ex *E, const struct paroer_offer *o, int first)
{
    pr_jw *w = &E->w;
    const paroer_catalog *c = E->c;
    set_owner(E, "offer:", o->id);
    char sid[37];
    uuid_of(E, E->owner.p ? E->owner.p : "", E->owner.len, "service", NULL, sid);
    const struct paroer_provider *p = o->provider != PR_NONE ? &c->providers[o->provider] : NULL;

    pr_jw_object(w);
    pr_jw_kstr(w, "id", sid);
    if (p) {
        char oid[37];
        const char *seed = cat3(&E->t1, "provider:", p->id, "");
        uuid_of(E, seed, strlen(seed), "organization", NULL, oid);
        pr_jw_kstr(w, "organization_id", oid);
    }
    pr_jw_kstr(w, "name", o->name);
    if (o->description) pr_jw_kstr(w, "description", o->description);
    int ext_url = o->contact_url && !kuri(E, "url", o->contact_url);
    int ext_source = o->source && !E->v31;
    if (E->v31 && o->source) {
        if (uri_encode(o->source, &E->t1)) {
            pr_jw_key(w, "additional_urls");
            pr_jw_array(w);
            pr_jw_object(w);
            kid(E, "id", "url:source", NULL);
            pr_jw_kstr(w, "label", "source");
            ext_source = !kuri(E, "url", o->source);
            pr_jw_end(w);
            pr_jw_end(w);
        } else {
            ext_source = 1;
        }
    }
    int ext_email = o->contact_email && !email_ok(o->contact_email);
    if (o->contact_email && !ext_email) pr_jw_kstr(w, "email", o->contact_email);
    pr_jw_kstr(w, "status", o->status == PAROER_STATUS_PAUSED ? "temporarily closed" : "active");
    {
        const char *l = paroer_vocab_label(PAROER_VOCAB_ACCESS, o->access, PAROER_LANG_DA);
        pr_jw_kstr(w, "application_process", cat3(&E->t1, "Adgang: ", l ? l : "", ""));
    }
    eligibility(E, &o->target);
    if (o->target.relative_age.min != PR_AGE_MIN) pr_jw_kint(w, "minimum_age", o->target.relative_age.min);
    if (o->target.relative_age.max != PR_AGE_MAX) pr_jw_kint(w, "maximum_age", o->target.relative_age.max);
    if (o->verified != PAROER_DATE_NONE) {
        pr_jw_key(w, "assured_date");
        pr_jw_date(w, o->verified);
    }
    if (o->status == PAROER_STATUS_WAITLIST) pr_jw_kstr(w, "alert", "Venteliste");
    if (o->contact_phone) phone(E, sid, o->contact_phone, "phone");
    if (o->schedule) schedule(E, sid, o->schedule);

    pr_jw_key(w, "service_areas");
    pr_jw_array(w);
    if (o->nationwide) {
        pr_jw_object(w);
        kid(E, "id", "area:DK", NULL);
        pr_jw_kstr(w, "name", "Danmark");
        pr_jw_kstr(w, "description", "Hele landet");
        pr_jw_end(w);
    }
    for (uint32_t i = 0; i < o->n_municipalities; i++) {
        int32_t m = o->municipalities[i];
        char code[8] = {(char)('0' + m / 1000 % 10), (char)('0' + m / 100 % 10), (char)('0' + m / 10 % 10),
                        (char)('0' + m % 10), '\0'};
        const char *name = pr_hsds_muni_name(m);
        pr_jw_object(w);
        kid(E, "id", "area:", code);
        pr_jw_kstr(w, "name", name ? name : code);
        pr_jw_kstr(w, "description", cat3(&E->t1, "Kommunekode ", code, ""));
        pr_jw_kstr(w, "uri", cat3(&E->t1, "https://api.dataforsyningen.dk/kommuner/", code, ""));
        pr_jw_end(w);
    }
    pr_jw_end(w);

    pr_jw_key(w, "languages");
    pr_jw_array(w);
    for (uint32_t i = 0; i < o->n_languages; i++) {
        const char *lc = c->languages[o->languages[i]];
        const char *name = pr_hsds_language_name(lc);
        pr_jw_object(w);
        kid(E, "id", "language:", lc);
        if (name) pr_jw_kstr(w, "name", name);
        pr_jw_kstr(w, "code", lc);
        pr_jw_end(w);
    }
    pr_jw_end(w);

    if (p) organization(E, p);

    if (o->cost_free >= 0 || !isnan(o->price_dkk)) {
        pr_jw_key(w, "cost_options");
        pr_jw_array(w);
        pr_jw_object(w);
        kid(E, "id", "cost", NULL);
        pr_jw_kstr(w, "option", o->cost_free == 1 ? "Gratis" : o->cost_free == 0 ? "Egenbetaling" : "Pris");
        pr_jw_kstr(w, "currency", "DKK");
        if (!isnan(o->price_dkk)) pr_jw_kdouble(w, "amount", o->price_dkk);
        else if (o->cost_free == 1) pr_jw_kint(w, "amount", 0);
        pr_jw_end(w);
        pr_jw_end(w);
    }
    if (o->contact_phone || o->contact_email) {
        pr_jw_key(w, "contacts");
        pr_jw_array(w);
        pr_jw_object(w);
        kid(E, "id", "contact", NULL);
        pr_jw_kstr(w, "name", p ? p->name : o->name);
        if (o->contact_email && !ext_email) pr_jw_kstr(w, "email", o->contact_email);
        if (o->contact_phone) phone(E, NULL, o->contact_phone, "contact:phone");
        pr_jw_end(w);
        pr_jw_end(w);
    }
    if (E->v31 && o->capacity >= 0) {
        int32_t d = o->verified != PAROER_DATE_NONE ? o->verified : E->date;
        char day[16] = "1970-01-01";
        paroer_date_format(d, day, sizeof day);
        pr_jw_key(w, "capacities");
        pr_jw_array(w);
        pr_jw_object(w);
        kid(E, "id", "capacity", NULL);
        pr_jw_key(w, "unit");
        pr_jw_object(w);
        char uid[37];
        uuid_of(E, "", 0, "unit:places", NULL, uid);
        pr_jw_kstr(w, "id", uid);
        pr_jw_kstr(w, "name", "pladser");
        pr_jw_kstr(w, "scheme", PR_HSDS_TAXONOMY);
        pr_jw_kstr(w, "identifier", "places");
        pr_jw_end(w);
        pr_jw_kint(w, "available", o->capacity);
        pr_jw_kint(w, "maximum", o->capacity);
        pr_jw_kstr(w, "description", "Pladser i alt");
        pr_jw_kstr(w, "updated", cat3(&E->t1, day, "T00:00:00Z", ""));
        pr_jw_end(w);
        pr_jw_end(w);
    }

    pr_jw_key(w, "attributes");
    pr_jw_array(w);
    attr(E, sid, "service", PR_HD_ID, -1, o->id);
    attr(E, sid, "service", PR_HD_KIND, o->kind, NULL);
    attr_mask(E, sid, PR_HD_NEED, o->needs);
    attr_mask(E, sid, PR_HD_RELATION, o->target.relations);
    attr_mask(E, sid, PR_HD_CONDITION, o->target.conditions);
    if (o->target.cared_for_age.min != PR_AGE_MIN) attr_int(E, sid, PR_HD_CARED_MIN, o->target.cared_for_age.min);
    if (o->target.cared_for_age.max != PR_AGE_MAX) attr_int(E, sid, PR_HD_CARED_MAX, o->target.cared_for_age.max);
    attr_mask(E, sid, PR_HD_REQUIRES, o->target.requires);
    if (o->target.bereaved != PAROER_BEREAVEMENT_NO) attr(E, sid, "service", PR_HD_BEREAVED, o->target.bereaved, NULL);
    attr_mask(E, sid, PR_HD_MODE, o->modes);
    attr_mask(E, sid, PR_HD_SLOT, o->slots);
    attr(E, sid, "service", PR_HD_ACCESS, o->access, NULL);
    attr(E, sid, "service", PR_HD_STATUS, o->status, NULL);
    if (o->valid_from != PAROER_DATE_NONE) attr_date(E, sid, PR_HD_VALID_FROM, o->valid_from);
    if (o->valid_to != PAROER_DATE_NONE) attr_date(E, sid, PR_HD_VALID_TO, o->valid_to);
    for (uint32_t i = 0; i < o->n_legal_basis; i++) attr(E, sid, "service", PR_HD_LEGAL_BASIS, -1, o->legal_basis[i]);
    if (o->cost_free >= 0) attr(E, sid, "service", PR_HD_COST, -1, o->cost_free ? "free" : "paid");
    if (!E->v31 && o->capacity >= 0) attr_int(E, sid, PR_HD_CAPACITY, o->capacity);
    if (o->nationwide) attr(E, sid, "service", PR_HD_NATIONWIDE, -1, "true");
    for (uint32_t i = 0; i < o->n_codes; i++) {
        const pr_code *k = &o->codes[i];
        pr_jw_object(w);
        kid(E, "id", cat3(&E->t1, "attribute:external_code:", k->system, "|"), k->code);
        pr_jw_kstr(w, "link_type", pr_hsds_dims[PR_HD_EXTERNAL_CODE].name);
        char tid[37];
        uuid_of(E, "", 0, cat3(&E->t1, "term:", k->system, "|"), k->code, tid);
        pr_jw_key(w, "taxonomy_term");
        pr_jw_object(w);
        pr_jw_kstr(w, "id", tid);
        pr_jw_kstr(w, "code", k->code);
        pr_jw_kstr(w, "name", k->code);
        pr_jw_kstr(w, "description", k->system);
        pr_jw_kstr(w, "taxonomy", k->system);
        pr_jw_end(w);
        pr_jw_end(w);
    }
    ext_attrs(E, sid, o);
    pr_jw_end(w);

    if (ext_source || ext_url || ext_email || first) {
        pr_jw_key(w, PR_HSDS_EXT);
        pr_jw_object(w);
        if (ext_source) pr_jw_kstr(w, "source", o->source);
        if (ext_url) pr_jw_kstr(w, "url", o->contact_url);
        if (ext_email) pr_jw_kstr(w, "email", o->contact_email);
        if (first) {
            pr_jw_key(w, "catalog");
            pr_jw_object(w);
            int muni = c->municipality > 0;
            for (uint32_t i = 0; muni && i < c->n_offers; i++)
                if (!c->offers[i].n_municipalities && !c->offers[i].nationwide) muni = 0;
            if (muni) pr_jw_kint(w, "municipality", c->municipality);
            pr_jw_key(w, "providers");
            pr_jw_array(w);
            for (uint32_t i = 0; i < c->n_providers; i++) pr_catalog_write_provider(w, &c->providers[i]);
            pr_jw_end(w);
            pr_jw_key(w, "policies");
            pr_jw_array(w);
            for (uint32_t i = 0; i < c->n_policies; i++) pr_catalog_write_policy(w, &c->policies[i]);
            pr_jw_end(w);
            pr_jw_end(w);
        }
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

int paroer_hsds_options_init(paroer_hsds_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "opts is NULL");
    if (version != PAROER_HSDS_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown options version %u", (unsigned)version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    opts->hsds_version = PAROER_HSDS_3_1;
    opts->municipality = -1;
    opts->date = PAROER_DATE_NONE;
    return PAROER_OK;
}

int paroer_catalog_to_hsds(const paroer_catalog *c, const paroer_hsds_options *opts, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!c || !out) return pr_error(PAROER_EINVALID, "%s is NULL", c ? "out" : "catalog");
    paroer_hsds_options defaults;
    if (!opts) {
        paroer_hsds_options_init(&defaults, PAROER_HSDS_OPTIONS_VERSION);
        opts = &defaults;
    }
    if (opts->version != PAROER_HSDS_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown options version %u", (unsigned)opts->version);
    if (opts->hsds_version != PAROER_HSDS_3_0 && opts->hsds_version != PAROER_HSDS_3_1)
        return pr_error(PAROER_EINVALID, "unknown HSDS version %d (expected 30 for 3.0 or 31 for 3.1)",
                        (int)opts->hsds_version);
    paroer_allocator a;
    pr_alloc_resolve(&a, opts->allocator);
    ex *Ep = pr_malloc(&a, sizeof *Ep);   /* the id caches make it too big for the stack */
    if (!Ep) return pr_error(PAROER_ENOMEM, "out of memory");
    memset(Ep, 0, sizeof *Ep);
#define E (*Ep)
    E.c = c;
    E.v31 = opts->hsds_version == PAROER_HSDS_3_1;
    E.date = opts->date != PAROER_DATE_NONE ? opts->date : paroer_date_today();
    pr_jw_init(&E.w, opts->allocator ? &a : NULL);
    pr_buf_init(&E.owner, &a);
    pr_buf_init(&E.t1, &a);
    pr_buf_init(&E.t2, &a);
    if (c->n_offers == 0 && c->n_policies > 0 && opts->diagnostics) {
        char msg[200];
        snprintf(msg, sizeof msg, "%u polic%s not exported: HSDS carries policies only on a service, and the "
                 "catalog has no offers", (unsigned)c->n_policies, c->n_policies == 1 ? "y" : "ies");
        if (pr_diag_add(opts->diagnostics, PR_SEV_WARNING, 0, "", "", 0, 0, msg) != 0)
            E.w.b.err = PAROER_ENOMEM;
    }
    pr_jw_array(&E.w);
    for (uint32_t i = 0; i < c->n_offers && !E.w.b.err; i++) service(&E, &c->offers[i], i == 0);
    pr_jw_end(&E.w);
    int err = E.owner.err ? E.owner.err : E.t1.err ? E.t1.err : E.t2.err;
    pr_buf_discard(&E.owner);
    pr_buf_discard(&E.t1);
    pr_buf_discard(&E.t2);
    if (err && !E.w.b.err) E.w.b.err = err;
    int rc = pr_jw_finish(&E.w, out, len);
#undef E
    pr_free(&a, Ep);
    return rc;
}
