/* Shared pieces of the libFuzzer targets (tests/fuzz/fuzz_*.c): fixed
 * documents that a fuzzed input is combined with, and small helpers that
 * walk every accessor of an object so a bad pointer or length written during
 * loading is read (and caught by ASan) in the same run.
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer it runs under libFuzzer (scripts/fuzz.sh); built with any
 * compiler and replay_main.c it replays the corpus files under ctest. */
#ifndef PAROER_FUZZ_COMMON_H
#define PAROER_FUZZ_COMMON_H

#include <paroer/paroer.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a crash to libFuzzer, a failure to the replay driver) when an
 * invariant of the API does not hold. */
#define FUZZ_CHECK(cond) do { if (!(cond)) abort(); } while (0)

#if defined(__GNUC__)
#  define FUZZ_UNUSED __attribute__((unused))
#else
#  define FUZZ_UNUSED
#endif

/* A small catalog: municipality 306, a policy with goals, offers with and
 * without capacity, a bereavement offer, a municipal counsellor. */
FUZZ_UNUSED static const char FUZZ_CATALOG[] =
    "{\"format\":\"paroer-catalog\",\"version\":1,\"municipality\":306,"
    "\"providers\":[{\"id\":\"p-kom\",\"name\":\"Kommunen\",\"kind\":\"municipal\",\"area\":\"elderly\"},"
    "{\"id\":\"p-cs\",\"name\":\"Forening\",\"kind\":\"civil_society\"}],"
    "\"offers\":["
    "{\"id\":\"o-cafe\",\"name\":\"Demenscafe\",\"provider\":\"p-cs\",\"kind\":\"cafe_network\","
    "\"target\":{\"relative_age\":{\"min\":18},\"relations\":[\"spouse_partner\",\"son_daughter\"],"
    "\"conditions\":[\"dementia\"]},\"slots\":[\"weekday_day\"],\"capacity\":2,\"verified\":\"2020-01-01\"},"
    "{\"id\":\"o-afl\",\"name\":\"Afloesning\",\"provider\":\"p-kom\",\"kind\":\"respite_home\","
    "\"target\":{\"requires\":[\"cared_at_home\"]},\"modes\":[\"home\"],\"access\":\"assessment\"},"
    "{\"id\":\"o-raad\",\"name\":\"PaaroerendeVejleder\",\"provider\":\"p-kom\",\"kind\":\"counselling\","
    "\"modes\":[\"in_person\",\"phone\"],\"status\":\"waitlist\"},"
    "{\"id\":\"o-born\",\"name\":\"Boernegruppe\",\"kind\":\"peer_group\","
    "\"target\":{\"relative_age\":{\"min\":7,\"max\":17},\"relations\":[\"son_daughter\",\"sibling\"]}},"
    "{\"id\":\"o-sorg\",\"name\":\"Sorggruppe\",\"kind\":\"peer_group\",\"nationwide\":true,"
    "\"target\":{\"bereaved\":\"only\"}},"
    "{\"id\":\"o-term\",\"name\":\"Plejevederlag\",\"kind\":\"financial_support\","
    "\"target\":{\"requires\":[\"terminal\",\"employed\"],\"bereaved\":\"also\"},\"capacity\":1},"
    "{\"id\":\"o-old\",\"name\":\"Gammel\",\"kind\":\"course\",\"valid_to\":\"2001-01-01\"},"
    "{\"id\":\"o-pause\",\"name\":\"Pause\",\"kind\":\"information\",\"status\":\"paused\",\"languages\":[\"en\"]}],"
    "\"policies\":[{\"id\":\"pol\",\"municipality\":306,\"title\":\"Politik\",\"adopted\":\"2024-01-01\","
    "\"goals\":[{\"id\":\"g1\",\"title\":\"Pauser\",\"category\":\"respite_support\",\"needs\":[\"respite\"]},"
    "{\"id\":\"g2\",\"title\":\"Samarbejde\",\"category\":\"collaboration\"},"
    "{\"id\":\"g3\",\"title\":\"Unge\",\"category\":\"children_youth\",\"kinds\":[\"peer_group\"],"
    "\"target\":{\"relative_age\":{\"max\":17}}}],"
    "\"action_plans\":[{\"title\":\"Plan\",\"due\":\"2030-01-01\",\"adopted\":null}]}]}";

