/* Coverage of a municipality on a date (contract section 5): the target-group
 * matrix, the bereavement list, policy coverage and the six checks, plus the
 * accessors of include/paroer/coverage.h. Population reach is in
 * lib/coverage_population.c, the JSON in lib/coverage_json.c, and every rule
 * chosen where the contract is silent in docs/coverage.md. */
#include "coverage_impl.h"
#include <stdio.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------------ */

int pr_cell_exists(int band, int relation)
{
    int minor = band == PAROER_AGE_BAND_CHILD || band == PAROER_AGE_BAND_YOUTH;
    return !(minor && (relation == PAROER_RELATION_SPOUSE_PARTNER || relation == PAROER_RELATION_PARENT));
}

int pr_offer_live(const struct paroer_offer *o, int32_t municipality, int32_t date)
{
    if (o->status == PAROER_STATUS_PAUSED) return 0;
    if (o->valid_from != PAROER_DATE_NONE && date < o->valid_from) return 0;
    if (o->valid_to != PAROER_DATE_NONE && date > o->valid_to) return 0;
    if (municipality < 0 || o->nationwide) return 1;
    for (uint32_t i = 0; i < o->n_municipalities; i++)
        if (o->municipalities[i] == municipality) return 1;
    return 0;
}

const char *pr_cov_strdup(paroer_coverage *cov, const char *s)
{
    if (!s) s = "";
    return pr_arena_strndup(&cov->arena, s, strlen(s));
}

static const char *cov_printf(paroer_coverage *cov, const char *fmt, ...) PR_PRINTF(2, 3);
static const char *cov_printf(paroer_coverage *cov, const char *fmt, ...)
{
    char buf[1024], safe[1536];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Details quote ids and titles of the catalog: control characters escaped. */
    pr_escape(safe, sizeof safe, buf, strlen(buf));
    return pr_cov_strdup(cov, safe);
}

static void fmt_date(int32_t d, char buf[16])
{
    if (d == PAROER_DATE_NONE || paroer_date_format(d, buf, 16) != PAROER_OK) snprintf(buf, 16, "?");
}

/* ---- target-group coverage ------------------------------------------------------ */

static int band_overlaps(const paroer_target *t, int band)
{
    int32_t lo, hi;
    paroer_age_band_range(band, &lo, &hi);
    return t->relative_age.min <= hi && lo <= t->relative_age.max;
}

static int compute_matrix(paroer_coverage *cov, const paroer_catalog *c)
{
    const int32_t m = cov->municipality, date = cov->date;
    memset(cov->covered, 0, sizeof cov->covered);
    size_t n_bereaved_total[PR_N_NEED] = {0};

    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (!pr_offer_live(o, m, date)) continue;
        const paroer_target *t = &o->target;
        if (t->bereaved != PAROER_BEREAVEMENT_NO)
            for (int n = 0; n < PR_N_NEED; n++)
                if (o->needs & PR_BIT(n)) n_bereaved_total[n]++;
        if (t->bereaved == PAROER_BEREAVEMENT_ONLY) continue;
        for (int b = 0; b < PR_N_AGE_BAND; b++) {
            if (!band_overlaps(t, b)) continue;
            for (int r = 0; r < PR_N_RELATION; r++) {
                if (t->relations && !(t->relations & PR_BIT(r))) continue;
                for (int k = 0; k < PR_N_CONDITION; k++) {
                    if (t->conditions && !(t->conditions & PR_BIT(k))) continue;
                    cov->covered[b][r][k] |= (uint16_t)o->needs;
                }
            }
        }
    }

    /* the bereavement list, by need, offers in catalog order */
    for (int n = 0; n < PR_N_NEED; n++) {
        cov->n_bereaved[n] = 0;
        if (!n_bereaved_total[n]) continue;
        cov->bereaved[n] = pr_arena_alloc(&cov->arena, n_bereaved_total[n] * sizeof(char *), sizeof(char *));
        if (!cov->bereaved[n]) return PAROER_ENOMEM;
    }
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (o->target.bereaved == PAROER_BEREAVEMENT_NO || !pr_offer_live(o, m, date)) continue;
        const char *id = NULL;
        for (int n = 0; n < PR_N_NEED; n++) {
            if (!(o->needs & PR_BIT(n))) continue;
            if (!id && !(id = pr_cov_strdup(cov, o->id))) return PAROER_ENOMEM;
            cov->bereaved[n][cov->n_bereaved[n]++] = id;
        }
    }

    /* shares and gaps */
    size_t cells = 0, pairs_covered = 0;
    size_t need_cov[PR_N_NEED] = {0};
    size_t cond_cells[PR_N_CONDITION] = {0}, cond_cov[PR_N_CONDITION] = {0};
    size_t rel_cells[PR_N_RELATION] = {0}, rel_cov[PR_N_RELATION] = {0};
    size_t band_cells[PR_N_AGE_BAND] = {0}, band_cov[PR_N_AGE_BAND] = {0};
    size_t gaps = 0;
    for (int b = 0; b < PR_N_AGE_BAND; b++)
        for (int r = 0; r < PR_N_RELATION; r++) {
            if (!pr_cell_exists(b, r)) continue;
            for (int k = 0; k < PR_N_CONDITION; k++) {
                uint16_t mask = cov->covered[b][r][k];
                cells++;
                cond_cells[k]++;
                rel_cells[r]++;
                band_cells[b]++;
                for (int n = 0; n < PR_N_NEED; n++) {
                    if (mask & PR_BIT(n)) {
                        pairs_covered++;
                        need_cov[n]++;
                        cond_cov[k]++;
                        rel_cov[r]++;
                        band_cov[b]++;
                    } else {
                        gaps++;
                    }
                }
            }
        }
    cov->n_cells = cells;
    cov->count_overall = (pr_pair_count){pairs_covered, cells * PR_N_NEED};
    for (int n = 0; n < PR_N_NEED; n++) cov->count_need[n] = (pr_pair_count){need_cov[n], cells};
    for (int k = 0; k < PR_N_CONDITION; k++)
        cov->count_condition[k] = (pr_pair_count){cond_cov[k], cond_cells[k] * PR_N_NEED};
    for (int r = 0; r < PR_N_RELATION; r++)
        cov->count_relation[r] = (pr_pair_count){rel_cov[r], rel_cells[r] * PR_N_NEED};
    for (int b = 0; b < PR_N_AGE_BAND; b++)
        cov->count_age_band[b] = (pr_pair_count){band_cov[b], band_cells[b] * PR_N_NEED};
    /* Each share is exactly its counts' quotient. */
