/* The national overview (contract section 6a): for every municipality of the
 * list, the figures `paroer coverage -m CODE` computes, in one pass over the
 * catalog. The accessors of include/paroer/overview.h; the writers are in
 * lib/overview_write.c; the rules are in docs/overview.md.
 *
 * How the work is shared:
 * 1. each offer is looked at once: live on the date (status and validity),
 *    the cells of the target-group matrix it covers (its age bands, relations
 *    and conditions, as coverage's compute_matrix() walks them) and what it
 *    means for the offer-based checks (a PR_OVF_* bit set);
 * 2. the nationwide live offers are folded once into a base matrix and base
 *    check facts, shared by every municipality;
 * 3. each municipality adds its own live local offers (the catalog's
 *    offers-by-municipality index), then counts its covered pairs, takes its
 *    policy (paroer_catalog_policy_for(), the policy checks of coverage.c) and
 *    tests its goals against its live offers only. */
#include "overview_impl.h"
#include <paroer/municipality.h>
#include <string.h>

/* What one live offer means for the offer-based checks (lib/coverage.c:
 * check_respite(), check_children(), check_counsellor()). */
enum {
    PR_OVF_RESPITE_OPEN = 1u << 0,     /* respite_home/away, not waitlist, not bereaved-only */
    PR_OVF_RESPITE_WAITLIST = 1u << 1, /* respite_home/away on a waiting list, not bereaved-only */
    PR_OVF_RESPITE_OTHER = 1u << 2,    /* another kind serving `respite`, not bereaved-only */
    PR_OVF_CHILDREN = 1u << 3,         /* target relative_age maximum 17 or less */
    PR_OVF_COUNSELLOR = 1u << 4,       /* a counselling offer of a municipal provider */
    PR_OVF_LIVE = 1u << 7              /* live on the date somewhere (status and validity) */
};

/* An offer's footprint on the matrix: the needs it adds to every cell of
 * bands × relations × conditions. */
typedef struct ov_offer {
    uint8_t facts;       /* PR_OVF_* */
    uint8_t bands;       /* age bands its relative_age overlaps; 0 when bereaved-only */
    uint8_t relations;   /* relation bits (all when unrestricted) */
    uint16_t conditions; /* condition bits (all when unrestricted) */
    uint16_t needs;
} ov_offer;

typedef uint16_t ov_matrix[PR_N_AGE_BAND][PR_N_RELATION][PR_N_CONDITION];

static uint8_t offer_facts(const paroer_catalog *c, const struct paroer_offer *o)
{
    uint8_t f = PR_OVF_LIVE;
    int respite_kind = o->kind == PAROER_KIND_RESPITE_HOME || o->kind == PAROER_KIND_RESPITE_AWAY;
    if (o->target.bereaved != PAROER_BEREAVEMENT_ONLY) {
        if (respite_kind) f |= o->status == PAROER_STATUS_WAITLIST ? PR_OVF_RESPITE_WAITLIST : PR_OVF_RESPITE_OPEN;
        else if (o->needs & PR_BIT(PAROER_NEED_RESPITE)) f |= PR_OVF_RESPITE_OTHER;
    }
    if (o->target.relative_age.max <= 17) f |= PR_OVF_CHILDREN;
    if (o->kind == PAROER_KIND_COUNSELLING && o->provider != PR_NONE && o->provider < c->n_providers &&
        c->providers[o->provider].kind == PAROER_PROVIDER_MUNICIPAL)
        f |= PR_OVF_COUNSELLOR;
    return f;
}

static void offer_footprint(const paroer_catalog *c, const struct paroer_offer *o, int32_t date, ov_offer *out)
{
    memset(out, 0, sizeof *out);
    if (!pr_offer_live(o, -1, date)) return;
    out->facts = offer_facts(c, o);
    const paroer_target *t = &o->target;
    if (t->bereaved == PAROER_BEREAVEMENT_ONLY) return; /* stays out of the matrix */
    for (int b = 0; b < PR_N_AGE_BAND; b++) {
        int32_t lo, hi;
        paroer_age_band_range(b, &lo, &hi);
        if (t->relative_age.min <= hi && lo <= t->relative_age.max) out->bands |= (uint8_t)PR_BIT(b);
    }
    out->relations = (uint8_t)(t->relations ? t->relations & PR_ALL(PR_N_RELATION) : PR_ALL(PR_N_RELATION));
    out->conditions = (uint16_t)(t->conditions ? t->conditions & PR_ALL(PR_N_CONDITION) : PR_ALL(PR_N_CONDITION));
    out->needs = (uint16_t)o->needs;
}