/* Relatives matched against a fuzzed catalog. */
FUZZ_UNUSED static const char *const FUZZ_RELATIVES[] = {
    "{\"id\":\"r-1\",\"age\":52,\"municipality\":306,\"employed\":true,"
    "\"relations\":[{\"relation\":\"son_daughter\",\"conditions\":[\"dementia\"],\"cared_for_age\":84,"
    "\"hours_per_week\":25,\"cared_at_home\":true,\"terminal\":true}],"
    "\"needs\":[\"information\",\"respite\"],\"modes\":[\"in_person\",\"online\"],"
    "\"slots\":[\"weekday_evening\",\"weekend\"]}",
    "{\"id\":\"r-2\",\"age\":14,\"municipality\":306,"
    "\"relations\":[{\"relation\":\"sibling\",\"conditions\":[\"neurodevelopmental\"]},"
    "{\"relation\":\"son_daughter\",\"conditions\":[\"mental_illness\"],\"cared_for_age\":44}]}",
    "{\"age\":70,\"municipality\":101,\"relations\":[{\"relation\":\"spouse_partner\","
    "\"conditions\":[\"cancer\"],\"bereaved\":true}],\"languages\":[\"en\",\"da\"],"
    "\"needs\":[\"peer_support\",\"financial\",\"involvement\"]}",
};
#define FUZZ_RELATIVE_COUNT (sizeof(FUZZ_RELATIVES) / sizeof(FUZZ_RELATIVES[0]))

/* A population with a relative of several rows and a bad row. */
FUZZ_UNUSED static const char FUZZ_POPULATION[] =
    "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
    "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots\n"
    "a,52,306,1,son_daughter,dementia,84,12,0,1,0,0,information;respite,in_person,weekend\n"
    "b,78,306,0,spouse_partner,dementia;frailty,80,40,1,1,1,0,respite;practical_help,,\n"
    "c,15,306,0,sibling,neurodevelopmental,12,2,1,1,0,0,peer_support,,\n"
    "c,15,306,0,son_daughter,mental_illness,40,5,1,1,0,0,peer_support,,\n"
    "d,40,101,1,parent,cancer,10,30,1,1,1,0,respite;financial,online,weekday_evening\n"
    "e,x,306,1,parent,cancer,10,30,1,1,1,0,respite,,\n"
    "f,66,306,1,spouse_partner,brain_injury,70,,1,0,0,1,counselling,,\n";

/* FUZZ_CATALOG, loaded once per process and kept (still reachable at exit,
 * so not a leak) to keep executions fast. */
FUZZ_UNUSED static const paroer_catalog *fuzz_fixed_catalog(void)
{
    static paroer_catalog *fixed;
    if (!fixed)
        FUZZ_CHECK(paroer_catalog_load_buffer(&fixed, FUZZ_CATALOG, sizeof FUZZ_CATALOG - 1,
                                              "fixed.json", NULL) == PAROER_OK);
    return fixed;
}

/* 2025-10-01 as a day number; the tests must not depend on today. */
FUZZ_UNUSED static int32_t fuzz_date(void)
{
    int32_t d = 0;
    FUZZ_CHECK(paroer_date_from_ymd(&d, 2025, 10, 1) == PAROER_OK);
    return d;
}

