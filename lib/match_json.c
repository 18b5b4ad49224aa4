/* The JSON of `paroer match --format json` (contract section 6), written
 * through the library's one JSON writer (json_write.h). */
#include "match_internal.h"
#include "json_write.h"
#include <string.h>

/* One ranked entry; a possible one adds "missing". */
static void entry(pr_jw *w, const paroer_match_result *r, const pr_mentry *e)
{
    const struct paroer_offer *o = &r->catalog->offers[e->offer];
    pr_jw_object(w);
    pr_jw_kstr(w, "offer", o->id);
    pr_jw_kstr(w, "name", o->name);
    pr_jw_kstr(w, "kind", paroer_vocab_code(PAROER_VOCAB_OFFER_KIND, o->kind));
    pr_jw_kint(w, "score", e->score);
    pr_jw_kuint(w, "relation", e->relation);
    pr_jw_key(w, "reasons");
    pr_jw_array(w);
    for (size_t k = 0; k < e->n_reasons; k++) pr_jw_str(w, pr_reason_code(r->reasons[e->reason_off + k]));
    pr_jw_end(w);
    if (e->outcome == PAROER_OUTCOME_POSSIBLE) {
        pr_jw_key(w, "missing");
        pr_jw_array(w);
        for (uint32_t m = e->missing; m; m &= m - 1) pr_jw_str(w, pr_fact_code(pr_ctz32(m)));
        pr_jw_end(w);
    }
    pr_jw_end(w);
}

int paroer_match_result_to_json(const paroer_match_result *r, char **out, size_t *len)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (len) *len = 0;
    if (!r) return pr_error(PAROER_EINVALID, "result is NULL");
    pr_jw w;
    pr_jw_init(&w, &r->alloc);
    pr_jw_object(&w);
    const char *rid = paroer_match_result_relative_id(r);
    pr_jw_kstr(&w, "relative", rid[0] ? rid : NULL);
    pr_jw_key(&w, "date");
    pr_jw_date(&w, r->date);
    pr_jw_key(&w, "matches");
    pr_jw_array(&w);
    for (size_t i = 0; i < r->n_entries_eligible; i++) entry(&w, r, &r->entries[i]);
    pr_jw_end(&w);
    if (r->unknowns) { /* contract 6a: only when the relative has unknown facts */
        pr_jw_key(&w, "possible");
        pr_jw_array(&w);
        for (size_t i = r->n_entries_eligible; i < r->n_entries; i++) entry(&w, r, &r->entries[i]);
        pr_jw_end(&w);
        pr_jw_key(&w, "questions");
        pr_jw_array(&w);
        for (size_t i = 0; i < r->n_questions; i++) {
            char fact[48];
            paroer_match_result_question_code(r, i, fact, sizeof fact);
            pr_jw_object(&w);
            pr_jw_kstr(&w, "fact", fact);
            pr_jw_kuint(&w, "decided", r->questions[i].decided);
            pr_jw_kuint(&w, "answers", r->questions[i].answers);
            pr_jw_end(&w);
        }
        pr_jw_end(&w);
    }
    if (r->explain) {
        pr_jw_key(&w, "excluded");
        pr_jw_array(&w);
        for (size_t i = 0; i < r->n_excluded; i++) {
            const struct paroer_offer *o = &r->catalog->offers[r->excluded[i].offer];
            pr_jw_object(&w);
            pr_jw_kstr(&w, "offer", o->id);
            pr_jw_kstr(&w, "rule", pr_exclusion_code(r->excluded[i].code));
            pr_jw_end(&w);
        }
        pr_jw_end(&w);
    }
    pr_jw_end(&w);
    int rc = pr_jw_finish(&w, out, len);
    if (rc == PAROER_EINVALID) return pr_error(rc, "a relative id or offer text is not valid UTF-8");
    if (rc == PAROER_ENOMEM) return pr_error(rc, "out of memory writing JSON");
    return rc;
}
