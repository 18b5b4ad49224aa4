/* The rule module (lib/rules.h) against its fast paths: on random catalogs
 * and relatives, the reference evaluation pr_rules_eval() of every offer
 * must agree with
 * - pr_match_eligible() (eligible_fast() over the municipality index),
 * - paroer_match() without explain (the same fast path, ranked),
 * - paroer_match() with explain (the reference itself, through the result),
 * - a paroer_matcher (its bit-set prefilter, then eligible_fast()),
 * in verdict, exclusion code, matched relation and score; and the atoms'
 * per-code predicates agree with the atoms. */
#include "test_match_util.h"
#include "match_internal.h"

#define N_REL 400

static void check_catalog(uint64_t seed, int per_muni, int n_nat)
{
    paroer_catalog *c = tm_random_catalog(seed, per_muni, n_nat);
    size_t n = paroer_catalog_offer_count(c);
    pr_verdict *ref = calloc(n, sizeof *ref);
    uint32_t *elig = calloc(n, sizeof *elig);
    assert_non_null(ref);
    assert_non_null(elig);
    paroer_match_options o = tm_opts(TM_TODAY, 0, 0);
    paroer_matcher *m = NULL;
    assert_int_equal(paroer_matcher_new(&m, c, &o), PAROER_OK);
    tm_rng g = {seed * 7919 + 3};
    long n_yes = 0, n_no = 0;
    for (int k = 0; k < N_REL; k++) {
        paroer_relative *r = tm_random_relative(&g, k);
        assert_int_equal(pr_match_reference(c, r, TM_TODAY, ref), PAROER_OK);
        /* the eligible set */
        int64_t ne = pr_match_eligible(c, r, TM_TODAY, elig, n);
        assert_true(ne >= 0);
        size_t at = 0;
        for (size_t i = 0; i < n; i++) {
            assert_true(ref[i].value == PR_YES || ref[i].value == PR_NO); /* no unknowns: two-valued */
            if (ref[i].value == PR_YES) {
                if (at >= (size_t)ne || elig[at] != i)
                    fail_msg("seed %llu relative %d offer %zu: reference eligible, fast path not",
                             (unsigned long long)seed, k, i);
                at++;
                n_yes++;
            } else {
                assert_true(ref[i].code >= 0 && ref[i].code < PR_EX_COUNT);
                n_no++;
            }
        }
        assert_int_equal(at, (size_t)ne);
        /* the ranked results of the three ways in */
        paroer_match_result *ex = tm_match(c, r, 1), *fast = tm_match(c, r, 0);
        const paroer_match_result *mr = NULL;
        assert_int_equal(paroer_matcher_match(m, r, &mr), PAROER_OK);
        const paroer_match_result *all[3] = {ex, fast, mr};
        for (int w = 0; w < 3; w++) {
            assert_int_equal(paroer_match_result_count(all[w]), (size_t)ne);
            for (size_t i = 0; i < (size_t)ne; i++) {
                size_t idx = paroer_offer_index(paroer_match_result_offer(all[w], i));
                assert_int_equal(ref[idx].value, PR_YES);
                assert_int_equal(paroer_match_result_score(all[w], i), ref[idx].score);
                assert_int_equal(paroer_match_result_relation(all[w], i), ref[idx].relation);
                assert_int_equal(paroer_match_result_outcome(all[w], i), PAROER_OUTCOME_ELIGIBLE);
            }
        }
        assert_int_equal(paroer_match_result_excluded_count(ex), n - (size_t)ne);
        for (size_t i = 0; i < paroer_match_result_excluded_count(ex); i++) {
            size_t idx = paroer_offer_index(paroer_match_result_excluded_offer(ex, i));
            assert_string_equal(paroer_match_result_excluded_code(ex, i), pr_exclusion_code((unsigned)ref[idx].code));
        }
        paroer_match_result_free(ex);
        paroer_match_result_free(fast);
        paroer_relative_free(r);
    }
    assert_true(n_yes > 100);
    assert_true(n_no > 1000);
    paroer_matcher_free(m);
    free(ref);
    free(elig);
    paroer_catalog_free(c);
}

static void test_fast_paths_agree(void **state)
{
    (void)state;
    check_catalog(7, 60, 12);   /* 72 offers a municipality: two words of bits */
    check_catalog(11, 5, 3);
    check_catalog(23, 130, 20); /* three words */
}