static void matrix_add(ov_matrix m, const ov_offer *f)
{
    if (!f->bands || !f->needs) return;
    for (int b = 0; b < PR_N_AGE_BAND; b++) {
        if (!(f->bands & PR_BIT(b))) continue;
        for (int r = 0; r < PR_N_RELATION; r++) {
            if (!(f->relations & PR_BIT(r))) continue;
            for (int k = 0; k < PR_N_CONDITION; k++)
                if (f->conditions & PR_BIT(k)) m[b][r][k] |= f->needs;
        }
    }
}

/* Covered (cell, need) pairs and all pairs, over the cells that exist. */
static void matrix_count(ov_matrix m, uint32_t *covered, uint32_t *pairs)
{
    uint32_t cov = 0, cells = 0;
    for (int b = 0; b < PR_N_AGE_BAND; b++)
        for (int r = 0; r < PR_N_RELATION; r++) {
            if (!pr_cell_exists(b, r)) continue;
            for (int k = 0; k < PR_N_CONDITION; k++) {
                cells++;
                cov += (uint32_t)__builtin_popcount((unsigned)(m[b][r][k] & PR_ALL(PR_N_NEED)));
            }
        }
    *covered = cov;
    *pairs = cells * PR_N_NEED;
}

/* ---- the checks ----------------------------------------------------------------- */

const char *paroer_overview_check_code(size_t k)
{
    static const char *const codes[PAROER_OVERVIEW_CHECKS] = {
        "respite_offered", "policy_present", "policy_current", "action_plan_due", "children_as_relatives",
        "counsellor_present"};
    return k < PAROER_OVERVIEW_CHECKS ? codes[k] : NULL;
}

/* The policy checks through coverage's own functions, on a scratch result. */
static int policy_checks(const paroer_overview *ov, int32_t municipality, const paroer_policy *pol, int8_t st[3])
{
    paroer_coverage *scratch = pr_calloc(&ov->alloc, 1, sizeof *scratch);
    if (!scratch) return PAROER_ENOMEM;
    scratch->alloc = ov->alloc;
    pr_arena_init(&scratch->arena, &scratch->alloc);
    scratch->municipality = municipality;
    scratch->date = ov->date;
    int rc = pr_coverage_policy_checks(scratch, pol);
    for (int k = 0; !rc && k < 3; k++) st[k] = (int8_t)scratch->checks[1 + k].status;
    paroer_coverage_free(scratch);
    return rc;
}

/* ---- compute ---------------------------------------------------------------------- */

int paroer_overview_options_init(paroer_overview_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "opts is NULL");
    if (version < 1 || version > PAROER_OVERVIEW_OPTIONS_VERSION)
        return pr_error(PAROER_EINVALID, "unknown overview options version %u", (unsigned)version);
    opts->version = version;
    opts->date = PAROER_DATE_NONE;
    opts->municipalities = NULL;
    opts->n_municipalities = 0;
    opts->allocator = NULL;
    return PAROER_OK;
}

void paroer_overview_free(paroer_overview *ov)
{
    if (!ov) return;
    paroer_allocator a = ov->alloc;
    pr_arena_free(&ov->arena);
    pr_free(&a, ov);
}

static const char *shipped_name(int32_t code)
{
    const char *name = paroer_municipality_name(code);
    return name ? name : "";
}
static int ov_strdup(paroer_overview *ov, const char *s, const char **out)
{
    *out = pr_arena_strndup(&ov->arena, s, strlen(s));
    return *out ? 0 : PAROER_ENOMEM;
}

/* One municipality's row. `fp` are the offers' footprints, `base`/`base_facts`
 * the nationwide offers' share; `mark` a scratch array of one byte per offer
 * (all 0 on entry and on return). */