/* Reads every field of every object of a catalog. */
FUZZ_UNUSED static void fuzz_walk_catalog(const paroer_catalog *c)
{
    volatile size_t sink = 0;
    int32_t date = fuzz_date();
    size_t np = paroer_catalog_provider_count(c);
    for (size_t i = 0; i < np; i++) {
        const paroer_provider *p = paroer_catalog_provider(c, i);
        FUZZ_CHECK(p != NULL);
        sink += strlen(paroer_provider_id(p)) + strlen(paroer_provider_name(p));
        sink += (size_t)paroer_provider_kind(p) + (size_t)paroer_provider_area(p);
        FUZZ_CHECK(paroer_catalog_find_provider(c, paroer_provider_id(p)) != NULL);
    }
    FUZZ_CHECK(paroer_catalog_provider(c, np) == NULL);
    size_t no = paroer_catalog_offer_count(c);
    for (size_t i = 0; i < no; i++) {
        const paroer_offer *o = paroer_catalog_offer(c, i);
        FUZZ_CHECK(o != NULL && paroer_offer_index(o) == i);
        const char *id = paroer_offer_id(o);
        FUZZ_CHECK(id != NULL && paroer_catalog_find_offer(c, id) == o);
        sink += strlen(paroer_offer_name(o));
        const char *opt[] = {paroer_offer_description(o), paroer_offer_schedule(o),
                             paroer_offer_source(o), paroer_offer_contact_phone(o),
                             paroer_offer_contact_email(o), paroer_offer_contact_url(o)};
        for (size_t k = 0; k < sizeof(opt) / sizeof(opt[0]); k++)
            if (opt[k]) sink += strlen(opt[k]);
        const paroer_provider *prov = paroer_offer_provider(o, c);
        if (prov) sink += strlen(paroer_provider_id(prov));
        sink += (size_t)paroer_offer_kind(o) + (size_t)paroer_offer_access(o) +
                (size_t)paroer_offer_status(o) + paroer_offer_needs(o) + paroer_offer_modes(o) +
                paroer_offer_slots(o) + (size_t)paroer_offer_nationwide(o);
        for (size_t k = 0; k < paroer_offer_municipality_count(o); k++)
            sink += (size_t)paroer_offer_municipality(o, k);
        for (size_t k = 0; k < paroer_offer_language_count(o); k++) {
            const char *l = paroer_offer_language(o, c, k);
            FUZZ_CHECK(l != NULL);
            sink += strlen(l);
        }
        for (size_t k = 0; k < paroer_offer_legal_basis_count(o); k++) {
            const char *l = paroer_offer_legal_basis(o, k);
            FUZZ_CHECK(l != NULL);
            sink += strlen(l);
        }
        for (size_t k = 0; k < paroer_offer_code_count(o); k++) {
            const char *s = paroer_offer_code_system(o, k), *v = paroer_offer_code_value(o, k);
            FUZZ_CHECK(s != NULL && v != NULL);
            const paroer_offer *found[4];
            FUZZ_CHECK(paroer_catalog_find_by_code(c, s, v, found, 4) >= 1);
        }
        sink += (size_t)paroer_offer_capacity(o) + (size_t)paroer_offer_cost_free(o);
        double price = paroer_offer_price_dkk(o);
        sink += price == price ? 1u : 0u;
        sink += (size_t)paroer_offer_valid_from(o) + (size_t)paroer_offer_valid_to(o) +
                (size_t)paroer_offer_verified(o);
        sink += (size_t)paroer_offer_is_live(o, 306, date) +
                (size_t)paroer_offer_serves_municipality(o, 101);
        const paroer_target *t = paroer_offer_target(o);
        FUZZ_CHECK(t != NULL);
        FUZZ_CHECK(paroer_target_relative_age_min(t) <= paroer_target_relative_age_max(t));
        FUZZ_CHECK(paroer_target_cared_for_age_min(t) <= paroer_target_cared_for_age_max(t));
        sink += paroer_target_relations(t) + paroer_target_conditions(t) + paroer_target_requires(t) +
                (size_t)paroer_target_bereaved(t);
        FUZZ_CHECK(paroer_target_overlaps(t, t) == 1);
    }
    FUZZ_CHECK(paroer_catalog_offer(c, no) == NULL);
    size_t npol = paroer_catalog_policy_count(c);
    for (size_t i = 0; i < npol; i++) {
        const paroer_policy *p = paroer_catalog_policy(c, i);
        FUZZ_CHECK(p != NULL);
        sink += strlen(paroer_policy_id(p)) + strlen(paroer_policy_title(p));
        if (paroer_policy_source(p)) sink += strlen(paroer_policy_source(p));
        sink += (size_t)paroer_policy_municipality(p) + (size_t)paroer_policy_adopted(p) +
                (size_t)paroer_policy_valid_to(p) + paroer_policy_areas(p);
        for (size_t k = 0; k < paroer_policy_action_plan_count(p); k++) {
            const char *title = paroer_policy_action_plan_title(p, k);
            if (title) sink += strlen(title);
            sink += (size_t)paroer_policy_action_plan_due(p, k) +
                    (size_t)paroer_policy_action_plan_adopted(p, k);
        }
        for (size_t k = 0; k < paroer_policy_goal_count(p); k++) {
            const paroer_goal *g = paroer_policy_goal(p, k);
            FUZZ_CHECK(g != NULL && paroer_goal_policy(g) == p);
            sink += strlen(paroer_goal_id(g)) + strlen(paroer_goal_title(g));
            sink += (size_t)paroer_goal_category(g) + paroer_goal_needs(g) + paroer_goal_kinds(g);
            FUZZ_CHECK(paroer_goal_is_organisational(g) ==
                       (paroer_goal_needs(g) == 0 && paroer_goal_kinds(g) == 0));
            FUZZ_CHECK(paroer_goal_target(g) != NULL);
            for (size_t j = 0; j < no && j < 64; j++)
                sink += (size_t)paroer_goal_realised_by(g, paroer_catalog_offer(c, j), date);
        }
        (void)paroer_catalog_policy_for(c, paroer_policy_municipality(p), date);
    }
    sink += paroer_catalog_memory_size(c) + (size_t)paroer_catalog_municipality(c);
    (void)sink;
}

