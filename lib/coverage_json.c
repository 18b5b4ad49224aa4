/* The JSON of `paroer coverage --format json` (contract section 6), written
 * from a computed result. One line, no spaces, keys in the contract's order;
 * shares are fractions rounded to 4 decimals (docs/coverage.md). */
#include "coverage_impl.h"
#include <stdio.h>
#include <string.h>

typedef struct sb {
    const paroer_allocator *a;
    char *p;
    size_t len, cap;
    int err;
} sb;

static void put(sb *b, const char *s, size_t n)
{
    if (b->err) return;
    if (b->len + n + 1 > b->cap && pr_grow(b->a, (void **)&b->p, &b->cap, b->len + n + 1, 1)) {
        b->err = PAROER_ENOMEM;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(sb *b, const char *s) { put(b, s, strlen(s)); }

static void put_str(sb *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put(b, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
        put(b, run, (size_t)(s - run));
        char e[7] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15], 0};
        if (ch == '"') puts_(b, "\\\"");
        else if (ch == '\\') puts_(b, "\\\\");
        else if (ch == '\n') puts_(b, "\\n");
        else if (ch == '\t') puts_(b, "\\t");
        else if (ch == '\r') puts_(b, "\\r");
        else put(b, e, 6);
        run = s + 1;
    }
    put(b, run, (size_t)(s - run));
    put(b, "\"", 1);
}

static void put_u64(sb *b, uint64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
    put(b, t, (size_t)n);
}

static void put_i64(sb *b, int64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%lld", (long long)v);
    put(b, t, (size_t)n);
}

/* A share 0..1, rounded to 4 decimals, trailing zeros dropped: 0.8123, 0.5, 1, 0. */
static void put_share(sb *b, double v)
{
    char t[32];
    if (!(v >= 0)) v = 0;
    if (v > 1) v = 1;
    int n = snprintf(t, sizeof t, "%.4f", v);
    while (n > 1 && t[n - 1] == '0') n--;
    if (n > 0 && t[n - 1] == '.') n--;
    put(b, t, (size_t)n);
}

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }

static void put_key(sb *b, const char *key)
{
    put_str(b, key);
    put(b, ":", 1);
}

static void put_share_map(sb *b, int32_t list, const double *v, int32_t n)
{
    put(b, "{", 1);
    for (int32_t i = 0; i < n; i++) {
        if (i) put(b, ",", 1);
        put_key(b, paroer_vocab_code(list, i));
        put_share(b, v[i]);
    }
    put(b, "}", 1);
}