static int compute_row(paroer_overview *ov, const paroer_catalog *c, const ov_offer *fp, const ov_matrix base,
                       unsigned base_facts, uint32_t base_live, pr_ov_row *row)
{
    const int32_t m = row->municipality;
    ov_matrix mx;
    memcpy(mx, base, sizeof mx);
    unsigned facts = base_facts;
    const uint32_t *local = c->muni_offers + c->muni_start[m];
    const uint32_t n_local = c->muni_start[m + 1] - c->muni_start[m];
    for (uint32_t j = 0; j < n_local; j++) {
        const ov_offer *f = &fp[local[j]];
        if (!(f->facts & PR_OVF_LIVE)) continue;
        row->local_offers++;
        row->kinds |= PR_BIT(c->offers[local[j]].kind);
        facts |= f->facts;
        matrix_add(mx, f);
    }
    row->offers_live = base_live + row->local_offers;
    matrix_count(mx, &row->covered_cells, &row->cells);
    row->overall = (double)row->covered_cells / (double)row->cells;

    const paroer_policy *pol = paroer_catalog_policy_for(c, m, ov->date);
    if (pol && ov_strdup(ov, pol->id, &row->policy_id)) return PAROER_ENOMEM;
    int policy_children = 0;
    for (uint32_t g = 0; pol && g < pol->n_goals; g++) {
        const paroer_goal *goal = &pol->goals[g];
        if (goal->target.relative_age.max <= 17) policy_children = 1;
        if (paroer_goal_is_organisational(goal)) {
            row->goals_organisational++;
            continue;
        }
        row->goals++;
        int realised = 0;
        for (uint32_t j = 0; !realised && j < c->n_nationwide; j++)
            realised = paroer_goal_realised_by(goal, &c->offers[c->nationwide[j]], ov->date);
        for (uint32_t j = 0; !realised && j < n_local; j++)
            realised = paroer_goal_realised_by(goal, &c->offers[local[j]], ov->date);
        if (!realised) row->goals_unrealised++;
    }

    /* The statuses exactly as coverage.c decides them. */
    row->checks[0] = (int8_t)(facts & PR_OVF_RESPITE_OPEN ? PAROER_CHECK_PASS
                              : facts & (PR_OVF_RESPITE_WAITLIST | PR_OVF_RESPITE_OTHER) ? PAROER_CHECK_WARN
                                                                                         : PAROER_CHECK_FAIL);
    int rc = policy_checks(ov, m, pol, &row->checks[1]);
    if (rc) return rc;
    row->checks[4] = (int8_t)(facts & PR_OVF_CHILDREN || policy_children ? PAROER_CHECK_PASS : PAROER_CHECK_WARN);
    row->checks[5] = (int8_t)(facts & PR_OVF_COUNSELLOR ? PAROER_CHECK_PASS : PAROER_CHECK_WARN);
    return 0;
}

static int check_list(const int32_t *codes, size_t n)
{
    if (!n) return pr_error(PAROER_EINVALID, "the list of municipalities is empty");
    unsigned char seen[PR_MUNI_MAX] = {0};
    for (size_t i = 0; i < n; i++) {
        if (codes[i] < 1 || codes[i] > 999)
            return pr_error(PAROER_EINVALID, "municipality %d is not a code 1..999", (int)codes[i]);
        if (seen[codes[i]]++) return pr_error(PAROER_EINVALID, "municipality %d is listed twice", (int)codes[i]);
    }
    return 0;
}

int paroer_overview_compute(paroer_overview **out, const paroer_catalog *catalog,
                            const paroer_overview_options *opts)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    *out = NULL;
    if (!catalog) return pr_error(PAROER_EINVALID, "catalog is NULL");
    paroer_overview_options o;
    paroer_overview_options_init(&o, PAROER_OVERVIEW_OPTIONS_VERSION);
    if (opts) {
        if (opts->version < 1 || opts->version > PAROER_OVERVIEW_OPTIONS_VERSION)
            return pr_error(PAROER_EINVALID, "unknown overview options version %u", (unsigned)opts->version);
        o.date = opts->date;
        o.municipalities = opts->municipalities;
        o.n_municipalities = opts->n_municipalities;
        o.allocator = opts->allocator;
    }
    if (o.municipalities) {
        int rc = check_list(o.municipalities, o.n_municipalities);
        if (rc) return rc;
    }

    paroer_allocator a;
    pr_alloc_resolve(&a, o.allocator);
    paroer_overview *ov = pr_calloc(&a, 1, sizeof *ov);
    if (!ov) return pr_error(PAROER_ENOMEM, "out of memory");
    ov->alloc = a;
    pr_arena_init(&ov->arena, &ov->alloc);
    ov->date = o.date == PAROER_DATE_NONE ? paroer_date_today() : o.date;
    ov->n_rows = o.municipalities ? o.n_municipalities : paroer_municipality_count();

    const paroer_catalog *c = catalog;
    int rc = 0;
    ov_offer *fp = pr_calloc(&ov->alloc, c->n_offers ? c->n_offers : 1, sizeof *fp);
    ov->rows = pr_arena_alloc(&ov->arena, ov->n_rows * sizeof *ov->rows, _Alignof(pr_ov_row));
    if (!fp || !ov->rows) rc = PAROER_ENOMEM;

    /* 1. every offer once */
    for (uint32_t i = 0; !rc && i < c->n_offers; i++) offer_footprint(c, &c->offers[i], ov->date, &fp[i]);

    /* 2. the nationwide offers once */
    ov_matrix base;
    memset(base, 0, sizeof base);
    unsigned base_facts = 0;
    uint32_t base_live = 0;
    for (uint32_t j = 0; !rc && j < c->n_nationwide; j++) {
        const ov_offer *f = &fp[c->nationwide[j]];
        if (!(f->facts & PR_OVF_LIVE)) continue;
        base_live++;
        base_facts |= f->facts;
        matrix_add(base, f);
    }

    /* 3. each municipality */
    for (size_t i = 0; !rc && i < ov->n_rows; i++) {
        pr_ov_row *row = &ov->rows[i];
        memset(row, 0, sizeof *row);
        row->municipality = o.municipalities ? o.municipalities[i] : paroer_municipality_code(i);
        row->name = shipped_name(row->municipality);
        rc = compute_row(ov, c, fp, (const uint16_t(*)[PR_N_RELATION][PR_N_CONDITION])base, base_facts,
                                  base_live, row);
        if (rc) break;
        for (int k = 0; k < PAROER_OVERVIEW_CHECKS; k++) ov->summary_checks[k][row->checks[k]]++;
        if (row->local_offers) ov->with_local++;
        for (int k = 0; k < PR_N_KIND; k++)
            if (row->kinds & PR_BIT(k)) ov->by_kind[k]++;
    }
    pr_free(&ov->alloc, fp);
    if (rc) {
        paroer_overview_free(ov);
        return pr_error(PAROER_ENOMEM, "out of memory");
    }
    *out = ov;
    return PAROER_OK;
}

