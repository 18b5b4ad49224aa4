/* The three entry points (paroer_match, paroer_matcher, paroer_match_batch)
 * against each other and against an independent reading of contract
 * section 4 written only with public accessors; callbacks; allocation
 * failures; the internal eligible-set function. */
#include "test_match_util.h"
#include "match_internal.h" /* pr_match_eligible */

/* ---- an oracle: the contract's rules, straight from the public accessors ---- */

static int relative_speaks(const paroer_relative *r, const char *lang)
{
    size_t n = paroer_relative_language_count(r);
    if (n == 0) return strcmp(lang, "da") == 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(paroer_relative_language(r, i), lang) == 0) return 1;
    return 0;
}

/* Returns "eligible" or the code of the first rule that fails. */
static const char *oracle(const paroer_catalog *c, const paroer_offer *o, const paroer_relative *r, int32_t date,
                          char *buf, size_t cap)
{
    const paroer_target *t = paroer_offer_target(o);
    if (paroer_offer_status(o) == PAROER_STATUS_PAUSED) return "paused";
    int32_t vf = paroer_offer_valid_from(o), vt = paroer_offer_valid_to(o);
    if ((vf != PAROER_DATE_NONE && date < vf) || (vt != PAROER_DATE_NONE && date > vt)) return "inactive";
    if (!paroer_offer_serves_municipality(o, paroer_relative_municipality(r))) return "area";
    int32_t age = paroer_relative_age(r);
    if (age < paroer_target_relative_age_min(t) || age > paroer_target_relative_age_max(t)) return "relative_age";
    /* rule 5: parts 0 relation, 1 condition, 2 cared_for_age, 3+flag requires, 8 bereaved */
    int furthest = 0, passed = 0;
    for (size_t i = 0; i < paroer_relative_relation_count(r) && !passed; i++) {
        int32_t kind = paroer_relative_relation_kind(r, i);
        uint32_t flags = paroer_relative_relation_flags(r, i);
        if (paroer_relative_employed(r)) flags |= 1u << PAROER_FLAG_EMPLOYED;
        int32_t cfa = paroer_relative_relation_cared_for_age(r, i);
        int part = 0;
        if (paroer_target_relations(t) && !(paroer_target_relations(t) & (1u << kind))) part = 0;
        else if (paroer_target_conditions(t) &&
                 !(paroer_target_conditions(t) & paroer_relative_relation_conditions(r, i))) part = 1;
        else if (cfa >= 0 && (cfa < paroer_target_cared_for_age_min(t) || cfa > paroer_target_cared_for_age_max(t)))
            part = 2;
        else {
            part = -1;
            for (int f = 0; f < 5; f++) {
                if ((paroer_target_requires(t) & (1u << f)) && !(flags & (1u << f))) { part = 3 + f; break; }
            }
            if (part < 0) {
                int bereaved = (flags & (1u << PAROER_FLAG_BEREAVED)) != 0;
                int32_t rule = paroer_target_bereaved(t);
                if ((rule == PAROER_BEREAVEMENT_NO && bereaved) || (rule == PAROER_BEREAVEMENT_ONLY && !bereaved))
                    part = 8;
                else passed = 1;
            }
        }
        if (!passed && part > furthest) furthest = part;
    }
    if (!passed) {
        static const char *parts[] = {"relation", "condition", "cared_for_age"};
        if (furthest < 3) return parts[furthest];
        if (furthest == 8) return "bereaved";
        snprintf(buf, cap, "requires:%s", paroer_vocab_code(PAROER_VOCAB_FLAG, furthest - 3));
        return buf;
    }
    uint32_t rm = paroer_relative_modes(r);
    if (rm && !(rm & paroer_offer_modes(o))) return "mode";
    uint32_t rs = paroer_relative_slots(r), os = paroer_offer_slots(o);
    if (rs && os && !(rs & os)) return "slot";
    int shared = 0;
    for (size_t i = 0; i < paroer_offer_language_count(o) && !shared; i++)
        shared = relative_speaks(r, paroer_offer_language(o, c, i));
    if (!shared) return "language";
    uint32_t rn = paroer_relative_needs(r);
    if (rn && !(rn & paroer_offer_needs(o))) return "need";
    return "eligible";
}