#define PR_SHARE(c) ((c).pairs ? (double)(c).covered / (double)(c).pairs : 0.0)
    cov->overall = PR_SHARE(cov->count_overall);
    for (int n = 0; n < PR_N_NEED; n++) cov->by_need[n] = PR_SHARE(cov->count_need[n]);
    for (int k = 0; k < PR_N_CONDITION; k++) cov->by_condition[k] = PR_SHARE(cov->count_condition[k]);
    for (int r = 0; r < PR_N_RELATION; r++) cov->by_relation[r] = PR_SHARE(cov->count_relation[r]);
    for (int b = 0; b < PR_N_AGE_BAND; b++) cov->by_age_band[b] = PR_SHARE(cov->count_age_band[b]);
#undef PR_SHARE

    cov->n_gaps = 0;
    if (gaps) {
        cov->gaps = pr_arena_alloc(&cov->arena, gaps * sizeof *cov->gaps, sizeof(uint32_t));
        if (!cov->gaps) return PAROER_ENOMEM;
    }
    for (int b = 0; b < PR_N_AGE_BAND; b++)
        for (int r = 0; r < PR_N_RELATION; r++) {
            if (!pr_cell_exists(b, r)) continue;
            for (int k = 0; k < PR_N_CONDITION; k++)
                for (int n = 0; n < PR_N_NEED; n++)
                    if (!(cov->covered[b][r][k] & PR_BIT(n)))
                        cov->gaps[cov->n_gaps++] = (pr_gap){(uint8_t)b, (uint8_t)r, (uint8_t)k, (uint8_t)n};
        }
    return 0;
}

/* ---- policy coverage ------------------------------------------------------------ */

static int compute_policy(paroer_coverage *cov, const paroer_catalog *c, const paroer_policy *pol)
{
    if (!pol) return 0;
    if (!(cov->policy_id = pr_cov_strdup(cov, pol->id))) return PAROER_ENOMEM;
    cov->n_goals = pol->n_goals;
    if (!pol->n_goals) return 0;
    cov->goals = pr_arena_alloc(&cov->arena, pol->n_goals * sizeof *cov->goals, sizeof(void *));
    if (!cov->goals) return PAROER_ENOMEM;
    for (uint32_t g = 0; g < pol->n_goals; g++) {
        const paroer_goal *goal = &pol->goals[g];
        pr_goal_cov *gc = &cov->goals[g];
        memset(gc, 0, sizeof *gc);
        if (!(gc->id = pr_cov_strdup(cov, goal->id))) return PAROER_ENOMEM;
        gc->organisational = paroer_goal_is_organisational(goal);
        if (gc->organisational) continue;
        size_t n = 0;
        for (uint32_t i = 0; i < c->n_offers; i++)
            if (paroer_goal_realised_by(goal, &c->offers[i], cov->date)) n++;
        if (!n) continue;
        gc->realised_by = pr_arena_alloc(&cov->arena, n * sizeof(char *), sizeof(char *));
        if (!gc->realised_by) return PAROER_ENOMEM;
        for (uint32_t i = 0; i < c->n_offers; i++) {
            if (!paroer_goal_realised_by(goal, &c->offers[i], cov->date)) continue;
            if (!(gc->realised_by[gc->n_realised++] = pr_cov_strdup(cov, c->offers[i].id))) return PAROER_ENOMEM;
        }
    }
    return 0;
}