/* Reads every field of a relative. */
FUZZ_UNUSED static void fuzz_walk_relative(const paroer_relative *r)
{
    volatile size_t sink = strlen(paroer_relative_id(r));
    sink += (size_t)paroer_relative_age(r) + (size_t)paroer_relative_municipality(r) +
            (size_t)paroer_relative_employed(r) + paroer_relative_needs(r) +
            paroer_relative_modes(r) + paroer_relative_slots(r);
    for (size_t i = 0; i < paroer_relative_language_count(r); i++) {
        const char *l = paroer_relative_language(r, i);
        FUZZ_CHECK(l != NULL);
        sink += strlen(l);
    }
    for (size_t i = 0; i < paroer_relative_relation_count(r); i++) {
        FUZZ_CHECK(paroer_relative_relation_kind(r, i) >= 0);
        sink += paroer_relative_relation_conditions(r, i) + paroer_relative_relation_flags(r, i) +
                (size_t)paroer_relative_relation_cared_for_age(r, i);
        double h = paroer_relative_relation_hours(r, i);
        FUZZ_CHECK(h >= 0.0 && h <= 168.0);
    }
    (void)sink;
}

/* Reads a match result and writes it as JSON. */
FUZZ_UNUSED static void fuzz_walk_match(const paroer_match_result *m)
{
    volatile size_t sink = strlen(paroer_match_result_relative_id(m));
    size_t n = paroer_match_result_count(m);
    size_t eligible = paroer_match_result_outcome_count(m, PAROER_OUTCOME_ELIGIBLE);
    size_t possible = paroer_match_result_outcome_count(m, PAROER_OUTCOME_POSSIBLE);
    FUZZ_CHECK(n <= eligible + possible);
    FUZZ_CHECK(possible == 0 || paroer_match_result_has_unknowns(m));
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(paroer_match_result_offer(m, i) != NULL);
        int32_t outcome = paroer_match_result_outcome(m, i);
        /* Eligible entries first, then the possible ones (contract 4a). */
        FUZZ_CHECK(outcome == (i < eligible ? PAROER_OUTCOME_ELIGIBLE : PAROER_OUTCOME_POSSIBLE));
        FUZZ_CHECK(paroer_match_result_relation(m, i) >= 0);
        if (i > 0 && outcome == paroer_match_result_outcome(m, i - 1))
            FUZZ_CHECK(paroer_match_result_score(m, i) <= paroer_match_result_score(m, i - 1));
        size_t missing = paroer_match_result_missing_count(m, i);
        FUZZ_CHECK((outcome == PAROER_OUTCOME_POSSIBLE) == (missing > 0));
        for (size_t k = 0; k < missing; k++)
            FUZZ_CHECK(paroer_match_result_missing(m, i, k) >= 0);
        for (size_t k = 0; k < paroer_match_result_reason_count(m, i); k++) {
            const char *reason = paroer_match_result_reason(m, i, k);
            FUZZ_CHECK(reason != NULL);
            sink += strlen(reason);
        }
    }
    size_t questions = paroer_match_result_question_count(m);
    FUZZ_CHECK(possible > 0 || questions == 0);
    for (size_t i = 0; i < questions; i++) {
        FUZZ_CHECK(paroer_match_result_question_fact(m, i) >= 0);
        FUZZ_CHECK(paroer_match_result_question_decided(m, i) > 0);
        FUZZ_CHECK(paroer_match_result_question_answers(m, i) > 0);
        /* Ordered by score = decided / answers, highest first (compared exactly). */
        if (i > 0)
            FUZZ_CHECK(paroer_match_result_question_decided(m, i) *
                           paroer_match_result_question_answers(m, i - 1) <=
                       paroer_match_result_question_decided(m, i - 1) *
                           paroer_match_result_question_answers(m, i));
        char code[64];
        size_t len = paroer_match_result_question_code(m, i, code, sizeof code);
        FUZZ_CHECK(len > 0 && len < sizeof code && strlen(code) == len);
        sink += len + paroer_match_result_question_answers(m, i);
    }
    for (size_t i = 0; i < paroer_match_result_excluded_count(m); i++) {
        FUZZ_CHECK(paroer_match_result_excluded_offer(m, i) != NULL);
        const char *code = paroer_match_result_excluded_code(m, i);
        FUZZ_CHECK(code != NULL);
        sink += strlen(code) + (size_t)paroer_match_result_excluded_rule(m, i);
    }
    int32_t scores[4];
    FUZZ_CHECK(paroer_match_result_scores(m, scores, 4) == n);
    char *json = NULL;
    size_t len = 0;
    int rc = paroer_match_result_to_json(m, &json, &len);
    FUZZ_CHECK(rc == PAROER_OK || rc == PAROER_ENOMEM || rc == PAROER_EINVALID);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(json != NULL && strlen(json) == len);
        paroer_free(json);
    }
    (void)sink;
}