#define N_REL 300

typedef struct fixture {
    paroer_catalog *c;
    paroer_relative *rel[N_REL];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->c = tm_random_catalog(7, 60, 12); /* 72 offers per municipality: two words of bits */
    tm_rng g = {12345};
    for (int k = 0; k < N_REL; k++) f->rel[k] = tm_random_relative(&g, k);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    for (int k = 0; k < N_REL; k++) paroer_relative_free(f->rel[k]);
    paroer_catalog_free(f->c);
    free(f);
    return 0;
}

/* Every offer's verdict agrees with the oracle, for every relative. */
static void test_against_oracle(void **state)
{
    fixture *f = *state;
    size_t n_offers = paroer_catalog_offer_count(f->c);
    long eligible = 0, excluded = 0;
    for (int k = 0; k < N_REL; k++) {
        paroer_match_result *res = tm_match(f->c, f->rel[k], 1);
        assert_int_equal(paroer_match_result_count(res) + paroer_match_result_excluded_count(res), n_offers);
        for (size_t i = 0; i < n_offers; i++) {
            const paroer_offer *o = paroer_catalog_offer(f->c, i);
            char buf[64], obuf[64];
            const char *want = oracle(f->c, o, f->rel[k], TM_TODAY, obuf, sizeof obuf);
            const char *code = tm_excluded_code(res, paroer_offer_id(o));
            snprintf(buf, sizeof buf, "%s", code ? code : "eligible");
            if (strcmp(buf, want) != 0)
                fail_msg("relative %d offer %s: got %s, want %s", k, paroer_offer_id(o), buf, want);
            if (code) excluded++; else eligible++;
        }
        /* Without explain (only the area's offers visited, cheapest tests first)
         * the ranked list is the same. */
        paroer_match_result *fast = tm_match(f->c, f->rel[k], 0);
        assert_int_equal(paroer_match_result_count(fast), paroer_match_result_count(res));
        for (size_t i = 0; i < paroer_match_result_count(res); i++) {
            assert_ptr_equal(paroer_match_result_offer(fast, i), paroer_match_result_offer(res, i));
            assert_int_equal(paroer_match_result_score(fast, i), paroer_match_result_score(res, i));
            assert_int_equal(paroer_match_result_relation(fast, i), paroer_match_result_relation(res, i));
            assert_string_equal(TM_REASONS(fast, i), TM_REASONS(res, i));
        }
        paroer_match_result_free(fast);
        /* Ranked order: score non-increasing, ties by id. */
        for (size_t i = 1; i < paroer_match_result_count(res); i++) {
            int32_t a = paroer_match_result_score(res, i - 1), b = paroer_match_result_score(res, i);
            assert_true(a >= b);
            if (a == b)
                assert_true(strcmp(paroer_offer_id(paroer_match_result_offer(res, i - 1)),
                                   paroer_offer_id(paroer_match_result_offer(res, i))) < 0);
        }
        paroer_match_result_free(res);
    }
    /* The random data exercise both outcomes. */
    assert_true(eligible > 100);
    assert_true(excluded > 1000);
}

static char *json_of(const paroer_match_result *res)
{
    char *s = NULL;
    size_t n = 0;
    assert_int_equal(paroer_match_result_to_json(res, &s, &n), PAROER_OK);
    assert_int_equal(strlen(s), n);
    return s;
}

typedef struct batch_ctx {
    char **json;      /* expected, per relative */
    size_t calls;
    size_t stop_at;   /* return non-zero at this index */
} batch_ctx;

static int batch_cb(size_t index, const paroer_match_result *res, void *userdata)
{
    batch_ctx *b = userdata;
    assert_int_equal(index, b->calls);
    b->calls++;
    char *s = json_of(res);
    assert_string_equal(s, b->json[index]);
    paroer_free(s);
    return index == b->stop_at;
}

/* One-shot, matcher and batch give identical results (same JSON), with and
 * without explain and top. */