/* ---- the checks ---------------------------------------------------------------- */

static int set_check(paroer_coverage *cov, size_t i, const char *code, int32_t status, const char *en,
                     const char *da)
{
    pr_check *k = &cov->checks[i];
    k->code = code;
    k->status = status;
    k->detail[PAROER_LANG_EN] = en;
    k->detail[PAROER_LANG_DA] = da;
    return en && da ? 0 : PAROER_ENOMEM;
}

static int is_respite_kind(int32_t kind)
{
    return kind == PAROER_KIND_RESPITE_HOME || kind == PAROER_KIND_RESPITE_AWAY;
}

static int check_respite(paroer_coverage *cov, const paroer_catalog *c, size_t slot)
{
    const char *code = "respite_offered";
    size_t open = 0, waitlist = 0, other = 0;
    const char *first_open = NULL, *first_wait = NULL, *first_other = NULL;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (!pr_offer_live(o, cov->municipality, cov->date)) continue;
        if (o->target.bereaved == PAROER_BEREAVEMENT_ONLY) continue;
        if (is_respite_kind(o->kind)) {
            if (o->status == PAROER_STATUS_WAITLIST) {
                if (!waitlist++) first_wait = o->id;
            } else if (!open++) {
                first_open = o->id;
            }
        } else if (o->needs & PR_BIT(PAROER_NEED_RESPITE)) {
            if (!other++) first_other = o->id;
        }
    }
    if (open)
        return set_check(cov, slot, code, PAROER_CHECK_PASS,
                         cov_printf(cov, "%zu live respite offer%s (afløsning/aflastning), e.g. %s", open + waitlist,
                                    open + waitlist == 1 ? "" : "s", first_open),
                         cov_printf(cov, "%zu aktuelle tilbud om afløsning/aflastning, fx %s", open + waitlist,
                                    first_open));
    if (waitlist)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, "afløsning/aflastning is offered only with a waiting list (%s)", first_wait),
                         cov_printf(cov, "afløsning/aflastning tilbydes kun med venteliste (%s)", first_wait));
    if (other)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, "no afløsning or aflastning offer, respite only through %s "
                                         "(Ældreloven § 16 requires afløsning or aflastning)", first_other),
                         cov_printf(cov, "intet tilbud om afløsning eller aflastning, pusterum kun gennem %s "
                                         "(Ældreloven § 16 kræver afløsning eller aflastning)", first_other));
    return set_check(cov, slot, code, PAROER_CHECK_FAIL,
                     pr_cov_strdup(cov, "no live offer of afløsning or aflastning, as Ældreloven § 16 requires"),
                     pr_cov_strdup(cov, "intet aktuelt tilbud om afløsning eller aflastning, som Ældreloven § 16 kræver"));
}

static int check_policy_present(paroer_coverage *cov, const paroer_policy *pol, size_t slot)
{
    const char *code = "policy_present";
    if (!pol)
        return set_check(cov, slot, code, PAROER_CHECK_FAIL,
                         cov_printf(cov, "no relatives' policy for municipality %d", (int)cov->municipality),
                         cov_printf(cov, "ingen pårørendepolitik for kommune %d", (int)cov->municipality));
    return set_check(cov, slot, code, PAROER_CHECK_PASS,
                     cov_printf(cov, "relatives' policy %s (%s)", pol->id, pol->title),
                     cov_printf(cov, "pårørendepolitik %s (%s)", pol->id, pol->title));
}

static int check_policy_current(paroer_coverage *cov, const paroer_policy *pol, size_t slot)
{
    const char *code = "policy_current";
    char d[16];
    if (!pol)
        return set_check(cov, slot, code, PAROER_CHECK_FAIL, pr_cov_strdup(cov, "no relatives' policy"),
                         pr_cov_strdup(cov, "ingen pårørendepolitik"));
    if (pol->valid_to == PAROER_DATE_NONE)
        return set_check(cov, slot, code, PAROER_CHECK_PASS,
                         cov_printf(cov, "policy %s has no end date", pol->id),
                         cov_printf(cov, "pårørendepolitik %s har ingen slutdato", pol->id));
    fmt_date(pol->valid_to, d);
    if (cov->date > pol->valid_to)
        return set_check(cov, slot, code, PAROER_CHECK_FAIL, cov_printf(cov, "policy %s expired on %s", pol->id, d),
                         cov_printf(cov, "pårørendepolitik %s udløb %s", pol->id, d));
    int64_t left = (int64_t)pol->valid_to - cov->date;
    if (left <= PR_SOON_DAYS)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, "policy %s expires on %s (in %d days)", pol->id, d, (int)left),
                         cov_printf(cov, "pårørendepolitik %s udløber %s (om %d dage)", pol->id, d, (int)left));
    return set_check(cov, slot, code, PAROER_CHECK_PASS, cov_printf(cov, "policy %s is valid until %s", pol->id, d),
                     cov_printf(cov, "pårørendepolitik %s gælder til %s", pol->id, d));
}