/* Reads a coverage result and writes it as JSON. */
FUZZ_UNUSED static void fuzz_walk_coverage(const paroer_coverage *cov)
{
    volatile size_t sink = 0;
    double overall = paroer_coverage_overall(cov);
    FUZZ_CHECK(overall >= 0.0 && overall <= 1.0);
    for (size_t i = 0; i < paroer_coverage_gap_count(cov); i++) {
        int32_t a, r, c, n;
        FUZZ_CHECK(paroer_coverage_gap(cov, i, &a, &r, &c, &n) == PAROER_OK);
        FUZZ_CHECK(paroer_coverage_covered(cov, a, r, c, n) == 0);
    }
    for (int32_t need = 0; need < 11; need++)
        for (size_t i = 0; i < paroer_coverage_bereavement_count(cov, need); i++)
            FUZZ_CHECK(paroer_coverage_bereavement_offer(cov, need, i) != NULL);
    for (size_t i = 0; i < paroer_coverage_goal_count(cov); i++) {
        FUZZ_CHECK(paroer_coverage_goal_id(cov, i) != NULL);
        for (size_t j = 0; j < paroer_coverage_goal_realised_count(cov, i); j++)
            FUZZ_CHECK(paroer_coverage_goal_realised_by(cov, i, j) != NULL);
    }
    for (size_t i = 0; i < paroer_coverage_check_count(cov); i++) {
        FUZZ_CHECK(paroer_coverage_check_code(cov, i) != NULL);
        FUZZ_CHECK(paroer_coverage_check_detail(cov, i, PAROER_LANG_DA) != NULL);
        sink += (size_t)paroer_coverage_check_status(cov, i);
    }
    for (int32_t b = 0; b < 4; b++)
        for (size_t i = 0; i < paroer_coverage_breakdown_count(cov, b); i++) {
            uint64_t rel = 0, reached = 0, met = 0;
            int shown = paroer_coverage_breakdown_cell(cov, b, i, NULL, &rel, &reached, &met);
            FUZZ_CHECK(shown == 0 || shown == 1);
            FUZZ_CHECK(reached <= rel && met <= reached);
            if (shown == 0) FUZZ_CHECK(rel == 0);
        }
    for (size_t i = 0; i < paroer_coverage_unmet_count(cov); i++)
        FUZZ_CHECK(paroer_coverage_unmet(cov, i, NULL, NULL, NULL) == PAROER_OK);
    for (size_t i = 0; i < paroer_coverage_allocation_count(cov); i++) {
        const char *id = NULL;
        int64_t cap = 0;
        uint64_t served = 0, waiting = 0;
        FUZZ_CHECK(paroer_coverage_allocation(cov, i, &id, &cap, &served, &waiting) == PAROER_OK);
        FUZZ_CHECK(id != NULL && (int64_t)served <= cap);
    }
    char *json = NULL;
    size_t len = 0;
    int rc = paroer_coverage_to_json(cov, &json, &len);
    FUZZ_CHECK(rc == PAROER_OK || rc == PAROER_ENOMEM);
    if (rc == PAROER_OK) {
        FUZZ_CHECK(json != NULL && strlen(json) == len);
        paroer_free(json);
    }
    (void)sink;
}