static void test_entry_points_agree(void **state)
{
    fixture *f = *state;
    /* date 0: today (the matcher then keeps paused and expired offers in its lists) */
    static const struct { uint32_t top; int explain; int today; } cfg[] = {
        {0, 0, 0}, {0, 1, 0}, {10, 0, 0}, {3, 1, 0}, {1, 0, 0}, {10, 0, 1}, {0, 1, 1}};
    for (size_t k = 0; k < sizeof cfg / sizeof cfg[0]; k++) {
        paroer_match_options o = tm_opts(cfg[k].today ? PAROER_DATE_NONE : TM_TODAY, cfg[k].top, cfg[k].explain);
        char *json[N_REL];
        for (int i = 0; i < N_REL; i++) {
            paroer_match_result *res = NULL;
            assert_int_equal(paroer_match(&res, f->c, f->rel[i], &o), PAROER_OK);
            if (cfg[k].top) assert_true(paroer_match_result_count(res) <= cfg[k].top);
            json[i] = json_of(res);
            paroer_match_result_free(res);
        }
        paroer_matcher *m = NULL;
        assert_int_equal(paroer_matcher_new(&m, f->c, &o), PAROER_OK);
        for (int i = 0; i < N_REL; i++) {
            const paroer_match_result *res = NULL;
            assert_int_equal(paroer_matcher_match(m, f->rel[i], &res), PAROER_OK);
            char *s = json_of(res);
            assert_string_equal(s, json[i]);
            paroer_free(s);
        }
        paroer_matcher_free(m);
        batch_ctx b = {json, 0, (size_t)-1};
        assert_int_equal(paroer_match_batch(f->c, (const paroer_relative *const *)f->rel, N_REL, &o, batch_cb, &b),
                         PAROER_OK);
        assert_int_equal(b.calls, N_REL);
        for (int i = 0; i < N_REL; i++) paroer_free(json[i]);
    }
}

static void test_batch_callback_stops(void **state)
{
    fixture *f = *state;
    paroer_match_options o = tm_opts(TM_TODAY, 5, 0);
    char *json[N_REL];
    for (int i = 0; i < N_REL; i++) {
        paroer_match_result *res = NULL;
        assert_int_equal(paroer_match(&res, f->c, f->rel[i], &o), PAROER_OK);
        json[i] = json_of(res);
        paroer_match_result_free(res);
    }
    batch_ctx b = {json, 0, 4};
    assert_int_equal(paroer_match_batch(f->c, (const paroer_relative *const *)f->rel, N_REL, &o, batch_cb, &b),
                     PAROER_EUSER);
    assert_int_equal(b.calls, 5);
    assert_int_equal(paroer_error_last()->code, PAROER_EUSER);
    for (int i = 0; i < N_REL; i++) paroer_free(json[i]);
}

static int count_cb(size_t index, const paroer_match_result *res, void *userdata)
{
    (void)index; (void)res;
    (*(size_t *)userdata)++;
    return 0;
}