static int check_action_plan(paroer_coverage *cov, const paroer_policy *pol, size_t slot)
{
    const char *code = "action_plan_due";
    char d[16];
    if (!pol)
        return set_check(cov, slot, code, PAROER_CHECK_FAIL,
                         pr_cov_strdup(cov, "no relatives' policy, so no action plan"),
                         pr_cov_strdup(cov, "ingen pårørendepolitik og dermed ingen handleplan"));
    if (!pol->n_action_plans)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, "policy %s has no action plans", pol->id),
                         cov_printf(cov, "pårørendepolitik %s har ingen handleplaner", pol->id));
    /* The earliest plan not adopted by the date; plans without a due date come last. */
    const pr_action_plan *next = NULL;
    for (uint32_t i = 0; i < pol->n_action_plans; i++) {
        const pr_action_plan *p = &pol->action_plans[i];
        if (p->adopted != PAROER_DATE_NONE && p->adopted <= cov->date) continue;
        if (!next) { next = p; continue; }
        if (p->due != PAROER_DATE_NONE && (next->due == PAROER_DATE_NONE || p->due < next->due)) next = p;
    }
    if (!next)
        return set_check(cov, slot, code, PAROER_CHECK_PASS,
                         cov_printf(cov, "all %u action plans are adopted", (unsigned)pol->n_action_plans),
                         cov_printf(cov, "alle %u handleplaner er vedtaget", (unsigned)pol->n_action_plans));
    /* A plan is named by its title; the contract makes the title optional, and
     * an untitled plan is named otherwise (never by ""). Both sentences of a
     * case take the same arguments: the untitled one skips the title ("%.0s"). */
    const int titled = next->title && next->title[0];
    const char *t = titled ? next->title : "";
    if (next->due == PAROER_DATE_NONE)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, titled ? "action plan \"%s\" is not adopted and has no due date"
                                                : "%.0san untitled action plan is not adopted and has no due date", t),
                         cov_printf(cov, titled ? "handleplan \"%s\" er ikke vedtaget og har ingen frist"
                                                : "%.0sen handleplan uden titel er ikke vedtaget og har ingen frist", t));
    fmt_date(next->due, d);
    if (next->due < cov->date)
        return set_check(cov, slot, code, PAROER_CHECK_FAIL,
                         cov_printf(cov, titled ? "action plan \"%s\" was due on %s and is not adopted"
                                                : "%.0sthe action plan due on %s is not adopted", t, d),
                         cov_printf(cov, titled ? "handleplan \"%s\" skulle være vedtaget %s og er det ikke"
                                                : "%.0shandleplanen med frist %s er ikke vedtaget", t, d));
    const int64_t left = (int64_t)next->due - cov->date;
    if (left <= PR_SOON_DAYS)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, titled ? "action plan \"%s\" is due on %s (in %d days)"
                                                : "%.0sthe action plan due on %s is not adopted yet (in %d days)",
                                    t, d, (int)left),
                         cov_printf(cov, titled ? "handleplan \"%s\" skal vedtages senest %s (om %d dage)"
                                                : "%.0shandleplanen med frist %s er endnu ikke vedtaget (om %d dage)", t, d,
                                    (int)left));
    return set_check(cov, slot, code, PAROER_CHECK_PASS,
                     cov_printf(cov, titled ? "next action plan \"%s\" is due on %s"
                                            : "%.0sthe next action plan is due on %s", t, d),
                     cov_printf(cov, titled ? "næste handleplan \"%s\" skal vedtages senest %s"
                                            : "%.0snæste handleplan har frist %s", t, d));
}

