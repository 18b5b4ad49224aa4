/* libFuzzer target: the rule module (lib/rules.h) against its fast paths.
 *
 * The input drives a small catalog (built through the builder API, so every
 * input is a valid catalog) and a few relatives (through the relative API,
 * some with unknown facts). For each relative, the reference evaluation of
 * every offer (pr_match_reference, three-valued) must agree with the fast
 * eligible set (pr_match_eligible, fully known relatives), with paroer_match()
 * with and without explanations, and with a paroer_matcher (its bit-set
 * prefilter): verdict (eligible, possible, excluded), exclusion code,
 * relation and score. */
#include "fuzz_common.h"
#include "match_internal.h"
#include <stdio.h>

typedef struct rd { const uint8_t *p; size_t n; } rd;
static unsigned byte(rd *r)
{
    if (!r->n) return 0;
    r->n--;
    return *r->p++;
}
static unsigned below(rd *r, unsigned n) { return byte(r) % n; }

#define F_DATE 20500 /* 2026-02-15 */

static paroer_catalog *make_catalog(rd *in)
{
    paroer_catalog_builder *b = NULL;
    FUZZ_CHECK(paroer_catalog_builder_new(&b, NULL) == PAROER_OK);
    unsigned n = 1 + below(in, 40);
    for (unsigned k = 0; k < n; k++) {
        char id[16];
        snprintf(id, sizeof id, "o%02u", (k * 7u) % 41u);
        unsigned h = byte(in), g = byte(in), t = byte(in), u = byte(in);
        FUZZ_CHECK(paroer_builder_begin_offer(b, id, id, (int32_t)(h % 12)) == PAROER_OK);
        if (h & 0x80) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_NATIONWIDE, 1) == PAROER_OK);
        else FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_MUNICIPALITIES, (h & 0x40) ? 306 : 101) == PAROER_OK);
        if ((g & 7) == 0) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_PAUSED) == PAROER_OK);
        if ((g & 7) == 1) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_STATUS, PAROER_STATUS_WAITLIST) == PAROER_OK);
        if ((g & 0x18) == 0x08) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_VALID_TO, F_DATE - 1) == PAROER_OK);
        if (g & 0x20) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_VERIFIED, F_DATE - 400) == PAROER_OK);
        if (g & 0x40) {
            unsigned lo = below(in, 90);
            FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MIN, lo) == PAROER_OK);
            FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_RELATIVE_AGE_MAX, lo + below(in, 40)) == PAROER_OK);
        }
        if (g & 0x80) {
            unsigned lo = below(in, 90);
            FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_CARED_FOR_AGE_MIN, lo) == PAROER_OK);
            FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_CARED_FOR_AGE_MAX, lo + below(in, 40)) == PAROER_OK);
        }
        for (unsigned j = 0; j < (t & 3); j++)
            FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_RELATIONS, (int32_t)below(in, 6)) == PAROER_OK);
        for (unsigned j = 0; j < ((t >> 2) & 3); j++)
            FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_CONDITIONS, (int32_t)below(in, 11)) == PAROER_OK);
        static const int32_t fl[4] = {PAROER_FLAG_COHABITING, PAROER_FLAG_CARED_AT_HOME, PAROER_FLAG_TERMINAL,
                                      PAROER_FLAG_EMPLOYED};
        for (unsigned j = 0; j < ((t >> 4) & 3); j++)
            FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_REQUIRES, fl[below(in, 4)]) == PAROER_OK);
        if ((t >> 6) == 1) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ALSO) == PAROER_OK);
        if ((t >> 6) == 2) FUZZ_CHECK(paroer_builder_set_int(b, PAROER_FIELD_BEREAVED, PAROER_BEREAVEMENT_ONLY) == PAROER_OK);
        if (u & 1) FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_MODES, (int32_t)below(in, 4)) == PAROER_OK);
        if (u & 2) FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_SLOTS, (int32_t)below(in, 3)) == PAROER_OK);
        for (unsigned j = 0; j < ((u >> 2) & 3); j++)
            FUZZ_CHECK(paroer_builder_add(b, PAROER_FIELD_NEEDS, (int32_t)below(in, 11)) == PAROER_OK);
        if (u & 0x10) FUZZ_CHECK(paroer_builder_add_text(b, PAROER_FIELD_LANGUAGES, "en") == PAROER_OK);
        if (paroer_builder_end_offer(b) != PAROER_OK) {
            paroer_catalog_builder_free(b);
            return NULL;
        }
    }
    paroer_catalog *c = NULL;
    int rc = paroer_catalog_builder_finish(b, &c);
    paroer_catalog_builder_free(b);
    return rc == PAROER_OK ? c : NULL;
}