/* ---- accessors ------------------------------------------------------------------- */

static const pr_ov_row *row_at(const paroer_overview *ov, size_t i)
{
    return ov && i < ov->n_rows ? &ov->rows[i] : NULL;
}

int32_t paroer_overview_date(const paroer_overview *ov) { return ov ? ov->date : PAROER_DATE_NONE; }
size_t paroer_overview_count(const paroer_overview *ov) { return ov ? ov->n_rows : 0; }

int32_t paroer_overview_municipality(const paroer_overview *ov, size_t i)
{
    const pr_ov_row *r = row_at(ov, i);
    return r ? r->municipality : -1;
}

const char *paroer_overview_name(const paroer_overview *ov, size_t i)
{
    const pr_ov_row *r = row_at(ov, i);
    return r ? r->name : NULL;
}

#define OV_FIELD(fn, type, field, none)                                                                       \
    type fn(const paroer_overview *ov, size_t i)                                                              \
    {                                                                                                         \
        const pr_ov_row *r = row_at(ov, i);                                                                   \
        return r ? (type)r->field : (none);                                                                   \
    }
OV_FIELD(paroer_overview_offers_live, size_t, offers_live, 0)
OV_FIELD(paroer_overview_local_offers, size_t, local_offers, 0)
OV_FIELD(paroer_overview_kinds, uint32_t, kinds, 0)
OV_FIELD(paroer_overview_covered_cells, size_t, covered_cells, 0)
OV_FIELD(paroer_overview_cells, size_t, cells, 0)
OV_FIELD(paroer_overview_coverage_overall, double, overall, -1.0)
OV_FIELD(paroer_overview_goals, size_t, goals, 0)
OV_FIELD(paroer_overview_goals_unrealised, size_t, goals_unrealised, 0)
OV_FIELD(paroer_overview_goals_organisational, size_t, goals_organisational, 0)
OV_FIELD(paroer_overview_policy_id, const char *, policy_id, NULL)
#undef OV_FIELD

int32_t paroer_overview_check_status(const paroer_overview *ov, size_t i, size_t k)
{
    const pr_ov_row *r = row_at(ov, i);
    return r && k < PAROER_OVERVIEW_CHECKS ? r->checks[k] : -1;
}

size_t paroer_overview_find(const paroer_overview *ov, int32_t code)
{
    for (size_t i = 0; ov && i < ov->n_rows; i++)
        if (ov->rows[i].municipality == code) return i;
    return (size_t)-1;
}

size_t paroer_overview_summary_checks(const paroer_overview *ov, size_t k, int32_t status)
{
    if (!ov || k >= PAROER_OVERVIEW_CHECKS || status < PAROER_CHECK_PASS || status > PAROER_CHECK_FAIL) return 0;
    return ov->summary_checks[k][status];
}

size_t paroer_overview_summary_with_local_offers(const paroer_overview *ov) { return ov ? ov->with_local : 0; }

size_t paroer_overview_summary_by_kind(const paroer_overview *ov, int32_t kind)
{
    return ov && kind >= 0 && kind < PR_N_KIND ? ov->by_kind[kind] : 0;
}