static int check_children(paroer_coverage *cov, const paroer_catalog *c, const paroer_policy *pol, size_t slot)
{
    const char *code = "children_as_relatives";
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (o->target.relative_age.max <= 17 && pr_offer_live(o, cov->municipality, cov->date))
            return set_check(cov, slot, code, PAROER_CHECK_PASS,
                             cov_printf(cov, "offer %s is for relatives aged 17 or younger", o->id),
                             cov_printf(cov, "tilbud %s er for pårørende på 17 år eller yngre", o->id));
    }
    for (uint32_t g = 0; pol && g < pol->n_goals; g++)
        if (pol->goals[g].target.relative_age.max <= 17)
            return set_check(cov, slot, code, PAROER_CHECK_PASS,
                             cov_printf(cov, "policy goal %s is for relatives aged 17 or younger", pol->goals[g].id),
                             cov_printf(cov, "politikkens mål %s er for pårørende på 17 år eller yngre",
                                        pol->goals[g].id));
    return set_check(cov, slot, code, PAROER_CHECK_WARN,
                     pr_cov_strdup(cov, "neither a live offer nor a policy goal is for relatives aged 17 or younger"),
                     pr_cov_strdup(cov, "hverken et aktuelt tilbud eller et mål i politikken er for pårørende "
                                        "på 17 år eller yngre"));
}

static int check_counsellor(paroer_coverage *cov, const paroer_catalog *c, size_t slot)
{
    const char *code = "counsellor_present";
    const char *other = NULL;
    for (uint32_t i = 0; i < c->n_offers; i++) {
        const struct paroer_offer *o = &c->offers[i];
        if (o->kind != PAROER_KIND_COUNSELLING || !pr_offer_live(o, cov->municipality, cov->date)) continue;
        int municipal = o->provider != PR_NONE && o->provider < c->n_providers &&
                        c->providers[o->provider].kind == PAROER_PROVIDER_MUNICIPAL;
        if (municipal)
            return set_check(cov, slot, code, PAROER_CHECK_PASS,
                             cov_printf(cov, "municipal counselling for relatives: %s", o->id),
                             cov_printf(cov, "kommunal rådgivning af pårørende: %s", o->id));
        if (!other) other = o->id;
    }
    if (other)
        return set_check(cov, slot, code, PAROER_CHECK_WARN,
                         cov_printf(cov, "no municipal counselling offer (pårørendevejleder), only other providers' "
                                         "such as %s", other),
                         cov_printf(cov, "ingen kommunal pårørendevejleder, kun andre udbyderes rådgivning, fx %s",
                                    other));
    return set_check(cov, slot, code, PAROER_CHECK_WARN,
                     pr_cov_strdup(cov, "no live counselling offer for relatives (pårørendevejleder)"),
                     pr_cov_strdup(cov, "intet aktuelt rådgivningstilbud til pårørende (pårørendevejleder)"));
}

int pr_coverage_policy_checks(paroer_coverage *cov, const paroer_policy *pol)
{
    int rc = check_policy_present(cov, pol, 1);
    if (!rc) rc = check_policy_current(cov, pol, 2);
    if (!rc) rc = check_action_plan(cov, pol, 3);
    return rc ? PAROER_ENOMEM : 0;
}

static int compute_checks(paroer_coverage *cov, const paroer_catalog *c, const paroer_policy *pol)
{
    int rc = check_respite(cov, c, 0);
    if (!rc) rc = pr_coverage_policy_checks(cov, pol);
    if (!rc) rc = check_children(cov, c, pol, 4);
    if (!rc) rc = check_counsellor(cov, c, 5);
    if (rc) return PAROER_ENOMEM;
    cov->n_checks = PR_N_CHECKS;
    return 0;
}

/* ---- options, compute, free ---------------------------------------------------- */

int paroer_coverage_options_init(paroer_coverage_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "opts is NULL");
    if (version < 1 || version > PAROER_COVERAGE_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown coverage options version %u", (unsigned)version);
    /* Only the fields of `version` exist in the caller's struct: set them one by one. */
    opts->version = version;
    opts->date = PAROER_DATE_NONE;
    opts->municipality = -1;
    opts->population = NULL;
    opts->min_cell = PAROER_COVERAGE_MIN_CELL_DEFAULT;
    opts->allocator = NULL;
    opts->lang = PAROER_LANG_EN;
    opts->max_unmet = 10;
    if (version >= 2) {
        opts->population_file = NULL;
        opts->population_load = NULL;
        opts->threads = 1;
        opts->parallel_for = NULL;
        opts->parallel_ctx = NULL;
    }
    return PAROER_OK;
}

void paroer_coverage_free(paroer_coverage *cov)
{
    if (!cov) return;
    paroer_allocator a = cov->alloc;
    pr_arena_free(&cov->arena);
    pr_free(&a, cov);
}

