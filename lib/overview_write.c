/* The JSON and CSV of `paroer overview` (contract section 6a), written from a
 * computed result through the library's one writer (json_write.h): locale-free,
 * shares as the shortest text that reads back as the same double. */
#include "overview_impl.h"
#include "json_write.h"
#include <string.h>

static const char *status_code(int32_t st) { return paroer_check_status_code(st); }

static const char *kind_code(int k) { return paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, k); }

static void json_row(pr_jw *w, const pr_ov_row *r)
{
    pr_jw_object(w);
    pr_jw_kint(w, "municipality", r->municipality);
    pr_jw_kstr(w, "name", r->name);
    pr_jw_kuint(w, "offers_live", r->offers_live);
    pr_jw_kuint(w, "local_offers", r->local_offers);
    pr_jw_key(w, "kinds");
    pr_jw_array(w);
    for (int k = 0; k < PR_N_KIND; k++)
        if (r->kinds & PR_BIT(k)) pr_jw_str(w, kind_code(k));
    pr_jw_end(w);
    pr_jw_kuint(w, "covered_cells", r->covered_cells);
    pr_jw_kuint(w, "cells", r->cells);
    pr_jw_kdouble(w, "coverage_overall", r->overall);
    pr_jw_key(w, "checks");
    pr_jw_object(w);
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++)
        pr_jw_kstr(w, paroer_overview_check_code(k), status_code(r->checks[k]));
    pr_jw_end(w);
    pr_jw_kuint(w, "goals", r->goals);
    pr_jw_kuint(w, "goals_unrealised", r->goals_unrealised);
    pr_jw_kuint(w, "goals_organisational", r->goals_organisational);
    pr_jw_key(w, "policy");
    pr_jw_str(w, r->policy_id);
    pr_jw_end(w);
}

int paroer_overview_to_json(const paroer_overview *ov, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!ov || !out) return pr_error(PAROER_EINVALID, "overview or out is NULL");
    pr_jw w;
    pr_jw_init(&w, &ov->alloc);
    pr_jw_object(&w);
    pr_jw_key(&w, "date");
    pr_jw_date(&w, ov->date);
    pr_jw_key(&w, "municipalities");
    pr_jw_array(&w);
    for (size_t i = 0; i < ov->n_rows; i++) json_row(&w, &ov->rows[i]);
    pr_jw_end(&w);
    pr_jw_key(&w, "summary");
    pr_jw_object(&w);
    pr_jw_kuint(&w, "municipalities", ov->n_rows);
    pr_jw_key(&w, "checks");
    pr_jw_object(&w);
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        pr_jw_key(&w, paroer_overview_check_code(k));
        pr_jw_object(&w);
        for (int32_t st = PAROER_CHECK_PASS; st <= PAROER_CHECK_FAIL; st++)
            pr_jw_kuint(&w, status_code(st), ov->summary_checks[k][st]);
        pr_jw_end(&w);
    }
    pr_jw_end(&w);
    pr_jw_kuint(&w, "with_local_offers", ov->with_local);
    pr_jw_key(&w, "by_kind");
    pr_jw_object(&w);
    for (int k = 0; k < PR_N_KIND; k++) pr_jw_kuint(&w, kind_code(k), ov->by_kind[k]);
    pr_jw_end(&w);
    pr_jw_end(&w);
    pr_jw_end(&w);
    return pr_jw_finish(&w, out, len);
}

/* An RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(pr_buf *b, const char *s)
{
    if (!s) return;
    if (!strpbrk(s, ",\"\r\n")) {
        pr_buf_puts(b, s);
        return;
    }
    pr_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') pr_buf_putc(b, '"');
        pr_buf_putc(b, *s);
    }
    pr_buf_putc(b, '"');
}

int paroer_overview_to_csv(const paroer_overview *ov, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!ov || !out) return pr_error(PAROER_EINVALID, "overview or out is NULL");
    pr_buf b;
    pr_buf_init(&b, &ov->alloc);
    pr_buf_puts(&b, "municipality,name,offers_live,local_offers,kinds,covered_cells,cells,coverage_overall");
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        pr_buf_putc(&b, ',');
        pr_buf_puts(&b, paroer_overview_check_code(k));
    }
    pr_buf_puts(&b, ",goals,goals_unrealised,goals_organisational,policy\n");
    for (size_t i = 0; i < ov->n_rows; i++) {
        const pr_ov_row *r = &ov->rows[i];
        pr_buf_i64(&b, r->municipality);
        pr_buf_putc(&b, ',');
        csv_field(&b, r->name);
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->offers_live);
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->local_offers);
        pr_buf_putc(&b, ',');
        int first = 1;
        for (int k = 0; k < PR_N_KIND; k++) {
            if (!(r->kinds & PR_BIT(k))) continue;
            if (!first) pr_buf_putc(&b, ';');
            pr_buf_puts(&b, kind_code(k));
            first = 0;
        }
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->covered_cells);
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->cells);
        pr_buf_putc(&b, ',');
        pr_buf_double(&b, r->overall);
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
            pr_buf_putc(&b, ',');
            pr_buf_puts(&b, status_code(r->checks[k]));
        }
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->goals);
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->goals_unrealised);
        pr_buf_putc(&b, ',');
        pr_buf_u64(&b, r->goals_organisational);
        pr_buf_putc(&b, ',');
        csv_field(&b, r->policy_id);
        pr_buf_putc(&b, '\n');
    }
    return pr_buf_finish(&b, out, len);
}