/* The per-code predicates the bit-set paths are filled from are the atoms
 * evaluated for a relative or relation holding that one code. */
static void test_predicates_are_atoms(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(5, 30, 10);
    for (size_t i = 0; i < paroer_catalog_offer_count(c); i++) {
        pr_moff m;
        pr_moff_fill(&m, paroer_catalog_offer(c, i), 0);
        for (unsigned k = 0; k < PR_N_NEED; k++) {
            pr_mquery q;
            pr_mquery_init(&q, TM_TODAY, TM_MUNI, 40, 40, 0, 1u << k, 1u << (k % PR_N_MODE), 1u << (k % PR_N_SLOT));
            assert_int_equal(pr_accepts_need(&m, k), pr_atom_need(&m, &q) == PR_YES);
            assert_int_equal(pr_accepts_mode(&m, k % PR_N_MODE), pr_atom_mode(&m, &q) == PR_YES);
            assert_int_equal(pr_accepts_slot(&m, k % PR_N_SLOT), pr_atom_slot(&m, &q) == PR_YES);
        }
        for (unsigned k = 0; k < PR_N_CONDITION; k++) {
            pr_mrel r;
            pr_mrel_fill(&r, (int32_t)(k % PR_N_RELATION), 1u << k, PR_CFA_ABSENT, 0, 0, 0, 0, 0);
            assert_int_equal(pr_accepts_relation(&m, k % PR_N_RELATION), pr_atom_relation(&m, &r) == PR_YES);
            assert_int_equal(pr_accepts_condition(&m, k), pr_atom_condition(&m, &r) == PR_YES);
        }
        for (int32_t a = 0; a <= 130; a++) {
            pr_mquery q;
            pr_mquery_init(&q, TM_TODAY, TM_MUNI, a, a, 0, 0, 0, 0);
            assert_int_equal(pr_accepts_relative_age(&m, a), pr_atom_relative_age(&m, &q) == PR_YES);
            pr_mrel r;
            pr_mrel_fill(&r, 0, 1, a, 0, 0, 0, 0, 0);
            assert_int_equal(pr_accepts_cared_for_age(&m, a), pr_atom_cared_for_age(&m, &r) == PR_YES);
        }
        for (uint32_t f = 0; f < 32; f++) {
            pr_mrel r;
            pr_mrel_fill(&r, 0, 1, PR_CFA_ABSENT, f, 0, (f >> PAROER_FLAG_EMPLOYED) & 1, 0, 0);
            int all = 1;
            for (unsigned k = 0; k < PR_N_FLAG; k++)
                if (m.t_requires & (1u << k)) all &= pr_atom_flag(&r, k) == PR_YES;
            assert_int_equal(pr_accepts_flags(&m, f), all);
            assert_int_equal(pr_accepts_bereaved(&m, (f >> PAROER_FLAG_BEREAVED) & 1), pr_atom_bereaved(&m, &r) == PR_YES);
        }
        pr_mrel none;
        pr_mrel_fill(&none, 0, 0, PR_CFA_ABSENT, 0, 0, 0, 0, 0);
        assert_int_equal(pr_accepts_any_condition(&m), pr_atom_condition(&m, &none) == PR_YES);
    }
    paroer_catalog_free(c);
}

/* The allocation's rank is the match score of the same relation. */
static void test_rule_score_is_match_score(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(9, 20, 5);
    tm_rng g = {99};
    for (int k = 0; k < 100; k++) {
        paroer_relative *r = tm_random_relative(&g, k);
        paroer_match_result *res = tm_match(c, r, 0);
        for (size_t i = 0; i < paroer_match_result_count(res); i++) {
            pr_moff m;
            pr_moff_fill(&m, paroer_match_result_offer(res, i), 0);
            size_t j = (size_t)paroer_match_result_relation(res, i);
            int heavy = paroer_relative_relation_hours(r, j) >= 20 ||
                        (paroer_relative_relation_flags(r, j) & (1u << PAROER_FLAG_TERMINAL));
            assert_int_equal(pr_rule_score(&m, TM_TODAY, paroer_relative_needs(r), heavy),
                             paroer_match_result_score(res, i));
        }
        paroer_match_result_free(res);
        paroer_relative_free(r);
    }
    paroer_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_paths_agree),
        cmocka_unit_test(test_predicates_are_atoms),
        cmocka_unit_test(test_rule_score_is_match_score),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