int paroer_coverage_compute(paroer_coverage **out, const paroer_catalog *catalog,
                            const paroer_coverage_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!catalog) return pr_error(PAROER_EINVALID, "catalog is NULL");
    paroer_coverage_options o;
    paroer_coverage_options_init(&o, PAROER_COVERAGE_OPTIONS_VERSION);
    if (opts) {
        if (opts->version < 1 || opts->version > PAROER_COVERAGE_OPTIONS_VERSION)
            return pr_error(PAROER_EINVALID, "unknown coverage options version %u", (unsigned)opts->version);
        /* Version 1 is the whole struct; a later version copies only the
         * fields that exist in opts->version. */
        o.date = opts->date;
        o.municipality = opts->municipality;
        o.population = opts->population;
        o.min_cell = opts->min_cell;
        o.allocator = opts->allocator;
        o.lang = opts->lang;
        o.max_unmet = opts->max_unmet;
        if (opts->version >= 2) {
            o.population_file = opts->population_file;
            o.population_load = opts->population_load;
            o.threads = opts->threads;
            o.parallel_for = opts->parallel_for;
            o.parallel_ctx = opts->parallel_ctx;
        }
    }
    if (o.population && o.population_file)
        return pr_error(PAROER_EINVALID, "give a population or a population file, not both");
    if (o.population_load && (o.population_load->version < 1 || o.population_load->version > PAROER_LOAD_OPTIONS_VERSION))
        return pr_error(PAROER_EINVALID, "unknown load options version %u", (unsigned)o.population_load->version);
    if (o.municipality != -1 && (o.municipality < 1 || o.municipality > 999))
        return pr_error(PAROER_EINVALID, "municipality %d is not a code 1..999 (or -1 for none)",
                        (int)o.municipality);
    if (o.min_cell < PAROER_COVERAGE_MIN_CELL_FLOOR)
        return pr_error(PAROER_EINVALID, "min_cell %u is below %d: small cells could single out a family",
                        (unsigned)o.min_cell, PAROER_COVERAGE_MIN_CELL_FLOOR);
    if (o.lang != PAROER_LANG_EN && o.lang != PAROER_LANG_DA)
        return pr_error(PAROER_EINVALID, "unknown language %d", (int)o.lang);
    if (o.municipality == -1 && !o.population && !o.population_file)
        return pr_error(PAROER_EINVALID, "without a municipality, coverage needs a population");

    paroer_allocator a;
    pr_alloc_resolve(&a, o.allocator);
    paroer_coverage *cov = pr_calloc(&a, 1, sizeof *cov);
    if (!cov) return pr_error(PAROER_ENOMEM, "out of memory");
    cov->alloc = a;
    pr_arena_init(&cov->arena, &cov->alloc);
    cov->municipality = o.municipality;
    cov->date = o.date == PAROER_DATE_NONE ? paroer_date_today() : o.date;
    cov->lang = o.lang;
    cov->min_cell = o.min_cell;
    cov->max_unmet = o.max_unmet ? o.max_unmet : 10;

    int rc = 0;
    if (o.municipality != -1) {
        cov->has_matrix = 1;
        const paroer_policy *pol = paroer_catalog_policy_for(catalog, o.municipality, cov->date);
        rc = compute_matrix(cov, catalog);
        if (!rc) rc = compute_policy(cov, catalog, pol);
        if (!rc) rc = compute_checks(cov, catalog, pol);
    }
    if (!rc && o.population) {
        cov->has_population = 1;
        rc = pr_coverage_population(cov, catalog, o.population);
    }
    if (rc) {
        paroer_coverage_free(cov);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    if (o.population_file) {
        cov->has_population = 1;
        rc = pr_coverage_population_file(cov, catalog, o.population_file, o.population_load, o.threads,
                                         o.parallel_for, o.parallel_ctx);
        if (rc) {
            paroer_coverage_free(cov);
            return rc;   /* the error record is set */
        }
    }
    *out = cov;
    return PAROER_OK;
}

/* ---- accessors ------------------------------------------------------------------ */

int32_t paroer_coverage_municipality(const paroer_coverage *cov) { return cov ? cov->municipality : -1; }
int32_t paroer_coverage_date(const paroer_coverage *cov) { return cov ? cov->date : PAROER_DATE_NONE; }
int paroer_coverage_has_matrix(const paroer_coverage *cov) { return cov ? cov->has_matrix : 0; }
int paroer_coverage_has_population(const paroer_coverage *cov) { return cov ? cov->has_population : 0; }
size_t paroer_coverage_cell_count(const paroer_coverage *cov) { return cov && cov->has_matrix ? cov->n_cells : 0; }
double paroer_coverage_overall(const paroer_coverage *cov) { return cov && cov->has_matrix ? cov->overall : 0.0; }

double paroer_coverage_share(const paroer_coverage *cov, int32_t list, int32_t code)
{
    if (!cov || !cov->has_matrix || code < 0) return -1.0;
    switch (list) {
    case PAROER_VOCAB_NEED: return code < PR_N_NEED ? cov->by_need[code] : -1.0;
    case PAROER_VOCAB_CONDITION: return code < PR_N_CONDITION ? cov->by_condition[code] : -1.0;
    case PAROER_VOCAB_RELATION: return code < PR_N_RELATION ? cov->by_relation[code] : -1.0;
    case PAROER_VOCAB_AGE_BAND: return code < PR_N_AGE_BAND ? cov->by_age_band[code] : -1.0;
    default: return -1.0;
    }
}