/* Every error of a failed load must be a documented status with a message. */
FUZZ_UNUSED static void fuzz_check_error(int rc)
{
    FUZZ_CHECK(rc < 0);
    const paroer_error_info *e = paroer_error_last();
    FUZZ_CHECK(e != NULL && e->message != NULL && e->source != NULL && e->path != NULL);
    FUZZ_CHECK(e->code == rc);
}

/* Reads every entry of a diagnostics list. */
FUZZ_UNUSED static void fuzz_walk_diagnostics(const paroer_diagnostics *d)
{
    volatile size_t sink = 0;
    size_t n = paroer_diagnostics_count(d);
    FUZZ_CHECK(paroer_diagnostics_error_count(d) <= n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(paroer_diagnostic_severity(d, i) >= 0);
        FUZZ_CHECK(paroer_diagnostic_message(d, i) != NULL);
        FUZZ_CHECK(paroer_diagnostic_text(d, i) != NULL);
        /* Values are escaped in every message: no control character can
         * break a line or forge one (issue: hardening, item 9). */
        for (const unsigned char *p = (const unsigned char *)paroer_diagnostic_message(d, i); *p; p++)
            FUZZ_CHECK(*p >= 0x20 && *p != 0x7F);
        sink += strlen(paroer_diagnostic_source(d, i)) + strlen(paroer_diagnostic_path(d, i));
        sink += (size_t)paroer_diagnostic_line(d, i) + (size_t)paroer_diagnostic_column(d, i);
    }
    FUZZ_CHECK(paroer_diagnostic_message(d, n) == NULL);
    (void)sink;
}

#endif