static paroer_relative *make_relative(rd *in)
{
    paroer_relative *r = NULL;
    unsigned h = byte(in);
    FUZZ_CHECK(paroer_relative_new(&r, "r", (int32_t)below(in, 100), (h & 1) ? 306 : 101, NULL) == PAROER_OK);
    if (h & 2) FUZZ_CHECK(paroer_relative_set_employed(r, 1) == PAROER_OK);
    unsigned nr = 1 + ((h >> 2) & 3);
    for (unsigned j = 0; j < nr; j++) {
        size_t i = 0;
        unsigned f = byte(in);
        FUZZ_CHECK(paroer_relative_add_relation(r, (int32_t)below(in, 6), &i) == PAROER_OK);
        for (unsigned k = 0; k < (f & 3); k++)
            FUZZ_CHECK(paroer_relative_relation_add_condition(r, i, (int32_t)below(in, 11)) == PAROER_OK);
        if (f & 4) FUZZ_CHECK(paroer_relative_relation_set_cared_for_age(r, i, (int32_t)below(in, 131)) == PAROER_OK);
        if (f & 8) FUZZ_CHECK(paroer_relative_relation_set_hours(r, i, 25) == PAROER_OK);
        for (int32_t fl = 0; fl < 4; fl++)
            if (f & (16u << fl)) FUZZ_CHECK(paroer_relative_relation_set_flag(r, i, fl, 1) == PAROER_OK);
    }
    unsigned u = byte(in);
    if (u & 1) {
        int32_t lo = (int32_t)below(in, 100);
        FUZZ_CHECK(paroer_relative_set_age_range(r, lo, lo + (int32_t)below(in, 31)) == PAROER_OK);
    }
    if (u & 2) FUZZ_CHECK(paroer_relative_set_employed(r, PAROER_UNKNOWN) == PAROER_OK);
    for (unsigned j = 0; j < nr; j++) {
        if (!(u & (4u << j))) continue;
        unsigned what = below(in, 6);
        if (what == 0) FUZZ_CHECK(paroer_relative_relation_set_conditions_unknown(r, j) == PAROER_OK);
        else if (what == 1) FUZZ_CHECK(paroer_relative_relation_set_cared_for_age(r, j, PAROER_UNKNOWN) == PAROER_OK);
        else FUZZ_CHECK(paroer_relative_relation_set_flag(r, j, (int32_t)(what - 2), PAROER_UNKNOWN) == PAROER_OK);
    }
    if (h & 0x40) FUZZ_CHECK(paroer_relative_add_need(r, (int32_t)below(in, 11)) == PAROER_OK);
    if (h & 0x80) FUZZ_CHECK(paroer_relative_add_mode(r, (int32_t)below(in, 4)) == PAROER_OK);
    if (h & 0x20) FUZZ_CHECK(paroer_relative_add_slot(r, (int32_t)below(in, 3)) == PAROER_OK);
    return r;
}