/* The counts of one list's code (list -1: overall), or NULL. */
static const pr_pair_count *share_counts(const paroer_coverage *cov, int32_t list, int32_t code)
{
    if (!cov || !cov->has_matrix) return NULL;
    if (list == -1) return &cov->count_overall;
    if (code < 0) return NULL;
    switch (list) {
    case PAROER_VOCAB_NEED: return code < PR_N_NEED ? &cov->count_need[code] : NULL;
    case PAROER_VOCAB_CONDITION: return code < PR_N_CONDITION ? &cov->count_condition[code] : NULL;
    case PAROER_VOCAB_RELATION: return code < PR_N_RELATION ? &cov->count_relation[code] : NULL;
    case PAROER_VOCAB_AGE_BAND: return code < PR_N_AGE_BAND ? &cov->count_age_band[code] : NULL;
    default: return NULL;
    }
}

int paroer_coverage_share_counts(const paroer_coverage *cov, int32_t list, int32_t code, size_t *covered,
                                 size_t *pairs)
{
    const pr_pair_count *c = share_counts(cov, list, code);
    if (covered) *covered = c ? c->covered : 0;
    if (pairs) *pairs = c ? c->pairs : 0;
    if (!cov) return pr_error(PAROER_EINVALID, "cov is NULL");
    if (!cov->has_matrix) return pr_error(PAROER_ENOTFOUND, "the coverage has no target-group matrix");
    return c ? PAROER_OK : pr_error(PAROER_EINVALID, "unknown list %d or code %d", (int)list, (int)code);
}

int paroer_coverage_covered(const paroer_coverage *cov, int32_t age_band, int32_t relation, int32_t condition,
                            int32_t need)
{
    if (!cov || !cov->has_matrix || age_band < 0 || age_band >= PR_N_AGE_BAND || relation < 0 ||
        relation >= PR_N_RELATION || condition < 0 || condition >= PR_N_CONDITION || need < 0 ||
        need >= PR_N_NEED || !pr_cell_exists(age_band, relation))
        return -1;
    return (cov->covered[age_band][relation][condition] >> need) & 1;
}

size_t paroer_coverage_gap_count(const paroer_coverage *cov) { return cov ? cov->n_gaps : 0; }

int paroer_coverage_gap(const paroer_coverage *cov, size_t i, int32_t *age_band, int32_t *relation,
                        int32_t *condition, int32_t *need)
{
    if (!cov || i >= cov->n_gaps) return pr_error(PAROER_EINVALID, "gap index out of range");
    const pr_gap *g = &cov->gaps[i];
    if (age_band) *age_band = g->band;
    if (relation) *relation = g->relation;
    if (condition) *condition = g->condition;
    if (need) *need = g->need;
    return PAROER_OK;
}

size_t paroer_coverage_bereavement_count(const paroer_coverage *cov, int32_t need)
{
    return cov && need >= 0 && need < PR_N_NEED ? cov->n_bereaved[need] : 0;
}

const char *paroer_coverage_bereavement_offer(const paroer_coverage *cov, int32_t need, size_t i)
{
    return cov && need >= 0 && need < PR_N_NEED && i < cov->n_bereaved[need] ? cov->bereaved[need][i] : NULL;
}

const char *paroer_coverage_policy_id(const paroer_coverage *cov) { return cov ? cov->policy_id : NULL; }
size_t paroer_coverage_goal_count(const paroer_coverage *cov) { return cov ? cov->n_goals : 0; }

const char *paroer_coverage_goal_id(const paroer_coverage *cov, size_t i)
{
    return cov && i < cov->n_goals ? cov->goals[i].id : NULL;
}

int paroer_coverage_goal_organisational(const paroer_coverage *cov, size_t i)
{
    return cov && i < cov->n_goals ? cov->goals[i].organisational : -1;
}

size_t paroer_coverage_goal_realised_count(const paroer_coverage *cov, size_t i)
{
    return cov && i < cov->n_goals ? cov->goals[i].n_realised : 0;
}

const char *paroer_coverage_goal_realised_by(const paroer_coverage *cov, size_t i, size_t j)
{
    return cov && i < cov->n_goals && j < cov->goals[i].n_realised ? cov->goals[i].realised_by[j] : NULL;
}

const char *paroer_check_status_code(int32_t status)
{
    switch (status) {
    case PAROER_CHECK_PASS: return "pass";
    case PAROER_CHECK_WARN: return "warn";
    case PAROER_CHECK_FAIL: return "fail";
    default: return NULL;
    }
}