static void test_batch_arguments(void **state)
{
    fixture *f = *state;
    size_t calls = 0;
    assert_int_equal(paroer_match_batch(f->c, NULL, 0, NULL, count_cb, &calls), PAROER_OK);
    assert_int_equal(calls, 0);
    assert_int_equal(paroer_match_batch(NULL, (const paroer_relative *const *)f->rel, 1, NULL, count_cb, &calls),
                     PAROER_EINVALID);
    assert_int_equal(paroer_match_batch(f->c, NULL, 2, NULL, count_cb, &calls), PAROER_EINVALID);
    assert_int_equal(paroer_match_batch(f->c, (const paroer_relative *const *)f->rel, 1, NULL, NULL, NULL),
                     PAROER_EINVALID);
    const paroer_relative *with_null[2] = {f->rel[0], NULL};
    assert_int_equal(paroer_match_batch(f->c, with_null, 2, NULL, count_cb, &calls), PAROER_EINVALID);
    assert_int_equal(calls, 0); /* checked before any match */
    paroer_match_options bad = tm_opts(TM_TODAY, 0, 0);
    bad.version = 0;
    assert_int_equal(paroer_match_batch(f->c, (const paroer_relative *const *)f->rel, 1, &bad, count_cb, &calls),
                     PAROER_EINVALID);
    /* the matcher */
    paroer_matcher *m = (paroer_matcher *)1;
    const paroer_match_result *res = (const paroer_match_result *)1;
    assert_int_equal(paroer_matcher_new(&m, NULL, NULL), PAROER_EINVALID);
    assert_null(m);
    assert_int_equal(paroer_matcher_new(NULL, f->c, NULL), PAROER_EINVALID);
    assert_int_equal(paroer_matcher_new(&m, f->c, &bad), PAROER_EINVALID);
    assert_int_equal(paroer_matcher_new(&m, f->c, NULL), PAROER_OK);
    assert_int_equal(paroer_matcher_match(m, NULL, &res), PAROER_EINVALID);
    assert_null(res);
    assert_int_equal(paroer_matcher_match(NULL, f->rel[0], &res), PAROER_EINVALID);
    assert_int_equal(paroer_matcher_match(m, f->rel[0], NULL), PAROER_EINVALID);
    /* default date: today */
    assert_int_equal(paroer_matcher_match(m, f->rel[0], &res), PAROER_OK);
    int32_t today = paroer_date_today();
    assert_true(paroer_match_result_date(res) == today || paroer_match_result_date(res) == today - 1);
    paroer_matcher_free(m);
    paroer_matcher_free(NULL);
}

/* After a warm-up, a matcher allocates nothing per match. */
static void test_matcher_steady_state_allocates_nothing(void **state)
{
    fixture *f = *state;
    tm_alloc_ctx ctx = {-1, 0, 0};
    paroer_allocator al = tm_allocator(&ctx);
    for (int explain = 0; explain <= 1; explain++) {
        paroer_match_options o = tm_opts(TM_TODAY, explain ? 0 : 10, explain);
        o.allocator = &al;
        paroer_matcher *m = NULL;
        assert_int_equal(paroer_matcher_new(&m, f->c, &o), PAROER_OK);
        const paroer_match_result *res;
        for (int i = 0; i < N_REL; i++) assert_int_equal(paroer_matcher_match(m, f->rel[i], &res), PAROER_OK);
        long before = ctx.count;
        for (int i = 0; i < N_REL; i++) assert_int_equal(paroer_matcher_match(m, f->rel[i], &res), PAROER_OK);
        assert_int_equal(ctx.count, before);
        paroer_matcher_free(m);
        assert_int_equal(ctx.live, 0);
    }
}

/* Every allocation of every entry point may fail: ENOMEM, nothing leaked,
 * and the next attempt succeeds. */
static void test_allocation_failures(void **state)
{
    fixture *f = *state;
    const paroer_relative *r = NULL;
    for (int i = 0; i < N_REL && !r; i++)
        if (paroer_relative_relation_count(f->rel[i]) == 3) r = f->rel[i];
    assert_non_null(r);
    for (int explain = 0; explain <= 1; explain++) {
        long fails = 0;
        for (long k = 0;; k++) {
            tm_alloc_ctx ctx = {k, 0, 0};
            paroer_allocator al = tm_allocator(&ctx);
            paroer_match_options o = tm_opts(TM_TODAY, 0, explain);
            o.allocator = &al;
            paroer_match_result *res = NULL;
            int rc = paroer_match(&res, f->c, r, &o);
            if (rc == PAROER_OK) {
                char *s = NULL;
                size_t n = 0;
                rc = paroer_match_result_to_json(res, &s, &n);
                if (rc == PAROER_OK) al.free_fn(al.ctx, s);
                else assert_int_equal(rc, PAROER_ENOMEM);
                paroer_match_result_free(res);
                assert_int_equal(ctx.live, 0);
                if (rc == PAROER_OK) break;
                fails++;
                continue;
            }
            assert_int_equal(rc, PAROER_ENOMEM);
            assert_null(res);
            assert_int_equal(ctx.live, 0);
            fails++;
        }
        assert_true(fails >= 3);
        /* matcher and batch */
        fails = 0;
        for (long k = 0;; k++) {
            tm_alloc_ctx ctx = {k, 0, 0};
            paroer_allocator al = tm_allocator(&ctx);
            paroer_match_options o = tm_opts(TM_TODAY, 2, explain);
            o.allocator = &al;
            size_t calls = 0;
            int rc = paroer_match_batch(f->c, (const paroer_relative *const *)f->rel, 20, &o, count_cb, &calls);
            assert_int_equal(ctx.live, 0);
            if (rc == PAROER_OK) { assert_int_equal(calls, 20); break; }
            assert_int_equal(rc, PAROER_ENOMEM);
            fails++;
        }
        assert_true(fails >= 3);
        /* a matcher that hit ENOMEM is still usable */
        tm_alloc_ctx ctx = {-1, 0, 0};
        paroer_allocator al = tm_allocator(&ctx);
        paroer_match_options o = tm_opts(TM_TODAY, 0, explain);
        o.allocator = &al;
        paroer_matcher *m = NULL;
        assert_int_equal(paroer_matcher_new(&m, f->c, &o), PAROER_OK);
        ctx.fail_at = ctx.count; /* the next allocation fails */
        const paroer_match_result *res = NULL;
        assert_int_equal(paroer_matcher_match(m, r, &res), PAROER_ENOMEM);
        assert_null(res);
        ctx.fail_at = -1;
        assert_int_equal(paroer_matcher_match(m, r, &res), PAROER_OK);
        assert_non_null(res);
        paroer_matcher_free(m);
        assert_int_equal(ctx.live, 0);
    }
}