static void check(const paroer_catalog *c, paroer_matcher *m, const paroer_relative *r)
{
    size_t n = paroer_catalog_offer_count(c);
    pr_verdict ref[64];
    uint32_t elig[64];
    FUZZ_CHECK(n <= 64);
    FUZZ_CHECK(pr_match_reference(c, r, F_DATE, ref) == PAROER_OK);
    const int unknowns = paroer_relative_has_unknowns(r);
    size_t ne = 0, np = 0;
    for (size_t i = 0; i < n; i++) {
        ne += ref[i].value == PR_YES;
        np += ref[i].value == PR_MAYBE;
    }
    FUZZ_CHECK(unknowns || np == 0);
    if (!unknowns) {
        int64_t fe = pr_match_eligible(c, r, F_DATE, elig, 64);
        FUZZ_CHECK(fe == (int64_t)ne);
        size_t at = 0;
        for (size_t i = 0; i < n; i++) {
            if (ref[i].value != PR_YES) continue;
            FUZZ_CHECK(at < ne && elig[at] == i);
            at++;
        }
    }
    paroer_match_options o;
    FUZZ_CHECK(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION) == PAROER_OK);
    o.date = F_DATE;
    o.possible = 1;
    paroer_match_result *fast = NULL, *ex = NULL;
    FUZZ_CHECK(paroer_match(&fast, c, r, &o) == PAROER_OK);
    o.explain = 1;
    FUZZ_CHECK(paroer_match(&ex, c, r, &o) == PAROER_OK);
    const paroer_match_result *mr = NULL;
    FUZZ_CHECK(paroer_matcher_match(m, r, &mr) == PAROER_OK);
    const paroer_match_result *all[3] = {fast, ex, mr};
    for (int w = 0; w < 3; w++) {
        FUZZ_CHECK(paroer_match_result_count(all[w]) == ne + np);
        FUZZ_CHECK(paroer_match_result_outcome_count(all[w], PAROER_OUTCOME_POSSIBLE) == np);
        for (size_t i = 0; i < ne + np; i++) {
            size_t idx = paroer_offer_index(paroer_match_result_offer(all[w], i));
            FUZZ_CHECK(ref[idx].value == (i < ne ? PR_YES : PR_MAYBE));
            FUZZ_CHECK(paroer_match_result_outcome(all[w], i) ==
                       (i < ne ? PAROER_OUTCOME_ELIGIBLE : PAROER_OUTCOME_POSSIBLE));
            FUZZ_CHECK(paroer_match_result_score(all[w], i) == ref[idx].score);
            FUZZ_CHECK(paroer_match_result_relation(all[w], i) == (int32_t)ref[idx].relation);
            FUZZ_CHECK(paroer_match_result_missing_count(all[w], i) == (size_t)__builtin_popcount(ref[idx].missing));
        }
        FUZZ_CHECK(paroer_match_result_question_count(all[w]) == paroer_match_result_question_count(all[0]));
        for (size_t q = 0; q < paroer_match_result_question_count(all[w]); q++)
            FUZZ_CHECK(paroer_match_result_question_decided(all[w], q) == paroer_match_result_question_decided(all[0], q));
    }
    FUZZ_CHECK(paroer_match_result_excluded_count(ex) == n - ne - np);
    for (size_t i = 0; i < paroer_match_result_excluded_count(ex); i++) {
        size_t idx = paroer_offer_index(paroer_match_result_excluded_offer(ex, i));
        FUZZ_CHECK(ref[idx].value == PR_NO);
        FUZZ_CHECK(strcmp(paroer_match_result_excluded_code(ex, i), pr_exclusion_code((unsigned)ref[idx].code)) == 0);
    }
    paroer_match_result_free(fast);
    paroer_match_result_free(ex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd in = {data, size};
    paroer_catalog *c = make_catalog(&in);
    if (!c) return 0;
    paroer_match_options o;
    FUZZ_CHECK(paroer_match_options_init(&o, PAROER_MATCH_OPTIONS_VERSION) == PAROER_OK);
    o.date = F_DATE;
    o.possible = 1;
    paroer_matcher *m = NULL;
    FUZZ_CHECK(paroer_matcher_new(&m, c, &o) == PAROER_OK);
    for (int k = 0; k < 4; k++) {
        paroer_relative *r = make_relative(&in);
        check(c, m, r);
        paroer_relative_free(r);
    }
    paroer_matcher_free(m);
    paroer_catalog_free(c);
    return 0;
}