size_t paroer_coverage_check_count(const paroer_coverage *cov) { return cov ? cov->n_checks : 0; }

const char *paroer_coverage_check_code(const paroer_coverage *cov, size_t i)
{
    return cov && i < cov->n_checks ? cov->checks[i].code : NULL;
}

int32_t paroer_coverage_check_status(const paroer_coverage *cov, size_t i)
{
    return cov && i < cov->n_checks ? cov->checks[i].status : -1;
}

const char *paroer_coverage_check_detail(const paroer_coverage *cov, size_t i, int32_t lang)
{
    if (!cov || i >= cov->n_checks || (lang != PAROER_LANG_DA && lang != PAROER_LANG_EN)) return NULL;
    return cov->checks[i].detail[lang];
}

uint64_t paroer_coverage_pop_relatives(const paroer_coverage *cov) { return cov ? cov->pop_relatives : 0; }
uint64_t paroer_coverage_pop_rejected_rows(const paroer_coverage *cov) { return cov ? cov->pop_rejected : 0; }
uint64_t paroer_coverage_pop_reached(const paroer_coverage *cov) { return cov ? cov->pop_reached : 0; }
uint64_t paroer_coverage_pop_needs_met(const paroer_coverage *cov) { return cov ? cov->pop_met : 0; }
int paroer_coverage_pop_suppressed(const paroer_coverage *cov) { return cov ? cov->pop_suppressed : 0; }
uint64_t paroer_coverage_pop_unknown_relatives(const paroer_coverage *cov) { return cov ? cov->pop_partial : 0; }
uint64_t paroer_coverage_pop_reached_possible(const paroer_coverage *cov) { return cov ? cov->pop_reached_possible : 0; }
uint64_t paroer_coverage_pop_needs_met_possible(const paroer_coverage *cov) { return cov ? cov->pop_met_possible : 0; }

size_t paroer_coverage_breakdown_count(const paroer_coverage *cov, int32_t breakdown)
{
    return cov && breakdown >= 0 && breakdown < PR_N_BREAKDOWNS ? cov->n_bd[breakdown] : 0;
}

int paroer_coverage_breakdown_cell(const paroer_coverage *cov, int32_t breakdown, size_t i, int32_t *code,
                                   uint64_t *relatives, uint64_t *reached, uint64_t *needs_met)
{
    if (!cov || breakdown < 0 || breakdown >= PR_N_BREAKDOWNS || i >= cov->n_bd[breakdown])
        return pr_error(PAROER_EINVALID, "breakdown cell out of range");
    const pr_bd_cell *c = &cov->bd[breakdown][i];
    if (code) *code = c->code;
    if (relatives) *relatives = c->relatives;
    if (reached) *reached = c->reached;
    if (needs_met) *needs_met = c->needs_met;
    return c->suppressed ? 0 : 1;
}

int paroer_coverage_breakdown_cell_possible(const paroer_coverage *cov, int32_t breakdown, size_t i,
                                            uint64_t *reached_possible, uint64_t *needs_met_possible)
{
    if (!cov || breakdown < 0 || breakdown >= PR_N_BREAKDOWNS || i >= cov->n_bd[breakdown])
        return pr_error(PAROER_EINVALID, "breakdown cell out of range");
    const pr_bd_cell *c = &cov->bd[breakdown][i];
    if (reached_possible) *reached_possible = c->reached_possible;
    if (needs_met_possible) *needs_met_possible = c->needs_met_possible;
    return c->suppressed ? 0 : 1;
}

size_t paroer_coverage_unmet_count(const paroer_coverage *cov) { return cov ? cov->n_unmet : 0; }

int paroer_coverage_unmet(const paroer_coverage *cov, size_t i, int32_t *need, int32_t *condition,
                          uint64_t *relatives)
{
    if (!cov || i >= cov->n_unmet) return pr_error(PAROER_EINVALID, "unmet index out of range");
    if (need) *need = cov->unmet[i].need;
    if (condition) *condition = cov->unmet[i].condition;
    if (relatives) *relatives = cov->unmet[i].relatives;
    return PAROER_OK;
}

size_t paroer_coverage_allocation_count(const paroer_coverage *cov) { return cov ? cov->n_alloc : 0; }

int paroer_coverage_allocation(const paroer_coverage *cov, size_t i, const char **offer_id, int64_t *capacity,
                               uint64_t *served, uint64_t *waitlisted)
{
    if (!cov || i >= cov->n_alloc) return pr_error(PAROER_EINVALID, "allocation index out of range");
    const pr_alloc_entry *e = &cov->alloc_entries[i];
    if (offer_id) *offer_id = e->offer_id;
    if (capacity) *capacity = e->capacity;
    if (served) *served = e->served;
    if (waitlisted) *waitlisted = e->waitlisted;
    return PAROER_OK;
}