/* Blocks of many words (a municipality with hundreds of offers): the
 * matcher's bit sets agree with the one-shot path. */
static void test_large_blocks(void **state)
{
    (void)state;
    paroer_catalog *c = tm_random_catalog(3, 170, 30); /* 200 per municipality: 4 words */
    tm_rng g = {99};
    paroer_match_options o = tm_opts(TM_TODAY, 0, 0);
    paroer_matcher *m = NULL;
    assert_int_equal(paroer_matcher_new(&m, c, &o), PAROER_OK);
    long total = 0;
    for (int k = 0; k < 150; k++) {
        paroer_relative *r = tm_random_relative(&g, k);
        paroer_match_result *one = NULL;
        const paroer_match_result *mr = NULL;
        assert_int_equal(paroer_match(&one, c, r, &o), PAROER_OK);
        assert_int_equal(paroer_matcher_match(m, r, &mr), PAROER_OK);
        char *a = json_of(one), *b = json_of(mr);
        assert_string_equal(a, b);
        total += (long)paroer_match_result_count(one);
        paroer_free(a);
        paroer_free(b);
        paroer_match_result_free(one);
        paroer_relative_free(r);
    }
    assert_true(total > 300);
    paroer_matcher_free(m);
    paroer_catalog_free(c);
}

/* The cheap internal eligible set equals the eligible offers of a full match. */
static void test_eligible_set(void **state)
{
    fixture *f = *state;
    uint32_t buf[512];
    for (int k = 0; k < N_REL; k++) {
        int64_t n = pr_match_eligible(f->c, f->rel[k], TM_TODAY, buf, 512);
        assert_true(n >= 0 && n <= 512);
        paroer_match_result *res = tm_match(f->c, f->rel[k], 0);
        assert_int_equal((size_t)n, paroer_match_result_count(res));
        for (int64_t i = 0; i < n; i++) {
            if (i) assert_true(buf[i - 1] < buf[i]);
            assert_true(tm_rank_of(res, paroer_offer_id(paroer_catalog_offer(f->c, buf[i]))) >= 0);
        }
        /* cap smaller than the count: the count is still returned */
        if (n > 1) assert_int_equal(pr_match_eligible(f->c, f->rel[k], TM_TODAY, buf, 1), n);
        paroer_match_result_free(res);
    }
    assert_true(pr_match_eligible(NULL, f->rel[0], TM_TODAY, buf, 1) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_oracle),
        cmocka_unit_test(test_entry_points_agree),
        cmocka_unit_test(test_batch_callback_stops),
        cmocka_unit_test(test_batch_arguments),
        cmocka_unit_test(test_matcher_steady_state_allocates_nothing),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_eligible_set),
        cmocka_unit_test(test_large_blocks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