static void put_matrix(sb *b, const paroer_coverage *cov)
{
    put_key(b, "coverage");
    put(b, "{", 1);
    put_key(b, "overall");
    put_share(b, cov->overall);
    puts_(b, ",\"by_need\":");
    put_share_map(b, PAROER_VOCAB_NEED, cov->by_need, PR_N_NEED);
    puts_(b, ",\"by_condition\":");
    put_share_map(b, PAROER_VOCAB_CONDITION, cov->by_condition, PR_N_CONDITION);
    puts_(b, ",\"by_relation\":");
    put_share_map(b, PAROER_VOCAB_RELATION, cov->by_relation, PR_N_RELATION);
    puts_(b, ",\"by_age_band\":");
    put_share_map(b, PAROER_VOCAB_AGE_BAND, cov->by_age_band, PR_N_AGE_BAND);
    puts_(b, "},\"gaps\":[");
    for (size_t i = 0; i < cov->n_gaps; i++) {
        const pr_gap *g = &cov->gaps[i];
        if (i) put(b, ",", 1);
        puts_(b, "{\"age_band\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_AGE_BAND, g->band));
        puts_(b, ",\"relation\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_RELATION, g->relation));
        puts_(b, ",\"condition\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_CONDITION, g->condition));
        puts_(b, ",\"need\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_NEED, g->need));
        put(b, "}", 1);
    }
    puts_(b, "],\"bereavement\":[");
    for (int n = 0; n < PR_N_NEED; n++) {
        if (n) put(b, ",", 1);
        puts_(b, "{\"need\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_NEED, n));
        puts_(b, ",\"offers\":[");
        for (size_t i = 0; i < cov->n_bereaved[n]; i++) {
            if (i) put(b, ",", 1);
            put_str(b, cov->bereaved[n][i]);
        }
        puts_(b, "]}");
    }
    puts_(b, "],\"policy\":{\"goals\":[");
    int first = 1;
    for (size_t g = 0; g < cov->n_goals; g++) {
        const pr_goal_cov *gc = &cov->goals[g];
        if (gc->organisational) continue;
        if (!first) put(b, ",", 1);
        first = 0;
        puts_(b, "{\"id\":");
        put_str(b, gc->id);
        puts_(b, ",\"realised_by\":[");
        for (size_t j = 0; j < gc->n_realised; j++) {
            if (j) put(b, ",", 1);
            put_str(b, gc->realised_by[j]);
        }
        puts_(b, "]}");
    }
    puts_(b, "],\"unrealised\":[");
    first = 1;
    for (size_t g = 0; g < cov->n_goals; g++) {
        const pr_goal_cov *gc = &cov->goals[g];
        if (gc->organisational || gc->n_realised) continue;
        if (!first) put(b, ",", 1);
        first = 0;
        put_str(b, gc->id);
    }
    puts_(b, "],\"organisational\":[");
    first = 1;
    for (size_t g = 0; g < cov->n_goals; g++) {
        const pr_goal_cov *gc = &cov->goals[g];
        if (!gc->organisational) continue;
        if (!first) put(b, ",", 1);
        first = 0;
        put_str(b, gc->id);
    }
    puts_(b, "]},\"checks\":[");
    for (size_t i = 0; i < cov->n_checks; i++) {
        const pr_check *k = &cov->checks[i];
        if (i) put(b, ",", 1);
        puts_(b, "{\"code\":");
        put_str(b, k->code);
        puts_(b, ",\"status\":");
        put_str(b, paroer_check_status_code(k->status));
        puts_(b, ",\"detail\":");
        put_str(b, k->detail[cov->lang == PAROER_LANG_DA ? PAROER_LANG_DA : PAROER_LANG_EN]);
        put(b, "}", 1);
    }
    put(b, "]", 1);
}

static void put_breakdown(sb *b, const paroer_coverage *cov, int bd, int32_t list)
{
    put(b, "{", 1);
    for (size_t i = 0; i < cov->n_bd[bd]; i++) {
        const pr_bd_cell *c = &cov->bd[bd][i];
        if (i) put(b, ",", 1);
        if (list < 0) {
            char t[16];
            snprintf(t, sizeof t, "%d", (int)c->code);
            put_key(b, t);
        } else {
            put_key(b, paroer_vocab_code(list, c->code));
        }
        if (c->suppressed) {
            puts_(b, "{\"suppressed\":true}");
            continue;
        }
        puts_(b, "{\"relatives\":");
        put_u64(b, c->relatives);
        puts_(b, ",\"reached\":");
        put_share(b, ratio(c->reached, c->relatives));
        puts_(b, ",\"needs_met\":");
        put_share(b, ratio(c->needs_met, c->relatives));
        put(b, "}", 1);
    }
    put(b, "}", 1);
}

static void put_population(sb *b, const paroer_coverage *cov)
{
    puts_(b, "\"population\":{\"relatives\":");
    put_u64(b, cov->pop_relatives);
    puts_(b, ",\"rejected_rows\":");
    put_u64(b, cov->pop_rejected);
    puts_(b, ",\"reached\":");
    put_share(b, ratio(cov->pop_reached, cov->pop_relatives));
    puts_(b, ",\"needs_met\":");
    put_share(b, ratio(cov->pop_met, cov->pop_relatives));
    puts_(b, ",\"by_municipality\":");
    put_breakdown(b, cov, PAROER_BREAKDOWN_MUNICIPALITY, -1);
    puts_(b, ",\"by_condition\":");
    put_breakdown(b, cov, PAROER_BREAKDOWN_CONDITION, PAROER_VOCAB_CONDITION);
    puts_(b, ",\"by_relation\":");
    put_breakdown(b, cov, PAROER_BREAKDOWN_RELATION, PAROER_VOCAB_RELATION);
    puts_(b, ",\"by_age_band\":");
    put_breakdown(b, cov, PAROER_BREAKDOWN_AGE_BAND, PAROER_VOCAB_AGE_BAND);
    puts_(b, ",\"unmet\":[");
    for (size_t i = 0; i < cov->n_unmet; i++) {
        if (i) put(b, ",", 1);
        puts_(b, "{\"need\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_NEED, cov->unmet[i].need));
        puts_(b, ",\"condition\":");
        put_str(b, paroer_vocab_code(PAROER_VOCAB_CONDITION, cov->unmet[i].condition));
        puts_(b, ",\"relatives\":");
        put_u64(b, cov->unmet[i].relatives);
        put(b, "}", 1);
    }
    put(b, "]", 1);
    if (cov->n_alloc) {
        puts_(b, ",\"allocation\":[");
        for (size_t i = 0; i < cov->n_alloc; i++) {
            const pr_alloc_entry *e = &cov->alloc_entries[i];
            if (i) put(b, ",", 1);
            puts_(b, "{\"offer\":");
            put_str(b, e->offer_id);
            puts_(b, ",\"capacity\":");
            put_i64(b, e->capacity);
            puts_(b, ",\"served\":");
            put_u64(b, e->served);
            puts_(b, ",\"waitlisted\":");
            put_u64(b, e->waitlisted);
            put(b, "}", 1);
        }
        put(b, "]", 1);
    }
    put(b, "}", 1);
}

int paroer_coverage_to_json(const paroer_coverage *cov, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!cov || !out) return pr_error(PAROER_EINVALID, "NULL argument");
    sb b = {&cov->alloc, NULL, 0, 0, 0};
    char d[16] = "";
    paroer_date_format(cov->date, d, sizeof d);
    puts_(&b, "{\"municipality\":");
    if (cov->municipality < 0) puts_(&b, "null");
    else put_i64(&b, cov->municipality);
    puts_(&b, ",\"date\":");
    put_str(&b, d);
    if (cov->has_matrix) {
        put(&b, ",", 1);
        put_matrix(&b, cov);
    }
    if (cov->has_population) {
        put(&b, ",", 1);
        put_population(&b, cov);
    }
    put(&b, "}", 1);
    if (b.err) {
        pr_free(b.a, b.p);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    *out = b.p;
    if (len) *len = b.len;
    return PAROER_OK;
}
